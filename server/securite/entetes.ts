import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

// react-dsfr (early-color-scheme.js) injects exactly one <style> with one of these two texts. Allowing their
// hashes, rather than 'unsafe-inline', keeps every other inline style element blocked.
const STYLES_DSFR = [':root { color-scheme: light; }', ':root { color-scheme: dark; }']
const HASHES_STYLES = STYLES_DSFR.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`)

/**
 * What an API answer (JSON, CSV, GeoJSON, tiles) carries: it is data, never a page, so its CSP lets it load and run
 * nothing and be framed by no one (as OWASP advises for REST APIs); the document-only headers (permissions,
 * opener isolation, DNS prefetch…) are left to the pages. Precomputed: the API's hot routes answer thousands of
 * times a second, and these ~300 bytes replace ~1.3 kB of the page headers on every answer.
 */
const ENTETES_API: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
]

/**
 * The API's documentation page (/api/docs, Swagger UI served from its npm package) is the one page under /api: its CSP
 * lets it load its own script and style files and fetch /api/openapi.json, still no inline script, no eval, no other
 * site. Swagger UI sets inline style attributes and CSS data: images (its icons), hence 'unsafe-inline' styles and data:
 * images, on this page only: it shows no user data, only the contract.
 */
export const PREFIXE_DOCUMENTATION = '/api/docs'
const CSP_DOCUMENTATION = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** Pages meant for an <iframe> on another site (a mairie's, a département's): only these may be framed. */
export const PREFIXE_INTEGRATION = '/integrer/'

/**
 * Security headers for the API (`ENTETES_API`) and the built client. The pages' CSP lists only what the client loads:
 * its own scripts, styles (plus react-dsfr's colour-scheme style, by hash), fonts and API; maplibre's worker (a same-origin module, blob: as fallback);
 * map images built in code (data:, blob:). No inline script, no eval, no framing.
 * `originesCarte` adds the origins of an optional raster basemap (VITE_FOND_DE_CARTE), fetched by maplibre.
 * `originesIntegration` are the sites that may frame the embeddable pages (`/integrer/…`), and those pages only:
 * their `frame-ancestors` lists them and they send no X-Frame-Options (it cannot name an origin, and a browser that
 * knows frame-ancestors ignores it); every other page keeps `frame-ancestors 'none'` and `X-Frame-Options: DENY`.
 */
export function entetesSecurite(originesCarte: readonly string[] = [], originesIntegration: readonly string[] = []): MiddlewareHandler {
  const csp = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", ...HASHES_STYLES],
    imgSrc: ["'self'", 'data:', 'blob:', ...originesCarte],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", ...originesCarte],
    workerSrc: ["'self'", 'blob:'],
    childSrc: ["'self'", 'blob:'],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  }
  const communs: Parameters<typeof secureHeaders>[0] = {
    referrerPolicy: 'strict-origin-when-cross-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: ['self'], payment: [], usb: [] },
  }
  const pages = secureHeaders({ contentSecurityPolicy: csp, xFrameOptions: 'DENY', ...communs })
  const integrees = secureHeaders({
    contentSecurityPolicy: { ...csp, frameAncestors: ["'self'", ...originesIntegration] },
    xFrameOptions: false,
    ...communs,
  })
  return async (c, next) => {
    if (c.req.path.startsWith(PREFIXE_INTEGRATION)) return integrees(c, next)
    if (!c.req.path.startsWith('/api/')) return pages(c, next)
    await next()
    const entetes = c.res.headers
    for (const [nom, valeur] of ENTETES_API) entetes.set(nom, valeur)
    if (c.req.path === PREFIXE_DOCUMENTATION || c.req.path.startsWith(`${PREFIXE_DOCUMENTATION}/`)) entetes.set('Content-Security-Policy', CSP_DOCUMENTATION)
  }
}
