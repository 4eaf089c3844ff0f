import { Hono } from 'hono'
import type { Import } from '../db/imports.ts'

/** GET /api/sante: the server is up and which import it serves. */
export const santeRoutes = (deps: { import: Import }) =>
  new Hono().get('/', (c) => c.json({ ok: true as const, import: deps.import }, 200))
