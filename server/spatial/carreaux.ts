import { CATEGORIES } from '../domain/offre.ts'
import type { Communes } from './donnees.ts'
import { haversineKm, toUnitVectors } from './geo.ts'
import { buildArbreLieux } from './index-couverture.ts'
import { nearestSlot, type KdTree3 } from './kd-tree-3d.ts'

const NB_CATEGORIES = CATEGORIES.length

/**
 * Cells of the 1 km population grid, struct of arrays sorted by commune: the cells of commune i are
 * `debut[i]..debut[i + 1]`, an empty range for a commune counted at its centre point.
 */
export type Carreaux = Readonly<{
  n: number
  /** Cell centre, WGS84. */
  longitude: Float64Array
  latitude: Float64Array
  /** Inhabitants, scaled so that the cells of a commune sum to its légale population. */
  population: Float64Array
  /** Commune index of each cell, non-decreasing. */
  commune: Int32Array
  /** Length communes.n + 1. */
  debut: Int32Array
}>

/**
 * Checks the cells against the communes and builds `debut`.
 * @throws Error when lengths differ, a position is not WGS84, a commune index is out of range or not sorted,
 *   a population is negative, or a commune's cells do not sum to its population.
 */
export function buildCarreaux(
  communes: Communes,
  cellules: Readonly<{ longitude: Float64Array; latitude: Float64Array; population: Float64Array; commune: Int32Array }>,
): Carreaux {
  const n = cellules.commune.length
  if (cellules.longitude.length !== n || cellules.latitude.length !== n || cellules.population.length !== n)
    throw new Error(`Carreaux: longitude, latitude, population and commune must have the same length (${n})`)
  const debut = new Int32Array(communes.n + 1)
  const somme = new Float64Array(communes.n)
  for (let k = 0; k < n; k++) {
    const i = cellules.commune[k]!
    if (!(i >= 0 && i < communes.n)) throw new Error(`Carreaux: cell ${k} has commune index ${i}, expected 0..${communes.n - 1}`)
    if (k > 0 && i < cellules.commune[k - 1]!) throw new Error(`Carreaux: cells must be sorted by commune (cell ${k})`)
    const lng = cellules.longitude[k]!
    const lat = cellules.latitude[k]!
    if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) throw new Error(`Carreaux: cell ${k} at [${lng}, ${lat}] is not a WGS84 [lng, lat]`)
    if (!(cellules.population[k]! >= 0)) throw new Error(`Carreaux: cell ${k} has population ${cellules.population[k]}`)
    debut[i + 1]!++
    somme[i]! += cellules.population[k]!
  }
  for (let i = 0; i < communes.n; i++) {
    if (debut[i + 1]! > 0 && somme[i] !== communes.population[i])
      throw new Error(`Carreaux: the cells of commune ${communes.code[i]} sum to ${somme[i]}, not its population ${communes.population[i]}`)
    debut[i + 1]! += debut[i]!
  }
  return { n, ...cellules, debut }
}

/**
 * Nearest active lieu of each catégorie for every cell: catégorie b of cell k is at `b * n + k`. `lieu` holds the lieu
 * index (-1 when the catégorie has no lieu) and `distanceKm` its haversine km (Infinity then). Any offre's nearest
 * distance is the minimum over its catégories, so any offre and radius is a threshold pass; the what-if simulation
 * reads `lieu` to know which cells a withdrawn lieu was the nearest of.
 */
export type PlusProchesCarreaux = Readonly<{ lieu: Int32Array; distanceKm: Float64Array }>

/**
 * Computes `PlusProchesCarreaux` with the exact great-circle kd-tree (ties to the smallest lieu.id). The build runs it
 * once per import and stores the result (table `carreau_plus_proche`); the engine only runs it for cells given without.
 * @param arbresCategories the lieux tree of each catégorie, in `CATEGORIES` order (`ids` are lieu indexes).
 */
