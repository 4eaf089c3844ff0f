import { BUDGET_NATIONAL_MS, TEMPS_LIMITE_NATIONAL_PAR_SOLVE_MS } from '../spatial/index.ts'

/** Time a computation may take, queue included: the public's, and a signed-in agent's. */
export type DelaisCalcul = Readonly<{ publicMs: number; agentMs: number }>

export const DELAIS_PAR_DEFAUT: DelaisCalcul = Object.freeze({ publicMs: 2_000, agentMs: 30_000 })

/**
 * What one caller is given: the task's time limit (past it the worker is stopped and the answer is 503), and the
 * solver's time limits kept well inside it, so that a result, proven or not, normally comes back in time: a
 * département's solve gets at most 3/4 of it; the national allocation solves exactly for at most half of it
 * (then greedily), at most 1/4 of it per solve.
 */
export function limitesCalcul(delais: DelaisCalcul, agent: boolean) {
  const delaiMs = agent ? delais.agentMs : delais.publicMs
  return {
    delaiMs,
    tempsLimiteMaxMs: Math.floor(delaiMs * 0.75),
    budgetNationalMs: Math.min(BUDGET_NATIONAL_MS, Math.floor(delaiMs / 2)),
    tempsLimiteParSolveMs: Math.min(TEMPS_LIMITE_NATIONAL_PAR_SOLVE_MS, Math.floor(delaiMs / 4)),
  }
}
