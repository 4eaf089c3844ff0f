import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { assurerServeur } from '../../scripts/assurer-serveur.ts'

const RACINE = resolve(import.meta.dirname, '../..')

/** Resident memory of a process, in MB, read from /proc (Linux). */
export const rssMo = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024

/**
 * The arguments of `node` that start our server as `npm start` does: compiled into dist/serveur (built here when
 * missing or stale). MAILLAGE_BENCH_SOURCES=1 starts it from the TypeScript sources through tsx instead, to compare.
 */
export async function argumentsServeur(): Promise<string[]> {
  if (process.env.MAILLAGE_BENCH_SOURCES === '1') return ['--import', 'tsx', 'server/main.ts']
  const dossier = join(RACINE, 'dist/serveur')
  await assurerServeur(dossier, () => {})
  return ['--enable-source-maps', join(dossier, 'main.js')]
}
