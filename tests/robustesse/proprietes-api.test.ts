import { resolve } from 'node:path'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServeur } from '../../server/main.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { brut, CODES_COMMUNE, CODES_DEPARTEMENT, coordonnee, GRAINE, OFFRES, ou, RAYONS, requete, valeurHostile } from './helpers/hostile.ts'

// Each answer must come within this delay: the API has no long computation (cached engine, capped lists).
const DELAI_MAX_MS = 10_000
const CAS_PAR_ROUTE = 70

let app: ReturnType<typeof createServeur>['app']
let etag: string
let cas = 0
const statuts = new Map<number, number>()

beforeAll(async () => {
  // The served app: security headers, CORS, size limits and compression included; no rate limit (the property hammers it).
  app = createServeur(CHEMIN_BASE_NATIONALE, resolve(import.meta.dirname, '../../dist/client'), { requetesParMinute: 0 }).app
  etag = (await app.request('/api/sante')).headers.get('ETag') ?? ''
})

afterAll(() => {
  // Proves the run size claimed by the issue (≥ 1,000 cases) and shows the mix of answers.
  expect(cas).toBeGreaterThanOrEqual(1_000)
  expect(statuts.get(200) ?? 0).toBeGreaterThan(100)
  expect(statuts.get(400) ?? 0).toBeGreaterThan(100)
  console.log(`${cas} cas ; statuts : ${[...statuts].sort(([a], [b]) => a - b).map(([s, n]) => `${s} × ${n}`).join(', ')}`)
})

const FRANCAIS = /\b(invalide|inconnue?|doit|requis|trop|absente?|Paramètre|Ressource|Origine|Corps|Adresse|valeurs possibles|au plus|au moins|donnez|ensemble|aucune|tuile|Entrée|attendue?|Réessayez|configurée|Connexion)\b/i
const ANGLAIS = /\b(Invalid|Expected|Required|received|must be|Not Found|Internal Server Error|Bad Request|Unexpected|undefined|NaN|TypeError|at Object)\b/

const decompresser = (codage: string | null, octets: Buffer): string =>
  (codage === 'gzip' ? gunzipSync(octets) : codage === 'deflate' ? inflateSync(octets) : codage === 'br' ? brotliDecompressSync(octets) : octets).toString('utf8')

type Requete = Readonly<{ chemin: string; methode?: string; entetes?: Record<string, string> }>

/** Sends one request in-process and checks the answer's contract; returns nothing, throws what is wrong. */
async function verifier({ chemin, methode = 'GET', entetes = {} }: Requete): Promise<void> {
  cas++
  let minuteur: NodeJS.Timeout | undefined
  const delai = new Promise<never>((_, ko) => {
    minuteur = setTimeout(() => ko(new Error(`pas de réponse après ${DELAI_MAX_MS} ms`)), DELAI_MAX_MS)
  })
  let res: Response
  try {
    res = await Promise.race([app.request(`http://localhost${chemin}`, { method: methode, headers: entetes }), delai])
    const texte = decompresser(res.headers.get('Content-Encoding'), Buffer.from(await Promise.race([res.arrayBuffer(), delai])))
    statuts.set(res.status, (statuts.get(res.status) ?? 0) + 1)
    const contexte = `${methode} ${chemin.slice(0, 300)} → ${res.status} ${texte.slice(0, 300)}`
    expect(res.status < 500, contexte).toBe(true)
    expect(res.status >= 200 && (res.status < 300 || res.status === 304 || res.status >= 400), contexte).toBe(true)
    if (res.status >= 400 && methode !== 'HEAD') {
      expect(res.headers.get('Content-Type'), contexte).toMatch(/^application\/json/)
      const corps = JSON.parse(texte) as { ok: unknown; error: unknown; status: unknown }
      expect(corps.ok, contexte).toBe(false)
      expect(corps.status, contexte).toBe(res.status)
      expect(typeof corps.error === 'string' && FRANCAIS.test(corps.error) && !ANGLAIS.test(corps.error.replace(/ : .*$/s, '')), contexte).toBe(true)
    } else if (res.status === 200 && methode === 'GET' && /json/.test(res.headers.get('Content-Type') ?? '')) {
      const corps = JSON.parse(texte) as { ok?: unknown; type?: unknown }
      expect(corps.ok === true || corps.type === 'FeatureCollection', contexte).toBe(true)
    }
  } finally {
    clearTimeout(minuteur)
  }
}

