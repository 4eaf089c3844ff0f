import type { Context, MiddlewareHandler } from 'hono'
import { refus } from './refus.ts'
import { ajouterVary } from './vary.ts'

const METHODES = 'GET, HEAD, OPTIONS'
const ENTETES_PERMIS = 'Content-Type, If-None-Match'
const ENTETES_EXPOSES = 'ETag, Retry-After, Content-Disposition'

/** Same origin when the Origin's host is the host the request was sent to (the scheme may differ behind a TLS proxy). */
function memeOrigine(c: Context, origine: string, proxyDeConfiance: boolean): boolean {
  let hote: string
  try {
    hote = new URL(origine).host
  } catch {
    return false
  }
  const hoteDemande = (proxyDeConfiance ? c.req.header('X-Forwarded-Host') : undefined) ?? c.req.header('Host') ?? new URL(c.req.url).host
  return hote !== '' && hote === hoteDemande
}

/**
 * Strict CORS: a request from another origin is served only if that origin is listed; otherwise it
 * gets 403 (preflight included), so no other site can use the API from a browser. Requests without
 * an Origin header (same-origin GETs, curl, servers) pass untouched.
 */
export function corsStrict(origines: readonly string[], proxyDeConfiance = false): MiddlewareHandler {
  const permises = new Set(origines)
  return async (c, next) => {
    const origine = c.req.header('Origin')
    if (origine === undefined || memeOrigine(c, origine, proxyDeConfiance)) return next()
    if (!permises.has(origine)) {
      c.header('Vary', 'Origin')
      return refus(c, 403, `Origine non autorisée : ${origine.slice(0, 200)}. L'API n'accepte les requêtes d'un autre site que depuis les origines configurées (MAILLAGE_CORS_ORIGINES).`)
    }
    const communs = { 'Access-Control-Allow-Origin': origine, Vary: 'Origin' }
    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined)
      return c.body(null, 204, { ...communs, 'Access-Control-Allow-Methods': METHODES, 'Access-Control-Allow-Headers': ENTETES_PERMIS, 'Access-Control-Max-Age': '600' })
    await next()
    c.res.headers.set('Access-Control-Allow-Origin', origine)
    c.res.headers.set('Access-Control-Expose-Headers', ENTETES_EXPOSES)
    ajouterVary(c.res.headers, 'Origin')
  }
}
