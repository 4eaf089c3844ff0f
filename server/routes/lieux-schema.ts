import { Hono } from 'hono'
import { z } from 'zod'
import type { LieuxDb } from '../db/lieux.ts'
import type { TerritoiresDb } from '../db/territoires.ts'
import { versLigneSchema } from '../domain/lieu-vers-schema.ts'
import { COLONNES_SCHEMA, type LigneSchema } from '../domain/schema-mediation.ts'
import { enTeteCsv, versCsvRfc4180 } from './csv.ts'
import { erreur } from './erreurs.ts'
import { codeDepartement, valider } from './validation.ts'

export const ParametresExport = z.object({ departement: codeDepartement.optional() })

/**
 * GET /api/lieux.csv and /api/lieux.json: every lieu Maillage knows, in the schéma des lieux de médiation numérique
 * (its field names, its column order), for France or one département. Each answer is built once: the data only
 * changes with a new import
 * (at most two answers per département, ~8 MB for France).
 */
export const lieuxSchemaRoutes = (deps: { lieux: LieuxDb; territoires: TerritoiresDb }) => {
  const memoire = new Map<string, string>()
  const corps = (format: 'csv' | 'json', departement: string | null): string => {
    const cle = `${format}:${departement ?? ''}`
    let texte = memoire.get(cle)
    if (texte === undefined) {
      const lignes: LigneSchema[] = deps.lieux.exportables(departement).map(versLigneSchema)
      texte = format === 'csv' ? versCsvRfc4180(COLONNES_SCHEMA, lignes) : JSON.stringify(lignes)
      memoire.set(cle, texte)
    }
    return texte
  }
  const inconnu = (code: string | undefined) => code !== undefined && deps.territoires.departement(code) === undefined
  return new Hono()
    .get('/lieux.csv', valider('query', ParametresExport), (c) => {
      const { departement } = c.req.valid('query')
      if (inconnu(departement)) return c.json(erreur(404, `Département inconnu : ${departement}`), 404)
      return c.body(corps('csv', departement ?? null), 200,
        enTeteCsv(`lieux-de-mediation-numerique-${departement ?? 'france'}.csv`))
    })
    .get('/lieux.json', valider('query', ParametresExport), (c) => {
      const { departement } = c.req.valid('query')
      if (inconnu(departement)) return c.json(erreur(404, `Département inconnu : ${departement}`), 404)
      // The schéma's JSON file is a bare array of lieux, as published on data.gouv.fr: no envelope.
      return c.body(corps('json', departement ?? null), 200, { 'Content-Type': 'application/json; charset=utf-8' })
    })
}
