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
