import type { Context } from 'hono'
import { Lru } from '../spatial/lru.ts'
import { accepteGzip, gzipper, SEUIL_COMPRESSION } from './compression.ts'

const utf8 = new TextEncoder()

type Reponse = { brute: Uint8Array<ArrayBuffer>; gzip?: Uint8Array<ArrayBuffer> }

/**
 * JSON answers serialised once per import. Coverage figures for a (rayonKm, offre) are computed once and
 * cached by the engine; serialising and spreading them again on every request was most of what such a
 * request cost, and most of the garbage the server left behind under load (objects built per answer and
 * promoted before they died). Their gzip is kept too, made at the first request that asks for it. The key
 * must name every parameter the answer depends on; the data only change with a new import, which builds
 * new routes and so a new cache.
 */
export function reponsesMemorisees(capacite: number) {
  const cache = new Lru<string, Reponse>(capacite)
  return {
    /** The answer to `cle`, built and encoded on the first request only; gzipped once if the client accepts it. */
    json: async (c: Context, cle: string, construire: () => unknown) => {
      const reponse = cache.getOrCompute(cle, () => ({ brute: utf8.encode(JSON.stringify(construire())) }))
      if (reponse.brute.length >= SEUIL_COMPRESSION && accepteGzip(c.req.header('Accept-Encoding'))) {
        reponse.gzip ??= await gzipper(reponse.brute)
        return c.body(reponse.gzip, 200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(reponse.gzip.length) })
      }
      // Content-Length lets the compression leave answers under its threshold alone without reading them.
      return c.body(reponse.brute, 200, { 'Content-Type': 'application/json', 'Content-Length': String(reponse.brute.length) })
    },
  }
}
