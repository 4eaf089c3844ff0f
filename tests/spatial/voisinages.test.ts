import { describe, expect, it } from 'vitest'
import { accessibiliteParArbre, accessibiliteParVoisinages, calculerAccessibilite } from '../../server/spatial/accessibilite.ts'
import { chord2FromKm, kmFromChord2 } from '../../server/spatial/geo.ts'
import { buildIndexCouverture, type IndexCouverture } from '../../server/spatial/index-couverture.ts'
import { buildVoisinages, voisinagesDe, type Voisinages } from '../../server/spatial/voisinages.ts'
import { donneesAleatoires, seeded } from './helpers/aleatoire.ts'
import { accessibiliteBruteForce } from './helpers/oracles.ts'

/** The random data squeezed 12× towards (2.5, 46.5): about 0.2 communes per km², so that lists hold dozens of communes. */
function donneesDenses(graine: number) {
  const d = donneesAleatoires(seeded(graine), { communes: 1_500, lieux: 400 })
  const serrer = (v: Float64Array, centre: number) => Float64Array.from(v, (x) => centre + (x - centre) / 12)
  return {
    communes: { ...d.communes, longitude: serrer(d.communes.longitude, 2.5), latitude: serrer(d.communes.latitude, 46.5) },
    lieux: { ...d.lieux, longitude: serrer(d.lieux.longitude, 2.5), latitude: serrer(d.lieux.latitude, 46.5) },
    territoires: d.territoires,
  }
}

/** d2 as the engine computes it: commune − lieu, x then y then z. */
function d2(index: IndexCouverture, slot: number, v: Voisinages, p: number): number {
  const c = index.arbreCommunes.coords
  const dx = c[3 * slot]! - v.xyz[3 * p]!
  const dy = c[3 * slot + 1]! - v.xyz[3 * p + 1]!
  const dz = c[3 * slot + 2]! - v.xyz[3 * p + 2]!
  return dx * dx + dy * dy + dz * dz
}

/** Worst relative gap, after checking that both vanish at the same communes. */
function ecartRelatif(a: Float64Array, b: Float64Array): number {
  let pire = 0
  for (let i = 0; i < a.length; i++) {
    expect(a[i] === 0, `commune ${i}`).toBe(b[i] === 0)
    if (b[i] !== 0) pire = Math.max(pire, Math.abs(a[i]! - b[i]!) / b[i]!)
  }
  return pire
}

describe('buildVoisinages', () => {
  const { communes, lieux, territoires } = donneesDenses(15)
  const index = buildIndexCouverture(communes, lieux, territoires)
  const v = buildVoisinages(index, 12)

  it('groups the active lieux with a catégorie by their exact unit vector, each once', () => {
    // GIVEN the lieux the walk counts: active, with at least one catégorie
    const attendus = Array.from({ length: lieux.n }, (_, j) => j).filter((j) => lieux.actif[j] === 1 && lieux.categories[j] !== 0)
    // THEN every one of them sits in exactly one place, at its own unit vector, and two places never share one
    const vus = Array.from(v.lieux).sort((a, b) => a - b)
    expect(vus).toEqual(attendus)
    const cles = new Set<string>()
    for (let p = 0; p < v.n; p++) {
      const cle = `${v.xyz[3 * p]},${v.xyz[3 * p + 1]},${v.xyz[3 * p + 2]}`
      expect(cles.has(cle)).toBe(false)
      cles.add(cle)
      for (let l = v.debutLieux[p]!; l < v.debutLieux[p + 1]!; l++)
        for (let x = 0; x < 3; x++) expect(index.xyzLieux[3 * v.lieux[l]! + x]).toBe(v.xyz[3 * p + x])
    }
    expect(v.n).toBeLessThan(attendus.length) // the random data stack lieux: the grouping is exercised
  })

  it('lists exactly the communes within reach of each place, by non-decreasing float32 key', () => {
    let total = 0
    for (let p = 0; p < v.n; p++) {
      // Brute force over every slot of the commune tree
      const attendu: number[] = []
      for (let s = 0; s < index.arbreCommunes.size; s++) if (d2(index, s, v, p) <= v.portee2) attendu.push(s)
      const liste = Array.from(v.slot.subarray(v.debut[p], v.debut[p + 1]))
      expect([...liste].sort((a, b) => a - b)).toEqual(attendu)
      for (let e = v.debut[p]!; e < v.debut[p + 1]!; e++) {
        expect(v.cle[e]).toBe(Math.fround(d2(index, v.slot[e]!, v, p)))
        if (e > v.debut[p]!) expect(v.cle[e]!).toBeGreaterThanOrEqual(v.cle[e - 1]!)
      }
      total += attendu.length
    }
    expect(total / v.n).toBeGreaterThan(20)
  })
})

describe('accessibiliteParVoisinages', () => {
  const { communes, lieux, territoires } = donneesDenses(2026)
  const index = buildIndexCouverture(communes, lieux, territoires)
  const v = buildVoisinages(index, 15)

  it.each([
    [1, 15],
    [3, 1],
    [5, 6],
    [7.5, 9],
    [10, 15],
  ])('gives the tree walk’s 2SFCA at %s km for offre %i, and the direct O(n·m) one', (rayonKm, masque) => {
    const parListes = accessibiliteParVoisinages(index, v, rayonKm, masque)
    expect(ecartRelatif(parListes, accessibiliteParArbre(index, rayonKm, masque))).toBeLessThan(1e-12)
    const direct = accessibiliteBruteForce(communes, lieux, rayonKm, masque)
    for (let i = 0; i < communes.n; i++) expect(parListes[i]).toBeCloseTo(direct[i]!, 9)
    expect(parListes.some((a) => a > 0)).toBe(true)
  })

  it('decides a commune whose key equals a circle’s on its exact distance, as the walk does', () => {
    // GIVEN radii set so that some entry's float32 key equals the float32 of a circle's squared chord
    let essais = 0
    for (let e = 0; e < v.slot.length && essais < 40; e += 97) {
      const rayonKm = kmFromChord2(v.cle[e]!)
      if (1.5 * rayonKm > 15 || rayonKm < 1) continue
      if (Math.fround(chord2FromKm(rayonKm)) !== v.cle[e]) continue
      essais++
      // WHEN both ways compute it, THEN they count the same communes
      expect(ecartRelatif(accessibiliteParVoisinages(index, v, rayonKm, 15), accessibiliteParArbre(index, rayonKm, 15))).toBeLessThan(1e-12)
    }
    expect(essais).toBeGreaterThan(10)
  })

  it('refuses a radius whose outer circle goes beyond the lists', () => {
    expect(() => accessibiliteParVoisinages(index, v, 10.5, 15)).toThrow(/beyond/)
  })

  it('is what calculerAccessibilite answers up to 20 km, the walk beyond', () => {
    expect(Array.from(calculerAccessibilite(index, 20, 15))).toEqual(Array.from(accessibiliteParVoisinages(index, voisinagesDe(index), 20, 15)))
    expect(Array.from(calculerAccessibilite(index, 20.5, 15))).toEqual(Array.from(accessibiliteParArbre(index, 20.5, 15)))
  })
})
