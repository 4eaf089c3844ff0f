import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import pino, { type Logger } from 'pino'

export type NiveauJournal = 'debug' | 'info' | 'warn' | 'error' | 'silent'

/**
 * JSON lines on stdout (pino), one object per event; `silent` writes nothing. Written asynchronously: lines logged
 * while a write is under way go out together in the next one (one write per request cost ~10 % of a nearest-lieux
 * request's main-thread time under load); whatever is buffered is written synchronously when the process exits.
 */
export function buildJournal(niveau: NiveauJournal, instance: string): Logger {
  const options = { level: niveau, base: { instance }, messageKey: 'message', timestamp: pino.stdTimeFunctions.isoTime }
  return niveau === 'silent' ? pino(options) : pino(options, pino.destination({ dest: 1, sync: false }))
}

/** A request id that a proxy may have set already: kept when it is a plain token, else replaced (no log injection). */
const ID_ACCEPTABLE = /^[A-Za-z0-9._:-]{1,64}$/

/**
 * Gives each request an id, echoed in `X-Request-Id` (taken from the request when a proxy set a plain one), and
 * writes one line per request: id, method, path without its query string (it can hold a citizen's position),
 * matched route, status and duration in ms.
 */
export const journaliserRequetes = (journal: Logger): MiddlewareHandler => async (c, next) => {
  const debut = performance.now()
  const recu = c.req.header('X-Request-Id')
  const id = recu !== undefined && ID_ACCEPTABLE.test(recu) ? recu : randomUUID()
  await next()
  // Set on the live headers: c.header() after next() would rebuild the whole response
  c.res.headers.set('X-Request-Id', id)
  journal.info({ requete: id, methode: c.req.method, chemin: c.req.path, route: routePath(c), statut: c.res.status, dureeMs: Math.round((performance.now() - debut) * 100) / 100 }, 'requête')
}
