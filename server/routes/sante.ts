import { Hono } from 'hono'
import type { Import } from '../db/imports.ts'

/** The national consolidated file in the schéma des lieux de médiation numérique (optional source). */
export const JEU_SCHEMA_NATIONAL = 'lieux-mediation-numerique'

/** Which vintage of the offre the figures use: each lieux source's latest date_maj, and the national file's when present. */
export function millesimeOffre(imp: Import) {
  const sources = imp.sources
    .filter((s) => s.dateMajMax !== undefined)
    .map((s) => ({ jeu: s.jeu, fichier: s.fichier, millesime: s.millesime, dateMajMax: s.dateMajMax! }))
  const national = sources.find((s) => s.jeu === JEU_SCHEMA_NATIONAL)
  return { fichierNational: national ? { fichier: national.fichier, dateMajMax: national.dateMajMax } : null, sources }
}

/** GET /api/sante: the server is up, which import it serves, and the vintage of the offre behind every figure. */
export const santeRoutes = (deps: { import: Import }) => {
  const offre = millesimeOffre(deps.import)
  return new Hono().get('/', (c) => c.json({ ok: true as const, import: deps.import, offre }, 200))
}
