/**
 * Maximal covering location problem (Church & ReVelle, « The maximal covering location problem »,
 * Papers of the Regional Science Association 32, 1974): choose at most p candidate sites so that the
 * weight of the demand points within reach of a chosen site is largest. Greedy (a (1 − 1/e)
 * approximation, Nemhauser, Wolsey & Fisher 1978) and exact, as a MIP solved by HiGHS:
 *   max Σ_i w_i y_i  s.t.  y_i ≤ Σ_{c covers i} x_c,  Σ_c x_c ≤ p,  x ∈ {0,1},  0 ≤ y ≤ 1.
 */
import type { Highs } from 'highs'

/** A covering instance: demand weights and, per candidate, the demand points it covers (CSR). */
export type InstanceMclp = Readonly<{
  nbCandidats: number
  poids: Float64Array
  /** Demand points covered by candidate c: `demandes[debut[c] .. debut[c + 1])`. */
  debut: Int32Array
  demandes: Int32Array
}>

/** Chosen candidates in greedy order of their marginal gain, each one's gain, and the total. */
export type SolutionMclp = Readonly<{ choisis: readonly number[]; gains: readonly number[]; objectif: number }>

/** Largest instance handed to the exact solver: candidates kept and coverage pairs (after reduction). */
export const LIMITE_EXACT = Object.freeze({ candidats: 5_000, couples: 200_000 })

/** Outcome of the exact solver: `optimal` proven, `limite` stopped by the time limit (best found), `trop-grand`, or `erreur`. */
export type ResultatExact = Readonly<{ statut: 'optimal' | 'limite' | 'trop-grand' | 'erreur'; solution: SolutionMclp | null; borne: number | null }>

/** Total weight covered by a set of candidates. */
export function objectifMclp(instance: InstanceMclp, choisis: Iterable<number>): number {
  const couvert = new Uint8Array(instance.poids.length)
  let total = 0
  for (const c of choisis)
    for (let k = instance.debut[c]!; k < instance.debut[c + 1]!; k++) {
      const i = instance.demandes[k]!
      if (couvert[i] === 0) {
        couvert[i] = 1
        total += instance.poids[i]!
      }
    }
  return total
}

/**
 * Orders candidates greedily among `parmi` (all candidates by default): each step takes the one
 * with the largest marginal gain (ties: smallest index), at most `p`, stopping when nothing is gained.
 * Used both as the greedy heuristic and to list an exact solution's sites with their gains.
 */
export function gloutonMclp(instance: InstanceMclp, p: number, parmi?: readonly number[]): SolutionMclp {
  const { poids, debut, demandes } = instance
  const candidats = parmi ?? Array.from({ length: instance.nbCandidats }, (_, c) => c)
  const couvert = new Uint8Array(poids.length)
  const pris = new Uint8Array(instance.nbCandidats)
  const choisis: number[] = []
  const gains: number[] = []
  let objectif = 0
  while (choisis.length < p) {
    let meilleur = -1
    let gainMax = 0
    for (const c of candidats) {
      if (pris[c] === 1) continue
      let gain = 0
      for (let k = debut[c]!; k < debut[c + 1]!; k++) if (couvert[demandes[k]!] === 0) gain += poids[demandes[k]!]!
      if (gain > gainMax || (gain === gainMax && gain > 0 && c < meilleur)) {
        gainMax = gain
        meilleur = c
      }
    }
    if (meilleur < 0) break
    pris[meilleur] = 1
    for (let k = debut[meilleur]!; k < debut[meilleur + 1]!; k++) couvert[demandes[k]!] = 1
    choisis.push(meilleur)
    gains.push(gainMax)
    objectif += gainMax
  }
  return { choisis, gains, objectif }
}

/** Weight of every demand point some candidate covers: no solution can do better. */
export function poidsCouvrable(instance: InstanceMclp): number {
  return objectifMclp(instance, Array.from({ length: instance.nbCandidats }, (_, c) => c))
}

/**
 * Solves the instance exactly with HiGHS (branch and cut), within `tempsLimiteS` seconds, after
 * reductions that keep every optimum value: candidates covering nothing, or only a subset of what
 * another candidate covers (ties: the smaller index stays), are dropped — swapping one for its
 * dominator never loses weight; demand points covered by the same candidates are merged.
 */
