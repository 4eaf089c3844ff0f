import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { beforeAll, describe, expect, it } from 'vitest'
import { lireConfig, optionsComptes } from '../../server/config.ts'
import { createServeur } from '../../server/main.ts'
import { corsStrict } from '../../server/securite/cors.ts'
import { entetesSecurite } from '../../server/securite/entetes.ts'
import { limiteDebit } from '../../server/securite/limite-debit.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

const CLIENT = resolve(import.meta.dirname, '../../dist/client')
const SITE = 'https://carto.exemple.gouv.fr'

type Serveur = ReturnType<typeof createServeur>
let serveur: Serveur

beforeAll(() => {
  serveur = createServeur(CHEMIN_BASE_NATIONALE, CLIENT, { securite: { originesCors: [SITE], requetesParMinute: 0, octetsCorps: 1024, caracteresUrl: 512 } })
})

const directives = (csp: string | null) =>
  new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([nom, ...valeurs]) => [nom!, valeurs]))

describe('security headers', () => {
  it.each(['/', '/departements/26'])('sends a CSP without inline script or eval on the page %s', async (chemin) => {
    // GIVEN the real server app WHEN a page is fetched
    const res = await serveur.app.request(chemin)
    // THEN the CSP allows only the app's own origin for scripts, and what maplibre needs for workers and images
    const csp = directives(res.headers.get('Content-Security-Policy'))
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('script-src-attr')).toEqual(["'none'"])
    // react-dsfr's colour-scheme <style>, allowed by its hashes (light, dark), never by 'unsafe-inline'
    expect(csp.get('style-src')).toEqual(["'self'", "'sha256-HzhUjVBe6Oi2wcxUM7bmy2Rp9VdLMHYDdYr9MalNmOY='", "'sha256-xVQ4mcypV0CvOtZpQgVcKpcoNvdUkR9BrwZBrtBbU+w='"])
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:'])
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect([...csp.values()].flat().filter((v) => /unsafe|\*/.test(v))).toEqual([])
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('X-Frame-Options')).toBe('DENY')
  })

  it.each(['/api/sante', '/api/departements/26/couverture', '/api/lieux/proches?lat=44.75&lon=5.37', '/api/departements/26/communes.csv', '/api/inconnue'])(
    'sends an API answer (%s) a CSP that lets it load, run and be framed by nothing', async (chemin) => {
      // GIVEN the real server app WHEN an API answer (data, never a page) is fetched, found or not
      const res = await serveur.app.request(chemin)
      // THEN nothing may be loaded, run or framed from it, and the browser must not guess its type
      expect(directives(res.headers.get('Content-Security-Policy'))).toEqual(new Map([['default-src', ["'none'"]], ['frame-ancestors', ["'none'"]]]))
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(res.headers.get('X-Frame-Options')).toBe('DENY')
      expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin')
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
      expect(res.headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d+; includeSubDomains$/)
      // AND none of the page-only headers
      expect(res.headers.get('Permissions-Policy')).toBeNull()
    })

  it('adds a configured basemap origin to img-src and connect-src only', async () => {
    const avecCarte = new Hono().use('*', entetesSecurite(['https://tuiles.exemple.fr'])).get('/', (c) => c.text('ok'))
    const csp = directives((await avecCarte.request('/')).headers.get('Content-Security-Policy'))
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://tuiles.exemple.fr'])
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://tuiles.exemple.fr'])
    expect(csp.get('script-src')).toEqual(["'self'"])
  })

  it('serves a built client whose HTML has no inline script and only same-origin assets', () => {
    const html = readFileSync(resolve(CLIENT, 'index.html'), 'utf8')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributs, corps] of scripts) {
      expect(attributs).toMatch(/\bsrc="\/[^/]/)
      expect(corps!.trim()).toBe('')
    }
    expect(html).not.toMatch(/\bon[a-z]+=/i)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
  })
})

