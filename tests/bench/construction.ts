/**
 * Benchmark of the national build (`npm run build:data`): builds into a temporary file, three runs,
 * and reports each step's duration. Run `npx tsx tests/bench/construction.ts` or from `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { construireBase } from '../../scripts/build-db.ts'
import { dossierSources, lireManifest } from '../../scripts/lib/sources.ts'

export async function benchConstruction(runs = 3): Promise<string> {
  const dossier = mkdtempSync(join(tmpdir(), 'maillage-bench-'))
  const durees: number[] = []
  try {
    for (let k = 0; k < runs; k++) {
      const r = construireBase({ sources: dossierSources(), sortie: join(dossier, 'base.sqlite'), silencieux: true })
      durees.push(r.dureeMs)
    }
  } finally {
    rmSync(dossier, { recursive: true, force: true })
  }
  const moyenne = durees.reduce((a, b) => a + b, 0) / durees.length
  const rapport = [
    `Construction nationale (34,969 communes, ${lireManifest().length} sources, centres et régions dérivés), ${runs} runs, Node ${process.version}:`,
    `min ${(Math.min(...durees) / 1000).toFixed(1)} s, mean ${(moyenne / 1000).toFixed(1)} s, runs ${durees.map((d) => (d / 1000).toFixed(1)).join(' / ')} s (goal ≤ 30 s).`,
  ].join('\n')
  console.log(rapport)
  return rapport
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await benchConstruction()
