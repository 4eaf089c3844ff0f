import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { assurerBase } from './assurer-base.ts'
import { assurerClient } from './assurer-client.ts'
import { assurerServeur } from './assurer-serveur.ts'
import { dossierSources } from './lib/sources.ts'
import { lireConfig } from '../server/config.ts'

const racine = resolve(import.meta.dirname, '..')

/**
 * npm start: (re)build the database, the client and the compiled server when missing or stale, then serve. The
 * server runs compiled (dist/serveur): no TypeScript to load at each start.
 */
async function principal(): Promise<void> {
  const config = lireConfig()
  assurerBase(dossierSources(), config.MAILLAGE_BASE)
  assurerClient(config.MAILLAGE_CLIENT)
  const serveur = join(racine, 'dist/serveur')
  await assurerServeur(serveur)
  const r = spawnSync(process.execPath, ['--enable-source-maps', join(serveur, 'main.js')], { stdio: 'inherit', env: process.env })
  process.exit(r.status ?? 1)
}

try {
  await principal()
} catch (e) {
  console.error(`\n${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
}
