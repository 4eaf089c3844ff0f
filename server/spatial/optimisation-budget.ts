/**
 * Budgeted maximal covering (Khuller, Moss & Naor, « The budgeted maximum coverage problem », Information
 * Processing Letters 70, 1999): choose candidates whose total cost stays within a budget so that the weight of the
 * demand points within reach of a chosen one is largest; a point reached by several counts once. Exact as a MIP
 * solved by HiGHS:
 *   max Σ_i w_i y_i  s.t.  y_i ≤ Σ_{c covers i} x_c,  Σ_c cout_c x_c ≤ budget,  x ∈ {0,1},  0 ≤ y ≤ 1;
 * greedy by gain per unit of cost (the better of it and the best single candidate, a (1 − 1/e)/2 approximation).
 */
import type { Highs } from 'highs'
import { objectifMclp, poidsCouvrable, type InstanceMclp } from './optimisation-mclp.ts'

/** A covering instance whose candidates each have a positive cost. */
export type InstanceBudget = InstanceMclp & Readonly<{ couts: Float64Array }>

export type SolutionBudget = Readonly<{ choisis: readonly number[]; objectif: number; cout: number }>

export type ResultatBudget = Readonly<{
  /** Chosen candidates, increasing index. */
  choisis: number[]
  objectif: number
  cout: number
  objectifGlouton: number
  /** Whether `objectif` is proven to be the optimum. */
  optimal: boolean
  /** Proven upper bound of the optimum. */
  borneSuperieure: number
  methode: 'exacte' | 'gloutonne'
}>

/** Largest instance handed to the solver; larger ones are answered by the greedy. */
export const LIMITE_EXACT_BUDGET = Object.freeze({ candidats: 2_000, couples: 200_000 })

const coutDe = (instance: InstanceBudget, choisis: readonly number[]) => choisis.reduce((s, c) => s + instance.couts[c]!, 0)

/** Checks an instance at the entry point: one positive, finite cost per candidate. */
export function checkInstanceBudget(instance: InstanceBudget, budget: number): void {
  if (instance.couts.length !== instance.nbCandidats) throw new Error(`InstanceBudget: ${instance.couts.length} costs for ${instance.nbCandidats} candidates`)
  for (const c of instance.couts) if (!(c > 0 && Number.isFinite(c))) throw new Error(`InstanceBudget: costs must be positive and finite, got ${c}`)
  if (!(budget >= 0 && Number.isFinite(budget))) throw new Error(`budget must be a non-negative finite number, got ${budget}`)
}

/**
 * Greedy: repeatedly takes the affordable candidate of largest marginal gain per unit of cost (ties: smallest index),
 * until none gains anything; then keeps it or the best single affordable candidate, whichever covers more.
 */
export function gloutonBudget(instance: InstanceBudget, budget: number): SolutionBudget {
  const { poids, debut, demandes, couts, nbCandidats } = instance
  const couvert = new Uint8Array(poids.length)
  const pris = new Uint8Array(nbCandidats)
  const choisis: number[] = []
  let objectif = 0
  let reste = budget
  for (;;) {
    let meilleur = -1
    let ratioMax = 0
    let gainMeilleur = 0
    for (let c = 0; c < nbCandidats; c++) {
      if (pris[c] === 1 || couts[c]! > reste) continue
      let gain = 0
      for (let k = debut[c]!; k < debut[c + 1]!; k++) if (couvert[demandes[k]!] === 0) gain += poids[demandes[k]!]!
      const ratio = gain / couts[c]!
      if (gain > 0 && ratio > ratioMax) {
        ratioMax = ratio
        meilleur = c
        gainMeilleur = gain
      }
    }
    if (meilleur < 0) break
    pris[meilleur] = 1
    for (let k = debut[meilleur]!; k < debut[meilleur + 1]!; k++) couvert[demandes[k]!] = 1
    choisis.push(meilleur)
    objectif += gainMeilleur
    reste -= couts[meilleur]!
  }
  let seul = -1
  let gainSeul = 0
  for (let c = 0; c < nbCandidats; c++) {
    if (couts[c]! > budget) continue
    const g = objectifMclp(instance, [c])
    if (g > gainSeul) {
      gainSeul = g
      seul = c
    }
  }
  if (gainSeul > objectif) return { choisis: [seul], objectif: gainSeul, cout: couts[seul]! }
  choisis.sort((a, b) => a - b)
  return { choisis, objectif, cout: coutDe(instance, choisis) }
}

/**
 * A bound no affordable set can beat: the fractional knapsack of single gains (coverage is submodular, so a set
 * covers at most the sum of what its members cover alone), and the weight coverable at all.
 */
export function borneBudget(instance: InstanceBudget, budget: number): number {
  const seuls = Array.from({ length: instance.nbCandidats }, (_, c) => ({ c, gain: objectifMclp(instance, [c]), cout: instance.couts[c]! }))
    .filter((s) => s.cout <= budget && s.gain > 0)
    .sort((a, b) => b.gain / b.cout - a.gain / a.cout)
  let reste = budget
  let borne = 0
  for (const s of seuls) {
    if (reste <= 0) break
    const part = Math.min(1, reste / s.cout)
    borne += part * s.gain
    reste -= part * s.cout
  }
  return Math.min(borne, poidsCouvrable(instance))
}

/** Whether a weight reaches a bound, allowing for the rounding of sums of decimal weights (as `atteint` in optimisation.ts). */
const atteint = (valeur: number, borne: number): boolean => valeur >= borne - 1e-9 * Math.max(1, Math.abs(borne))

