import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/**
 * The client's address: the socket's, or behind a trusted reverse proxy the last X-Forwarded-For
 * entry (the one the proxy appended; earlier entries are whatever the client claimed).
 */
export function adresseClient(proxyDeConfiance: boolean) {
  return (c: Context): string => {
    if (proxyDeConfiance) {
      const transmis = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim()
      if (transmis) return transmis
    }
    // app.request() in tests has no socket.
    const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming
    return incoming ? (getConnInfo(c).remote.address ?? 'inconnu') : 'inconnu'
  }
}
