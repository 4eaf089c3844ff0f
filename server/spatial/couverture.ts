import { calculerAccessibilite } from './accessibilite.ts'
import type { Distances } from './distances.ts'
import { checkMasque, type IndexCouverture } from './index-couverture.ts'
import { plusProchesParMinimum } from './plus-proches-categories.ts'

/** Smallest and largest catchment radius the product accepts, in km. */
export const RAYON_MIN_KM = 1
export const RAYON_MAX_KM = 100

/** What a coverage computation depends on: the radius and the offre. */
export type ParametresCouverture = Readonly<{ rayonKm: number; masque: number }>

/** Coverage of every commune, as struct of arrays indexed like `Communes`. */
export type Couverture = Readonly<{
  rayonKm: number
  masque: number
  /** Great-circle km from the commune's centre to the nearest lieu of the offre; Infinity if the offre is empty. */
  distanceKm: Float64Array
  /** Lieu index of that nearest lieu (ties: smallest lieu.id), -1 if none. */
  plusProche: Int32Array
  /** 1 when distanceKm ≤ rayonKm, else 0 (zone blanche). */
  couverte: Uint8Array
  /** Conseillers accessibles pour 10 000 habitants (2SFCA, see calculerAccessibilite). */
  accessibilite: Float64Array
}>

/**
 * Checks coverage parameters.
 * @throws Error when rayonKm is not a number in [1, 100] or masque is not an offre mask.
 */
export function checkParametres(params: ParametresCouverture): void {
  const { rayonKm, masque } = params
  if (typeof rayonKm !== 'number' || !(rayonKm >= RAYON_MIN_KM && rayonKm <= RAYON_MAX_KM))
    throw new Error(`rayonKm must be a number in [${RAYON_MIN_KM}, ${RAYON_MAX_KM}], got ${String(rayonKm)}`)
  checkMasque(masque)
}

/** A coverage before its 2SFCA: what the engine prepares while a worker computes the accessibility. */
export type CouvertureSansAccessibilite = Omit<Couverture, 'accessibilite'>

/**
 * Computes the coverage of every commune for an offre and a radius. Pure and uncached: the engine
 * (moteur.ts) caches results, since inputs never change between imports.
 * @param distances nearest-lieu distances already computed for `params.masque` (they do not depend
 *   on the radius), or undefined to take them from the per-catégorie nearest lieux of the index.
 * @param accessibiliteCalculee the 2SFCA of these parameters computed elsewhere (a worker of the pool, on the same
 *   data), taken as is; computed here when undefined.
 * @throws Error on invalid parameters, or distances computed for another mask.
 */
export function calculerCouverture(
  index: IndexCouverture,
  params: ParametresCouverture,
  distances?: Distances,
  accessibiliteCalculee?: Float64Array,
): Couverture {
  return ajouterAccessibilite(index, couvertureSansAccessibilite(index, params, distances), accessibiliteCalculee)
}

/** `calculerCouverture` without the 2SFCA: nearest lieux and whether each commune is covered. */
export function couvertureSansAccessibilite(index: IndexCouverture, params: ParametresCouverture, distances?: Distances): CouvertureSansAccessibilite {
  checkParametres(params)
  const { rayonKm, masque } = params
  if (distances !== undefined && distances.masque !== masque)
    throw new Error(`calculerCouverture: distances were computed for masque ${distances.masque}, not ${masque}`)
  // Nearest lieux do not depend on the radius, and any offre's are the minimum over its catégories'.
  distances ??= { masque, ...plusProchesParMinimum(index.plusProchesCategories, index.lieux.id, masque) }
  const { distanceKm, plusProche } = distances
  const couverte = new Uint8Array(distanceKm.length)
  for (let i = 0; i < distanceKm.length; i++) couverte[i] = distanceKm[i]! <= rayonKm ? 1 : 0
  return { rayonKm, masque, distanceKm, plusProche, couverte }
}

/**
 * Completes a coverage with its 2SFCA, given (computed elsewhere on the same data) or computed here.
 * @throws Error when the given accessibility does not have one value per commune.
 */
export function ajouterAccessibilite(index: IndexCouverture, couverture: CouvertureSansAccessibilite, accessibiliteCalculee?: Float64Array): Couverture {
  if (accessibiliteCalculee !== undefined && accessibiliteCalculee.length !== index.communes.n)
    throw new Error(`ajouterAccessibilite: accessibilite has ${accessibiliteCalculee.length} entries, expected ${index.communes.n}`)
  return { ...couverture, accessibilite: accessibiliteCalculee ?? calculerAccessibilite(index, couverture.rayonKm, couverture.masque) }
}