/**
 * The best affordable set: exact with HiGHS when the instance fits and the solver finishes within `tempsLimiteMs`,
 * the greedy otherwise (and proven optimal when it reaches the bound). `highs` undefined: greedy only.
 */
export function resoudreBudget(highs: Highs | undefined, instance: InstanceBudget, budget: number, tempsLimiteMs: number): ResultatBudget {
  checkInstanceBudget(instance, budget)
  const glouton = gloutonBudget(instance, budget)
  const borneTriviale = borneBudget(instance, budget)
  const gloutonne = (borne: number): ResultatBudget => ({
    choisis: [...glouton.choisis], objectif: glouton.objectif, cout: glouton.cout, objectifGlouton: glouton.objectif,
    optimal: atteint(glouton.objectif, borne), borneSuperieure: Math.max(borne, glouton.objectif), methode: 'gloutonne',
  })
  if (atteint(glouton.objectif, borneTriviale) || highs === undefined) return gloutonne(borneTriviale)
  const exact = exactBudget(highs, instance, budget, tempsLimiteMs / 1000)
  if (exact === null || exact.solution.objectif < glouton.objectif) return gloutonne(Math.min(borneTriviale, exact?.borne ?? Infinity))
  const borne = exact.prouve ? exact.solution.objectif : Math.min(borneTriviale, exact.borne)
  return {
    choisis: [...exact.solution.choisis], objectif: exact.solution.objectif, cout: exact.solution.cout, objectifGlouton: glouton.objectif,
    optimal: exact.prouve || atteint(exact.solution.objectif, borne), borneSuperieure: Math.max(borne, exact.solution.objectif), methode: 'exacte',
  }
}

/** The MIP above, demand points covered by the same candidates merged; null when too large or the solver fails. */
function exactBudget(highs: Highs, instance: InstanceBudget, budget: number, tempsLimiteS: number):
  { solution: SolutionBudget; prouve: boolean; borne: number } | null {
  const { debut, demandes, couts, poids } = instance
  const gardes: number[] = []
  for (let c = 0; c < instance.nbCandidats; c++) if (debut[c + 1]! > debut[c]! && couts[c]! <= budget) gardes.push(c)
  let couples = 0
  for (const c of gardes) couples += debut[c + 1]! - debut[c]!
  if (gardes.length > LIMITE_EXACT_BUDGET.candidats || couples > LIMITE_EXACT_BUDGET.couples) return null
  const couvrants: number[][] = Array.from({ length: poids.length }, () => [])
  gardes.forEach((c, x) => {
    for (let k = debut[c]!; k < debut[c + 1]!; k++) couvrants[demandes[k]!]!.push(x)
  })
  const groupes = new Map<string, { poids: number; couvrants: number[] }>()
  couvrants.forEach((l, i) => {
    if (l.length === 0 || !(poids[i]! > 0)) return
    const cle = l.join(',')
    const g = groupes.get(cle)
    if (g === undefined) groupes.set(cle, { poids: poids[i]!, couvrants: l })
    else g.poids += poids[i]!
  })
  const liste = [...groupes.values()]
  if (liste.length === 0) return { solution: { choisis: [], objectif: 0, cout: 0 }, prouve: true, borne: 0 }
  const lignes: string[] = ['Maximize', ' obj:']
  liste.forEach((g, i) => lignes.push(`  + ${g.poids} y${i}`))
  lignes.push('Subject To')
  liste.forEach((g, i) => {
    lignes.push(` d${i}: y${i}`)
    for (const x of g.couvrants) lignes.push(`  - x${x}`)
    lignes.push('  <= 0')
  })
  lignes.push(' budget:')
  gardes.forEach((c, x) => lignes.push(`  + ${couts[c]} x${x}`))
  lignes.push(`  <= ${budget}`, 'Bounds')
  liste.forEach((_, i) => lignes.push(` 0 <= y${i} <= 1`))
  lignes.push('Binary')
  gardes.forEach((_, x) => lignes.push(` x${x}`))
  lignes.push('End')
  try {
    return highs.withModel({ format: 'lp', data: lignes.join('\n') }, (model) => {
      model.options.set({ output_flag: false, time_limit: tempsLimiteS, mip_rel_gap: 0 })
      model.run()
      const statut = model.getModelStatus()
      const { optimal, timeLimit } = highs.constants.modelStatus
      if (statut !== optimal && statut !== timeLimit) {
        console.error(`HiGHS : statut de modèle ${statut} inattendu pour une sélection sous budget de ${gardes.length} candidatures`)
        return null
      }
      const valeurs = model.getSolution().colValue
      const choisis: number[] = []
      for (let col = 0; col < valeurs.length; col++) {
        const nom = model.getColName(col)
        if (nom.startsWith('x') && valeurs[col]! > 0.5) choisis.push(gardes[Number(nom.slice(1))]!)
      }
      choisis.sort((a, b) => a - b)
      // The solver's feasibility tolerance must not buy a set over budget: such an answer is not taken.
      const cout = coutDe(instance, choisis)
      if (cout > budget) return null
      const borne = Number(model.info.get('mip_dual_bound'))
      return { solution: { choisis, objectif: objectifMclp(instance, choisis), cout }, prouve: statut === optimal, borne: Number.isFinite(borne) ? borne : Infinity }
    })
  } catch (e) {
    console.error(`HiGHS a échoué sur une sélection sous budget de ${gardes.length} candidatures :`, e)
    return null
  }
}
