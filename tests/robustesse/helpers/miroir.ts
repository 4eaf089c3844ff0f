import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

/** How the mirror misbehaves for one file. */
export type Panne =
  | { type: 'statut'; statut: number }
  /** Sends half of the body announced by Content-Length, then resets the connection. */
  | { type: 'coupure' }
  /** Sends the first half of the gzipped file as a complete answer: the transfer is whole, the archive is not. */
  | { type: 'gzip-tronque' }
  /** Answers 200 with this body instead of the file. */
  | { type: 'corps'; corps: Buffer | string }
  /** Accepts the request and never answers. */
  | { type: 'muet' }
  /** Sends the headers and half of the body, then falls silent without closing. */
  | { type: 'fige' }
  /** Redirects (302) to another path of the same mirror. */
  | { type: 'redirection'; vers: string }

export type Miroir = Readonly<{
  url: string
  /** Requests received per path, to tell how many attempts a download made. */
  requetes: Map<string, number>
  pannes: Map<string, Panne>
  fermer: () => Promise<void>
}>

/**
 * A real HTTP server on 127.0.0.1 (port chosen by the system) serving the files of `dossier` by their
 * plain name, as MAILLAGE_MIROIR expects: the gzipped copy when there is one, sent as is.
 */
export async function demarrerMiroir(dossier: string): Promise<Miroir> {
  const requetes = new Map<string, number>()
  const pannes = new Map<string, Panne>()
  const server: Server = createServer((req, res) => {
    const chemin = decodeURIComponent(new URL(req.url ?? '/', 'http://miroir').pathname.slice(1))
    requetes.set(chemin, (requetes.get(chemin) ?? 0) + 1)
    const panne = pannes.get(chemin)
    if (panne?.type === 'muet') return
    if (panne?.type === 'statut') return res.writeHead(panne.statut, { 'content-type': 'text/plain' }).end(`erreur ${panne.statut}`)
    if (panne?.type === 'redirection') return res.writeHead(302, { location: `/${panne.vers}` }).end()
    if (panne?.type === 'corps') return res.writeHead(200).end(panne.corps)
    const gz = join(dossier, `${chemin}.gz`)
    const clair = join(dossier, chemin)
    const fichier = existsSync(gz) ? gz : existsSync(clair) && chemin !== '' ? clair : undefined
    if (!fichier) return res.writeHead(404, { 'content-type': 'text/plain' }).end('introuvable')
    const octets = readFileSync(fichier)
    if (panne?.type === 'gzip-tronque') {
      const moitie = octets.subarray(0, Math.floor(octets.length / 2))
      return res.writeHead(200, { 'content-length': moitie.length }).end(moitie)
    }
    if (panne?.type === 'fige') {
      res.writeHead(200, { 'content-length': octets.length })
      res.write(octets.subarray(0, Math.floor(octets.length / 2)))
      return
    }
    if (panne?.type === 'coupure') {
      res.writeHead(200, { 'content-length': octets.length })
      res.write(octets.subarray(0, Math.floor(octets.length / 2)), () => setTimeout(() => res.socket?.resetAndDestroy(), 20))
      return
    }
    res.writeHead(200, { 'content-length': octets.length }).end(octets)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requetes,
    pannes,
    fermer: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
