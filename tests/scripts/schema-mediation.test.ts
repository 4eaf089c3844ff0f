import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DispositifProgrammeNational, Service } from '@gouvfr-anct/lieux-de-mediation-numerique'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convertirSchemaMediation } from '../../scripts/import/lieux/schema-mediation.ts'
import { lireCsv, lireJsonTableau } from '../../scripts/lib/lecture.ts'
import { lireManifest } from '../../scripts/lib/sources.ts'
import { CATEGORIES_DES_DISPOSITIFS, COLONNES_SCHEMA, SERVICES_SCHEMA } from '../../server/domain/schema-mediation.ts'
import { construireMini } from './helpers/base-mini.ts'

const SCHEMA = resolve(import.meta.dirname, '../fixtures/schema-mediation')
const JEU = 'lieux-mediation-numerique'
const convertir = convertirSchemaMediation(JEU)

/** The rejects of the fixture, written by hand from the schéma's rules (line = CSV line, header is line 1). */
const REJETS_ATTENDUS = [
  { ligne: 7, champ: 'pivot', motif: 'pivot invalide : « 1234 » (SIRET de 14 chiffres ou RNA « W » suivi de 9 caractères)' },
  { ligne: 8, champ: 'latitude', motif: 'coordonnées non numériques : « 5.37 », « quarante-quatre »' },
  { ligne: 10, champ: 'horaires', motif: 'horaires illisibles au format OpenStreetMap opening_hours : « lundi matin »' },
  { ligne: 11, champ: 'nom', motif: 'nom absent' },
  { ligne: 12, champ: 'adresse', motif: 'adresse absente' },
  { ligne: 13, champ: 'dispositif_programmes_nationaux', motif: "valeur refusée par le schéma : Le dispositif programmes national 'Conseillers numeriques' n'est pas une valeur admise" },
  { ligne: 14, champ: 'date_maj', motif: 'date de mise à jour invalide : « 14/03/2025 » (AAAA-MM-JJ attendu)' },
]

describe('convertirSchemaMediation', () => {
  const entree = lireManifest().find((m) => m.jeu === JEU)!

  it('rejects each malformed row of the CSV fixture with its field and a French reason', () => {
    const lignes = lireCsv(join(SCHEMA, 'lieux-de-mediation-numerique.csv'), entree.champs)
    const rejets = lignes.map(({ ligne, valeurs }) => ({ ligne, r: convertir(valeurs, ligne, 'f.csv') }))
      .flatMap(({ ligne, r }) => (r.ok ? [] : [{ ligne, champ: r.champ, motif: r.motif }]))
    expect(rejets).toEqual(REJETS_ATTENDUS)
  })

  it('reads the JSON fixture as the CSV one, position in the array for line', () => {
    const json = lireJsonTableau(join(SCHEMA, 'lieux-de-mediation-numerique.json')).map(({ ligne, valeurs }) => convertir(valeurs, ligne, 'f.json'))
    const csv = lireCsv(join(SCHEMA, 'lieux-de-mediation-numerique.csv'), entree.champs).map(({ ligne, valeurs }) => convertir(valeurs, ligne - 1, 'f.json'))
    expect(json.map((r) => (r.ok ? { ...r.lieu, donnees: null } : r))).toEqual(csv.map((r) => (r.ok ? { ...r.lieu, donnees: null } : r)))
  })

  it('maps dispositifs to catégories, itinérance, pivot and the first site web', () => {
    const [s1, , s3, , s5] = lireCsv(join(SCHEMA, 'lieux-de-mediation-numerique.csv'), entree.champs).map(({ ligne, valeurs }) => convertir(valeurs, ligne, 'f.csv'))
    expect(s1).toMatchObject({ ok: true, lieu: { categorie: 'france-services', categoriesSupplementaires: ['conseillers-numeriques'], siret: null,
      adresse: '1 place de la République, bâtiment B', longitude: 5.3701, latitude: 44.7501, siteWeb: 'https://www.die.fr', itinerant: false, dateMaj: '2025-06-30' } })
    expect(s3).toMatchObject({ ok: true, lieu: { categorie: 'aidants-connect', categoriesSupplementaires: [], itinerant: true, longitude: null, codeInsee: '26001', siret: '33333333333333' } })
    // An RNA is a valid pivot but not a SIRET.
    expect(s5).toMatchObject({ ok: true, lieu: { categorie: 'mediation', siret: null, codeInsee: '97411' } })
  })

  it('reads back a cell that the CSV export escaped against formula injection', () => {
    const r = convertir({ id: '1', pivot: '00000000000000', nom: "'=Lieu", commune: 'Die', code_postal: '26150', adresse: 'rue', date_maj: '2025-01-01' }, 2, 'f.csv')
    expect(r).toMatchObject({ ok: true, lieu: { nom: '=Lieu' } })
  })
})

