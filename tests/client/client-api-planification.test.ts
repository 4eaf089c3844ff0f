import { afterEach, describe, expect, it, vi } from 'vitest'
import { api, ErreurApi } from '../../client/api/client.ts'

const reponse = (status: number, corps: unknown) =>
  Promise.resolve(new Response(JSON.stringify(corps), { status, headers: { 'content-type': 'application/json' } }))

afterEach(() => vi.unstubAllGlobals())

describe('typed API client for planning', () => {
  it('POSTs the scenario as JSON to /api/simulations', async () => {
    const appels: { url: string; init: RequestInit }[] = []
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => (appels.push({ url, init }), reponse(200, { ok: true })))
    const corps = { methode: 'carreaux' as const, departement: '26', rayonKm: 10, offre: ['mediation' as const], ajouts: [{ lon: 5, lat: 44.7, conseillers: 2 }], retraits: [141] }
    await api.simulation(corps)
    expect(appels).toHaveLength(1)
    expect(appels[0]!.url).toBe('/api/simulations')
    expect(appels[0]!.init.method).toBe('POST')
    expect(new Headers(appels[0]!.init.headers).get('Content-Type')).toBe('application/json')
    expect(JSON.parse(String(appels[0]!.init.body))).toEqual(corps)
  })

  it('throws the French 400 message of a refused scenario', async () => {
    vi.stubGlobal('fetch', () => reponse(400, { ok: false, error: 'ajouts[0] : le point [2.35, 48.85] est dans le département 75, pas dans le département 26', status: 400 }))
    const corps = { methode: 'carreaux' as const, departement: '26', rayonKm: 10, offre: [], ajouts: [{ lon: 2.35, lat: 48.85, conseillers: 1 }], retraits: [] }
    const erreur = await api.simulation(corps).catch((e: unknown) => e)
    expect(erreur).toBeInstanceOf(ErreurApi)
    expect(erreur).toMatchObject({ status: 400, message: 'ajouts[0] : le point [2.35, 48.85] est dans le département 75, pas dans le département 26' })
  })

  it('sends GET requests without a body or method', async () => {
    const inits: RequestInit[] = []
    vi.stubGlobal('fetch', (_: string, init: RequestInit) => (inits.push(init), reponse(200, { ok: true, departements: [] })))
    await api.departements()
    expect(inits[0]!.method).toBeUndefined()
    expect(inits[0]!.body).toBeUndefined()
  })
})

describe('typed API client for saved scenarios', () => {
  const corps = { titre: 'Valence', departement: '26', rayonKm: 10, offre: [], ajouts: [{ lon: 4.89, lat: 44.93, conseillers: 1 }], retraits: [] }

  it('PUTs a change to /api/scenarios/:id with the version it was made from in If-Match', async () => {
    const appels: { url: string; init: RequestInit }[] = []
    vi.stubGlobal('fetch', (url: string, init: RequestInit) =>
      (appels.push({ url, init }), reponse(200, { ok: true, scenario: { ...corps, id: 7, version: 4, auteur: 'a@b.fr', creeLe: '', modifieLe: '' } })))
    const s = await api.modifierScenario(7, 3, corps)
    expect(s.version).toBe(4)
    expect(appels[0]!.url).toBe('/api/scenarios/7')
    expect(appels[0]!.init.method).toBe('PUT')
    expect(new Headers(appels[0]!.init.headers).get('If-Match')).toBe('"v3"')
    expect(JSON.parse(String(appels[0]!.init.body))).toEqual(corps)
  })

  it('throws the server’s French message and the 412 status when another agent saved the scenario in between', async () => {
    const message = 'Le scénario « Valence » a été modifié entre-temps (il en est à la version 4, vous modifiiez la version 3) : votre modification n’est pas enregistrée. Rechargez le scénario, puis refaites-la.'
    vi.stubGlobal('fetch', () => reponse(412, { ok: false, error: message, status: 412 }))
    const erreur = await api.modifierScenario(7, 3, corps).catch((e: unknown) => e)
    expect(erreur).toBeInstanceOf(ErreurApi)
    expect(erreur).toMatchObject({ status: 412, message })
  })
})
