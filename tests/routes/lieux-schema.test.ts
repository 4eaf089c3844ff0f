import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fromSchemaLieuDeMediationNumerique, type SchemaLieuMediationNumerique } from '@gouvfr-anct/lieux-de-mediation-numerique'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convertirSchemaMediation } from '../../scripts/import/lieux/schema-mediation.ts'
import type { LieuSource } from '../../scripts/import/lieux/lieu-source.ts'
import { lireCsv, lireJsonTableau } from '../../scripts/lib/lecture.ts'
import { buildDeps, createApp } from '../../server/app.ts'
import { categoriesDuMasque } from '../../server/domain/offre.ts'
import { COLONNES_SCHEMA } from '../../server/domain/schema-mediation.ts'
import { protegerFormule } from '../../server/domain/tableur.ts'
import { versCsvRfc4180 } from '../../server/routes/csv.ts'
import { construireMini } from '../scripts/helpers/base-mini.ts'
import { appNationale, depsNationales } from './app-nationale.ts'

const convertir = convertirSchemaMediation('lieux-mediation-numerique')
let temporaire: string
beforeAll(() => { temporaire = mkdtempSync(join(tmpdir(), 'maillage-export-')) })
afterAll(() => rmSync(temporaire, { recursive: true, force: true }))

/** Writes an answer to a file and reads it back as the build reads a schéma source. */
async function relire(res: Response, nom: string) {
  const chemin = join(temporaire, nom)
  writeFileSync(chemin, await res.text())
  return nom.endsWith('.csv') ? lireCsv(chemin, COLONNES_SCHEMA) : lireJsonTableau(chemin)
}

const relus = (lignes: { ligne: number; valeurs: Record<string, unknown> }[]) => lignes.map(({ ligne, valeurs }) => convertir(valeurs, ligne, 'export'))

