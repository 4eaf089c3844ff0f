import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServeur } from '../../server/main.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { portLibre } from '../setup/port-libre.ts'
import { serveurCompile } from '../setup/serveur-compile.ts'

/**
 * `npm start` runs the server compiled into dist/serveur (one bundle, its worker threads' entries beside it). Its
 * answers must be those of the TypeScript sources: the ones computed in the pool's worker, in the 2SFCA thread and in
 * the tiles' thread, each of which the compiled server starts from its own entry.
 */
describe('the compiled server (npm start)', () => {
  let compile: Awaited<ReturnType<typeof serveurCompile>>
  let processus: ChildProcess
  let base: string
  // What the server writes on stderr: a worker thread that cannot start says so there (its tasks then run inline,
  // to the same answers: only this shows it).
  let erreurs: () => string
  const dossier = mkdtempSync(join(tmpdir(), 'maillage-compile-'))
  const sources = createServeur(CHEMIN_BASE_NATIONALE, join(dossier, 'sans-client'))

  /** Starts the compiled server on a free port, with its own accounts file, once /api/sante answers. */
  async function demarrer(nom: string): Promise<{ processus: ChildProcess; base: string; erreurs: () => string }> {
    const port = await portLibre()
    const p = spawn(process.execPath, [compile.main], {
      env: {
        ...process.env, HOST: '127.0.0.1', PORT: String(port), MAILLAGE_BASE: CHEMIN_BASE_NATIONALE, MAILLAGE_TRAVAILLEURS: '1',
        MAILLAGE_BASE_COMPTES: join(dossier, `${nom}.sqlite`), MAILLAGE_JOURNAL: 'silent', MAILLAGE_LIMITE_REQUETES_MINUTE: '0',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let sortie = ''
    p.stderr!.on('data', (d: Buffer) => { sortie += d.toString() })
    for (let i = 0; ; i++) {
      if (p.exitCode !== null) throw new Error(`le serveur compilé s'est arrêté (code ${p.exitCode}) : ${sortie}`)
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/sante`)).ok) break
      } catch {
        if (i > 600) throw new Error('le serveur compilé ne répond pas')
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    return { processus: p, base: `http://127.0.0.1:${port}`, erreurs: () => sortie }
  }

  beforeAll(async () => {
    compile = await serveurCompile('compile')
    const d = await demarrer('comptes')
    processus = d.processus
    base = d.base
    erreurs = d.erreurs
  }, 120_000)

  afterAll(() => {
    processus?.kill('SIGTERM')
    compile?.supprimer()
    sources.db.close()
    rmSync(dossier, { recursive: true, force: true })
  })

  it.each([
    ['a radius read from the neighbour lists, in the pool\'s worker', '/api/couverture?rayonKm=12.34'],
    ['a wide radius walked in two halves, the pool\'s worker and the 2SFCA thread', '/api/couverture?rayonKm=61.7&offre=france-services,conseillers-numeriques'],
    ['a département\'s communes on cells', '/api/departements/26/communes?rayonKm=17.5'],
    ['a vector tile, from the tiles\' thread', '/api/tuiles/communes/6/32/22.pbf'],
  ])('answers %s with the bytes of the sources (%s)', async (_, chemin) => {
    const r = await fetch(`${base}${chemin}`, { headers: { 'Accept-Encoding': 'identity' } })
    expect(r.status).toBe(200)
    const attendue = await sources.app.request(chemin)
    expect(attendue.status).toBe(200)
    const octets = async (x: Response) => {
      const b = Buffer.from(await x.arrayBuffer())
      return x.headers.get('Content-Encoding') === 'gzip' ? gunzipSync(b) : b
    }
    expect((await octets(r)).equals(await octets(attendue))).toBe(true)
    expect(erreurs()).toBe('')
  }, 60_000)

  it('stops at once on SIGTERM right after it answers, exit code 0, saying nothing of the warm-up it cut short', async () => {
    // GIVEN a server that has just started: its pool's worker is still loading, the opening view's warm-up waits for it
    const { processus: p, erreurs: sortie } = await demarrer('arret')
    // WHEN it is stopped
    const fin = new Promise<number | null>((ok) => p.once('exit', (code) => ok(code)))
    p.kill('SIGTERM')
    // THEN it exits cleanly, and its stderr holds no error
    expect(await fin).toBe(0)
    expect(sortie()).not.toMatch(/préchauffage|Error/)
  }, 60_000)
})