export function buildPlusProchesCarreaux(
  carreaux: Carreaux,
  lieux: Readonly<{ longitude: Float64Array; latitude: Float64Array }>,
  arbresCategories: readonly KdTree3[],
): PlusProchesCarreaux {
  if (arbresCategories.length !== NB_CATEGORIES) throw new Error(`buildPlusProchesCarreaux: expected ${NB_CATEGORIES} trees, got ${arbresCategories.length}`)
  const { n, longitude, latitude } = carreaux
  const xyz = toUnitVectors(longitude, latitude, new Float64Array(3 * n))
  const lieu = new Int32Array(NB_CATEGORIES * n).fill(-1)
  const distanceKm = new Float64Array(NB_CATEGORIES * n).fill(Infinity)
  arbresCategories.forEach((arbre, b) => {
    if (arbre.size === 0) return
    // Cells come sorted by commune, so consecutive cells are neighbours: the previous answer bounds the next search.
    let hint = -1
    for (let k = 0; k < n; k++) {
      hint = nearestSlot(arbre, xyz[3 * k]!, xyz[3 * k + 1]!, xyz[3 * k + 2]!, hint)
      const j = arbre.ids[hint]!
      lieu[b * n + k] = j
      distanceKm[b * n + k] = haversineKm(longitude[k]!, latitude[k]!, lieux.longitude[j]!, lieux.latitude[j]!)
    }
  })
  return { lieu, distanceKm }
}

/**
 * The per-catégorie kd-trees of the active lieux, as the engine's index builds them (`buildArbreLieux`), for callers
 * that have no index: the build.
 */
export function buildArbresCategories(lieux: Readonly<{ n: number; id: Int32Array; categories: Uint8Array; actif: Uint8Array; longitude: Float64Array; latitude: Float64Array }>): KdTree3[] {
  const xyz = toUnitVectors(lieux.longitude, lieux.latitude, new Float64Array(3 * lieux.n))
  return CATEGORIES.map((_, b) => buildArbreLieux(lieux, xyz, 1 << b))
}

/**
 * Turns stored nearest lieux (by lieu.id, -1 for none) into lieu indexes, checking lengths and ids.
 * @throws Error when the lengths do not match the cells or an id is not a lieu.
 */
export function plusProchesDepuisIds(
  carreaux: Carreaux,
  lieux: Readonly<{ n: number; id: Int32Array }>,
  stockes: Readonly<{ lieuId: Int32Array; distanceKm: Float64Array }>,
): PlusProchesCarreaux {
  const attendu = NB_CATEGORIES * carreaux.n
  if (stockes.lieuId.length !== attendu || stockes.distanceKm.length !== attendu)
    throw new Error(`plusProchesDepuisIds: expected ${attendu} entries (${NB_CATEGORIES} catégories × ${carreaux.n} cells), got ${stockes.lieuId.length} and ${stockes.distanceKm.length}`)
  const indexParId = new Map<number, number>()
  for (let j = 0; j < lieux.n; j++) indexParId.set(lieux.id[j]!, j)
  // On shared memory, like the stored distances: threads given the engine's cells read them without a copy.
  const lieu = new Int32Array(new SharedArrayBuffer(4 * attendu))
  for (let t = 0; t < attendu; t++) {
    const id = stockes.lieuId[t]!
    if (id < 0) {
      lieu[t] = -1
      continue
    }
    const j = indexParId.get(id)
    if (j === undefined) throw new Error(`plusProchesDepuisIds: cell ${t % Math.max(1, carreaux.n)} has nearest lieu ${id}, which is not a lieu`)
    lieu[t] = j
  }
  return { lieu, distanceKm: stockes.distanceKm }
}

/** Distance from cell k to the nearest lieu of the offre `masque`: the minimum over its catégories. */
export function distanceCarreau(distancesCategories: Float64Array, n: number, k: number, masque: number): number {
  let d = Infinity
  for (let b = 0; b < NB_CATEGORIES; b++) if ((masque & (1 << b)) !== 0 && distancesCategories[b * n + k]! < d) d = distancesCategories[b * n + k]!
  return d
}
