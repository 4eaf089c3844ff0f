import { describe, expect, it } from 'vitest'
import { medianePonderee } from '../../server/spatial/mediane-ponderee.ts'
import { seeded } from './helpers/aleatoire.ts'
import { medianeParTri } from './helpers/oracles.ts'

describe('medianePonderee', () => {
  it('returns the value of the median inhabitant on a hand-made example', () => {
    // GIVEN accessibilities 5, 1, 3 for populations 10, 10, 30 (total 50, half 25)
    // THEN sorted cumulative populations are 10 (1), 40 (3): the median inhabitant has 3
    expect(medianePonderee(Float64Array.of(5, 1, 3), Float64Array.of(10, 10, 30), 0, 3)).toBe(3)
  })

  it('takes the lower value when cumulative population reaches exactly half', () => {
    expect(medianePonderee(Float64Array.of(2, 1), Float64Array.of(50, 50), 0, 2)).toBe(1)
  })

  it('returns null when the population is 0', () => {
    expect(medianePonderee(Float64Array.of(2, 1), Float64Array.of(0, 0), 0, 2)).toBeNull()
    expect(medianePonderee(new Float64Array(0), new Float64Array(0), 0, 0)).toBeNull()
  })

  it('agrees with sorting on seeded data with many repeated values and zero populations', () => {
    const rnd = seeded(7)
    for (let essai = 0; essai < 200; essai++) {
      const n = 1 + Math.floor(rnd() * 60)
      const valeurs = Array.from({ length: n }, () => Math.floor(rnd() * 8))
      const poids = Array.from({ length: n }, () => (rnd() < 0.3 ? 0 : Math.floor(rnd() * 1000)))
      const attendu = medianeParTri(valeurs, poids)
      // Pad on both sides to check that only [debut, fin) is read.
      const v = Float64Array.from([99, ...valeurs, -99])
      const p = Float64Array.from([1e9, ...poids, 1e9])
      expect(medianePonderee(v, p, 1, n + 1)).toBe(attendu)
    }
  })
})
