// Load bench (`npm run bench:load`): starts the real server on 127.0.0.1 with the rate limit off, then
// autocannon hits /api/lieux/proches (seeded points in France) and /api/departements/:code/couverture
// (every département in turn) with 200 connections for 30 s each. Reports req/s, p50/p99, errors and the
// server's RSS; then the same load on `serveur-plancher.ts` (Node's http module alone, constant answer): the
// machine's floor; then /api/lieux/proches on `serveur-route-seule.ts` (the route without the server's shared
// layers). Only loopback targets; durations are capped. CHARGE_DUREE_S shortens a run (smoke test),
// CHARGE_GZIP=1 asks for gzip answers as a browser does. CHARGE_DEBIT=2000 offers a fixed rate instead (open loop,
// `debit-constant.ts`: each request sent when due whatever the answers, latency counted from that due time), so p99
// measures latency, not the queue of 200 always-busy connections.
import { spawn } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { resolve } from 'node:path'
import autocannon from 'autocannon'
import { seeded } from '../spatial/helpers/aleatoire.ts'
import { portLibre } from '../setup/port-libre.ts'
import { chargerADebitConstant } from './debit-constant.ts'
import { argumentsServeur } from '../setup/serveur-compile.ts'
import { rssMo } from './processus.ts'

const RACINE = resolve(import.meta.dirname, '../..')
const HOTE = '127.0.0.1'
const CONNEXIONS = 200
const DUREE_S = Math.min(120, Math.max(1, Number(process.env.CHARGE_DUREE_S ?? 30)))
const ECHAUFFEMENT_S = Math.min(5, DUREE_S)
const GZIP = process.env.CHARGE_GZIP === '1'
const DEBIT = process.env.CHARGE_DEBIT === undefined ? undefined : Math.min(50_000, Math.max(1, Number(process.env.CHARGE_DEBIT)))
const OBJECTIF = { reqParS: 5_000, p99Ms: 20, croissanceRss: 0.2 }



const port = await portLibre()
const base = `http://${HOTE}:${port}`
if (new URL(base).hostname !== '127.0.0.1') throw new Error('bench:load ne vise que 127.0.0.1')
const serveur = spawn(process.execPath, await argumentsServeur(), {
  cwd: RACINE,
  env: { ...process.env, PORT: String(port), HOST: HOTE, MAILLAGE_LIMITE_REQUETES_MINUTE: '0' },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const arreter = () => { if (serveur.exitCode === null) serveur.kill('SIGTERM') }
process.on('exit', arreter)

async function attendreServeur(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (serveur.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${serveur.exitCode})`)
    try {
      if ((await fetch(`${base}/api/sante`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('le serveur ne répond pas après 60 s')
}

type Mesure = { nom: string; reqParS: number; p50: number; p99: number; max: number; requetes: number; erreurs: number; non2xx: number; rssAvant: number; rssApres: number }

/** One autocannon run against `cible` (by default our server); `chemins` are cycled across all connections. */
async function charger(nom: string, chemins: readonly string[], dureeS: number, cible = { url: base, pid: serveur.pid! }): Promise<Mesure> {
  let i = 0
  const rssAvant = rssMo(cible.pid)
  if (DEBIT !== undefined) {
    const d = await chargerADebitConstant({ url: cible.url, chemins, debit: DEBIT, dureeS, gzip: GZIP })
    return { nom, reqParS: d.reqParS, p50: d.p50, p99: d.p99, max: d.max, requetes: d.recues, erreurs: d.erreurs, non2xx: d.non2xx, rssAvant, rssApres: rssMo(cible.pid) }
  }
  const r = await autocannon({
    url: cible.url,
    connections: CONNEXIONS,
    duration: dureeS,
    headers: GZIP ? { 'accept-encoding': 'gzip' } : {},
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: chemins[i++ % chemins.length]! }) }],
  })
  return {
    nom, reqParS: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, requetes: r.requests.total,
    erreurs: r.errors + r.timeouts, non2xx: r.non2xx, rssAvant, rssApres: rssMo(cible.pid),
  }
}

const f = (x: number, d = 0) => x.toLocaleString('fr-FR', { maximumFractionDigits: d, minimumFractionDigits: d })

/** Starts a comparison server of tests/bench (`serveur-plancher.ts`, `serveur-route-seule.ts`) on a free loopback port. */
async function lancerComparaison(script: string, args: readonly string[] = []) {
  const portComparaison = await portLibre()
  const processus = spawn(process.execPath, ['--import', 'tsx', `tests/bench/${script}`, ...args], {
    cwd: RACINE, env: { ...process.env, PORT: String(portComparaison) }, stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((ok, ko) => {
    processus.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('prêt')) ok() })
    processus.once('exit', (code) => ko(new Error(`${script} s'est arrêté (code ${code})`)))
  })
  return { url: `http://${HOTE}:${portComparaison}`, pid: processus.pid!, arreter: () => processus.kill('SIGTERM') }
}

