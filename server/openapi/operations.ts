import { z } from 'zod'
import {
  AgentSupprime, Deconnexion, ImportCandidatures, ImportRefuse, ListeCandidatures, MiseEnRelation, Moi, ReponseAgent, ReponseAgents,
  ReponseCandidature, ReponseScenario, ReponseScenarios, SelectionCandidatures, Supprime,
} from '../contrat/comptes.ts'
import { CommunesCouverture, CouvertureDepartement, CouvertureNationale, CouvertureUneCommune, ZonesBlanches, Evolution } from '../contrat/couverture.ts'
import {
  CollectionLieux, ContoursCommunes, ContoursDepartements, ContoursRegions, LieuxProches, LieuxSchemaMediation, ReponseLieu,
} from '../contrat/lieux.ts'
import { Optimisation, OptimisationNationale, Simulation } from '../contrat/planification.ts'
import { Sante, SanteIndisponible } from '../contrat/sante.ts'
import { ReponseCommune, ReponseDepartement, ReponseDepartements, ReponseRecherche } from '../contrat/territoires.ts'
import { CorpsAgent, ParamEmail } from '../routes/agents.ts'
import { CorpsAvis, CorpsJsonImport, ParamId as ParamCandidature, QueryImport, QueryListe } from '../routes/candidatures.ts'
import { CorpsSelection } from '../routes/candidatures-selection.ts'
import { CorpsMiseEnRelation, QueryMiseEnRelation } from '../routes/mise-en-relation.ts'
import { ParamCommune, Recherche } from '../routes/communes.ts'
import { QueryConnexion } from '../routes/connexion.ts'
import { ParamDepartement, QueryLieuxDepartement } from '../routes/departements.ts'
import { FichierDocumentation } from '../routes/documentation.ts'
import { DepartementCarreaux, Tuile, TuileCarreaux } from '../routes/geometries.ts'
import { ParamLieu, Proches } from '../routes/lieux.ts'
import { ParametresExport } from '../routes/lieux-schema.ts'
import { CorpsNational, CorpsOptimisation } from '../routes/optimisation.ts'
import { CorpsModification, CorpsScenario, FiltreListe, ParamId as ParamScenario } from '../routes/scenarios.ts'
import { CorpsSimulation } from '../routes/simulations.ts'
import { dateEvolution, methodeOuDate, parametresCouverture, parametresCouvertureMethode } from '../routes/validation.ts'
import { RequeteEvolution } from '../routes/evolution.ts'
import { requeteZonesBlanches } from '../routes/zones-blanches.ts'
import { csv, route, type Operation } from './operation.ts'

// The outlines are served as application/geo+json, a département's lieux and communes as application/json (c.json).
const geojson = (schema: z.ZodType, description: string, type = 'application/geo+json') => ({ type, schema, description })
const redirection = { description: 'redirection (Location)' }
const couverture = { query: parametresCouvertureMethode }
/** Routes that can also show the lieux known at an earlier date (their list is the import's: see GET /evolution). */
const couvertureDatee = { query: parametresCouverture.extend({ methode: methodeOuDate, date: dateEvolution([]) }) }
const departement = { params: ParamDepartement }
const agent = { agent: true }

/**
 * Every route of the API, one line each: its inputs are the zod schemas its validators use, its answers those of
 * server/contrat. A route registered in createApp and missing here fails tests/routes/contrat-openapi.test.ts.
 */
