import { haversineKm, type Position } from './geo.ts'
import { checkMasque, type IndexCouverture } from './index-couverture.ts'

/** Largest number of lieux a nearest-lieux query may return. */
export const LIMITE_PLUS_PROCHES = 50

/** A lieu and its great-circle distance from the query point. */
export type LieuProche = Readonly<{ lieu: number; id: number; distanceKm: number }>

const RAD = Math.PI / 180
const STACK_SIZE = 256
const stackLeft = new Int32Array(STACK_SIZE)
const stackRight = new Int32Array(STACK_SIZE)
const stackBound = new Float64Array(STACK_SIZE)
const bestD2 = new Float64Array(LIMITE_PLUS_PROCHES + 1)
const bestSlot = new Int32Array(LIMITE_PLUS_PROCHES + 1)

/**
 * The `limit` lieux of the offre `masque` nearest to `position` ([lng, lat]), nearest first, exact
 * distance ties ordered by lieu.id. `lieu` is the lieu index in `Lieux`, `id` its lieu.id.
 * @throws Error on a position outside WGS84 bounds, a limit outside 1..50 or a bad mask.
 */
export function plusProchesLieux(index: IndexCouverture, position: Position, limit: number, masque: number): LieuProche[] {
  const [lng, lat] = position
  if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90))
    throw new Error(`plusProchesLieux: position [${lng}, ${lat}] is not a WGS84 [lng, lat]`)
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITE_PLUS_PROCHES)
    throw new Error(`plusProchesLieux: limit must be an integer in 1..${LIMITE_PLUS_PROCHES}, got ${limit}`)
  checkMasque(masque)

  const arbre = index.arbresLieux[masque]!
  const { coords: c, keys, axes, nodeSize } = arbre
  const cosLat = Math.cos(lat * RAD)
  const qx = cosLat * Math.cos(lng * RAD)
  const qy = cosLat * Math.sin(lng * RAD)
  const qz = Math.sin(lat * RAD)

  found = 0
  let sp = 0
  if (arbre.size > 0) {
    stackLeft[0] = 0
    stackRight[0] = arbre.size - 1
    stackBound[0] = 0
    sp = 1
  }
  while (sp > 0) {
    sp--
    // Ranges whose bound equals the current worst may still hold a tie with a smaller lieu.id.
    if (found === limit && stackBound[sp]! > bestD2[limit - 1]!) continue
    const left = stackLeft[sp]!
    const right = stackRight[sp]!
    if (right - left <= nodeSize) {
      for (let s = left; s <= right; s++) consider(c, keys, s, qx, qy, qz, limit)
      continue
    }
    const m = (left + right) >> 1
    consider(c, keys, m, qx, qy, qz, limit)
    const axis = axes[m]!
    const diff = (axis === 0 ? qx : axis === 1 ? qy : qz) - c[3 * m + axis]!
    const bound = stackBound[sp]!
    const far = Math.max(diff * diff, bound)
    if (diff < 0) {
      push(sp++, m + 1, right, far)
      push(sp++, left, m - 1, bound)
    } else {
      push(sp++, left, m - 1, far)
      push(sp++, m + 1, right, bound)
    }
  }

  const resultat: LieuProche[] = []
  for (let k = 0; k < found; k++) {
    const j = arbre.ids[bestSlot[k]!]!
    resultat.push({ lieu: j, id: index.lieux.id[j]!, distanceKm: haversineKm(lng, lat, index.lieux.longitude[j]!, index.lieux.latitude[j]!) })
  }
  return resultat
}

/** How many of `bestD2`/`bestSlot` hold candidates in the current query. */
let found = 0

/**
 * Offers slot `s` to the best candidates, kept sorted by (d2, key) in a short array: limit ≤ 50, so insertion
 * beats a heap. A module function rather than a closure: the hot public route would create one per request.
 */
function consider(c: Float64Array, keys: Int32Array, s: number, qx: number, qy: number, qz: number, limit: number): void {
  const dx = c[3 * s]! - qx
  const dy = c[3 * s + 1]! - qy
  const dz = c[3 * s + 2]! - qz
  const d2 = dx * dx + dy * dy + dz * dz
  const key = keys[s]!
  let k = found
  while (k > 0 && (bestD2[k - 1]! > d2 || (bestD2[k - 1] === d2 && keys[bestSlot[k - 1]!]! > key))) {
    bestD2[k] = bestD2[k - 1]!
    bestSlot[k] = bestSlot[k - 1]!
    k--
  }
  if (k >= limit) return
  bestD2[k] = d2
  bestSlot[k] = s
  if (found < limit) found++
}

function push(sp: number, left: number, right: number, bound: number): void {
  stackLeft[sp] = left
  stackRight[sp] = right
  stackBound[sp] = bound
}
