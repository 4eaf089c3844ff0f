import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bitCategorie, masqueOffre, type Categorie } from '../../server/domain/offre.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { appNationale, depsNationales, get } from './app-nationale.ts'

type Point = { id: number; longitude: number; latitude: number; categories: number; actif: number }

/** Independent haversine, written here so the oracle shares no code with the engine. */
function haversine(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const r = Math.PI / 180
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a))
}

describe('coverage API on the national database, against a brute-force oracle', () => {
  let db: Database.Database
  let lieux: Point[]
  beforeAll(() => {
    db = new Database(CHEMIN_BASE_NATIONALE, { readonly: true })
    lieux = db.prepare('SELECT id, longitude, latitude, categories, actif FROM lieu').all() as Point[]
  })
  afterAll(() => db?.close())

  const oracle = (longitude: number, latitude: number, masque: number) => {
    let meilleur = { id: -1, d: Infinity }
    for (const l of lieux) {
      if (!l.actif || (l.categories & masque) === 0) continue
      const d = haversine(longitude, latitude, l.longitude, l.latitude)
      if (d < meilleur.d || (d === meilleur.d && l.id < meilleur.id)) meilleur = { id: l.id, d }
    }
    return meilleur
  }

  it.each([
    ['26', 10, 'conseillers-numeriques,france-services,mediation,aidants-connect'],
    ['26', 5, 'france-services'],
    ['2A', 15, 'conseillers-numeriques'],
    ['974', 3, 'france-services,mediation'],
  ])('gives every commune of %s at %i km for offre %s its exact nearest lieu, distance and status', async (code, rayonKm, offre) => {
    const masque = masqueOffre(offre.split(',') as Categorie[])
    const { body } = await get(`/departements/${code}/communes?rayonKm=${rayonKm}&offre=${offre}&methode=centres`)
    const communes = db.prepare('SELECT code, longitude, latitude FROM commune WHERE departement = ? ORDER BY code').all(code) as { code: string; longitude: number; latitude: number }[]
    expect(body.communes.map((c: { code: string }) => c.code)).toEqual(communes.map((c) => c.code))
    for (const [i, c] of communes.entries()) {
      const attendu = oracle(c.longitude, c.latitude, masque)
      const recu = body.communes[i]
      expect(recu.distanceKm, c.code).toBeCloseTo(attendu.d, 2)
      expect(recu.couverte, c.code).toBe(attendu.d <= rayonKm)
      expect(recu.lieuLePlusProche.id, c.code).toBe(attendu.id)
    }
  })

  it('sums départements into the national figures, without the COM', async () => {
    const { body } = await get('/couverture?rayonKm=10')
    const horsCom = body.departements.filter((d: { com: boolean }) => !d.com)
    const somme = (cle: string) => horsCom.reduce((s: number, d: Record<string, number>) => s + d[cle]!, 0)
    expect(body.national.inclutCom).toBe(false)
    expect(body.nationalAvecCom.inclutCom).toBe(true)
    for (const cle of ['population', 'populationCouverte', 'populationZonesBlanches', 'communes', 'communesZonesBlanches', 'postes', 'financementEtatEuros'])
      expect(body.national[cle], cle).toBe(somme(cle))
    expect(body.national.communes).toBe(34_875)
    expect(body.nationalAvecCom.communes).toBe(34_969)
    expect(body.national.tauxCouverture).toBeCloseTo(body.national.populationCouverte / body.national.population, 12)
  })

  it('counts the white-zone population of a département as the sum of its white-zone communes', async () => {
    const [departement, communes, zones] = await Promise.all([
      get('/departements/26/couverture?rayonKm=8&methode=centres'), get('/departements/26/communes?rayonKm=8&methode=centres'), get('/zones-blanches?departement=26&rayonKm=8&limit=1000&methode=centres'),
    ])
    const blanches = communes.body.communes.filter((c: { couverte: boolean }) => !c.couverte)
    expect(departement.body.populationZonesBlanches).toBe(blanches.reduce((s: number, c: { population: number }) => s + c.population, 0))
    expect(departement.body.communesZonesBlanches).toBe(blanches.length)
    expect(zones.body.total).toBe(blanches.length)
    expect(zones.body.communes.map((c: { code: string }) => c.code).sort()).toEqual(blanches.map((c: { code: string }) => c.code).sort())
  })

  it('counts postes and their funding from the database (50 k€ public, 40 k€ otherwise)', async () => {
    const { body } = await get('/departements/26/couverture?offre=conseillers-numeriques')
    const attendu = db.prepare('SELECT SUM(postes) AS postes, SUM(postes * CASE type_structure WHEN \'publique\' THEN 50000 ELSE 40000 END) AS euros FROM lieu WHERE departement = ? AND actif = 1 AND (categories & ?) != 0')
      .get('26', bitCategorie('conseillers-numeriques')) as { postes: number; euros: number }
    expect([body.postes, body.financementEtatEuros]).toEqual([attendu.postes, attendu.euros])
    expect(body.postesPour10000).toBeCloseTo((attendu.postes / body.population) * 10_000, 10)
  })
})

