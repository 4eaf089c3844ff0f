import loadHighs, { type Highs } from 'highs'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { exactMclp, gloutonMclp, LIMITE_EXACT, type InstanceMclp } from '../../server/spatial/optimisation-mclp.ts'
import { resoudre } from '../../server/spatial/optimisation.ts'
import { seeded } from './helpers/aleatoire.ts'

/** Builds an instance from each candidate's list of covered demand points. */
function instance(poids: number[], couvre: number[][]): InstanceMclp {
  const debut = new Int32Array(couvre.length + 1)
  couvre.forEach((l, c) => (debut[c + 1] = debut[c]! + l.length))
  return { nbCandidats: couvre.length, poids: Float64Array.from(poids), debut, demandes: Int32Array.from(couvre.flat()) }
}

/** Brute force: the best weight over every set of at most p candidates. */
function bruteForce(poids: number[], couvre: number[][], p: number): number {
  let meilleur = 0
  const parcourir = (depuis: number, choisis: number[]): void => {
    const couverts = new Set(choisis.flatMap((c) => couvre[c]!))
    meilleur = Math.max(meilleur, [...couverts].reduce((s, i) => s + poids[i]!, 0))
    if (choisis.length === p) return
    for (let c = depuis; c < couvre.length; c++) parcourir(c + 1, [...choisis, c])
  }
  parcourir(0, [])
  return meilleur
}

