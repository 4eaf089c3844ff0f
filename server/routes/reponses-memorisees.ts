import type { Context } from 'hono'
import { Lru } from '../spatial/lru.ts'

const utf8 = new TextEncoder()

/**
 * JSON answers serialised once per import. Coverage figures for a (rayonKm, offre) are computed once and
 * cached by the engine; serialising and spreading them again on every request was most of what such a
 * request cost, and most of the garbage the server left behind under load (objects built per answer and
 * promoted before they died). The key must name every parameter the answer depends on; the data only
 * change with a new import, which builds new routes and so a new cache.
 */
export function reponsesMemorisees(capacite: number) {
  const cache = new Lru<string, Uint8Array<ArrayBuffer>>(capacite)
  return {
    /** The answer to `cle`, built and encoded on the first request only. */
    json: (c: Context, cle: string, construire: () => unknown) => {
      const octets = cache.getOrCompute(cle, () => utf8.encode(JSON.stringify(construire())))
      // Content-Length lets compress() leave answers under its threshold (1 kB) alone instead of gzipping 600 bytes.
      return c.body(octets, 200, { 'Content-Type': 'application/json', 'Content-Length': String(octets.length) })
    },
  }
}
