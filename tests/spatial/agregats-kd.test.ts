import { describe, expect, it } from 'vitest'
import { buildAgregatsKd } from '../../server/spatial/agregats-kd.ts'
import { buildKdTree3, type KdTree3 } from '../../server/spatial/kd-tree-3d.ts'
import { seeded } from './helpers/aleatoire.ts'

/** Every range of the implicit tree, as kd-tree-3d.ts sorts them. */
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
  it.each([1, 2, 8])('gives every range (nodeSize %i) the box and the sum a scan of its slots finds, under a distinct id', (nodeSize) => {
    // GIVEN 500 random points and integer weights
    const rnd = seeded(11)
    const n = 500
    const xyz = Float64Array.from({ length: 3 * n }, () => rnd() * 2 - 1)
    const ids = Int32Array.from({ length: n }, (_, i) => i)
    const tree = buildKdTree3(ids, xyz, ids, nodeSize)
    const poids = Float64Array.from({ length: n }, () => Math.floor(rnd() * 1000))
    // WHEN the aggregates are built
    const { boites, sommes } = buildAgregatsKd(tree, poids)
    // THEN each range's id is unique and its box and sum match a direct scan
    const vus = new Set<number>()
    for (const [l, r] of ranges(tree)) {
      const id = (l + r) >> 1
      expect(vus.has(id)).toBe(false)
      vus.add(id)
      let somme = 0
      const min = [Infinity, Infinity, Infinity]
      const max = [-Infinity, -Infinity, -Infinity]
      for (let s = l; s <= r; s++) {
        somme += poids[s]!
        for (let a = 0; a < 3; a++) {
          min[a] = Math.min(min[a]!, tree.coords[3 * s + a]!)
          max[a] = Math.max(max[a]!, tree.coords[3 * s + a]!)
        }
      }
      expect(sommes[id]).toBe(somme)
      expect(Array.from(boites.subarray(6 * id, 6 * id + 6))).toEqual([...min, ...max])
    }
  })

  it('refuses weights that are not one per slot', () => {
    const tree = buildKdTree3(Int32Array.of(0), Float64Array.of(1, 0, 0), Int32Array.of(0))
    expect(() => buildAgregatsKd(tree, new Float64Array(2))).toThrow('expected 1 weights, got 2')
  })
})
