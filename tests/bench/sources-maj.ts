/**
 * Benchmark of `npm run sources:maj` on the whole bundle, against a mirror on 127.0.0.1 serving the real
 * data/sources files (gzipped, as stored). The bundle and manifest are copied to a temporary folder first:
 * the real ones are never touched. Two cases:
 * - unchanged: the manifest as shipped, every download has the recorded sha256 (nothing is parsed or written);
 * - replaced: the temporary manifest has no sha256, so every file is parsed with the build's readers,
 *   compared with the previous copy, gzipped and installed, and the manifest rewritten.
 * Run `npx tsx tests/bench/sources-maj.ts` or from `npm run bench`.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CHEMIN_MANIFEST, DOSSIER_SOURCES_DEFAUT, lireManifestComplet } from '../../scripts/lib/sources.ts'
import { formaterManifest } from '../../scripts/sources/ecriture-manifest.ts'
import { mettreAJourSources } from '../../scripts/sources/mise-a-jour.ts'
import { demarrerMiroir } from '../robustesse/helpers/miroir.ts'

async function uneMesure(miroir: string, sansEmpreintes: boolean): Promise<{ ms: number; etats: string }> {
  const racine = mkdtempSync(join(tmpdir(), 'maillage-bench-maj-'))
  try {
    const dossier = join(racine, 'sources')
    cpSync(DOSSIER_SOURCES_DEFAUT, dossier, { recursive: true })
    const manifest = lireManifestComplet(CHEMIN_MANIFEST)
    const sources = sansEmpreintes ? manifest.sources.map(({ sha256: _s, ...s }) => s) : manifest.sources
    writeFileSync(join(racine, 'sources.json'), formaterManifest({ ...manifest, sources }))
    const debut = performance.now()
    const r = await mettreAJourSources(dossier, join(racine, 'sources.json'), { miroir, journal: () => {}, barre: false })
    const ms = performance.now() - debut
    const compte = new Map<string, number>()
    for (const x of r) compte.set(x.etat, (compte.get(x.etat) ?? 0) + 1)
    return { ms, etats: [...compte].map(([e, n]) => `${n} ${e}`).join(', ') }
  } finally {
    rmSync(racine, { recursive: true, force: true })
  }
}

export async function benchSourcesMaj(runs = 3): Promise<string> {
  const miroir = await demarrerMiroir(DOSSIER_SOURCES_DEFAUT)
  const lignes: string[] = [`sources:maj, whole bundle (15 files, 5.3 MB gzipped) from a mirror on 127.0.0.1, ${runs} runs, Node ${process.version}:`]
  try {
    for (const [nom, sansEmpreintes] of [['unchanged', false], ['replaced', true]] as const) {
      const mesures = []
      for (let k = 0; k < runs; k++) mesures.push(await uneMesure(miroir.url, sansEmpreintes))
      const ms = mesures.map((m) => m.ms)
      const moyenne = ms.reduce((a, b) => a + b, 0) / ms.length
      lignes.push(`- ${nom} (${mesures[0]!.etats}): min ${(Math.min(...ms) / 1000).toFixed(2)} s, mean ${(moyenne / 1000).toFixed(2)} s, ` +
        `runs ${ms.map((m) => (m / 1000).toFixed(2)).join(' / ')} s`)
    }
  } finally {
    await miroir.fermer()
  }
  const rapport = lignes.join('\n')
  console.log(rapport)
  return rapport
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await benchSourcesMaj()
