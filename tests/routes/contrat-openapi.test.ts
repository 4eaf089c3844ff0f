import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Hono } from 'hono'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { FileAttentePleine } from '../../server/calculs/pool.ts'
import { optionsSecurite } from '../../server/main.ts'
import { documentOpenApi } from '../../server/openapi/document.ts'
import { OPERATIONS } from '../../server/openapi/operations.ts'
import { gardesApi } from '../../server/securite/index.ts'
import { appNationale, depsNationales } from './app-nationale.ts'
import { verificateurContrat } from './contrat.ts'

/**
 * Every public route of the README called on the national database, each answer — success and error — checked
 * against the OpenAPI document the server serves (tests/comptes/contrat-agents.test.ts does the agents' routes).
 */
const DOCUMENT = documentOpenApi()
const verifier = verificateurContrat(DOCUMENT)
const JSON_POST = (corps: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(corps), headers: { 'Content-Type': 'application/json' } })

/** Valence (Drôme): a commune with lieux around it. */
const VALENCE = { code: '26362', longitude: 4.8917, latitude: 44.9334 }
/** The z/x/y of the tile holding a point (Web Mercator). */
function tuile(z: number, longitude: number, latitude: number): string {
  const n = 2 ** z
  const phi = (latitude * Math.PI) / 180
  return `${z}/${Math.floor(((longitude + 180) / 360) * n)}/${Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n)}`
}
const unLieu = () => String(depsNationales().lieux.exportables('26')[0]!.id)

type Appel = readonly [methode: string, chemin: string, url: string | (() => string), statut: number, init?: RequestInit]

