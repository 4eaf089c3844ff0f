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
  let erreurs = ''
  const dossier = mkdtempSync(join(tmpdir(), 'maillage-compile-'))
  const sources = createServeur(CHEMIN_BASE_NATIONALE, join(dossier, 'sans-client'))

  beforeAll(async () => {
    compile = await serveurCompile('compile')
    const port = await portLibre()
    base = `http://127.0.0.1:${port}`
    processus = spawn(process.execPath, [compile.main], {
      env: {
        ...process.env, HOST: '127.0.0.1', PORT: String(port), MAILLAGE_BASE: CHEMIN_BASE_NATIONALE, MAILLAGE_TRAVAILLEURS: '1',
        MAILLAGE_BASE_COMPTES: join(dossier, 'comptes.sqlite'), MAILLAGE_JOURNAL: 'silent', MAILLAGE_LIMITE_REQUETES_MINUTE: '0',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    processus.stderr!.on('data', (d: Buffer) => { erreurs += d.toString() })
    for (let i = 0; ; i++) {
      if (processus.exitCode !== null) throw new Error(`le serveur compilé s'est arrêté (code ${processus.exitCode})`)
      try {
        if ((await fetch(`${base}/api/sante`)).ok) break
      } catch {
        if (i > 600) throw new Error('le serveur compilé ne répond pas')
        await new Promise((r) => setTimeout(r, 100))
      }
    }
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
    expect(erreurs).toBe('')
  }, 60_000)
})
