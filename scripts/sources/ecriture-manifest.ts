import { renameSync, rmSync, writeFileSync } from 'node:fs'
import type { Manifest } from '../lib/sources.ts'

/**
 * The manifest as data/sources.json lays it out: one key per line, arrays (`champs`) on one line, so that
 * an update shows in `git diff` as the few lines that changed.
 */
export function formaterManifest(manifest: Manifest): string {
  const valeur = (v: unknown) => (Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v))
  const entrees = manifest.sources.map((s) =>
    `    {\n${Object.entries(s).filter(([, v]) => v !== undefined).map(([k, v]) => `      ${JSON.stringify(k)}: ${valeur(v)}`).join(',\n')}\n    }`)
  return `{\n  "description": ${JSON.stringify(manifest.description)},\n  "sources": [\n${entrees.join(',\n')}\n  ]\n}\n`
}

/** Writes the manifest next to itself, then renames it into place: a reader sees the old file or the new one. */
export function ecrireManifest(chemin: string, manifest: Manifest): void {
  const temporaire = `${chemin}.tmp`
  try {
    writeFileSync(temporaire, formaterManifest(manifest))
    renameSync(temporaire, chemin)
  } catch (e) {
    rmSync(temporaire, { force: true })
    throw e
  }
}
