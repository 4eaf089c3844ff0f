import type { InstanceMclp } from './optimisation-mclp.ts'

/**
 * Merges the demand points reached by exactly the same candidates into one point whose weight is their sum: every
 * set of candidates covers the same weight as before, so the optimum and each solution's objective are unchanged,
 * and the solver sees one row per distinct set. On the 1 km cells this folds neighbouring cells together (the
 * Drôme at 10 km: see BENCHMARKS.md). Points reached by no candidate merge into one point too (it keeps their weight
 * in the demand's total).
 * @returns the merged instance and, for each original point, its merged index.
 */
export function fusionnerDemandes(instance: InstanceMclp): { instance: InstanceMclp; fusion: Int32Array } {
  const { nbCandidats, poids, debut, demandes } = instance
  const n = poids.length
  // Candidates of each point, transposed from the candidates' lists (increasing candidate order by construction).
  const nb = new Int32Array(n + 1)
  for (const d of demandes) nb[d + 1]!++
  for (let d = 0; d < n; d++) nb[d + 1]! += nb[d]!
  const curseur = nb.slice(0, n)
  const candidatsDe = new Int32Array(demandes.length)
  for (let c = 0; c < nbCandidats; c++) for (let t = debut[c]!; t < debut[c + 1]!; t++) candidatsDe[curseur[demandes[t]!]!++] = c
  const parCle = new Map<string, number>()
  const fusion = new Int32Array(n)
  const w: number[] = []
  for (let d = 0; d < n; d++) {
    const cle = candidatsDe.subarray(nb[d]!, nb[d + 1]!).join(',')
    let m = parCle.get(cle)
    if (m === undefined) {
      m = w.length
      parCle.set(cle, m)
      w.push(0)
    }
    w[m]! += poids[d]!
    fusion[d] = m
  }
  // Each candidate's merged points, once each: its points with the same merged index are consecutive in no order, so mark them.
  const vu = new Int32Array(w.length).fill(-1)
  const nouveauDebut = new Int32Array(nbCandidats + 1)
  const nouvelles: number[] = []
  for (let c = 0; c < nbCandidats; c++) {
    for (let t = debut[c]!; t < debut[c + 1]!; t++) {
      const m = fusion[demandes[t]!]!
      if (vu[m] === c) continue
      vu[m] = c
      nouvelles.push(m)
    }
    nouveauDebut[c + 1] = nouvelles.length
  }
  return { instance: { nbCandidats, poids: Float64Array.from(w), debut: nouveauDebut, demandes: Int32Array.from(nouvelles) }, fusion }
}
