import { Hono } from 'hono'
import { z } from 'zod'
import type { LieuxDb } from '../db/lieux.ts'
import type { Moteur } from '../spatial/index.ts'
import { erreur } from './erreurs.ts'
import { presenterCommune } from './presentation.ts'
import { codeDepartement, dateEvolution, entier, lireOffre, methodeDe, methodeOuDate, offre, rayonKm, valider } from './validation.ts'
import type { Evolution } from '../evolution.ts'

export const MAX_ZONES_BLANCHES = 1000

export const requeteZonesBlanches = (dates: readonly string[]) => z.object({
  departement: codeDepartement.optional(),
  rayonKm,
  offre,
  methode: methodeOuDate,
  /** Default: the most uncovered inhabitants first with cells, the most populated with centres (the same list there). */
  tri: z.enum(['population', 'population-non-couverte', 'ifn'], { message: 'tri doit valoir population, population-non-couverte ou ifn' }).optional(),
  limit: entier('limit', 1, MAX_ZONES_BLANCHES, 100),
  date: dateEvolution(dates),
})

/** GET /api/zones-blanches: white-zone communes, nationally or in one département, by population or IFN. */
export const zonesBlanchesRoutes = (deps: { moteur: Moteur; lieux: LieuxDb; evolution: Evolution }) =>
  new Hono().get('/', valider('query', requeteZonesBlanches(deps.evolution.moteurs.dates)), (c) => {
    const q = c.req.valid('query')
    const m = methodeDe(q)
    if (!m.ok) return c.json(erreur(400, m.message), 400)
    const { methode } = m
    const { departement, rayonKm, offre: categories, limit, date } = q
    const tri = q.tri ?? (methode === 'carreaux' ? 'population-non-couverte' : 'population')
    const { masque, offre } = lireOffre(categories)
    const params = { rayonKm, masque }
    // `date`: the white zones of the lieux known then (GET /api/evolution), counted at commune centres.
    const { moteur, resume } = date === undefined ? { moteur: deps.moteur, resume: deps.lieux.resume } : deps.evolution.moteurs.get(date)!
    // Sorting by IFN needs every white zone; the engine caps by its own order, so ask it for all of them.
    const toutes = moteur.zonesBlanches(params, { limit: Number.MAX_SAFE_INTEGER, methode, ...(departement ? { departement } : {}) })
    if (!toutes) return c.json(erreur(404, `Département inconnu : ${departement}`), 404)
    const communes = [...toutes.communes]
    const parCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : 1)
    // The engine gives centres by population and cells by uncovered population (then population, code).
    if (tri === 'ifn') communes.sort((a, b) => (b.ifn ?? -1) - (a.ifn ?? -1) || b.population - a.population || parCode(a, b))
    else if (tri === 'population' && methode === 'carreaux') communes.sort((a, b) => b.population - a.population || parCode(a, b))
    else if (tri === 'population-non-couverte' && methode === 'centres') communes.sort((a, b) => b.population - a.population || parCode(a, b))
    return c.json({
      ok: true as const, rayonKm, offre, methode, tri, total: toutes.total, truncated: toutes.total > limit,
      communes: communes.slice(0, limit).map((x) => presenterCommune(x, { resume })),
    }, 200)
  })
