/**
 * Issue 17: what the 1 km cell tiles cost. Builds the engine over the national database, then times the first
 * (uncached) making of a few départements' tiles, at the zooms a département view shows,
 * with their size gzipped. `npx tsx tests/bench/tuiles-carreaux.ts`
 */
import { loadavg } from 'node:os'
import { gunzipSync } from 'node:zlib'
import { lireCoinsCarreaux } from '../../server/db/carreaux.ts'
import { lireDonneesMoteur } from '../../server/db/donnees-moteur.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { buildCarreaux, buildMoteur } from '../../server/spatial/index.ts'
import { buildTuilesCarreaux } from '../../server/tuiles/carreaux.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

const db = ouvrirBase(CHEMIN_BASE_NATIONALE)
const lues = lireDonneesMoteur(db)
const moteur = buildMoteur(lues.communes, lues.lieux, lues.territoires, { carreaux: buildCarreaux(lues.communes, lues.cellules) })
let t = performance.now()
const coins = lireCoinsCarreaux(db)
console.log(`lecture des coins : ${(performance.now() - t).toFixed(0)} ms`)
const tuiles = buildTuilesCarreaux({ carreaux: moteur.carreaux, distancesCategories: moteur.distancesCarreaux, lireCoins: () => coins, departementCommune: lues.communes.departement })

const tuileDe = (lng: number, lat: number, z: number): [number, number] => {
  const n = 2 ** z
  const r = (lat * Math.PI) / 180
  return [Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)]
}
// The first tile also builds the cell index (kdbush over 373 281 centres).
for (const [nom, departement, lng, lat, z] of [['Drôme', '26', 5.1, 44.7, 7], ['Drôme', '26', 5.1, 44.7, 8], ['Drôme', '26', 5.37, 44.75, 10],
  ['Gironde', '33', -0.6, 44.8, 7], ['Paris', '75', 2.35, 48.86, 7], ['Seine-Saint-Denis', '93', 2.45, 48.91, 9], ['Lozère', '48', 3.5, 44.5, 8]] as const) {
  const [x, y] = tuileDe(lng, lat, z)
  t = performance.now()
  const octets = tuiles.tuile(departement, z, x, y)
  const dt = performance.now() - t
  t = performance.now()
  tuiles.tuile(departement, z, x, y)
  console.log(`${nom} z${z} : ${dt.toFixed(0)} ms, ${(octets.length / 1024).toFixed(0)} Ko gzip (${(gunzipSync(octets).length / 1024).toFixed(0)} Ko), en cache ${(performance.now() - t).toFixed(2)} ms`)
}
console.log(`charge (1, 5, 15 min) : ${loadavg().map((x) => x.toFixed(2)).join(', ')}`)
