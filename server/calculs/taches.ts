import type { Highs } from 'highs'
import {
  optimiserDepartement, optimiserNational, resoudreBudget,
  type InstanceBudget, type Moteur, type ParametresNationaux, type ParametresOptimisation, type ResultatBudget, type ResultatNational,
  type ResultatOptimisation,
} from '../spatial/index.ts'

/** A selection of candidatures within a budget: the covering instance is built by the caller (it simulates each one). */
export type ParametresSelectionBudget = Readonly<{ instance: InstanceBudget; budget: number; tempsLimiteMs: number }>

/** The computations that may run longer than the main thread can afford (~20 ms): each a plain, cloneable message. */
export type Tache =
  | Readonly<{ type: 'optimisation'; params: ParametresOptimisation }>
  | Readonly<{ type: 'nationale'; params: ParametresNationaux }>
  | Readonly<{ type: 'selection-budget'; params: ParametresSelectionBudget }>

export type ResultatTache<T extends Tache> =
  T extends { type: 'optimisation' } ? ResultatOptimisation : T extends { type: 'selection-budget' } ? ResultatBudget : ResultatNational

/** Runs a task on an engine: the same function inline (MAILLAGE_TRAVAILLEURS=0) and in each worker. */
export function executerTache<T extends Tache>(moteur: Moteur, highs: Highs | undefined, tache: T): ResultatTache<T> {
  switch (tache.type) {
    case 'optimisation':
      return optimiserDepartement(moteur, highs, tache.params) as ResultatTache<T>
    case 'nationale':
      return optimiserNational(moteur, highs, tache.params) as ResultatTache<T>
    case 'selection-budget':
      return resoudreBudget(highs, tache.params.instance, tache.params.budget, tache.params.tempsLimiteMs) as ResultatTache<T>
  }
  throw new Error(`executerTache: unknown task type ${(tache as { type: unknown }).type}`)
}
