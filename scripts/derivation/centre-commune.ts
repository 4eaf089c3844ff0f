import { pointDansGeometrie } from '../lib/point-dans-polygone.ts'

type Anneau = readonly (readonly number[])[]
type Polygone = readonly Anneau[]

/** How a centre was found: the documented method of the former communes-centres-2026.csv. */
export type MethodeCentre = 'centroid' | 'scanline' | 'sommets'

export type CentreCommune = Readonly<{ longitude: number; latitude: number; methode: MethodeCentre }>

/** Signed area and centroid of a ring (shoelace, lng/lat taken as planar: the reference's own convention). */
function aireEtCentroide(anneau: Anneau): { aire: number; x: number; y: number } {
  let a = 0, cx = 0, cy = 0
  for (let i = 0, j = anneau.length - 1; i < anneau.length; j = i++) {
    const [x0, y0] = anneau[j] as [number, number]
    const [x1, y1] = anneau[i] as [number, number]
    const f = x0 * y1 - x1 * y0
    a += f
    cx += (x0 + x1) * f
    cy += (y0 + y1) * f
  }
  return { aire: a / 2, x: cx / (3 * a), y: cy / (3 * a) }
}

/** Midpoint of the widest horizontal segment at latitude y inside the polygon (holes count as outside). */
function milieuSegmentLePlusLarge(polygone: Polygone, y: number): number | undefined {
  const xs: number[] = []
  for (const anneau of polygone)
    for (let i = 0, j = anneau.length - 1; i < anneau.length; j = i++) {
      const [xi, yi] = anneau[i] as [number, number]
      const [xj, yj] = anneau[j] as [number, number]
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi)
    }
  xs.sort((a, b) => a - b)
  let meilleur: number | undefined
  let largeur = -Infinity
  for (let k = 0; k + 1 < xs.length; k += 2)
    if (xs[k + 1]! - xs[k]! > largeur) {
      largeur = xs[k + 1]! - xs[k]!
      meilleur = (xs[k]! + xs[k + 1]!) / 2
    }
  return meilleur
}

/** Mean of a ring's vertices, the closing one left out: the only point a zero-area ring offers. */
function moyenneSommets(anneau: Anneau): { x: number; y: number } {
  const n = anneau.length > 1 ? anneau.length - 1 : anneau.length
  let x = 0, y = 0
  for (let i = 0; i < n; i++) {
    x += anneau[i]![0]!
    y += anneau[i]![1]!
  }
  return { x: x / n, y: y / n }
}

/**
 * A point that stands for a commune, inside its polygon: the centroid of its largest ring when that
 * falls inside the polygon (holes excluded), else the midpoint of the widest horizontal interior
 * segment at the centroid's latitude. A zero-area polygon (a generalisation artefact) has no inside:
 * the mean of its vertices is used, and the caller reports it.
 */
export function centreCommune(geometrie: GeoJSON.Polygon | GeoJSON.MultiPolygon): CentreCommune {
  const polygones: readonly Polygone[] = geometrie.type === 'Polygon' ? [geometrie.coordinates] : geometrie.coordinates
  let plusGrand: Polygone | undefined
  let centre = { aire: 0, x: Number.NaN, y: Number.NaN }
  for (const p of polygones) {
    if (!p[0]) continue
    const c = aireEtCentroide(p[0])
    if (!plusGrand || Math.abs(c.aire) > Math.abs(centre.aire)) {
      plusGrand = p
      centre = c
    }
  }
  if (!plusGrand) throw new Error('Contour sans anneau : aucun centre possible')
  if (centre.aire === 0 || !Number.isFinite(centre.x) || !Number.isFinite(centre.y)) {
    const m = moyenneSommets(plusGrand[0]!)
    return { longitude: m.x, latitude: m.y, methode: 'sommets' }
  }
  if (pointDansGeometrie(centre.x, centre.y, { type: 'Polygon', coordinates: plusGrand as GeoJSON.Position[][] }))
    return { longitude: centre.x, latitude: centre.y, methode: 'centroid' }
  const x = milieuSegmentLePlusLarge(plusGrand, centre.y)
  if (x === undefined) {
    const m = moyenneSommets(plusGrand[0]!)
    return { longitude: m.x, latitude: m.y, methode: 'sommets' }
  }
  return { longitude: x, latitude: centre.y, methode: 'scanline' }
}