try {
  await attendreServeur()
  const rssDemarrage = rssMo(serveur.pid!)
  const rnd = seeded(20261123)
  // Metropolitan France's bounding box; some points fall in the sea or abroad, as real queries do.
  const proches = Array.from({ length: 2_000 }, () => `/api/lieux/proches?lat=${(42.3 + rnd() * 8.8).toFixed(5)}&lon=${(-4.8 + rnd() * 13).toFixed(5)}`)
  const departements = ((await (await fetch(`${base}/api/departements`)).json()) as { departements: { code: string }[] }).departements.map((d) => d.code)
  const couvertures = departements.map((code) => `/api/departements/${code}/couverture`)
  const tailleProches = (await (await fetch(`${base}${proches[0]}`)).arrayBuffer()).byteLength

  // Warm-up: JIT, the engine's cached national recompute, lazy statement preparation.
  await charger('échauffement', [...proches.slice(0, 200), ...couvertures], ECHAUFFEMENT_S)
  const mesures = [await charger('/api/lieux/proches', proches, DUREE_S), await charger('/api/departements/:code/couverture', couvertures, DUREE_S)]

  // RSS after 5 s idle: what the run left behind, once in-flight buffers are gone.
  await new Promise((r) => setTimeout(r, 5_000))
  const rssRepos = rssMo(serveur.pid!)
  arreter()

  // The machine's floor: the same load on Node's bare http module answering as many constant bytes as a nearest-lieux answer.
  const plancher = await lancerComparaison('serveur-plancher.ts', [String(tailleProches)])
  try {
    mesures.push(await charger(`plancher : Node http seul, ${f(tailleProches)} octets constants`, ['/'], DUREE_S, plancher))
  } finally {
    plancher.arreter()
  }
  // The route alone, without the server's shared layers: how much of the gap to the floor is the route's own work.
  const routeSeule = await lancerComparaison('serveur-route-seule.ts')
  try {
    await charger('échauffement', proches.slice(0, 200), ECHAUFFEMENT_S, routeSeule)
    mesures.push(await charger('/api/lieux/proches, la route seule (sans journal, métriques, en-têtes, limites, session)', proches, DUREE_S, routeSeule))
  } finally {
    routeSeule.arreter()
  }
  console.log(`\n# npm run bench:load — ${new Date().toISOString()} — ${cpus().length} cœurs, Node ${process.version}, ${CONNEXIONS} connexions, ${DUREE_S} s par route${GZIP ? ', gzip' : ''}${DEBIT === undefined ? '' : `, débit offert ${DEBIT} req/s`} — charge ${loadavg().map((x) => x.toFixed(2)).join(' ')}`)
  console.log(`RSS du serveur au démarrage : ${f(rssDemarrage, 1)} Mo\n`)
  console.log('| route | req/s (moyenne) | p50 (ms) | p99 (ms) | max (ms) | requêtes | erreurs | non-2xx | RSS avant → après (Mo) | croissance RSS |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const m of mesures)
    console.log(`| \`${m.nom}\` | ${f(m.reqParS)} | ${f(m.p50, 1)} | ${f(m.p99, 1)} | ${f(m.max, 1)} | ${f(m.requetes)} | ${m.erreurs} | ${m.non2xx} | ${f(m.rssAvant, 1)} → ${f(m.rssApres, 1)} | ${f((m.rssApres / m.rssAvant - 1) * 100, 1)} % |`)
  const p = mesures[0]!
  console.log(`\nObjectifs lieux/proches : ≥ ${f(OBJECTIF.reqParS)} req/s ${p.reqParS >= OBJECTIF.reqParS ? 'atteint' : 'NON atteint'} ; ` +
    `p99 ≤ ${OBJECTIF.p99Ms} ms ${p.p99 <= OBJECTIF.p99Ms ? 'atteint' : 'NON atteint'}. ` +
    `RSS sur toute la mesure : ${f(mesures[0]!.rssAvant, 1)} → ${f(mesures[1]!.rssApres, 1)} Mo (${f((mesures[1]!.rssApres / mesures[0]!.rssAvant - 1) * 100, 1)} %, objectif < ${OBJECTIF.croissanceRss * 100} %) ; ${f(rssRepos, 1)} Mo après 5 s de repos.`)
  const sol = mesures[2]!
  console.log(`lieux/proches : ${f((p.reqParS / sol.reqParS) * 100)} % du plancher (objectif ≥ 50 %) ; la route seule, sans les couches communes du serveur : ${f((mesures[3]!.reqParS / sol.reqParS) * 100)} %.`)
  console.log(`Loi de Little : avec ${CONNEXIONS} connexions toujours occupées, la latence moyenne vaut ${CONNEXIONS} / débit ; ` +
    `un p99 ≤ ${OBJECTIF.p99Ms} ms demande au moins ${f(CONNEXIONS / (OBJECTIF.p99Ms / 1000))} req/s. ` +
    `Le plancher (Node http seul, sans travail) sert ${f(sol.reqParS)} req/s, p99 ${f(sol.p99, 1)} ms, sur cette machine et sous cette charge.`)
  if (mesures.some((m) => m.erreurs > 0 || m.non2xx > 0)) {
    console.error('Des requêtes ont échoué pendant la charge.')
    process.exitCode = 1
  }
} finally {
  arreter()
}
