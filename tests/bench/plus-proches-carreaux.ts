/**
 * Issue 17, step 1: what the engine start saves by reading the nearest lieu of each catégorie per cell from the build
 * (table carreau_plus_proche) instead of computing it. Times, back to back and alternated three times: the read and
 * the id → index conversion, against the kd-tree computation. `npx tsx tests/bench/plus-proches-carreaux.ts`
 */
import { loadavg } from 'node:os'
import { lirePlusProchesCarreaux } from '../../server/db/carreaux.ts'
import { lireDonneesMoteur } from '../../server/db/donnees-moteur.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { CATEGORIES } from '../../server/domain/offre.ts'
import { buildArbresCategories, buildCarreaux, buildPlusProchesCarreaux, plusProchesDepuisIds } from '../../server/spatial/carreaux.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

const db = ouvrirBase(CHEMIN_BASE_NATIONALE)
const lues = lireDonneesMoteur(db)
const carreaux = buildCarreaux(lues.communes, lues.cellules)
const arbres = buildArbresCategories(lues.lieux)
let puits = 0
const lire: number[] = []
const calculer: number[] = []
for (let essai = 0; essai < 3; essai++) {
  let t = performance.now()
  puits += plusProchesDepuisIds(carreaux, lues.lieux, lirePlusProchesCarreaux(db)).lieu[essai]!
  lire.push(performance.now() - t)
  t = performance.now()
  puits += buildPlusProchesCarreaux(carreaux, lues.lieux, arbres).lieu[essai]!
  calculer.push(performance.now() - t)
}
const f = (x: number[]) => `min ${Math.min(...x).toFixed(0)} ms, moyenne ${(x.reduce((s, v) => s + v, 0) / x.length).toFixed(0)} ms`
console.log(`${carreaux.n} carreaux × ${CATEGORIES.length} catégories, ${lues.lieux.n} lieux`)
console.log(`lecture de carreau_plus_proche + conversion des identifiants : ${f(lire)}`)
console.log(`calcul par l'arbre kd (ce que faisait chaque démarrage) : ${f(calculer)}`)
console.log(`charge (1, 5, 15 min) : ${loadavg().map((x) => x.toFixed(2)).join(', ')} (puits ${puits})`)
db.close()