/** [method, route (Hono path), URL, expected status]: each route's success and its errors. */
const APPELS: readonly Appel[] = [
  ['GET', '/sante', '/sante', 200],
  ['GET', '/departements', '/departements', 200],
  ['GET', '/departements/:code', '/departements/2A', 200],
  ['GET', '/departements/:code', '/departements/976', 200],
  ['GET', '/departements/:code', '/departements/2C', 400],
  ['GET', '/departements/:code', '/departements/99', 404],
  ['GET', '/communes/recherche', '/communes/recherche?q=valence', 200],
  ['GET', '/communes/recherche', '/communes/recherche?q=26000', 200],
  ['GET', '/communes/recherche', '/communes/recherche?q=', 400],
  ['GET', '/communes/:code', `/communes/${VALENCE.code}`, 200],
  ['GET', '/communes/:code', '/communes/75056', 200],
  ['GET', '/communes/:code', '/communes/2A004', 200],
  ['GET', '/communes/:code', '/communes/26999', 404],
  ['GET', '/couverture', '/couverture?rayonKm=10', 200],
  ['GET', '/couverture', '/couverture?rayonKm=5&offre=france-services', 200],
  ['GET', '/couverture', '/couverture?rayonKm=0', 400],
  ['GET', '/couverture', '/couverture?rayonKm=10&date=2022-07', 200],
  ['GET', '/couverture', '/couverture?date=2022-07&methode=carreaux', 400],
  ['GET', '/evolution', '/evolution?rayonKm=10', 200],
  ['GET', '/evolution', '/evolution?departement=26&offre=france-services', 200],
  ['GET', '/evolution', '/evolution?departement=99', 404],
  ['GET', '/evolution', '/evolution?rayonKm=-1', 400],
  ['GET', '/couverture.csv', '/couverture.csv?rayonKm=10', 200],
  ['GET', '/couverture.csv', '/couverture.csv?offre=inconnue', 400],
  ['GET', '/departements/:code/couverture', '/departements/26/couverture', 200],
  ['GET', '/departements/:code/couverture', '/departements/975/couverture?rayonKm=1&offre=aidants-connect', 200],
  ['GET', '/departements/:code/couverture', '/departements/99/couverture', 404],
  ['GET', '/departements/:code/communes', '/departements/2B/communes?rayonKm=5', 200],
  ['GET', '/departements/:code/communes', '/departements/26/communes?rayonKm=x', 400],
  ['GET', '/departements/:code/communes.csv', '/departements/26/communes.csv', 200],
  ['GET', '/departements/:code/communes.csv', '/departements/99/communes.csv', 404],
  ['GET', '/communes/:code/couverture', `/communes/${VALENCE.code}/couverture`, 200],
  ['GET', '/communes/:code/couverture', '/communes/26999/couverture', 404],
  ['GET', '/zones-blanches', '/zones-blanches?departement=26&limit=5', 200],
  ['GET', '/zones-blanches', '/zones-blanches?tri=ifn&rayonKm=3', 200],
  ['GET', '/zones-blanches', '/zones-blanches?tri=alpha', 400],
  ['GET', '/zones-blanches', '/zones-blanches?departement=99', 404],
  ['GET', '/lieux/proches', `/lieux/proches?commune=${VALENCE.code}&limit=20`, 200],
  ['GET', '/lieux/proches', `/lieux/proches?lat=${VALENCE.latitude}&lon=${VALENCE.longitude}&offre=france-services`, 200],
  ['GET', '/lieux/proches', '/lieux/proches?lat=44.9', 400],
  ['GET', '/lieux/proches', '/lieux/proches?commune=26999', 404],
  ['GET', '/lieux/:id', () => `/lieux/${unLieu()}`, 200],
  ['GET', '/lieux/:id', '/lieux/abc', 400],
  ['GET', '/lieux/:id', '/lieux/999999999', 404],
  ['GET', '/lieux.csv', '/lieux.csv?departement=26', 200],
  ['GET', '/lieux.csv', '/lieux.csv?departement=99', 404],
  ['GET', '/lieux.json', '/lieux.json?departement=2a', 200],
  ['GET', '/lieux.json', '/lieux.json?departement=ZZ', 400],
  ['GET', '/departements/:code/lieux.geojson', '/departements/26/lieux.geojson?offre=mediation', 200],
  ['GET', '/departements/:code/lieux.geojson', '/departements/99/lieux.geojson', 404],
  ['GET', '/departements/:code/communes.geojson', '/departements/26/communes.geojson', 200],
  ['GET', '/departements/:code/communes.geojson', '/departements/99/communes.geojson', 404],
  ['GET', '/departements.geojson', '/departements.geojson', 200],
  ['GET', '/regions.geojson', '/regions.geojson', 200],
  ['GET', '/tuiles/communes/:z/:x/:y', `/tuiles/communes/${tuile(10, VALENCE.longitude, VALENCE.latitude)}.pbf`, 200],
  ['GET', '/tuiles/communes/:z/:x/:y', `/tuiles/communes/${tuile(10, -30, 40)}.pbf`, 204],
  ['GET', '/tuiles/communes/:z/:x/:y', '/tuiles/communes/10/1/2', 404],
  ['GET', '/tuiles/communes/:z/:x/:y', '/tuiles/communes/30/1/2.pbf', 400],
  ['GET', '/tuiles/carreaux/:z/:x/:y', `/tuiles/carreaux/${tuile(9, 5.37652, 44.74841)}.pbf?departement=26`, 200],
  ['GET', '/tuiles/carreaux/:z/:x/:y', `/tuiles/carreaux/${tuile(9, 5.37652, 44.74841)}.pbf`, 400],
  ['GET', '/tuiles/carreaux/:z/:x/:y', `/tuiles/carreaux/${tuile(9, 5.37652, 44.74841)}.pbf?departement=99`, 404],
  ['POST', '/simulations', '/simulations', 200, JSON_POST({ departement: '26', ajouts: [{ lon: VALENCE.longitude, lat: VALENCE.latitude }] })],
  ['POST', '/simulations', '/simulations', 400, JSON_POST({ departement: '26', ajouts: [{ lon: 2.35, lat: 48.85 }] })],
  ['POST', '/simulations', '/simulations', 400, JSON_POST({ departement: '26', inconnu: 1 })],
  ['POST', '/simulations', '/simulations', 404, JSON_POST({ departement: '99' })],
  ['POST', '/optimisation', '/optimisation', 200, JSON_POST({ departement: '26', nombrePostes: 2 })],
  ['POST', '/optimisation', '/optimisation', 400, JSON_POST({ departement: '26', nombrePostes: 0 })],
  ['POST', '/optimisation', '/optimisation', 404, JSON_POST({ departement: '99', nombrePostes: 2 })],
  ['POST', '/optimisation/nationale', '/optimisation/nationale', 200, JSON_POST({ nombrePostes: 2, rayonKm: 10 })],
  ['POST', '/optimisation/nationale', '/optimisation/nationale', 400, { method: 'POST', body: '{', headers: { 'Content-Type': 'application/json' } }],
  ['GET', '/moi', '/moi', 200],
  ['GET', '/connexion', '/connexion?retour=/planifier', 404],
  ['GET', '/connexion', '/connexion?retour=//ailleurs.example', 400],
  ['GET', '/connexion/retour', '/connexion/retour?code=x', 404],
  ['POST', '/deconnexion', '/deconnexion', 200, { method: 'POST' }],
  ['GET', '/scenarios', '/scenarios', 401],
  ['POST', '/scenarios', '/scenarios', 401, JSON_POST({})],
  ['GET', '/scenarios/:id', '/scenarios/1', 401],
  ['PUT', '/scenarios/:id', '/scenarios/1', 401, { ...JSON_POST({}), method: 'PUT' }],
  ['DELETE', '/scenarios/:id', '/scenarios/1', 401, { method: 'DELETE' }],
  ['GET', '/agents', '/agents', 401],
  ['PUT', '/agents/:email', '/agents/a@b.fr', 401, { ...JSON_POST({}), method: 'PUT' }],
  ['DELETE', '/agents/:email', '/agents/a@b.fr', 401, { method: 'DELETE' }],
  ['GET', '/departements/:code/candidatures', '/departements/26/candidatures', 401],
  ['POST', '/departements/:code/candidatures', '/departements/26/candidatures', 401, { method: 'POST', body: 'a;b', headers: { 'Content-Type': 'text/csv' } }],
  ['GET', '/candidatures/:id', '/candidatures/1', 401],
  ['PUT', '/candidatures/:id/avis', '/candidatures/1/avis', 401, { ...JSON_POST({ avis: 'favorable' }), method: 'PUT' }],
  ['DELETE', '/candidatures/:id', '/candidatures/1', 401, { method: 'DELETE' }],
  ['POST', '/departements/:code/candidatures/selection', '/departements/26/candidatures/selection', 401, JSON_POST({ nombrePostes: 1 })],
  ['POST', '/departements/:code/mise-en-relation', '/departements/26/mise-en-relation', 401, JSON_POST({ recrues: [] })],
  ['GET', '/openapi.json', '/openapi.json', 200],
  ['GET', '/docs', '/docs', 200],
  ['GET', '/docs/:fichier', '/docs/swagger-ui.css', 200],
  ['GET', '/docs/:fichier', '/docs/swagger-ui-bundle.js', 200],
  ['GET', '/docs/:fichier', '/docs/initialisation.js', 200],
  ['GET', '/docs/:fichier', '/docs/index.html', 400],
]

