/**
 * Benchmark of the event loop during heavy work: starts the real server on 127.0.0.1, sends one national allocation
 * of 200 postes (France services, 4 km, population × IFN) and, while it runs, asks /api/sante and /api/lieux/proches
 * (seeded points, one request of each at a time, back to back) until the allocation answers. Reports the latency of
 * those small requests (p50, p99, max) and the allocation's duration, and the server's RSS once started.
 * Run `npx tsx tests/bench/calculs.ts` (CALCULS_TRAVAILLEURS sets MAILLAGE_TRAVAILLEURS, CALCULS_RUNS the number of
 * allocations), or call `benchCalculs()` from `npm run bench`. Numbers go to BENCHMARKS.md by hand.
 */
import { spawn } from 'node:child_process'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { seeded } from '../spatial/helpers/aleatoire.ts'
import { portLibre } from '../setup/port-libre.ts'
import { argumentsServeur } from '../setup/serveur-compile.ts'
import { rssMo } from './processus.ts'

const RACINE = resolve(import.meta.dirname, '../..')
const HOTE = '127.0.0.1'
const CORPS_NATIONAL = { nombrePostes: 200, rayonKm: 4, offre: 'france-services', poids: 'population-ifn' }


const q = (s: number[], f: number) => s[Math.min(s.length - 1, Math.ceil(f * s.length) - 1)]!
const ms = (x: number) => `${x.toFixed(1)} ms`

/** Starts the server with `travailleurs` workers (undefined: the default), waits until it answers. */
async function demarrer(travailleurs: string | undefined) {
  const port = await portLibre()
  const base = `http://${HOTE}:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: String(port), HOST: HOTE, MAILLAGE_LIMITE_REQUETES_MINUTE: '0',
    MAILLAGE_BASE_COMPTES: join(tmpdir(), `maillage-bench-comptes-${port}.sqlite`),
    // The bench asks as the public: give it the agents' time so that the allocation runs to its end.
    MAILLAGE_DELAI_PUBLIC_MS: '30000',
  }
  if (travailleurs !== undefined) env.MAILLAGE_TRAVAILLEURS = travailleurs
  const serveur = spawn(process.execPath, await argumentsServeur(), { cwd: RACINE, env, stdio: ['ignore', 'ignore', 'inherit'] })
  const arreter = () => { if (serveur.exitCode === null) serveur.kill('SIGTERM') }
  process.on('exit', arreter)
  for (let i = 0; i < 240; i++) {
    if (serveur.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${serveur.exitCode})`)
    try {
      if ((await fetch(`${base}/api/sante`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  // Workers load the reference data after the server listens: give them time before measuring memory and latency.
  await new Promise((r) => setTimeout(r, 5_000))
  return { base, pid: serveur.pid!, arreter }
}

/**
 * One GET on a new connection, read to its end: its status. A new connection each time, because a server whose loop
 * was blocked closes its idle keep-alive sockets as soon as it wakes, under a request already sent on one.
 */
const lire = (url: string): Promise<number> =>
  new Promise((ok, ko) => {
    get(url, { agent: false }, (res) => {
      res.resume()
      res.on('end', () => ok(res.statusCode ?? 0))
      res.on('error', ko)
    }).on('error', ko)
  })

/** Small requests back to back until `fini()`: each one's latency. */
async function sonder(base: string, chemins: () => string, fini: () => boolean): Promise<number[]> {
  const t: number[] = []
  while (!fini()) {
    const chemin = chemins()
    const debut = performance.now()
    const status = await lire(`${base}${chemin}`)
    t.push(performance.now() - debut)
    if (status !== 200) throw new Error(`${chemin} : ${status}`)
  }
  return t
}

/** Runs the benchmark and returns the report (Markdown) it also prints. */
export async function benchCalculs(): Promise<string> {
  const travailleurs = process.env.CALCULS_TRAVAILLEURS
  const runs = Math.max(1, Math.min(10, Number(process.env.CALCULS_RUNS ?? 3)))
  const { base, pid, arreter } = await demarrer(travailleurs)
  const rssDemarre = rssMo(pid)
  const rnd = seeded(20261128)
  const proche = () => `/api/lieux/proches?lat=${(42.5 + rnd() * 8.5).toFixed(5)}&lon=${(-4.5 + rnd() * 12.5).toFixed(5)}&limit=10`
  // Warm-up: the routes' first answers, and HiGHS's first load, are not what is measured.
  for (let k = 0; k < 50; k++) await (await fetch(`${base}${proche()}`)).arrayBuffer()
  await (await fetch(`${base}/api/optimisation/nationale`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...CORPS_NATIONAL, nombrePostes: 2 }) })).arrayBuffer()
  const lignes = [
    `MAILLAGE_TRAVAILLEURS=${travailleurs ?? '(défaut)'}; server RSS once started (workers loaded): ${rssDemarre.toFixed(0)} MB`,
    '',
    '| run | allocation | /api/sante n | p50 | p99 | **max** | /api/lieux/proches n | p50 | p99 | **max** |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (let run = 1; run <= runs; run++) {
    let fini = false
    const debut = performance.now()
    const national = fetch(`${base}/api/optimisation/nationale`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(CORPS_NATIONAL) })
      .then(async (r) => {
        const corps = await r.json() as { ok: boolean; postesAttribues?: number; error?: string }
        if (!r.ok) throw new Error(`nationale : ${r.status} ${corps.error}`)
        return corps
      })
      .finally(() => { fini = true })
    const [resultat, sante, proches] = await Promise.all([national, sonder(base, () => '/api/sante', () => fini), sonder(base, proche, () => fini)])
    const duree = performance.now() - debut
    const s = [...sante].sort((a, b) => a - b)
    const p = [...proches].sort((a, b) => a - b)
    lignes.push(`| ${run} | ${ms(duree)} (${resultat.postesAttribues} postes) | ${s.length} | ${ms(q(s, 0.5))} | ${ms(q(s, 0.99))} | **${ms(s.at(-1)!)}** | ${p.length} | ${ms(q(p, 0.5))} | ${ms(q(p, 0.99))} | **${ms(p.at(-1)!)}** |`)
  }
  lignes.push('', `Server RSS after the runs: ${rssMo(pid).toFixed(0)} MB`)
  arreter()
  const rapport = lignes.join('\n')
  console.log(rapport)
  return rapport
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchCalculs()
