import { buildDeps, createApp, type Deps } from '../../server/app.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

let deps: Deps | undefined
let app: ReturnType<typeof createApp> | undefined

/** What the API is built from over the national database, once per test file (the database is read-only). */
export function depsNationales(): Deps {
  deps ??= buildDeps(ouvrirBase(CHEMIN_BASE_NATIONALE))
  return deps
}

/** The API over the national database, built once per test file. */
export function appNationale(): ReturnType<typeof createApp> {
  app ??= createApp(depsNationales())
  return app
}

/** GET a path of the API and read its JSON. */
export async function get(chemin: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await appNationale().request(chemin)
  return { status: res.status, body: await res.json(), headers: res.headers }
}
