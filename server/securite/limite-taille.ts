import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { refus } from './refus.ts'

/**
 * Request size limits: the URL (path and query) and the body. The API only reads query strings today,
 * so a large body is refused from its Content-Length before anything reads it; a chunked body is cut
 * at `octetsCorps` if a route ever reads it.
 */
export function limiteTaille(octetsCorps: number, caracteresUrl: number): MiddlewareHandler[] {
  return [
    async (c, next) => {
      const url = c.req.url
      const debutChemin = url.indexOf('/', url.indexOf('//') + 2)
      if (url.length - Math.max(debutChemin, 0) > caracteresUrl)
        return refus(c, 414, `Adresse trop longue : ${caracteresUrl} caractères au plus pour le chemin et les paramètres.`)
      await next()
    },
    bodyLimit({
      maxSize: octetsCorps,
      onError: (c) => refus(c, 413, `Corps de requête trop volumineux : ${octetsCorps} octets au plus.`),
    }),
  ]
}
