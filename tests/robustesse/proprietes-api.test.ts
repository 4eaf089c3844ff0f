import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildComptes } from '../../server/comptes/index.ts'
import { createServeur } from '../../server/main.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { brut, CODES_COMMUNE, CODES_DEPARTEMENT, coordonnee, GRAINE, OFFRES, ou, RAYONS, requete, valeurHostile } from './helpers/hostile.ts'

// Each answer must come within this delay. Reads are short (cached engine, capped lists); the optimisation may run its
// solver up to the tempsLimiteMs of its body (30 s at most), so generated bodies ask for 100 to 300 ms (or an invalid
// value), and the national allocation, which has no time limit of its own, is bounded by its nombrePostes.
const DELAI_MAX_MS = 10_000
const CAS_PAR_ROUTE = 70

let app: ReturnType<typeof createServeur>['app']
let etag: string
// An admin's session (an in-memory accounts database): the bodies of the agents' routes are read past the 401.
const SESSION_ADMIN = 'session-admin-des-proprietes'
let cas = 0
const statuts = new Map<number, number>()

beforeAll(async () => {
  // The served app: security headers, CORS, size limits and compression included; no rate limit (the property hammers it).
  const comptes = await buildComptes({ chemin: ':memory:', oidc: null, cookieSecurise: true, dureeSessionMs: 3_600_000, urlPublique: null, admins: ['admin@anct.gouv.fr'] })
  await comptes.comptes.creerSession(createHash('sha256').update(SESSION_ADMIN).digest('base64url'), { sujet: 'admin', email: 'admin@anct.gouv.fr', nom: 'Admin', jetonId: null }, 3_600_000)
  app = createServeur(CHEMIN_BASE_NATIONALE, resolve(import.meta.dirname, '../../dist/client'), { securite: { requetesParMinute: 0 }, comptes }).app
  etag = (await app.request('/api/sante')).headers.get('ETag') ?? ''
})

afterAll(() => {
  // Proves the run size claimed by the issue (≥ 1,000 cases) and shows the mix of answers.
  expect(cas).toBeGreaterThanOrEqual(1_000)
  expect(statuts.get(200) ?? 0).toBeGreaterThan(100)
  expect(statuts.get(400) ?? 0).toBeGreaterThan(100)
  console.log(`${cas} cas ; statuts : ${[...statuts].sort(([a], [b]) => a - b).map(([s, n]) => `${s} × ${n}`).join(', ')}`)
})

const FRANCAIS = /\b(invalide|inconnue?|doit|requis|trop|absente?|Paramètre|Ressource|Origine|Corps|Adresse|valeurs possibles|au plus|au moins|donnez|ensemble|aucune|tuile|Entrée|attendue?|Réessayez|configurée|Connexion|département|hors de France|Lieu|scénario|introuvable|mal formé|guillemet|fichier|candidatures?|colonnes?|lignes?)\b/i
const ANGLAIS = /\b(Invalid|Expected|Required|received|must be|Not Found|Internal Server Error|Bad Request|Unexpected|undefined|NaN|TypeError|at Object)\b/

const decompresser = (codage: string | null, octets: Buffer): string =>
  (codage === 'gzip' ? gunzipSync(octets) : codage === 'deflate' ? inflateSync(octets) : codage === 'br' ? brotliDecompressSync(octets) : octets).toString('utf8')

type Requete = Readonly<{ chemin: string; methode?: string; entetes?: Record<string, string>; corps?: string | Uint8Array<ArrayBuffer> }>

