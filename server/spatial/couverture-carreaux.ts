import type { Carreaux } from './carreaux.ts'
import { distanceCarreau } from './carreaux.ts'
import type { CouvertureSansAccessibilite } from './couverture.ts'
import type { Communes } from './donnees.ts'

/** Statut codes of `CouvertureCarreaux.statut`, in the order of STATUTS_COMMUNE (server/domain/methode.ts). */
export const BLANCHE = 0
export const PARTIELLE = 1
export const COUVERTE = 2

/**
 * Coverage of every commune counted where its inhabitants live: by its cells when it has some, else at its
 * centre point (as `Couverture` does). Struct of arrays by commune index.
 */
export type CouvertureCarreaux = Readonly<{
  /** Inhabitants of the commune in covered cells (or its whole population when its centre is covered). */
  populationCouverte: Float64Array
  /** Σ population × km to the nearest lieu over its cells (or population × centre distance): the weighted mean's numerator. */
  distancePonderee: Float64Array
  /** BLANCHE, PARTIELLE or COUVERTE. */
  statut: Uint8Array
  /** 1 when the commune is counted by cells, 0 at its centre. */
  parCarreaux: Uint8Array
}>

/**
 * Statut of a commune counted by cells from its population `p`, its covered inhabitants `pc`, and how many of its
 * `nb` cells are covered: COUVERTE when all its inhabitants live in covered cells, BLANCHE when none does, PARTIELLE
 * otherwise; a commune whose cells hold no inhabitant (population 0) is judged by its cells' count instead.
 */
export function statutParCarreaux(p: number, pc: number, nbCouverts: number, nb: number): number {
  if (p > 0) return pc === p ? COUVERTE : pc === 0 ? BLANCHE : PARTIELLE
  return nbCouverts === nb ? COUVERTE : nbCouverts === 0 ? BLANCHE : PARTIELLE
}

/**
 * Distance of every cell to the nearest lieu of the offre `masque` (the minimum over its catégories), by cell index.
 * A single catégorie's is a view of `distancesCategories` (no copy): the caller must not write into it.
 */
export function distancesOffreCarreaux(carreaux: Carreaux, distancesCategories: Float64Array, masque: number): Float64Array {
  const n = carreaux.n
  if (masque > 0 && (masque & (masque - 1)) === 0) {
    const b = 31 - Math.clz32(masque)
    if ((b + 1) * n <= distancesCategories.length) return distancesCategories.subarray(b * n, (b + 1) * n)
  }
  const d = new Float64Array(n)
  for (let k = 0; k < n; k++) d[k] = distanceCarreau(distancesCategories, n, k, masque)
  return d
}

/**
 * One threshold pass over the cells for a radius (see `statutParCarreaux`). Communes without cells keep their
 * centre's status.
 * @param distanceOffre distance of each cell to the nearest lieu of the offre (`distancesOffreCarreaux`, or a
 *   simulation's), by cell index of `carreaux`.
 * @param couverture the centre coverage of the same communes, for those counted at their centre.
 */
export function calculerCouvertureCarreaux(
  communes: Communes,
  carreaux: Carreaux,
  distanceOffre: Float64Array,
  couverture: CouvertureSansAccessibilite,
): CouvertureCarreaux {
  const { rayonKm } = couverture
  const { population: popC, debut } = carreaux
  if (distanceOffre.length !== carreaux.n) throw new Error(`calculerCouvertureCarreaux: ${distanceOffre.length} distances for ${carreaux.n} cells`)
  const populationCouverte = new Float64Array(communes.n)
  const distancePonderee = new Float64Array(communes.n)
  const statut = new Uint8Array(communes.n)
  const parCarreaux = new Uint8Array(communes.n)
  for (let i = 0; i < communes.n; i++) {
    const p = communes.population[i]!
    const a = debut[i]!
    const b = debut[i + 1]!
    if (a === b) {
      const couverte = couverture.couverte[i] === 1
      populationCouverte[i] = couverte ? p : 0
      distancePonderee[i] = p * couverture.distanceKm[i]!
      statut[i] = couverte ? COUVERTE : BLANCHE
      continue
    }
    parCarreaux[i] = 1
    let pc = 0
    let dp = 0
    let nbCouverts = 0
    for (let k = a; k < b; k++) {
      const d = distanceOffre[k]!
      dp += popC[k]! * d
      if (d <= rayonKm) {
        pc += popC[k]!
        nbCouverts++
      }
    }
    populationCouverte[i] = pc
    distancePonderee[i] = dp
    statut[i] = statutParCarreaux(p, pc, nbCouverts, b - a)
  }
  return { populationCouverte, distancePonderee, statut, parCarreaux }
}
