import { buildCarreaux, type Carreaux } from './carreaux.ts'
import { buildGroupement, calculerChiffres, type Chiffres } from './chiffres.ts'
import type { Couverture } from './couverture.ts'
import type { CouvertureCarreaux } from './couverture-carreaux.ts'
import type { Communes, Lieux } from './donnees.ts'
import type { IndexCouverture } from './index-couverture.ts'
import type { KdTree3 } from './kd-tree-3d.ts'
import { bitCategorie } from '../domain/offre.ts'

/** State funding of one poste in a public structure (README, « Chiffres »): added postes are funded at this rate. */
export const FINANCEMENT_POSTE_PUBLIC_EUROS = 50_000
const BIT_CONSEILLERS = bitCategorie('conseillers-numeriques')

/**
 * The communes, lieux and cells of one département, in engine order, as the engine's own struct of arrays;
 * `carreauxIndex` is the engine's index of each of the perimeter's cells.
 */
export type Perimetre = Readonly<{ communes: Communes; communesIndex: Int32Array; lieuxIndex: Int32Array; carreaux: Carreaux; carreauxIndex: Int32Array }>

/** Extracts a département's communes (increasing commune index, the order of the engine's groupings), lieux and cells. */
export function buildPerimetre(index: IndexCouverture, k: number, carreaux: Carreaux): Perimetre {
  const { communes, departementCommune, departementLieu } = index
  const membres: number[] = []
  for (let i = 0; i < communes.n; i++) if (departementCommune[i] === k) membres.push(i)
  const communesIndex = Int32Array.from(membres)
  const lieux: number[] = []
  for (let j = 0; j < departementLieu.length; j++) if (departementLieu[j] === k) lieux.push(j)
  const pick = <T>(a: readonly T[]): T[] => membres.map((i) => a[i]!)
  const sub = (a: Float64Array): Float64Array => Float64Array.from(membres, (i) => a[i]!)
  const cellules: number[] = []
  const communeCellule: number[] = []
  membres.forEach((i, q) => {
    for (let c = carreaux.debut[i]!; c < carreaux.debut[i + 1]!; c++) {
      cellules.push(c)
      communeCellule.push(q)
    }
  })
  const communesPerimetre: Communes = {
    n: membres.length,
    code: pick(communes.code),
    nom: pick(communes.nom),
    departement: pick(communes.departement),
    region: pick(communes.region),
    longitude: sub(communes.longitude),
    latitude: sub(communes.latitude),
    population: sub(communes.population),
    ifn: sub(communes.ifn),
    com: Uint8Array.from(membres, (i) => communes.com[i]!),
  }
  const souCarreaux = (a: Float64Array): Float64Array => Float64Array.from(cellules, (c) => a[c]!)
  return {
    communesIndex,
    lieuxIndex: Int32Array.from(lieux),
    communes: communesPerimetre,
    carreauxIndex: Int32Array.from(cellules),
    carreaux: buildCarreaux(communesPerimetre, {
      longitude: souCarreaux(carreaux.longitude),
      latitude: souCarreaux(carreaux.latitude),
      population: souCarreaux(carreaux.population),
      commune: Int32Array.from(communeCellule),
    }),
  }
}

/**
 * `Chiffres` of one perimeter, computed by `calculerChiffres` itself (no second copy of the
 * aggregation): the perimeter's communes and lieux form a one-group grouping of a reduced index.
 * `calculerChiffres` only reads `communes`, `lieux` and whether the offre's tree is empty, so the
 * reduced index overrides those and keeps the national fields it never reads.
 * @param couverture coverage of the perimeter's communes, indexed like `perimetre.communes`.
 * @param lieux the lieux counted (the perimeter's, with changes), any order.
 * @param offreVide whether the offre has no lieu at all in the country (distances are then Infinity).
 * @param carreaux the same coverage counted on the perimeter's cells, for the figures by cells.
 */
export function chiffresDuPerimetre(
  index: IndexCouverture,
  perimetre: Perimetre,
  couverture: Couverture,
  lieux: Lieux,
  offreVide: boolean,
  carreaux?: CouvertureCarreaux,
): Chiffres {
  const arbres: KdTree3[] = index.arbresLieux.slice()
  const arbreVide = index.arbresLieux[0]! // mask 0 selects no lieu
  const arbreOffre = index.arbresLieux[couverture.masque]!
  arbres[couverture.masque] = offreVide ? arbreVide : arbreOffre.size > 0 ? arbreOffre : ARBRE_NON_VIDE
  const reduit: IndexCouverture = { ...index, communes: perimetre.communes, lieux, arbresLieux: arbres }
  const groupement = buildGroupement(1, new Int32Array(perimetre.communes.n), new Int32Array(lieux.n))
  return calculerChiffres(reduit, couverture, groupement, carreaux)[0]!
}

// Stands for "some lieu exists" when the base offre was empty and the scenario adds one; only its size is read.
const ARBRE_NON_VIDE: KdTree3 = {
  size: 1,
  nodeSize: 8,
  ids: Int32Array.of(0),
  keys: Int32Array.of(0),
  coords: Float64Array.of(1, 0, 0),
  axes: new Uint8Array(1),
}

/**
 * The perimeter's lieux after a scenario: the retraits (lieu indexes) made inactive, then each ajout as a lieu of
 * catégorie conseillers-numeriques with id `maxId + 1 + its index`, its conseillers as postes, publicly funded.
 */
export function lieuxApres(
  lieux: Lieux,
  p: Perimetre,
  scenario: Readonly<{ departement: string; ajouts: readonly Readonly<{ longitude: number; latitude: number; conseillers: number }>[] }>,
  retires: readonly number[],
  maxId: number,
): Lieux {
  const { ajouts, departement } = scenario
  const ids = Array.from(p.lieuxIndex)
  const retire = new Set(retires)
  const f64 = (a: Float64Array, ajout: (x: (typeof ajouts)[number]) => number) => Float64Array.from([...ids.map((j) => a[j]!), ...ajouts.map(ajout)])
  return {
    n: ids.length + ajouts.length,
    id: Int32Array.from([...ids.map((j) => lieux.id[j]!), ...ajouts.map((_, a) => maxId + 1 + a)]),
    nom: [...ids.map((j) => lieux.nom[j]!), ...ajouts.map(() => 'Poste simulé')],
    categories: Uint8Array.from([...ids.map((j) => lieux.categories[j]!), ...ajouts.map(() => BIT_CONSEILLERS)]),
    longitude: f64(lieux.longitude, (x) => x.longitude),
    latitude: f64(lieux.latitude, (x) => x.latitude),
    conseillers: f64(lieux.conseillers, (x) => x.conseillers),
    postes: f64(lieux.postes, (x) => x.conseillers),
    financementEuros: f64(lieux.financementEuros, (x) => x.conseillers * FINANCEMENT_POSTE_PUBLIC_EUROS),
    departement: [...ids.map((j) => lieux.departement[j]!), ...ajouts.map(() => departement)],
    actif: Uint8Array.from([...ids.map((j) => (retire.has(j) ? 0 : lieux.actif[j]!)), ...ajouts.map(() => 1)]),
  }
}