/** Sends one request in-process and checks the answer's contract; returns nothing, throws what is wrong. */
async function verifier({ chemin, methode = 'GET', entetes = {}, corps }: Requete): Promise<void> {
  cas++
  let minuteur: NodeJS.Timeout | undefined
  const delai = new Promise<never>((_, ko) => {
    minuteur = setTimeout(() => ko(new Error(`pas de réponse après ${DELAI_MAX_MS} ms`)), DELAI_MAX_MS)
  })
  let res: Response
  try {
    res = await Promise.race([app.request(`http://localhost${chemin}`, { method: methode, headers: entetes, ...(corps === undefined ? {} : { body: corps }) }), delai])
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
// Dates of the evolution the national base holds, and months it does not.
const date = ou(['2021-06', '2022-09', '2024-02', '2024-08', '2020-01', '2021-13', '2021-6', 'juin'])
const couvertureDatee = { ...couverture, date }

// Every route of server/app.ts and server/routes/*.ts, with every parameter it reads.
const ROUTES: Record<string, fc.Arbitrary<Requete>> = {
  'GET /api/sante': get(requete({ x: valeurHostile }).map((q) => `/api/sante${q}`)),
  'GET /api/departements': get(requete({ x: valeurHostile }).map((q) => `/api/departements${q}`)),
  'GET /api/departements/:code': get(seg(CODES_DEPARTEMENT).map((c) => `/api/departements/${c}`)),
  'GET /api/departements/:code/couverture': get(fc.tuple(seg(CODES_DEPARTEMENT), requete(couvertureDatee)).map(([c, q]) => `/api/departements/${c}/couverture${q}`)),
  'GET /api/departements/:code/communes': get(fc.tuple(seg(CODES_DEPARTEMENT), requete(couvertureDatee)).map(([c, q]) => `/api/departements/${c}/communes${q}`)),
  'GET /api/departements/:code/communes.csv': get(fc.tuple(seg(CODES_DEPARTEMENT), requete(couverture)).map(([c, q]) => `/api/departements/${c}/communes.csv${q}`)),
  'GET /api/departements/:code/lieux.geojson': get(fc.tuple(seg(CODES_DEPARTEMENT), requete({ offre: ou(OFFRES), date })).map(([c, q]) => `/api/departements/${c}/lieux.geojson${q}`)),
  'GET /api/communes/recherche': get(requete({ q: ou(['Die', 'saint', 'Saint-É', '26150', '75', 'l', "l'", 'œ', 'ÉVRY', '2A']), limit: ou(['1', '20', '21', '0', '05']) }).map((q) => `/api/communes/recherche${q}`)),
  'GET /api/communes/:code': get(seg(CODES_COMMUNE).map((c) => `/api/communes/${c}`)),
  'GET /api/communes/:code/couverture': get(fc.tuple(seg(CODES_COMMUNE), requete(couverture)).map(([c, q]) => `/api/communes/${c}/couverture${q}`)),
  'GET /api/couverture': get(requete(couvertureDatee).map((q) => `/api/couverture${q}`)),
  'GET /api/evolution': get(requete({ ...couverture, departement: ou(CODES_DEPARTEMENT) }).map((q) => `/api/evolution${q}`)),
  'GET /api/couverture.csv': get(requete(couverture).map((q) => `/api/couverture.csv${q}`)),
  'GET /api/zones-blanches': get(requete({ ...couvertureDatee, departement: ou(CODES_DEPARTEMENT), tri: ou(['population', 'ifn', 'IFN', 'nom']), limit: ou(['1', '100', '1000', '1001', '0']) })
    .map((q) => `/api/zones-blanches${q}`)),
  'GET /api/lieux/proches': get(requete({ lat: coordonnee(41, 51.5), lon: coordonnee(-5.5, 10), commune: ou(CODES_COMMUNE), limit: ou(['1', '10', '50', '51', '0']), offre: ou(OFFRES) })
    .map((q) => `/api/lieux/proches${q}`)),
  'GET /api/lieux/:id': get(seg(['1', '2', '42', '11544', '11545', '0', '999999999', '1000000000', '01', '-1', '1.5']).map((id) => `/api/lieux/${id}`)),
  'GET /api/departements.geojson and /api/regions.geojson': get(fc.tuple(fc.constantFrom('departements', 'regions'), requete({ x: valeurHostile })).map(([n, q]) => `/api/${n}.geojson${q}`)),
  'GET /api/tuiles/communes/:z/:x/:y': get(fc.tuple(seg(['0', '5', '6', '10', '14', '15', '99']), seg(['0', '16', '32', '520', '1023', '65535']), seg(['0.pbf', '11.pbf', '22.pbf', '360.pbf', '22', '22.png', '99999.pbf']))
    .map(([z, x, y]) => `/api/tuiles/communes/${z}/${x}/${y}`)),
  'GET /api/tuiles/carreaux/:z/:x/:y': get(fc.tuple(seg(['0', '6', '7', '8', '10', '14', '15']), seg(['0', '66', '132', '529', '65535']), seg(['45.pbf', '93.pbf', '374.pbf', '22', '99999.pbf']),
    requete({ departement: ou(CODES_DEPARTEMENT) })).map(([z, x, y, q]) => `/api/tuiles/carreaux/${z}/${x}/${y}${q}`)),
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

// JSON bodies: each field valid, hostile or of the wrong type; unknown keys; deep nesting; huge arrays; NaN and
// Infinity (not JSON: sent as raw text); the whole body in another encoding than UTF-8.
const nombreHostile = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 1.5))
const valeurJson: fc.Arbitrary<unknown> = fc.oneof(
  nombreHostile, valeurHostile, fc.boolean(), fc.constant(null), fc.constantFrom([], {}, [[]], { $gt: '' }, { __proto__: { a: 1 } }),
  fc.array(fc.integer(), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
)
// Mostly valid fields, so that a good share of bodies passes validation and reaches the engine and the solver.
const champ = <T>(valides: fc.Arbitrary<T>) => fc.option(fc.oneof({ weight: 8, arbitrary: valides }, { weight: 1, arbitrary: valeurJson }), { nil: undefined, freq: 10 })
/** A required field: rarely hostile, never absent (absent fields come with the hostile values). */
const requis = <T>(valides: fc.Arbitrary<T>) => fc.oneof({ weight: 9, arbitrary: valides }, { weight: 1, arbitrary: valeurJson })
const point = fc.record({ lon: fc.oneof({ weight: 8, arbitrary: fc.double({ min: 4.9, max: 5.4, noNaN: true }) }, { weight: 1, arbitrary: nombreHostile }),
  lat: fc.oneof({ weight: 8, arbitrary: fc.double({ min: 44.5, max: 44.9, noNaN: true }) }, { weight: 1, arbitrary: nombreHostile }),
  conseillers: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: valeurJson }) }, { requiredKeys: ['lon', 'lat'] })