const propriete = (arbitraire: fc.Arbitrary<Requete>, numRuns = CAS_PAR_ROUTE) =>
  fc.assert(fc.asyncProperty(arbitraire, verifier), { numRuns, seed: GRAINE, endOnFailure: true })

const seg = (valides: readonly string[]) => brut(ou(valides))
const get = (chemin: fc.Arbitrary<string>) => chemin.map((c): Requete => ({ chemin: c }))
const couverture = { rayonKm: ou(RAYONS), offre: ou(OFFRES) }

// Every route of server/app.ts and server/routes/*.ts, with every parameter it reads.
const ROUTES: Record<string, fc.Arbitrary<Requete>> = {
  'GET /api/sante': get(requete({ x: valeurHostile }).map((q) => `/api/sante${q}`)),
  'GET /api/departements': get(requete({ x: valeurHostile }).map((q) => `/api/departements${q}`)),
  'GET /api/departements/:code': get(seg(CODES_DEPARTEMENT).map((c) => `/api/departements/${c}`)),
  'GET /api/departements/:code/couverture': get(fc.tuple(seg(CODES_DEPARTEMENT), requete(couverture)).map(([c, q]) => `/api/departements/${c}/couverture${q}`)),
  'GET /api/departements/:code/communes': get(fc.tuple(seg(CODES_DEPARTEMENT), requete(couverture)).map(([c, q]) => `/api/departements/${c}/communes${q}`)),
  'GET /api/departements/:code/communes.csv': get(fc.tuple(seg(CODES_DEPARTEMENT), requete(couverture)).map(([c, q]) => `/api/departements/${c}/communes.csv${q}`)),
  'GET /api/departements/:code/lieux.geojson': get(fc.tuple(seg(CODES_DEPARTEMENT), requete({ offre: ou(OFFRES) })).map(([c, q]) => `/api/departements/${c}/lieux.geojson${q}`)),
  'GET /api/communes/recherche': get(requete({ q: ou(['Die', 'saint', 'Saint-É', '26150', '75', 'l', "l'", 'œ', 'ÉVRY', '2A']), limit: ou(['1', '20', '21', '0', '05']) }).map((q) => `/api/communes/recherche${q}`)),
  'GET /api/communes/:code': get(seg(CODES_COMMUNE).map((c) => `/api/communes/${c}`)),
  'GET /api/communes/:code/couverture': get(fc.tuple(seg(CODES_COMMUNE), requete(couverture)).map(([c, q]) => `/api/communes/${c}/couverture${q}`)),
  'GET /api/couverture': get(requete(couverture).map((q) => `/api/couverture${q}`)),
  'GET /api/couverture.csv': get(requete(couverture).map((q) => `/api/couverture.csv${q}`)),
  'GET /api/zones-blanches': get(requete({ ...couverture, departement: ou(CODES_DEPARTEMENT), tri: ou(['population', 'ifn', 'IFN', 'nom']), limit: ou(['1', '100', '1000', '1001', '0']) })
    .map((q) => `/api/zones-blanches${q}`)),
  'GET /api/lieux/proches': get(requete({ lat: coordonnee(41, 51.5), lon: coordonnee(-5.5, 10), commune: ou(CODES_COMMUNE), limit: ou(['1', '10', '50', '51', '0']), offre: ou(OFFRES) })
    .map((q) => `/api/lieux/proches${q}`)),
  'GET /api/lieux/:id': get(seg(['1', '2', '42', '11544', '11545', '0', '999999999', '1000000000', '01', '-1', '1.5']).map((id) => `/api/lieux/${id}`)),
  'GET /api/departements.geojson and /api/regions.geojson': get(fc.tuple(fc.constantFrom('departements', 'regions'), requete({ x: valeurHostile })).map(([n, q]) => `/api/${n}.geojson${q}`)),
  'GET /api/tuiles/communes/:z/:x/:y': get(fc.tuple(seg(['0', '5', '6', '10', '14', '15', '99']), seg(['0', '16', '32', '520', '1023', '65535']), seg(['0.pbf', '11.pbf', '22.pbf', '360.pbf', '22', '22.png', '99999.pbf']))
    .map(([z, x, y]) => `/api/tuiles/communes/${z}/${x}/${y}`)),
  // Agents' routes, as the public (login is not configured here): 401 or 404 in French, never a 5xx.
  'GET /api/moi, /api/connexion, /api/connexion/retour': get(fc.tuple(fc.constantFrom('moi', 'connexion', 'connexion/retour'),
    requete({ retour: ou(['/', '/planifier/26', '//exemple.com', 'https://exemple.com']), code: valeurHostile, state: valeurHostile, error: valeurHostile }))
    .map(([r, q]) => `/api/${r}${q}`)),
  'GET, PUT, DELETE /api/scenarios[/:id] and /api/agents[/:email]; POST /api/deconnexion': fc.tuple(
    fc.constantFrom('GET', 'PUT', 'DELETE', 'POST'),
    fc.constantFrom('scenarios', 'agents', 'deconnexion'),
    fc.option(seg(['1', '42', '0', '-1', 'abc', 'admin@anct.gouv.fr', 'pas-un-email'])),
    requete({ departement: ou(CODES_DEPARTEMENT) }),
  ).map(([methode, r, id, q]): Requete => ({ methode, chemin: `/api/${r}${id === null ? '' : `/${id}`}${q}`, entetes: { Cookie: '__Host-maillage_session=forge' } })),
}

