import { resolve } from 'node:path'
import { z } from 'zod'

const racine = resolve(import.meta.dirname, '..')

const Schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  MAILLAGE_BASE: z.string().default(resolve(racine, 'data/maillage.sqlite')),
  MAILLAGE_CLIENT: z.string().default(resolve(racine, 'dist/client')),
})

export type Config = z.infer<typeof Schema>

/** Parses the environment once at boot; a bad value stops the server with a French message. */
export function lireConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = Schema.safeParse(env)
  if (!r.success) {
    const p = r.error.issues[0]
    throw new Error(`Configuration invalide : ${p?.path.join('.')} — ${p?.message}`)
  }
  return r.data
}
