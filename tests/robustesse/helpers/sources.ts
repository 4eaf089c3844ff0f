import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

export const FIXTURE = resolve(import.meta.dirname, '../../fixtures/sources-mini')
export const COG_MINI = join(FIXTURE, 'cog')

/** A fresh copy of the hand-written mini sources, shaped like the national directory (gzipped commune layer). */
export function copieSourcesMini(): string {
  const dossier = join(mkdtempSync(join(tmpdir(), 'maillage-defaut-')), 'sources')
  cpSync(FIXTURE, dossier, { recursive: true })
  writeFileSync(join(dossier, 'communes-2026.geojson.gz'), gzipSync(readFileSync(join(FIXTURE, 'communes-2026.geojson'))))
  return dossier
}
