import { resolve } from 'node:path'
import { z } from 'zod'

const racine = resolve(import.meta.dirname, '..')

/** A comma-separated list of web origins (`https://exemple.fr`, no path); empty means none. */
const origines = (nom: string) =>
  z.string().default('').transform((s, ctx) => {
    const liste = s.split(',').map((x) => x.trim()).filter((x) => x !== '')
    for (const o of liste) {
      let url: URL | undefined
      try {
        url = new URL(o)
      } catch {
        // reported below
      }
      if (!url || !/^https?:$/.test(url.protocol) || url.origin !== o) {
        ctx.addIssue({ code: 'custom', message: `${nom} : « ${o} » n'est pas une origine (ex. https://exemple.gouv.fr, sans chemin ni / final)` })
        return z.NEVER
      }
    }
    return liste
  })

const booleen = z.enum(['0', '1', 'true', 'false', 'oui', 'non', '']).default('').transform((s) => s === '1' || s === 'true' || s === 'oui')

const Schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  MAILLAGE_BASE: z.string().default(resolve(racine, 'data/maillage.sqlite')),
  MAILLAGE_CLIENT: z.string().default(resolve(racine, 'dist/client')),
  /** Origins allowed to call the API from a browser, besides the app's own. */
  MAILLAGE_CORS_ORIGINES: origines('MAILLAGE_CORS_ORIGINES'),
  /** Origins of a raster basemap (VITE_FOND_DE_CARTE) that the CSP must let the map load. */
  MAILLAGE_CSP_ORIGINES_CARTE: origines('MAILLAGE_CSP_ORIGINES_CARTE'),
  /** Sustained requests per minute per client on /api; 0 disables the limit (load bench only). */
  MAILLAGE_LIMITE_REQUETES_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  /** Requests one client may send at once before the sustained rate applies. */
  MAILLAGE_LIMITE_RAFALE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  /** Largest request body accepted by /api, in bytes. */
  MAILLAGE_TAILLE_MAX_CORPS: z.coerce.number().int().min(0).max(100 * 1024 * 1024).default(64 * 1024),
  /** Longest path plus query string accepted by /api, in characters. */
  MAILLAGE_TAILLE_MAX_URL: z.coerce.number().int().min(256).max(65_536).default(4096),
  /** 1 behind a reverse proxy: the client is then the last X-Forwarded-For address. */
  MAILLAGE_PROXY_DE_CONFIANCE: booleen,
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