const scenario = {
  departement: requis(fc.constantFrom('26', '26', '26', '2A', '974', '07', '99', '20', '2a')),
  rayonKm: champ(fc.constantFrom(5, 10, 25)),
  offre: champ(fc.oneof(fc.constantFrom(['conseillers-numeriques', 'france-services'], 'conseillers-numeriques,mediation', ['mediation']), fc.array(valeurHostile, { maxLength: 3 }))),
  ajouts: champ(fc.array(fc.oneof({ weight: 8, arbitrary: point }, { weight: 1, arbitrary: valeurJson }), { maxLength: 4 })),
  // Mostly none: a random lieu id is almost never in the département, and would only ever be refused.
  retraits: champ(fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.oneof(fc.integer({ min: 1, max: 12_000 }), valeurJson), { maxLength: 3 }) })),
}
const CORPS_PAR_ROUTE: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  'POST /api/simulations': fc.record(scenario),
  'POST /api/optimisation': fc.record({ ...scenario, nombrePostes: requis(fc.integer({ min: 1, max: 5 })), candidats: champ(fc.constantFrom('communes', 'structures')),
    poids: champ(fc.constantFrom('population', 'population-ifn')),
    // Always present: the default (5 s) of a valid body would make each case a long solve
    tempsLimiteMs: fc.oneof(fc.constantFrom(100, 300), valeurJson) }),
  'POST /api/optimisation/nationale': fc.record({ nombrePostes: requis(fc.integer({ min: 1, max: 3 })), rayonKm: champ(fc.constantFrom(10)), offre: scenario.offre,
    candidats: champ(fc.constantFrom('communes')), poids: champ(fc.constantFrom('population')) }),
  'POST /api/scenarios': fc.record({ ...scenario, titre: requis(fc.string({ minLength: 1, maxLength: 80 })) }),
  'PUT /api/scenarios/:id': fc.record({ ...scenario, titre: requis(fc.string({ minLength: 1, maxLength: 80 })) }),
  'POST /api/departements/26/candidatures/selection': fc.record({ budgetEuros: champ(fc.constantFrom(40_000, 200_000, 0, 1.5)), nombrePostes: champ(fc.integer({ min: 1, max: 5 })),
    rayonKm: scenario.rayonKm, offre: scenario.offre, poids: champ(fc.constantFrom('population', 'population-ifn', 'ifn')), seulementFavorables: champ(fc.boolean()),
    tempsLimiteMs: fc.oneof(fc.constantFrom(100, 300), valeurJson) }),
  'POST /api/departements/26/mise-en-relation': fc.record({
    recrues: requis(fc.array(fc.record({ id: requis(fc.string({ minLength: 1, maxLength: 10 })), codeInsee: champ(fc.constantFrom('26362', '2A004', '99999', '26')),
      lon: champ(fc.double({ min: 4.9, max: 5.4, noNaN: true })), lat: champ(fc.double({ min: 44.5, max: 44.9, noNaN: true })), distanceMaxKm: champ(fc.constantFrom(5, 30, 0, 500)) }),
    { maxLength: 6 })),
    candidatures: champ(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 })) }),
  'PUT /api/candidatures/:id/avis': fc.record({ avis: requis(fc.constantFrom('favorable', 'reserve', 'defavorable', 'peut-être')), commentaire: champ(fc.string({ maxLength: 60 })) }),
  'POST /api/departements/26/candidatures': fc.record({ candidatures: requis(fc.array(fc.record({ siret: champ(fc.constantFrom('12345678900011', '123', 12345678900029)),
    nom: champ(fc.string({ maxLength: 20 })), type: champ(fc.constantFrom('commune', 'ESS', 'club')), adresse: champ(fc.string({ maxLength: 20 })),
    codeInsee: champ(fc.constantFrom('26362', '07186', 'x')), postes: champ(fc.constantFrom(1, 2, 0, '3', 99)), longitude: champ(fc.constantFrom(5, 44.9, '5,1')),
    latitude: champ(fc.constantFrom(44.7, 5, '44,8')) }), { maxLength: 5 })) }),
  'PUT /api/agents/:email': fc.record({ role: requis(fc.constantFrom('prefet', 'planificateur', 'admin')), departements: champ(fc.array(fc.constantFrom('26', '2A', '99'), { maxLength: 3 })),
    nom: champ(fc.string({ maxLength: 40 })) }),
}
/** Wraps `n` times in an array or an object. */
const imbrique = (n: number, v: unknown): unknown => (n === 0 ? v : imbrique(n - 1, n % 2 ? [v] : { a: v }))
const corpsHostile = (base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string | Uint8Array<ArrayBuffer>> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.tuple(base, fc.option(fc.tuple(fc.string({ maxLength: 12 }), valeurJson), { nil: undefined, freq: 6 }))
      .map(([b, inconnue]) => JSON.stringify(inconnue ? { ...b, [inconnue[0]]: inconnue[1] } : b)) },
    { weight: 1, arbitrary: fc.tuple(base, fc.constantFrom('ajouts', 'retraits', 'offre', 'departements'), fc.integer({ min: 1_000, max: 6_000 }))
      .map(([b, cle, n]) => JSON.stringify({ ...b, [cle]: Array.from({ length: n }, (_, i) => (cle === 'ajouts' ? { lon: 5, lat: 44.7 } : i)) })) },
    { weight: 1, arbitrary: fc.tuple(base, fc.integer({ min: 50, max: 2_000 })).map(([b, n]) => JSON.stringify({ ...b, departement: imbrique(n, '26') })) },
    { weight: 1, arbitrary: fc.constantFrom('{"departement":"26","rayonKm":NaN}', '{"departement":"26","rayonKm":Infinity}', '{"nombrePostes":-Infinity}', 'null', '[]', '"26"', '1e999', '') },
    { weight: 1, arbitrary: base.map((b) => new Uint8Array(Buffer.from(JSON.stringify({ ...b, titre: 'Drôme – scénario été' }), 'utf16le'))) },
    { weight: 1, arbitrary: base.map((b) => new Uint8Array(Buffer.from(JSON.stringify({ ...b, titre: 'Drôme scénario été' }), 'latin1'))) },
  )

