import { buildDeps, createApp } from '../../server/app.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

let app: ReturnType<typeof createApp> | undefined

/** The API over the national database, built once per test file (the database is read-only). */
export function appNationale(): ReturnType<typeof createApp> {
  app ??= createApp(buildDeps(ouvrirBase(CHEMIN_BASE_NATIONALE)))
  return app
}

/** GET a path of the API and read its JSON. */
export async function get(chemin: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await appNationale().request(chemin)
  return { status: res.status, body: await res.json(), headers: res.headers }
}
