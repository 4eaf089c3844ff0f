import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { createApp, type Deps } from '../../server/app.ts'
import { buildComptes, type DepsComptes } from '../../server/comptes/index.ts'
import { depsNationales } from '../routes/app-nationale.ts'
import { CLIENT, demarrerFournisseur, ORIGINE_MAILLAGE, PERSONNES } from './fournisseur-oidc.ts'

/**
 * Maillage over the national database with a fresh accounts database (temporary file) and login
 * through a real local OpenID Connect provider; `admin@anct.gouv.fr` is the configured admin. `deps` replaces what
 * the API is built from (a computation pool, for instance).
 */
export async function contexteComptes(deps: Deps = depsNationales()) {
  const fournisseur = await demarrerFournisseur()
  const dossier = mkdtempSync(join(tmpdir(), 'maillage-comptes-'))
  const comptes: DepsComptes = await buildComptes({
    chemin: join(dossier, 'comptes.sqlite'),
    oidc: { emetteur: fournisseur.emetteur, clientId: CLIENT.id, clientSecret: CLIENT.secret, portees: 'openid email profile', acr: '', algUserinfo: '' },
    cookieSecurise: true,
    dureeSessionMs: 3_600_000,
    urlPublique: ORIGINE_MAILLAGE,
    admins: [PERSONNES.admin!.email],
  })
  const app = new Hono().route('/api', createApp(deps, comptes))
  return {
    app,
    comptes,
    fournisseur,
    async fermer() {
      await comptes.comptes.fermer()
      await fournisseur.fermer()
      rmSync(dossier, { recursive: true, force: true })
    },
  }
}

/** A call to Maillage as a browser holding `cookies` (from the same site: no cross-origin). */
export async function appeler(app: Hono, methode: string, chemin: string, cookies: Record<string, string>, corps?: unknown) {
  const res = await app.request(`${ORIGINE_MAILLAGE}${chemin}`, {
    method: methode,
    headers: { ...cookies, ...(corps === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(corps === undefined ? {} : { body: JSON.stringify(corps) }),
  })
  const texte = await res.text()
  return { status: res.status, texte, corps: JSON.parse(texte) as any, entetes: res.headers }
}
