import type { MiddlewareHandler } from 'hono'
import { adresseClient } from './client.ts'
import { corsStrict } from './cors.ts'
import { limiteDebit } from './limite-debit.ts'
import { limiteTaille } from './limite-taille.ts'

export { entetesSecurite } from './entetes.ts'

export type OptionsSecurite = Readonly<{
  originesCors: readonly string[]
  originesCarte: readonly string[]
  requetesParMinute: number
  rafale: number
  octetsCorps: number
  caracteresUrl: number
  proxyDeConfiance: boolean
  maintenant?: () => number
}>

/** What guards /api, in order: CORS (cheapest refusal first), sizes, then the per-client rate limit. */
export function gardesApi(o: OptionsSecurite): MiddlewareHandler[] {
  return [
    corsStrict(o.originesCors, o.proxyDeConfiance),
    ...limiteTaille(o.octetsCorps, o.caracteresUrl),
    limiteDebit({
      requetesParMinute: o.requetesParMinute,
      rafale: o.rafale,
      cleClient: adresseClient(o.proxyDeConfiance),
      ...(o.maintenant ? { maintenant: o.maintenant } : {}),
    }),
  ]
}
