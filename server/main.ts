import { existsSync, readFileSync } from 'node:fs'
import { join, normalize, resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { buildDeps, createApp } from './app.ts'
import { lireConfig } from './config.ts'
import { BaseIndisponible, ouvrirBase } from './db/open.ts'

/** Serves the API under /api and the built client (SPA: unknown paths get index.html). */
export function createServeur(cheminBase: string, dossierClient: string) {
  const db = ouvrirBase(cheminBase)
  const deps = buildDeps(db)
  // JSON, GeoJSON and tiles compress 5–10×: that is what keeps the first national view small.
  const app = new Hono().use('*', compress()).route('/api', createApp(deps))
  if (existsSync(join(dossierClient, 'index.html'))) {
    const index = readFileSync(join(dossierClient, 'index.html'), 'utf8')
    app.use('/*', serveStatic({ root: normalize(dossierClient) }))
    app.get('*', (c) => c.html(index))
  }
  return { app, deps }
}

function principal(): void {
  const config = lireConfig()
  let serveur: ReturnType<typeof createServeur>
  try {
    serveur = createServeur(config.MAILLAGE_BASE, config.MAILLAGE_CLIENT)
  } catch (e) {
    if (e instanceof BaseIndisponible) {
      console.error(`\n${e.message}\n`)
      process.exit(1)
    }
    throw e
  }
  serve({ fetch: serveur.app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`Maillage est servi sur http://localhost:${info.port}/`)
    setImmediate(() => serveur.deps.tuiles.prechauffer())
  })
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) principal()
