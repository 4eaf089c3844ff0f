import { Hono } from 'hono'
import { z } from 'zod'
import type { LieuxDb } from '../db/lieux.ts'
import type { Moteur } from '../spatial/index.ts'
import { erreur } from './erreurs.ts'
import { presenterCommune } from './presentation.ts'
import { codeDepartement, dateEvolution, entier, lireOffre, offre, rayonKm, valider } from './validation.ts'
import type { Evolution } from '../evolution.ts'

export const MAX_ZONES_BLANCHES = 1000

const requete = (dates: readonly string[]) => z.object({
  departement: codeDepartement.optional(),
  rayonKm,
  offre,
  tri: z.enum(['population', 'ifn'], { message: 'tri doit valoir population ou ifn' }).default('population'),
  limit: entier('limit', 1, MAX_ZONES_BLANCHES, 100),
  date: dateEvolution(dates),
})

/** GET /api/zones-blanches: white-zone communes, nationally or in one département, by population or IFN. */
export const zonesBlanchesRoutes = (deps: { moteur: Moteur; lieux: LieuxDb; evolution: Evolution }) =>
  new Hono().get('/', valider('query', requete(deps.evolution.moteurs.dates)), (c) => {
    const { departement, rayonKm, offre: categories, tri, limit, date } = c.req.valid('query')
    const { masque, offre } = lireOffre(categories)
    const params = { rayonKm, masque }
    // `date`: the white zones of the lieux known then (GET /api/evolution).
    const { moteur, resume } = date === undefined ? { moteur: deps.moteur, resume: deps.lieux.resume } : deps.evolution.moteurs.get(date)!
    // Sorting by IFN needs every white zone; the engine caps by population, so ask it for all of them.
    const toutes = moteur.zonesBlanches(params, { limit: Number.MAX_SAFE_INTEGER, ...(departement ? { departement } : {}) })
    if (!toutes) return c.json(erreur(404, `Département inconnu : ${departement}`), 404)
    const communes = [...toutes.communes]
    if (tri === 'ifn') communes.sort((a, b) => (b.ifn ?? -1) - (a.ifn ?? -1) || b.population - a.population || (a.code < b.code ? -1 : 1))
    return c.json({
      ok: true as const, rayonKm, offre, tri, total: toutes.total, truncated: toutes.total > limit,
      communes: communes.slice(0, limit).map((x) => presenterCommune(x, { resume })),
    }, 200)
  })
