import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const racine = resolve(import.meta.dirname, '..')

/** Latest modification among the client sources and the build configuration. */
function dateSourcesClient(): number {
  const fichiers = readdirSync(join(racine, 'client'), { recursive: true, encoding: 'utf8' }).map((f) => join(racine, 'client', f))
  return Math.max(...[...fichiers, join(racine, 'vite.config.ts'), join(racine, 'package-lock.json')].map((f) => statSync(f).mtimeMs))
}

/**
 * Builds the client into `dossier` when it is missing or older than its sources. The build is always a
 * production one: under vitest NODE_ENV is 'test', and a bundle built with it runs React in development
 * mode (StrictMode double effects, slower rendering), which is not what the tests must check.
 */
export function assurerClient(dossier: string, journal: (ligne: string) => void = console.log): boolean {
  const index = join(dossier, 'index.html')
  if (existsSync(index) && statSync(index).mtimeMs >= dateSourcesClient() && process.env.MAILLAGE_REBUILD !== '1') return false
  journal('Construction du client (vite build)…')
  const r = spawnSync('npx', ['vite', 'build', '--outDir', dossier], { cwd: racine, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0) throw new Error(`La construction du client a échoué (vite build, code ${r.status})`)
  return true
}
