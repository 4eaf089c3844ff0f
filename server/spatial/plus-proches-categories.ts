import { CATEGORIES } from '../domain/offre.ts'
import type { Communes, Lieux } from './donnees.ts'
import { haversineKm } from './geo.ts'
import { nearestSlot, type KdTree3 } from './kd-tree-3d.ts'

const NB_CATEGORIES = CATEGORIES.length

/**
 * Nearest active lieu of each catégorie for every commune, computed once per import: catégorie b of
 * commune i is at `b * n + i`. A lieu is in an offre when it shares a catégorie with it, so the nearest
 * lieu of any offre is the nearest of these (at most four) candidates: an element-wise minimum, no tree walk.
 */
export type PlusProchesCategories = Readonly<{
  n: number
  /** Squared unit-sphere chord to the nearest lieu of the catégorie; Infinity when it has none. */
  d2: Float64Array
  /** Lieu index of that lieu (ties: smallest lieu.id); -1 when the catégorie has none. */
  lieu: Int32Array
  /** Haversine km to that lieu, as the product reports it; Infinity when none. */
  distanceKm: Float64Array
}>

/**
 * Walks, once per catégorie, the kd-tree of that catégorie's lieux for every commune.
 * @param arbresCategories the lieux tree of each catégorie, in `CATEGORIES` order (`ids` are lieu indexes,
 *   `keys` lieu.id); `arbreCommunes` gives the spatial visiting order (its `ids` are commune indexes).
 */
export function buildPlusProchesCategories(
  communes: Communes,
  lieux: Lieux,
  xyzCommunes: Float64Array,
  xyzLieux: Float64Array,
  arbreCommunes: KdTree3,
  arbresCategories: readonly KdTree3[],
): PlusProchesCategories {
  if (arbresCategories.length !== NB_CATEGORIES)
    throw new Error(`buildPlusProchesCategories: expected ${NB_CATEGORIES} trees, got ${arbresCategories.length}`)
  const n = communes.n
  const d2 = new Float64Array(NB_CATEGORIES * n).fill(Infinity)
  const lieu = new Int32Array(NB_CATEGORIES * n).fill(-1)
  const distanceKm = new Float64Array(NB_CATEGORIES * n).fill(Infinity)
  const { coords, ids } = arbreCommunes
  arbresCategories.forEach((arbre, b) => {
    if (arbre.size === 0) return
    // Visiting communes in the commune tree's slot order keeps neighbours together: the previous
    // answer bounds the next search from the first node (see distances.ts).
    let hint = -1
    for (let s = 0; s < arbreCommunes.size; s++) {
      hint = nearestSlot(arbre, coords[3 * s]!, coords[3 * s + 1]!, coords[3 * s + 2]!, hint)
      const i = ids[s]!
      const j = arbre.ids[hint]!
      // Same operands and order as nearestSlot, so the minimum over catégories compares the very values
      // a walk of the union's tree would compare.
      const dx = xyzLieux[3 * j]! - xyzCommunes[3 * i]!
      const dy = xyzLieux[3 * j + 1]! - xyzCommunes[3 * i + 1]!
      const dz = xyzLieux[3 * j + 2]! - xyzCommunes[3 * i + 2]!
      d2[b * n + i] = dx * dx + dy * dy + dz * dz
      lieu[b * n + i] = j
      distanceKm[b * n + i] = haversineKm(communes.longitude[i]!, communes.latitude[i]!, lieux.longitude[j]!, lieux.latitude[j]!)
    }
  })
  return { n, d2, lieu, distanceKm }
}

/**
 * Nearest lieu of the offre `masque` for every commune, as the element-wise minimum over its catégories
 * of (squared chord, lieu.id): the same lieu a walk of the offre's own tree finds, and the same haversine km.
 * @param lieuIds lieu.id by lieu index (the tie-break key).
 * @returns `distanceKm` (Infinity when the offre is empty) and `plusProche` (-1 then), fresh arrays.
 */
export function plusProchesParMinimum(
  pp: PlusProchesCategories,
  lieuIds: Int32Array,
  masque: number,
): { distanceKm: Float64Array; plusProche: Int32Array } {
  const { n, d2, lieu, distanceKm: km } = pp
  const distanceKm = new Float64Array(n).fill(Infinity)
  const plusProche = new Int32Array(n).fill(-1)
  // Compare the stored chords, never the haversine km: the tree walk orders lieux by chord.
  const meilleur = new Float64Array(n).fill(Infinity)
  for (let b = 0; b < NB_CATEGORIES; b++) {
    if ((masque & (1 << b)) === 0) continue
    const o = b * n
    for (let i = 0; i < n; i++) {
      const j = lieu[o + i]!
      if (j < 0) continue
      const e = d2[o + i]!
      const actuel = plusProche[i]!
      if (actuel < 0 || e < meilleur[i]! || (e === meilleur[i]! && lieuIds[j]! < lieuIds[actuel]!)) {
        meilleur[i] = e
        plusProche[i] = j
        distanceKm[i] = km[o + i]!
      }
    }
  }
  return { distanceKm, plusProche }
}