describe('GET /api/lieux.csv and /api/lieux.json on the national database', () => {
  const actifs = () => depsNationales().lieux.exportables(null).length

  it('exports every active lieu, in the schéma column order, each accepted by the library and by the import', async () => {
    const res = await appNationale().request('/lieux.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const lignes = await relire(res, 'france.csv')
    expect(Object.keys(lignes[0]!.valeurs)).toEqual([...COLONNES_SCHEMA])
    expect(lignes.length).toBe(actifs())
    expect(relus(lignes).filter((r) => !r.ok)).toEqual([])
  })

  it('gives JSON objects that the library reads without error', async () => {
    const lignes = (await (await appNationale().request('/lieux.json')).json()) as SchemaLieuMediationNumerique[]
    expect(lignes.length).toBe(actifs())
    const refus = lignes.flatMap((l) => { try { fromSchemaLieuDeMediationNumerique(l); return [] } catch (e) { return [`${l.id} : ${String(e)}`] } })
    expect(refus).toEqual([])
  })

  it('filters by département, Corsica in lower case too', async () => {
    const lignes = (await (await appNationale().request('/lieux.json?departement=2a')).json()) as SchemaLieuMediationNumerique[]
    expect(lignes.length).toBe(depsNationales().lieux.exportables('2A').length)
    expect(lignes.length).toBeGreaterThan(0)
    expect(new Set(lignes.map((l) => l.code_insee!.slice(0, 2)))).toEqual(new Set(['2A']))
  })

  it('answers 400 in French for a malformed département and 404 for an unknown one', async () => {
    const mal = await appNationale().request('/lieux.csv?departement=abc')
    expect(mal.status).toBe(400)
    expect(await mal.json()).toEqual({ ok: false, status: 400, error: 'Paramètre invalide — departement : code de département invalide (ex. 26, 2A, 974)' })
    const inconnu = await appNationale().request('/lieux.json?departement=99')
    expect(inconnu.status).toBe(404)
    expect(await inconnu.json()).toEqual({ ok: false, status: 404, error: 'Département inconnu : 99' })
  })
})

describe('CSV cells against formula injection', () => {
  it('escapes text that a spreadsheet would run, not numbers nor telephones', () => {
    expect(['=1+1', '@SOMME(A1)', '-Lieu', '+33 puis =1', 'Lieu'].map(protegerFormule)).toEqual(["'=1+1", "'@SOMME(A1)", "'-Lieu", "'+33 puis =1", 'Lieu'])
    expect(['+33475000000', '-1.5', '+33 4 75 00 00 00'].map(protegerFormule)).toEqual(['+33475000000', '-1.5', '+33 4 75 00 00 00'])
    expect(versCsvRfc4180(['nom', 'latitude'], [{ nom: '=HYPERLINK("x")', latitude: -20.9 }])).toBe('nom,latitude\r\n"\'=HYPERLINK(""x"")",-20.9\r\n')
  })
})

describe('export then import of the hand-written mini sources', () => {
  const FIXTURE = resolve(import.meta.dirname, '../fixtures/schema-mediation/lieux-de-mediation-numerique.csv')
  type Resume = { nom: string; longitude: number; latitude: number; categories: number | string[]; code_insee: string; actif: number }
  let depart: ReturnType<typeof construireMini>
  let retour: ReturnType<typeof construireMini>
  let exporte: string
  const lieux = (b: ReturnType<typeof construireMini>) =>
    b.db.prepare('SELECT nom, longitude, latitude, categories, code_insee, actif FROM lieu ORDER BY nom').all() as Resume[]

  beforeAll(async () => {
    depart = construireMini(FIXTURE)
    exporte = join(temporaire, 'export-mini.csv')
    writeFileSync(exporte, await (await createApp(buildDeps(depart.db)).request('/lieux.csv')).text())
    retour = construireMini(exporte)
  })
  afterAll(() => {
    for (const b of [depart, retour]) {
      b?.db.close()
      if (b) rmSync(b.dossier, { recursive: true, force: true })
    }
  })

  it('reads back each exported lieu with its name, position and programmes', () => {
    const relu = relus(lireCsv(exporte, COLONNES_SCHEMA)).map((r) => (r.ok ? r.lieu : null)) as LieuSource[]
    const actifs = lieux(depart).filter((l) => l.actif === 1)
    expect(relu.length).toBe(actifs.length)
    const programmes = (c: readonly string[]) => c.filter((x) => x !== 'mediation')
    expect(relu.map((l) => ({ nom: l.nom, longitude: l.longitude, latitude: l.latitude, code_insee: l.codeInsee, programmes: programmes([l.categorie, ...(l.categoriesSupplementaires ?? [])]).sort() })).sort((a, b) => a.nom.localeCompare(b.nom)))
      .toEqual(actifs.map((l) => ({ nom: l.nom, longitude: l.longitude, latitude: l.latitude, code_insee: l.code_insee, programmes: programmes(categoriesDuMasque(l.categories as number)).sort() })).sort((a, b) => a.nom.localeCompare(b.nom)))
  })

  it('says in /api/sante which vintage of the offre the figures use', async () => {
    const avec = (await (await createApp(buildDeps(depart.db)).request('/sante')).json()) as { offre: { fichierNational: unknown } }
    expect(avec.offre.fichierNational).toEqual({ fichier: 'lieux-de-mediation-numerique.csv', dateMajMax: '2025-06-30' })
    const sans = (await (await appNationale().request('/sante')).json()) as { offre: { fichierNational: unknown; sources: { jeu: string; dateMajMax: string }[] } }
    expect(sans.offre.fichierNational).toBeNull()
    expect(sans.offre.sources.find((s) => s.jeu === 'france-services')?.dateMajMax).toBe('2024-08-01')
  })

  it('rebuilds the same lieux when the export replaces the schéma source: names, positions, catégories, count', () => {
    expect(lieux(retour)).toEqual(lieux(depart))
    expect(retour.db.prepare("SELECT lus, rejetes FROM source_compte WHERE jeu = 'lieux-mediation-numerique'").get()).toEqual({ lus: 8, rejetes: 0 })
  })
})
