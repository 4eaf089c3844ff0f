import { describe, expect, it } from 'vitest'
import { chord2FromKm, distanceKm, haversineKm, kmFromChord2, RAYON_TERRE_KM } from '../../server/spatial/geo.ts'

const DEGRE_KM = (RAYON_TERRE_KM * Math.PI) / 180 // 111.19508… km per degree of great circle

describe('distanceKm', () => {
  it('measures one degree along the equator as R·π/180 km', () => {
    // GIVEN two points one degree apart on the equator WHEN measured THEN the arc is R·π/180
    expect(distanceKm([0, 0], [1, 0])).toBeCloseTo(111.19508, 5)
    expect(distanceKm([0, 0], [1, 0])).toBeCloseTo(DEGRE_KM, 9)
  })

  it('measures one degree along a meridian the same at any latitude', () => {
    expect(distanceKm([2.35, 48], [2.35, 49])).toBeCloseTo(DEGRE_KM, 9)
  })

  it('measures a quarter of the equator and the antipodes exactly', () => {
    expect(distanceKm([0, 0], [90, 0])).toBeCloseTo((Math.PI / 2) * RAYON_TERRE_KM, 6)
    expect(distanceKm([0, 0], [180, 0])).toBeCloseTo(Math.PI * RAYON_TERRE_KM, 6)
  })

  it('returns 0 for a commune centre that hosts a lieu', () => {
    expect(distanceKm([8.70585, 41.93545], [8.70585, 41.93545])).toBe(0)
  })

  it('is symmetric and agrees with the number variant', () => {
    const a = [55.44667, -20.93286] as const
    const b = [2.34258, 48.85635] as const
    expect(distanceKm(a, b)).toBe(haversineKm(b[0], b[1], a[0], a[1]))
    // Saint-Denis (La Réunion) to Paris is about 9,360 km.
    expect(distanceKm(a, b)).toBeGreaterThan(9_300)
    expect(distanceKm(a, b)).toBeLessThan(9_400)
  })
})

describe('chord conversions', () => {
  it.each([0, 0.001, 1, 10, 150, 5_000, 20_000])('round-trips %d km through the squared chord', (km) => {
    expect(kmFromChord2(chord2FromKm(km))).toBeCloseTo(km, 6)
  })

  it('saturates beyond half the circumference', () => {
    expect(chord2FromKm(1e6)).toBe(4)
  })

  it('rejects a negative distance', () => {
    expect(() => chord2FromKm(-1)).toThrow('chord2FromKm: distance must be ≥ 0 km, got -1')
  })
})
