import { Hono } from 'hono'
import { z } from 'zod'
import type { LieuxDb } from '../db/lieux.ts'
import type { Moteur } from '../spatial/index.ts'
import { erreur } from './erreurs.ts'
import { presenterCommune } from './presentation.ts'
import { codeDepartement, entier, lireOffre, offre, rayonKm, valider } from './validation.ts'

export const MAX_ZONES_BLANCHES = 1000

export const Requete = z.object({
  departement: codeDepartement.optional(),
  rayonKm,
  offre,
  tri: z.enum(['population', 'ifn'], { message: 'tri doit valoir population ou ifn' }).default('population'),
  limit: entier('limit', 1, MAX_ZONES_BLANCHES, 100),
})

/** GET /api/zones-blanches: white-zone communes, nationally or in one département, by population or IFN. */
export const zonesBlanchesRoutes = (deps: { moteur: Moteur; lieux: LieuxDb }) =>
  new Hono().get('/', valider('query', Requete), (c) => {
    const { departement, rayonKm, offre: categories, tri, limit } = c.req.valid('query')
    const { masque, offre } = lireOffre(categories)
    const params = { rayonKm, masque }
    // Sorting by IFN needs every white zone; the engine caps by population, so ask it for all of them.
    const toutes = deps.moteur.zonesBlanches(params, { limit: Number.MAX_SAFE_INTEGER, ...(departement ? { departement } : {}) })
    if (!toutes) return c.json(erreur(404, `Département inconnu : ${departement}`), 404)
    const communes = [...toutes.communes]
    if (tri === 'ifn') communes.sort((a, b) => (b.ifn ?? -1) - (a.ifn ?? -1) || b.population - a.population || (a.code < b.code ? -1 : 1))
    return c.json({
      ok: true as const, rayonKm, offre, tri, total: toutes.total, truncated: toutes.total > limit,
      communes: communes.slice(0, limit).map((x) => presenterCommune(x, deps.lieux)),
    }, 200)
  })
