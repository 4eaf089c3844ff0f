import { describe, expect, it } from 'vitest'
import { medianesPonderees, ordreCroissant } from '../../server/spatial/mediane-ponderee.ts'
import { seeded } from './helpers/aleatoire.ts'
import { medianeParTri } from './helpers/oracles.ts'

/** The weighted median of one group holding every value. */
const mediane = (valeurs: number[], poids: number[]): number | null => {
  const v = Float64Array.from(valeurs)
  const m = medianesPonderees(v, Float64Array.from(poids), ordreCroissant(v), new Int32Array(valeurs.length), 1)[0]!
  return Number.isNaN(m) ? null : m
}

describe('ordreCroissant', () => {
  it('sorts like the native sort on seeded doubles of every magnitude, zeros (+0 and -0) and repeats included', () => {
    // GIVEN 5,000 non-negative doubles spread over 40 orders of magnitude, with ties and zeros
    const rnd = seeded(31)
    const valeurs = Float64Array.from({ length: 5_000 }, () => {
      const u = rnd()
      return u < 0.05 ? 0 : u < 0.07 ? -0 : u < 0.3 ? Math.floor(rnd() * 10) : rnd() * 10 ** Math.floor(rnd() * 40 - 20)
    })
    // WHEN the indexes are sorted by value
    const ordre = ordreCroissant(valeurs)
    // THEN the values read in that order are the native sort's, and ties keep index order
    expect(Array.from(ordre, (i) => valeurs[i]! + 0)).toEqual(Array.from(valeurs, (v) => v + 0).sort((a, b) => a - b))
    for (let k = 1; k < ordre.length; k++) if (valeurs[ordre[k]!] === valeurs[ordre[k - 1]!]) expect(ordre[k]!).toBeGreaterThan(ordre[k - 1]!)
  })

  it('refuses a negative value or NaN', () => {
    expect(() => ordreCroissant(Float64Array.of(1, -2))).toThrow('values must be non-negative numbers, got -2 at 1')
    expect(() => ordreCroissant(Float64Array.of(NaN))).toThrow('got NaN at 0')
  })
})

describe('medianesPonderees', () => {
  it('returns the value of the median inhabitant on a hand-made example', () => {
    // GIVEN accessibilities 5, 1, 3 for populations 10, 10, 30 (total 50, half 25)
    // THEN sorted cumulative populations are 10 (1), 40 (3): the median inhabitant has 3
    expect(mediane([5, 1, 3], [10, 10, 30])).toBe(3)
  })

  it('takes the lower value when cumulative population reaches exactly half', () => {
    expect(mediane([2, 1], [50, 50])).toBe(1)
  })

  it('gives NaN to a group whose population is 0, and to an empty group', () => {
    const v = Float64Array.of(2, 1, 7)
    const m = medianesPonderees(v, Float64Array.of(0, 0, 5), ordreCroissant(v), Int32Array.of(0, 0, 2), 3)
    expect(Array.from(m)).toEqual([NaN, NaN, 7])
  })

  it('agrees with sorting each group on its own, on seeded groups with repeated values, zero populations and left-out indexes', () => {
    const rnd = seeded(7)
    for (let essai = 0; essai < 50; essai++) {
      // GIVEN up to 300 values in up to 12 groups (-1: in none)
      const n = 1 + Math.floor(rnd() * 300)
      const nb = 1 + Math.floor(rnd() * 12)
      const valeurs = Array.from({ length: n }, () => Math.floor(rnd() * 8) / 4)
      const poids = Array.from({ length: n }, () => (rnd() < 0.3 ? 0 : Math.floor(rnd() * 1000)))
      const groupe = Int32Array.from({ length: n }, () => Math.floor(rnd() * (nb + 1)) - 1)
      // WHEN every group's median is taken in one pass
      const v = Float64Array.from(valeurs)
      const m = medianesPonderees(v, Float64Array.from(poids), ordreCroissant(v), groupe, nb)
      // THEN each is the median of the group's values sorted apart
      for (let g = 0; g < nb; g++) {
        const membres = Array.from(groupe.keys()).filter((i) => groupe[i] === g)
        const attendu = medianeParTri(membres.map((i) => valeurs[i]!), membres.map((i) => poids[i]!))
        expect(Number.isNaN(m[g]!) ? null : m[g]).toBe(attendu)
      }
    }
  })
})
