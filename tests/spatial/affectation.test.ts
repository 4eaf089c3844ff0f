import loadHighs, { type Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { affecter, couplesAPortee, type Poste, type Recrue } from '../../server/spatial/affectation.ts'
import { haversineKm } from '../../server/spatial/geo.ts'
import { seeded } from './helpers/aleatoire.ts'
import { certificatOptimalite, violations } from './helpers/oracle-affectation.ts'

/** Brute force: over every way of giving each recruit a structure or none, the most placed, then the least distance. */
function bruteForce(recrues: readonly Recrue[], postes: readonly Poste[]): { nombre: number; distance: number } {
  let meilleur = { nombre: 0, distance: 0 }
  const places = postes.map((p) => p.places)
  const parcourir = (r: number, nombre: number, distance: number) => {
    if (r === recrues.length) {
      if (nombre > meilleur.nombre || (nombre === meilleur.nombre && distance < meilleur.distance - 1e-9)) meilleur = { nombre, distance }
      return
    }
    parcourir(r + 1, nombre, distance)
    postes.forEach((p, k) => {
      const d = haversineKm(recrues[r]!.longitude, recrues[r]!.latitude, p.longitude, p.latitude)
      if (places[k]! === 0 || d > recrues[r]!.distanceMaxKm) return
      places[k]!--
      parcourir(r + 1, nombre + 1, distance + d)
      places[k]!++
    })
  }
  parcourir(0, 0, 0)
  return meilleur
}

describe('matching recruits to postes', () => {
  let highs: Highs
  beforeAll(async () => {
    highs = await loadHighs()
  })

  it('places the recruit who has only one structure within reach there, even if it is farther than another’s choice', () => {
    // GIVEN structure A (1 place) at 0 km of recruit 0 and 5 km of recruit 1, structure B (1 place) 15 km from recruit 0 only
    const postes = [{ longitude: 5, latitude: 45, places: 1 }, { longitude: 5.19, latitude: 45, places: 1 }]
    const recrues = [{ longitude: 5, latitude: 45, distanceMaxKm: 20 }, { longitude: 5.064, latitude: 45, distanceMaxKm: 6 }]
    const r = affecter(highs, recrues, postes)
    // THEN both are placed: recruit 1 at A, recruit 0 goes to B
    expect(r.ok && r.affectations.map((a) => [a.recrue, a.poste])).toEqual([[0, 1], [1, 0]])
  })

  it.each(Array.from({ length: 25 }, (_, k) => [k]))('places as many and travels as little as a brute-force enumeration on seeded case %i', (k) => {
    const rnd = seeded(9000 + k)
    const point = () => ({ longitude: 4.8 + rnd() * 0.6, latitude: 44.6 + rnd() * 0.4 })
    const postes = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({ ...point(), places: 1 + Math.floor(rnd() * 2) }))
    const recrues = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => ({ ...point(), distanceMaxKm: 5 + rnd() * 30 }))
    const r = affecter(highs, recrues, postes)
    const attendu = bruteForce(recrues, postes)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.affectations.length).toBe(attendu.nombre)
    expect(r.distanceTotaleKm).toBeCloseTo(attendu.distance, 6)
    // Each recruit once, each structure within its places, each within reach.
    expect(new Set(r.affectations.map((a) => a.recrue)).size).toBe(r.affectations.length)
    postes.forEach((p, j) => expect(r.affectations.filter((a) => a.poste === j).length).toBeLessThanOrEqual(p.places))
    for (const a of r.affectations) expect(a.distanceKm).toBeLessThanOrEqual(recrues[a.recrue]!.distanceMaxKm)
    // The independent checks agree with the brute force: feasible, and the flow certificate finds nothing better.
    expect(violations(recrues, postes, r.affectations, r.distanceTotaleKm)).toEqual([])
    expect(certificatOptimalite(recrues, postes, r.affectations)).toEqual([])
    expect(r.affectations.length + r.sansPoste.length).toBe(recrues.length)
  })

  it('says why a recruit has no poste: none within their distance, or every one within it taken', () => {
    // GIVEN one structure of 1 place, two recruits beside it and one 200 km away
    const postes = [{ longitude: 5, latitude: 45, places: 1 }]
    const recrues = [{ longitude: 5, latitude: 45.01, distanceMaxKm: 10 }, { longitude: 5, latitude: 45.02, distanceMaxKm: 10 }, { longitude: 5, latitude: 46.8, distanceMaxKm: 30 }]
    const r = affecter(highs, recrues, postes)
    // THEN the nearer recruit gets it, the other finds it taken, the far one has nothing within reach
    expect(r.ok && r.affectations.map((a) => a.recrue)).toEqual([0])
    expect(r.ok && r.sansPoste).toEqual([{ recrue: 1, raison: 'postes-a-portee-pourvus' }, { recrue: 2, raison: 'aucun-poste-a-portee' }])
  })

  it('answers an empty assignment when no structure has a place or nobody is within reach', () => {
    const recrues = [{ longitude: 5, latitude: 45, distanceMaxKm: 10 }]
    expect(affecter(highs, recrues, [{ longitude: 5, latitude: 45, places: 0 }])).toEqual({
      ok: true, affectations: [], distanceTotaleKm: 0, sansPoste: [{ recrue: 0, raison: 'aucun-poste-a-portee' }], couples: 0 })
    expect(affecter(highs, [], [{ longitude: 5, latitude: 45, places: 2 }])).toMatchObject({ ok: true, affectations: [], sansPoste: [] })
  })

  it('finds the same pairs within reach with its kd-tree as a scan of every pair, in metropolitan France, La Réunion and near the pole', () => {
    const rnd = seeded(77)
    for (const [lng, lat, etendue] of [[2.5, 46.5, 8], [55.5, -21.1, 0.6], [-52.3, 4.9, 2], [15, 78, 6], [179.7, -17, 1]] as const) {
      const point = () => ({ longitude: lng + (rnd() - 0.5) * etendue, latitude: lat + (rnd() - 0.5) * etendue / 2 })
      const postes = Array.from({ length: 150 }, () => ({ ...point(), places: Math.floor(rnd() * 3) }))
      const recrues = Array.from({ length: 200 }, () => ({ ...point(), distanceMaxKm: 1 + rnd() * 99 }))
      const c = couplesAPortee(recrues, postes)!
      const attendus: string[] = []
      recrues.forEach((r, i) => postes.forEach((p, j) => {
        if (p.places >= 1 && haversineKm(r.longitude, r.latitude, p.longitude, p.latitude) <= r.distanceMaxKm) attendus.push(`${i}-${j}`)
      }))
      expect(Array.from(c.recrue, (i, k) => `${i}-${c.poste[k]}`)).toEqual(attendus)
    }
  })

  it('has its optimality certificate flag an assignment that could place one more, or travel less', () => {
    // GIVEN two structures of 1 place and two recruits, each 1 km from one structure and 5 km from the other
    const postes = [{ longitude: 5, latitude: 45, places: 1 }, { longitude: 5.1, latitude: 45, places: 1 }]
    const recrues = [{ longitude: 5.013, latitude: 45, distanceMaxKm: 20 }, { longitude: 5.087, latitude: 45, distanceMaxKm: 20 }]
    const d = (r: number, p: number) => haversineKm(recrues[r]!.longitude, recrues[r]!.latitude, postes[p]!.longitude, postes[p]!.latitude)
    // THEN crossed pairs are feasible but not optimal, one pair alone is not maximal, the straight pairs pass
    const croises = [{ recrue: 0, poste: 1, distanceKm: d(0, 1) }, { recrue: 1, poste: 0, distanceKm: d(1, 0) }]
    expect(violations(recrues, postes, croises, d(0, 1) + d(1, 0))).toEqual([])
    expect(certificatOptimalite(recrues, postes, croises)).toEqual(['un cycle de coût négatif existe : un échange raccourcissait la distance totale'])
    expect(certificatOptimalite(recrues, postes, [{ recrue: 0, poste: 0, distanceKm: d(0, 0) }])).toEqual(['un chemin augmentant existe : une recrue de plus pouvait être placée'])
    expect(certificatOptimalite(recrues, postes, [{ recrue: 0, poste: 0, distanceKm: d(0, 0) }, { recrue: 1, poste: 1, distanceKm: d(1, 1) }])).toEqual([])
    // AND the constraints checker names a recruit placed twice, a structure over its places and a pair out of reach
    expect(violations(recrues, [{ ...postes[0]!, places: 1 }], [{ recrue: 0, poste: 0, distanceKm: d(0, 0) }, { recrue: 0, poste: 0, distanceKm: d(0, 0) }], 2 * d(0, 0)))
      .toEqual(['recrue 0 affectée deux fois', 'poste 0 : 2 recrues pour 1 places'])
    expect(violations([{ ...recrues[0]!, distanceMaxKm: 0.5 }], postes, [{ recrue: 0, poste: 0, distanceKm: d(0, 0) }], d(0, 0))[0]).toMatch(/au-delà de ses 0.5 km$/)
  })
})