describe('the schéma vocabularies copied into server/domain', () => {
  it('are those of @gouvfr-anct/lieux-de-mediation-numerique', () => {
    expect([...SERVICES_SCHEMA].sort()).toEqual(Object.values(Service).sort())
    for (const d of CATEGORIES_DES_DISPOSITIFS.keys()) expect(Object.values(DispositifProgrammeNational)).toContain(d)
  })
  it('lists the columns of the manifest entry, in the same order', () => {
    expect(lireManifest().find((m) => m.jeu === JEU)!.champs).toEqual([...COLONNES_SCHEMA])
  })
})

describe('construireBase with the optional schéma source', () => {
  let avec: ReturnType<typeof construireMini>
  let sans: ReturnType<typeof construireMini>
  beforeAll(() => {
    avec = construireMini(join(SCHEMA, 'lieux-de-mediation-numerique.csv'))
    sans = construireMini()
  })
  afterAll(() => {
    for (const b of [avec, sans]) {
      b?.db.close()
      if (b) rmSync(b.dossier, { recursive: true, force: true })
    }
  })

  it('builds without the file, and leaves it out of the import', () => {
    expect(sans.db.prepare('SELECT COUNT(*) FROM lieu').pluck().get()).toBe(6)
    const sources = JSON.parse(sans.db.prepare('SELECT sources FROM import').pluck().get() as string) as { jeu: string }[]
    expect(sources.map((s) => s.jeu)).not.toContain(JEU)
  })

  it('merges the schéma lieux with the other sources: same name and position, same SIRET', () => {
    expect(avec.db.prepare('SELECT id, nom, code_insee, categories, localisation, itinerant FROM lieu ORDER BY id').all()).toEqual([
      { id: 1, nom: 'France services de Die', code_insee: '26113', categories: 2 | 1, localisation: 'source', itinerant: 0 },
      { id: 2, nom: 'France services Paris Centre', code_insee: '75056', categories: 2, localisation: 'source', itinerant: 0 },
      { id: 3, nom: 'MAIRIE DE DIE', code_insee: '26113', categories: 1 | 8, localisation: 'source', itinerant: 0 },
      { id: 4, nom: 'Médiathèque de Die', code_insee: '26113', categories: 1 | 4, localisation: 'source', itinerant: 0 },
      { id: 5, nom: 'Espace numérique de Paris', code_insee: '75056', categories: 4, localisation: 'source', itinerant: 0 },
      { id: 6, nom: 'Bus numérique du Diois', code_insee: '26001', categories: 8, localisation: 'centre-commune', itinerant: 1 },
      { id: 7, nom: 'Tiers-lieu de Saint-Denis', code_insee: '97411', categories: 4, localisation: 'source', itinerant: 0 },
      { id: 8, nom: 'ASSOCIATION DU DIOIS', code_insee: '26001', categories: 1, localisation: 'centre-commune', itinerant: 0 },
      { id: 9, nom: 'CCAS de Saint-Denis', code_insee: '97411', categories: 8, localisation: 'centre-commune', itinerant: 0 },
    ])
    expect(avec.db.prepare('SELECT lieu_id, fusion FROM lieu_source WHERE jeu = ? AND fusion IS NOT NULL ORDER BY lieu_id').all(JEU)).toEqual([
      { lieu_id: 1, fusion: 'même nom et même position' },
      { lieu_id: 3, fusion: 'même SIRET 21260113200019' },
    ])
  })

  it('reports every rejected row with file, line, field and reason, and accounts for every row', () => {
    const rejets = avec.db.prepare('SELECT fichier, ligne, champ, motif FROM rejet WHERE jeu = ? ORDER BY ligne').all(JEU)
    const inconnue = { ligne: 9, champ: 'code_insee', motif: 'code INSEE 26999 inconnu du COG 2026, ni coordonnées ni SIRET géocodé' }
    expect(rejets).toEqual([...REJETS_ATTENDUS.slice(0, 2), inconnue, ...REJETS_ATTENDUS.slice(2)]
      .map((r) => ({ fichier: 'lieux-de-mediation-numerique.csv', ...r })))
    expect(avec.db.prepare('SELECT lus, gardes, fusionnes, rejetes FROM source_compte WHERE jeu = ?').get(JEU)).toEqual({ lus: 13, gardes: 3, fusionnes: 2, rejetes: 8 })
  })

  it('records the vintage of the file: its latest date_maj among kept rows', () => {
    const sources = JSON.parse(avec.db.prepare('SELECT sources FROM import').pluck().get() as string) as { jeu: string; dateMajMax?: string }[]
    expect(sources.find((s) => s.jeu === JEU)?.dateMajMax).toBe('2025-06-30')
  })
})
