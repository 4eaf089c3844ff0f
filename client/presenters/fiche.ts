// What the printable fiche of a département says: key figures beside the région and France, the candidatures in a
// few numbers. Formatted here once, so that the page and its test read the same strings.
import type { CandidatureEvaluee as Candidature, Chiffres } from '../api/types.ts'
import { formatDecimal, formatEntier, formatEuros, formatKm, formatTaux } from '../charts/format.ts'
import { totalLieux } from './national.ts'

export type LigneFiche = { cle: string; libelle: string; valeurs: string[] }

/** The key figures of the département, its région and France (hors COM), one row per figure. */
export function lignesChiffresFiche(territoires: readonly (Chiffres | undefined)[], rayonKm: number): LigneFiche[] {
  const ligne = (cle: string, libelle: string, f: (c: Chiffres) => string): LigneFiche => ({ cle, libelle, valeurs: territoires.map((t) => (t ? f(t) : '—')) })
  return [
    ligne('population', 'Population', (c) => formatEntier(c.population)),
    ligne('populationCouverte', 'Population couverte', (c) => formatEntier(c.populationCouverte)),
    ligne('tauxCouverture', 'Taux de couverture', (c) => formatTaux(c.tauxCouverture)),
    ligne('populationZonesBlanches', `Population à plus de ${rayonKm} km d’un lieu`, (c) => formatEntier(c.populationZonesBlanches)),
    ligne('communesZonesBlanches', 'Communes en zone blanche', (c) => `${formatEntier(c.communesZonesBlanches)} / ${formatEntier(c.communes)}`),
    ligne('lieux', 'Lieux de médiation numérique', (c) => formatEntier(totalLieux(c))),
    ligne('postes', 'Postes de conseillers numériques', (c) => formatEntier(c.postes)),
    ligne('postesPour10000', 'Postes pour 10 000 habitants', (c) => formatDecimal(c.postesPour10000)),
    ligne('distanceMoyenneKm', 'Distance moyenne au lieu le plus proche', (c) => formatKm(c.distanceMoyenneKm)),
    ligne('accessibiliteMediane', 'Accessibilité médiane', (c) => formatDecimal(c.accessibiliteMediane)),
    ligne('ifnMoyenZonesBlanches', 'IFN moyen des zones blanches', (c) => formatDecimal(c.ifnMoyenZonesBlanches)),
  ]
}

export type ResumeCandidatures = Readonly<{
  nombre: number
  postes: number
  coutEtatEuros: string
  avis: Readonly<{ favorable: number; reserve: number; defavorable: number; sansAvis: number }>
  /** The candidature that alone would cover the most inhabitants of zones blanches. */
  meilleure: Readonly<{ nom: string; gain: string }> | null
}>

/** The candidatures in a few numbers; null when there are none (the fiche then says nothing of them). */
export function resumerCandidatures(candidatures: readonly Candidature[] | undefined): ResumeCandidatures | null {
  if (!candidatures || candidatures.length === 0) return null
  const avis = { favorable: 0, reserve: 0, defavorable: 0, sansAvis: 0 }
  for (const c of candidatures) {
    if (c.avis === null) avis.sansAvis++
    else avis[c.avis.avis]++
  }
  const meilleure = candidatures.reduce((a, b) => (b.gain > a.gain ? b : a))
  return {
    nombre: candidatures.length,
    postes: candidatures.reduce((s, c) => s + c.postes, 0),
    coutEtatEuros: formatEuros(candidatures.reduce((s, c) => s + c.coutEtatEuros, 0)),
    avis,
    meilleure: meilleure.gain > 0 ? { nom: meilleure.nom, gain: formatEntier(meilleure.gain) } : null,
  }
}
