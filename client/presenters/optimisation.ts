// How the planner reads an optimal placement: its quality (objective, greedy, proof, gap) and its sites.
import type { LigneNationale, Optimisation, Poids, RaisonNonOptimal } from '../api/types.ts'
import { formatDecimal, formatEntier, formatTaux, pluriel } from '../charts/format.ts'
import type { Repere } from '../map/Reperes.tsx'

/** What the objective counts: inhabitants, or inhabitants weighted by the IFN (not people, so not "hab."). */
export const uniteObjectif = (poids: Poids) => (poids === 'population' ? 'hab.' : 'hab. × IFN')
export const formatObjectif = (n: number, poids: Poids) => `${poids === 'population' ? formatEntier(n) : formatEntier(Math.round(n))}\u00a0${uniteObjectif(poids)}`

/** Why optimality is not proven, as the server reports it. */
export const LIBELLES_RAISONS: Readonly<Record<RaisonNonOptimal, string>> = {
  'temps-limite': 'temps limite atteint',
  'trop-grand': 'instance trop grande pour le solveur',
  'erreur-solveur': 'le solveur a échoué',
}

/** The optimality line: proven by HiGHS or by a bound the greedy reaches, or not proven and why. */
export function libelleOptimalite(o: Pick<Optimisation, 'optimal' | 'methode' | 'raison'>): string {
  if (o.optimal) return o.methode === 'exacte' ? 'prouvée (solveur HiGHS)' : 'prouvée (la solution gloutonne atteint une borne supérieure)'
  const solution = o.methode === 'exacte' ? 'meilleure solution du solveur' : 'solution gloutonne'
  return o.raison === null ? `non prouvée (${solution})` : `non prouvée (${LIBELLES_RAISONS[o.raison]}, ${solution})`
}

/** The national allocation's proof, from the reasons its rows give. */
export function libelleOptimaliteNationale(lignes: readonly Pick<LigneNationale, 'optimal' | 'raison'>[]): string {
  if (lignes.every((l) => l.optimal)) return 'Chaque optimum départemental est prouvé.'
  const raisons = [...new Set(lignes.flatMap((l) => (l.raison === null ? [] : [LIBELLES_RAISONS[l.raison]])))]
  return `Certains optimums départementaux ne sont pas prouvés${raisons.length > 0 ? ` (${raisons.join(' ; ')})` : ''}.`
}

/** A row of the national table: proven, or not and why. */
export const libelleOptimaliteLigne = (l: Pick<LigneNationale, 'optimal' | 'raison'>): string =>
  l.optimal ? 'prouvée' : l.raison === null ? 'non prouvée' : `non prouvée (${LIBELLES_RAISONS[l.raison]})`

export type LigneResume = { cle: string; libelle: string; valeur: string }

export function resumeOptimisation(o: Optimisation): LigneResume[] {
  return [
    { cle: 'objectif', libelle: 'Nouvellement couverts (solution retenue)', valeur: formatObjectif(o.objectif, o.poids) },
    { cle: 'objectifGlouton', libelle: 'Solution gloutonne', valeur: formatObjectif(o.objectifGlouton, o.poids) },
    {
      cle: 'optimal',
      libelle: 'Optimalité',
      valeur: libelleOptimalite(o),
    },
    { cle: 'ecart', libelle: 'Écart de la solution gloutonne', valeur: formatTaux(o.ecart) },
    {
      cle: 'demande',
      libelle: o.methodeCouverture === 'carreaux' ? 'Habitants non couverts' : 'Zones blanches à couvrir',
      valeur: o.methodeCouverture === 'carreaux'
        ? `${formatObjectif(o.demande.poids, o.poids)} dans ${pluriel(o.demande.communes, 'commune')} (${pluriel(o.demande.points, 'point')} de demande)`
        : `${formatEntier(o.demande.communes)} communes, ${formatObjectif(o.demande.poids, o.poids)}`,
    },
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
