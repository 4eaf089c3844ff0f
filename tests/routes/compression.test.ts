import { gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { beforeAll, describe, expect, it } from 'vitest'
import { accepteGzip, compression } from '../../server/routes/compression.ts'
import { createServeur } from '../../server/main.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

describe('accepteGzip (RFC 9110 Accept-Encoding)', () => {
  it.each([
    [undefined, false], ['', false], ['gzip', true], ['GZIP', true], ['x-gzip', true], ['br, gzip;q=0.5', true],
    ['gzip;q=0', false], ['gzip; q=0.000', false], ['br, deflate', false], ['*', true], ['*;q=0', false],
    ['gzip;q=0, *', false], ['identity', false], ['deflate, gzip, br, zstd', true],
  ])('%j → %s', (entete, attendu) => {
    expect(accepteGzip(entete)).toBe(attendu)
  })
})

describe('compression of whole answers', () => {
  const texte = JSON.stringify({ lieux: Array.from({ length: 200 }, (_, i) => ({ id: i, nom: `Médiathèque n° ${i}` })) })
  const app = new Hono()
    .use('*', compression())
    .get('/grand', (c) => c.json(JSON.parse(texte) as unknown, 200, { ETag: '"v1"' }))
    .get('/petit', (c) => c.json({ ok: true }))
    .get('/image', (c) => c.body(new Uint8Array(4096), 200, { 'Content-Type': 'image/png' }))
    .get('/sans-transformation', (c) => c.json(JSON.parse(texte) as unknown, 200, { 'Cache-Control': 'no-transform' }))

  it('gzips a JSON answer for a client that accepts gzip, keeping its type and making its ETag weak', async () => {
    const res = await app.request('/grand', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } })
    expect(res.headers.get('Content-Encoding')).toBe('gzip')
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(res.headers.get('ETag')).toBe('W/"v1"')
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(texte)
  })

  it.each([
    ['no Accept-Encoding', '/grand', {}],
    ['gzip refused (q=0)', '/grand', { 'Accept-Encoding': 'gzip;q=0, br' }],
    ['an answer under 1 kB', '/petit', { 'Accept-Encoding': 'gzip' }],
    ['a type that does not compress', '/image', { 'Accept-Encoding': 'gzip' }],
    ['Cache-Control: no-transform', '/sans-transformation', { 'Accept-Encoding': 'gzip' }],
  ])('sends the answer as it is with %s', async (_cas, chemin, headers) => {
    const res = await app.request(chemin, { headers })
    expect(res.headers.get('Content-Encoding')).toBeNull()
    expect(res.headers.get('Content-Type')).not.toBeNull()
    const attendu = await (await app.request(chemin)).arrayBuffer()
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array(attendu))
  })

  it('does not compress the answer to a HEAD request', async () => {
    const res = await app.request('/grand', { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } })
    expect(res.headers.get('Content-Encoding')).toBeNull()
  })
})

describe('compression and ETags on the real server', () => {
  let serveur: ReturnType<typeof createServeur>
  beforeAll(() => {
    serveur = createServeur(CHEMIN_BASE_NATIONALE, 'dist/client', { securite: { requetesParMinute: 0 } })
  })

  it('gzips the nearest lieux for a browser, byte for byte the identity answer once inflated', async () => {
    const chemin = '/api/lieux/proches?commune=26113&limit=20'
    const [gz, brut] = await Promise.all([serveur.app.request(chemin, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } }), serveur.app.request(chemin)])
    expect(gz.headers.get('Content-Encoding')).toBe('gzip')
    expect(gz.headers.get('Vary')).toBe('Accept-Encoding')
    const octetsGz = Buffer.from(await gz.arrayBuffer())
    const octetsBruts = Buffer.from(await brut.arrayBuffer())
    expect(gunzipSync(octetsGz)).toEqual(octetsBruts)
    expect(octetsGz.length).toBeLessThan(octetsBruts.length / 2)
    expect(gz.headers.get('ETag')).toBe(`W/${brut.headers.get('ETag')}`)
  })

  it('answers 304 to the weak ETag a browser sends back for a gzipped answer, and to a list or *', async () => {
    const premier = await serveur.app.request('/api/couverture', { headers: { 'Accept-Encoding': 'gzip' } })
    const faible = premier.headers.get('ETag')!
    expect(faible).toMatch(/^W\/"/)
    for (const ifNoneMatch of [faible, faible.slice(2), `"autre", ${faible}`, '*']) {
      const res = await serveur.app.request('/api/couverture', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': ifNoneMatch } })
      expect(res.status, ifNoneMatch).toBe(304)
    }
    expect((await serveur.app.request('/api/couverture', { headers: { 'If-None-Match': '"autre"' } })).status).toBe(200)
  })
})
