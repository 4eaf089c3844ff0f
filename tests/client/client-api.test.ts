import { afterEach, describe, expect, it, vi } from 'vitest'
import { api, ErreurApi, urlApi } from '../../client/api/client.ts'

const reponse = (status: number, corps: unknown) =>
  Promise.resolve(new Response(JSON.stringify(corps), { status, headers: { 'content-type': 'application/json' } }))

afterEach(() => vi.unstubAllGlobals())

describe('typed API client', () => {
  it('builds canonical URLs and leaves out undefined parameters', () => {
    expect(urlApi('/couverture', { rayonKm: 5, offre: 'mediation', tri: undefined })).toBe('/api/couverture?rayonKm=5&offre=mediation')
  })

  it('sends rayonKm and the offre as a comma list, counting on the 1 km grid (the API default, left out of the URL)', async () => {
    const urls: string[] = []
    vi.stubGlobal('fetch', (url: string) => (urls.push(url), reponse(200, { ok: true, rayonKm: 5, offre: [], communes: [] })))
    await api.communesDepartement('2A', { rayonKm: 5, offre: ['france-services', 'mediation'] })
    expect(urls).toEqual(['/api/departements/2A/communes?rayonKm=5&offre=france-services%2Cmediation'])
  })

  it('asks for commune centres when told to (the planner, the comparison of methods)', async () => {
    const urls: string[] = []
    vi.stubGlobal('fetch', (url: string) => (urls.push(url), reponse(200, { ok: true, rayonKm: 5, offre: [], communes: [] })))
    await api.communesDepartement('2A', { rayonKm: 5, offre: ['mediation'] }, undefined, 'centres')
    await api.zonesBlanches({ rayonKm: 5, offre: ['mediation'], departement: '2A', tri: 'population', limit: 8, methode: 'centres' })
    expect(urls).toEqual([
      '/api/departements/2A/communes?rayonKm=5&offre=mediation&methode=centres',
      '/api/zones-blanches?rayonKm=5&offre=mediation&methode=centres&departement=2A&tri=population&limit=8',
    ])
  })

  it('throws the French message of the error envelope with its status', async () => {
    vi.stubGlobal('fetch', () => reponse(404, { ok: false, error: 'Département inconnu : 00', status: 404 }))
    const erreur = await api.departement('00').catch((e: unknown) => e)
    expect(erreur).toBeInstanceOf(ErreurApi)
    expect(erreur).toMatchObject({ message: 'Département inconnu : 00', status: 404 })
  })

  it('refuses a 200 answer without ok: true', async () => {
    vi.stubGlobal('fetch', () => reponse(200, { departements: [] }))
    await expect(api.departements()).rejects.toThrow('Réponse inattendue de /api/departements')
  })

  it('refuses a geometry answer that is not a FeatureCollection', async () => {
    vi.stubGlobal('fetch', () => reponse(200, { ok: true }))
    await expect(api.contoursRegions()).rejects.toThrow('GeoJSON attendu de /api/regions.geojson')
  })
})
