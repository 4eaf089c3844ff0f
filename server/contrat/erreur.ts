import { z } from 'zod'

/** Every status the API answers with its error envelope. */
export const STATUTS_ERREUR = [400, 401, 403, 404, 409, 412, 413, 414, 428, 429, 500, 503] as const
export type StatutErreur = (typeof STATUTS_ERREUR)[number]

/** The one error envelope of the API: `{ ok: false, error, status }`, the message in French. */
export const Erreur = z.object({
  ok: z.literal(false),
  error: z.string().min(1).meta({ description: 'Message en français' }),
  status: z.number().int().min(400).max(599),
})

/** The envelope of one status: its `status` field is that status. */
export const erreurDeStatut = (status: StatutErreur) => Erreur.extend({ status: z.literal(status) })