describe('every POST and PUT route under random and hostile JSON bodies', () => {
  const idScenario = { valeur: '1' }
  beforeAll(async () => {
    // A saved scenario of the admin, so PUT /api/scenarios/:id reaches its body's checks on an existing id.
    const res = await app.request('http://localhost/api/scenarios', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: `__Host-maillage_session=${SESSION_ADMIN}` },
      body: JSON.stringify({ titre: 'Propriétés', departement: '26' }) })
    expect(res.status).toBe(201)
    idScenario.valeur = String(((await res.json()) as { scenario: { id: number } }).scenario.id)
  })

  it.each(Object.keys(CORPS_PAR_ROUTE))('%s answers 2xx or a 4xx in French to any body, never a 5xx, never hangs', async (route) => {
    const [methode, modele] = route.split(' ') as [string, string]
    const chemin = modele.replace(':id', idScenario.valeur).replace(':email', 'agent%40exemple.gouv.fr')
    const requetes = fc.tuple(corpsHostile(CORPS_PAR_ROUTE[route]!), fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-16', 'application/merge-patch+json', 'text/plain') }))
      .map(([corps, type]): Requete => ({ methode, chemin, corps, entetes: { 'Content-Type': type, Cookie: `__Host-maillage_session=${SESSION_ADMIN}` } }))
    // Fewer runs for the national allocation: each valid body is a greedy pass over every département.
    await propriete(requetes, route.includes('nationale') ? 25 : 40)
  })
})

