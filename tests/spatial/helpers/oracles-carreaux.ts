import type { Communes, Lieux } from '../../../server/spatial/donnees.ts'
import { haversineKm, RAYON_TERRE_KM } from '../../../server/spatial/geo.ts'
import { dansOffre } from './oracles.ts'

/**
 * Oracles of coverage on the population grid, written from the definitions with no index. Only geo.ts
 * (haversine, hand-checked in its own tests) is shared with the engine.
 */

/** Distance from each point to the nearest lieu of the offre, scanning every lieu (Infinity when the offre is empty). */
export function distancesBruteForce(longitude: Float64Array, latitude: Float64Array, lieux: Lieux, masque: number): Float64Array {
  const offre = Array.from({ length: lieux.n }, (_, j) => j).filter((j) => dansOffre(lieux, j, masque))
  return Float64Array.from(longitude, (x, k) => {
    let best = Infinity
    for (const j of offre) best = Math.min(best, haversineKm(x, latitude[k]!, lieux.longitude[j]!, lieux.latitude[j]!))
    return best
  })
}

/**
 * The same by a latitude sweep, fast enough for the 373 331 national cells: lieux sorted by latitude, scanned
 * outwards from the point's latitude until the meridian distance alone, R·|Δφ| (a lower bound of any great-circle
 * distance), exceeds the best distance found. Exact, and independent of the engine's kd-tree.
 */
export function distancesBalayage(longitude: Float64Array, latitude: Float64Array, lieux: Lieux, masque: number): Float64Array {
  const offre = Array.from({ length: lieux.n }, (_, j) => j).filter((j) => dansOffre(lieux, j, masque)).sort((a, b) => lieux.latitude[a]! - lieux.latitude[b]!)
  const lat = Float64Array.from(offre, (j) => lieux.latitude[j]!)
  const lng = Float64Array.from(offre, (j) => lieux.longitude[j]!)
  const kmParDegre = (RAYON_TERRE_KM * Math.PI) / 180
  return Float64Array.from(longitude, (x, k) => {
    const y = latitude[k]!
    let hi = 0
    let lo = lat.length
    while (hi < lo) {
      const m = (hi + lo) >> 1
      if (lat[m]! < y) hi = m + 1
      else lo = m
    }
    let best = Infinity
    for (let t = hi; t < lat.length && (lat[t]! - y) * kmParDegre <= best + 1e-9; t++) best = Math.min(best, haversineKm(x, y, lng[t]!, lat[t]!))
    for (let t = hi - 1; t >= 0 && (y - lat[t]!) * kmParDegre <= best + 1e-9; t--) best = Math.min(best, haversineKm(x, y, lng[t]!, lat[t]!))
    return best
  })
}

export type CommuneNaive = { populationCouverte: number; statut: 'couverte' | 'partielle' | 'blanche'; distancePonderee: number }

/**
 * Coverage of each commune from the distances of its cells (or of its centre when it has none), by the README's rule:
 * couverte when all its inhabitants live in covered cells, blanche when none does, partielle otherwise (by cell count
 * when its population is 0).
 */
export function communesNaives(
  communes: Communes,
  cellules: Readonly<{ commune: Int32Array; population: Float64Array }>,
  distanceCellule: Float64Array,
  distanceCentre: Float64Array,
  rayonKm: number,
): CommuneNaive[] {
  const parCommune = Array.from({ length: communes.n }, () => [] as number[])
  cellules.commune.forEach((i, k) => parCommune[i]!.push(k))
  return parCommune.map((ks, i) => {
    const p = communes.population[i]!
    if (ks.length === 0) {
      const couverte = distanceCentre[i]! <= rayonKm
      return { populationCouverte: couverte ? p : 0, statut: couverte ? 'couverte' : 'blanche', distancePonderee: p * distanceCentre[i]! }
    }
    const couverts = ks.filter((k) => distanceCellule[k]! <= rayonKm)
    const pc = couverts.reduce((s, k) => s + cellules.population[k]!, 0)
    const tout = p > 0 ? pc === p : couverts.length === ks.length
    const rien = p > 0 ? pc === 0 : couverts.length === 0
    return {
      populationCouverte: pc,
      statut: tout ? 'couverte' : rien ? 'blanche' : 'partielle',
      distancePonderee: ks.reduce((s, k) => s + cellules.population[k]! * distanceCellule[k]!, 0),
    }
  })
}
