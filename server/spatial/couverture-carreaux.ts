import type { Carreaux } from './carreaux.ts'
import { distanceCarreau } from './carreaux.ts'
import type { Couverture } from './couverture.ts'
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
 * One threshold pass over the cells for a radius and offre. A commune is COUVERTE when all its inhabitants live in
 * covered cells, BLANCHE when none does, PARTIELLE otherwise; a commune whose cells hold no inhabitant (population 0)
 * is judged by its cells' count instead. Communes without cells keep their centre's status.
 * @param distancesCategories see `PlusProchesCarreaux.distanceKm`.
 */
export function calculerCouvertureCarreaux(
  communes: Communes,
  carreaux: Carreaux,
  distancesCategories: Float64Array,
  couverture: Couverture,
): CouvertureCarreaux {
  const { rayonKm, masque } = couverture
  const { n: nc, population: popC, debut } = carreaux
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
      const d = distanceCarreau(distancesCategories, nc, k, masque)
      dp += popC[k]! * d
      if (d <= rayonKm) {
        pc += popC[k]!
        nbCouverts++
      }
    }
    populationCouverte[i] = pc
    distancePonderee[i] = dp
    if (p > 0) statut[i] = pc === p ? COUVERTE : pc === 0 ? BLANCHE : PARTIELLE
    else statut[i] = nbCouverts === b - a ? COUVERTE : nbCouverts === 0 ? BLANCHE : PARTIELLE
  }
  return { populationCouverte, distancePonderee, statut, parCarreaux }
}
