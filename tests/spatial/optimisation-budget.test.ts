import loadHighs, { type Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { borneBudget, gloutonBudget, resoudreBudget, type InstanceBudget } from '../../server/spatial/optimisation-budget.ts'
import { seeded } from './helpers/aleatoire.ts'

/** Builds an instance from each candidate's covered demand points and cost. */
function instance(poids: number[], couvre: number[][], couts: number[]): InstanceBudget {
  const debut = new Int32Array(couvre.length + 1)
  couvre.forEach((l, c) => (debut[c + 1] = debut[c]! + l.length))
  return { nbCandidats: couvre.length, poids: Float64Array.from(poids), debut, demandes: Int32Array.from(couvre.flat()), couts: Float64Array.from(couts) }
}

/** Brute force: the best weight over every subset of candidates whose cost fits the budget (2^n subsets). */
function bruteForce(poids: number[], couvre: number[][], couts: number[], budget: number): number {
  let meilleur = 0
  for (let masque = 0; masque < 1 << couvre.length; masque++) {
    let cout = 0
    const couverts = new Set<number>()
    for (let c = 0; c < couvre.length; c++) {
      if ((masque & (1 << c)) === 0) continue
      cout += couts[c]!
      for (const i of couvre[c]!) couverts.add(i)
    }
    if (cout <= budget) meilleur = Math.max(meilleur, [...couverts].reduce((s, i) => s + poids[i]!, 0))
  }
  return meilleur
}

describe('budgeted maximal covering', () => {
  let highs: Highs
  beforeAll(async () => {
    highs = await loadHighs()
  })

  it('prefers two cheap candidatures to one dear one that covers less than both together', () => {
    // GIVEN A (40 k€) covers 0, 1; B (40 k€) covers 2, 3; C (100 k€) covers 0..2 with a higher ratio-free weight
    const poids = [10, 10, 10, 10]
    const couvre = [[0, 1], [2, 3], [0, 1, 2]]
    const r = resoudreBudget(highs, instance(poids, couvre, [40_000, 40_000, 100_000]), 100_000, 5_000)
    // THEN A + B (80 k€) cover 40, more than C alone (30)
    expect(r).toMatchObject({ choisis: [0, 1], objectif: 40, cout: 80_000, optimal: true })
  })

  it('never counts an inhabitant twice when two chosen candidatures overlap', () => {
    const r = resoudreBudget(highs, instance([100, 5, 5], [[0, 1], [0, 2]], [1, 1]), 2, 5_000)
    expect(r.objectif).toBe(110)
    expect(r.cout).toBe(2)
  })

  it('finds the optimum where the gain-per-euro greedy misses it', () => {
    // GIVEN A = {a1, a2}, B = {b1, b2}, C = {a2, b2}, one euro each and two to spend: the greedy takes C first, then 3 more
    const inst = instance([3, 3.5, 3, 3.5], [[0, 1], [2, 3], [1, 3]], [1, 1, 1])
    expect(gloutonBudget(inst, 2)).toEqual({ choisis: [0, 2], objectif: 10, cout: 2 })
    expect(resoudreBudget(highs, inst, 2, 5_000)).toMatchObject({ choisis: [0, 1], objectif: 13, objectifGlouton: 10, optimal: true, methode: 'exacte' })
  })

  it('keeps the best single candidature when the order of gain per euro would leave the budget unspent', () => {
    // GIVEN budget 10: A costs 1 and covers 2 (ratio 2), B costs 10 and covers 15 (ratio 1.5); A then leaves 9, too little for B
    const r = resoudreBudget(highs, instance([2, 15], [[0], [1]], [1, 10]), 10, 5_000)
    expect(r).toMatchObject({ choisis: [1], objectif: 15, optimal: true })
    // The greedy keeps the best single candidate when it beats the ratio order: here B again.
    expect(gloutonBudget(instance([2, 15], [[0], [1]], [1, 10]), 10).objectif).toBe(15)
  })

  it.each(Array.from({ length: 40 }, (_, k) => [k]))('equals a brute-force enumeration on seeded instance %i, and the greedy never beats it', (k) => {
    const rnd = seeded(7000 + k)
    const nDemande = 4 + Math.floor(rnd() * 14)
    const nCandidats = 2 + Math.floor(rnd() * 10)
    const poids = Array.from({ length: nDemande }, () => Math.floor(rnd() * 1000))
    const couvre = Array.from({ length: nCandidats }, () => Array.from({ length: nDemande }, (_, i) => i).filter(() => rnd() < 0.3))
    const couts = Array.from({ length: nCandidats }, () => (rnd() < 0.5 ? 40_000 : 50_000) * (1 + Math.floor(rnd() * 3)))
    const budget = 40_000 * Math.floor(1 + rnd() * 6)
    const inst = instance(poids, couvre, couts)
    const attendu = bruteForce(poids, couvre, couts, budget)
    const r = resoudreBudget(highs, inst, budget, 5_000)
    const glouton = gloutonBudget(inst, budget)
    expect(r.objectif).toBe(attendu)
    expect(r.optimal).toBe(true)
    expect(r.cout).toBeLessThanOrEqual(budget)
    expect(r.cout).toBe(r.choisis.reduce((s, c) => s + couts[c]!, 0))
    expect(glouton.objectif).toBeLessThanOrEqual(attendu)
    expect(glouton.cout).toBeLessThanOrEqual(budget)
    expect(borneBudget(inst, budget)).toBeGreaterThanOrEqual(attendu)
    expect(r.borneSuperieure).toBeGreaterThanOrEqual(attendu - 1e-6)
  })

  it('answers with the greedy, not proven optimal unless it reaches the bound, when the solver is missing', () => {
    const r = resoudreBudget(undefined, instance([3, 3.5, 3, 3.5], [[0, 1], [2, 3], [1, 3]], [1, 1, 1]), 2, 5_000)
    expect(r.methode).toBe('gloutonne')
    expect(r.objectif).toBe(10)
    expect(r.optimal).toBe(false)
    expect(r.borneSuperieure).toBeGreaterThanOrEqual(13)
  })

  it('chooses nothing when no candidature fits the budget', () => {
    const r = resoudreBudget(highs, instance([5], [[0]], [50_000]), 40_000, 5_000)
    expect(r).toMatchObject({ choisis: [], objectif: 0, cout: 0, optimal: true })
  })

  it('refuses a cost that is not positive at the entry point', () => {
    expect(() => resoudreBudget(highs, instance([5], [[0]], [0]), 1, 5_000)).toThrow('costs must be positive and finite, got 0')
  })
})
