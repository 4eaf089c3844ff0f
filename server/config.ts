import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { z } from 'zod'
import type { OptionsComptes } from './comptes/index.ts'
import { RACINE } from './racine.ts'

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

/**
 * A file path. A value that looks like a URL (`postgres://…`, `file:…`, `https://…`) would be taken as a relative
 * path and create a folder named after its scheme: refused, naming the variable. Only the scheme is repeated (a
 * URL may hold a password). A one-letter prefix is a Windows drive (`C:\\…`), not a scheme.
 */
const chemin = (nom: string, defaut: string) =>
  z.string().default(defaut).superRefine((s, ctx) => {
    const schema = /^([a-z][a-z0-9+.-]+):/i.exec(s)?.[1]
    if (schema !== undefined)
      ctx.addIssue({ code: 'custom', message: `${nom} doit être un chemin de fichier, pas une adresse (« ${schema}: ») : Maillage n'utilise que des fichiers SQLite` })
  })

/** The accounts store: a SQLite file path, or a PostgreSQL URL (several instances); any other URL is refused. */
const baseComptes = (defaut: string) =>
  z.string().default(defaut).superRefine((s, ctx) => {
    const schema = /^([a-z][a-z0-9+.-]+):/i.exec(s)?.[1]
    if (schema === undefined) return
    if (/^postgres(ql)?$/i.test(schema)) {
      if (!URL.canParse(s)) ctx.addIssue({ code: 'custom', message: 'MAILLAGE_BASE_COMPTES : adresse PostgreSQL illisible (forme : postgres://utilisateur:motdepasse@hote:5432/base)' })
      return
    }
    ctx.addIssue({ code: 'custom', message: `MAILLAGE_BASE_COMPTES doit être un chemin de fichier SQLite ou une adresse postgres://…, pas une adresse « ${schema}: »` })
  })

const booleen = z.enum(['0', '1', 'true', 'false', 'oui', 'non', '']).default('').transform((s) => s === '1' || s === 'true' || s === 'oui')

const Schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  MAILLAGE_BASE: chemin('MAILLAGE_BASE', resolve(RACINE, 'data/maillage.sqlite')),
  MAILLAGE_CLIENT: chemin('MAILLAGE_CLIENT', resolve(RACINE, 'dist/client')),
  /** Origins allowed to call the API from a browser, besides the app's own. */
  MAILLAGE_CORS_ORIGINES: origines('MAILLAGE_CORS_ORIGINES'),
  /** Origins of a raster basemap (VITE_FOND_DE_CARTE) that the CSP must let the map load. */
  MAILLAGE_CSP_ORIGINES_CARTE: origines('MAILLAGE_CSP_ORIGINES_CARTE'),
  /** Sites allowed to show the embeddable maps (/integrer/…) in an <iframe> (CSP frame-ancestors of those pages only). */
  MAILLAGE_INTEGRATION_ORIGINES: origines('MAILLAGE_INTEGRATION_ORIGINES'),
  /** Sustained requests per minute per client on /api; 0 disables the limit (load bench only). */
  MAILLAGE_LIMITE_REQUETES_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  /** Requests one client may send at once before the sustained rate applies. */
  MAILLAGE_LIMITE_RAFALE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  /** Largest request body accepted by /api, in bytes. */
  MAILLAGE_TAILLE_MAX_CORPS: z.coerce.number().int().min(0).max(100 * 1024 * 1024).default(64 * 1024),
  /** Largest file of candidatures a préfecture may import at once, in bytes (the route itself stops at 2 MiB). */
  MAILLAGE_TAILLE_MAX_IMPORT: z.coerce.number().int().min(0).max(100 * 1024 * 1024).default(2 * 1024 * 1024),
  /** Longest path plus query string accepted by /api, in characters. */
  MAILLAGE_TAILLE_MAX_URL: z.coerce.number().int().min(256).max(65_536).default(4096),
  /** 1 behind a reverse proxy: the client is then the last X-Forwarded-For address. */
  MAILLAGE_PROXY_DE_CONFIANCE: booleen,
  /** Writable database of agents, sessions and saved scenarios (created when absent). */
  MAILLAGE_BASE_COMPTES: baseComptes(resolve(RACINE, 'data/comptes.sqlite')),
  /** OpenID Connect issuer of the agents' login (ProConnect: https://auth.agentconnect.gouv.fr/api/v2); empty: no login. */
  MAILLAGE_OIDC_EMETTEUR: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'MAILLAGE_OIDC_EMETTEUR doit être une URL http(s)' })]).default(''),
  MAILLAGE_OIDC_CLIENT_ID: z.string().default(''),
  MAILLAGE_OIDC_CLIENT_SECRET: z.string().default(''),
  /** Scopes asked for at login (ProConnect: "openid email given_name usual_name"). */
  MAILLAGE_OIDC_PORTEES: z.string().default('openid email profile'),
  /** acr_values sent at login (ProConnect: eidas1); empty: none. */
  MAILLAGE_OIDC_ACR: z.string().default(''),
  /** Signing algorithm of the provider's userinfo answer when it is a JWT (ProConnect: RS256). */
  MAILLAGE_OIDC_ALG_USERINFO: z.string().default(''),
  /** Public URL of the dashboard behind a proxy (e.g. https://maillage.anct.gouv.fr), used for the login's redirect URI. */
  MAILLAGE_URL_PUBLIQUE: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default('').transform((s) => s.replace(/\/$/, '')),
  /** E-mails of the agents made admins at startup (comma-separated). */
  MAILLAGE_ADMINS: z.string().default('').transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== '')),
  /** Secure, __Host- session cookies; "non" only for plain-HTTP development on another host than localhost. */
  MAILLAGE_COOKIE_SECURISE: z.enum(['1', 'true', 'oui', '0', 'false', 'non']).default('oui').transform((s) => ['1', 'true', 'oui'].includes(s)),
  MAILLAGE_DUREE_SESSION_HEURES: z.coerce.number().min(0.1).max(72).default(8),
  /** Worker threads for heavy computations (solver, national allocation); 0 runs them on the main thread. */
  MAILLAGE_TRAVAILLEURS: z.coerce.number().int().min(0).max(64).default(travailleursParDefaut()),
  /** Computations that may wait for a worker; past this, 503 with Retry-After. */
  MAILLAGE_FILE_ATTENTE_MAX: z.coerce.number().int().min(0).max(10_000).default(8),
  /** Time a public request's computation may take, queue included (the solver's time limit is capped below it). */
  MAILLAGE_DELAI_PUBLIC_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  /** The same for a signed-in agent's. */
  MAILLAGE_DELAI_AGENT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Level of the JSON log lines on stdout (one per request at info). */
  MAILLAGE_JOURNAL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'MAILLAGE_JOURNAL doit valoir debug, info, warn, error ou silent' }).default('info'),
  /** Bearer token a Prometheus scraper presents on /metrics; empty: no /metrics at all. */
  MAILLAGE_METRIQUES_JETON: z.union([z.literal(''), z.string().min(16, 'MAILLAGE_METRIQUES_JETON doit compter au moins 16 caractères')]).default('')
    .transform((s) => (s === '' ? null : s)),
  /** Name of this instance in the X-Maillage-Instance header; empty: host name and process id. */
  MAILLAGE_INSTANCE: z.string().max(100).regex(/^[\w.:-]*$/, 'MAILLAGE_INSTANCE : lettres, chiffres, « . », « : », « - » et « _ » seulement').default(''),
  /** On SIGTERM, longest wait for the requests under way before their connections are cut, in seconds. */
  MAILLAGE_DELAI_ARRET_SECONDES: z.coerce.number().min(0).max(600).default(10),
}).superRefine((c, ctx) => {
  if (c.MAILLAGE_OIDC_EMETTEUR !== '' && (c.MAILLAGE_OIDC_CLIENT_ID === '' || c.MAILLAGE_OIDC_CLIENT_SECRET === ''))
    ctx.addIssue({ code: 'custom', path: ['MAILLAGE_OIDC_CLIENT_ID'], message: 'MAILLAGE_OIDC_EMETTEUR est défini : MAILLAGE_OIDC_CLIENT_ID et MAILLAGE_OIDC_CLIENT_SECRET sont requis' })
})

/** One worker per core but one, left to the main thread that routes and serves; at least 1, at most 4 (each holds the data). */
function travailleursParDefaut(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1))
}

export type Config = z.infer<typeof Schema>

/** The accounts' settings of a configuration. */
export const optionsComptes = (c: Config): OptionsComptes => ({
  chemin: c.MAILLAGE_BASE_COMPTES,
  oidc: c.MAILLAGE_OIDC_EMETTEUR === '' ? null : {
    emetteur: c.MAILLAGE_OIDC_EMETTEUR,
    clientId: c.MAILLAGE_OIDC_CLIENT_ID,
    clientSecret: c.MAILLAGE_OIDC_CLIENT_SECRET,
    portees: c.MAILLAGE_OIDC_PORTEES,
    acr: c.MAILLAGE_OIDC_ACR,
    algUserinfo: c.MAILLAGE_OIDC_ALG_USERINFO,
  },
  cookieSecurise: c.MAILLAGE_COOKIE_SECURISE,
  dureeSessionMs: c.MAILLAGE_DUREE_SESSION_HEURES * 3_600_000,
  urlPublique: c.MAILLAGE_URL_PUBLIQUE === '' ? null : c.MAILLAGE_URL_PUBLIQUE,
  admins: c.MAILLAGE_ADMINS,
})

/** Parses the environment once at boot; a bad value stops the server with a French message. */
export function lireConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = Schema.safeParse(env)
  if (!r.success) {
    const p = r.error.issues[0]
    throw new Error(`Configuration invalide : ${p?.path.join('.')} — ${p?.message}`)
  }
  return r.data
}
