import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { expect } from 'vitest'
import { cheminOpenApi, type DocumentOpenApi } from '../../server/openapi/document.ts'

type Contenu = Record<string, { schema?: object }>
type ReponseDoc = { description: string; content?: Contenu }

/**
 * Checks answers against the OpenAPI document as a client reads it: the route and its status are documented, the
 * media type is one the document lists, and a JSON body is valid against the document's JSON Schema (ajv, draft
 * 2020-12, OpenAPI 3.1's dialect). Not against the zod schemas: the document is what is checked.
 */
export function verificateurContrat(document: DocumentOpenApi) {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })
  const compiles = new WeakMap<object, ValidateFunction>()
  const valider = (schema: object) => {
    let v = compiles.get(schema)
    if (v === undefined) compiles.set(schema, (v = ajv.compile(schema)))
    return v
  }
  const reponseDocumentee = (methode: string, chemin: string, statut: number): ReponseDoc | undefined => {
    const operation = (document.paths[cheminOpenApi(chemin)] as Record<string, { responses: Record<string, ReponseDoc> }> | undefined)?.[methode]
    return operation?.responses[String(statut)]
  }

  /** Reads the answer to `methode chemin` (the Hono path of the route), checks it and returns its parsed JSON body, if any. */
  return async function verifier(methode: string, chemin: string, res: Response): Promise<any> {
    const octets = new Uint8Array(await res.arrayBuffer())
    const texte = new TextDecoder().decode(octets)
    const doc = reponseDocumentee(methode.toLowerCase(), chemin, res.status)
    expect(doc, `${methode} ${chemin} : le statut ${res.status} n’est pas documenté (${texte.slice(0, 300)})`).toBeDefined()
    if (doc!.content === undefined) {
      expect(octets.length, `${methode} ${chemin} ${res.status} : corps inattendu`).toBe(0)
      return undefined
    }
    const type = (res.headers.get('Content-Type') ?? '').split(';')[0]!.trim()
    expect(Object.keys(doc!.content), `${methode} ${chemin} ${res.status} : type ${type}`).toContain(type)
    const schema = doc!.content[type]!.schema
    if (!/json$/.test(type)) return undefined
    const corps: unknown = JSON.parse(texte)
    if (schema !== undefined) {
      const v = valider(schema)
      const erreurs = v(corps) ? [] : (v.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)
      expect(erreurs, `${methode} ${chemin} ${res.status}`).toEqual([])
    }
    return corps
  }
}
