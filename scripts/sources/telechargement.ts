import { get as getHttp, type IncomingMessage } from 'node:http'
import { get as getHttps } from 'node:https'

export type OptionsTelechargement = Readonly<{
  /** Time allowed to open the connection and receive the response headers. */
  delaiConnexionMs: number
  /** Longest silence allowed while the body arrives. */
  delaiInactiviteMs: number
  /** Attempts in all, the first included; only network errors and 5xx are tried again. */
  tentatives: number
  /** Wait before the second attempt, doubled before each following one. */
  attenteMs: number
  /** Called as bytes arrive (total is undefined without Content-Length). */
  progression?: ((recus: number, total: number | undefined) => void) | undefined
}>

export type Telechargement = Readonly<{ octets: Buffer; urlFinale: string; nomFichier: string | undefined }>

/** A failed download, in French; `reessayable` tells whether another attempt could succeed. */
export class ErreurTelechargement extends Error {
  constructor(message: string, readonly reessayable: boolean) {
    super(message)
  }
}

const REDIRECTIONS_MAX = 5

/**
 * Downloads one URL (http or https, following redirects as data.gouv.fr's stable `/datasets/r/<id>` links
 * need), with a connection timeout, an idle timeout while the body arrives, and bounded retries with
 * exponential backoff on network errors and 5xx answers only: a 404 or a 403 will not heal by waiting.
 */
export async function telecharger(url: string, options: OptionsTelechargement): Promise<Telechargement> {
  let derniere: ErreurTelechargement | undefined
  for (let tentative = 1; tentative <= options.tentatives; tentative++) {
    if (tentative > 1) await new Promise((r) => setTimeout(r, options.attenteMs * 2 ** (tentative - 2)))
    try {
      return await unePasse(url, options, 0)
    } catch (e) {
      derniere = e instanceof ErreurTelechargement ? e : new ErreurTelechargement(String(e), false)
      if (!derniere.reessayable) throw derniere
    }
  }
  throw new ErreurTelechargement(
    `${derniere?.message ?? 'échec'} (${options.tentatives} tentative${options.tentatives > 1 ? 's' : ''})`, true)
}

function unePasse(url: string, options: OptionsTelechargement, redirections: number): Promise<Telechargement> {
  return new Promise((resolve, reject) => {
    let fini = false
    const echouer = (message: string, reessayable: boolean) => {
      if (fini) return
      fini = true
      clearTimeout(minuteur)
      requete.destroy()
      reject(new ErreurTelechargement(message, reessayable))
    }
    const get = url.startsWith('https:') ? getHttps : getHttp
    const requete = get(url, { headers: { 'accept-encoding': 'identity', 'user-agent': 'maillage-sources-maj' } }, (reponse) => {
      clearTimeout(minuteur)
      recevoir(reponse)
    })
    // Until the headers arrive, one timer covers DNS, connection and the server's first answer.
    const minuteur = setTimeout(() => echouer(`pas de réponse du serveur en ${options.delaiConnexionMs} ms`, true), options.delaiConnexionMs)
    // Once the answer has begun, a socket error is a transfer cut short, not a failure to connect.
    let recus: number | undefined
    requete.on('error', (e: NodeJS.ErrnoException) => echouer(recus === undefined
      ? `erreur réseau (${e.code ?? e.message})`
      : `connexion coupée pendant le transfert (${e.code ?? e.message}, ${recus} octets reçus)`, true))

    function recevoir(reponse: IncomingMessage) {
      const statut = reponse.statusCode ?? 0
      if (statut >= 300 && statut < 400 && reponse.headers.location) {
        reponse.resume()
        if (redirections >= REDIRECTIONS_MAX) return echouer(`plus de ${REDIRECTIONS_MAX} redirections`, false)
        fini = true
        requete.destroy()
        unePasse(new URL(reponse.headers.location, url).toString(), options, redirections + 1).then(resolve, reject)
        return
      }
      if (statut !== 200) {
        reponse.resume()
        return echouer(`le serveur répond ${statut}${statut === 404 ? ' (fichier introuvable)' : ''}`, statut >= 500)
      }
      const attendu = reponse.headers['content-length'] === undefined ? undefined : Number(reponse.headers['content-length'])
      const morceaux: Buffer[] = []
      recus = 0
      reponse.setTimeout(options.delaiInactiviteMs, () =>
        echouer(`transfert interrompu : rien reçu pendant ${options.delaiInactiviteMs} ms`, true))
      reponse.on('data', (morceau: Buffer) => {
        morceaux.push(morceau)
        recus = (recus ?? 0) + morceau.length
        options.progression?.(recus, attendu)
      })
      reponse.on('aborted', () => echouer(`connexion coupée pendant le transfert (${recus} octets reçus)`, true))
      reponse.on('error', (e: NodeJS.ErrnoException) => echouer(`connexion coupée pendant le transfert (${e.code ?? e.message}, ${recus} octets reçus)`, true))
      reponse.on('end', () => {
        if (fini) return
        if (!reponse.complete || (attendu !== undefined && recus !== attendu))
          return echouer(`connexion coupée pendant le transfert (${recus} octets reçus${attendu === undefined ? '' : ` sur ${attendu}`})`, true)
        fini = true
        resolve({ octets: Buffer.concat(morceaux), urlFinale: url, nomFichier: nomDeFichier(reponse, url) })
      })
    }
  })
}

/** The file's name as the server gives it (Content-Disposition), else the last segment of the final URL. */
function nomDeFichier(reponse: IncomingMessage, url: string): string | undefined {
  const disposition = reponse.headers['content-disposition']
  const nom = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] : undefined
  if (nom) return decodeURIComponent(nom)
  const segment = new URL(url).pathname.split('/').pop()
  return segment ? decodeURIComponent(segment) : undefined
}
