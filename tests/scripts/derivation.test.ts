import { describe, expect, it } from 'vitest'
import { centreCommune } from '../../scripts/derivation/centre-commune.ts'
import { dissoudre } from '../../scripts/derivation/dissolution.ts'

const carre = (x: number, y: number, c = 1): GeoJSON.Position[] => [[x, y], [x + c, y], [x + c, y + c], [x, y + c], [x, y]]
const polygone = (...anneaux: GeoJSON.Position[][]): GeoJSON.Polygon => ({ type: 'Polygon', coordinates: anneaux })

/** Twice the signed area of a ring (shoelace), positive when counter-clockwise. */
const aireDouble = (a: GeoJSON.Position[]) => a.slice(0, -1).reduce((s, p, i) => s + p[0]! * a[i + 1]![1]! - a[i + 1]![0]! * p[1]!, 0)

describe('centreCommune', () => {
  it('takes the centroid of a convex polygon', () => {
    // GIVEN a 2 × 2 square at (4, 44) THEN its centre is its middle, by the centroid method
    expect(centreCommune(polygone(carre(4, 44, 2)))).toEqual({ longitude: 5, latitude: 45, methode: 'centroid' })
  })

  it('takes the centroid of the largest polygon of a multipolygon, islands aside', () => {
    const g: GeoJSON.MultiPolygon = { type: 'MultiPolygon', coordinates: [[carre(10, 10, 0.5)], [carre(0, 0, 4)]] }
    expect(centreCommune(g)).toEqual({ longitude: 2, latitude: 2, methode: 'centroid' })
  })

  it('takes the middle of the widest interior segment when the centroid falls outside a U-shaped commune', () => {
    // GIVEN a U: the 3 × 3 square [0,3]² without [1,2] × [1,3] (area 7). Its centroid, worked out by hand:
    // x = 1.5 by symmetry; y = (3·0.5 + 2·2 + 2·2) / 7 = 9.5 / 7, inside the notch, so outside the U.
    const u = polygone([[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]])
    const c = centreCommune(u)
    // THEN at y = 9.5/7 the interior segments are [0, 1] and [2, 3], equally wide: the first one's middle is kept
    expect(c.methode).toBe('scanline')
    expect(c.latitude).toBeCloseTo(9.5 / 7, 12)
    expect(c.longitude).toBeCloseTo(0.5, 12)
  })

  it('treats a hole as outside: a centroid inside a lake moves to the widest segment on land', () => {
    // GIVEN a 4 × 4 square with a 2 × 2 hole in its middle, the hole offset left: [0.5, 2.5] × [1, 3]
    const g = polygone(carre(0, 0, 4), [[0.5, 1], [0.5, 3], [2.5, 3], [2.5, 1], [0.5, 1]])
    const c = centreCommune(g)
    // THEN the outer centroid (2, 2) lies in the hole; at y = 2 the land runs [0, 0.5] and [2.5, 4]: the middle of the wider is 3.25
    expect(c).toEqual({ longitude: 3.25, latitude: 2, methode: 'scanline' })
  })

  it('falls back on the mean of the vertices for a polygon of zero area', () => {
    // GIVEN the real zero-area polygon of 39140 after rounding: three vertices on one latitude
    const g = polygone([[5.432, 46.861], [5.434, 46.861], [5.431, 46.861], [5.432, 46.861]])
    const c = centreCommune(g)
    expect(c.methode).toBe('sommets')
    expect(c.longitude).toBeCloseTo((5.432 + 5.434 + 5.431) / 3, 12)
    expect(c.latitude).toBeCloseTo(46.861, 12)
  })
})

describe('dissoudre', () => {
  it('merges two squares that share a side into one rectangle, exterior counter-clockwise', () => {
    const r = dissoudre([polygone(carre(0, 0)), polygone(carre(1, 0))])
    expect(r.coordinates).toHaveLength(1)
    expect(r.coordinates[0]).toHaveLength(1)
    const anneau = r.coordinates[0]![0]!
    // THEN the shared side is gone: 6 distinct vertices (the two middle ones stay on the long sides), area 2
    expect(anneau).toHaveLength(7)
    expect(aireDouble(anneau) / 2).toBe(2)
    expect(anneau.some(([x, y]) => x === 1 && y === 0) && anneau.some(([x, y]) => x === 1 && y === 1)).toBe(true)
  })

  it('merges polygons given clockwise as well as counter-clockwise', () => {
    const horaire = carre(1, 0).toReversed()
    const r = dissoudre([polygone(carre(0, 0)), polygone(horaire)])
    expect(r.coordinates).toHaveLength(1)
    expect(aireDouble(r.coordinates[0]![0]!) / 2).toBe(2)
  })

  it('keeps a hole that eight squares leave around the ninth, and orients it clockwise', () => {
    // GIVEN a 3 × 3 grid of unit squares without the middle one
    const cases = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => [i, j] as const)).filter(([i, j]) => i !== 1 || j !== 1)
    const r = dissoudre(cases.map(([i, j]) => polygone(carre(i, j))))
    expect(r.coordinates).toHaveLength(1)
    const [exterieur, trou] = r.coordinates[0]!
    expect(aireDouble(exterieur!) / 2).toBe(9)
    expect(aireDouble(trou!) / 2).toBe(-1)
  })

  it('keeps apart polygons that touch nowhere, largest first', () => {
    const r = dissoudre([polygone(carre(0, 0)), polygone(carre(5, 5, 2))])
    expect(r.coordinates.map((p) => aireDouble(p[0]!) / 2)).toEqual([4, 1])
  })

  it('names the vertex where outlines do not join', () => {
    const ouvert = polygone([[0, 0], [1, 0], [1, 1], [0, 0]])
    // A lone edge that appears once: [0,0]→[2,0] then nothing returns from [2,0]
    const g: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 0]]] }
    expect(() => dissoudre([ouvert, g])).toThrow(/Dissolution : anneau ouvert au sommet/)
  })
})
