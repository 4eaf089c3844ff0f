import { spawnSync } from 'node:child_process'
import { closeSync, copyFileSync, existsSync, mkdtempSync, readdirSync, openSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lireConfig } from '../../server/config.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { serveurCompile } from '../setup/serveur-compile.ts'

const RACINE = resolve(import.meta.dirname, '../..')
const dossier = mkdtempSync(join(tmpdir(), 'maillage-demarrage-'))
let compile: Awaited<ReturnType<typeof serveurCompile>> | undefined
beforeAll(async () => {
  compile = await serveurCompile('demarrage')
}, 60_000)
afterAll(() => {
  compile?.supprimer()
  rmSync(dossier, { recursive: true, force: true })
})

/** Starts the server compiled as `npm start` runs it; a startup that wrongly succeeds is cut off by the timeout. */
function demarrer(env: Record<string, string>, cwd = RACINE) {
  const r = spawnSync(process.execPath, [compile!.main], {
    cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOST: '127.0.0.1', PORT: '59123', ...env },
  })
  return { code: r.status, sortie: `${r.stdout}${r.stderr}` }
}

const copie = (nom: string, abimer: (chemin: string) => void) => {
  const chemin = join(dossier, nom)
  copyFileSync(CHEMIN_BASE_NATIONALE, chemin)
  abimer(chemin)
  return chemin
}

const CAS: readonly { nom: string; base: () => string; message: RegExp }[] = [
  { nom: 'a missing database file', base: () => join(dossier, 'absente.sqlite'), message: /La base de référence .*absente\.sqlite est absente\. Lancez « npm run build:data »/ },
  { nom: 'an empty file', base: () => { const c = join(dossier, 'vide.sqlite'); writeFileSync(c, ''); return c },
    message: /illisible ou corrompue \(no such table: import\)\. Supprimez-la puis lancez « npm run build:data »/ },
  { nom: 'a file that is not SQLite', base: () => { const c = join(dossier, 'texte.sqlite'); writeFileSync(c, 'code;nom\n26;Drôme\n'.repeat(500)); return c },
    message: /illisible ou corrompue \(file is not a database\)\. Supprimez-la puis lancez « npm run build:data »/ },
  { nom: 'a truncated database (half of the national file)', base: () => copie('tronquee.sqlite', (c) => truncateSync(c, Math.floor(statSync(c).size / 2))),
    message: /illisible ou corrompue \(.+\)\. Supprimez-la puis lancez « npm run build:data »/ },
  { nom: 'a database with pages overwritten in the middle', base: () => copie('abimee.sqlite', (c) => {
    const fd = openSync(c, 'r+')
    writeSync(fd, Buffer.alloc(256 * 1024, 0xa5), 0, 256 * 1024, Math.floor(statSync(c).size / 3))
    closeSync(fd)
  }), message: /illisible ou corrompue \(.+\)\. Supprimez-la puis lancez « npm run build:data »/ },
  { nom: 'a SQLite file of another schema', base: () => {
    const c = join(dossier, 'autre-schema.sqlite')
    const db = new Database(c)
    db.exec("CREATE TABLE import (id TEXT); INSERT INTO import VALUES ('ancienne')")
    db.close()
    return c
  }, message: /ne correspond pas à cette version de Maillage \(.+\)\. Reconstruisez-la avec « npm run build:data »/ },
]

describe('server startup without a usable database', () => {
  it.each(CAS)('stops on $nom with a French message saying what to run, exit code 1 and no stack trace', ({ base, message }) => {
    const { code, sortie } = demarrer({ MAILLAGE_BASE: base() })
    expect(sortie).toMatch(message)
    expect(code).toBe(1)
    expect(sortie).not.toMatch(/^\s+at /m)
    expect(sortie).not.toMatch(/Maillage est servi/)
  }, 90_000)

  it('stops on an invalid setting with its name, exit code 1 and no stack trace', () => {
    const { code, sortie } = demarrer({ MAILLAGE_BASE: CHEMIN_BASE_NATIONALE, MAILLAGE_CORS_ORIGINES: 'https://exemple.fr/chemin' })
    expect(sortie).toMatch(/Configuration invalide : MAILLAGE_CORS_ORIGINES — .*n'est pas une origine/)
    expect(code).toBe(1)
    expect(sortie).not.toMatch(/^\s+at /m)
  }, 90_000)

  it('takes a postgres:// address as the accounts store, and stops in French without the password when it does not answer', () => {
    // GIVEN an empty working directory WHEN the server starts with a PostgreSQL address where nothing listens
    const travail = mkdtempSync(join(dossier, 'travail-'))
    const { code, sortie } = demarrer({ MAILLAGE_BASE: CHEMIN_BASE_NATIONALE, MAILLAGE_BASE_COMPTES: 'postgres://maillage:secret@127.0.0.1:1/comptes' }, travail)
    // THEN it stops in French, names the variable, hides the password, and creates nothing (no `postgres:` folder)
    expect(sortie).toMatch(/La base des comptes PostgreSQL postgres:\/\/maillage:\*\*\*@127\.0\.0\.1:1\/comptes ne répond pas ou refuse la connexion/)
    expect(sortie).toMatch(/MAILLAGE_BASE_COMPTES/)
    expect(sortie).not.toMatch(/secret/)
    expect(code).toBe(1)
    expect(readdirSync(travail)).toEqual([])
    expect(existsSync(join(RACINE, 'postgres:'))).toBe(false)
  }, 90_000)
})

describe('file paths in the configuration', () => {
  it.each([
    ['MAILLAGE_BASE', 'file:///srv/maillage.sqlite', 'file'],
    ['MAILLAGE_CLIENT', 'https://cdn.exemple.fr/client', 'https'],
  ])('refuses %s = %s with a French message naming the variable', (nom, valeur, schema) => {
    expect(() => lireConfig({ [nom]: valeur })).toThrow(`Configuration invalide : ${nom} — ${nom} doit être un chemin de fichier, pas une adresse (« ${schema}: »)`)
  })

  it.each([['mysql://u:p@h/comptes', 'mysql'], ['sqlite:comptes.db', 'sqlite']])('refuses MAILLAGE_BASE_COMPTES = %s: neither a file nor PostgreSQL', (valeur, schema) => {
    expect(() => lireConfig({ MAILLAGE_BASE_COMPTES: valeur })).toThrow(
      `Configuration invalide : MAILLAGE_BASE_COMPTES — MAILLAGE_BASE_COMPTES doit être un chemin de fichier SQLite ou une adresse postgres://…, pas une adresse « ${schema}: »`)
  })

  it.each(['postgres://maillage:secret@127.0.0.1:5432/comptes', 'postgresql://maillage@db.interne/comptes'])('accepts the PostgreSQL address %s', (valeur) => {
    expect(lireConfig({ MAILLAGE_BASE_COMPTES: valeur }).MAILLAGE_BASE_COMPTES).toBe(valeur)
  })

  it.each(['/srv/maillage/comptes.sqlite', 'data/comptes.sqlite', './comptes:2026.sqlite', 'C:\\maillage\\comptes.sqlite'])('accepts the path %s', (valeur) => {
    expect(lireConfig({ MAILLAGE_BASE_COMPTES: valeur, MAILLAGE_BASE: valeur, MAILLAGE_CLIENT: valeur }).MAILLAGE_BASE_COMPTES).toBe(valeur)
  })
})
