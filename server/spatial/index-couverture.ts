import { CATEGORIES, OFFRE_COMPLETE } from '../domain/offre.ts'
import { buildAgregatsKd, type AgregatsKd } from './agregats-kd.ts'
import { checkDonnees, type Communes, type Lieux, type Territoires } from './donnees.ts'
import { toUnitVectors } from './geo.ts'
import { buildKdTree3, type KdTree3 } from './kd-tree-3d.ts'
import { buildPlusProchesCategories, type PlusProchesCategories } from './plus-proches-categories.ts'

/** Number of offre masks, the empty one (0) included. */
export const NB_MASQUES = OFFRE_COMPLETE + 1

/**
 * Everything the engine precomputes once per import: unit vectors, one kd-tree over the communes
 * (its slot order doubles as a spatial order for warm-started nearest-neighbour queries) and one
 * kd-tree per offre mask over that offre's lieux, plus integer group ids for the aggregations.
 */
export type IndexCouverture = Readonly<{
  communes: Communes
  lieux: Lieux
  territoires: Territoires
  /** Unit vectors of commune centres, stride 3, by commune index. */
  xyzCommunes: Float64Array
  /** Unit vectors of lieux, stride 3, by lieu index. */
  xyzLieux: Float64Array
  /** kd-tree over all communes; `ids` are commune indexes. */
  arbreCommunes: KdTree3
  /** Population of the commune at each slot of `arbreCommunes`. */
  populationSlot: Float64Array
  /** The ranges of `arbreCommunes` as preorder nodes with their bounding box and population (the 2SFCA's walk, accessibilite.ts). */
  agregatsCommunes: AgregatsKd
  /** kd-tree over the lieux of each offre mask (active and sharing a catégorie); `ids` are lieu indexes. */
  arbresLieux: readonly KdTree3[]
  /** Nearest lieu of each catégorie for every commune: any offre's nearest lieu is their element-wise minimum. */
  plusProchesCategories: PlusProchesCategories
  /** Supply of each lieu for accessibility (conseillers, 1 when unknown). */
  offreLieux: Float64Array
  /** Index in `territoires.departements` of each commune's département. */
  departementCommune: Int32Array
  /** Index in `territoires.departements` of each lieu's département. */
  departementLieu: Int32Array
  /** Index in `territoires.regions` of each département, -1 for a COM outside any région. */
  regionDepartement: Int32Array
  /** 1 for départements that are a COM. */
  comDepartement: Uint8Array
  /** Index in `territoires.departements` by code. */
  departementParCode: ReadonlyMap<string, number>
}>

/**
 * Checks the data and builds the index. Call once per import; everything derived from it is immutable.
 * @throws Error when an invariant of `checkDonnees` is broken, or a non-COM département has an unknown région.
 */
export function buildIndexCouverture(communes: Communes, lieux: Lieux, territoires: Territoires): IndexCouverture {
  checkDonnees(communes, lieux, territoires)
  const departementParCode = new Map(territoires.departements.map((d, k) => [d.code, k] as const))
  const regionParCode = new Map(territoires.regions.map((r, k) => [r.code, k] as const))
  const regionDepartement = new Int32Array(territoires.departements.length)
  const comDepartement = new Uint8Array(territoires.departements.length)
  territoires.departements.forEach((d, k) => {
    const region = regionParCode.get(d.region)
    // A COM is its own territory; the product does not require it to be listed as a région.
    if (region === undefined && !d.com) throw new Error(`Département ${d.code}: unknown région '${d.region}'`)
    regionDepartement[k] = region ?? -1
    comDepartement[k] = d.com ? 1 : 0
  })
  const departementCommune = Int32Array.from(communes.departement, (code) => departementParCode.get(code)!)
  const departementLieu = Int32Array.from(lieux.departement, (code) => departementParCode.get(code)!)

  const xyzCommunes = toUnitVectors(communes.longitude, communes.latitude, new Float64Array(3 * communes.n))
  const xyzLieux = toUnitVectors(lieux.longitude, lieux.latitude, new Float64Array(3 * lieux.n))
  const tousCommunes = Int32Array.from({ length: communes.n }, (_, i) => i)
  const arbreCommunes = buildKdTree3(tousCommunes, xyzCommunes, tousCommunes, 8)

  const populationSlot = Float64Array.from(arbreCommunes.ids, (i) => communes.population[i]!)
  const agregatsCommunes = buildAgregatsKd(arbreCommunes, populationSlot)

  const arbresLieux = Array.from({ length: NB_MASQUES }, (_, masque) => buildArbreLieux(lieux, xyzLieux, masque))
  const plusProchesCategories = buildPlusProchesCategories(
    communes, lieux, xyzCommunes, xyzLieux, arbreCommunes, CATEGORIES.map((_, b) => arbresLieux[1 << b]!),
  )
  const offreLieux = Float64Array.from(lieux.conseillers, (c) => (Number.isNaN(c) ? 1 : c))

  return {
    communes,
    lieux,
    territoires,
    xyzCommunes,
    xyzLieux,
    arbreCommunes,
    populationSlot,
    agregatsCommunes,
    arbresLieux,
    plusProchesCategories,
    offreLieux,
    departementCommune,
    departementLieu,
    regionDepartement,
    comDepartement,
    departementParCode,
  }
}

/**
 * Checks that `masque` is an offre mask (an integer in 0..15; 0 is the empty offre).
 * @throws Error naming the bad value.
 */
export function checkMasque(masque: number): void {
  if (!Number.isInteger(masque) || masque < 0 || masque > OFFRE_COMPLETE)
    throw new Error(`masque must be an integer in 0..${OFFRE_COMPLETE} (bits of ${CATEGORIES.join(', ')}), got ${masque}`)
}

/**
 * kd-tree over the lieux of the offre `masque`: active and sharing a catégorie with it; `ids` are lieu indexes, ties
 * broken by lieu.id. One home for the engine's index and the build (which has no index).
 * @param xyzLieux unit vectors of every lieu (stride 3).
 */
export function buildArbreLieux(
  lieux: Readonly<{ n: number; id: Int32Array; categories: Uint8Array; actif: Uint8Array }>,
  xyzLieux: Float64Array,
  masque: number,
): KdTree3 {
  const membres: number[] = []
  for (let j = 0; j < lieux.n; j++) if (lieux.actif[j] === 1 && (lieux.categories[j]! & masque) !== 0) membres.push(j)
  return buildKdTree3(Int32Array.from(membres), xyzLieux, lieux.id)
}
