/**
 * Issue 17: what counting on the 1 km grid costs. Reads the national engine input, builds the engine without and with
 * the cells (the per-catégorie distances of 373 331 cells), then times the national figures of a few (rayonKm, offre)
 * by cells (the threshold pass and the aggregations, engine cache cold for that method). `npx tsx tests/bench/carreaux.ts`
 */
import { uptime } from 'node:os'
import { buildCarreaux, buildMoteur } from '../../server/spatial/index.ts'
import { donneesNationalesBench } from './donnees-nationales.ts'

const mo = (octets: number) => (octets / 1024 / 1024).toFixed(0)
let t = performance.now()
const lues = donneesNationalesBench()
const d = { ...lues, carreaux: buildCarreaux(lues.communes, lues.cellules) }
console.log(`lecture de la base : ${(performance.now() - t).toFixed(0)} ms (${d.carreaux.n} carreaux)`)
t = performance.now()
buildMoteur(d.communes, d.lieux, d.territoires)
console.log(`moteur sans carreaux : ${(performance.now() - t).toFixed(0)} ms`)
globalThis.gc?.()
const avant = process.memoryUsage()
t = performance.now()
const m = buildMoteur(d.communes, d.lieux, d.territoires, { carreaux: d.carreaux })
console.log(`moteur avec carreaux : ${(performance.now() - t).toFixed(0)} ms`)
const apres = process.memoryUsage()
console.log(`tableaux des carreaux : ${mo(d.carreaux.n * (8 * 3 + 4))} Mo ; distances par catégorie : ${mo(m.distancesCarreaux.byteLength)} Mo ; ` +
  `arrayBuffers ${mo(avant.arrayBuffers)} → ${mo(apres.arrayBuffers)} Mo, rss ${mo(apres.rss)} Mo`)
for (const [rayonKm, masque] of [[10, 15], [10, 2], [20, 2], [5, 15], [50, 1]] as const) {
  const params = { rayonKm, masque }
  m.chiffresNationaux(params)
  t = performance.now()
  const a = m.chiffresNationaux(params, 'carreaux').horsCom.chiffres
  const dt = performance.now() - t
  const c = m.chiffresNationaux(params, 'centres').horsCom.chiffres
  const pct = (x: number) => ((x / a.population) * 100).toFixed(2)
  console.log(`${rayonKm} km, masque ${masque} : national par carreaux en ${dt.toFixed(1)} ms ; non couverts ${a.populationZonesBlanches} (${pct(a.populationZonesBlanches)} %) ` +
    `par carreaux, ${c.populationZonesBlanches} (${pct(c.populationZonesBlanches)} %) aux centres ; ${a.communesPartielles} communes partielles`)
}
console.log(`charge (1, 5, 15 min) : ${uptime() > 0 ? (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(', ') : ''}`)
