/**
 * Issue 15: the 2SFCA alone on the national data (offre complète), the first call at a radius in a
 * fresh process (JIT warm-up included) and the min of warm calls. `ACCESSIBILITE_RAYONS=1,10,100`
 * picks the radii; each radius runs in this process after the previous ones, so run one radius per
 * process for a true "first time": `for r in 1 10 33 100; do ACCESSIBILITE_RAYONS=$r npx tsx tests/bench/accessibilite.ts; done`.
 * CPU time (process.cpuUsage) is printed beside wall time: on a shared machine it is the steadier of the two.
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
/** Wall and CPU time of one call, in ms. */
const chrono = (rayonKm: number): [number, number] => {
  const cpu = process.cpuUsage()
  const debut = performance.now()
  sink += calculerAccessibilite(index, rayonKm, masque)[7]!
  const mur = performance.now() - debut
  const { user, system } = process.cpuUsage(cpu)
  return [mur, (user + system) / 1000]
}
for (const rayonKm of rayons) {
  const [premier, premierCpu] = chrono(rayonKm)
  const t = Array.from({ length: 10 }, () => chrono(rayonKm))
  const murs = t.map(([m]) => m).sort((a, b) => a - b)
  const cpus = t.map(([, c]) => c).sort((a, b) => a - b)
  lignes.push(`| ${rayonKm} km | ${premier.toFixed(1)} (${premierCpu.toFixed(1)}) ms | ${murs[0]!.toFixed(1)} (${cpus[0]!.toFixed(1)}) ms | ${murs[5]!.toFixed(1)} (${cpus[5]!.toFixed(1)}) ms |`)
}
console.log(`index ${indexMs.toFixed(0)} ms, offre ${masque}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}, sink ${sink > 0}`)
console.log('| rayon | first call, wall (CPU) | min warm | median warm |\n|---|---:|---:|---:|')
console.log(lignes.join('\n'))
