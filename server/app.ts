import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type Database from 'better-sqlite3'
import { buildCalculs, type Calculs, type OptionsCalculs } from './calculs/pool.ts'
import { DELAIS_PAR_DEFAUT, type DelaisCalcul } from './calculs/delais.ts'
import { comptesEnMemoire, type DepsComptes } from './comptes/index.ts'
import type { VariablesSession } from './comptes/session.ts'
import { lireCoinsCarreaux } from './db/carreaux.ts'
import { lireContoursDepartements } from './db/contours.ts'
import { geometriesDb, type GeometriesDb } from './db/geometries.ts'
import { lireImport, type Import } from './db/imports.ts'
import { lieuxDb, type LieuxDb } from './db/lieux.ts'
import { territoiresDb, type TerritoiresDb } from './db/territoires.ts'
import { agentsRoutes } from './routes/agents.ts'
import { candidaturesRoutes } from './routes/candidatures.ts'
import { candidaturesSelectionRoutes } from './routes/candidatures-selection.ts'
import { miseEnRelationRoutes } from './routes/mise-en-relation.ts'
import { communesRoutes } from './routes/communes.ts'
import { connexionRoutes } from './routes/connexion.ts'
import { couvertureRoutes } from './routes/couverture.ts'
import { departementsRoutes } from './routes/departements.ts'
import { erreur } from './routes/erreurs.ts'
import { documentationRoutes } from './routes/documentation.ts'
import { geometriesRoutes } from './routes/geometries.ts'
import { documentOpenApi } from './openapi/document.ts'
import { lieuxRoutes } from './routes/lieux.ts'
import { lieuxSchemaRoutes } from './routes/lieux-schema.ts'
import { optimisationRoutes } from './routes/optimisation.ts'
import { santeRoutes } from './routes/sante.ts'
import { accessibiliteHorsFil } from './routes/accessibilite-hors-fil.ts'
import { filAccessibilite, type FilAccessibilite } from './calculs/fil-accessibilite.ts'
import { scenariosRoutes } from './routes/scenarios.ts'
import { simulationsRoutes } from './routes/simulations.ts'
import { zonesBlanchesRoutes } from './routes/zones-blanches.ts'
import { moteurDeLaBase } from './moteur-base.ts'
import { buildSimulateur, type Contour, type Moteur, type Simulateur } from './spatial/index.ts'
import { buildTuilesCarreaux, type TuilesCarreaux } from './tuiles/carreaux.ts'
import { buildTuilesCommunes, type TuilesCommunes } from './tuiles/communes.ts'
import { buildTuilesEtiquettes } from './tuiles/etiquettes.ts'
import { tuilesHorsFil } from './tuiles/hors-fil.ts'
import { etiquettesDb } from './db/etiquettes.ts'
import { evolutionDb } from './db/evolution.ts'
import { buildEvolution, type Evolution } from './evolution.ts'
import { evolutionRoutes } from './routes/evolution.ts'

export type Deps = Readonly<{
  import: Import
  territoires: TerritoiresDb
  lieux: LieuxDb
  geometries: GeometriesDb
  moteur: Moteur
  tuiles: TuilesCommunes
  /** The 1 km cells with their distances to the nearest lieu of each catégorie, as vector tiles. */
  tuilesCarreaux: TuilesCarreaux
  /** What-if simulations over `moteur`, and the département outlines their points are checked against. */
  simulateur: Simulateur
  contours: ReadonlyMap<string, Contour>
  /** Where heavy computations run (worker threads, or inline), and how long each caller may wait for one. */
  calculs: Calculs
  delais: DelaisCalcul
  /** Sources by date, and the engine of the lieux known at each date (built on first use). */
  evolution: Evolution
  /** With worker threads: the thread that walks half of a wide radius's 2SFCA beside the pool's worker. */
  filAccessibilite?: FilAccessibilite
}>

/** How heavy computations run: inline by default (tests); the server passes its configuration. */
export type OptionsDeps = Readonly<{ calculs?: OptionsCalculs; delais?: DelaisCalcul }>

/** Everything the routes need, built once from the read-only database: nothing is recomputed per request. */
export function buildDeps(db: Database.Database, options: OptionsDeps = {}): Deps {
  const { communes, territoires, moteur } = moteurDeLaBase(db)
  const geometries = geometriesDb(db)
  const lieuxDb_ = lieuxDb(db)
  return {
    import: lireImport(db),
    territoires: territoiresDb(db),
    lieux: lieuxDb_,
    geometries,
    moteur,
    // With worker threads the tiles get one of their own (their index would hold the main thread ≈ 1.2 s); inline otherwise.
    tuiles: (options.calculs?.travailleurs ?? 0) > 0
      ? tuilesHorsFil(db.name)
      : buildTuilesCommunes(geometries.communes, buildTuilesEtiquettes(etiquettesDb(db))),
    tuilesCarreaux: buildTuilesCarreaux({
      carreaux: moteur.carreaux,
      distancesCategories: moteur.distancesCarreaux,
      lireCoins: () => lireCoinsCarreaux(db),
      departementCommune: communes.departement,
    }),
    simulateur: buildSimulateur(moteur),
    contours: lireContoursDepartements(db),
    // Workers open the same read-only file themselves.
    calculs: buildCalculs(options.calculs ?? { travailleurs: 0, fileAttenteMax: 0 }, db.name, moteur),
    delais: options.delais ?? DELAIS_PAR_DEFAUT,
    evolution: buildEvolution(evolutionDb(db), communes, territoires, moteur, lieuxDb_),
    ...((options.calculs?.travailleurs ?? 0) > 0 ? { filAccessibilite: filAccessibilite(moteur.index) } : {}),
  }
}

