import loadHighs, { type Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { affecter, type Poste, type Recrue } from '../../server/spatial/affectation.ts'
import { haversineKm } from '../../server/spatial/geo.ts'
import { seeded } from './helpers/aleatoire.ts'

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
  })
})
