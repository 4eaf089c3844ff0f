import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { construireBase } from '../../../scripts/build-db.ts'
import { manifestPour } from '../../robustesse/helpers/sources.ts'

export const MINI = resolve(import.meta.dirname, '../../fixtures/sources-mini')

/** Builds the hand-written mini sources, with `schema` as the optional schéma source when given. */
export function construireMini(schema?: string): { dossier: string; chemin: string; db: Database.Database } {
  const dossier = mkdtempSync(join(tmpdir(), 'maillage-schema-'))
  cpSync(MINI, join(dossier, 'sources'), { recursive: true })
  writeFileSync(join(dossier, 'sources/communes-2026.geojson.gz'), gzipSync(readFileSync(join(MINI, 'communes-2026.geojson'))))
  rmSync(join(dossier, 'sources/communes-2026.geojson'))
  if (schema) cpSync(schema, join(dossier, 'sources/lieux-de-mediation-numerique.csv'))
  const chemin = join(dossier, 'base.sqlite')
  const sources = join(dossier, 'sources')
  construireBase({ sources, sortie: chemin, dossierCog: join(MINI, 'cog'), silencieux: true, manifest: manifestPour(sources) })
  return { dossier, chemin, db: new Database(chemin, { readonly: true }) }
}
