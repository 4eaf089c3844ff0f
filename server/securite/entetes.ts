import { createHash } from 'node:crypto'
import { secureHeaders } from 'hono/secure-headers'

// react-dsfr (early-color-scheme.js) injects exactly one <style> with one of these two texts. Allowing their
// hashes, rather than 'unsafe-inline', keeps every other inline style element blocked.
const STYLES_DSFR = [':root { color-scheme: light; }', ':root { color-scheme: dark; }']
const HASHES_STYLES = STYLES_DSFR.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`)

/**
 * Security headers for the API and the built client. The CSP lists only what the client loads:
 * its own scripts, styles (plus react-dsfr's colour-scheme style, by hash), fonts and API; maplibre's worker (a same-origin module, blob: as fallback);
 * map images built in code (data:, blob:). No inline script, no eval, no framing.
 * `originesCarte` adds the origins of an optional raster basemap (VITE_FOND_DE_CARTE), fetched by maplibre.
 */
export function entetesSecurite(originesCarte: readonly string[] = []) {
  return secureHeaders({
    contentSecurityPolicy: {
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
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: ['self'], payment: [], usb: [] },
  })
}
