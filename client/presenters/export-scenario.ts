// The scenario as a CSV file, built in the browser: the same Excel-friendly format as the server's
// exports (UTF-8 BOM, ';', decimal comma, CRLF), so both open the same way in a French spreadsheet.
import { protegerFormule } from '../../server/domain/tableur.ts'
import type { Chiffres, CommuneChangee, Parametres } from '../api/types.ts'
import { totalLieux } from './national.ts'
import type { Scenario } from './scenario.ts'

type Cellule = string | number | null

/** Quotes what would split a cell; a text a spreadsheet would run as a formula is prefixed (protegerFormule). */
export function celluleCsv(v: Cellule): string {
  if (v === null) return ''
  const t = typeof v === 'number' ? String(v).replace('.', ',') : protegerFormule(v)
  return /[";\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t
}

export const versCsv = (lignes: readonly (readonly Cellule[])[]): string =>
  `\uFEFF${lignes.map((l) => l.map(celluleCsv).join(';')).join('\r\n')}\r\n`

const FIGURES: [string, (c: Chiffres) => number | null][] = [
  ['Population', (c) => c.population],
  ['Population couverte', (c) => c.populationCouverte],
  ['Taux de couverture', (c) => c.tauxCouverture],
  ['Population en zones blanches', (c) => c.populationZonesBlanches],
  ['Communes', (c) => c.communes],
  ['Communes en zone blanche', (c) => c.communesZonesBlanches],
  ['Lieux', totalLieux],
  ['Postes de conseillers numériques', (c) => c.postes],
  ['Postes pour 10 000 habitants', (c) => c.postesPour10000],
  ['Financement de l’État (euros)', (c) => c.financementEtatEuros],
  ['Distance moyenne au lieu le plus proche (km)', (c) => c.distanceMoyenneKm],
  ['Accessibilité médiane', (c) => c.accessibiliteMediane],
  ['IFN moyen des zones blanches', (c) => c.ifnMoyenZonesBlanches],
]

/** 4 decimals are more than any figure here needs and keep floating-point noise out of the file. */
const arrondi = (n: number | null) => (n === null ? null : Math.round(n * 1e4) / 1e4)

export type ExportScenario = {
  departement: { code: string; nom: string }
  parametres: Parametres
  scenario: Scenario
  /** Name of each withdrawn lieu, when known. */
  nomsLieux: ReadonlyMap<number, string>
  avant: Chiffres
  apres: Chiffres
  communesChangees: readonly CommuneChangee[]
}

/** One file, three blocks separated by an empty line: the scenario, the figures, the communes that changed. */
export function csvScenario(e: ExportScenario): string {
  const lignes: Cellule[][] = [
    ['Département', `${e.departement.nom} (${e.departement.code})`],
    ['Rayon de couverture (km)', e.parametres.rayonKm],
    ['Offre', e.parametres.offre.join(', ')],
    [],
    ['Action', 'Longitude', 'Latitude', 'Conseillers', 'Lieu retiré (identifiant)', 'Lieu retiré (nom)'],
    ...e.scenario.ajouts.map((a): Cellule[] => ['ajout', a.lon, a.lat, a.conseillers, null, null]),
    ...e.scenario.retraits.map((id): Cellule[] => ['retrait', null, null, null, id, e.nomsLieux.get(id) ?? null]),
    [],
    ['Indicateur', 'Avant', 'Après', 'Écart'],
    ...FIGURES.map(([libelle, valeur]): Cellule[] => {
      const a = valeur(e.avant)
      const b = valeur(e.apres)
      return [libelle, arrondi(a), arrondi(b), a === null || b === null ? null : arrondi(b - a)]
    }),
    [],
    ['Commune dont le statut change (code INSEE)', 'Commune', 'Population', 'Avant', 'Après'],
    ...e.communesChangees.map((c): Cellule[] => [c.code, c.nom, c.population, c.avant, c.apres]),
  ]
  return versCsv(lignes)
}

export const nomFichierScenario = (code: string, rayonKm: number) => `scenario-${code}-${rayonKm}km.csv`
