import type { MiddlewareHandler } from 'hono'
import { finirAccessibiliteArbre, parVoisinages, type Moteur, type ParametresCouverture } from '../spatial/index.ts'
import { lireOffre, methode, parametresCouverture } from './validation.ts'
import { CalculAnnule, type Calculs } from '../calculs/pool.ts'
import type { FilAccessibilite } from '../calculs/fil-accessibilite.ts'

type Deps = Readonly<{ moteur: Moteur; calculs: Calculs; filAccessibilite?: FilAccessibilite | undefined }>
type Options = Readonly<{ signal: AbortSignal; delaiMs: number }>

/**
 * Before a GET whose figures (rayonKm, offre of its query) are not cached yet, has the 2SFCA accessibility of those
 * parameters computed off this thread and hands it to the engine: the route then runs as before, on this thread,
 * without the long part. Meanwhile this thread prepares the rest of those figures (the coverage and its sums for the
 * query's `methode`, `Moteur.preparer`), so that both run at once. A radius read from the neighbour lists (up to
 * 20 km, a few ms) is one task of the pool; a wider one walks the commune tree (up to ≈ 150 ms at 100 km on one core),
 * and its two halves run at once, one in the pool, one in the 2SFCA thread (`filAccessibilite`), added up here.
 * Nothing to do when the pool is off (inline), the figures are cached, or the query is invalid (the route's own
 * validator answers it). When the pool or the thread cannot do their part (queue full, time limit, thread gone), the
 * route computes it as before: the answer is late, never refused.
 */
export const accessibiliteHorsFil = (deps: Deps, delaiMs: number): MiddlewareHandler =>
  async (c, next) => {
    // A `date` asks the engine of an earlier date (GET /api/evolution), whose data the workers do not hold.
    if (c.req.method !== 'GET' || deps.calculs.travailleurs === 0 || c.req.query('date') !== undefined) return next()
    const requete = parametresCouverture.extend({ methode }).safeParse({ rayonKm: c.req.query('rayonKm'), offre: c.req.query('offre'), methode: c.req.query('methode') })
    if (!requete.success) return next()
    const params = { rayonKm: requete.data.rayonKm, masque: lireOffre(requete.data.offre).masque }
    if (!deps.moteur.aCalculer(params)) return next()
    try {
      const calcul = accessibilite(deps, params, { signal: c.req.raw.signal, delaiMs })
      deps.moteur.preparer(params, requete.data.methode)
      const { accessibilite: valeurs, medianes } = await calcul
      deps.moteur.fournirAccessibilite(params, valeurs, medianes)
    } catch (e) {
      // The client has gone: nobody to answer
      if (e instanceof CalculAnnule) return c.body(null, 503)
    }
    return next()
  }

/**
 * The 2SFCA of these parameters, computed by the pool with its medians, or by the pool and the 2SFCA thread at once
 * for a wide radius (the medians, ≈ 3 ms, are then left to the route: the walk took far longer).
 */
async function accessibilite(deps: Deps, params: ParametresCouverture, options: Options): Promise<{ accessibilite: Float64Array; medianes?: Float64Array[] }> {
  if (parVoisinages(params.rayonKm) || deps.filAccessibilite === undefined)
    return deps.calculs.executer({ type: 'accessibilite', params }, options)
  const parties = await Promise.all([
    deps.calculs.executer({ type: 'accessibilite-partie', params, partie: 0 }, options),
    deps.filAccessibilite.contributions(params, 1),
  ])
  return { accessibilite: finirAccessibiliteArbre(deps.moteur.index, parties) }
}