export function exactMclp(highs: Highs, instance: InstanceMclp, p: number, tempsLimiteS: number): ResultatExact {
  const gardes = candidatsNonDomines(instance)
  let couples = 0
  for (const c of gardes) couples += instance.debut[c + 1]! - instance.debut[c]!
  if (gardes.length > LIMITE_EXACT.candidats || couples > LIMITE_EXACT.couples) return { statut: 'trop-grand', solution: null, borne: null }
  if (gardes.length <= p) {
    // Every useful candidate fits: taking them all is optimal, no solver needed.
    return { statut: 'optimal', solution: gloutonMclp(instance, p, gardes), borne: objectifMclp(instance, gardes) }
  }
  const groupes = new Map<string, { poids: number; couvrants: number[] }>()
  const couvrants: number[][] = Array.from({ length: instance.poids.length }, () => [])
  gardes.forEach((c, x) => {
    for (let k = instance.debut[c]!; k < instance.debut[c + 1]!; k++) couvrants[instance.demandes[k]!]!.push(x)
  })
  couvrants.forEach((l, i) => {
    if (l.length === 0 || !(instance.poids[i]! > 0)) return
    const cle = l.join(',')
    const g = groupes.get(cle)
    if (g === undefined) groupes.set(cle, { poids: instance.poids[i]!, couvrants: l })
    else g.poids += instance.poids[i]!
  })
  const lignes: string[] = ['Maximize', ' obj:']
  const terme = (coef: string, nom: string) => lignes.push(`  ${coef} ${nom}`)
  const liste = [...groupes.values()]
  liste.forEach((g, i) => terme(`+ ${g.poids}`, `y${i}`))
  lignes.push('Subject To')
  liste.forEach((g, i) => {
    lignes.push(` d${i}: y${i}`)
    for (const x of g.couvrants) terme('-', `x${x}`)
    lignes.push('  <= 0')
  })
  lignes.push(' p:')
  gardes.forEach((_, x) => terme('+', `x${x}`))
  lignes.push(`  <= ${p}`, 'Bounds')
  liste.forEach((_, i) => lignes.push(` 0 <= y${i} <= 1`))
  lignes.push('Binary')
  gardes.forEach((_, x) => lignes.push(` x${x}`))
  lignes.push('End')
  try {
    return highs.withModel({ format: 'lp', data: lignes.join('\n') }, (model): ResultatExact => {
      // No relative gap: « optimal » must mean proven optimal, not within 0.01 %.
      model.options.set({ output_flag: false, time_limit: tempsLimiteS, mip_rel_gap: 0 })
      model.run()
      const statut = model.getModelStatus()
      const { optimal, timeLimit } = highs.constants.modelStatus
      if (statut !== optimal && statut !== timeLimit) {
        console.error(`HiGHS : statut de modèle ${statut} inattendu pour une instance MCLP de ${gardes.length} candidats`)
        return { statut: 'erreur', solution: null, borne: null }
      }
      const valeurs = model.getSolution().colValue
      const choisis: number[] = []
      for (let col = 0; col < valeurs.length; col++) {
        const nom = model.getColName(col)
        if (nom.startsWith('x') && valeurs[col]! > 0.5) choisis.push(gardes[Number(nom.slice(1))]!)
      }
      const borne = Number(model.info.get('mip_dual_bound'))
      return { statut: statut === optimal ? 'optimal' : 'limite', solution: gloutonMclp(instance, p, choisis), borne: Number.isFinite(borne) ? borne : null }
    })
  } catch (e) {
    // The answer falls back on the greedy with `raison: 'erreur-solveur'`; the cause is for the operators' log.
    console.error(`HiGHS a échoué sur une instance MCLP de ${gardes.length} candidats et ${couples} couples :`, e)
    return { statut: 'erreur', solution: null, borne: null }
  }
}

/** Candidates covering something and not dominated by another one, in increasing index. */
function candidatsNonDomines(instance: InstanceMclp): number[] {
  const { debut, demandes, nbCandidats } = instance
  const mots = Math.ceil(instance.poids.length / 32)
  const utiles: number[] = []
  for (let c = 0; c < nbCandidats; c++) if (debut[c + 1]! > debut[c]!) utiles.push(c)
  // Pairwise subset tests on bitsets; skipped when they would cost more than the solve they save.
  if (utiles.length * utiles.length * mots > 50_000_000) return utiles
  const bits = new Uint32Array(utiles.length * mots)
  utiles.forEach((c, u) => {
    for (let k = debut[c]!; k < debut[c + 1]!; k++) bits[u * mots + (demandes[k]! >>> 5)]! |= 1 << (demandes[k]! & 31)
  })
  const inclus = (a: number, b: number): boolean => {
    for (let w = 0; w < mots; w++) if ((bits[a * mots + w]! & ~bits[b * mots + w]!) !== 0) return false
    return true
  }
  return utiles.filter((_, a) => {
    for (let b = 0; b < utiles.length; b++) {
      if (b === a || !inclus(a, b)) continue
      // a ⊆ b: a goes, unless they are equal and a comes first.
      if (!inclus(b, a) || b < a) return false
    }
    return true
  })
}
