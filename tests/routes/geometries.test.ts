import { gunzipSync } from 'node:zlib'
import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'
import { describe, expect, it } from 'vitest'
import { appNationale, get } from './app-nationale.ts'

/** Tile coordinates of a [lng, lat] position (Web Mercator, as maplibre asks). */
function tuileDe(longitude: number, latitude: number, z: number): [number, number] {
  const n = 2 ** z
  const x = Math.floor(((longitude + 180) / 360) * n)
  const rad = (latitude * Math.PI) / 180
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)
  return [x, y]
}

describe('vector tiles of the communes', () => {
  it('holds Die and its neighbours in the tile over Die, with their code and département', async () => {
    const [x, y] = tuileDe(5.37652, 44.74841, 9)
    const res = await appNationale().request(`/tuiles/communes/9/${x}/${y}.pbf`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Encoding')).toBe('gzip')
    const tuile = new VectorTile(new PbfReader(gunzipSync(new Uint8Array(await res.arrayBuffer()))))
    const couche = tuile.layers.communes!
    const codes = Array.from({ length: couche.length }, (_, i) => couche.feature(i).properties)
    expect(codes).toContainEqual({ code: '26113', departement: '26' })
    expect(codes.every((p) => typeof p.code === 'string' && typeof p.departement === 'string')).toBe(true)
  })

  it('answers 204 for a tile over the open sea', async () => {
    const res = await appNationale().request('/tuiles/communes/6/0/0.pbf')
    expect(res.status).toBe(204)
  })
})

/** The features of one source-layer of a tile, properties and position as [lng, lat]. */
type Etiquette = { code?: string; nom?: string; population?: number; prefecture?: boolean; lng: number; lat: number }
async function lireCouche(z: number, x: number, y: number, nom: string): Promise<Etiquette[]> {
  const res = await appNationale().request(`/tuiles/communes/${z}/${x}/${y}.pbf`, { headers: { 'Accept-Encoding': 'gzip' } })
  const tuile = new VectorTile(new PbfReader(gunzipSync(new Uint8Array(await res.arrayBuffer()))))
  const couche = tuile.layers[nom]
  if (!couche) return []
  return Array.from({ length: couche.length }, (_, i) => {
    const f = couche.feature(i)
    const [lng, lat] = (f.toGeoJSON(x, y, z).geometry as GeoJSON.Point).coordinates as [number, number]
    return { ...f.properties, lng, lat } as Etiquette
  })
}

describe('label points in the commune tiles', () => {
  it('names Valence as the Drôme’s préfecture and Montélimar, but not the small Die, at zoom 6', async () => {
    const [x, y] = tuileDe(4.89, 44.93, 6)
    const noms = await lireCouche(6, x, y, 'communes-etiquettes')
    // COG 2026: Valence (26362) is the chef-lieu of the Drôme, 64 458 inhabitants; Montélimar 40 595; Die 4 844.
    expect(noms).toContainEqual(expect.objectContaining({ code: '26362', nom: 'Valence', population: 64458, prefecture: true }))
    expect(noms).toContainEqual(expect.objectContaining({ code: '26198', nom: 'Montélimar', prefecture: false }))
    expect(noms.find((n) => n.code === '26113')).toBeUndefined()
    expect(noms.every((n) => n.prefecture === true || (n.population as number) >= 20_000)).toBe(true)
  })

  it('names Die at zoom 9, at its centre', async () => {
    const [x, y] = tuileDe(5.37652, 44.74841, 9)
    const die = (await lireCouche(9, x, y, 'communes-etiquettes')).find((n) => n.code === '26113')
    expect(die).toMatchObject({ nom: 'Die', population: 4844, prefecture: false })
    // Within a tile's 4096-unit grid at zoom 9 (~0.02 km per unit) of the centre used by the coverage figures.
    expect(die!.lng).toBeCloseTo(5.37652, 2)
    expect(die!.lat).toBeCloseTo(44.74841, 2)
  })

  it('places the Drôme’s name inside the Drôme', async () => {
    const [x, y] = tuileDe(5.1, 44.7, 5)
    const drome = (await lireCouche(5, x, y, 'departements-etiquettes')).find((n) => n.code === '26')
    expect(drome?.nom).toBe('Drôme')
    // The Drôme spans about 4.65–5.83° E and 44.12–45.35° N.
    expect(drome!.lng).toBeGreaterThan(4.65)
    expect(drome!.lng).toBeLessThan(5.83)
    expect(drome!.lat).toBeGreaterThan(44.12)
    expect(drome!.lat).toBeLessThan(45.35)
  })
})

describe('outlines', () => {
  it('serves the 109 départements and COM and the 18 régions as GeoJSON', async () => {
    const departements = await get('/departements.geojson')
    const regions = await get('/regions.geojson')
    expect(departements.body.features).toHaveLength(109)
    expect(regions.body.features).toHaveLength(18)
    expect(departements.body.features[0].properties).toEqual({ code: '01', nom: 'Ain', region: '84' })
  })

  it('serves the lieux of a département as points of the offre', async () => {
    const tous = await get('/departements/26/lieux.geojson')
    const fs = await get('/departements/26/lieux.geojson?offre=france-services')
    expect(fs.body.features.length).toBeGreaterThan(0)
    expect(fs.body.features.length).toBeLessThan(tous.body.features.length)
    expect(fs.body.features.every((f: { properties: { categories: string } }) => f.properties.categories.includes('france-services'))).toBe(true)
  })
})
