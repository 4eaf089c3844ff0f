import type { MiddlewareHandler } from 'hono'
import { adresseClient } from './client.ts'
import { corsStrict } from './cors.ts'
import { limiteDebit } from './limite-debit.ts'
import { limiteTaille } from './limite-taille.ts'

export { entetesSecurite } from './entetes.ts'

export type OptionsSecurite = Readonly<{
  originesCors: readonly string[]
  originesCarte: readonly string[]
  /** Sites that may frame the embeddable pages (/integrer/…). */
  originesIntegration: readonly string[]
  requetesParMinute: number
  rafale: number
  octetsCorps: number
  /** Largest file of candidatures (POST /api/departements/:code/candidatures); octetsCorps when absent. */
  octetsImport?: number
  caracteresUrl: number
  proxyDeConfiance: boolean
  maintenant?: () => number
}>

/** Vector tiles are immutable, cached and fetched by dozens for one map view: they do not spend the rate limit. */
const horsLimite = (chemin: string) => chemin.startsWith('/api/tuiles/')

/** What guards /api, in order: CORS (cheapest refusal first), sizes, then the per-client rate limit. */
export function gardesApi(o: OptionsSecurite): MiddlewareHandler[] {
  const limite = limiteDebit({
    requetesParMinute: o.requetesParMinute,
    rafale: o.rafale,
    cleClient: adresseClient(o.proxyDeConfiance),
    ...(o.maintenant ? { maintenant: o.maintenant } : {}),
  })
  return [
    corsStrict(o.originesCors, o.proxyDeConfiance),
    ...limiteTaille(o.octetsCorps, o.caracteresUrl, o.octetsImport ?? o.octetsCorps),
    (c, next) => (horsLimite(c.req.path) ? next() : limite(c, next)),
  ]
}
