import type { Context, MiddlewareHandler } from 'hono'
import { refus } from './refus.ts'

export type OptionsLimiteDebit = Readonly<{
  /** Sustained rate allowed to one client; 0 turns the limiter off. */
  requetesParMinute: number
  /** Requests a client may send at once (a map view fetches dozens of tiles together). */
  rafale: number
  /** Which client a request comes from (its IP address). */
  cleClient: (c: Context) => string
  /** Clients tracked at most; beyond, the ones idle longest are forgotten (bounded memory). */
  maxClients?: number
  /** Clock in ms, injectable so tests need not wait. */
  maintenant?: () => number
}>

type Seau = { jetons: number; majMs: number }

/**
 * Per-client rate limit as a token bucket: each client holds up to `rafale` tokens, refilled at
 * `requetesParMinute`; a request spends one. With no token left the answer is 429 with Retry-After,
 * the whole seconds until the next token.
 */
export function limiteDebit(options: OptionsLimiteDebit): MiddlewareHandler {
  const { requetesParMinute, rafale, cleClient } = options
  if (requetesParMinute === 0) return (_c, next) => next()
  if (!(requetesParMinute > 0) || !(rafale >= 1)) throw new Error(`limiteDebit: requetesParMinute (${requetesParMinute}) must be ≥ 0 and rafale (${rafale}) ≥ 1`)
  const maxClients = options.maxClients ?? 100_000
  const maintenant = options.maintenant ?? (() => performance.now())
  const jetonsParMs = requetesParMinute / 60_000
  const seaux = new Map<string, Seau>()

  const oublierInactifs = (t: number) => {
    // Map order is insertion order and every hit re-inserts, so the first entries are the idle ones.
    for (const [cle, s] of seaux) {
      if (seaux.size <= maxClients * 0.9 && s.jetons + (t - s.majMs) * jetonsParMs < rafale) break
      seaux.delete(cle)
    }
  }

  return async (c, next) => {
    const t = maintenant()
    const cle = cleClient(c)
    const seau = seaux.get(cle) ?? { jetons: rafale, majMs: t }
    seaux.delete(cle)
    seau.jetons = Math.min(rafale, seau.jetons + (t - seau.majMs) * jetonsParMs)
    seau.majMs = t
    seaux.set(cle, seau)
    if (seaux.size > maxClients) oublierInactifs(t)
    if (seau.jetons < 1) {
      const attenteS = Math.max(1, Math.ceil((1 - seau.jetons) / jetonsParMs / 1000))
      return refus(c, 429, `Trop de requêtes : ${requetesParMinute} par minute au plus (rafales de ${rafale}). Réessayez dans ${attenteS} s.`,
        { 'Retry-After': String(attenteS) })
    }
    seau.jetons -= 1
    await next()
  }
}
