import { gunzipSync } from 'node:zlib'
import { VectorTile } from '@mapbox/vector-tile'
import Database from 'better-sqlite3'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lngLatDepuisLaea } from '../../server/spatial/laea.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { appNationale, get } from './app-nationale.ts'

/** Independent haversine, written here so the oracle shares no code with the engine. */
function haversine(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const r = Math.PI / 180
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a))
}

function tuileDe(longitude: number, latitude: number, z: number): [number, number] {
  const n = 2 ** z
  const rad = (latitude * Math.PI) / 180
  return [Math.floor(((longitude + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)]
}

type Cellule = { rang: number; longitude: number; latitude: number; population: number; departement: string }

describe('vector tiles of the 1 km cells (national database)', () => {
  let db: Database.Database
  beforeAll(() => {
    db = new Database(CHEMIN_BASE_NATIONALE, { readonly: true })
  })
  afterAll(() => db?.close())

  it('finds, from each stored EPSG:3035 corner, the centre Eurostat gives for every cell of the grid', () => {
    let pire = 0
    for (const [x, y, lng, lat] of db.prepare('SELECT x3035, y3035, longitude, latitude FROM carreau').raw().iterate() as Iterable<number[]>) {
      const [l, la] = lngLatDepuisLaea(x! + 500, y! + 500)
      pire = Math.max(pire, Math.abs(l - lng!), Math.abs(la - lat!))
    }
    // The file rounds its centres to 1e-5°
    expect(pire).toBeLessThanOrEqual(0.6e-5)
  })

  it('draws each cell over Die as a square holding its centre, with its distances to the nearest lieu of each catégorie', async () => {
    // GIVEN the tile over Die at zoom 10, and the active lieux of France services read from the database
    const z = 10
    const [x, y] = tuileDe(5.37652, 44.74841, z)
    const res = await appNationale().request(`/tuiles/carreaux/${z}/${x}/${y}.pbf?departement=26`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(res.status).toBe(200)
    const couche = new VectorTile(new PbfReader(gunzipSync(new Uint8Array(await res.arrayBuffer())))).layers.carreaux!
    // France services is bit 1 of the catégories bitmask (server/domain/offre.ts)
    const lieux = db.prepare('SELECT longitude, latitude FROM lieu WHERE actif = 1 AND (categories & 2) != 0').all() as { longitude: number; latitude: number }[]
    const cellule = db.prepare(`SELECT k.rang, k.longitude, k.latitude, k.population, c.departement FROM carreau k JOIN commune c ON c.rang = k.commune
      WHERE k.rang = ?`)
    // Every Drôme cell whose centre is in the tile is there (and those of the edge whose square reaches into it)
    const dansTuile = (db.prepare(`SELECT k.longitude AS lng, k.latitude AS lat FROM carreau k JOIN commune c ON c.rang = k.commune
      WHERE c.departement = '26'`).all() as { lng: number; lat: number }[]).filter((p) => tuileDe(p.lng, p.lat, z)[0] === x && tuileDe(p.lng, p.lat, z)[1] === y)
    expect(dansTuile.length).toBeGreaterThan(100)
    expect(couche.length).toBeGreaterThanOrEqual(dansTuile.length)
    for (let i = 0; i < couche.length; i++) {
      const f = couche.feature(i)
      const k = cellule.get(f.id) as Cellule
      // THEN each feature is a cell of the Drôme: its population is the cell's, its distance the brute-force one in hectometres
      expect(f.properties.population).toBe(k.population)
      expect(k.departement).toBe('26')
      const dKm = Math.min(...lieux.map((l) => haversine(k.longitude, k.latitude, l.longitude, l.latitude)))
      expect(Math.abs((f.properties['distanceHm-france-services'] as number) - dKm * 10)).toBeLessThanOrEqual(0.5 + 1e-6)
      // AND its ring is a closed square of four corners around the centre, about 1 km wide, wound clockwise on screen
      const anneau = (f.toGeoJSON(x, y, z).geometry as GeoJSON.Polygon).coordinates[0]!
      expect(anneau).toHaveLength(5)
      const lngs = anneau.map((p) => p[0]!)
      const lats = anneau.map((p) => p[1]!)
      expect(Math.min(...lngs) < k.longitude && k.longitude < Math.max(...lngs) && Math.min(...lats) < k.latitude && k.latitude < Math.max(...lats)).toBe(true)
      expect(haversine(Math.min(...lngs), k.latitude, Math.max(...lngs), k.latitude)).toBeCloseTo(1, 0)
      const g = f.loadGeometry()[0]!
      let aire = 0
      for (let j = 0; j + 1 < g.length; j++) aire += g[j]!.x * g[j + 1]!.y - g[j + 1]!.x * g[j]!.y
      expect(aire).toBeGreaterThan(0)
    }
  })

  it('answers 204 where the département has no cell: over the sea, over another département, in a DROM', async () => {
    const mer = tuileDe(-8, 46, 8)
    expect((await appNationale().request(`/tuiles/carreaux/8/${mer[0]}/${mer[1]}.pbf?departement=17`)).status).toBe(204)
    const die = tuileDe(5.37652, 44.74841, 10)
    expect((await appNationale().request(`/tuiles/carreaux/10/${die[0]}/${die[1]}.pbf?departement=33`)).status).toBe(204)
    const reunion = tuileDe(55.5, -21.1, 9)
    expect((await appNationale().request(`/tuiles/carreaux/9/${reunion[0]}/${reunion[1]}.pbf?departement=974`)).status).toBe(204)
  })

  it.each([
    ['/tuiles/carreaux/6/33/22.pbf?departement=26', 400, 'les carreaux de 1 km ne sont servis qu’à partir du zoom 7'],
    ['/tuiles/carreaux/8/132/93.pbf', 400, 'departement'],
    ['/tuiles/carreaux/8/132/93.pbf?departement=ZZ', 400, 'code de département invalide'],
    ['/tuiles/carreaux/8/132/93.pbf?departement=20', 404, 'Département inconnu : 20'],
  ])('refuses %s with a %i and a French message', async (chemin, status, message) => {
    const r = await get(chemin)
    expect(r.status).toBe(status)
    expect(r.body.error).toContain(message)
  })
})
