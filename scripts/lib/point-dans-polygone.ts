import Flatbush from 'flatbush'
import type { Emprise } from './emprise.ts'

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
}
