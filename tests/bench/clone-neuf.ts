/**
 * `npm run bench:clone`: what a newcomer lives through. Clones this repository into an empty temporary
 * folder (no sibling folder of any kind), runs `npm ci`, then `npm start` until /api/sante answers,
 * and reports each duration and the disk used. Needs the npm registry (nothing else) and about 3 minutes.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const RACINE = resolve(import.meta.dirname, '../..')
const PORT = 18_090

const secondes = (debut: number) => ((performance.now() - debut) / 1000).toFixed(1)
const taille = (chemin: string) => execFileSync('du', ['-sh', chemin], { encoding: 'utf8' }).split('\t')[0]

async function attendreSante(limiteMs: number): Promise<void> {
  const fin = Date.now() + limiteMs
  while (Date.now() < fin) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/sante`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 250))
  }
  throw new Error(`/api/sante n'a pas répondu en ${limiteMs / 1000} s`)
}

const parent = mkdtempSync(join(tmpdir(), 'maillage-clone-'))
const clone = join(parent, 'maillage')
try {
  execFileSync('git', ['clone', '--quiet', RACINE, clone])
  let debut = performance.now()
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: clone, stdio: 'ignore' })
  const installation = secondes(debut)
  debut = performance.now()
  // The clone's own defaults: no sources, base or client folder inherited from this shell
  const { MAILLAGE_SOURCES: _s, MAILLAGE_BASE: _b, MAILLAGE_CLIENT: _c, ...env } = process.env
  const serveur = spawn('npm', ['start'], { cwd: clone, env: { ...env, PORT: String(PORT) }, stdio: 'ignore', detached: true })
  try {
    await attendreSante(600_000)
  } finally {
    process.kill(-serveur.pid!, 'SIGTERM')
  }
  const demarrage = secondes(debut)
  console.log([
    `Clone neuf (${new Date().toISOString().slice(0, 10)}, Node ${process.version}) :`,
    `  npm ci : ${installation} s ; premier npm start (base + client construits, puis /api/sante) : ${demarrage} s`,
    `  disque : dépôt ${taille(join(clone, '.git'))} (.git), node_modules ${taille(join(clone, 'node_modules'))}, data ${taille(join(clone, 'data'))}, dist ${taille(join(clone, 'dist'))}, en tout ${taille(clone)}`,
  ].join('\n'))
} finally {
  rmSync(parent, { recursive: true, force: true })
}
