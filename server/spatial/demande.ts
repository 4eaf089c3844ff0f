import { checkParametres } from './couverture.ts'
import { distanceCarreau } from './carreaux.ts'
import type { Moteur } from './moteur.ts'

/** How demand is weighted: inhabitants, or inhabitants × the IFN of their commune. */
export type Poids = 'population' | 'population-ifn'

/**
 * The uncovered inhabitants of a département, counted where they live: each inhabited cell farther than rayonKm from
 * the offre, and each commune counted at its centre (no cell: outre-mer, or no cell centre in it) whose centre is not
 * covered. Struct of arrays by unit.
 */
export type UnitesDemande = Readonly<{
  /** Key of each unit: its cell index, or `carreaux.n` + commune index for a commune counted at its centre. */
  cle: Int32Array
  longitude: Float64Array
  latitude: Float64Array
  population: Float64Array
  poids: Float64Array
  /** Commune index of each unit. */
  commune: Int32Array
}>

/** The state after a what-if scenario: new offre distance of the cells it changes, new centre status of the communes it changes. */
export type ApresScenario = Readonly<{ carreaux: ReadonlyMap<number, number>; centres: ReadonlyMap<number, boolean> }>

/**
 * Demand units of a département with a positive population, weighted by `poids` (a commune without IFN takes the
 * département's population-weighted mean IFN, and the national one when the département has none).
 * @returns undefined for an unknown département.
 */
export function unitesDemande(
  moteur: Moteur,
  departement: string,
  params: Readonly<{ rayonKm: number; masque: number }>,
  poids: Poids,
  apres: ApresScenario = { carreaux: new Map(), centres: new Map() },
): UnitesDemande | undefined {
  checkParametres(params)
  const { rayonKm, masque } = params
  const { index, carreaux, distancesCarreaux } = moteur
  const { communes } = index
  const k = index.departementParCode.get(departement)
  if (k === undefined) return undefined
  const couverture = moteur.couverture(params)
  const duDepartement: number[] = []
  for (let i = 0; i < communes.n; i++) if (index.departementCommune[i] === k) duDepartement.push(i)
  const poidsDe = ponderation(moteur, duDepartement, poids)
  const cle: number[] = [], lng: number[] = [], lat: number[] = [], pop: number[] = [], w: number[] = [], com: number[] = []
  const ajouter = (c: number, i: number, longitude: number, latitude: number, population: number): void => {
    cle.push(c)
    lng.push(longitude)
    lat.push(latitude)
    pop.push(population)
    w.push(poidsDe(i, population))
    com.push(i)
  }
  for (const i of duDepartement) {
    const a = carreaux.debut[i]!
    const b = carreaux.debut[i + 1]!
    if (a === b) {
      const couverte = apres.centres.get(i) ?? couverture.couverte[i] === 1
      if (!couverte && communes.population[i]! > 0) ajouter(carreaux.n + i, i, communes.longitude[i]!, communes.latitude[i]!, communes.population[i]!)
      continue
    }
    for (let c = a; c < b; c++) {
      const d = apres.carreaux.get(c) ?? distanceCarreau(distancesCarreaux, carreaux.n, c, masque)
      if (d > rayonKm && carreaux.population[c]! > 0) ajouter(c, i, carreaux.longitude[c]!, carreaux.latitude[c]!, carreaux.population[c]!)
    }
  }
  return {
    cle: Int32Array.from(cle),
    longitude: Float64Array.from(lng),
    latitude: Float64Array.from(lat),
    population: Float64Array.from(pop),
    poids: Float64Array.from(w),
    commune: Int32Array.from(com),
  }
}

/**
 * The weight of `population` inhabitants of commune i of a département (`duDepartement`, engine indexes): themselves,
 * or times the IFN of their commune (a commune without IFN takes the département's population-weighted mean IFN, and
 * the national one when the département has none).
 */
export function ponderation(moteur: Moteur, duDepartement: readonly number[], poids: Poids): (i: number, population: number) => number {
  if (poids === 'population') return (_, population) => population
  const { ifn } = moteur.index.communes
  const ifnMoyen = ifnMoyenPondere(moteur, duDepartement) ?? ifnMoyenPondere(moteur, Array.from({ length: ifn.length }, (_, i) => i)) ?? 1
  return (i, population) => population * (Number.isNaN(ifn[i]!) ? ifnMoyen : ifn[i]!)
}

/** Population-weighted mean IFN of the communes of `perimetre` that have one; undefined when none has. */
function ifnMoyenPondere(moteur: Moteur, perimetre: readonly number[]): number | undefined {
  const { population, ifn } = moteur.index.communes
  let somme = 0
  let poids = 0
  for (const i of perimetre)
    if (!Number.isNaN(ifn[i]!)) {
      somme += population[i]! * ifn[i]!
      poids += population[i]!
    }
  return poids > 0 ? somme / poids : undefined
}
