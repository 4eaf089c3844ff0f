import type { Methode } from '../domain/methode.ts'
import type { Highs } from 'highs'
import { MAX_POSTES_NATIONAL } from '../domain/planification.ts'
import type { Moteur } from './moteur.ts'
import { buildProbleme, resoudre, type Candidats, type Poids, type ProblemeDepartement, type RaisonNonOptimal } from './optimisation.ts'
import { gloutonMclp } from './optimisation-mclp.ts'

export { MAX_POSTES_NATIONAL } from '../domain/planification.ts'

/** Time limit of each département's exact solve during the national allocation. */
export const TEMPS_LIMITE_NATIONAL_PAR_SOLVE_MS = 1_000
/** Past this total time the remaining steps use the greedy only (their rows then say `optimal: false`). */
export const BUDGET_NATIONAL_MS = 10_000

export type ParametresNationaux = Readonly<{
  nombrePostes: number
  rayonKm: number
  masque: number
  candidats: Candidats
  poids: Poids
  /** Where the inhabitants to cover are counted (default: commune centres). */
  methode?: Methode
  tempsLimiteParSolveMs?: number
  /** Total time after which the remaining steps use the greedy only (default `BUDGET_NATIONAL_MS`). */
  budgetMs?: number
}>

export type LigneNationale = Readonly<{
  code: string
  nom: string
  postes: number
  /** Weight newly covered by the département's best placement of its postes. */
  gain: number
  /** Weight of the département's zones blanches before (the demand). */
  demande: number
  /** Whether every optimum this row relies on was proven. */
  optimal: boolean
  /** Why not, for the first step that was not proven; null when `optimal`. */
  raison: RaisonNonOptimal | null
}>

export type ResultatNational = Readonly<{
  /** Départements that receive postes, largest gain first (then by code). */
  departements: LigneNationale[]
  gainTotal: number
  postesAttribues: number
  /** Postes left when no département can cover anything more. */
  postesNonAttribues: number
  optimal: boolean
  dureeMs: number
}>

type Etat = { code: string; nom: string; probleme: ProblemeDepartement; postes: number; valeurs: number[]; optimaux: boolean[]; raisons: (RaisonNonOptimal | null)[] }

/**
 * Spreads `nombrePostes` postes across the départements (COM excluded, as in the national figures):
 * each poste goes to the département whose optimum grows most with one more poste, where
 * optimum(n) is the département's MCLP value with n postes. Greedy on the per-département optima:
 * exact when these are concave in n, as covering functions usually are, a heuristic otherwise.
 * Each step solves one more MCLP, for the département that received the poste only.
 */
export function optimiserNational(moteur: Moteur, highs: Highs | undefined, params: ParametresNationaux): ResultatNational {
  const debut = performance.now()
  const { nombrePostes, rayonKm, masque, candidats, poids } = params
  if (!Number.isInteger(nombrePostes) || nombrePostes < 1 || nombrePostes > MAX_POSTES_NATIONAL)
    throw new Error(`optimiserNational: nombrePostes must be an integer in 1..${MAX_POSTES_NATIONAL}, got ${nombrePostes}`)
  const limite = params.tempsLimiteParSolveMs ?? TEMPS_LIMITE_NATIONAL_PAR_SOLVE_MS
  const budget = params.budgetMs ?? BUDGET_NATIONAL_MS
  const etats: Etat[] = []
  for (const d of moteur.index.territoires.departements) {
    if (d.com) continue
    const probleme = buildProbleme(moteur, d.code, rayonKm, masque, candidats, poids, { methode: params.methode })!
    // optimum(1) is the best single site, which the greedy finds.
    const un = gloutonMclp(probleme.instance, 1).objectif
    if (un > 0) etats.push({ code: d.code, nom: d.nom, probleme, postes: 0, valeurs: [0, un], optimaux: [true, true], raisons: [null, null] })
  }
  const marginal = (e: Etat): number => e.valeurs[e.postes + 1]! - e.valeurs[e.postes]!
  let attribues = 0
  while (attribues < nombrePostes) {
    let meilleur: Etat | undefined
    for (const e of etats) if (marginal(e) > 0 && (meilleur === undefined || marginal(e) > marginal(meilleur))) meilleur = e
    if (meilleur === undefined) break
    meilleur.postes++
    attribues++
    if (attribues < nombrePostes) {
      const n = meilleur.postes + 1
      const dansLeBudget = performance.now() - debut < budget
      const r = resoudre(dansLeBudget ? highs : undefined, meilleur.probleme.instance, n, limite, dansLeBudget ? 'erreur-solveur' : 'temps-limite')
      // An optimum never decreases with one more poste; a time-limited solve may report less.
      meilleur.valeurs[n] = Math.max(r.solution.objectif, meilleur.valeurs[n - 1]!)
      meilleur.optimaux[n] = r.optimal
      meilleur.raisons[n] = r.raison
    }
  }
  const departements = etats
    .filter((e) => e.postes > 0)
    .map((e) => ({
      code: e.code,
      nom: e.nom,
      postes: e.postes,
      gain: e.valeurs[e.postes]!,
      demande: e.probleme.instance.poids.reduce((a, b) => a + b, 0),
      optimal: e.optimaux.slice(0, e.postes + 1).every(Boolean),
      raison: e.raisons.slice(0, e.postes + 1).find((r) => r !== null) ?? null,
    }))
    .sort((a, b) => b.gain - a.gain || (a.code < b.code ? -1 : 1))
  return {
    departements,
    gainTotal: departements.reduce((s, d) => s + d.gain, 0),
    postesAttribues: attribues,
    postesNonAttribues: nombrePostes - attribues,
    optimal: departements.every((d) => d.optimal),
    dureeMs: performance.now() - debut,
  }
}
