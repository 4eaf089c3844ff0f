import { existsSync, readFileSync } from 'node:fs'
import { join, normalize, resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { buildDeps, createApp } from './app.ts'
import { lireConfig } from './config.ts'
import { BaseIndisponible, ouvrirBase } from './db/open.ts'

/** Serves the API under /api and the built client (SPA: unknown paths get index.html). */
export function createServeur(cheminBase: string, dossierClient: string) {
  const db = ouvrirBase(cheminBase)
  const api = createApp(buildDeps(db))
  const app = new Hono().route('/api', api)
  if (existsSync(join(dossierClient, 'index.html'))) {
    const index = readFileSync(join(dossierClient, 'index.html'), 'utf8')
    app.use('/*', serveStatic({ root: normalize(dossierClient) }))
    app.get('*', (c) => c.html(index))
  }
  return app
}

function principal(): void {
  const config = lireConfig()
  let app: ReturnType<typeof createServeur>
  try {
    app = createServeur(config.MAILLAGE_BASE, config.MAILLAGE_CLIENT)
  } catch (e) {
    if (e instanceof BaseIndisponible) {
      console.error(`\n${e.message}\n`)
      process.exit(1)
    }
    throw e
  }
  serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`Maillage est servi sur http://localhost:${info.port}/`)
  })
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) principal()