export const OPERATIONS: readonly Operation[] = [
  route('get', '/sante', 'Import servi, millésime de l’offre, base des comptes joignable', {}, { 200: Sante, 503: SanteIndisponible }),
  route('get', '/departements', 'Tous les départements', {}, { 200: ReponseDepartements }),
  route('get', '/departements/:code', 'Un département', departement, { 200: ReponseDepartement }, [404]),
  route('get', '/communes/recherche', 'Communes par début de nom ou code postal (20 au plus)', { query: Recherche }, { 200: ReponseRecherche }),
  route('get', '/communes/:code', 'Une commune et ses indicateurs', { params: ParamCommune }, { 200: ReponseCommune }, [404]),
  route('get', '/couverture', 'Chiffres nationaux, régionaux et départementaux', couvertureDatee, { 200: CouvertureNationale }),
  route('get', '/couverture.csv', 'Les mêmes chiffres en CSV (UTF-8 avec BOM, ;)', couverture, { 200: csv('chiffres par territoire') }),
  route('get', '/departements/:code/couverture', 'Chiffres d’un département', { ...departement, ...couvertureDatee }, { 200: CouvertureDepartement }, [404]),
  route('get', '/departements/:code/communes', 'Couverture de chaque commune d’un département', { ...departement, ...couvertureDatee }, { 200: CommunesCouverture }, [404]),
  route('get', '/departements/:code/communes.csv', 'Les mêmes communes en CSV, suivies des chiffres du département', { ...departement, ...couverture },
    { 200: csv('communes du département') }, [404]),
  route('get', '/communes/:code/couverture', 'Couverture d’une commune', { params: ParamCommune, ...couverture }, { 200: CouvertureUneCommune }, [404]),
  route('get', '/zones-blanches', 'Communes en zone blanche (1 000 au plus)', { query: requeteZonesBlanches([]) }, { 200: ZonesBlanches }, [404]),
  route('get', '/evolution', 'Chiffres des lieux connus à chaque date des sources de l’offre, national ou d’un département', { query: RequeteEvolution },
    { 200: Evolution }, [404]),
  route('get', '/lieux/proches', 'Lieux les plus proches d’un point ou du centre d’une commune', { query: Proches }, { 200: LieuxProches }, [404]),
  route('get', '/lieux/:id', 'Un lieu et chaque enregistrement source fusionné', { params: ParamLieu }, { 200: ReponseLieu }, [404]),
  route('get', '/lieux.csv', 'Lieux actifs au schéma des lieux de médiation numérique (CSV RFC 4180)', { query: ParametresExport },
    { 200: csv('32 colonnes du schéma') }, [404]),
  route('get', '/lieux.json', 'Les mêmes lieux, tableau JSON du schéma (sans enveloppe)', { query: ParametresExport }, { 200: LieuxSchemaMediation }, [404]),
  route('get', '/departements/:code/lieux.geojson', 'Lieux d’un département (points)', { ...departement, query: QueryLieuxDepartement.extend({ date: dateEvolution([]) }) },
    { 200: geojson(CollectionLieux, 'points des lieux', 'application/json') }, [404]),
  route('get', '/departements/:code/communes.geojson', 'Contours des communes d’un département', departement,
    { 200: geojson(ContoursCommunes, 'contours des communes', 'application/json') }, [404]),
  route('get', '/departements.geojson', 'Contours des départements', {}, { 200: geojson(ContoursDepartements, 'contours des départements') }),
  route('get', '/regions.geojson', 'Contours des régions', {}, { 200: geojson(ContoursRegions, 'contours des régions') }),
  route('get', '/tuiles/communes/:z/:x/:y', 'Tuile vectorielle des communes (couche communes ; le chemin finit par .pbf)', { params: Tuile }, {
    200: { type: 'application/x-protobuf', schema: z.string().meta({ format: 'binary' }), description: 'tuile Mapbox Vector Tile, gzip' },
    204: { description: 'hors de toute commune' },
  }, [404]),
  route('get', '/tuiles/carreaux/:z/:x/:y', 'Tuile vectorielle des carreaux de 1 km d’un département (distance à chaque catégorie, hm ; zoom 7 et plus)',
    { params: TuileCarreaux, query: DepartementCarreaux }, {
      200: { type: 'application/x-protobuf', schema: z.string().meta({ format: 'binary' }), description: 'tuile Mapbox Vector Tile, gzip' },
      204: { description: 'aucun carreau du département dans cette tuile' },
    }, [404]),
  route('post', '/simulations', 'Effet d’un scénario (postes ajoutés, lieux retirés) sur un département', { corps: CorpsSimulation }, { 200: Simulation }, [404]),
  route('post', '/optimisation', 'Où placer de nouveaux postes dans un département', { corps: CorpsOptimisation }, { 200: Optimisation }, [404, 503]),
  route('post', '/optimisation/nationale', 'Répartition de postes entre départements', { corps: CorpsNational }, { 200: OptimisationNationale }, [503]),
  route('get', '/moi', 'Qui est connecté, avec quel rôle', {}, { 200: Moi }),
  route('get', '/connexion', 'Redirige vers le fournisseur d’identité', { query: QueryConnexion }, { 302: redirection }, [404, 503]),
  route('get', '/connexion/retour', 'Retour du fournisseur d’identité : ouvre la session', {}, { 302: redirection }, [400, 404]),
  route('post', '/deconnexion', 'Ferme la session', {}, { 200: Deconnexion }),
  route('get', '/scenarios', 'Scénarios enregistrés visibles de l’agent', { query: FiltreListe, ...agent }, { 200: ReponseScenarios }),
  route('post', '/scenarios', 'Enregistre un scénario', { corps: CorpsScenario, ...agent }, { 201: ReponseScenario }, [404]),
  route('get', '/scenarios/:id', 'Un scénario (ETag "vN")', { params: ParamScenario, ...agent }, { 200: ReponseScenario }, [404]),
  route('put', '/scenarios/:id', 'Modifie un scénario (If-Match ou version)', { params: ParamScenario, corps: CorpsModification, ...agent },
    { 200: ReponseScenario }, [404, 409, 412, 428]),
  route('delete', '/scenarios/:id', 'Supprime un scénario', { params: ParamScenario, ...agent }, { 200: Supprime }, [404]),
  route('get', '/agents', 'Agents et rôles (administrateurs)', agent, { 200: ReponseAgents }),
  route('put', '/agents/:email', 'Crée ou modifie un agent', { params: ParamEmail, corps: CorpsAgent, ...agent }, { 200: ReponseAgent }),
  route('delete', '/agents/:email', 'Retire un agent', { params: ParamEmail, ...agent }, { 200: AgentSupprime }, [404]),
  route('get', '/departements/:code/candidatures', 'Candidatures d’un département et leur gain (format=csv : tableur)', { ...departement, query: QueryListe, ...agent },
    { 200: [ListeCandidatures, csv('candidatures, avis en cours et précédents (format=csv)')] }, [404]),
  route('post', '/departements/:code/candidatures', 'Importe un fichier de candidatures (CSV ou JSON)', {
    ...departement, query: QueryImport, ...agent,
    corps: { 'text/csv': z.string().meta({ description: 'CSV tel qu’un tableur l’enregistre' }), 'application/json': CorpsJsonImport },
  }, { 201: ImportCandidatures, 400: ImportRefuse, 422: ImportRefuse }, [404]),
  route('get', '/candidatures/:id', 'Une candidature', { params: ParamCandidature, ...agent }, { 200: ReponseCandidature }, [404]),
  route('put', '/candidatures/:id/avis', 'Donne un avis (ajouté à l’historique)', { params: ParamCandidature, corps: CorpsAvis, ...agent },
    { 200: ReponseCandidature }, [404]),
  route('delete', '/candidatures/:id', 'Supprime une candidature', { params: ParamCandidature, ...agent }, { 200: Supprime }, [404]),
  route('post', '/departements/:code/candidatures/selection', 'Candidatures à financer dans un budget', { ...departement, corps: CorpsSelection, ...agent },
    { 200: SelectionCandidatures }, [404, 503]),
  route('post', '/departements/:code/mise-en-relation', 'Affecte des recrues aux postes des candidatures (format=csv : tableur)', {
    ...departement, query: QueryMiseEnRelation, ...agent,
    corps: { 'application/json': CorpsMiseEnRelation, 'text/csv': z.string().meta({ description: 'recrues : CSV tel qu’un tableur l’enregistre' }) },
  }, { 200: [MiseEnRelation, csv('affectations et candidats sans poste (format=csv)')], 400: ImportRefuse, 422: ImportRefuse }, [404, 503]),
  route('get', '/openapi.json', 'Ce contrat (OpenAPI 3.1)', {}, { 200: z.looseObject({ openapi: z.string() }) }),
  route('get', '/docs', 'Ce contrat lisible (Swagger UI, servi localement)', {}, { 200: { type: 'text/html', description: 'page de documentation' } }),
  route('get', '/docs/:fichier', 'Feuille de style et scripts de la documentation', { params: FichierDocumentation },
    { 200: [{ type: 'text/css', description: 'feuille de style' }, { type: 'text/javascript', description: 'script' }] }),
]
