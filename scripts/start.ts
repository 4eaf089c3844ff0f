import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { assurerBase } from './assurer-base.ts'
import { dossierSources } from './lib/sources.ts'
import { lireConfig } from '../server/config.ts'

const racine = resolve(import.meta.dirname, '..')

/** npm start: (re)build the database when needed, build the client if missing, then serve both. */
function principal(): void {
  const config = lireConfig()
  assurerBase(dossierSources(), config.MAILLAGE_BASE)
  if (!existsSync(join(config.MAILLAGE_CLIENT, 'index.html'))) {
    console.log('Construction du client (vite build)…')
    const r = spawnSync('npx', ['vite', 'build'], { cwd: racine, stdio: 'inherit' })
    if (r.status !== 0) throw new Error('La construction du client a échoué')
  }
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(racine, 'server/main.ts')], { stdio: 'inherit', env: process.env })
  process.exit(r.status ?? 1)
}

try {
  principal()
} catch (e) {
  console.error(`\n${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
}
