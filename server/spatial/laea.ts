// Inverse of the Lambert azimuthal equal-area projection of the European grid, ETRS89-LAEA (EPSG:3035): the
// population grid's cells are 1 km squares in it. Ellipsoidal formulas of IOGP Guidance Note 7-2 (EPSG method
// 9820, § 3.1.1.4), the series for latitude from the authalic latitude as given there (Snyder 1987, eq. 3-18).

const A = 6_378_137 // GRS80
const F = 1 / 298.257222101
const E2 = F * (2 - F)
const E = Math.sqrt(E2)
const PHI0 = (52 * Math.PI) / 180
const LAMBDA0 = (10 * Math.PI) / 180
const FE = 4_321_000
const FN = 3_210_000

const q = (phi: number): number => {
  const s = Math.sin(phi)
  return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s)))
}
const QP = q(Math.PI / 2)
const BETA0 = Math.asin(q(PHI0) / QP)
const RQ = A * Math.sqrt(QP / 2)
const D = (A * Math.cos(PHI0)) / (Math.sqrt(1 - E2 * Math.sin(PHI0) ** 2) * RQ * Math.cos(BETA0))
const E4 = E2 * E2
const E6 = E4 * E2
const C2 = E2 / 3 + (31 * E4) / 180 + (517 * E6) / 5040
const C4 = (23 * E4) / 360 + (251 * E6) / 3780
const C6 = (761 * E6) / 45360

/**
 * [lng, lat] in degrees (ETRS89, taken as WGS84: they differ by less than a metre) of a point given in EPSG:3035 metres.
 * @throws Error when a coordinate is not a finite number.
 */
export function lngLatDepuisLaea(x: number, y: number): [number, number] {
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`lngLatDepuisLaea: [${x}, ${y}] is not a finite EPSG:3035 position`)
  const dx = x - FE
  const dy = y - FN
  const rho = Math.hypot(dx / D, D * dy)
  if (rho === 0) return [(LAMBDA0 * 180) / Math.PI, (PHI0 * 180) / Math.PI]
  const c = 2 * Math.asin(rho / (2 * RQ))
  const beta = Math.asin(Math.cos(c) * Math.sin(BETA0) + (D * dy * Math.sin(c) * Math.cos(BETA0)) / rho)
  const lambda = LAMBDA0 + Math.atan2(dx * Math.sin(c), D * rho * Math.cos(BETA0) * Math.cos(c) - D * D * dy * Math.sin(BETA0) * Math.sin(c))
  const phi = beta + C2 * Math.sin(2 * beta) + C4 * Math.sin(4 * beta) + C6 * Math.sin(6 * beta)
  return [(lambda * 180) / Math.PI, (phi * 180) / Math.PI]
}
