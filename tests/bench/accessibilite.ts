/**
 * Issue 15: the 2SFCA alone on the national data (offre complète), the first call at a radius in a
 * fresh process (JIT warm-up included) and the min of warm calls. `ACCESSIBILITE_RAYONS=1,10,100`
 * picks the radii; each radius runs in this process after the previous ones, so run one radius per
 * process for a true "first time": `for r in 1 10 33 100; do ACCESSIBILITE_RAYONS=$r npx tsx tests/bench/accessibilite.ts; done`.
 */
import { loadavg } from 'node:os'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { calculerAccessibilite } from '../../server/spatial/accessibilite.ts'
import { buildIndexCouverture } from '../../server/spatial/index-couverture.ts'
import { donneesNationalesBench } from './donnees-nationales.ts'

const rayons = (process.env.ACCESSIBILITE_RAYONS ?? '1,10,33,50,100').split(',').map(Number)
const masque = Number(process.env.ACCESSIBILITE_MASQUE ?? OFFRE_COMPLETE)
const { communes, lieux, territoires } = donneesNationalesBench()
const debutIndex = performance.now()
const index = buildIndexCouverture(communes, lieux, territoires)
const indexMs = performance.now() - debutIndex
let sink = 0
const lignes: string[] = []
for (const rayonKm of rayons) {
  let debut = performance.now()
  sink += calculerAccessibilite(index, rayonKm, masque)[7]!
  const premier = performance.now() - debut
  const t: number[] = []
  for (let k = 0; k < 10; k++) {
    debut = performance.now()
    sink += calculerAccessibilite(index, rayonKm, masque)[7]!
    t.push(performance.now() - debut)
  }
  t.sort((a, b) => a - b)
  lignes.push(`| ${rayonKm} km | ${premier.toFixed(1)} ms | ${t[0]!.toFixed(1)} ms | ${t[5]!.toFixed(1)} ms |`)
}
console.log(`index ${indexMs.toFixed(0)} ms, offre ${masque}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}, sink ${sink > 0}`)
console.log('| rayon | first call | min warm | median warm |\n|---|---:|---:|---:|')
console.log(lignes.join('\n'))
