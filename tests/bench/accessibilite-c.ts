/**
 * Issue 15: would a native kernel make the 2SFCA's wide radii fast enough? The tree walk (`accessibiliteParArbre`, both
 * parts on this one thread) against the same walk in C (accessibilite-c/parcours.c, gcc -O3 -march=native
 * -ffp-contract=off), on the national data (offre complète): best of 5 each, and a check that C gives the very bits.
 * Not part of `npm test`; needs gcc (`apt-get install -y gcc` on a machine without it).
 * Run `npx tsx tests/bench/accessibilite-c.ts`.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { accessibiliteParArbre } from '../../server/spatial/accessibilite.ts'
import { buildIndexCouverture } from '../../server/spatial/index-couverture.ts'
import { donneesNationalesBench } from './donnees-nationales.ts'

const REPETITIONS = 5
const { communes, lieux, territoires } = donneesNationalesBench()
const index = buildIndexCouverture(communes, lieux, territoires)
const dossier = mkdtempSync(join(tmpdir(), 'maillage-parcours-c-'))
try {
  const ecrire = (nom: string, t: ArrayBufferView) => writeFileSync(join(dossier, `${nom}.bin`), new Uint8Array(t.buffer, t.byteOffset, t.byteLength))
  const a = index.agregatsCommunes
  const arbreLieux = index.arbresLieux[OFFRE_COMPLETE]!
  for (const [nom, t] of Object.entries({
    boites: a.boites, sommes: a.sommes, saut: a.saut, debut: a.debut, fin: a.fin, median: a.median, parent: a.parent,
    coords: index.arbreCommunes.coords, axes: index.arbreCommunes.axes, population: index.populationSlot, ids: index.arbreCommunes.ids,
    coordsLieux: arbreLieux.coords, idsLieux: arbreLieux.ids, offreLieux: index.offreLieux,
  })) ecrire(nom, t)
  const executable = join(dossier, 'parcours')
  execFileSync('gcc', ['-O3', '-march=native', '-ffp-contract=off', '-o', executable, resolve(import.meta.dirname, 'accessibilite-c/parcours.c'), '-lm'])

  console.log(`load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  console.log('| rayon | TypeScript, one thread (best of 5) | C, one thread (best of 5) | ratio | same bits |\n|---|---:|---:|---:|---|')
  for (const rayonKm of [25, 50, 100]) {
    let js = Infinity
    let resultat: Float64Array = new Float64Array(0)
    for (let r = 0; r < REPETITIONS; r++) {
      const debut = performance.now()
      resultat = accessibiliteParArbre(index, rayonKm, OFFRE_COMPLETE)
      js = Math.min(js, performance.now() - debut)
    }
    const c = Number(execFileSync(executable, [dossier, String(rayonKm), String(REPETITIONS)], { encoding: 'utf8' }))
    const parC = new Float64Array(Uint8Array.from(readFileSync(join(dossier, 'resultat.bin'))).buffer)
    const memes = parC.length === resultat.length && parC.every((x, i) => Object.is(x, resultat[i]))
    console.log(`| ${rayonKm} km | ${js.toFixed(1)} ms | ${c.toFixed(1)} ms | ×${(js / c).toFixed(2)} | ${memes ? 'oui' : 'NON'} |`)
  }
  console.log(`load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
} finally {
  rmSync(dossier, { recursive: true, force: true })
}