describe('maximal covering location problem', () => {
  let highs: Highs
  beforeAll(async () => {
    highs = await loadHighs()
  })

  it('finds the optimum where the greedy misses it', () => {
    // GIVEN A = {a1, a2} (6.5), B = {b1, b2} (6.5), C = {a2, b2} (7): greedy takes C first and then gains 3
    const poids = [3, 3.5, 3, 3.5]
    const couvre = [[0, 1], [2, 3], [1, 3]]
    const glouton = gloutonMclp(instance(poids, couvre), 2)
    const exact = exactMclp(highs, instance(poids, couvre), 2, 5)
    // THEN greedy covers 10, the optimum A + B covers 13, and the sites are listed by marginal gain
    expect(glouton).toEqual({ choisis: [2, 0], gains: [7, 3], objectif: 10 })
    expect(exact.statut).toBe('optimal')
    expect(exact.solution).toEqual({ choisis: [0, 1], gains: [6.5, 6.5], objectif: 13 })
    expect(exact.borne).toBeCloseTo(13, 6)
  })

  it('reports the greedy gap and optimality from resoudre', () => {
    const r = resoudre(highs, instance([3, 3.5, 3, 3.5], [[0, 1], [2, 3], [1, 3]]), 2, 5_000)
    expect(r).toMatchObject({ optimal: true, methode: 'exacte', borne: 13 })
    expect([r.solution.objectif, r.glouton.objectif]).toEqual([13, 10])
  })

  it('stops placing sites once everything coverable is covered', () => {
    const r = resoudre(highs, instance([5, 7, 0], [[0], [0, 1], [], [1]]), 3, 5_000)
    expect(r.solution).toEqual({ choisis: [1], gains: [12], objectif: 12 })
    expect(r.optimal).toBe(true)
  })

  it.each(Array.from({ length: 40 }, (_, k) => [k]))('equals a brute-force enumeration on seeded instance %i, and greedy never beats it', (k) => {
    const rnd = seeded(1000 + k)
    const nbDemande = 5 + Math.floor(rnd() * 20)
    const nbCandidats = 3 + Math.floor(rnd() * 10)
    const poids = Array.from({ length: nbDemande }, () => (rnd() < 0.5 ? Math.floor(rnd() * 5_000) : Math.round(rnd() * 1e4) / 100))
    const couvre = Array.from({ length: nbCandidats }, () => Array.from({ length: nbDemande }, (_, i) => i).filter(() => rnd() < 0.25))
    const p = 1 + Math.floor(rnd() * 4)
    const attendu = bruteForce(poids, couvre, p)
    const exact = exactMclp(highs, instance(poids, couvre), p, 5)
    const glouton = gloutonMclp(instance(poids, couvre), p)
    expect(exact.statut).toBe('optimal')
    expect(exact.solution!.objectif).toBeCloseTo(attendu, 9)
    expect(exact.solution!.choisis.length).toBeLessThanOrEqual(p)
    expect(glouton.objectif).toBeLessThanOrEqual(attendu + 1e-9)
  })

  describe('what resoudre reports about optimality', () => {
    // A = {a1, a2}, B = {b1, b2}, C = {a2, b2}: the greedy takes C then gains 3 (10); the optimum A + B is 13.
    const piege = () => instance([3, 3.5, 3, 3.5], [[0, 1], [2, 3], [1, 3]])
    afterEach(() => vi.restoreAllMocks())

    it('proves a greedy answer covering everything coverable optimal, even when decimal sums round apart', () => {
      // GIVEN weights 0.1, 0.2, 0.3: the greedy sums 0.5 + 0.1 = 0.6, the coverable weight sums 0.1 + 0.2 + 0.3 = 0.6000000000000001
      const i = instance([0.1, 0.2, 0.3], [[0], [1, 2]])
      expect(gloutonMclp(i, 2).objectif).toBe(0.6)
      // WHEN it is solved without any solver
      const r = resoudre(undefined, i, 2, 5_000)
      // THEN the greedy is reported optimal, and no reason is given
      expect(r).toMatchObject({ optimal: true, methode: 'gloutonne', raison: null })
      expect(r.solution.choisis).toEqual([1, 0])
    })

    it('proves a greedy answer optimal when it equals the sum of the p best single sites', () => {
      // GIVEN three disjoint sites worth 5, 3 and 1: two sites cannot beat 5 + 3, which the greedy takes
      const r = resoudre(undefined, instance([5, 3, 1], [[0], [1], [2]]), 2, 5_000)
      expect(r).toMatchObject({ optimal: true, methode: 'gloutonne', raison: null, borne: 8 })
      expect(r.solution.objectif).toBe(8)
    })

    it('says the solver failed when there is none, and the reason its caller gives when a budget left it out', () => {
      expect(resoudre(undefined, piege(), 2, 5_000)).toMatchObject({ optimal: false, methode: 'gloutonne', raison: 'erreur-solveur', borne: 13 })
      expect(resoudre(undefined, piege(), 2, 5_000, 'temps-limite')).toMatchObject({ optimal: false, raison: 'temps-limite' })
    })

    it('says the time limit stopped the solver when it is given no time', () => {
      const r = resoudre(highs, piege(), 2, 0)
      expect(r).toMatchObject({ optimal: false, raison: 'temps-limite' })
      expect(r.solution.objectif).toBeGreaterThanOrEqual(10)
    })

    it('logs the solver’s error and says it failed, keeping the greedy answer', () => {
      // GIVEN a solver that throws (a fake passed as the argument)
      const enPanne = { withModel: () => { throw new Error('mémoire WebAssembly épuisée') } } as unknown as Highs
      const journal = vi.spyOn(console, 'error').mockImplementation(() => {})
      const r = resoudre(enPanne, piege(), 2, 5_000)
      expect(r).toMatchObject({ optimal: false, methode: 'gloutonne', raison: 'erreur-solveur' })
      expect(r.solution.objectif).toBe(10)
      expect(journal).toHaveBeenCalledOnce()
      expect(String(journal.mock.calls[0]![1])).toMatch(/mémoire WebAssembly épuisée/)
    })

    it('says the instance is too large when more candidates survive the reductions than the solver is given', () => {
      // GIVEN the trap plus LIMITE_EXACT.candidats sites each covering its own pair of light points (none dominates another)
      const n = LIMITE_EXACT.candidats
      const legers = Array.from({ length: n }, (_, k) => [4 + k, 4 + ((k + 1) % n)])
      const r = resoudre(highs, instance([3, 3.5, 3, 3.5, ...Array.from({ length: n }, () => 0.001)], [[0, 1], [2, 3], [1, 3], ...legers]), 2, 5_000)
      expect(r).toMatchObject({ optimal: false, methode: 'gloutonne', raison: 'trop-grand' })
      expect(r.solution.objectif).toBe(10)
    })

    it('reports a proven HiGHS optimum with no reason', () => {
      expect(resoudre(highs, piege(), 2, 5_000)).toMatchObject({ optimal: true, methode: 'exacte', raison: null, borne: 13 })
    })
  })
})
