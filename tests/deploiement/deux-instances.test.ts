import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ouvrirComptes } from '../../server/db/comptes.ts'
import { Bocal, parHttp, seConnecter } from '../comptes/agent-http.ts'
import { CLIENT, demarrerFournisseur, PERSONNES } from '../comptes/fournisseur-oidc.ts'
import { demarrerPostgres, portLibre, requete, type Postgres } from '../setup/postgres.ts'
import { demarrerInstance, demarrerNginx, type Instance, type Nginx } from './grappe.ts'

/**
 * Two Maillage instances on one PostgreSQL store, behind nginx with deploiement/nginx.conf: whatever
 * instance answers, an agent sees the same sessions and scenarios.
 */
let postgres: Postgres
let fournisseur: Awaited<ReturnType<typeof demarrerFournisseur>>
let a: Instance
let b: Instance
let nginx: Nginx
const http = parHttp()

/** A scenario of the Drôme: one poste added at Valence. */
const SCENARIO = { titre: 'Valence, deux instances', departement: '26', rayonKm: 10, ajouts: [{ lon: 4.8924, lat: 44.9334, conseillers: 1 }] }

beforeAll(async () => {
  postgres = await demarrerPostgres()
  const [portA, portB, portNginx] = [await portLibre(), await portLibre(), await portLibre()]
  const origine = `http://127.0.0.1:${portNginx}`
  fournisseur = await demarrerFournisseur(origine)
  const env = {
    MAILLAGE_BASE_COMPTES: postgres.url,
    MAILLAGE_OIDC_EMETTEUR: fournisseur.emetteur,
    MAILLAGE_OIDC_CLIENT_ID: CLIENT.id,
    MAILLAGE_OIDC_CLIENT_SECRET: CLIENT.secret,
    MAILLAGE_URL_PUBLIQUE: origine,
    MAILLAGE_PROXY_DE_CONFIANCE: '1',
    MAILLAGE_ADMINS: PERSONNES.admin!.email,
  }
  // Both at once: each migrates the empty store under the advisory lock.
  ;[a, b] = await Promise.all([demarrerInstance('a', portA, env), demarrerInstance('b', portB, env)])
  nginx = await demarrerNginx(portNginx, [portA, portB])
  const comptes = await ouvrirComptes(postgres.url)
  await comptes.enregistrerAgent({ email: PERSONNES['prefet-26']!.email, role: 'prefet', departements: ['26'] })
  await comptes.fermer()
}, 180_000)

afterAll(async () => {
  await nginx?.arreter()
  await Promise.all([a?.arreter(), b?.arreter()])
  await fournisseur?.fermer()
  await postgres?.arreter()
})

/** A request as the browser holding `bocal` sends it, and which instance answered. */
async function appeler(url: string, bocal: Bocal, init: { method?: string; corps?: unknown; entetes?: Record<string, string> } = {}) {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: { ...bocal.entete(), ...init.entetes, ...(init.corps === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(init.corps === undefined ? {} : { body: JSON.stringify(init.corps) }),
  })
  bocal.absorber(res)
  return { status: res.status, corps: await res.json() as any, instance: res.headers.get('X-Maillage-Instance'), etag: res.headers.get('ETag') }
}

