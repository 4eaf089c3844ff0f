import { expect } from 'vitest'
import { ORIGINE_MAILLAGE } from './fournisseur-oidc.ts'

/** A cookie jar: name → value, from Set-Cookie headers (an expired or emptied cookie is removed). */
export class Bocal {
  readonly cookies = new Map<string, string>()
  absorber(res: Response): void {
    for (const ligne of res.headers.getSetCookie()) {
      const [paire, ...attributs] = ligne.split(';')
      const i = paire!.indexOf('=')
      const nom = paire!.slice(0, i).trim()
      const valeur = paire!.slice(i + 1).trim()
      const expire = attributs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a))
      if (expire || valeur === '') this.cookies.delete(nom)
      else this.cookies.set(nom, valeur)
    }
  }
  entete(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { Cookie: [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ') }
  }
}

/** What answers Maillage's requests: a Hono app (`app.request`), or real HTTP through `fetch` (tests/deploiement). */
export type Appelant = Readonly<{ request: (url: string, init?: RequestInit) => Response | Promise<Response> }>

/** Maillage over real HTTP (redirects are followed by the caller, as a browser follows them). */
export const parHttp = (): Appelant => ({ request: (url, init) => fetch(url, { ...init, redirect: 'manual' }) })

/**
 * A browser's path through the real login: Maillage's /api/connexion, the provider's login form and
 * consent (submitted as a user would), back to Maillage's /api/connexion/retour. Returns the jar that
 * now holds the session cookie and where Maillage finally sent the browser.
 */
export async function seConnecter(app: Appelant, login: string, retour = '/planifier/26', origine = ORIGINE_MAILLAGE): Promise<{ bocal: Bocal; arrivee: string; setCookie: string[] }> {
  const bocal = new Bocal()
  const fournisseur = new Bocal()
  let res = await app.request(`${origine}/api/connexion?retour=${encodeURIComponent(retour)}`)
  expect(res.status, await res.clone().text()).toBe(302)
  bocal.absorber(res)
  let url = new URL(res.headers.get('Location')!)
  for (let etape = 0; etape < 12; etape++) {
    if (url.origin === origine) {
      res = await app.request(url.href, { headers: bocal.entete() })
      bocal.absorber(res)
      return { bocal, arrivee: res.status === 302 ? res.headers.get('Location')! : `${res.status} ${await res.text()}`, setCookie: res.headers.getSetCookie() }
    }
    res = await fetch(url, { redirect: 'manual', headers: fournisseur.entete() })
    fournisseur.absorber(res)
    if (res.status === 200) {
      const page = await res.text()
      const invite = /name="prompt" value="(\w+)"/.exec(page)?.[1]
      const formulaire = invite === 'login' ? { prompt: 'login', login, password: 'x' } : { prompt: 'consent' }
      res = await fetch(url, {
        method: 'POST', redirect: 'manual', body: new URLSearchParams(formulaire),
        headers: { ...fournisseur.entete(), 'Content-Type': 'application/x-www-form-urlencoded' },
      })
      fournisseur.absorber(res)
    }
    const suite = res.headers.get('Location')
    if (suite === null) throw new Error(`le fournisseur a répondu ${res.status} sans redirection : ${(await res.text()).slice(0, 300)}`)
    url = new URL(suite, url)
  }
  throw new Error('trop de redirections pendant la connexion')
}
