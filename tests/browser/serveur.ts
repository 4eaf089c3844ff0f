// Starts the real server (API + built client) on a free port for browser tests and benchmarks.
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { assurerClient as assurerClientConstruit } from '../../scripts/assurer-client.ts'
import { portLibre } from '../setup/port-libre.ts'
import { argumentsServeur } from '../setup/serveur-compile.ts'

export { portLibre }

const RACINE = resolve(import.meta.dirname, '../..')

export type Serveur = { url: string; arreter: () => Promise<void> }


/** Builds the client when dist/client is missing or stale (set MAILLAGE_REBUILD=1 to force it). */
export const assurerClient = (): boolean => assurerClientConstruit(resolve(RACINE, 'dist/client'))

async function attendre(url: string, enfant: ChildProcess, delaiMs: number): Promise<void> {
  const fin = Date.now() + delaiMs
  while (Date.now() < fin) {
    if (enfant.exitCode !== null) throw new Error(`Le serveur s'est arrêté (code ${enfant.exitCode})`)
    try {
      const r = await fetch(url)
      if (r.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`Le serveur ne répond pas sur ${url} après ${delaiMs} ms`)
}

/**
 * MAILLAGE_URL points the tests at an already running server instead of starting one, unless the
 * test needs its own (a port known in advance, extra environment: the login test).
 */
export async function demarrerServeur(options: { port?: number; env?: Record<string, string> } = {}): Promise<Serveur> {
  if (process.env.MAILLAGE_URL && !options.env) return { url: process.env.MAILLAGE_URL, arreter: async () => {} }
  assurerClient()
  const port = options.port ?? (await portLibre())
  // As `npm start` runs it: compiled (tests/setup/serveur-compile.ts).
  const enfant = spawn(process.execPath, await argumentsServeur(), {
    cwd: RACINE,
    // One log line per request would bury the test report: warnings and errors only
    env: { ...process.env, MAILLAGE_JOURNAL: 'warn', ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  })
  const url = `http://127.0.0.1:${port}`
  try {
    await attendre(`${url}/api/sante`, enfant, 120_000)
  } catch (e) {
    if (enfant.pid) process.kill(-enfant.pid, 'SIGTERM')
    throw e
  }
  return {
    url,
    arreter: () =>
      new Promise((ok) => {
        if (enfant.exitCode !== null || !enfant.pid) return ok()
        enfant.once('exit', () => ok())
        // The whole process group started above (the server, and tsx's loader when it runs the sources).
        process.kill(-enfant.pid, 'SIGTERM')
      }),
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian Chromium, headless, WebGL through SwiftShader; `supplementaires` adds switches (the dashboard bench). */
export function lancerNavigateur(supplementaires: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...supplementaires,
    ],
  })
}

export const DOSSIER_ARTEFACTS = resolve(RACINE, 'tests/artefacts')