describe('strict CORS on /api', () => {
  it('refuses a request from an unlisted origin with 403 and a French message', async () => {
    const res = await serveur.app.request('/api/sante', { headers: { Origin: 'https://malveillant.example' } })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ ok: false, status: 403, error: expect.stringMatching(/^Origine non autorisée : https:\/\/malveillant\.example/) })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })

  it('refuses the preflight of an unlisted origin', async () => {
    const res = await serveur.app.request('/api/sante', { method: 'OPTIONS', headers: { Origin: 'null', 'Access-Control-Request-Method': 'GET' } })
    expect(res.status).toBe(403)
    expect(res.headers.get('Access-Control-Allow-Methods')).toBeNull()
  })

  it('answers a listed origin with its own Access-Control-Allow-Origin, never *', async () => {
    const res = await serveur.app.request('/api/sante', { headers: { Origin: SITE } })
    expect(res.status).toBe(200)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(SITE)
    expect(res.headers.get('Vary')).toMatch(/Origin/)
    expect(res.headers.get('Access-Control-Expose-Headers')).toMatch(/ETag/)
  })

  it('answers the preflight of a listed origin with GET, HEAD and OPTIONS only', async () => {
    const res = await serveur.app.request('/api/lieux/proches', { method: 'OPTIONS', headers: { Origin: SITE, 'Access-Control-Request-Method': 'GET' } })
    expect(res.status).toBe(204)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(SITE)
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET, HEAD, OPTIONS')
  })

  it('lets same-origin requests through without CORS headers', async () => {
    const res = await serveur.app.request('http://maillage.local/api/sante', { headers: { Origin: 'http://maillage.local', Host: 'maillage.local' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })

  it('lets requests without Origin through (curl, servers)', async () => {
    expect((await serveur.app.request('/api/sante')).status).toBe(200)
  })

  it('compares the whole origin, not a prefix', async () => {
    const app = new Hono().use('*', corsStrict([SITE])).get('/', (c) => c.text('ok'))
    expect((await app.request('/', { headers: { Origin: `${SITE}.malveillant.example` } })).status).toBe(403)
    expect((await app.request('/', { headers: { Origin: SITE.replace('https', 'http') } })).status).toBe(403)
  })
})

describe('request size limits on /api', () => {
  it('refuses a body larger than the limit with 413 before any route reads it', async () => {
    const res = await serveur.app.request('/api/sante', { method: 'POST', body: 'x'.repeat(2048), headers: { 'Content-Length': '2048' } })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({ ok: false, status: 413, error: 'Corps de requête trop volumineux : 1024 octets au plus.' })
  })

  it.each([
    ['POST', '/api/simulations'], ['POST', '/api/optimisation'], ['POST', '/api/optimisation/nationale'],
    ['POST', '/api/scenarios'], ['PUT', '/api/scenarios/1'], ['PUT', '/api/agents/agent@exemple.gouv.fr'],
  ])('answers 413 in French to a JSON body over the configured limit on %s %s', async (methode, chemin) => {
    // GIVEN a well-formed JSON body of 1,500 bytes (spaces are valid JSON), the server configured for 1,024
    const corps = JSON.stringify({ departement: '26' }).padEnd(1_500, ' ')
    const res = await serveur.app.request(chemin, { method: methode, body: corps, headers: { 'Content-Type': 'application/json' } })
    expect([res.status, await res.json()]).toEqual([413, { ok: false, status: 413, error: 'Corps de requête trop volumineux : 1024 octets au plus.' }])
  })

  it('accepts a JSON body up to the configured limit, even above the former fixed 100 kB', async () => {
    // GIVEN a server configured for 200,000 bytes WHEN a valid simulation of 150,000 bytes (whitespace) is posted
    const large = createServeur(CHEMIN_BASE_NATIONALE, CLIENT, { securite: { requetesParMinute: 0, octetsCorps: 200_000 } })
    const corps = JSON.stringify({ departement: '26', rayonKm: 10, ajouts: [{ lon: 5.37, lat: 44.75 }] }).padEnd(150_000, ' ')
    const res = await large.app.request('/api/simulations', { method: 'POST', body: corps, headers: { 'Content-Type': 'application/json' } })
    // THEN it is simulated, and the same body over that limit is refused with 413
    expect([res.status, ((await res.json()) as { ok: boolean }).ok]).toEqual([200, true])
    const tropGros = await large.app.request('/api/simulations', { method: 'POST', body: corps.padEnd(200_001, ' '), headers: { 'Content-Type': 'application/json' } })
    expect([tropGros.status, ((await tropGros.json()) as { error: string }).error]).toEqual([413, 'Corps de requête trop volumineux : 200000 octets au plus.'])
  })

  it('lets a file of candidatures through up to its own limit, larger than a JSON body’s, and no further', async () => {
    // GIVEN JSON bodies limited to 1,024 bytes and files of candidatures to 10,000
    const s = createServeur(CHEMIN_BASE_NATIONALE, CLIENT, { securite: { requetesParMinute: 0, octetsCorps: 1024, octetsImport: 10_000 } })
    const csv = 'siret;nom;type;adresse;code insee;postes\n'.padEnd(5_000, ' ')
    const importer = (corps: string) => s.app.request('/api/departements/26/candidatures', { method: 'POST', body: corps, headers: { 'Content-Type': 'text/csv' } })
    // THEN a 5,000-byte file reaches the route (which asks the public to sign in), a 5,000-byte simulation does not
    expect((await importer(csv)).status).toBe(401)
    expect((await s.app.request('/api/simulations', { method: 'POST', body: csv, headers: { 'Content-Type': 'application/json' } })).status).toBe(413)
    const tropGros = await importer(csv.padEnd(10_001, ' '))
    expect([tropGros.status, ((await tropGros.json()) as { error: string }).error]).toEqual([413, 'Fichier trop volumineux : 10000 octets au plus par import.'])
  })

  it('refuses a GET that declares a body larger than the limit, without reading it', async () => {
    const res = await serveur.app.request('/api/sante', { headers: { 'Content-Length': '4096' } })
    expect(res.status).toBe(413)
    expect((await res.json()).error).toBe('Corps de requête trop volumineux : 1024 octets au plus.')
  })

  it('says Vary: Accept-Encoding on every answer, next to Origin, and still compresses for who asks', async () => {
    const simple = await serveur.app.request('/api/sante')
    expect(simple.headers.get('Vary')).toBe('Accept-Encoding')
    expect(simple.headers.get('Content-Encoding')).toBeNull()
    const avecOrigine = await serveur.app.request('/api/sante', { headers: { Origin: SITE } })
    expect(avecOrigine.headers.get('Vary')!.split(', ').sort()).toEqual(['Accept-Encoding', 'Origin'])
    const compresse = await serveur.app.request('/api/couverture', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(compresse.headers.get('Content-Encoding')).toBe('gzip')
    expect(compresse.headers.get('Vary')).toBe('Accept-Encoding')
    const gz = Buffer.from(await compresse.arrayBuffer())
    // A memoised answer: its gzip is made once and sent with its length.
    expect(Number(compresse.headers.get('Content-Length'))).toBe(gz.length)
    const brute = await (await serveur.app.request('/api/couverture')).text()
    expect(gunzipSync(gz).toString()).toBe(brute)
  })

  it('leaves a memoised answer under 1 kB uncompressed, with its length', async () => {
    const petite = await serveur.app.request('/api/departements/26/couverture', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(petite.headers.get('Content-Encoding')).toBeNull()
    const octets = new Uint8Array(await petite.arrayBuffer())
    expect(octets.length).toBeLessThan(1024)
    expect(Number(petite.headers.get('Content-Length'))).toBe(octets.length)
    expect(JSON.parse(new TextDecoder().decode(octets)).nom).toBe('Drôme')
  })

  it('refuses a path and query longer than the limit with 414', async () => {
    const res = await serveur.app.request(`/api/communes/recherche?q=${'a'.repeat(600)}`)
    expect(res.status).toBe(414)
    expect((await res.json()).error).toBe('Adresse trop longue : 512 caractères au plus pour le chemin et les paramètres.')
  })

  it('accepts a body within the limit (the route then decides)', async () => {
    const res = await serveur.app.request('/api/sante', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })
    expect(res.status).toBe(404)
    expect((await res.json()).error).toBe('Ressource inconnue : /api/sante')
  })
})

describe('per-client rate limit', () => {
  const horloge = () => {
    let t = 0
    return { maintenant: () => t, avancer: (ms: number) => void (t += ms) }
  }
  const appLimitee = (requetesParMinute: number, rafale: number, maintenant: () => number) =>
    new Hono()
      .use('*', limiteDebit({ requetesParMinute, rafale, maintenant, cleClient: (c) => c.req.header('X-Client') ?? 'a' }))
      .get('/', (c) => c.text('ok'))
  const statuts = async (app: Hono, n: number, client = 'a') => {
    const s: number[] = []
    for (let i = 0; i < n; i++) s.push((await app.request('/', { headers: { 'X-Client': client } })).status)
    return s
  }

  it('serves a burst, then answers 429 with Retry-After and a French message', async () => {
    // GIVEN 6 requests per minute (one every 10 s) and bursts of 3
    const h = horloge()
    const app = appLimitee(6, 3, h.maintenant)
    // WHEN one client sends 4 requests at once
    expect(await statuts(app, 3)).toEqual([200, 200, 200])
    const res = await app.request('/', { headers: { 'X-Client': 'a' } })
    // THEN the 4th waits for the next token, 10 s away
    expect(res.status).toBe(429)
    expect(res.headers.get('Retry-After')).toBe('10')
    expect(await res.json()).toEqual({ ok: false, status: 429, error: 'Trop de requêtes : 6 par minute au plus (rafales de 3). Réessayez dans 10 s.' })
  })

  it('serves the client again once Retry-After has passed', async () => {
    const h = horloge()
    const app = appLimitee(6, 1, h.maintenant)
    expect(await statuts(app, 2)).toEqual([200, 429])
    h.avancer(9_000)
    const res = await app.request('/', { headers: { 'X-Client': 'a' } })
    expect([res.status, res.headers.get('Retry-After')]).toEqual([429, '1'])
    h.avancer(1_000)
    expect(await statuts(app, 2)).toEqual([200, 429])
  })

  it('counts each client separately', async () => {
    const h = horloge()
    const app = appLimitee(60, 2, h.maintenant)
    expect(await statuts(app, 3, 'a')).toEqual([200, 200, 429])
    expect(await statuts(app, 3, 'b')).toEqual([200, 200, 429])
  })

  it('keeps memory bounded by forgetting idle clients first', async () => {
    const h = horloge()
    const app = new Hono()
      .use('*', limiteDebit({ requetesParMinute: 60, rafale: 1, maintenant: h.maintenant, maxClients: 10, cleClient: (c) => c.req.header('X-Client') ?? 'a' }))
      .get('/', (c) => c.text('ok'))
    expect(await statuts(app, 2, 'actif')).toEqual([200, 429])
    for (let i = 0; i < 20; i++) await statuts(app, 1, `passant-${i}`)
    // With a cap of 10 clients, 20 newcomers push out the least recently seen ones first: the active client's empty
    // bucket is forgotten (it starts afresh), while the newest passer-by is still remembered.
    expect(await statuts(app, 1, 'actif')).toEqual([200])
    expect(await statuts(app, 2, 'passant-19')).toEqual([429, 429])
  })

  it('is off when the rate is 0', async () => {
    const app = appLimitee(0, 1, () => 0)
    expect(new Set(await statuts(app, 50))).toEqual(new Set([200]))
  })

  it('guards /api of the real server but not the built client', async () => {
    const limite = createServeur(CHEMIN_BASE_NATIONALE, CLIENT, { securite: { requetesParMinute: 60, rafale: 2 } })
    const api = []
    for (let i = 0; i < 3; i++) api.push((await limite.app.request('/api/departements/26/couverture')).status)
    expect(api).toEqual([200, 200, 429])
    expect((await limite.app.request('/')).status).toBe(200)
  })

  it('lets vector tiles through once the limit is spent (a map view fetches dozens)', async () => {
    const limite = createServeur(CHEMIN_BASE_NATIONALE, CLIENT, { securite: { requetesParMinute: 60, rafale: 1 } })
    expect((await limite.app.request('/api/sante')).status).toBe(200)
    expect((await limite.app.request('/api/sante')).status).toBe(429)
    const tuiles = await Promise.all([0, 1, 2].map(() => limite.app.request('/api/tuiles/communes/6/33/22.pbf')))
    expect(tuiles.map((r) => r.status)).toEqual([200, 200, 200])
  })
})

describe('configuration', () => {
  it('has documented defaults', () => {
    const c = lireConfig({})
    expect([c.MAILLAGE_CORS_ORIGINES, c.MAILLAGE_LIMITE_REQUETES_MINUTE, c.MAILLAGE_LIMITE_RAFALE, c.MAILLAGE_TAILLE_MAX_CORPS, c.MAILLAGE_TAILLE_MAX_URL, c.MAILLAGE_PROXY_DE_CONFIANCE])
      .toEqual([[], 1200, 300, 65536, 4096, false])
  })

  it('reads a list of origins', () => {
    expect(lireConfig({ MAILLAGE_CORS_ORIGINES: 'https://a.gouv.fr, http://localhost:5173' }).MAILLAGE_CORS_ORIGINES).toEqual(['https://a.gouv.fr', 'http://localhost:5173'])
  })

  it.each([['https://a.gouv.fr/'], ['a.gouv.fr'], ['https://a.gouv.fr/chemin'], ['*']])('refuses %s as an origin with a French message', (valeur) => {
    expect(() => lireConfig({ MAILLAGE_CORS_ORIGINES: valeur })).toThrow(/^Configuration invalide : MAILLAGE_CORS_ORIGINES — .*n'est pas une origine/)
  })

  it('refuses a negative rate', () => {
    expect(() => lireConfig({ MAILLAGE_LIMITE_REQUETES_MINUTE: '-1' })).toThrow(/^Configuration invalide : MAILLAGE_LIMITE_REQUETES_MINUTE/)
  })

  it('turns login off without an issuer, and asks for the client credentials with one', () => {
    expect(optionsComptes(lireConfig({})).oidc).toBeNull()
    expect(() => lireConfig({ MAILLAGE_OIDC_EMETTEUR: 'https://auth.agentconnect.gouv.fr/api/v2' }))
      .toThrow(/^Configuration invalide : MAILLAGE_OIDC_CLIENT_ID — MAILLAGE_OIDC_EMETTEUR est défini : MAILLAGE_OIDC_CLIENT_ID et MAILLAGE_OIDC_CLIENT_SECRET sont requis/)
    expect(() => lireConfig({ MAILLAGE_OIDC_EMETTEUR: 'pas une url' })).toThrow(/^Configuration invalide : MAILLAGE_OIDC_EMETTEUR/)
    const c = optionsComptes(lireConfig({
      MAILLAGE_OIDC_EMETTEUR: 'https://auth.agentconnect.gouv.fr/api/v2', MAILLAGE_OIDC_CLIENT_ID: 'id', MAILLAGE_OIDC_CLIENT_SECRET: 's',
      MAILLAGE_ADMINS: 'a@anct.gouv.fr, b@anct.gouv.fr', MAILLAGE_URL_PUBLIQUE: 'https://maillage.anct.gouv.fr/',
    }))
    expect([c.oidc?.emetteur, c.admins, c.urlPublique, c.cookieSecurise, c.dureeSessionMs])
      .toEqual(['https://auth.agentconnect.gouv.fr/api/v2', ['a@anct.gouv.fr', 'b@anct.gouv.fr'], 'https://maillage.anct.gouv.fr', true, 8 * 3_600_000])
  })
})