describe('every API route under random and hostile parameters', () => {
  it.each(Object.keys(ROUTES))('%s answers 2xx/304 or a 4xx with a French message, never a 5xx, never hangs', async (route) => {
    await propriete(ROUTES[route]!)
  })

  it('any method, path and headers under /api answers without a 5xx', async () => {
    const morceau = fc.oneof(fc.constantFrom('departements', 'communes', 'lieux', 'couverture', 'zones-blanches', 'tuiles', 'sante', '26', '26113', 'proches',
      'recherche', 'communes.csv', 'lieux.geojson', '..', '.', '', '%2e%2e', '%2F'), brut(valeurHostile))
    const requeteLibre = fc.record({
      chemin: fc.tuple(fc.array(morceau, { minLength: 0, maxLength: 5 }), requete({ rayonKm: ou(RAYONS), offre: ou(OFFRES), x: valeurHostile }))
        .map(([ms, q]) => `/api/${ms.join('/')}${q}`),
      methode: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
      entetes: fc.record({
        'If-None-Match': fc.constantFrom('*', '"x"', 'W/"0"', ''),
        'Accept-Encoding': fc.constantFrom('gzip', 'br', 'deflate', 'gzip;q=0, identity', 'identity', '*', 'x'),
        'Accept': fc.constantFrom('*/*', 'text/csv', 'application/json', 'image/*'),
      }, { requiredKeys: [] }),
    })
    await propriete(requeteLibre, 200)
  })

  it('answers 304 to the import ETag on every route and never a 5xx', async () => {
    const chemins = fc.constantFrom('/api/sante', '/api/departements/26/couverture', '/api/lieux/proches?lat=44.75&lon=5.37', '/api/couverture.csv', '/api/departements/nope')
    await propriete(chemins.map((c) => ({ chemin: c, entetes: { 'If-None-Match': etag } })), 20)
    expect(etag).toMatch(/^".+"$/)
    expect((await app.request('/api/sante', { headers: { 'If-None-Match': etag } })).status).toBe(304)
  })
})
