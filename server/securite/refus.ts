import type { Context } from 'hono'

export type StatutRefus = 403 | 413 | 414 | 429

/** The API's error envelope `{ ok: false, error, status }` for the refusals decided before any route runs. */
export const refus = (c: Context, status: StatutRefus, error: string, entetes: Record<string, string> = {}) =>
  c.json({ ok: false as const, error, status }, status, entetes)
