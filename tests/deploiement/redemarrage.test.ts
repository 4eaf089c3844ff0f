import autocannon from 'autocannon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demarrerPostgres, portLibre, type Postgres } from '../setup/postgres.ts'
import { demarrerInstance, demarrerNginx, type Instance, type Nginx } from './grappe.ts'

/**
 * A rolling restart under load: while autocannon sends /api/lieux/proches through nginx, each instance in
 * turn gets SIGTERM, finishes what it was doing, exits 0 and is started again. nginx sends the requests that
 * find an instance gone to the other one (proxy_next_upstream): no request may fail.
 */
let postgres: Postgres
let nginx: Nginx
const instances: Instance[] = []
let env: Record<string, string>

beforeAll(async () => {
  postgres = await demarrerPostgres()
  const [portA, portB, portNginx] = [await portLibre(), await portLibre(), await portLibre()]
  env = { MAILLAGE_BASE_COMPTES: postgres.url, MAILLAGE_LIMITE_REQUETES_MINUTE: '0', MAILLAGE_PROXY_DE_CONFIANCE: '1', MAILLAGE_DELAI_ARRET_SECONDES: '10' }
  instances.push(...await Promise.all([demarrerInstance('a', portA, env), demarrerInstance('b', portB, env)]))
  nginx = await demarrerNginx(portNginx, [portA, portB])
}, 180_000)

afterAll(async () => {
  await nginx?.arreter()
  await Promise.all(instances.map((i) => i.arreter()))
  await postgres?.arreter()
})

const attendre = (ms: number) => new Promise((ok) => setTimeout(ok, ms))

/** Waits until nginx answers from the instance `nom` (X-Maillage-Instance), at most 20 s. */
async function attendreRotation(nom: string): Promise<void> {
  for (let k = 0; k < 200; k++) {
    if ((await fetch(`${nginx.url}/api/sante`)).headers.get('X-Maillage-Instance')?.startsWith(nom)) return
    await attendre(100)
  }
  throw new Error(`nginx n’envoie toujours pas de requête à l’instance ${nom} redémarrée`)
}

describe('a rolling restart behind nginx', () => {
  it('restarts both instances one after the other under load without a single failed request', async () => {
    const t0 = performance.now()
    const incidents: string[] = []
    let resultat!: Promise<autocannon.Result>
    const charge = autocannon({
      url: `${nginx.url}/api/lieux/proches?lon=4.8924&lat=44.9334&limit=5`,
      connections: 8,
      duration: 120,
      timeout: 10,
      // nginx closes a client connection after 1 000 requests (keepalive_requests) with `Connection: close`;
      // autocannon ignores that header and writes its next request at once, which races the close (ECONNRESET,
      // seen once in ~40 000 requests). A browser would reconnect; so does autocannon here, every 500 requests.
      reconnectRate: 500,
    }, () => undefined)
    resultat = new Promise((ok) => charge.once('done', ok))
    charge.on('reqError', (e: Error) => incidents.push(`${((performance.now() - t0) / 1000).toFixed(2)} s : ${e.message}`))
    charge.on('response', (_client, status: number) => { if (status >= 300) incidents.push(`${((performance.now() - t0) / 1000).toFixed(2)} s : statut ${status}`) })
    const codes: (number | null)[] = []
    const journal: string[] = []
    await attendre(1_500)
    for (const i of [0, 1]) {
      const ancienne = instances[i]!
      const debut = performance.now()
      codes.push(await ancienne.arreter('SIGTERM'))
      const arretMs = performance.now() - debut
      instances[i] = await demarrerInstance(ancienne.nom, ancienne.port, env)
      journal.push(`${ancienne.nom} : signal à ${((debut - t0) / 1000).toFixed(2)} s, arrêtée en ${arretMs.toFixed(0)} ms, de nouveau prête ${(performance.now() - debut).toFixed(0)} ms après le signal`)
      // As the README's rolling restart says: the next instance stops only once nginx sends to this one again (it left
      // it aside for fail_timeout after a refused connection); stopping it earlier leaves nginx no live upstream (502).
      await attendreRotation(instances[i]!.nom)
    }
    charge.stop()
    const r = await resultat
    console.log(`redémarrage progressif : ${journal.join(' ; ')} ; ${r.requests.total} requêtes en ${(r.duration).toFixed(1)} s, ` +
      `${r['2xx']} réponses 2xx, ${r.non2xx} autres, ${r.errors} erreurs, ${r.timeouts} délais dépassés`)

    if (incidents.length > 0) console.log(`incidents : ${incidents.slice(0, 20).join(' | ')}\njournal de nginx :\n${nginx.journal().slice(-3000)}`)
    expect(codes).toEqual([0, 0])
    expect({ erreurs: r.errors, delais: r.timeouts, non2xx: r.non2xx }).toEqual({ erreurs: 0, delais: 0, non2xx: 0 })
    expect(r['2xx']).toBeGreaterThan(500)
    // Both restarted instances are back in the rotation.
    const vues = new Set<string | null>()
    for (let k = 0; k < 10; k++) vues.add((await fetch(`${nginx.url}/api/sante`)).headers.get('X-Maillage-Instance'))
    expect(vues).toEqual(new Set(['a', 'b']))
  })
})
