import type { Highs } from 'highs'
import {
  evaluerCandidatures, selectionnerCandidatures, type Evaluation, type ParametresEvaluation, type ParametresSelection, type ResultatSelection,
} from '../candidatures/evaluation.ts'
import {
  affecter, buildSimulateur, calculerAccessibilite, contributionsArbre, optimiserDepartement, optimiserNational, type ContributionsAccessibilite,
  type Moteur, type ParametresCouverture, type Poste, type Recrue, type ResultatAffectation, type ParametresNationaux, type ParametresOptimisation,
  type ResultatNational, type ResultatOptimisation, type Simulateur,
} from '../spatial/index.ts'

// One what-if simulator per engine (~10 ms to build), made on the first selection a worker runs.
const simulateurs = new WeakMap<Moteur, Simulateur>()
const simulateurDe = (moteur: Moteur): Simulateur => {
  let s = simulateurs.get(moteur)
  if (s === undefined) simulateurs.set(moteur, (s = buildSimulateur(moteur)))
  return s
}

/** The computations that may run longer than the main thread can afford (~20 ms): each a plain, cloneable message. */
export type Tache =
  | Readonly<{ type: 'optimisation'; params: ParametresOptimisation }>
  | Readonly<{ type: 'nationale'; params: ParametresNationaux }>
  /** The 2SFCA accessibility of a radius and offre not yet computed, and its median by territory (Moteur.medianesAccessibilite). */
  | Readonly<{ type: 'accessibilite'; params: ParametresCouverture }>
  /** One part of the 2SFCA's tree walk of a wide radius, the other computed at once by the 2SFCA thread (fil-accessibilite.ts). */
  | Readonly<{ type: 'accessibilite-partie'; params: ParametresCouverture; partie: number }>
  | Readonly<{ type: 'selection-budget'; params: ParametresSelection }>
  /** What each candidature would bring alone: one simulation each (~1 ms), 0.6–2.2 s for the 887 of a large département. */
  | Readonly<{ type: 'evaluation-candidatures'; params: ParametresEvaluation }>
  | Readonly<{ type: 'affectation'; params: Readonly<{ recrues: readonly Recrue[]; postes: readonly Poste[] }> }>

/** A 2SFCA computed off the main thread, with the medians the figures need (their sort is most of their cost). */
export type AccessibiliteCalculee = Readonly<{ accessibilite: Float64Array; medianes: Float64Array[] }>

export type ResultatTache<T extends Tache> =
  T extends { type: 'optimisation' } ? ResultatOptimisation : T extends { type: 'selection-budget' } ? ResultatSelection
  : T extends { type: 'evaluation-candidatures' } ? Evaluation[]
  : T extends { type: 'affectation' } ? ResultatAffectation : T extends { type: 'accessibilite' } ? AccessibiliteCalculee
  : T extends { type: 'accessibilite-partie' } ? ContributionsAccessibilite : ResultatNational

/** Runs a task on an engine: the same function inline (MAILLAGE_TRAVAILLEURS=0) and in each worker. */
export function executerTache<T extends Tache>(moteur: Moteur, highs: Highs | undefined, tache: T): ResultatTache<T> {
  switch (tache.type) {
    case 'optimisation':
      return optimiserDepartement(moteur, highs, tache.params) as ResultatTache<T>
    case 'nationale':
      return optimiserNational(moteur, highs, tache.params) as ResultatTache<T>
    case 'accessibilite':
    {
      const accessibilite = calculerAccessibilite(moteur.index, tache.params.rayonKm, tache.params.masque)
      return { accessibilite, medianes: moteur.medianesAccessibilite(accessibilite) } as ResultatTache<T>
    }
    case 'accessibilite-partie':
      return contributionsArbre(moteur.index, tache.params.rayonKm, tache.params.masque, tache.partie) as ResultatTache<T>
    case 'selection-budget':
      // Simulating each candidature is most of the work (~1 ms each): it runs here, off the main thread, too.
      return selectionnerCandidatures({ moteur, simulateur: simulateurDe(moteur) }, highs, tache.params) as ResultatTache<T>
    case 'evaluation-candidatures':
      return evaluerCandidatures({ moteur, simulateur: simulateurDe(moteur) }, tache.params, tache.params.candidatures) as ResultatTache<T>
    case 'affectation':
      if (highs === undefined) return { ok: false, motif: 'Le solveur HiGHS est indisponible : mise en relation impossible pour l’instant.' } as ResultatTache<T>
      return affecter(highs, tache.params.recrues, tache.params.postes) as ResultatTache<T>
  }
  throw new Error(`executerTache: unknown task type ${(tache as { type: unknown }).type}`)
}
