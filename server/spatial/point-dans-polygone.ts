import { RAYON_TERRE_KM, type Position } from './geo.ts'

/** A territory outline: GeoJSON (Multi)Polygon coordinates as polygons of rings of [lng, lat], and its bbox. */
export type Contour = Readonly<{
  /** [minLng, minLat, maxLng, maxLat]. */
  bbox: readonly [number, number, number, number]
  polygones: readonly (readonly (readonly Position[])[])[]
}>

/** Distance beyond a département outline within which a point still counts as inside it: every commune centre of the COG is within it (measured, 2026-11-23). */
export const TOLERANCE_CONTOUR_KM = 1

const KM_PAR_DEGRE = (RAYON_TERRE_KM * Math.PI) / 180

/**
 * Whether `position` lies inside the outline (even-odd rule, so holes count as outside) or within
 * `toleranceKm` of its boundary. The tolerance exists because the stored outlines are generalised
 * (about 1 km): a point on a real coast or border can fall just outside them. Distances to edges use
 * a local equirectangular projection centred on the point, accurate to well under 1 % at a few km.
 */
export function pointDansContour(contour: Contour, position: Position, toleranceKm: number): boolean {
  const [lng, lat] = position
  const [minLng, minLat, maxLng, maxLat] = contour.bbox
  const margeLat = toleranceKm / KM_PAR_DEGRE
  const cosLat = Math.max(Math.cos((lat * Math.PI) / 180), 1e-6)
  const margeLng = margeLat / cosLat
  if (lng < minLng - margeLng || lng > maxLng + margeLng || lat < minLat - margeLat || lat > maxLat + margeLat) return false
  let dedans = false
  let d2Min = Infinity
  for (const polygone of contour.polygones)
    for (const anneau of polygone)
      for (let a = 0, b = anneau.length - 1; a < anneau.length; b = a++) {
        const [xa, ya] = anneau[a]!
        const [xb, yb] = anneau[b]!
        if (ya > lat !== yb > lat && lng < ((xb - xa) * (lat - ya)) / (yb - ya) + xa) dedans = !dedans
        d2Min = Math.min(d2Min, distance2Segment((xa - lng) * cosLat, ya - lat, (xb - lng) * cosLat, yb - lat))
      }
  return dedans || Math.sqrt(d2Min) * KM_PAR_DEGRE <= toleranceKm
}

/** Squared distance from the origin to the segment [a, b] (planar, in projected degrees). */
function distance2Segment(xa: number, ya: number, xb: number, yb: number): number {
  const dx = xb - xa
  const dy = yb - ya
  const l2 = dx * dx + dy * dy
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, -(xa * dx + ya * dy) / l2))
  const x = xa + t * dx
  const y = ya + t * dy
  return x * x + y * y
}

/**
 * Great-circle-approximate distance in km from `position` to the nearest edge of the polygons (rings of
 * [lng, lat]), holes included, in the same local equirectangular projection as `pointDansContour`:
 * accurate to well under 1 % at the few km it is used for (cells just off a generalised coast).
 */
export function distanceBordKm(polygones: Contour['polygones'], position: Position): number {
  const [lng, lat] = position
  const cosLat = Math.max(Math.cos((lat * Math.PI) / 180), 1e-6)
  let d2Min = Infinity
  for (const polygone of polygones)
    for (const anneau of polygone)
      for (let a = 0, b = anneau.length - 1; a < anneau.length; b = a++) {
        const [xa, ya] = anneau[a]!
        const [xb, yb] = anneau[b]!
        const d2 = distance2Segment((xa - lng) * cosLat, ya - lat, (xb - lng) * cosLat, yb - lat)
        if (d2 < d2Min) d2Min = d2
      }
  return Math.sqrt(d2Min) * KM_PAR_DEGRE
}
