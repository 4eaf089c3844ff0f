import { timingSafeEqual } from 'node:crypto'
import { Hono, type MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { Calculs } from '../calculs/pool.ts'

/** Prometheus metrics of one server: its own registry, so that several servers in one process (tests) do not mix. */
export type Metriques = Readonly<{
  registre: Registry
  /** Counts and times every request, by method, matched route pattern (never the raw path: bounded labels) and status. */
  mesurerRequetes: MiddlewareHandler
  /** The same computations, timed by task type and outcome. */
  instrumenterCalculs(calculs: Calculs): Calculs
  /** One failed operation of the writable store (agents, sessions, scenarios). */
  erreurStore(operation: string): void
}>

const SECONDES = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

export function buildMetriques(chargeCalculs: () => Readonly<{ enAttente: number; enCours: number }>): Metriques {
  const registre = new Registry()
  collectDefaultMetrics({ register: registre, prefix: 'maillage_' })
  const requetes = new Counter({ name: 'maillage_requetes_total', help: 'Requêtes servies, par méthode, route et statut', labelNames: ['methode', 'route', 'statut'], registers: [registre] })
  const duree = new Histogram({ name: 'maillage_requete_duree_secondes', help: 'Durée des requêtes, par méthode et route', labelNames: ['methode', 'route'], buckets: SECONDES, registers: [registre] })
  new Gauge({
    name: 'maillage_calculs_en_attente', help: 'Calculs lourds en attente d\'un travailleur', registers: [registre],
    collect() { this.set(chargeCalculs().enAttente) },
  })
  new Gauge({
    name: 'maillage_calculs_en_cours', help: 'Calculs lourds en cours', registers: [registre],
    collect() { this.set(chargeCalculs().enCours) },
  })
  const calcul = new Histogram({ name: 'maillage_calcul_duree_secondes', help: 'Durée des calculs lourds (solveur, répartition nationale), file d\'attente comprise', labelNames: ['tache', 'issue'], buckets: SECONDES, registers: [registre] })
  const store = new Counter({ name: 'maillage_store_erreurs_total', help: 'Opérations en échec de la base des comptes', labelNames: ['operation'], registers: [registre] })

  return {
    registre,
    mesurerRequetes: async (c, next) => {
      const debut = performance.now()
      await next()
      const route = routePath(c)
      requetes.inc({ methode: c.req.method, route, statut: String(c.res.status) })
      duree.observe({ methode: c.req.method, route }, (performance.now() - debut) / 1000)
    },
    instrumenterCalculs: (calculs) => ({
      ...calculs,
      async executer(tache, options) {
        const fin = calcul.startTimer({ tache: tache.type })
        try {
          const r = await calculs.executer(tache, options)
          fin({ issue: 'ok' })
          return r
        } catch (e) {
          fin({ issue: e instanceof Error ? e.name : 'erreur' })
          throw e
        }
      },
    }),
    erreurStore: (operation) => store.inc({ operation }),
  }
}

const egal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/**
 * GET /metrics in Prometheus text format, for a scraper that presents `Authorization: Bearer <jeton>`
 * (MAILLAGE_METRIQUES_JETON). Without a configured token the route does not exist (404): metrics tell
 * traffic and load, which is not public information.
 */
export const metriquesRoutes = (metriques: Metriques, jeton: string | null) =>
  new Hono().get('/metrics', async (c) => {
    if (jeton === null) return c.json({ ok: false as const, error: 'Ressource inconnue : /metrics', status: 404 }, 404)
    const presente = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1] ?? ''
    if (!egal(presente, jeton))
      return c.json({ ok: false as const, error: 'Métriques réservées : jeton absent ou invalide (Authorization: Bearer …)', status: 401 }, 401, { 'WWW-Authenticate': 'Bearer' })
    return c.body(await metriques.registre.metrics(), 200, { 'Content-Type': metriques.registre.contentType, 'Cache-Control': 'no-store' })
  })