describe('coverage API: hand-checked cases', () => {
  it('gives distance 0 to a commune whose centre hosts a lieu', async () => {
    const { body } = await get('/lieux/proches?commune=26113&limit=1')
    const commune = await get(`/communes/26113/couverture`)
    expect(body.lieux[0].distanceKm).toBe(0)
    expect(commune.body).toMatchObject({ distanceKm: 0, couverte: true })
  })

  it('keeps Corse-du-Sud and Haute-Corse apart, both in région 94', async () => {
    const { body } = await get('/couverture')
    const corse = body.departements.filter((d: { code: string }) => d.code === '2A' || d.code === '2B')
    expect(corse.map((d: { code: string; region: string }) => [d.code, d.region])).toEqual([['2A', '94'], ['2B', '94']])
    const region = body.regions.find((r: { code: string }) => r.code === '94')
    expect(region.population).toBe(corse[0].population + corse[1].population)
  })

  it('counts Paris once, as one commune with its whole population', async () => {
    const { body } = await get('/departements/75/communes')
    expect(body.communes.map((c: { code: string }) => c.code)).toEqual(['75056'])
    expect(body.communes[0].population).toBe(2_103_778)
  })

  it('finds the nearest lieux of Die in the Drôme, nearest first', async () => {
    const { body } = await get('/lieux/proches?commune=26113&limit=10')
    const distances = body.lieux.map((l: { distanceKm: number }) => l.distanceKm)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    expect(body.lieux.every((l: { departement: string }) => l.departement === '26')).toBe(true)
  })

  it('answers the nearest lieux with the bytes JSON.stringify gives of each whole lieu and its distance', async () => {
    const res = await appNationale().request('/lieux/proches?lat=44.751&lon=5.371&limit=50')
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
    const texte = await res.text()
    const { offre, origine, lieux } = JSON.parse(texte) as { offre: string[]; origine: unknown; lieux: { id: number; distanceKm: number }[] }
    expect(lieux).toHaveLength(50)
    const attendu = { ok: true, offre, origine, lieux: lieux.map((l) => ({ ...depsNationales().lieux.lieu(l.id), distanceKm: l.distanceKm })) }
    expect(texte).toBe(JSON.stringify(attendu))
    expect(Number(res.headers.get('Content-Length') ?? Buffer.byteLength(texte))).toBe(Buffer.byteLength(texte))
  })

  it.each([
    ['from a commune whose name is not ASCII (Saint-Étienne)', '/lieux/proches?commune=42218&limit=3&offre=france-services'],
    ['from a point far at sea (the South Pacific), with one lieu', '/lieux/proches?lat=-60&lon=-150&limit=1'],
  ])('answers the nearest lieux %s as JSON.stringify would', async (_cas, chemin) => {
    const texte = await (await appNationale().request(chemin)).text()
    const { offre, origine, lieux } = JSON.parse(texte) as { offre: string[]; origine: { commune?: { nom: string } }; lieux: { id: number; distanceKm: number }[] }
    const attendu = { ok: true, offre, origine, lieux: lieux.map((l) => ({ ...depsNationales().lieux.lieu(l.id), distanceKm: l.distanceKm })) }
    expect(texte).toBe(JSON.stringify(attendu))
  })

  it('shows a merged lieu with every source record', async () => {
    const proches = await get('/lieux/proches?lat=44.751&lon=5.371&limit=50&offre=conseillers-numeriques')
    const fusionne = proches.body.lieux.find((l: { sources: string[] }) => l.sources.length > 1)
    const { body } = await get(`/lieux/${fusionne.id}`)
    expect(body.lieu.sources.length).toBeGreaterThan(1)
    expect(body.lieu.sources[0].fusion).toBeNull()
  })

  it('echoes rayonKm and offre, and answers the same ETag for the same import', async () => {
    const a = await get('/couverture?rayonKm=12.5&offre=mediation,france-services')
    expect([a.body.rayonKm, a.body.offre]).toEqual([12.5, ['france-services', 'mediation']])
    const b = await get('/departements/26/couverture')
    expect(a.headers.get('ETag')).toBe(b.headers.get('ETag'))
  })

  it('exports Excel-friendly CSV (BOM, semicolons, decimal commas)', async () => {
    const res = await appNationale().request('/departements/26/communes.csv?rayonKm=10&methode=centres')
    const octets = new Uint8Array(await res.arrayBuffer())
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect([...octets.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lignes = new TextDecoder().decode(octets).trim().split('\r\n')
    expect(lignes[0]).toBe('code;nom;population;distanceKm;statut;lieuLePlusProche;categorie;accessibilite;ifn')
    expect(lignes.filter((l) => /^26\d{3};/.test(l))).toHaveLength(362)
    expect(lignes.find((l) => l.startsWith('26113;'))).toMatch(/^26113;Die;4844;0;couverte;/)
  })
})

describe('coverage API: bad input', () => {
  it.each([
    ['/couverture?rayonKm=0', 400],
    ['/couverture?rayonKm=101', 400],
    ['/couverture?rayonKm=abc', 400],
    ['/couverture?rayonKm=NaN', 400],
    ['/couverture?rayonKm=1e999', 400],
    ['/couverture?offre=', 400],
    ['/couverture?offre=bibliotheques', 400],
    ['/departements/99/couverture', 404],
    ['/departements/26/communes?rayonKm=-3', 400],
    ['/zones-blanches?tri=nom', 400],
    ['/couverture?methode=pixels', 400],
    ['/zones-blanches?limit=100000', 400],
    ['/zones-blanches?departement=98', 404],
    ['/lieux/proches', 400],
    ['/lieux/proches?lat=91&lon=2', 400],
    ['/lieux/proches?lat=45&lon=2&limit=51', 400],
    ['/lieux/proches?lat=45&lon=2&commune=26113', 400],
    ['/lieux/proches?commune=99999', 404],
    ['/lieux/abc', 400],
    ['/lieux/99999999', 404],
    ['/tuiles/communes/30/0/0.pbf', 400],
    ['/inconnu', 404],
  ])('%s answers %i with a French message in the envelope', async (chemin, status) => {
    const r = await get(chemin)
    expect(r.status).toBe(status)
    expect(r.body).toMatchObject({ ok: false, status })
    expect(r.body.error.length).toBeGreaterThan(5)
  })
})
