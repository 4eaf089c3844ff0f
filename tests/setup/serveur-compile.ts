import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { assurerServeur, construireServeur } from '../../scripts/assurer-serveur.ts'

const RACINE = resolve(import.meta.dirname, '../..')

/**
 * The server compiled as `npm start` runs it (scripts/assurer-serveur.ts), into a folder of its own under dist/ (its
 * packages resolve from the project's node_modules): test files running at once do not share one.
 */
export async function serveurCompile(nom: string): Promise<{ main: string; supprimer: () => void }> {
  const dossier = join(RACINE, 'dist', `serveur-${nom}-${process.pid}`)
  await construireServeur(dossier)
  return { main: join(dossier, 'main.js'), supprimer: () => rmSync(dossier, { recursive: true, force: true }) }
}

/**
 * The arguments of `node` that start our server as `npm start` does: compiled into dist/serveur (built here when
 * missing or stale; the tests' global setup builds it first). MAILLAGE_BENCH_SOURCES=1 starts it from the TypeScript
 * sources through tsx instead, to compare.
 */
export async function argumentsServeur(): Promise<string[]> {
  if (process.env.MAILLAGE_BENCH_SOURCES === '1') return ['--import', 'tsx', 'server/main.ts']
  const dossier = join(RACINE, 'dist/serveur')
  await assurerServeur(dossier, () => {})
  return ['--enable-source-maps', join(dossier, 'main.js')]
}
