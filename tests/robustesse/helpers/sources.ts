import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { cheminSource, contenuSource, empreinteSha256, lireManifest, type EntreeManifest } from '../../../scripts/lib/sources.ts'

export const FIXTURE = resolve(import.meta.dirname, '../../fixtures/sources-mini')
export const COG_MINI = join(FIXTURE, 'cog')

/** A fresh copy of the hand-written mini sources, shaped like the bundle (the commune layer gzipped). */
export function copieSourcesMini(): string {
  const dossier = join(mkdtempSync(join(tmpdir(), 'maillage-defaut-')), 'sources')
  cpSync(FIXTURE, dossier, { recursive: true })
  writeFileSync(join(dossier, 'communes-2026.geojson.gz'), gzipSync(readFileSync(join(FIXTURE, 'communes-2026.geojson'))))
  rmSync(join(dossier, 'communes-2026.geojson'))
  return dossier
}

/**
 * The project's manifest with the sizes and checksums of the files of another sources directory
 * (the mini fixtures are not the bundle): what `npm run sources:maj` would write for them.
 */
export function manifestPour(dossier: string, manifest: readonly EntreeManifest[] = lireManifest()): EntreeManifest[] {
  return manifest.map((s) => {
    const chemin = s.fichier.startsWith('npm:') ? undefined : cheminSource(dossier, s.fichier)
    if (!chemin) return s
    try {
      const contenu = contenuSource(chemin)
      return { ...s, sha256: empreinteSha256(contenu), octets: contenu.length }
    } catch {
      // A file that does not even decompress: no checksum to give, the build names it when it reads it.
      const { sha256: _sha256, octets: _octets, ...sansEmpreinte } = s
      return sansEmpreinte
    }
  })
}
