// Bench of the multi-instance deployment (`npm run bench:deux-instances`): /api/lieux/proches (seeded points in
// France) through nginx (deploiement/nginx.conf) in front of two instances on one PostgreSQL store, against one
// instance alone without nginx; then the failed requests of a rolling restart (each instance in turn: SIGTERM,
// exit, start again) under the same load. Not a test: it prints figures for BENCHMARKS.md. Loopback only.
// DEUX_INSTANCES_DUREE_S sets each run's length (20 s), DEUX_INSTANCES_CONNEXIONS the connections (50).
import { cpus, loadavg } from 'node:os'
import autocannon from 'autocannon'
import { demarrerInstance, demarrerNginx, type Instance } from '../deploiement/grappe.ts'
import { demarrerPostgres, portLibre } from '../setup/postgres.ts'
import { seeded } from '../spatial/helpers/aleatoire.ts'

const DUREE_S = Math.min(120, Math.max(2, Number(process.env.DEUX_INSTANCES_DUREE_S ?? 20)))
const CONNEXIONS = Math.min(500, Math.max(1, Number(process.env.DEUX_INSTANCES_CONNEXIONS ?? 50)))
const rnd = seeded(20261128)
// Metropolitan France's bounding box, as tests/bench/charge.ts: some points fall in the sea or abroad, as real queries do.
const chemins = Array.from({ length: 2_000 }, () => `/api/lieux/proches?lat=${(42.3 + rnd() * 8.8).toFixed(5)}&lon=${(-4.8 + rnd() * 13).toFixed(5)}`)

type Mesure = { nom: string; reqParS: number; p50: number; p99: number; requetes: number; erreurs: number; non2xx: number }

function charger(nom: string, url: string, dureeS: number, pendant?: () => Promise<void>): Promise<Mesure> {
  let i = 0
  return new Promise((ok, ko) => {
    const charge = autocannon({
      url, connections: CONNEXIONS, duration: pendant ? 600 : dureeS, timeout: 10,
      // autocannon ignores nginx's `Connection: close` after 1 000 requests on a connection and races it: reconnect first.
      reconnectRate: 500,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: chemins[i++ % chemins.length]! }) }],
    }, (e, r) => e ? ko(e) : ok({
      nom, reqParS: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requetes: r.requests.total,
      erreurs: r.errors + r.timeouts, non2xx: r.non2xx,
    }))
    if (pendant) void pendant().then(() => charge.stop(), ko)
  })
}

const f = (x: number, d = 0) => x.toLocaleString('fr-FR', { maximumFractionDigits: d, minimumFractionDigits: d })
const attendre = (ms: number) => new Promise((ok) => setTimeout(ok, ms))

const chargeAvant = loadavg()
const postgres = await demarrerPostgres()
const instances: Instance[] = []
let arretNginx: (() => Promise<void>) | undefined
try {
  const [portA, portB, portNginx] = [await portLibre(), await portLibre(), await portLibre()]
  const env = { MAILLAGE_BASE_COMPTES: postgres.url, MAILLAGE_LIMITE_REQUETES_MINUTE: '0', MAILLAGE_PROXY_DE_CONFIANCE: '1' }
  instances.push(...await Promise.all([demarrerInstance('a', portA, env), demarrerInstance('b', portB, env)]))
  const nginx = await demarrerNginx(portNginx, [portA, portB])
  arretNginx = nginx.arreter

  await charger('échauffement', nginx.url, 3)
  const mesures: Mesure[] = []
  mesures.push(await charger('une instance, directe', instances[0]!.url, DUREE_S))
  mesures.push(await charger('deux instances derrière nginx', nginx.url, DUREE_S))

  const journal: string[] = []
  mesures.push(await charger('deux instances derrière nginx, redémarrage progressif', nginx.url, DUREE_S, async () => {
    await attendre(2_000)
    for (const i of [0, 1]) {
      const ancienne = instances[i]!
      const debut = performance.now()
      const code = await ancienne.arreter('SIGTERM')
      const arretMs = performance.now() - debut
      instances[i] = await demarrerInstance(ancienne.nom, ancienne.port, env)
      journal.push(`${ancienne.nom} : code de sortie ${code}, arrêtée en ${f(arretMs)} ms, de nouveau prête ${f(performance.now() - debut)} ms après SIGTERM`)
      await attendre(2_000)
    }
  }))

  console.log(`\n# npm run bench:deux-instances — ${new Date().toISOString()} — ${cpus().length} cœurs, Node ${process.version}, ` +
    `${CONNEXIONS} connexions, ${DUREE_S} s par mesure ; charge moyenne de la machine avant : ${chargeAvant.map((x) => f(x, 2)).join(' / ')}`)
  console.log('\n| cible | req/s (moyenne) | p50 (ms) | p99 (ms) | requêtes | erreurs | non-2xx |')
  console.log('|---|---:|---:|---:|---:|---:|---:|')
  for (const m of mesures) console.log(`| ${m.nom} | ${f(m.reqParS)} | ${f(m.p50, 1)} | ${f(m.p99, 1)} | ${f(m.requetes)} | ${m.erreurs} | ${m.non2xx} |`)
  console.log(`\nRedémarrage progressif : ${journal.join(' ; ')}.`)
  if (mesures.some((m) => m.erreurs > 0 || m.non2xx > 0)) process.exitCode = 1
} finally {
  await arretNginx?.()
  await Promise.all(instances.map((i) => i.arreter()))
  await postgres.arreter()
}