describe('the OpenAPI contract of the API', () => {
  it('is served at /api/openapi.json as built from the zod schemas, with the import’s ETag and a 304 when unchanged', async () => {
    const res = await appNationale().request('/openapi.json')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(DOCUMENT)))
    const etag = `"${depsNationales().import.id}"`
    expect(res.headers.get('ETag')).toBe(etag)
    expect((await appNationale().request('/openapi.json', { headers: { 'If-None-Match': etag } })).status).toBe(304)
    expect(DOCUMENT.openapi).toBe('3.1.0')
  })

  it('documents every route registered in the app, and no route the app does not have', () => {
    const routes = new Set(appNationale().routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path}`))
    const documentees = new Set(OPERATIONS.map((o) => `${o.methode} ${o.chemin}`))
    expect([...routes].filter((r) => !documentees.has(r)).sort()).toEqual([])
    expect([...documentees].filter((r) => !routes.has(r)).sort()).toEqual([])
    expect(Object.keys(DOCUMENT.paths)).toContain('/tuiles/communes/{z}/{x}/{y}.pbf')
  })

  it('documents the paths of the README’s API table, and the README names every documented path', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('\n## API\n'), readme.indexOf('\n### Le contrat (OpenAPI)'))
    const premieresCellules = section.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split(' | ')[0]!)
    const duReadme = new Set(premieresCellules.flatMap((c) => [...c.matchAll(/\/api(\/[^`?\s]*)/g)].map((m) => m[1]!.replace(/:(\w+)/g, '{$1}'))))
    expect(duReadme.size).toBeGreaterThan(35)
    const documentes = Object.keys(DOCUMENT.paths).filter((p) => !p.startsWith('/docs/'))
    expect([...duReadme].filter((p) => !documentes.includes(p)).sort()).toEqual([])
    expect(documentes.filter((p) => !duReadme.has(p)).sort()).toEqual([])
  })

  it('calls every documented public route below, and each agents’ route in tests/comptes/contrat-agents.test.ts', () => {
    const appelees = new Set(APPELS.map(([m, chemin]) => `${m.toLowerCase()} ${chemin}`))
    expect(OPERATIONS.map((o) => `${o.methode} ${o.chemin}`).filter((o) => !appelees.has(o))).toEqual([])
  })

  it.for(APPELS)('%s %s answers as documented (%s → %i)', async ([methode, chemin, url, statut, init]) => {
    const res = await appNationale().request(typeof url === 'function' ? url() : url, init ?? { method: methode })
    expect(res.status).toBe(statut)
    const corps = await verifier(methode, chemin, res)
    if (statut >= 400) expect(corps).toMatchObject({ ok: false, status: statut })
  })
})

