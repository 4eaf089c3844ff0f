import type { Server } from 'node:http'

export type OptionsArret = Readonly<{
  /** Longest wait for the requests under way before their connections are cut. */
  delaiMs: number
  /** Closes what the instance holds open (databases), once no request is left. */
  fermer: () => Promise<void>
  journal?: (message: string) => void
  /** Ends the process; `process.exit` outside tests. */
  sortir?: (code: number) => void
  /** Signals that start the shutdown (tests pass none and call `arreter`). */
  signaux?: readonly NodeJS.Signals[]
}>

/**
 * Graceful shutdown on SIGTERM (and SIGINT): stop accepting connections, let the requests under way finish
 * (at most `delaiMs`), close the databases, exit 0. Idle keep-alive connections are closed at once and then
 * as each request ends, so that a load balancer retries their next request on another instance instead of
 * sending it to one that is leaving. A second signal during the wait changes nothing.
 */
export function arretGracieux(serveur: Server, o: OptionsArret): { arreter: (motif: string) => Promise<void> } {
  const journal = o.journal ?? ((m: string) => console.log(m))
  const sortir = o.sortir ?? ((code: number) => process.exit(code))
  let enCours = 0
  serveur.on('request', (_req, res) => {
    enCours++
    res.once('close', () => enCours--)
  })
  let arret: Promise<void> | undefined

  const arreter = (motif: string) => {
    arret ??= (async () => {
      journal(`${motif} : arrêt de l’instance, plus de nouvelles connexions ; ${enCours} requête(s) en cours, attendues ${o.delaiMs / 1000} s au plus.`)
      const debut = Date.now()
      const ferme = new Promise<void>((ok) => serveur.close(() => ok()))
      serveur.closeIdleConnections()
      const balayage = setInterval(() => serveur.closeIdleConnections(), 50)
      let delai: NodeJS.Timeout | undefined
      const depasse = new Promise<'depasse'>((ok) => { delai = setTimeout(() => ok('depasse'), o.delaiMs) })
      if (await Promise.race([ferme, depasse]) === 'depasse') {
        journal(`arrêt : ${enCours} requête(s) encore en cours après ${o.delaiMs / 1000} s, connexions coupées.`)
        serveur.closeAllConnections()
        await ferme
      }
      clearInterval(balayage)
      clearTimeout(delai)
      let code = 0
      try {
        await o.fermer()
      } catch (e) {
        console.error('arrêt : fermeture des bases :', e)
        code = 1
      }
      journal(`arrêt terminé en ${Date.now() - debut} ms.`)
      sortir(code)
    })()
    return arret
  }
  for (const signal of o.signaux ?? ['SIGTERM', 'SIGINT']) process.on(signal, () => void arreter(signal))
  return { arreter }
}
