import { hostname } from 'node:os'
import type { MiddlewareHandler } from 'hono'

/** The name an instance answers under: MAILLAGE_INSTANCE, or its host and process id. */
export const nomInstance = (configure: string): string => configure !== '' ? configure : `${hostname()}-${process.pid}`

/**
 * Says which instance answered (`X-Maillage-Instance`), so that behind a load balancer an operator (and the
 * tests) can tell them apart. Set on the response's live headers, as Vary is, so that no answer is rebuilt.
 */
export const enteteInstance = (nom: string): MiddlewareHandler => async (c, next) => {
  await next()
  c.res.headers.set('X-Maillage-Instance', nom)
}