describe('the errors of the guards in front of /api, as documented', () => {
  const garde = (o: Partial<ReturnType<typeof optionsSecurite>>) =>
    new Hono().use('/api/*', ...gardesApi({ ...optionsSecurite(), maintenant: () => 0, ...o })).route('/api', appNationale())

  it('answers 413 in the envelope for a body over the limit', async () => {
    const res = await garde({ octetsCorps: 64 }).request('/api/simulations', JSON_POST({ departement: '26', ajouts: Array(20).fill({ lon: 4.9, lat: 44.9 }) }))
    expect(res.status).toBe(413)
    expect(await verifier('POST', '/simulations', res)).toMatchObject({ ok: false, status: 413 })
  })

  it('answers 429 in the envelope past the burst', async () => {
    const app = garde({ rafale: 1, requetesParMinute: 1 })
    expect((await app.request('/api/departements/26')).status).toBe(200)
    const res = await app.request('/api/departements/26')
    expect(res.status).toBe(429)
    expect(await verifier('GET', '/departements/:code', res)).toMatchObject({ ok: false, status: 429 })
  })

  it('answers 414 in the envelope for an address over the limit', async () => {
    const res = await garde({ caracteresUrl: 100 }).request(`/api/communes/recherche?q=${'a'.repeat(200)}`)
    expect(res.status).toBe(414)
    expect(await verifier('GET', '/communes/recherche', res)).toMatchObject({ ok: false, status: 414 })
  })

  it('answers 503 in the envelope when the computation queue is full', async () => {
    const pleine = { ...depsNationales().calculs, executer: () => Promise.reject(new FileAttentePleine(8)) }
    const app = createApp({ ...depsNationales(), calculs: pleine })
    const res = await app.request('/optimisation', JSON_POST({ departement: '26', nombrePostes: 2 }))
    expect(res.status).toBe(503)
    expect(await verifier('POST', '/optimisation', res)).toMatchObject({ ok: false, status: 503 })
  })
})

describe('the answers built as bytes', () => {
  beforeAll(() => void appNationale())
  it.each([
    ['/lieux/proches', `/lieux/proches?commune=${VALENCE.code}&limit=50`],
    ['/couverture', '/couverture?rayonKm=7'],
    ['/departements/:code/couverture', '/departements/2A/couverture?rayonKm=7'],
  ])('%s gives the same JSON gzipped as plain, valid against its schema', async (chemin, url) => {
    const brut = await appNationale().request(url)
    const corps = await verifier('GET', chemin, brut)
    const zippe = await appNationale().request(url, { headers: { 'Accept-Encoding': 'gzip' } })
    if (zippe.headers.get('Content-Encoding') === 'gzip') {
      const texte = await new Response(zippe.body!.pipeThrough(new DecompressionStream('gzip'))).text()
      expect(JSON.parse(texte)).toEqual(corps)
    } else expect(await zippe.json()).toEqual(corps)
  })
})
