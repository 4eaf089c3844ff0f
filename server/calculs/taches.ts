import type { Highs } from 'highs'
import {
  calculerAccessibilite, optimiserDepartement, optimiserNational,
  type Moteur, type ParametresCouverture, type ParametresNationaux, type ParametresOptimisation, type ResultatNational, type ResultatOptimisation,
} from '../spatial/index.ts'

/** The computations that may run longer than the main thread can afford (~20 ms): each a plain, cloneable message. */
export type Tache =
  | Readonly<{ type: 'optimisation'; params: ParametresOptimisation }>
  | Readonly<{ type: 'nationale'; params: ParametresNationaux }>
  /** The 2SFCA accessibility of a radius and offre not yet computed (up to ~0.5 s at 100 km). */
  | Readonly<{ type: 'accessibilite'; params: ParametresCouverture }>

export type ResultatTache<T extends Tache> =
  T extends { type: 'optimisation' } ? ResultatOptimisation : T extends { type: 'nationale' } ? ResultatNational : Float64Array

/** Runs a task on an engine: the same function inline (MAILLAGE_TRAVAILLEURS=0) and in each worker. */
export function executerTache<T extends Tache>(moteur: Moteur, highs: Highs | undefined, tache: T): ResultatTache<T> {
  switch (tache.type) {
    case 'optimisation':
      return optimiserDepartement(moteur, highs, tache.params) as ResultatTache<T>
    case 'nationale':
      return optimiserNational(moteur, highs, tache.params) as ResultatTache<T>
    case 'accessibilite':
      return calculerAccessibilite(moteur.index, tache.params.rayonKm, tache.params.masque) as ResultatTache<T>
  }
  throw new Error(`executerTache: unknown task type ${(tache as { type: unknown }).type}`)
}
