import { existsSync, readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { join, normalize, resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type MiddlewareHandler } from 'hono'
import { buildDeps, createApp, type OptionsDeps } from './app.ts'
import { prechaufferVueParDefaut } from './calculs/prechauffage.ts'
import { buildComptes, messageBaseComptes, type DepsComptes } from './comptes/index.ts'
import { lireConfig, optionsComptes, type Config } from './config.ts'
import { BaseIndisponible, ouvrirBase } from './db/open.ts'
import { arretGracieux } from './http/arret-gracieux.ts'
import { enteteInstance, nomInstance } from './http/instance.ts'
import { compression } from './routes/compression.ts'
import { buildJournal, journaliserRequetes } from './observabilite/journal.ts'
import { buildMetriques, metriquesRoutes } from './observabilite/metriques.ts'
import { entetesSecurite, gardesApi, type OptionsSecurite } from './securite/index.ts'
import type { Logger } from 'pino'
import { ajouterVary } from './securite/vary.ts'

/** The security settings of a configuration (defaults: those of an empty environment). */
export function optionsSecurite(config: Config = lireConfig({})): OptionsSecurite {
  return {
    originesCors: config.MAILLAGE_CORS_ORIGINES,
    originesCarte: config.MAILLAGE_CSP_ORIGINES_CARTE,
    originesIntegration: config.MAILLAGE_INTEGRATION_ORIGINES,
    requetesParMinute: config.MAILLAGE_LIMITE_REQUETES_MINUTE,
    rafale: config.MAILLAGE_LIMITE_RAFALE,
    octetsCorps: config.MAILLAGE_TAILLE_MAX_CORPS,
    octetsImport: config.MAILLAGE_TAILLE_MAX_IMPORT,
    caracteresUrl: config.MAILLAGE_TAILLE_MAX_URL,
    proxyDeConfiance: config.MAILLAGE_PROXY_DE_CONFIANCE,
  }
}

/**
 * Says `Vary: Accept-Encoding` on every answer, compressed or not (each depends on that header), on the response's
 * live headers: c.header() would rebuild the finished response as a full web Response (a measurable share of a
 * small answer's cost under load).
 */
const varyAcceptEncoding: MiddlewareHandler = async (c, next) => {
  await next()
  ajouterVary(c.res.headers, 'Accept-Encoding')
}

/**
 * Serves the API under /api and the built client (SPA: unknown paths get index.html), behind
 * security headers everywhere and, on /api, strict CORS, size limits and a per-client rate limit.
 */
/** What a server is made of besides its reference database and client; every part has a default for tests. */
export type OptionsServeur = Readonly<{
  securite?: Partial<OptionsSecurite>
  /** Agents' accounts; none: the API has no login. */
  comptes?: DepsComptes
  /** The computation pool and its time limits (default: inline). */
  calculs?: OptionsDeps
  /** Where the request log goes (default: nowhere). */
  journal?: Logger
  /** Token of /metrics (default: no /metrics). */
  jetonMetriques?: string | null
  /** Name in X-Maillage-Instance (default: host name and process id). */
  instance?: string
}>

export function createServeur(cheminBase: string, dossierClient: string, o: OptionsServeur = {}) {
  const db = ouvrirBase(cheminBase)
  const brutes = buildDeps(db, o.calculs ?? {})
  const metriques = buildMetriques(() => brutes.calculs.charge())
  const deps = { ...brutes, calculs: metriques.instrumenterCalculs(brutes.calculs) }
  const options = { ...optionsSecurite(), ...o.securite }
  const instance = o.instance ?? nomInstance('')
  const journal = o.journal ?? buildJournal('silent', instance)
  o.comptes?.suivreErreurs((operation) => {
    metriques.erreurStore(operation)
    journal.warn({ operation }, 'base des comptes : opération en échec')
  })
  // JSON, GeoJSON and tiles compress 5–10×: that is what keeps the first national view small.
  const app = new Hono()
    .use('*', journaliserRequetes(journal))
    .use('*', metriques.mesurerRequetes)
    .use('*', entetesSecurite(options.originesCarte, options.originesIntegration))
    .use('/api/*', ...gardesApi(options))
    .use('*', compression())
    .use('*', varyAcceptEncoding)
    .use('*', enteteInstance(instance))
    .route('/', metriquesRoutes(metriques, o.jetonMetriques ?? null))
    .route('/api', createApp(deps, o.comptes))
  if (existsSync(join(dossierClient, 'index.html'))) {
    const index = readFileSync(join(dossierClient, 'index.html'), 'utf8')
    app.use('/*', serveStatic({ root: normalize(dossierClient) }))
    app.get('*', (c) => c.html(index))
  }
  app.notFound((c) => c.json({ ok: false as const, error: `Ressource inconnue : ${c.req.path}`, status: 404 }, 404))
  app.onError((e, c) => {
    journal.error({ err: e, chemin: c.req.path }, 'erreur interne')
    return c.json({ ok: false as const, error: 'Erreur interne du serveur', status: 500 }, 500)
  })
  return { app, deps, db, metriques }
}

/** Startup failures a user can fix (configuration, database): one French message and exit code 1, no stack trace. */
function arreter(message: string): never {
  console.error(`\n${message}\n`)
  process.exit(1)
}

async function principal(): Promise<void> {
  let config: Config
  try {
    config = lireConfig()
  } catch (e) {
    arreter(e instanceof Error ? e.message : String(e))
  }
  let comptes: DepsComptes
  try {
    comptes = await buildComptes(optionsComptes(config))
  } catch (e) {
    arreter(messageBaseComptes(config.MAILLAGE_BASE_COMPTES, e))
  }
  let serveur: ReturnType<typeof createServeur>
  try {
    const instance = nomInstance(config.MAILLAGE_INSTANCE)
    serveur = createServeur(config.MAILLAGE_BASE, config.MAILLAGE_CLIENT, {
      securite: optionsSecurite(config),
      comptes,
      calculs: {
        calculs: { travailleurs: config.MAILLAGE_TRAVAILLEURS, fileAttenteMax: config.MAILLAGE_FILE_ATTENTE_MAX },
        delais: { publicMs: config.MAILLAGE_DELAI_PUBLIC_MS, agentMs: config.MAILLAGE_DELAI_AGENT_MS },
      },
      journal: buildJournal(config.MAILLAGE_JOURNAL, instance),
      jetonMetriques: config.MAILLAGE_METRIQUES_JETON,
      instance,
    })
  } catch (e) {
    if (e instanceof BaseIndisponible) arreter(e.message)
    // The file opened and passed its checks but its tables do not read as this version expects (older schema…).
    if (e instanceof Error && e.name === 'SqliteError')
      arreter(`La base de référence ${config.MAILLAGE_BASE} ne correspond pas à cette version de Maillage (${e.message}). ` +
        'Reconstruisez-la avec « npm run build:data ».')
    throw e
  }
  // Once the instance stops, the pool ends the warm-up's task: that is not a failure worth a message.
  let enArret = false
  const http = serve({ fetch: serveur.app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`Maillage est servi sur http://localhost:${info.port}/`)
    setImmediate(() => {
      serveur.deps.tuiles.prechauffer()
      // The 2SFCA thread copies its data from this thread: started once the opening view is computed, out of the way of the first requests.
      prechaufferVueParDefaut(serveur.deps)
        .catch((e: unknown) => {
          if (!enArret) console.error('préchauffage de la vue par défaut en échec :', e)
        })
        .finally(() => serveur.deps.filAccessibilite?.prechauffer())
    })
  }).on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') arreter(`Le port ${config.PORT} est déjà utilisé : arrêtez l'autre serveur ou choisissez un autre PORT.`)
    throw e
  })
  arretGracieux(http as Server, {
    delaiMs: config.MAILLAGE_DELAI_ARRET_SECONDES * 1000,
    fermer: async () => {
      enArret = true
      await serveur.deps.calculs.fermer()
      await serveur.deps.tuiles.fermer()
      await serveur.deps.filAccessibilite?.fermer()
      serveur.db.close()
      await comptes.comptes.fermer()
    },
  })
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) void principal()
