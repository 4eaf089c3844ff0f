import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { construireBase } from '../../scripts/build-db.ts'
import { lireManifest } from '../../scripts/lib/sources.ts'
import { buildDeps, createApp } from '../../server/app.ts'
import { COG_MINI, copieSourcesMini, manifestPour } from '../robustesse/helpers/sources.ts'
import { ajouterLieuxAleatoires, retirerSources } from './helpers/sources-evolution.ts'

type App = ReturnType<typeof createApp>
const json = async (app: App, chemin: string) => {
  const res = await app.request(chemin)
  return { status: res.status, body: (await res.json()) as any }
}
const sansDate = ({ date: _date, inclutCom: _inclutCom, ...reste }: Record<string, unknown>) => reste
const sansLienActuel = (communes: any[]) => communes.map((c) => ({ ...c, lieuLePlusProche: c.lieuLePlusProche && { nom: c.lieuLePlusProche.nom, categorie: c.lieuLePlusProche.categorie } }))

/** Builds a sources directory into a database and the API over it. */
function construire(sources: string, manifest = manifestPour(sources)): { app: App; db: Database.Database } {
  const sortie = join(dirname(sources), 'base.sqlite')
  construireBase({ sources, sortie, dossierCog: COG_MINI, silencieux: true, manifest })
  const db = new Database(sortie, { readonly: true })
  return { app: createApp(buildDeps(db)), db }
}

