import type { MiddlewareHandler } from 'hono'
import type { Moteur } from '../spatial/index.ts'
import { lireOffre, methode, parametresCouverture } from './validation.ts'
import { CalculAnnule, type Calculs } from '../calculs/pool.ts'

/**
 * Before a GET whose figures (rayonKm, offre of its query) are not cached yet, has the 2SFCA accessibility of those
 * parameters computed by the pool (up to ~0.2 s at 100 km) and hands it to the engine: the route then runs as before,
 * on this thread, without the long part. Meanwhile this thread prepares the rest of those figures (the coverage and
 * its sums for the query's `methode`, `Moteur.preparer`), so that both parts run at once on two cores. Nothing to do when the pool is off (inline), the figures are cached, or the
 * query is invalid (the route's own validator answers it). When the pool cannot take the job (queue full, time
 * limit), the route computes it as before: the answer is late, never refused.
 */
export const accessibiliteHorsFil = (deps: Readonly<{ moteur: Moteur; calculs: Calculs }>, delaiMs: number): MiddlewareHandler =>
  async (c, next) => {
    // A `date` asks the engine of an earlier date (GET /api/evolution), whose data the workers do not hold.
    if (c.req.method !== 'GET' || deps.calculs.travailleurs === 0 || c.req.query('date') !== undefined) return next()
    const requete = parametresCouverture.extend({ methode }).safeParse({ rayonKm: c.req.query('rayonKm'), offre: c.req.query('offre'), methode: c.req.query('methode') })
    if (!requete.success) return next()
    const params = { rayonKm: requete.data.rayonKm, masque: lireOffre(requete.data.offre).masque }
    if (!deps.moteur.aCalculer(params)) return next()
    try {
      const calcul = deps.calculs.executer({ type: 'accessibilite', params }, { signal: c.req.raw.signal, delaiMs })
      deps.moteur.preparer(params, requete.data.methode)
      deps.moteur.fournirAccessibilite(params, await calcul)
    } catch (e) {
      // The client has gone: nobody to answer
      if (e instanceof CalculAnnule) return c.body(null, 503)
    }
    return next()
  }
