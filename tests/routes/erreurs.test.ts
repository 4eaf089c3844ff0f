import { HTTPException } from 'hono/http-exception'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from '../../server/app.ts'
import { comptesEnMemoire, type DepsComptes } from '../../server/comptes/index.ts'
import { depsNationales } from './app-nationale.ts'

/** The accounts of a fresh in-memory database whose session middleware, the first of the API, throws `e`. */
function comptesQuiLancent(e: Error): DepsComptes {
  const comptes = comptesEnMemoire()
  return { ...comptes, sessions: { ...comptes.sessions, lire: () => async () => { throw e } } }
}

const appeler = async (e: Error) => {
  const res = await createApp(depsNationales(), comptesQuiLancent(e)).request('/departements/26')
  return { status: res.status, corps: await res.json(), entetes: res.headers }
}

describe('the API error handler', () => {
  it.each([
    [401, 'Connexion requise pour cette action'],
    [403, 'Hors de votre périmètre'],
    [404, 'Scénario inconnu : 7'],
    [413, 'Corps de requête trop volumineux : 10 octets au plus.'],
    [429, 'Trop de requêtes'],
  ] as const)('keeps the status %i of an HTTPException thrown by a middleware, in the error envelope', async (status, message) => {
    const { status: recu, corps } = await appeler(new HTTPException(status, { message }))
    expect([recu, corps]).toEqual([status, { ok: false, error: message, status }])
  })

  it.each([
    [401, 'Connexion requise'],
    [403, 'Accès refusé'],
    [413, 'Corps de requête trop volumineux'],
    [429, 'Trop de requêtes : réessayez plus tard'],
    [400, 'Requête invalide'],
  ] as const)('gives an HTTPException %i thrown without a message a French one', async (status, message) => {
    expect((await appeler(new HTTPException(status))).corps).toEqual({ ok: false, error: message, status })
  })

  it('keeps the Retry-After header of a 429 thrown with its response', async () => {
    const res = new Response(null, { status: 429, headers: { 'Retry-After': '30' } })
    const { status, entetes } = await appeler(new HTTPException(429, { message: 'Trop de requêtes', res }))
    expect([status, entetes.get('Retry-After'), entetes.get('Content-Type')]).toEqual([429, '30', 'application/json'])
  })

  it('answers 500 in French, without the error’s text, to an unexpected error', async () => {
    const journal = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { status, corps } = await appeler(new TypeError('cannot read properties of undefined'))
    expect([status, corps]).toEqual([500, { ok: false, error: 'Erreur interne du serveur', status: 500 }])
    journal.mockRestore()
  })
})
