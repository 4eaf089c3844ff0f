import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { assurerBase } from './assurer-base.ts'
import { assurerClient } from './assurer-client.ts'
import { dossierSources } from './lib/sources.ts'
import { lireConfig } from '../server/config.ts'

const racine = resolve(import.meta.dirname, '..')

/** npm start: (re)build the database and the client when missing or stale, then serve both. */
function principal(): void {
  const config = lireConfig()
  assurerBase(dossierSources(), config.MAILLAGE_BASE)
  assurerClient(config.MAILLAGE_CLIENT)
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(racine, 'server/main.ts')], { stdio: 'inherit', env: process.env })
  process.exit(r.status ?? 1)
}

try {
  principal()
} catch (e) {
  console.error(`\n${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
}