describe('the import of candidatures under random files', () => {
  it('answers 201 or a 4xx in French to any bytes sent as a CSV, never a 5xx', async () => {
    const entete = 'siret;nom;type;adresse;code insee;postes\n'
    const fichier = fc.oneof(
      fc.string({ maxLength: 400 }).map((t) => entete + t),
      fc.uint8Array({ maxLength: 400 }).map((o) => new Uint8Array([...Buffer.from(entete), ...o])),
      fc.array(fc.tuple(fc.constantFrom('12345678900011', '1', ''), fc.string({ maxLength: 8 }), fc.constantFrom('commune', 'asso', '"'), fc.constantFrom('26362', '', '2A004'), fc.constantFrom('1', '0', 'x')), { maxLength: 5 })
        .map((ls) => entete + ls.map((l) => `${l[0]};${l[1]};${l[2]};rue;${l[3]};${l[4]}`).join('\r\n')),
      fc.string({ maxLength: 300 }),
    )
    await propriete(fc.tuple(fichier, fc.constantFrom('oui', 'non', 'peut-être')).map(([corps, partiel]): Requete => ({
      methode: 'POST', chemin: `/api/departements/26/candidatures?partiel=${partiel}`, corps: typeof corps === 'string' ? corps : new Uint8Array(corps),
      entetes: { 'Content-Type': 'text/csv', Cookie: `__Host-maillage_session=${SESSION_ADMIN}` },
    })), 60)
  })
})

describe('the matching of recruits under random files', () => {
  it('answers 200 or a 4xx in French to any bytes sent as a file of recruits, never a 5xx', async () => {
    const entete = 'identifiant;code insee;mobilité (km);disponible le\n'
    const fichier = fc.oneof(
      fc.string({ maxLength: 400 }).map((t) => entete + t),
      fc.uint8Array({ maxLength: 400 }).map((o) => new Uint8Array([...Buffer.from(entete), ...o])),
      fc.array(fc.tuple(fc.constantFrom('r1', 'r2', '', '=1+1'), fc.constantFrom('26362', '', '2A004', '99999'), fc.constantFrom('10', '', '0', 'x', '500'),
        fc.constantFrom('', '01/02/2027', '31/02/2027')), { maxLength: 6 }).map((ls) => entete + ls.map((l) => l.join(';')).join('\r\n')),
      fc.string({ maxLength: 300 }),
      fc.constant(`${entete}r1;26362;10;\r\nr2;2A004;;01/02/2027\r\n"=1+1";26362;;`),
    )
    const suite = fc.constantFrom('', '&format=csv', '&candidatures=1,2', '&candidatures=x', '&candidatures=', '&format=xls')
    await propriete(fc.tuple(fichier, fc.constantFrom('oui', 'non', 'peut-être'), suite).map(([corps, partiel, fin]): Requete => ({
      methode: 'POST', chemin: `/api/departements/26/mise-en-relation?partiel=${partiel}${fin}`, corps: typeof corps === 'string' ? corps : new Uint8Array(corps),
      entetes: { 'Content-Type': 'text/csv', Cookie: `__Host-maillage_session=${SESSION_ADMIN}` },
    })), 60)
  })
})

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
