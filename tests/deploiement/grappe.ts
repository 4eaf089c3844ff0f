// Several Maillage instances behind Debian's nginx, as deployed (README « Déploiement »): the tests and the
// bench start each instance as its own process and nginx with the committed configuration, rendered with their ports.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { argumentsServeur } from '../setup/serveur-compile.ts'

export const RACINE = resolve(import.meta.dirname, '../..')
/** The national reference database built by the tests' global setup. */
export const BASE_NATIONALE = resolve(RACINE, 'data/maillage.sqlite')

export type Instance = Readonly<{
  nom: string
  port: number
  url: string
  processus: ChildProcess
  /** Resolves with the exit code once the process has ended. */
  fin: Promise<number | null>
  /** Sends `signal` (SIGTERM by default) and resolves with the exit code. */
  arreter: (signal?: NodeJS.Signals) => Promise<number | null>
}>

/**
 * Starts the server as `npm start` does (compiled, tests/setup/serveur-compile.ts) on `port` under the name `nom`
 * (X-Maillage-Instance) and waits until /api/sante answers. Node itself is the process: its exit code is the server's,
 * and a graceful shutdown can be observed.
 */
export async function demarrerInstance(nom: string, port: number, env: Record<string, string>, delaiMs = 120_000): Promise<Instance> {
  const processus = spawn(process.execPath, await argumentsServeur(), {
    cwd: RACINE,
    env: { ...process.env, MAILLAGE_BASE: BASE_NATIONALE, ...env, PORT: String(port), HOST: '127.0.0.1', MAILLAGE_INSTANCE: nom },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const journal: string[] = []
  const garder = (d: Buffer) => {
    journal.push(d.toString())
    if (process.env.MAILLAGE_JOURNAL_INSTANCES) process.stderr.write(`[${nom}] ${d.toString()}`)
  }
  processus.stdout!.on('data', garder)
  processus.stderr!.on('data', garder)
  const fin = new Promise<number | null>((ok) => processus.once('exit', (code) => ok(code)))
  const url = `http://127.0.0.1:${port}`
  const limite = Date.now() + delaiMs
  for (;;) {
    if (processus.exitCode !== null) throw new Error(`l’instance ${nom} s’est arrêtée au démarrage (code ${processus.exitCode}) :\n${journal.join('')}`)
    try {
      if ((await fetch(`${url}/api/sante`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > limite) {
      processus.kill('SIGKILL')
      throw new Error(`l’instance ${nom} ne répond pas sur ${url} après ${delaiMs} ms :\n${journal.join('')}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    nom, port, url, processus, fin,
    arreter: (signal = 'SIGTERM') => {
      if (processus.exitCode === null) processus.kill(signal)
      return fin
    },
  }
}

export type Nginx = Readonly<{ url: string; configuration: string; journal: () => string; arreter: () => Promise<void> }>

/** The committed configuration with its placeholders replaced, as `envsubst` does in the README. */
export function rendreConfigurationNginx(valeurs: Readonly<{ ecoute: string; instanceA: string; instanceB: string }>): string {
  const modele = readFileSync(resolve(RACINE, 'deploiement/nginx.conf'), 'utf8')
  const rendu = modele
    .replaceAll('${MAILLAGE_ECOUTE}', valeurs.ecoute)
    .replaceAll('${MAILLAGE_INSTANCE_A}', valeurs.instanceA)
    .replaceAll('${MAILLAGE_INSTANCE_B}', valeurs.instanceB)
  const reste = /\$\{MAILLAGE_\w+\}/.exec(rendu)
  if (reste) throw new Error(`deploiement/nginx.conf : ${reste[0]} n’est pas remplacé`)
  return rendu
}

export function binaireNginx(): string {
  for (const c of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(c)) return c
  throw new Error('nginx est introuvable : installez le paquet Debian « nginx » (.ci/run le fait).')
}

const ecoute = (port: number) => new Promise<boolean>((ok) => {
  const s = connect(port, '127.0.0.1')
  s.once('connect', () => (s.destroy(), ok(true)))
  s.once('error', () => ok(false))
})

/** nginx in the foreground with deploiement/nginx.conf on `port`, in front of the two instances; its files in a temporary prefix. */
export async function demarrerNginx(port: number, instances: readonly [number, number]): Promise<Nginx> {
  const prefixe = mkdtempSync(join(tmpdir(), 'maillage-nginx-'))
  const configuration = join(prefixe, 'nginx.conf')
  writeFileSync(configuration, rendreConfigurationNginx({ ecoute: `127.0.0.1:${port}`, instanceA: `127.0.0.1:${instances[0]}`, instanceB: `127.0.0.1:${instances[1]}` }))
  const nginx = binaireNginx()
  const verification = spawnSync(nginx, ['-t', '-q', '-e', 'stderr', '-p', `${prefixe}/`, '-c', configuration], { encoding: 'utf8' })
  if (verification.status !== 0) throw new Error(`nginx -t refuse la configuration : ${verification.stderr}`)
  const processus = spawn(nginx, ['-e', 'stderr', '-p', `${prefixe}/`, '-c', configuration, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let erreurs = ''
  processus.stderr!.on('data', (d: Buffer) => (erreurs += d.toString()))
  const fin = new Promise<void>((ok) => processus.once('exit', () => ok()))
  const arreter = async () => {
    if (processus.exitCode === null) processus.kill('SIGQUIT')
    await fin
    rmSync(prefixe, { recursive: true, force: true })
  }
  const limite = Date.now() + 10_000
  while (!(await ecoute(port))) {
    if (processus.exitCode !== null || Date.now() > limite) {
      await arreter()
      throw new Error(`nginx ne démarre pas (code ${processus.exitCode}) : ${erreurs}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  return { url: `http://127.0.0.1:${port}`, configuration, journal: () => erreurs, arreter }
}
