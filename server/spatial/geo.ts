/**
 * Spherical geometry of the product: the only home for distance maths (STYLE §6, no duplicated
 * geometry helpers). Distances are great-circle distances in km on a sphere of mean radius.
 *
 * Fast paths compare squared chord lengths between 3D unit vectors instead of great-circle
 * distances: chord = 2·sin(θ/2) is strictly increasing in the central angle θ ∈ [0, π], so any
 * Euclidean nearest-neighbour search on xyz gives the exact great-circle nearest neighbour, and a
 * radius in km becomes a Euclidean radius on the unit sphere.
 */

/** Mean Earth radius in km (IUGG R1), fixed by the product contract. */
export const RAYON_TERRE_KM = 6371.0088

const RAD = Math.PI / 180

/** A position as `[longitude, latitude]` in WGS84 degrees (GeoJSON order). */
export type Position = readonly [number, number]

/** Great-circle distance in km between two `[lng, lat]` positions (haversine formula). */
export function distanceKm(a: Position, b: Position): number {
  return haversineKm(a[0], a[1], b[0], b[1])
}

/**
 * Great-circle distance in km between two points given as numbers, for loops that must not
 * allocate tuples. Haversine rather than the spherical law of cosines because it stays accurate
 * for the short distances (a few metres) that matter when a lieu sits at a commune's centre.
 */
export function haversineKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const sinDLat = Math.sin(((lat2 - lat1) * RAD) / 2)
  const sinDLng = Math.sin(((lng2 - lng1) * RAD) / 2)
  const h = sinDLat * sinDLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sinDLng * sinDLng
  // h can exceed 1 by one ulp for antipodal points, and asin would return NaN.
  return 2 * RAYON_TERRE_KM * Math.asin(Math.sqrt(Math.min(1, h)))
}

/**
 * Writes the 3D unit vector of each `[lng, lat]` point into `xyz` (stride 3).
 * @returns `xyz`, for chaining.
 */
export function toUnitVectors(longitude: Float64Array, latitude: Float64Array, xyz: Float64Array): Float64Array {
  if (xyz.length !== 3 * longitude.length || latitude.length !== longitude.length)
    throw new Error(`toUnitVectors: expected xyz of length ${3 * longitude.length}, got ${xyz.length}`)
  for (let i = 0; i < longitude.length; i++) {
    const lng = longitude[i]! * RAD
    const lat = latitude[i]! * RAD
    const c = Math.cos(lat)
    xyz[3 * i] = c * Math.cos(lng)
    xyz[3 * i + 1] = c * Math.sin(lng)
    xyz[3 * i + 2] = Math.sin(lat)
  }
  return xyz
}

/**
 * Squared chord length on the unit sphere of a great-circle distance in km. Distances beyond half
 * the circumference saturate at 4 (antipodes) so that "everything" stays "everything".
 */
export function chord2FromKm(km: number): number {
  if (!(km >= 0)) throw new Error(`chord2FromKm: distance must be ≥ 0 km, got ${km}`)
  const theta = Math.min(km / RAYON_TERRE_KM, Math.PI)
  const c = 2 * Math.sin(theta / 2)
  return c * c
}

/** Great-circle distance in km of a squared chord length on the unit sphere. */
export function kmFromChord2(chord2: number): number {
  return 2 * RAYON_TERRE_KM * Math.asin(Math.min(1, Math.sqrt(chord2) / 2))
}