describe('GET /api/evolution on the mini sources with seeded lieux', () => {
  let sources: string
  let complete: { app: App; db: Database.Database }
  let datesSources: { jeu: string; date: string }[]
  const restreintes = new Map<string, { app: App; db: Database.Database }>()
  const dossiers: string[] = []

  /** The oracle: a build that reads only the lieux sources dated `date` or before (the others removed from the directory). */
  const restreinte = (date: string) => {
    let r = restreintes.get(date)
    if (!r) {
      const dossier = join(mkdtempSync(join(tmpdir(), 'maillage-evolution-')), 'sources')
      dossiers.push(dirname(dossier))
      cpSync(sources, dossier, { recursive: true })
      const retirees = new Set(datesSources.filter((s) => s.date > date).map((s) => s.jeu))
      r = construire(dossier, manifestPour(dossier, retirerSources(dossier, lireManifest(), retirees)))
      restreintes.set(date, r)
    }
    return r
  }

  beforeAll(() => {
    // GIVEN the mini sources with 40 seeded records more in each lieux source (merges within and across sources)
    sources = copieSourcesMini()
    dossiers.push(dirname(sources))
    ajouterLieuxAleatoires(sources, 20261128, 40)
    complete = construire(sources)
    datesSources = complete.db.prepare('SELECT jeu, date FROM evolution_source ORDER BY date').all() as { jeu: string; date: string }[]
  })
  afterAll(() => {
    for (const { db } of [complete, ...restreintes.values()]) db?.close()
    for (const d of dossiers) rmSync(d, { recursive: true, force: true })
  })

  it('dates each lieux source from its millésime', () => {
    expect(datesSources).toEqual([
      { jeu: 'cnfs-structures-2021', date: '2021-06' },
      { jeu: 'cnfs-lieux-2022', date: '2022-07' },
      { jeu: 'hinaura', date: '2022-09' },
      { jeu: 'cnfs-structures-2023', date: '2023-04' },
      { jeu: 'aidants-connect', date: '2024-02' },
      { jeu: 'france-services', date: '2024-08' },
    ])
  })

  it.each([
    ['', '10'],
    ['conseillers-numeriques', '3'],
    ['mediation,aidants-connect', '10'],
    ['france-services,conseillers-numeriques', '1.5'],
  ])('gives at each date the national and départemental figures of a build restricted to the sources dated then or before (offre « %s », %s km)', async (offre, rayonKm) => {
    const q = `rayonKm=${rayonKm}${offre ? `&offre=${offre}` : ''}`
    // WHEN the evolution of the nation and of the Drôme is asked
    const national = await json(complete.app, `/evolution?${q}`)
    const drome = await json(complete.app, `/evolution?${q}&departement=26`)
    expect(national.status).toBe(200)
    expect(national.body.points.length).toBeGreaterThan(0)
    for (const [k, point] of national.body.points.entries()) {
      // THEN each point is what the restricted build says of itself, field by field
      const oracle = restreinte(point.date).app
      const couverture = await json(oracle, `/couverture?${q}&methode=centres`)
      expect(point.chiffres).toEqual(sansDate(couverture.body.national))
      const departement = await json(oracle, `/departements/26/couverture?${q}&methode=centres`)
      const { code: _c, nom: _n, region: _r, com: _com, ok: _ok, rayonKm: _rk, offre: _o, date: _d, methode: _m, ...chiffres26 } = departement.body
      expect(drome.body.points[k].chiffres).toEqual(chiffres26)
      // AND the coverage routes with that date agree with the oracle, so the map shows the same as the chart
      const datee = await json(complete.app, `/couverture?${q}&date=${point.date}`)
      expect(datee.body.date).toBe(point.date)
      expect({ ...datee.body, date: undefined }).toEqual({ ...couverture.body, date: undefined })
      const communes = await json(complete.app, `/departements/26/communes?${q}&date=${point.date}`)
      const communesOracle = await json(oracle, `/departements/26/communes?${q}&methode=centres`)
      expect(sansLienActuel(communes.body.communes)).toEqual(sansLienActuel(communesOracle.body.communes))
      const zones = await json(complete.app, `/zones-blanches?${q}&departement=26&date=${point.date}`)
      const zonesOracle = await json(oracle, `/zones-blanches?${q}&departement=26&methode=centres`)
      expect(sansLienActuel(zones.body.communes)).toEqual(sansLienActuel(zonesOracle.body.communes))
      expect(zones.body.total).toBe(zonesOracle.body.total)
      const points = (await json(complete.app, `/departements/26/lieux.geojson?${q}&date=${point.date}`)).body.features
      const pointsOracle = (await json(oracle, `/departements/26/lieux.geojson?${q}`)).body.features
      const lieu = (f: any) => ({ coordonnees: f.geometry.coordinates, nom: f.properties.nom, categories: f.properties.categories })
      expect(points.map(lieu)).toEqual(pointsOracle.map(lieu))
    }
  })

  it('has one point per date at which a source of the offre arrives, then today, each saying what it holds', async () => {
    const { body } = await json(complete.app, '/evolution?offre=conseillers-numeriques')
    expect(body.points.map((p: any) => p.date)).toEqual(['2021-06', '2022-07', '2023-04', '2024-08'])
    expect(body.points.map((p: any) => p.description)).toEqual([
      '2021-06 : structures CnFS de la première vague seulement ; pas encore permanences CnFS 2022 ni structures CnFS 2023 ; postes de conseillers inconnus avant la liste 2023.',
      '2022-07 : structures CnFS de la première vague et permanences CnFS 2022 seulement ; pas encore structures CnFS 2023 ; postes de conseillers inconnus avant la liste 2023.',
      '2023-04 : toutes les sources de l’offre (structures CnFS de la première vague, permanences CnFS 2022 et structures CnFS 2023).',
      '2024-08 : aucune nouvelle source de l’offre ; mêmes sources, quelques lieux placés autrement par leur fusion avec Aidants Connect et France services.',
    ])
    expect(body.points[0].chiffres.postes).toBe(0)
    const franceServices = await json(complete.app, '/evolution?offre=france-services')
    expect(franceServices.body.points.map((p: any) => p.date)).toEqual(['2024-08'])
  })

  it('links the nearest lieu of an earlier date to the lieu of today that holds its first record', async () => {
    const { body } = await json(complete.app, '/departements/26/communes?date=2021-06')
    for (const c of body.communes.filter((x: any) => x.lieuLePlusProche)) {
      const lieu = await json(complete.app, `/lieux/${c.lieuLePlusProche.id}`)
      expect(lieu.status).toBe(200)
      expect(lieu.body.lieu.sources.length).toBeGreaterThan(0)
    }
  })

  it.each([
    ['/evolution?departement=2A', 404, 'Département inconnu : 2A'],
    ['/evolution?departement=xx', 400, 'departement : code de département invalide'],
    ['/evolution?rayonKm=0', 400, 'rayonKm doit être au moins 1 km'],
    ['/couverture?date=2020-01', 400, 'date inconnue ; dates possibles : 2021-06, 2022-07, 2022-09, 2023-04, 2024-02, 2024-08'],
    ['/departements/26/communes?date=juin', 400, 'date doit être un mois AAAA-MM'],
    ['/departements/26/couverture?date=2021-13', 400, 'date doit être un mois AAAA-MM'],
  ])('answers %s with %i and a French message', async (chemin, status, message) => {
    const { status: s, body } = await json(complete.app, chemin)
    expect(s).toBe(status)
    expect(body).toMatchObject({ ok: false, status })
    expect(body.error).toContain(message)
  })
})
