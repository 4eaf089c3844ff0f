// What the planner shows of a simulation: the figures before and after side by side, the commune
// states of the map, and the points of the scenario layer.
import type { AjoutPoste, Chiffres, CollectionLieux, CommuneChangee, CouvertureCommune } from '../api/types.ts'
import { formatDecimal, formatEntier, formatEuros, formatKm, formatTaux } from '../charts/format.ts'
import { statutCommune } from './indicateurs.ts'
import { totalLieux } from './national.ts'

/** `mieux` when the change helps the territory, whichever way the figure moves. */
export type Sens = 'mieux' | 'moins-bien' | 'egal'
export type LigneAvantApres = {
  cle: string
  libelle: string
  avant: string
  apres: string
  ecart: string
  sens: Sens
  valeurAvant: number | null
  valeurApres: number | null
}

type Def = { cle: string; libelle: string; valeur: (c: Chiffres) => number | null; format: (n: number | null) => string; hausseFavorable: boolean | null; formatEcart?: (n: number) => string }

const points = (n: number) => `${formatDecimal(n * 100)}\u00a0pt`
const definitions = (rayonKm: number): Def[] => [
  { cle: 'tauxCouverture', libelle: 'Population couverte', valeur: (c) => c.tauxCouverture, format: formatTaux, hausseFavorable: true, formatEcart: points },
  { cle: 'populationCouverte', libelle: 'Habitants couverts', valeur: (c) => c.populationCouverte, format: formatEntier, hausseFavorable: true },
  { cle: 'populationZonesBlanches', libelle: `Population en zones blanches (à plus de ${rayonKm} km)`, valeur: (c) => c.populationZonesBlanches, format: formatEntier, hausseFavorable: false },
  { cle: 'communesZonesBlanches', libelle: 'Communes en zone blanche', valeur: (c) => c.communesZonesBlanches, format: formatEntier, hausseFavorable: false },
  { cle: 'communesPartielles', libelle: 'Communes couvertes en partie', valeur: (c) => c.communesPartielles ?? null, format: formatEntier, hausseFavorable: null },
  { cle: 'lieux', libelle: 'Lieux de médiation numérique', valeur: totalLieux, format: formatEntier, hausseFavorable: null },
  { cle: 'postes', libelle: 'Postes de conseillers numériques', valeur: (c) => c.postes, format: formatEntier, hausseFavorable: null },
  { cle: 'postesPour10000', libelle: 'Postes pour 10 000 habitants', valeur: (c) => c.postesPour10000, format: formatDecimal, hausseFavorable: null },
  { cle: 'financementEtatEuros', libelle: 'Financement de l’État', valeur: (c) => c.financementEtatEuros, format: formatEuros, hausseFavorable: null },
  { cle: 'distanceMoyenneKm', libelle: 'Distance moyenne au lieu le plus proche', valeur: (c) => c.distanceMoyenneKm, format: formatKm, hausseFavorable: false },
  { cle: 'accessibiliteMediane', libelle: 'Accessibilité médiane', valeur: (c) => c.accessibiliteMediane, format: formatDecimal, hausseFavorable: true },
  { cle: 'ifnMoyenZonesBlanches', libelle: 'IFN moyen des zones blanches', valeur: (c) => c.ifnMoyenZonesBlanches, format: formatDecimal, hausseFavorable: null },
]

/** "+1 234", "−56", "0": an explicit sign, the true minus sign. */
export function signe(n: number, format: (n: number) => string): string {
  if (n === 0) return format(0)
  return n > 0 ? `+${format(n)}` : `\u2212${format(-n)}`
}

/** Rounding to the displayed precision decides "equal", so 0,0 never reads as a change. */
const PRECISION = 1e-9

export function lignesAvantApres(avant: Chiffres, apres: Chiffres, rayonKm: number): LigneAvantApres[] {
  return definitions(rayonKm).map((d) => {
    const a = d.valeur(avant)
    const b = d.valeur(apres)
    const delta = a === null || b === null ? null : b - a
    const change = delta !== null && Math.abs(delta) > PRECISION
    const sens: Sens = !change || d.hausseFavorable === null ? 'egal' : delta > 0 === d.hausseFavorable ? 'mieux' : 'moins-bien'
    const formatEcart = d.formatEcart ?? ((n: number) => d.format(n))
    const ecart = delta === null ? '—' : change ? signe(delta, formatEcart) : '='
    return { cle: d.cle, libelle: d.libelle, avant: d.format(a), apres: d.format(b), ecart, sens, valeurAvant: a, valeurApres: b }
  })
}

export type EtatCommuneScenario = { valeur: number; blanche: boolean; changee: boolean }

/**
 * Map states of the département's communes under the scenario: today's status, replaced by the
 * simulated one for the communes that changed. `valeur` (1 couverte, 0 blanche, the covered share of a commune
 * covered in part: today's, or ½ once the scenario changes it) feeds the fill.
 */
export function etatsCommunesScenario(
  communes: readonly CouvertureCommune[],
  changees: readonly CommuneChangee[] | undefined,
): Map<string, EtatCommuneScenario> {
  const apres = new Map((changees ?? []).map((c) => [c.code, c.apres]))
  const etats = new Map<string, EtatCommuneScenario>()
  for (const c of communes) {
    const change = apres.get(c.code)
    const statut = change ?? statutCommune(c)
    const valeur = statut === 'couverte' ? 1 : statut === 'blanche' ? 0 : change === undefined ? (c.partCouverte ?? 0.5) : 0.5
    etats.set(c.code, { valeur, blanche: statut === 'blanche', changee: change !== undefined })
  }
  return etats
}

export type PointScenario = GeoJSON.Feature<GeoJSON.Point, { type: 'lieu' | 'ajout'; id: number; nom: string; categorie: string; retire: boolean; conseillers: number }>

/**
 * The scenario layer: every lieu of the offre (flagged `retire` when withdrawn) and every ajout,
 * whose `id` is its index in the scenario so a click can remove it.
 */
export function pointsScenario(lieux: CollectionLieux | undefined, ajouts: readonly AjoutPoste[], retraits: readonly number[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const retires = new Set(retraits)
  const features: PointScenario[] = []
  for (const l of lieux?.features ?? []) {
    const id = Number(l.properties.id)
    if (!Number.isSafeInteger(id)) continue
    features.push({ type: 'Feature', geometry: l.geometry, properties: { type: 'lieu', id, nom: l.properties.nom, categorie: l.properties.categorie, retire: retires.has(id), conseillers: 0 } })
  }
  ajouts.forEach((a, k) =>
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [a.lon, a.lat] },
      properties: { type: 'ajout', id: k, nom: `Poste ajouté n° ${k + 1}`, categorie: 'conseillers-numeriques', retire: false, conseillers: a.conseillers },
    }),
  )
  return { type: 'FeatureCollection', features }
}

/** The communes that changed, those that became covered first, then by population. */
export function trierCommunesChangees(changees: readonly CommuneChangee[]): CommuneChangee[] {
  return [...changees].sort((a, b) => (a.apres === b.apres ? b.population - a.population || a.code.localeCompare(b.code) : a.apres === 'couverte' ? -1 : 1))
}

/** The server names an ajout by its array index (`ajouts[0]`); the planner's list calls it "poste n° 1". */
export const messageRefus = (message: string): string =>
  message.replace(/ajouts\[(\d+)\]/g, (_, k: string) => `poste n° ${Number(k) + 1}`).replace(/^poste/, 'Poste')
