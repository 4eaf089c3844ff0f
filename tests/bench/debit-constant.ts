// An open-loop load generator (wrk2's rule): request k is due at t0 + k / débit, sent then whatever the earlier
// answers did, and its latency counts from that due time — a stalled server cannot hide its queue by slowing the
// sender (coordinated omission). autocannon's overallRate sends each second's quota in a burst at the start of the
// second: even Node's bare http module then shows a p99 of ~180 ms at 2,000 req/s, a figure about the generator.
import { Agent, request } from 'node:http'

export type MesureDebit = { envoyees: number; recues: number; erreurs: number; non2xx: number; p50: number; p99: number; max: number; reqParS: number }

const quantile = (tries: Float64Array, q: number) => (tries.length === 0 ? NaN : tries[Math.min(tries.length - 1, Math.floor(q * tries.length))]!)

/** Offers `debit` requests per second for `dureeS` seconds to `url` + each of `chemins` in turn (keep-alive sockets). */
export async function chargerADebitConstant(o: { url: string; chemins: readonly string[]; debit: number; dureeS: number; gzip: boolean; sockets?: number }): Promise<MesureDebit> {
  const cible = new URL(o.url)
  const agent = new Agent({ keepAlive: true, maxSockets: o.sockets ?? 256 })
  const total = Math.round(o.debit * o.dureeS)
  const latences = new Float64Array(total)
  let envoyees = 0
  let recues = 0
  let erreurs = 0
  let non2xx = 0
  const debut = performance.now()
  await new Promise<void>((fini) => {
    const terminer = () => { if (recues + erreurs === total) fini() }
    const envoyer = (k: number, du: number) => {
      const req = request({ host: cible.hostname, port: cible.port, path: o.chemins[k % o.chemins.length], agent, headers: o.gzip ? { 'accept-encoding': 'gzip' } : {} }, (res) => {
        if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode > 299) non2xx++
        res.on('data', () => {})
        res.on('end', () => {
          latences[recues++] = performance.now() - du
          terminer()
        })
      })
      req.on('error', () => {
        erreurs++
        terminer()
      })
      req.end()
    }
    // Every millisecond or so, send every request whose due time has come (timers cannot wake every 0.5 ms).
    const battre = () => {
      const maintenant = performance.now()
      while (envoyees < total) {
        const du = debut + (envoyees * 1000) / o.debit
        if (du > maintenant) break
        envoyer(envoyees++, du)
      }
      if (envoyees < total) setTimeout(battre, 0)
    }
    battre()
  })
  const duree = (performance.now() - debut) / 1000
  agent.destroy()
  const tries = latences.subarray(0, recues).sort()
  return { envoyees, recues, erreurs, non2xx, p50: quantile(tries, 0.5), p99: quantile(tries, 0.99), max: tries.length ? tries[tries.length - 1]! : NaN, reqParS: recues / duree }
}
