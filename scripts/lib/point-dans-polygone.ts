import Flatbush from 'flatbush'
import { distanceBordKm, type Contour } from '../../server/spatial/point-dans-polygone.ts'
import { RAYON_TERRE_KM } from '../../server/spatial/geo.ts'
import type { Emprise } from './emprise.ts'

const KM_PAR_DEGRE = (RAYON_TERRE_KM * Math.PI) / 180

type Anneau = readonly (readonly number[])[]

/** Even-odd ray casting on one ring (lng/lat treated as planar: fine at commune scale). */
function dansAnneau(x: number, y: number, anneau: Anneau): boolean {
  let dedans = false
  for (let i = 0, j = anneau.length - 1; i < anneau.length; j = i++) {
    const [xi, yi] = anneau[i] as [number, number]
    const [xj, yj] = anneau[j] as [number, number]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) dedans = !dedans
  }
  return dedans
}

export function pointDansGeometrie(x: number, y: number, g: GeoJSON.Geometry): boolean {
  const polygones = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []
  for (const anneaux of polygones) {
    const [exterieur, ...trous] = anneaux
    if (exterieur && dansAnneau(x, y, exterieur) && !trous.some((t) => dansAnneau(x, y, t))) return true
  }
  return false
}

/** Locates points in polygons: flatbush on bounding boxes first, then the exact ring test. */
export class LocalisateurPolygones {
  private readonly index: Flatbush
  constructor(private readonly elements: readonly { code: string; emprise: Emprise; geometrie: GeoJSON.Geometry | null }[]) {
    this.index = new Flatbush(Math.max(elements.length, 1))
    for (const e of elements) this.index.add(e.emprise[0], e.emprise[1], e.emprise[2], e.emprise[3])
    if (elements.length === 0) this.index.add(0, 0, 0, 0)
    this.index.finish()
  }

  /** Code of the polygon that contains [lng, lat], or null. */
  localiser(longitude: number, latitude: number): string | null {
    for (const i of this.index.search(longitude, latitude, longitude, latitude)) {
      const e = this.elements[i]
      if (e?.geometrie && pointDansGeometrie(longitude, latitude, e.geometrie)) return e.code
    }
    return null
  }

  /**
   * The polygon whose edge is nearest to [lng, lat] within `rayonKm` (bounding boxes widened by the radius,
   * then the distance to every edge of each candidate), or null when none is that close.
   */
  plusProcheBord(longitude: number, latitude: number, rayonKm: number): { code: string; distanceKm: number } | null {
    const margeLat = rayonKm / KM_PAR_DEGRE
    const margeLng = margeLat / Math.max(Math.cos((latitude * Math.PI) / 180), 1e-6)
    let meilleur: { code: string; distanceKm: number } | null = null
    for (const i of this.index.search(longitude - margeLng, latitude - margeLat, longitude + margeLng, latitude + margeLat)) {
      const e = this.elements[i]
      const g = e?.geometrie
      if (!e || !g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue
      const polygones = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown as Contour['polygones']
      const d = distanceBordKm(polygones, [longitude, latitude])
      // Ties (a point equidistant from two communes) go to the smaller code, whatever the index order.
      if (d <= rayonKm && (meilleur === null || d < meilleur.distanceKm || (d === meilleur.distanceKm && e.code < meilleur.code)))
        meilleur = { code: e.code, distanceKm: d }
    }
    return meilleur
  }
}
