import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, oublierImport } from '../../client/api/client.ts'
import { couvertureNationale } from '../../client/api/queries/couverture.ts'
import { suivreImport } from '../../client/api/queries/import.ts'
import { departements } from '../../client/api/queries/territoires.ts'

const PARAMETRES = { rayonKm: 10, offre: ['mediation' as const] }

/** A fake API: every answer carries the ETag of the import being served, and its id in the body. */
function serveur() {
  const etat = { etag: '"20261128124607-accfba"', appels: [] as string[] }
  vi.stubGlobal('fetch', (url: string) => {
    etat.appels.push(url)
    const id = etat.etag.replace(/^W\//, '').replaceAll('"', '')
    const corps = url.startsWith('/api/departements') ? { ok: true, departements: [{ code: id }] } : { ok: true, import: { id }, national: { id } }
    return Promise.resolve(new Response(JSON.stringify(corps), { status: 200, headers: { 'Content-Type': 'application/json', ETag: etat.etag } }))
  })
  return etat
}

beforeEach(() => oublierImport())
afterEach(() => vi.unstubAllGlobals())

describe('query keys follow the reference import', () => {
  it('refetches the figures once an answer comes from another import, and not before', async () => {
    // GIVEN a fresh QueryClient whose national figures were fetched from import A
    const etat = serveur()
    const client = new QueryClient()
    expect(await client.fetchQuery(couvertureNationale(PARAMETRES))).toMatchObject({ national: { id: '20261128124607-accfba' } })
    // WHEN the same figures are asked again: THEN the cache answers (staleTime: Infinity)
    await client.fetchQuery(couvertureNationale(PARAMETRES))
    expect(etat.appels).toHaveLength(1)
    // WHEN a rolling restart serves import B, seen on any answer (gzipped: a weak ETag)
    etat.etag = 'W/"20261201090000-0b1c2d"'
    await api.sante()
    // THEN the same figures are fetched again, and come from B
    expect(await client.fetchQuery(couvertureNationale(PARAMETRES))).toMatchObject({ national: { id: '20261201090000-0b1c2d' } })
    expect(etat.appels).toEqual(['/api/couverture?rayonKm=10&offre=mediation', '/api/sante', '/api/couverture?rayonKm=10&offre=mediation'])
  })

  it('refetches what the open page shows as soon as a new import is seen', async () => {
    // GIVEN a page showing the départements of import A (an active query), the client following the import
    const etat = serveur()
    const client = new QueryClient()
    const arreter = suivreImport(client)
    const observateur = new QueryObserver(client, departements())
    const resultats: unknown[] = []
    const desabonner = observateur.subscribe((r) => resultats.push(r.data))
    await vi.waitFor(() => expect(resultats.at(-1)).toEqual([{ code: '20261128124607-accfba' }]))
    // WHEN an answer comes from import B
    etat.etag = '"20261201090000-0b1c2d"'
    await api.sante()
    // THEN the page's départements are fetched again and show B's
    await vi.waitFor(() => expect(resultats.at(-1)).toEqual([{ code: '20261201090000-0b1c2d' }]))
    expect(etat.appels.filter((u) => u === '/api/departements')).toHaveLength(2)
    desabonner()
    arreter()
  })

  it('takes a saved scenario\'s ETag (its version) for what it is, not for another import', async () => {
    // GIVEN figures fetched from import A
    const etat = serveur()
    const client = new QueryClient()
    await client.fetchQuery(couvertureNationale(PARAMETRES))
    // WHEN an answer carries a scenario's version as its ETag
    etat.etag = '"v3"'
    await api.sante()
    // THEN the figures are still those of the cache: no refetch
    await client.fetchQuery(couvertureNationale(PARAMETRES))
    expect(etat.appels).toEqual(['/api/couverture?rayonKm=10&offre=mediation', '/api/sante'])
  })
})
