import { describe, expect, it } from 'vitest'
import { get } from './app-nationale.ts'

type Entite = { type: string; geometry: { type: string }; properties: { code: string; nom: string } }

describe('GET /api/departements/:code/communes.geojson', () => {
  it('serves one polygon for each current commune of the Drôme, with the codes of the communes route', async () => {
    // GIVEN the communes the coverage route lists for the Drôme
    const communes = await get('/departements/26/communes?rayonKm=10')
    const codesAttendus = (communes.body.communes as { code: string }[]).map((c) => c.code).sort()

    // WHEN its commune polygons are asked for
    const { status, body } = await get('/departements/26/communes.geojson')

    // THEN there are 362 features, one for each of those codes, each a (multi)polygon with code and name only
    expect(status).toBe(200)
    expect(body.type).toBe('FeatureCollection')
    const entites = body.features as Entite[]
    expect(entites).toHaveLength(362)
    expect(codesAttendus).toHaveLength(362)
    expect(entites.map((f) => f.properties.code).sort()).toEqual(codesAttendus)
    expect(entites.every((f) => f.type === 'Feature' && ['Polygon', 'MultiPolygon'].includes(f.geometry.type))).toBe(true)
    expect(entites.find((f) => f.properties.code === '26113')?.properties).toEqual({ code: '26113', nom: 'Die' })
  })

  it('answers 404 in the error envelope for a well-formed but unknown département', async () => {
    const { status, body } = await get('/departements/99/communes.geojson')
    expect(status).toBe(404)
    expect(body).toEqual({ ok: false, status: 404, error: 'Département inconnu : 99' })
  })

  it.each(['2C', '1234', 'abc'])('answers 400 for the malformed département code %s', async (code) => {
    const { status, body } = await get(`/departements/${code}/communes.geojson`)
    expect(status).toBe(400)
    expect(body.ok).toBe(false)
  })
})
