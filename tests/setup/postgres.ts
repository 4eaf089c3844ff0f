// A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, started on a free
// loopback port with its unix socket in that folder, stopped and removed at the end. A machine
// without PostgreSQL makes the calling test fail (never skip): .ci/run installs the Debian package.
import { spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { portLibre } from './port-libre.ts'

export { portLibre }

export type Postgres = Readonly<{
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string
  /** A new empty database of this cluster, and its URL: tests share no state. */
  nouvelleBase: () => Promise<string>
  arreter: () => Promise<void>
}>


/** The binaries of the newest PostgreSQL installed by Debian (`/usr/lib/postgresql/<n>/bin`), or MAILLAGE_PG_BIN. */
export function dossierBinairesPostgres(): string {
  if (process.env.MAILLAGE_PG_BIN) return process.env.MAILLAGE_PG_BIN
  const racine = '/usr/lib/postgresql'
  const versions = existsSync(racine) ? readdirSync(racine).filter((v) => existsSync(join(racine, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a)) : []
  if (versions.length === 0)
    throw new Error('PostgreSQL est introuvable (/usr/lib/postgresql/<version>/bin/initdb) : installez le paquet Debian « postgresql » (.ci/run le fait).')
  return join(racine, versions[0]!, 'bin')
}

/**
 * PostgreSQL refuses to run as root: as root, the cluster belongs to the Debian `postgres` user and its
 * commands run through runuser; otherwise as the current user.
 */
function executant(): { uid: number; gid: number; commande: (bin: string, args: string[]) => [string, string[]] } | null {
  if (process.getuid?.() !== 0) return null
  const ligne = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'))
  if (!ligne) throw new Error('l’utilisateur « postgres » manque : installez le paquet Debian « postgresql », qui le crée.')
  const [, , uid, gid] = ligne.split(':')
  return { uid: Number(uid), gid: Number(gid), commande: (bin, args) => ['runuser', ['-u', 'postgres', '--', bin, ...args]] }
}

/** Starts a fresh cluster; throws (the test fails) if PostgreSQL cannot be started. */
export async function demarrerPostgres(): Promise<Postgres> {
  const bin = dossierBinairesPostgres()
  const dossier = mkdtempSync(join(tmpdir(), 'maillage-pg-'))
  const donnees = join(dossier, 'donnees')
  const qui = executant()
  if (qui) chownSync(dossier, qui.uid, qui.gid)
  const commande = (outil: string, args: string[]): [string, string[]] => qui ? qui.commande(join(bin, outil), args) : [join(bin, outil), args]
  const lancer = (outil: string, args: string[]) => {
    const [c, a] = commande(outil, args)
    const r = spawnSync(c, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 })
    if (r.status !== 0) {
      const journal = existsSync(join(dossier, 'journal.log')) ? readFileSync(join(dossier, 'journal.log'), 'utf8').slice(-2000) : ''
      throw new Error(`${outil} ${args.join(' ')} a échoué (${r.status ?? r.signal}) : ${r.stderr || r.stdout}${journal}`)
    }
  }
  const port = await portLibre()
  let demarre = false
  const arreterTout = () => {
    if (demarre) spawnSync(...commande('pg_ctl', ['-D', donnees, '-m', 'immediate', 'stop']), { stdio: 'ignore' })
    demarre = false
    rmSync(dossier, { recursive: true, force: true })
  }
  // Stopped even when the test process ends without reaching its afterAll.
  process.once('exit', arreterTout)
  try {
    lancer('initdb', ['-D', donnees, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync'])
    lancer('pg_ctl', ['-D', donnees, '-l', join(dossier, 'journal.log'), '-w', '-t', '60', '-o',
      `-p ${port} -k ${dossier} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`, 'start'])
    demarre = true
  } catch (e) {
    arreterTout()
    throw e
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  let n = 0
  return {
    url,
    async nouvelleBase() {
      const nom = `essai_${++n}`
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${nom}`)
      } finally {
        await client.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${nom}`
    },
    async arreter() {
      if (demarre) lancer('pg_ctl', ['-D', donnees, '-m', 'fast', '-w', 'stop'])
      demarre = false
      process.removeListener('exit', arreterTout)
      rmSync(dossier, { recursive: true, force: true })
    },
  }
}

/** Runs a query on a database of the cluster (what the tests check behind the store's back). */
export async function requete<L extends pg.QueryResultRow>(url: string, sql: string, valeurs: unknown[] = []): Promise<L[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<L>(sql, valeurs)).rows
  } finally {
    await client.end()
  }
}

