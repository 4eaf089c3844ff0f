import loadHighs, { type Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { affecter } from '../../server/spatial/affectation.ts'
import { haversineKm } from '../../server/spatial/geo.ts'
import { seeded } from './helpers/aleatoire.ts'
import { certificatOptimalite, violations } from './helpers/oracle-affectation.ts'
import { instanceRecrutement } from './helpers/recrutement-aleatoire.ts'
import { donneesNationales } from './simulation-donnees.ts'

/**
 * The matching of recruits on seeded instances over the real communes of the national database, every constraint and
 * the optimality checked by the independent oracle (tests/spatial/helpers/oracle-affectation.ts): a département-sized
 * instance and the national one (10 000 recruits, 4 000 postes; ~10 s on the 2-core machine, BENCHMARKS.md).
 */
describe('matching recruits to postes over the real communes', () => {
  let highs: Highs
  beforeAll(async () => {
    highs = await loadHighs()
  })

  it.each([
    ['a département-sized instance', 1_000, 400, 2026],
    ['the national instance of the issue', 10_000, 4_000, 13],
  ] as const)('on %s (%i recruits, %i postes) places each recruit once, fills no structure beyond its places, keeps every pair within reach, and is optimal', (_, nombreRecrues, nombrePostes, graine) => {
    // GIVEN recruits where people live, structures in towns and villages, 10 to 50 km of mobility
    const { recrues, postes } = instanceRecrutement(donneesNationales().communes, seeded(graine), nombreRecrues, nombrePostes)
    expect(recrues).toHaveLength(nombreRecrues)
    expect(postes.reduce((s, p) => s + p.places, 0)).toBe(nombrePostes)
    // WHEN they are matched
    const r = affecter(highs, recrues, postes)
    if (!r.ok) throw new Error(r.motif)
    // THEN every constraint holds, recomputed from the instance
    expect(violations(recrues, postes, r.affectations, r.distanceTotaleKm)).toEqual([])
    // AND the counts add up: each recruit is placed or said why not, no more placed than postes
    expect(r.affectations.length + r.sansPoste.length).toBe(nombreRecrues)
    expect(new Set([...r.affectations.map((a) => a.recrue), ...r.sansPoste.map((s) => s.recrue)]).size).toBe(nombreRecrues)
    expect(r.affectations.length).toBeLessThanOrEqual(nombrePostes)
    expect(r.affectations.length).toBeGreaterThan(0)
    // AND nobody without a poste had a free place within reach, and the reason given is the true one
    const charge = new Map<number, number>()
    for (const a of r.affectations) charge.set(a.poste, (charge.get(a.poste) ?? 0) + 1)
    for (const s of r.sansPoste) {
      const q = recrues[s.recrue]!
      const aPortee = postes.flatMap((p, j) => (p.places >= 1 && haversineKm(q.longitude, q.latitude, p.longitude, p.latitude) <= q.distanceMaxKm ? [j] : []))
      expect(aPortee.some((j) => (charge.get(j) ?? 0) < postes[j]!.places), `recrue ${s.recrue}`).toBe(false)
      expect(s.raison).toBe(aPortee.length === 0 ? 'aucun-poste-a-portee' : 'postes-a-portee-pourvus')
    }
    // AND no assignment places more, nor travels less at that number (flow optimality certificate)
    expect(certificatOptimalite(recrues, postes, r.affectations)).toEqual([])
  }, 180_000)
})
