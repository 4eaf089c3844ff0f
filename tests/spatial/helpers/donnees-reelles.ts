import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { bitCategorie, type Categorie } from '../../../server/domain/offre.ts'
import type { Communes, Lieux, Territoires } from '../../../server/spatial/donnees.ts'

/**
 * Test-only loader of the real national files, so oracles can run at national scale before the
 * SQLite import exists. The real engine input comes from server/db; this mimics it closely enough.
 */
export const DOSSIER_DONNEES = '/work/shared/data'

const COM = new Set(['975', '977', '978', '984', '986', '987', '988', '989'])

type LigneCommune = Readonly<Record<'code' | 'nom' | 'type' | 'departement' | 'region' | 'population' | 'longitude' | 'latitude', string>>
type LignePoint = Readonly<Record<'id' | 'nom' | 'categorie' | 'code_insee_commune' | 'code_insee_pip' | 'longitude' | 'latitude' | 'nb_conseillers', string>>
type LigneIfn = Readonly<Record<'code' | 'total', string>>

function readCsv<T>(fichier: string): T[] {
  return parse(readFileSync(`${DOSSIER_DONNEES}/${fichier}`), { columns: true, skip_empty_lines: true }) as T[]
}

/** Catégorie of a row of points-normalises.csv, from its `categorie` prefix. */
export function categorieDuPoint(categorie: string): Categorie | undefined {
  if (categorie.startsWith('france-services')) return 'france-services'
  if (categorie.startsWith('lieu-cnfs') || categorie.startsWith('structure-cnfs')) return 'conseillers-numeriques'
  if (categorie.startsWith('lieu-mediation-numerique')) return 'mediation'
  return undefined
}

export type DonneesReelles = Readonly<{ communes: Communes; lieux: Lieux; territoires: Territoires }>

let cache: DonneesReelles | undefined

/** Loads the 34,969 communes actuelles and the located lieux of points-normalises.csv (memoised: read-only). */
export function loadDonneesReelles(): DonneesReelles {
  if (cache) return cache
  const lignes = readCsv<LigneCommune>('communes-centres-2026.csv').filter((l) => l.type === 'commune-actuelle')
  const ifnParCode = new Map(readCsv<LigneIfn>('ifn-communes-2023.csv').map((l) => [l.code, Number(l.total)] as const))
  const communes: Communes = {
    n: lignes.length,
    code: lignes.map((l) => l.code),
    nom: lignes.map((l) => l.nom),
    departement: lignes.map((l) => l.departement),
    region: lignes.map((l) => l.region),
    longitude: Float64Array.from(lignes, (l) => Number(l.longitude)),
    latitude: Float64Array.from(lignes, (l) => Number(l.latitude)),
    population: Float64Array.from(lignes, (l) => Number(l.population || 0)),
    ifn: Float64Array.from(lignes, (l) => ifnParCode.get(l.code) ?? NaN),
    com: Uint8Array.from(lignes, (l) => (COM.has(l.departement) ? 1 : 0)),
  }
  const departementParCommune = new Map(lignes.map((l) => [l.code, l.departement] as const))

  const points = readCsv<LignePoint>('points-normalises.csv').flatMap((p) => {
    const categorie = categorieDuPoint(p.categorie)
    const departement = departementParCommune.get(p.code_insee_commune) ?? departementParCommune.get(p.code_insee_pip)
    if (!categorie || !departement || p.longitude === '' || p.latitude === '') return []
    return [{ p, categorie, departement }]
  })
  const conseillers = (p: LignePoint): number => (p.nb_conseillers === '' ? NaN : Number(p.nb_conseillers))
  // Postes and funding are synthetic here (SQLite will carry the real ones): a CNFS structure's
  // conseillers stand for its postes, each funded 50 000 €.
  const postes = Float64Array.from(points, ({ p, categorie }) =>
    categorie === 'conseillers-numeriques' && p.nb_conseillers !== '' ? Number(p.nb_conseillers) : 0,
  )
  const lieux: Lieux = {
    n: points.length,
    id: Int32Array.from(points, (_, k) => k + 1),
    nom: points.map(({ p }) => p.nom),
    categories: Uint8Array.from(points, ({ categorie }) => bitCategorie(categorie)),
    longitude: Float64Array.from(points, ({ p }) => Number(p.longitude)),
    latitude: Float64Array.from(points, ({ p }) => Number(p.latitude)),
    conseillers: Float64Array.from(points, ({ p }) => conseillers(p)),
    postes,
    financementEuros: postes.map((x) => x * 50_000),
    departement: points.map(({ departement }) => departement),
    actif: new Uint8Array(points.length).fill(1),
  }

  const departements = new Map<string, { code: string; nom: string; region: string; com: boolean }>()
  for (const l of lignes)
    if (!departements.has(l.departement))
      departements.set(l.departement, { code: l.departement, nom: l.departement, region: l.region, com: COM.has(l.departement) })
  const regions = [...new Set([...departements.values()].filter((d) => !d.com).map((d) => d.region))]
  const territoires: Territoires = {
    departements: [...departements.values()],
    regions: regions.map((code) => ({ code, nom: code })),
  }
  cache = { communes, lieux, territoires }
  return cache
}