/**
 * Whether an If-None-Match header names the import's entity tag: weak comparison (RFC 9110 § 13.1.2), so the weak tag
 * of a gzipped answer matches too, in a list or as `*`.
 */
export function correspond(ifNoneMatch: string | undefined, idImport: string): boolean {
  if (ifNoneMatch === undefined) return false
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim()
    return tag === '*' || (tag.startsWith('W/') ? tag.slice(2) : tag) === `"${idImport}"`
  })
}

/**
 * The API: one sub-app per resource. Answers carry an ETag from the import id (the data only changes
 * with a new import), and every error uses the envelope `{ ok: false, error, status }`.
 */
export function createApp(deps: Deps, comptes: DepsComptes = comptesEnMemoire()) {
  const etag = `"${deps.import.id}"`
  const espaceAgents = { ...comptes, moteur: deps.moteur, simulateur: deps.simulateur, contours: deps.contours }
  const horsFil = accessibiliteHorsFil(deps, deps.delais.publicMs)
  const app = new Hono<{ Variables: VariablesSession }>()
    .use('*', comptes.sessions.lire())
    // Agents' routes come before the ETag middleware: their answers depend on who asks and are never cached.
    .route('/', connexionRoutes(espaceAgents))
    .route('/scenarios', scenariosRoutes(espaceAgents))
    .route('/agents', agentsRoutes(espaceAgents))
    .route('/', candidaturesRoutes({ ...espaceAgents, territoires: deps.territoires, calculs: deps.calculs, delais: deps.delais }))
    .route('/', candidaturesSelectionRoutes({ ...espaceAgents, territoires: deps.territoires, calculs: deps.calculs, delais: deps.delais }))
    .route('/', miseEnRelationRoutes({ ...espaceAgents, territoires: deps.territoires, calculs: deps.calculs, delais: deps.delais }))
    .use('*', async (c, next) => {
      if (c.req.method === 'GET' && correspond(c.req.header('If-None-Match'), deps.import.id)) return c.body(null, 304, { ETag: etag })
      await next()
      if (c.req.method === 'GET' && c.res.status === 200) {
        // An answer already gzipped (memoised) is another representation of the same data: its ETag is weak.
        c.res.headers.set('ETag', c.res.headers.has('Content-Encoding') ? `W/${etag}` : etag)
        c.res.headers.set('Cache-Control', 'public, no-cache')
      }
    })
    // The 2SFCA of a radius and offre never asked runs in the computation pool before these routes compute the rest.
    .use('/couverture', horsFil)
    .use('/couverture.csv', horsFil)
    .use('/departements/:code/couverture', horsFil)
    .use('/departements/:code/communes', horsFil)
    .use('/departements/:code/communes.csv', horsFil)
    .use('/communes/:code/couverture', horsFil)
    .use('/zones-blanches', horsFil)
    // Its last point is today's figures: the pool computes their 2SFCA too; the earlier dates' engines are on this thread.
    .use('/evolution', horsFil)
    .route('/sante', santeRoutes(deps, comptes.comptes))
    .route('/', couvertureRoutes(deps))
    .route('/', evolutionRoutes(deps))
    .route('/', geometriesRoutes({ ...deps, departementExiste: (code) => deps.moteur.index.departementParCode.has(code) }))
    .route('/departements', departementsRoutes(deps))
    .route('/communes', communesRoutes(deps))
    .route('/zones-blanches', zonesBlanchesRoutes(deps))
    .route('/', lieuxSchemaRoutes(deps))
    .route('/lieux', lieuxRoutes(deps))
    .route('/simulations', simulationsRoutes(deps))
    .route('/optimisation', optimisationRoutes(deps))
    .route('/', documentationRoutes(documentOpenApi))
  app.notFound((c) => c.json(erreur(404, `Ressource inconnue : ${c.req.path}`), 404))
  app.onError((e, c) => {
    // An HTTPException keeps its own status (a 401, 403, 413 or 429 thrown by a middleware is not a bad parameter),
    // and the headers its response carries (Retry-After, WWW-Authenticate).
    if (e instanceof HTTPException) {
      const reponse = c.json({ ok: false as const, error: e.message || messageStatut(e.status), status: e.status }, e.status)
      if (e.res) for (const [nom, valeur] of e.res.headers) if (!/^content-/i.test(nom)) reponse.headers.set(nom, valeur)
      return reponse
    }
    console.error(e)
    return c.json(erreur(500, 'Erreur interne du serveur'), 500)
  })
  return app
}

/** The French message of an HTTPException thrown without one. */
function messageStatut(status: number): string {
  if (status === 401) return 'Connexion requise'
  if (status === 403) return 'Accès refusé'
  if (status === 404) return 'Ressource inconnue'
  if (status === 413) return 'Corps de requête trop volumineux'
  if (status === 429) return 'Trop de requêtes : réessayez plus tard'
  return status >= 500 ? 'Erreur interne du serveur' : 'Requête invalide'
}

export type AppType = ReturnType<typeof createApp>
