import { buildCarreaux, type Carreaux } from '../../../server/spatial/carreaux.ts'
import type { Communes } from '../../../server/spatial/donnees.ts'

/** Cells around each metropolitan commune's centre (none for one commune in five, and outre-mer), with integer populations that sum to the commune's. */
export function cellulesAleatoires(rnd: () => number, communes: Communes): Carreaux {
  const lng: number[] = [], lat: number[] = [], pop: number[] = [], com: number[] = []
  for (let i = 0; i < communes.n; i++) {
    if (communes.departement[i] === '974' || communes.departement[i] === '987' || rnd() < 0.2) continue
    const m = 1 + Math.floor(rnd() * 6)
    // m − 1 cut points in [0, P]: the gaps are m integers summing to P.
    const P = communes.population[i]!
    const coupes = [0, ...Array.from({ length: m - 1 }, () => Math.floor(rnd() * (P + 1))), P].sort((a, b) => a - b)
    for (let c = 0; c < m; c++) {
      lng.push(communes.longitude[i]! + (rnd() - 0.5) * 0.3)
      lat.push(communes.latitude[i]! + (rnd() - 0.5) * 0.2)
      pop.push(coupes[c + 1]! - coupes[c]!)
      com.push(i)
    }
  }
  return buildCarreaux(communes, { longitude: Float64Array.from(lng), latitude: Float64Array.from(lat), population: Float64Array.from(pop), commune: Int32Array.from(com) })
}
