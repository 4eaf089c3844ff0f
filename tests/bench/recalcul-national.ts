/**
 * Issue 15: where a national recompute never asked before spends its time, stage by stage, on the national data
 * (what GET /api/couverture runs on the main thread once the 2SFCA is known): the 2SFCA, the commune coverage,
 * the figures of the départements, régions and nation (calculerChiffres), the answer's JSON. Each (offre, radius)
 * is new to the engine; fresh engines would also time the JIT, so the first rows are dropped as warm-up.
 * Then the same through the API in process (`createApp(...).request`, inline calculs, no socket): what Hono, the
 * route and the engine's cache add to the stages. Run `npx tsx tests/bench/recalcul-national.ts`.
 */
import { loadavg } from 'node:os'
import { gzipSync } from 'node:zlib'
import { buildDeps, createApp } from '../../server/app.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { CATEGORIES } from '../../server/domain/offre.ts'
import { calculerAccessibilite } from '../../server/spatial/accessibilite.ts'
import { buildGroupement, calculerChiffresGroupements } from '../../server/spatial/chiffres.ts'
import { calculerCouverture } from '../../server/spatial/couverture.ts'
import { buildIndexCouverture } from '../../server/spatial/index-couverture.ts'
import { seeded } from '../spatial/helpers/aleatoire.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { donneesNationalesBench } from './donnees-nationales.ts'

const { communes, lieux, territoires } = donneesNationalesBench()
const index = buildIndexCouverture(communes, lieux, territoires)
const { departementCommune, departementLieu, regionDepartement, comDepartement } = index
// The engine's groupings (moteur.ts buildGroupements), rebuilt here so that the stages can be timed apart.
const groupes = {
  departements: buildGroupement(territoires.departements.length, departementCommune, departementLieu),
  regions: buildGroupement(territoires.regions.length, departementCommune.map((k) => regionDepartement[k]!), departementLieu.map((k) => regionDepartement[k]!)),
  horsCom: buildGroupement(1, Int32Array.from(communes.com, (com) => (com === 1 ? -1 : 0)), departementLieu.map((k) => (comDepartement[k] === 1 ? -1 : 0))),
  avecCom: buildGroupement(1, new Int32Array(communes.n), new Int32Array(departementLieu.length)),
}
const etapes = ['2SFCA', 'couverture', 'chiffres of 101 départements, 18 régions, the nation ×2', 'JSON.stringify', 'gzip (level 6)'] as const
const temps: Record<string, number[]> = Object.fromEntries(etapes.map((e) => [e, []]))
const rnd = seeded(15)
const n = Number(process.env.RECALCUL_N ?? 30)
let sink = 0
for (let k = 0; k < n + 5; k++) {
  const rayonKm = Math.round((5 + 10 * rnd()) * 100) / 100
  const masque = 1 + Math.floor(rnd() * 15)
  const t: number[] = [performance.now()]
  const accessibilite = calculerAccessibilite(index, rayonKm, masque)
  t.push(performance.now())
  const couverture = calculerCouverture(index, { rayonKm, masque }, undefined, accessibilite)
  t.push(performance.now())
  const [deps, regs, horsCom, avecCom] = calculerChiffresGroupements(index, couverture, [groupes.departements, groupes.regions, groupes.horsCom, groupes.avecCom])
  const nat = [...horsCom!, ...avecCom!]
  t.push(performance.now())
  const json = JSON.stringify({ ok: true, rayonKm, national: nat[0], nationalAvecCom: nat[1], regions: regs, departements: deps })
  t.push(performance.now())
  sink += gzipSync(json).length + json.length
  t.push(performance.now())
  if (k >= 5) etapes.forEach((e, s) => temps[e]!.push(t[s + 1]! - t[s]!))
}
const mediane = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!
console.log(`${n} recomputes, random offre, radius 5–15 km; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; sink ${sink > 0}`)
console.log('| stage | median | min |\n|---|---:|---:|')
for (const e of etapes) console.log(`| ${e} | ${mediane(temps[e]!).toFixed(2)} ms | ${Math.min(...temps[e]!).toFixed(2)} ms |`)

// The same recomputes through the API in process: the engine of buildDeps, inline calculs (MAILLAGE_TRAVAILLEURS=0).
const app = createApp(buildDeps(ouvrirBase(CHEMIN_BASE_NATIONALE)))
const api: number[] = []
const offreParam = (masque: number) => CATEGORIES.filter((_, b) => (masque & (1 << b)) !== 0).join(',')
for (let k = 0; k < n + 5; k++) {
  const rayonKm = Math.round((5 + 10 * rnd()) * 100) / 100
  const masque = 1 + Math.floor(rnd() * 15)
  const debut = performance.now()
  const res = await app.request(`/couverture?methode=centres&rayonKm=${rayonKm}&offre=${offreParam(masque)}`)
  sink += (await res.arrayBuffer()).byteLength
  if (!res.ok) throw new Error(`/couverture: ${res.status}`)
  if (k >= 5) api.push(performance.now() - debut)
}
console.log(`| GET /api/couverture?methode=centres in process (all stages + Hono) | ${mediane(api).toFixed(2)} ms | ${Math.min(...api).toFixed(2)} ms |`)
console.log(`load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
