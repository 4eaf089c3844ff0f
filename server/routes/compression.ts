import { promisify } from 'node:util'
import { gzip, gzipSync } from 'node:zlib'
import type { Context, MiddlewareHandler } from 'hono'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress'

/** Answers smaller than this are sent as they are: gzip would save a few hundred bytes at most. */
export const SEUIL_COMPRESSION = 1024
/**
 * Up to this size an answer is gzipped on the main thread (~40 µs for a nearest-lieux answer, 0.45 ms for the 68 KB of
 * the national figures, against 1.0 ms of waiting for libuv's pool at level 6); above, in libuv's pool.
 */
const TAILLE_MAX_SYNCHRONE = 128 * 1024
/** Level 3 for the small answers: zlib's fast strategy, 7 % bigger than level 6 in 2/3 of its time (measured on nearest-lieux answers); its default for the rest. */
const NIVEAU_SYNCHRONE = 3
const gzipAsynchrone = promisify(gzip)
const PAS_DE_TRANSFORMATION = /(?:^|,)\s*no-transform\s*(?:,|$)/i

/**
 * Whether an Accept-Encoding header accepts gzip (RFC 9110 § 12.5.3): named with q > 0, or covered by `*` with q > 0
 * when not named. `identity` and the other codings do not matter here: gzip is the only one we produce.
 */
export function accepteGzip(acceptEncoding: string | undefined): boolean {
  if (acceptEncoding === undefined) return false
  let etoile: boolean | undefined
  for (const partie of acceptEncoding.split(',')) {
    const [nom = '', ...parametres] = partie.split(';').map((x) => x.trim().toLowerCase())
    const q = parametres.find((p) => p.startsWith('q='))
    const accepte = q === undefined || Number(q.slice(2)) > 0
    if (nom === 'gzip' || nom === 'x-gzip') return accepte
    if (nom === '*') etoile = accepte
  }
  return etoile === true
}

/** gzip of `octets`: on the main thread when small, in libuv's thread pool otherwise. */
export async function gzipper(octets: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const resultat = octets.length <= TAILLE_MAX_SYNCHRONE ? gzipSync(octets, { level: NIVEAU_SYNCHRONE }) : await gzipAsynchrone(octets)
  return new Uint8Array(resultat.buffer as ArrayBuffer, resultat.byteOffset, resultat.byteLength)
}

/**
 * Answers bytes the handler already holds, gzipped on the spot when the client accepts it and they are worth it:
 * cheaper than letting `compression()` read them back out of the finished response.
 */
export function repondreOctets(c: Context, octets: Uint8Array<ArrayBuffer>, type: string): Response | Promise<Response> {
  if (octets.length < SEUIL_COMPRESSION || !accepteGzip(c.req.header('Accept-Encoding')))
    return c.body(octets, 200, { 'Content-Type': type, 'Content-Length': String(octets.length) })
  return gzipper(octets).then((gz) => c.body(gz, 200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': String(gz.length) }))
}

const aCompresser = (c: Context): boolean => {
  const res = c.res
  if (c.req.method === 'HEAD' || res.status === 204 || res.status === 206 || res.status === 304) return false
  const h = res.headers
  if (h.has('Content-Encoding') || h.has('Transfer-Encoding')) return false
  const longueur = h.get('Content-Length')
  if (longueur !== null && Number(longueur) < SEUIL_COMPRESSION) return false
  const type = h.get('Content-Type')
  if (type === null || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return false
  return !PAS_DE_TRANSFORMATION.test(h.get('Cache-Control') ?? '')
}

/**
 * gzip for clients that accept it, on whole answers with zlib. Hono's compress() pipes every answer through a
 * web-streams `CompressionStream`, which cost more than the rest of a nearest-lieux request: 1,800 req/s with gzip
 * against 6,400 without. Every answer of ours is already whole in memory (strings, buffers, static files); reading it
 * once and gzipping it in one call is cheaper. Answers already encoded (vector tiles, memoised gzip) pass through.
 * The ETag becomes weak, as the bytes differ from the identity answer's. `Vary: Accept-Encoding` is set elsewhere,
 * on every answer.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    if (!accepteGzip(c.req.header('Accept-Encoding'))) return next()
    await next()
    if (!aCompresser(c)) return
    const { status } = c.res
    // Hono copies the previous answer's headers onto the new one, all but Content-Type.
    const entetes = { 'Content-Type': c.res.headers.get('Content-Type')! }
    const brut = new Uint8Array(await c.res.arrayBuffer())
    if (brut.length < SEUIL_COMPRESSION) {
      c.res = new Response(brut, { status, headers: entetes })
      return
    }
    c.res = new Response(await gzipper(brut), { status, headers: entetes })
    const h = c.res.headers
    h.delete('Content-Length')
    h.set('Content-Encoding', 'gzip')
    const etag = h.get('ETag')
    if (etag !== null && !etag.startsWith('W/')) h.set('ETag', `W/${etag}`)
  }
}
