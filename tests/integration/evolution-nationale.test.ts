import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bitCategorie } from '../../server/domain/offre.ts'
import { haversineKm } from '../../server/spatial/geo.ts'
import { buildDeps, createApp } from '../../server/app.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { get } from '../routes/app-nationale.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

/** Population within rayonKm of a lieu, by brute force over every (commune, lieu) pair: the oracle of the engine. */
function populationCouverteBrute(db: Database.Database, lieux: readonly { longitude: number; latitude: number }[], rayonKm: number) {
  const communes = db.prepare('SELECT longitude, latitude, population FROM commune WHERE com = 0').all() as { longitude: number; latitude: number; population: number }[]
  let couverte = 0
  let blanches = 0
  for (const c of communes) {
    if (lieux.some((l) => haversineKm(c.longitude, c.latitude, l.longitude, l.latitude) <= rayonKm)) couverte += c.population
    else blanches++
  }
  return { couverte, blanches }
}

describe('the evolution of the maillage on the national database', () => {
  let db: Database.Database
  beforeAll(() => {
    db = new Database(CHEMIN_BASE_NATIONALE, { readonly: true })
  })
  afterAll(() => db?.close())

  it.each([
    ['', ['2021-06', '2022-07', '2022-09', '2023-04', '2024-02', '2024-08']],
    ['conseillers-numeriques', ['2021-06', '2022-07', '2023-04', '2024-08']],
    ['france-services', ['2024-08']],
    ['mediation', ['2022-09', '2024-08']],
    ['aidants-connect', ['2024-02', '2024-08']],
  ])('has a point at each date a source of the offre « %s » arrives, then today', async (offre, dates) => {
    const { status, body } = await get(`/evolution${offre ? `?offre=${offre}` : ''}`)
    expect(status).toBe(200)
    expect(body.points.map((p: { date: string }) => p.date)).toEqual(dates)
  })

  it.each([['', 10], ['conseillers-numeriques', 5], ['aidants-connect,france-services', 20]])(
    'ends, for offre « %s » at %i km, on the figures of today, nation and Drôme',
    async (offre, rayonKm) => {
      const q = `rayonKm=${rayonKm}${offre ? `&offre=${offre}` : ''}`
      const national = await get(`/evolution?${q}`)
      const { inclutCom: _i, ...aujourdhui } = (await get(`/couverture?${q}&methode=centres`)).body.national
      expect(national.body.points.at(-1).chiffres).toEqual(aujourdhui)
      const drome = await get(`/evolution?${q}&departement=26`)
      const { ok: _ok, code: _c, nom: _n, region: _r, com: _com, rayonKm: _rk, offre: _o, date: _d, methode: _m, ...drome26 } = (await get(`/departements/26/couverture?${q}&methode=centres`)).body
      expect(drome.body.points.at(-1).chiffres).toEqual(drome26)
    },
  )

  it('counts at 2021-06 the population within 10 km of the first-wave CnFS structures, as a brute-force scan does', async () => {
    // GIVEN the lieux the build kept for 2021-06 (only the first CnFS list was known then)
    const lieux = db.prepare(`SELECT longitude, latitude FROM evolution_lieu WHERE date = '2021-06' AND actif = 1`).all() as { longitude: number; latitude: number }[]
    expect(lieux.length).toBeGreaterThan(1_000)
    // WHEN the evolution is asked
    const { body } = await get('/evolution?rayonKm=10')
    const premier = body.points[0]
    // THEN its figures are those of a scan over every pair
    const oracle = populationCouverteBrute(db, lieux, 10)
    expect(premier.chiffres.populationCouverte).toBe(oracle.couverte)
    expect(premier.chiffres.communesZonesBlanches).toBe(oracle.blanches)
    expect(premier.chiffres.lieux['conseillers-numeriques']).toBe(lieux.length)
    expect(premier.chiffres.postes).toBe(0)
    expect(premier.description).toMatch(/^2021-06 : structures CnFS de la première vague seulement ; pas encore /)
  })

  it('leaves out the inactive Aidants Connect structures at 2024-02, as today', async () => {
    const masque = bitCategorie('aidants-connect')
    const lieux = db.prepare(`SELECT longitude, latitude FROM evolution_lieu WHERE date = '2024-02' AND actif = 1 AND (categories & ?) != 0`).all(masque) as { longitude: number; latitude: number }[]
    const inactifs = db.prepare(`SELECT COUNT(*) FROM evolution_lieu WHERE date = '2024-02' AND actif = 0`).pluck().get() as number
    expect(inactifs).toBeGreaterThan(0)
    const { body } = await get('/evolution?rayonKm=5&offre=aidants-connect')
    expect(body.points[0].chiffres.populationCouverte).toBe(populationCouverteBrute(db, lieux, 5).couverte)
  })

  it('gives the same figures on the coverage routes with a date, so the map shows what the chart says', async () => {
    const { body } = await get('/evolution?rayonKm=10&departement=26')
    for (const point of body.points) {
      const couverture = (await get(`/departements/26/couverture?rayonKm=10&date=${point.date}`)).body
      expect(couverture.date).toBe(point.date)
      expect(couverture.populationCouverte).toBe(point.chiffres.populationCouverte)
      const communes = (await get(`/departements/26/communes?rayonKm=10&date=${point.date}`)).body.communes as { couverte: boolean }[]
      expect(communes.filter((c) => !c.couverte).length).toBe(point.chiffres.communesZonesBlanches)
    }
    const nationale = (await get('/couverture?rayonKm=10&date=2022-07')).body
    const point = (await get('/evolution?rayonKm=10')).body.points.find((p: { date: string }) => p.date === '2022-07')
    expect(nationale.national.populationCouverte).toBe(point.chiffres.populationCouverte)
  })

  it('answers other requests while the first evolution builds the engines of the dates', async () => {
    // GIVEN a server whose engines of the dates are not built yet
    const app = createApp(buildDeps(ouvrirBase(CHEMIN_BASE_NATIONALE)))
    const ordre: string[] = []
    // WHEN the health check is asked just after the first evolution
    const evolution = Promise.resolve(app.request('/evolution?rayonKm=12')).then(() => ordre.push('evolution'))
    await new Promise((r) => setImmediate(r))
    const sante = Promise.resolve(app.request('/sante')).then(() => ordre.push('sante'))
    await Promise.all([evolution, sante])
    // THEN it is answered first
    expect(ordre).toEqual(['sante', 'evolution'])
  })
})
