import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { ReferentielCodes } from '../../server/domain/code-insee.ts'
import type { Rapport } from '../lib/rapport.ts'

const require = createRequire(import.meta.url)

/** Folder of the COG JSON files of @etalab/decoupage-administratif (a build may point elsewhere, e.g. a test fixture). */
export const DOSSIER_COG_PAQUET = join(dirname(require.resolve('@etalab/decoupage-administratif/package.json')), 'data')

type CommuneCog = {
  code: string
  nom: string
  type: string
  departement: string
  region: string
  zone?: string
  population?: number
  codesPostaux?: string[]
  chefLieu?: string
  commune?: string
}
type DepartementCog = { code: string; nom: string; region: string; zone: string; chefLieu?: string }
type RegionCog = { code: string; nom: string; zone: string }
type EpciCog = { code: string; nom: string; type: string; membres: { code: string }[] }

export type CommuneReference = Readonly<{
  code: string
  nom: string
  departement: string
  region: string
  epci: string | null
  population: number
  codesPostaux: readonly string[]
  com: boolean
}>
export type ArrondissementReference = Readonly<{ code: string; nom: string; commune: string; population: number }>
export type HistoriqueReference = Readonly<{ code: string; nom: string; type: string; commune: string }>

export type Cog = Readonly<{
  communes: readonly CommuneReference[]
  arrondissements: readonly ArrondissementReference[]
  historiques: readonly HistoriqueReference[]
  departements: readonly { code: string; nom: string; region: string; zone: string; com: boolean; chefLieu: string | null }[]
  regions: readonly { code: string; nom: string }[]
  epcis: readonly { code: string; nom: string; type: string }[]
  referentiel: ReferentielCodes
}>

export const FICHIER_COG = 'npm:@etalab/decoupage-administratif@6.0.0'

/** Reads COG 2026 from @etalab/decoupage-administratif; every communes.json row is accounted for. */
export function lireCog(rapport: Rapport, dossier: string = DOSSIER_COG_PAQUET): Cog {
  const lire = <T>(fichier: string) => JSON.parse(readFileSync(join(dossier, fichier), 'utf8')) as T[]
  const brutes = lire<CommuneCog>('communes.json')
  const departementsCog = lire<DepartementCog>('departements.json')
  const regionsCog = lire<RegionCog>('regions.json')
  const epciCog = lire<EpciCog>('epci.json')

  const epciDeCommune = new Map<string, string>()
  for (const e of epciCog) for (const m of e.membres) epciDeCommune.set(m.code, e.code)
  const zoneDeDepartement = new Map(departementsCog.map((d) => [d.code, d.zone]))

  const communes: CommuneReference[] = []
  const arrondissements: ArrondissementReference[] = []
  const historiques: HistoriqueReference[] = []
  const vus = new Set<string>()
  brutes.forEach((c, i) => {
    const ligne = i + 1
    rapport.lu('cog', FICHIER_COG)
    const cle = `${c.type}:${c.code}`
    if (vus.has(cle)) return rapport.fusionne('cog', FICHIER_COG)
    vus.add(cle)
    if (c.type === 'commune-actuelle') {
      communes.push({
        code: c.code,
        nom: c.nom,
        departement: c.departement,
        region: c.region,
        epci: epciDeCommune.get(c.code) ?? null,
        // Uninhabited territories (TAAF, Clipperton) have no legal population.
        population: c.population ?? 0,
        codesPostaux: c.codesPostaux ?? [],
        com: zoneDeDepartement.get(c.departement) === 'com',
      })
    } else if (c.type === 'arrondissement-municipal' && c.commune) {
      arrondissements.push({ code: c.code, nom: c.nom, commune: c.commune, population: c.population ?? 0 })
    } else if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu) {
      historiques.push({ code: c.code, nom: c.nom, type: c.type, commune: c.chefLieu })
    } else {
      return rapport.rejette('cog', FICHIER_COG, ligne, 'type', `type de commune inattendu : ${c.type}`)
    }
    rapport.garde('cog', FICHIER_COG)
  })

  const codesCommunes = new Set(communes.map((c) => c.code))
  const mapHistoriques = new Map<string, { commune: string; type: string }>()
  for (const h of historiques) if (!codesCommunes.has(h.code)) mapHistoriques.set(h.code, { commune: h.commune, type: h.type })
  for (const a of arrondissements) mapHistoriques.set(a.code, { commune: a.commune, type: 'arrondissement-municipal' })

  return {
    communes,
    arrondissements,
    historiques,
    departements: departementsCog.map((d) => ({ code: d.code, nom: d.nom, region: d.region, zone: d.zone, com: d.zone === 'com', chefLieu: d.chefLieu ?? null })),
    regions: regionsCog.map((r) => ({ code: r.code, nom: r.nom })),
    epcis: epciCog.map((e) => ({ code: e.code, nom: e.nom, type: e.type })),
    referentiel: { communes: codesCommunes, historiques: mapHistoriques },
  }
}
