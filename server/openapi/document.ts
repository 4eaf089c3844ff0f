import { z } from 'zod'
import { erreurDeStatut, type StatutErreur } from '../contrat/erreur.ts'
import type { Operation, Reponse, ReponseBrute } from './operation.ts'
import { OPERATIONS } from './operations.ts'

type SchemaJson = Record<string, unknown>

/** The JSON Schema (2020-12, OpenAPI 3.1's dialect) of a zod schema: what a request sends, or what an answer holds. */
export function schemaJson(schema: z.ZodType, sens: 'requete' | 'reponse'): SchemaJson {
  const { $schema: _, ...reste } = z.toJSONSchema(schema, { io: sens === 'requete' ? 'input' : 'output', unrepresentable: 'any' }) as SchemaJson
  return reste
}

/** `/departements/:code` → `/departements/{code}`; a tile's `:y` is written `{y}.pbf`, as clients call it. */
export const cheminOpenApi = (chemin: string) =>
  chemin.startsWith('/tuiles/') ? `${chemin.replace(/:(\w+)/g, '{$1}')}.pbf` : chemin.replace(/:(\w+)/g, '{$1}')

const MESSAGES: Record<StatutErreur, string> = {
  400: 'paramètre invalide', 401: 'connexion requise', 403: 'accès refusé (sans rôle, ou hors du périmètre)', 404: 'inconnu',
  409: 'modifié entre-temps (champ version)', 412: 'modifié entre-temps (If-Match)', 413: 'corps trop volumineux', 414: 'adresse trop longue',
  428: 'version requise', 429: 'trop de requêtes (Retry-After)', 500: 'erreur interne', 503: 'calcul refusé ou service indisponible',
}

/** The statuses every route may answer besides its own: bad input, the guards in front of /api, the agents' gate. */
export function erreursCommunes(o: Operation): StatutErreur[] {
  const statuts: StatutErreur[] = [414]
  if (!o.chemin.startsWith('/tuiles/')) statuts.push(429)
  if (o.params || o.query || o.corps) statuts.push(400)
  if (o.corps) statuts.push(413)
  if (o.agent) statuts.push(401, 403)
  return statuts
}

const estBrute = (r: Reponse): r is ReponseBrute => 'type' in r && typeof (r as ReponseBrute).type === 'string'
const estZod = (r: Reponse): r is z.ZodType => r instanceof z.ZodType

function contenu(reponses: readonly Reponse[]): { description: string; content?: SchemaJson } {
  const content: SchemaJson = {}
  let description = ''
  for (const r of reponses) {
    if (estZod(r)) {
      content['application/json'] = { schema: schemaJson(r, 'reponse') }
      description ||= r.description ?? 'réponse JSON'
    } else if (estBrute(r)) {
      content[r.type] = r.schema ? { schema: schemaJson(r.schema, 'reponse') } : {}
      description ||= r.description
    } else description ||= r.description
  }
  return Object.keys(content).length > 0 ? { description, content } : { description }
}

function parametres(schema: z.ZodObject | undefined, lieu: 'path' | 'query') {
  if (!schema) return []
  const json = schemaJson(schema, 'requete') as { properties?: Record<string, SchemaJson>; required?: string[] }
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name, in: lieu, required: lieu === 'path' || (json.required ?? []).includes(name), schema: s,
  }))
}

function operation(o: Operation) {
  const reponses: Record<string, unknown> = {}
  for (const [statut, r] of Object.entries(o.reponses)) reponses[statut] = contenu(Array.isArray(r) ? r : [r as Reponse])
  for (const statut of [...erreursCommunes(o), ...(o.erreurs ?? [])])
    reponses[statut] ??= { description: MESSAGES[statut], content: { 'application/json': { schema: schemaJson(erreurDeStatut(statut), 'reponse') } } }
  const corps = o.corps === undefined ? undefined
    : o.corps instanceof z.ZodType ? { 'application/json': o.corps }
    : o.corps as Readonly<Record<string, z.ZodType>>
  return {
    operationId: `${o.methode} ${o.chemin}`,
    summary: o.resume,
    tags: [o.chemin.split('/')[1]!.replace(/\..*$/, '')],
    ...(o.agent ? { security: [{ session: [] }] } : {}),
    parameters: [...parametres(o.params, 'path'), ...parametres(o.query, 'query')],
    ...(corps ? { requestBody: { required: true, content: Object.fromEntries(Object.entries(corps).map(([t, s]) => [t, { schema: schemaJson(s, 'requete') }])) } } : {}),
    responses: Object.fromEntries(Object.entries(reponses).sort(([a], [b]) => Number(a) - Number(b))),
  }
}

/** The OpenAPI 3.1 document of the API, built from the table of operations. */
export function documentOpenApi(operations: readonly Operation[] = OPERATIONS) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const o of operations) (paths[cheminOpenApi(o.chemin)] ??= {})[o.methode] = operation(o)
  return {
    openapi: '3.1.0',
    info: {
      title: 'API de Maillage',
      version: '1',
      description: 'Couverture territoriale de la médiation numérique. Un succès porte `ok: true`, une erreur `{ ok: false, error, status }` ' +
        'avec un message en français. Chaque réponse GET porte un ETag tiré de l’identifiant d’import.',
    },
    servers: [{ url: '/api' }],
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-maillage_session', description: 'session d’agent ouverte par /api/connexion (maillage_session sans HTTPS)' } } },
    paths,
  }
}
export type DocumentOpenApi = ReturnType<typeof documentOpenApi>
