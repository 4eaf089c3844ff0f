// The third target of `npm run bench:load`: our /api/lieux/proches route alone (the same handler, validation, search
// and answer) on Hono through @hono/node-server, without any of the server's shared layers (request log, metrics,
// security headers, limits, CORS, session, ETag). What the route itself costs, between the floor and the whole server.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { buildDeps } from '../../server/app.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { lieuxRoutes } from '../../server/routes/lieux.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

const deps = buildDeps(ouvrirBase(CHEMIN_BASE_NATIONALE))
const app = new Hono().route('/api/lieux', lieuxRoutes(deps))
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('prêt'))
