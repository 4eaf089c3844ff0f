import { describe, expect, it } from 'vitest'
import { buildAgregatsKd } from '../../server/spatial/agregats-kd.ts'
import { buildKdTree3, type KdTree3 } from '../../server/spatial/kd-tree-3d.ts'
import { seeded } from './helpers/aleatoire.ts'

/** Every range of the implicit tree, as kd-tree-3d.ts sorts them, in preorder (a range, then its left and right halves). */
function ranges(tree: KdTree3, left = 0, right = tree.size - 1, out: [number, number][] = []): [number, number][] {
  out.push([left, right])
  if (right - left > tree.nodeSize) {
    const m = (left + right) >> 1
    ranges(tree, left, m - 1, out)
    ranges(tree, m + 1, right, out)
  }
  return out
}

describe('buildAgregatsKd', () => {
  it.each([1, 2, 8])('lists every range (nodeSize %i) in preorder with the box, sum, parent, skip and median a scan of its slots finds', (nodeSize) => {
    // GIVEN 500 random points and integer weights
    const rnd = seeded(11)
    const n = 500
    const xyz = Float64Array.from({ length: 3 * n }, () => rnd() * 2 - 1)
    const ids = Int32Array.from({ length: n }, (_, i) => i)
    const tree = buildKdTree3(ids, xyz, ids, nodeSize)
    const poids = Float64Array.from({ length: n }, () => Math.floor(rnd() * 1000))
    // WHEN the aggregates are built
    const a = buildAgregatsKd(tree, poids)
    // THEN node p is the p-th range of a recursive preorder walk, and its fields match a direct scan of its slots
    const attendus = ranges(tree)
    expect(a.n).toBe(attendus.length)
    attendus.forEach(([l, r], p) => {
      expect([a.debut[p], a.fin[p]]).toEqual([l, r])
      let somme = 0
      const min = [Infinity, Infinity, Infinity]
      const max = [-Infinity, -Infinity, -Infinity]
      for (let s = l; s <= r; s++) {
        somme += poids[s]!
        for (let x = 0; x < 3; x++) {
          min[x] = Math.min(min[x]!, tree.coords[3 * s + x]!)
          max[x] = Math.max(max[x]!, tree.coords[3 * s + x]!)
        }
      }
      expect(a.sommes[p]).toBe(somme)
      expect(Array.from(a.boites.subarray(6 * p, 6 * p + 6))).toEqual([...min, ...max])
      expect(a.median[p]).toBe(r - l <= nodeSize ? -1 : (l + r) >> 1)
      // The subtree of p is the nodes whose range lies within p's: they are exactly p + 1 .. saut[p] − 1.
      let fin = p + 1
      while (fin < attendus.length && attendus[fin]![0] >= l && attendus[fin]![1] <= r) fin++
      expect(a.saut[p]).toBe(fin)
      const parent = a.parent[p]!
      if (p === 0) expect(parent).toBe(-1)
      else expect(parent < p && a.debut[parent]! <= l && r <= a.fin[parent]! && a.saut[parent]! >= a.saut[p]!).toBe(true)
    })
  })

  it('refuses weights that are not one per slot', () => {
    const tree = buildKdTree3(Int32Array.of(0), Float64Array.of(1, 0, 0), Int32Array.of(0))
    expect(() => buildAgregatsKd(tree, new Float64Array(2))).toThrow('expected 1 weights, got 2')
  })
})