describe('two instances on one PostgreSQL store behind nginx', () => {
  it('migrated the store once although both instances started at the same time', async () => {
    // Every migration file of the engine, recorded once each (not twice, though two instances ran them at once)
    const fichiers = readdirSync(resolve(import.meta.dirname, '../../server/db/comptes/migrations/postgres')).filter((f) => /^\d+-.*\.sql$/.test(f))
    const attendues = fichiers.map((f) => Number(f.split('-')[0])).sort((a, b) => a - b)
    expect(attendues.length).toBeGreaterThanOrEqual(4)
    expect((await requete<{ version: number }>(postgres.url, 'SELECT version FROM migration_comptes ORDER BY version')).map((l) => l.version)).toEqual(attendues)
  })

  it('spreads requests over both instances, each naming itself in X-Maillage-Instance', async () => {
    const instances: string[] = []
    for (let i = 0; i < 12; i++) instances.push((await appeler(`${nginx.url}/api/sante`, new Bocal())).instance ?? '?')
    expect(new Set(instances)).toEqual(new Set(['a', 'b']))
    expect(instances.filter((x) => x === 'a').length).toBeGreaterThanOrEqual(3)
    expect(instances.filter((x) => x === 'b').length).toBeGreaterThanOrEqual(3)
  })

  it('logs an agent in through nginx and keeps the session on whichever instance answers', async () => {
    const { bocal, arrivee } = await seConnecter(http, 'prefet-26', '/planifier/26', nginx.url)
    expect(arrivee).toBe('/planifier/26')
    const vus = new Set<string>()
    for (let i = 0; i < 8; i++) {
      const moi = await appeler(`${nginx.url}/api/moi`, bocal)
      expect(moi.corps.agent).toEqual({ email: 'prefet-26@drome.gouv.fr', nom: null, role: 'prefet', departements: ['26'] })
      vus.add(moi.instance!)
    }
    expect(vus).toEqual(new Set(['a', 'b']))
  })

  it('lists and changes on one instance a scenario saved through the other, and refuses there a change from a stale version', async () => {
    const { bocal } = await seConnecter(http, 'prefet-26', '/planifier/26', nginx.url)
    const cree = await appeler(`${a.url}/api/scenarios`, bocal, { method: 'POST', corps: SCENARIO })
    expect([cree.status, cree.instance, cree.etag]).toEqual([201, 'a', '"v1"'])
    const id = cree.corps.scenario.id as number

    const liste = await appeler(`${b.url}/api/scenarios?departement=26`, bocal)
    expect(liste.instance).toBe('b')
    expect(liste.corps.scenarios).toEqual([{ ...cree.corps.scenario }])

    const revu = await appeler(`${b.url}/api/scenarios/${id}`, bocal, { method: 'PUT', corps: { ...SCENARIO, titre: 'Revu sur b' }, entetes: { 'If-Match': cree.etag! } })
    expect([revu.status, revu.instance, revu.etag, revu.corps.scenario.titre]).toEqual([200, 'b', '"v2"', 'Revu sur b'])

    const perime = await appeler(`${a.url}/api/scenarios/${id}`, bocal, { method: 'PUT', corps: { ...SCENARIO, titre: 'Ancien sur a' }, entetes: { 'If-Match': cree.etag! } })
    expect([perime.status, perime.instance]).toEqual([412, 'a'])
    expect(perime.corps.error).toMatch(/^Le scénario « Revu sur b » a été modifié entre-temps \(il en est à la version 2, vous modifiiez la version 1\)/)
    expect((await appeler(`${nginx.url}/api/scenarios/${id}`, bocal)).corps.scenario).toMatchObject({ titre: 'Revu sur b', version: 2 })
  })

  it('ends the session on both instances when the agent logs out on one', async () => {
    const { bocal } = await seConnecter(http, 'prefet-26', '/planifier/26', nginx.url)
    const copie = new Bocal()
    for (const [n, v] of bocal.cookies) copie.cookies.set(n, v)
    expect((await appeler(`${b.url}/api/scenarios`, copie)).status).toBe(200)
    const sortie = await appeler(`${a.url}/api/deconnexion`, bocal, { method: 'POST' })
    expect([sortie.status, sortie.instance]).toEqual([200, 'a'])
    // The old cookie, replayed: refused by both instances.
    expect((await appeler(`${b.url}/api/scenarios`, copie)).status).toBe(401)
    expect((await appeler(`${a.url}/api/scenarios`, copie)).status).toBe(401)
    expect((await appeler(`${b.url}/api/moi`, copie)).corps.identite).toBeNull()
  })
})
