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

/**
 * GET /api/sante: the server is up, which import it serves, the vintage of the offre behind every figure, and
 * whether the accounts store answers: 503 when it does not (a load balancer then sends no one here).
 */
export const santeRoutes = (deps: { import: Import }, store: Readonly<{ verifier(): Promise<void> }>) => {
  const offre = millesimeOffre(deps.import)
  return new Hono().get('/', async (c) => {
    try {
      await store.verifier()
    } catch (e) {
      const cause = e instanceof Error ? e.message : String(e)
      return c.json({ ok: false as const, error: `La base des comptes ne répond pas (${cause})`, status: 503 as const, import: deps.import, comptes: 'injoignable' as const }, 503)
    }
    return c.json({ ok: true as const, import: deps.import, offre, comptes: 'joignable' as const }, 200)
  })
}
