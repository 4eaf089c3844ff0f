// How the planner reads an optimal placement: its quality (objective, greedy, proof, gap) and its sites.
import type { Optimisation, Poids } from '../api/types.ts'
import { formatDecimal, formatEntier, formatTaux } from '../charts/format.ts'
import type { Repere } from '../map/Reperes.tsx'

export const MAX_POSTES_DEPARTEMENT = 100
export const MAX_POSTES_NATIONAL = 200

/** What the objective counts: inhabitants, or inhabitants weighted by the IFN (not people, so not "hab."). */
export const uniteObjectif = (poids: Poids) => (poids === 'population' ? 'hab.' : 'hab. × IFN')
export const formatObjectif = (n: number, poids: Poids) => `${poids === 'population' ? formatEntier(n) : formatEntier(Math.round(n))}\u00a0${uniteObjectif(poids)}`

export type LigneResume = { cle: string; libelle: string; valeur: string }

export function resumeOptimisation(o: Optimisation): LigneResume[] {
  return [
    { cle: 'objectif', libelle: 'Nouvellement couverts (solution retenue)', valeur: formatObjectif(o.objectif, o.poids) },
    { cle: 'objectifGlouton', libelle: 'Solution gloutonne', valeur: formatObjectif(o.objectifGlouton, o.poids) },
    {
      cle: 'optimal',
      libelle: 'Optimalité',
      valeur: o.optimal ? 'prouvée (solveur HiGHS)' : o.methode === 'exacte' ? 'non prouvée (temps limite atteint)' : 'non prouvée (instance trop grande, solution gloutonne)',
    },
    { cle: 'ecart', libelle: 'Écart de la solution gloutonne', valeur: formatTaux(o.ecart) },
    { cle: 'demande', libelle: 'Zones blanches à couvrir', valeur: `${formatEntier(o.demande.communes)} communes, ${formatObjectif(o.demande.poids, o.poids)}` },
    { cle: 'dureeMs', libelle: 'Calcul', valeur: `${formatEntier(o.nbCandidats)} candidats, ${formatDecimal(o.dureeMs / 1000)}\u00a0s` },
  ]
}

/** Numbered markers of the proposed sites, matching the rows of the sites table. */
export function reperesSites(o: Optimisation | undefined): Repere[] {
  return (o?.sites ?? []).map((s, k) => ({
    id: `site-${k}`,
    longitude: s.lon,
    latitude: s.lat,
    numero: k + 1,
    libelle: `Site proposé n° ${k + 1} : ${s.nom} (+${formatObjectif(s.gain, o!.poids)})`,
    variante: 'propose' as const,
  }))
}
