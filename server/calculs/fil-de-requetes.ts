import { parentPort, Worker } from 'node:worker_threads'

/** A thread of our own that answers requests, each by its id (the tiles' thread, the 2SFCA thread). */
export type FilDeRequetes<D, R> = Readonly<{
  /** Starts the thread now, so that the first request finds its data loaded. */
  prechauffer(): void
  demander(demande: D): Promise<R>
  fermer(): Promise<void>
}>

type Message<D> = Readonly<{ id: number; demande: D }>
type Reponse<R> = Readonly<{ id: number; resultat?: R; erreur?: string }>

/**
 * The main thread's side: starts the thread (`entree`, given `donnees`) on first use, sends each request with an id
 * and settles its promise with the answer of the same id. A thread that dies fails the requests it owed; the next
 * request starts a new one. An idle thread does not keep a finished process alive; one that owes answers does.
 * @param nom how errors name the thread, e.g. « le fil des tuiles ».
 */
export function filDeRequetes<D, R>(entree: URL, donnees: unknown, nom: string): FilDeRequetes<D, R> {
  const attentes = new Map<number, { resoudre: (r: R) => void; rejeter: (e: Error) => void }>()
  let suivant = 0
  let fil: Worker | undefined

  const demarrer = (): Worker => {
    const w = new Worker(entree, { workerData: donnees })
    w.on('message', (m: Reponse<R> | object) => {
      if (!('id' in m)) return
      const attente = attentes.get(m.id)
      attentes.delete(m.id)
      if (attentes.size === 0) w.unref()
      if (m.erreur === undefined) attente?.resoudre(m.resultat as R)
      else attente?.rejeter(new Error(`${nom} : ${m.erreur}`))
    })
    const echouer = (e: Error) => {
      if (fil === w) fil = undefined
      for (const a of attentes.values()) a.rejeter(e)
      attentes.clear()
    }
    // A thread that fails (its module missing, an exception outside a request) is an operator's business: said on stderr.
    w.on('error', (e) => {
      console.error(`${nom} : ${e.message}`)
      echouer(e)
    })
    w.on('exit', (code) => echouer(new Error(`${nom} s'est arrêté (code ${code})`)))
    w.unref()
    return w
  }

  return {
    prechauffer: () => {
      fil ??= demarrer()
    },
    demander: (demande) => {
      const w = (fil ??= demarrer())
      const id = suivant++
      return new Promise<R>((resoudre, rejeter) => {
        if (attentes.size === 0) w.ref()
        attentes.set(id, { resoudre, rejeter })
        w.postMessage({ id, demande } satisfies Message<D>)
      })
    },
    fermer: async () => {
      const w = fil
      fil = undefined
      if (w) await w.terminate()
    },
  }
}

/**
 * The thread's side: answers each request with `traiter`'s result, its `transfert` buffers moved to the main thread
 * rather than copied; an error is sent back as its message.
 */
export function repondreAuxDemandes<D, R>(traiter: (demande: D) => Readonly<{ resultat: R; transfert?: ArrayBuffer[] }>): void {
  parentPort!.on('message', ({ id, demande }: Message<D>) => {
    let reponse: { resultat: R; transfert?: ArrayBuffer[] }
    try {
      reponse = traiter(demande)
    } catch (e) {
      parentPort!.postMessage({ id, erreur: e instanceof Error ? e.message : String(e) } satisfies Reponse<R>)
      return
    }
    parentPort!.postMessage({ id, resultat: reponse.resultat } satisfies Reponse<R>, reponse.transfert ?? [])
  })
}
