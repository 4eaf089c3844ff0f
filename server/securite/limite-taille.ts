import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { refus } from './refus.ts'

const SANS_CORPS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** The import of candidatures (server/routes/candidatures.ts) and the file of recruits (server/routes/mise-en-relation.ts). */
const IMPORT = /^\/api\/departements\/[^/]+\/(candidatures|mise-en-relation)$/

/**
 * Request size limits: the URL (path and query) and the body. The API only reads query strings today,
 * so a large body is refused from its Content-Length before anything reads it; a chunked body is cut
 * at `octetsCorps` if a route ever reads it.
 */
export function limiteTaille(octetsCorps: number, caracteresUrl: number, octetsImport = octetsCorps): MiddlewareHandler[] {
  const message = `Corps de requête trop volumineux : ${octetsCorps} octets au plus.`
  const corps = bodyLimit({ maxSize: octetsCorps, onError: (c) => refus(c, 413, message) })
  // A file of candidatures or of recruits is the one body larger than a JSON request; its route checks its own size and rows too.
  const messageImport = `Fichier trop volumineux : ${octetsImport} octets au plus par import.`
  const fichier = bodyLimit({ maxSize: Math.max(octetsCorps, octetsImport), onError: (c) => refus(c, 413, messageImport) })
  // No route reads the body of a GET, HEAD or OPTIONS: its declared length is checked, and the body is left
  // unread (bodyLimit would build a full web Request for every GET, a third of the cost of a small answer).
  const sansCorps: MiddlewareHandler = async (c, next) => {
    if (Number(c.req.header('Content-Length') ?? 0) > octetsCorps) return refus(c, 413, message)
    await next()
  }
  return [
    async (c, next) => {
      const url = c.req.url
      const debutChemin = url.indexOf('/', url.indexOf('//') + 2)
      if (url.length - Math.max(debutChemin, 0) > caracteresUrl)
        return refus(c, 414, `Adresse trop longue : ${caracteresUrl} caractères au plus pour le chemin et les paramètres.`)
      await next()
    },
    (c, next) => (SANS_CORPS.has(c.req.method) ? sansCorps(c, next) : IMPORT.test(c.req.path) ? fichier(c, next) : corps(c, next)),
  ]
}
