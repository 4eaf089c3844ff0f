import { describe, expect, it } from 'vitest'
import { lngLatDepuisLaea } from '../../server/spatial/laea.ts'

describe('inverse of ETRS89-LAEA (EPSG:3035)', () => {
  it('finds the worked example of IOGP Guidance Note 7-2 (50° N, 5° E)', () => {
    // GN 7-2, method 9820, ETRS89 / LAEA Europe: E = 3 962 799.45 m, N = 2 999 718.85 m
    const [lng, lat] = lngLatDepuisLaea(3_962_799.45, 2_999_718.85)
    expect(lng).toBeCloseTo(5, 7)
    expect(lat).toBeCloseTo(50, 7)
  })

  it('returns the projection centre (52° N, 10° E) at the false origin', () => {
    const [lng, lat] = lngLatDepuisLaea(4_321_000, 3_210_000)
    expect(lng).toBe(10)
    expect(lat).toBeCloseTo(52, 12)
  })

  // Rows of the Eurostat census 2021 1 km grid file (x3035, y3035 of the lower-left corner; lon, lat of the centre,
  // rounded to 1e-5°), from Brittany to Savoie and Corsica (the last one); tests/integration/tuiles-carreaux.test.ts checks every cell.
  it.each([
    [3326000, 2777000, -3.22241, 47.30884],
    [3436000, 2882000, -2.00231, 48.40632],
    [3672000, 2588000, 1.60616, 46.07969],
    [3668000, 2912000, 1.06562, 48.96884],
    [3627000, 2412000, 1.28123, 44.45896],
    [3960000, 2797000, 5.15023, 48.18446],
    [4023000, 2538000, 6.1701, 45.89043],
    [4252000, 2030000, 9.18455, 41.37213],
  ])('finds the centre Eurostat gives for the cell at (%i, %i), to its 5 decimals', (x, y, lon, lat) => {
    const [lng, la] = lngLatDepuisLaea(x + 500, y + 500)
    expect(Math.abs(lng - lon)).toBeLessThanOrEqual(0.6e-5)
    expect(Math.abs(la - lat)).toBeLessThanOrEqual(0.6e-5)
  })

  it('refuses a position that is not a number', () => {
    expect(() => lngLatDepuisLaea(Number.NaN, 0)).toThrow('lngLatDepuisLaea: [NaN, 0] is not a finite EPSG:3035 position')
  })
})
