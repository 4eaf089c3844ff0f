import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dossierSources } from '../../scripts/lib/sources.ts'
import { buildDeps, createApp } from '../../server/app.ts'
import { lireImport } from '../../server/db/imports.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

const RACINE = resolve(import.meta.dirname, '../..')
const dossier = mkdtempSync(join(tmpdir(), 'maillage-sigkill-'))
afterAll(() => rmSync(dossier, { recursive: true, force: true }))

const empreinte = (chemin: string) => createHash('sha256').update(readFileSync(chemin)).digest('hex')
const attendre = (ms: number) => new Promise((ok) => setTimeout(ok, ms))
const temporaires = () => readdirSync(dossier).filter((f) => f.startsWith('maillage.sqlite.tmp-'))
const fichierPrincipal = (temporaires: string[]) => temporaires.find((f) => /^maillage\.sqlite\.tmp-\d+$/.test(f))

describe('a build killed mid-way', () => {
  it('leaves the served database intact, and the next build succeeds and cleans up', async () => {
    // GIVEN a served copy of the national database and a copy of the national sources
    const servie = join(dossier, 'maillage.sqlite')
    copyFileSync(CHEMIN_BASE_NATIONALE, servie)
    cpSync(dossierSources(), join(dossier, 'sources'), { recursive: true, dereference: true })
    const avant = empreinte(servie)
    const app = createApp(buildDeps(ouvrirBase(servie)))
    const idAvant = lireImport(ouvrirBase(servie)).id
    const env = { ...process.env, MAILLAGE_SOURCES: join(dossier, 'sources'), MAILLAGE_BASE: servie }

    // WHEN a build is killed with SIGKILL while it writes its SQLite file
    const enfant = spawn('npx', ['tsx', 'scripts/build-db.ts'], { cwd: RACINE, env, detached: true, stdio: 'ignore' })
    const fini = new Promise<void>((ok) => enfant.once('exit', () => ok()))
    let temporaire: string | undefined
    for (let i = 0; i < 2_400 && !temporaire; i++) {
      if (enfant.exitCode !== null) break
      temporaire = fichierPrincipal(temporaires())
      if (!temporaire) await attendre(50)
    }
    expect(temporaire, 'the build reached its writing stage').toBeDefined()
    await attendre(300)
    const pidConstructeur = Number(temporaire!.split('.tmp-')[1])
    process.kill(pidConstructeur, 'SIGKILL')
    process.kill(-enfant.pid!, 'SIGKILL')
    await fini
    const octetsEcrits = statSync(join(dossier, temporaire!)).size

    // THEN the served file is byte for byte the same, passes its integrity check, and the running API still answers
    expect(octetsEcrits).toBeGreaterThan(0)
    expect(empreinte(servie)).toBe(avant)
    expect(lireImport(ouvrirBase(servie)).id).toBe(idAvant)
    const sante = await app.request('/sante')
    expect([sante.status, ((await sante.json()) as { import: { id: string } }).import.id]).toEqual([200, idAvant])
    const couverture = await app.request('/departements/26/couverture')
    expect(couverture.status).toBe(200)

    // WHEN the build is run again
    const relance = spawnSync('npx', ['tsx', 'scripts/build-db.ts'], { cwd: RACINE, env, encoding: 'utf8', timeout: 170_000 })

    // THEN it succeeds, replaces the database with a new import, and removes the killed build's temporary file
    expect(relance.status, relance.stderr).toBe(0)
    const idApres = lireImport(ouvrirBase(servie)).id
    expect(idApres).not.toBe(idAvant)
    expect(existsSync(join(dossier, temporaire!))).toBe(false)
    expect(temporaires()).toEqual([])
    // AND the API opened before the rename keeps serving the old file until restarted (it holds its own descriptor)
    expect(((await (await app.request('/sante')).json()) as { import: { id: string } }).import.id).toBe(idAvant)
  }, 300_000)
})
