import type { z } from 'zod'
import type { StatutErreur } from '../contrat/erreur.ts'

/** An answer that is not JSON: its media type, and the schema of its body when it has one. */
export type ReponseBrute = Readonly<{ type: string; schema?: z.ZodType; description: string }>
/** An answer: a JSON body's schema, another media type, or nothing (a redirection, 204). */
export type Reponse = z.ZodType | ReponseBrute | Readonly<{ description: string }>

/** One route of the API as the contract documents it; `chemin` is the Hono path under /api. */
export type Operation = Readonly<{
  methode: 'get' | 'post' | 'put' | 'delete'
  chemin: string
  resume: string
  params?: z.ZodObject
  query?: z.ZodObject
  /** The request body: JSON by default, or one schema per media type. */
  corps?: z.ZodType | Readonly<Record<string, z.ZodType>>
  /** Reserved to signed-in agents (401 public, 403 without a role or out of scope). */
  agent?: boolean
  /** Answers by status; several media types for one status (JSON or CSV) as a list. */
  reponses: Readonly<Record<number, Reponse | readonly Reponse[]>>
  /** Error statuses of the route besides those every route may answer (400 on bad input, 414, 429, 413 with a body, 401/403 for agents). */
  erreurs?: readonly StatutErreur[]
}>

/** A route, on one line of the table (server/openapi/operations.ts). */
export const route = (
  methode: Operation['methode'], chemin: string, resume: string,
  entrees: Pick<Operation, 'params' | 'query' | 'corps' | 'agent'>, reponses: Operation['reponses'], erreurs: readonly StatutErreur[] = [],
): Operation => ({ methode, chemin, resume, ...entrees, reponses, erreurs })

export const csv = (description: string): ReponseBrute => ({ type: 'text/csv', description })
