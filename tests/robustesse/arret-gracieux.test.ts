import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { arretGracieux } from '../../server/http/arret-gracieux.ts'

let serveur: Server | undefined
afterEach(() => serveur?.closeAllConnections())

/** A server whose every answer takes `dureeMs` (0: never answers), on a loopback port. */
async function serveurLent(dureeMs: number): Promise<{ serveur: Server; port: number }> {
  serveur = createServer((_req, res) => {
    if (dureeMs > 0) setTimeout(() => res.end('fini'), dureeMs)
  })
  await new Promise<void>((ok) => serveur!.listen(0, '127.0.0.1', ok))
  return { serveur, port: (serveur.address() as AddressInfo).port }
}

/** A GET that resolves with the status and body, or with the network error's code. */
const obtenir = (port: number) => new Promise<string>((ok) => {
  request({ host: '127.0.0.1', port, path: '/' }, (res) => {
    let corps = ''
    res.on('data', (d: Buffer) => (corps += d.toString()))
    res.on('end', () => ok(`${res.statusCode} ${corps}`))
  }).on('error', (e: NodeJS.ErrnoException) => ok(e.code ?? e.message)).end()
})

const attendre = (ms: number) => new Promise((ok) => setTimeout(ok, ms))

describe('graceful shutdown of an instance', () => {
  it('lets the request under way finish, refuses new connections, then closes the databases and exits 0', async () => {
    const { serveur, port } = await serveurLent(400)
    const evenements: string[] = []
    const arret = arretGracieux(serveur, {
      delaiMs: 5_000, signaux: [], journal: () => undefined,
      fermer: async () => void evenements.push('bases fermées'),
      sortir: (code) => void evenements.push(`sortie ${code}`),
    })
    serveur.on('request', (_req, res) => res.once('finish', () => evenements.push('réponse envoyée')))
    const enCours = obtenir(port)
    await attendre(100)
    const fin = arret.arreter('SIGTERM')
    expect(await obtenir(port)).toBe('ECONNREFUSED')
    await fin
    expect(await enCours).toBe('200 fini')
    expect(evenements).toEqual(['réponse envoyée', 'bases fermées', 'sortie 0'])
  })

  it('cuts the connections still busy after the configured wait, and still exits 0', async () => {
    const { serveur, port } = await serveurLent(0)
    const sorties: number[] = []
    const arret = arretGracieux(serveur, { delaiMs: 300, signaux: [], journal: () => undefined, fermer: async () => undefined, sortir: (code) => void sorties.push(code) })
    const bloquee = obtenir(port)
    await attendre(100)
    const debut = performance.now()
    await arret.arreter('SIGTERM')
    const dureeMs = performance.now() - debut
    expect(await bloquee).toBe('ECONNRESET')
    expect(sorties).toEqual([0])
    expect(dureeMs).toBeGreaterThanOrEqual(290)
    expect(dureeMs).toBeLessThan(2_000)
  })

  it('exits 1 when the databases fail to close', async () => {
    const { serveur } = await serveurLent(10)
    const sorties: number[] = []
    const arret = arretGracieux(serveur, {
      delaiMs: 1_000, signaux: [], journal: () => undefined, sortir: (code) => void sorties.push(code),
      fermer: async () => { throw new Error('disque plein') },
    })
    await arret.arreter('SIGTERM')
    expect(sorties).toEqual([1])
  })
})
