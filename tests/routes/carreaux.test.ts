import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { appNationale, get } from './app-nationale.ts'

/** Independent haversine, written here so the oracle shares no code with the engine. */
function haversine(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const r = Math.PI / 180
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a))
}

const CLES_COMMUNE_CENTRES = ['code', 'nom', 'departement', 'population', 'distanceKm', 'couverte', 'lieuLePlusProche', 'accessibilite', 'ifn']

describe('coverage counted on the 1 km grid through the API (national database)', () => {
  let db: Database.Database
  beforeAll(() => {
    db = new Database(CHEMIN_BASE_NATIONALE, { readonly: true })
  })
  afterAll(() => db?.close())

  it('counts on cells by default and says so; methode=centres answers with the former shape', async () => {
    const [defaut, centres, commune] = await Promise.all([get('/couverture?rayonKm=10'), get('/couverture?rayonKm=10&methode=centres'), get('/communes/13004/couverture')])
    expect([defaut.body.methode, centres.body.methode, commune.body.methode]).toEqual(['carreaux', 'centres', 'carreaux'])
    expect(defaut.body.national.population).toBe(centres.body.national.population)
    expect(defaut.body.national.communesPartielles).toBeGreaterThan(0)
    expect('communesPartielles' in centres.body.national).toBe(false)
    const communes = await get('/departements/48/communes?methode=centres')
    expect(Object.keys(communes.body.communes[0])).toEqual(CLES_COMMUNE_CENTRES)
    expect(Object.keys(commune.body)).toEqual(['ok', 'rayonKm', 'offre', 'methode', ...CLES_COMMUNE_CENTRES, 'statut', 'partCouverte', 'populationNonCouverte', 'parCarreaux'])
  })

  it('counts a DROM at its communes\' centres, so both methods give the same figures there (the grid stops at Corse)', async () => {
    // GIVEN Guadeloupe, which holds no cell of the grid (checked in the database), and the Corse-du-Sud, which does
    const cellules = (dep: string) => (db.prepare(`SELECT count(*) AS n FROM carreau k JOIN commune c ON c.rang = k.commune WHERE c.departement = ?`).get(dep) as { n: number }).n
    expect(cellules('971')).toBe(0)
    expect(cellules('2A')).toBeGreaterThan(0)
    // WHEN the API is asked both ways
    const [guadeloupe, corse] = await Promise.all([get('/departements/971/communes?rayonKm=10'), get('/departements/2A/communes?rayonKm=10')])
    const [carreaux, centres] = await Promise.all([get('/departements/971/couverture?rayonKm=10'), get('/departements/971/couverture?rayonKm=10&methode=centres')])
    // THEN every commune of Guadeloupe says it is counted at its centre, some of the Corse-du-Sud's are on cells
    expect(guadeloupe.body.communes.length).toBeGreaterThan(0)
    expect(guadeloupe.body.communes.every((c: { parCarreaux: boolean }) => c.parCarreaux === false)).toBe(true)
    expect(corse.body.communes.some((c: { parCarreaux: boolean }) => c.parCarreaux)).toBe(true)
    for (const cle of ['populationCouverte', 'populationZonesBlanches', 'communesZonesBlanches'])
      expect(carreaux.body[cle], cle).toBe(centres.body[cle])
    expect(carreaux.body.communesPartielles).toBe(0)
  })

  it('refuses an unknown methode with a French message', async () => {
    const r = await get('/departements/26/communes?methode=pixels')
    expect(r.status).toBe(400)
    expect(r.body.error).toBe('Paramètre invalide — methode : methode doit valoir carreaux ou centres')
  })

  it('gives every commune of the Lozère at 10 km the inhabitants of its cells farther than 10 km from every lieu', async () => {
    // GIVEN every active lieu and the Lozère's cells, read from the database
    const lieux = db.prepare('SELECT longitude, latitude FROM lieu WHERE actif = 1').all() as { longitude: number; latitude: number }[]
    const cellules = db.prepare(`SELECT k.code_commune AS code, k.longitude, k.latitude, k.population FROM carreau k JOIN commune c ON c.rang = k.commune
      WHERE c.departement = '48'`).all() as { code: string; longitude: number; latitude: number; population: number }[]
    const nonCouverte = new Map<string, number>()
    for (const k of cellules) {
      const d = Math.min(...lieux.map((l) => haversine(k.longitude, k.latitude, l.longitude, l.latitude)))
      if (d > 10) nonCouverte.set(k.code, (nonCouverte.get(k.code) ?? 0) + k.population)
    }
    // WHEN the API is asked
    const { body } = await get('/departements/48/communes?rayonKm=10')
    const departement = await get('/departements/48/couverture?rayonKm=10')
    // THEN each commune counted by cells has exactly those uncovered inhabitants, and its statut follows
    const parCellules = new Set(cellules.map((k) => k.code))
    let total = 0
    for (const c of body.communes) {
      if (!parCellules.has(c.code)) {
        expect(c.parCarreaux, c.code).toBe(false)
        expect(c.populationNonCouverte, c.code).toBe(c.couverte ? 0 : c.population)
      } else {
        const attendu = nonCouverte.get(c.code) ?? 0
        expect(c.populationNonCouverte, c.code).toBe(attendu)
        expect(c.statut, c.code).toBe(attendu === 0 ? 'couverte' : attendu === c.population ? 'blanche' : 'partielle')
        expect(c.partCouverte, c.code).toBeCloseTo(c.population > 0 ? 1 - attendu / c.population : 1, 4)
      }
      total += c.populationNonCouverte
    }
    expect(departement.body.populationZonesBlanches).toBe(total)
    expect(departement.body.populationCouverte + departement.body.populationZonesBlanches).toBe(departement.body.population)
  })

  it('lists as zones blanches the communes with uncovered inhabitants, the most uncovered first by default', async () => {
    const [zones, communes, parPopulation] = await Promise.all([
      get('/zones-blanches?departement=26&rayonKm=8&limit=1000'), get('/departements/26/communes?rayonKm=8'), get('/zones-blanches?departement=26&rayonKm=8&limit=1000&tri=population'),
    ])
    const attendues = communes.body.communes.filter((c: { statut: string }) => c.statut !== 'couverte')
    expect(zones.body.tri).toBe('population-non-couverte')
    expect(zones.body.total).toBe(attendues.length)
    const restes = zones.body.communes.map((c: { populationNonCouverte: number }) => c.populationNonCouverte)
    expect(restes).toEqual([...restes].sort((a, b) => b - a))
    expect(zones.body.communes.map((c: { code: string }) => c.code).sort()).toEqual(attendues.map((c: { code: string }) => c.code).sort())
    const populations = parPopulation.body.communes.map((c: { population: number }) => c.population)
    expect(populations).toEqual([...populations].sort((a, b) => b - a))
  })

  it('exports the cells figures in CSV with the share covered and the uncovered inhabitants', async () => {
    const res = await appNationale().request('/departements/26/communes.csv?rayonKm=10')
    expect(res.headers.get('Content-Disposition')).toContain('maillage-26-communes-10km-carreaux.csv')
    const lignes = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer())).replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lignes[0]).toBe('code;nom;population;distanceKm;statut;lieuLePlusProche;categorie;accessibilite;ifn;partCouverte;populationNonCouverte')
    expect(lignes.at(-2)).toMatch(/;communesPartielles$/)
    const national = new TextDecoder().decode(new Uint8Array(await (await appNationale().request('/couverture.csv')).arrayBuffer()))
    expect(national.split('\r\n')[0]).toMatch(/;communesPartielles$/)
  })
})
