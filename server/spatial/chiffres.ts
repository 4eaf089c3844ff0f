import { CATEGORIES, type Categorie } from '../domain/offre.ts'
import type { Couverture, CouvertureSansAccessibilite } from './couverture.ts'
import { BLANCHE, PARTIELLE, type CouvertureCarreaux } from './couverture-carreaux.ts'
import type { IndexCouverture } from './index-couverture.ts'
import { medianesPonderees, ordreCroissant } from './mediane-ponderee.ts'

/** Key figures of a territory for one coverage computation. */
export type Chiffres = Readonly<{
  population: number
  populationCouverte: number
  /** populationCouverte / population, 0..1; 0 when population is 0. */
  tauxCouverture: number
  populationZonesBlanches: number
  communes: number
  /** Communes none of whose inhabitants is covered (with cells); communes whose centre is not covered (centres). */
  communesZonesBlanches: number
  /** Counted by cells only: communes some but not all of whose inhabitants are covered. */
  communesPartielles?: number
  /** Active lieux of the territory's départements, counted once per catégorie they carry, for the offre's catégories (0 for the others). */
  lieux: Readonly<Record<Categorie, number>>
  /** Postes of the lieux of the offre located in the territory. */
  postes: number
  /** postes per 10 000 inhabitants; 0 when population is 0. */
  postesPour10000: number
  financementEtatEuros: number
  /** Population-weighted mean distance to the nearest lieu; null when the offre is empty or population is 0. */
  distanceMoyenneKm: number | null
  /** Accessibility of the median inhabitant (population-weighted median); null when population is 0. */
  accessibiliteMediane: number | null
  /** Population-weighted mean IFN of zones blanches with a known IFN; null when there is none. */
  ifnMoyenZonesBlanches: number | null
}>

/**
 * A partition of communes and lieux into groups (départements, régions, the nation): group index of
 * each commune and lieu (-1 = left out), and communes sorted by group for the per-group median.
 */
export type Groupement = Readonly<{
  nb: number
  groupeCommune: Int32Array
  groupeLieu: Int32Array
  /** Commune indexes sorted by group; group g holds `ordre[debut[g]..debut[g + 1])`. */
  ordre: Int32Array
  debut: Int32Array
}>

/** Builds a grouping from the group of each commune and lieu (-1 = in no group). */
export function buildGroupement(nb: number, groupeCommune: Int32Array, groupeLieu: Int32Array): Groupement {
  const debut = new Int32Array(nb + 1)
  for (const g of groupeCommune) if (g >= 0) debut[g + 1]!++
  for (let g = 0; g < nb; g++) debut[g + 1]! += debut[g]!
  const ordre = new Int32Array(debut[nb]!)
  const curseur = debut.slice(0, nb)
  groupeCommune.forEach((g, i) => {
    if (g >= 0) ordre[curseur[g]!++] = i
  })
  return { nb, groupeCommune, groupeLieu, ordre, debut }
}

const NB_CATEGORIES = CATEGORIES.length

/**
 * Aggregates a coverage into `Chiffres` for every group of `groupement`, in group order.
 * @param carreaux the same coverage counted on the population grid: populations covered, mean distance,
 *   zones blanches and the IFN of the uncovered inhabitants come from it, and `communesPartielles` is given.
 */
export function calculerChiffres(index: IndexCouverture, couverture: Couverture, groupement: Groupement, carreaux?: CouvertureCarreaux): Chiffres[] {
  return calculerChiffresGroupements(index, couverture, [groupement], carreaux)[0]!
}

/**
 * `calculerChiffres` for several groupings at once (départements, régions, the nation): one pass over communes and one
 * over lieux add each one's figures to its group in every grouping (`sommerChiffres`), and one sort of the communes
 * by accessibility gives every group's weighted median (`chiffresDesSommes`, mediane-ponderee.ts). Each group's sums
 * are taken in commune order, as one grouping alone would take them: the figures do not depend on which groupings
 * are computed together.
 */
export function calculerChiffresGroupements(
  index: IndexCouverture,
  couverture: Couverture,
  groupements: readonly Groupement[],
  carreaux?: CouvertureCarreaux,
): Chiffres[][] {
  return chiffresDesSommes(index, sommerChiffres(index, couverture, groupements, carreaux), medianesAccessibilite(index, groupements, couverture.accessibilite))
}

/** Every figure of `calculerChiffresGroupements` but the median accessibility, as sums by group. */
export type SommesChiffres = Readonly<{
  groupements: readonly Groupement[]
  /** Group g of grouping k is slot decalage[k] + g of the arrays below. */
  decalage: Int32Array
  parCarreaux: boolean
  masque: number
  population: Float64Array
  populationCouverte: Float64Array
  nbCommunes: Float64Array
  nbZonesBlanches: Float64Array
  distancePonderee: Float64Array
  ifnPondere: Float64Array
  populationIfn: Float64Array
  communesIfn: Float64Array
  nbPartielles: Float64Array
  lieuxParCategorie: Float64Array
  postes: Float64Array
  financement: Float64Array
}>

/**
 * The part of the figures that does not depend on the 2SFCA: the engine computes it while a worker computes the
 * accessibility (moteur.ts `preparer`), then `chiffresDesSommes` adds the medians.
 */
export function sommerChiffres(
  index: IndexCouverture,
  couverture: CouvertureSansAccessibilite,
  groupements: readonly Groupement[],
  carreaux?: CouvertureCarreaux,
): SommesChiffres {
  const { communes, lieux } = index
  const { distanceKm, couverte, masque } = couverture
  // Groups of all groupings side by side: group g of grouping k is slot decalage[k] + g.
  const decalage = new Int32Array(groupements.length + 1)
  groupements.forEach((gr, k) => (decalage[k + 1] = decalage[k]! + gr.nb))
  const nb = decalage[groupements.length]!
  const groupes = groupements.map((gr) => gr.groupeCommune)
  // Struct of arrays by slot: one Float64Array per figure keeps the commune loop allocation-free.
  const population = new Float64Array(nb)
  const populationCouverte = new Float64Array(nb)
  const nbCommunes = new Float64Array(nb)
  const nbZonesBlanches = new Float64Array(nb)
  const distancePonderee = new Float64Array(nb)
  const ifnPondere = new Float64Array(nb)
  const populationIfn = new Float64Array(nb)
  const communesIfn = new Float64Array(nb)
  const nbPartielles = new Float64Array(nb)
  const population_ = communes.population
  const ifn_ = communes.ifn
  for (let i = 0; i < communes.n; i++) {
    const p = population_[i]!
    const ifn = ifn_[i]!
    // What the commune adds to each of its groups, worked out once.
    let pc: number
    let dp: number
    let blanche: boolean
    let partielle = false
    // Whether the commune enters the IFN mean of the uncovered inhabitants, and with how many of them.
    let compteIfn: boolean
    if (carreaux !== undefined) {
      pc = carreaux.populationCouverte[i]!
      dp = carreaux.distancePonderee[i]!
      blanche = carreaux.statut[i] === BLANCHE
      partielle = carreaux.statut[i] === PARTIELLE
      compteIfn = p - pc > 0 && !Number.isNaN(ifn)
    } else {
      blanche = couverte[i] !== 1
      pc = blanche ? 0 : p
      dp = p * distanceKm[i]!
      compteIfn = blanche && !Number.isNaN(ifn)
    }
    const pIfn = compteIfn ? p - pc : 0
    for (let k = 0; k < groupes.length; k++) {
      const g0 = groupes[k]![i]!
      if (g0 < 0) continue
      const g = decalage[k]! + g0
      population[g]! += p
      nbCommunes[g]!++
      distancePonderee[g]! += dp
      // At centres pc is p or 0, and adding 0 leaves a sum as it is.
      populationCouverte[g]! += pc
      if (blanche) nbZonesBlanches[g]!++
      else if (partielle) nbPartielles[g]!++
      if (compteIfn) {
        ifnPondere[g]! += pIfn * ifn
        populationIfn[g]! += pIfn
        communesIfn[g]!++
      }
    }
  }

  const lieuxParCategorie = new Float64Array(nb * NB_CATEGORIES)
  const postes = new Float64Array(nb)
  const financement = new Float64Array(nb)
  for (let j = 0; j < lieux.n; j++) {
    const communs = lieux.categories[j]! & masque
    if (lieux.actif[j] !== 1 || communs === 0) continue
    for (let k = 0; k < groupements.length; k++) {
      const g0 = groupements[k]!.groupeLieu[j]!
      if (g0 < 0) continue
      const g = decalage[k]! + g0
      for (let b = 0; b < NB_CATEGORIES; b++) if ((communs & (1 << b)) !== 0) lieuxParCategorie[g * NB_CATEGORIES + b]!++
      postes[g]! += lieux.postes[j]!
      financement[g]! += lieux.financementEuros[j]!
    }
  }

  return {
    groupements, decalage, parCarreaux: carreaux !== undefined, masque, population, populationCouverte, nbCommunes, nbZonesBlanches,
    distancePonderee, ifnPondere, populationIfn, communesIfn, nbPartielles, lieuxParCategorie, postes, financement,
  }
}

/**
 * The median accessibility of the inhabitants of every group of each grouping (one sort of the communes by
 * accessibility serves them all). It depends on the 2SFCA alone, not on the method: the worker that computed the 2SFCA
 * computes it too (moteur.ts `medianesAccessibilite`).
 */
export function medianesAccessibilite(index: IndexCouverture, groupements: readonly Groupement[], accessibilite: Float64Array): Float64Array[] {
  const ordre = ordreCroissant(accessibilite)
  return groupements.map((gr) => medianesPonderees(accessibilite, index.communes.population, ordre, gr.groupeCommune, gr.nb))
}

/**
 * The figures of every group from its sums and its median accessibility (`medianesAccessibilite`, by grouping).
 * @throws Error when the medians are not those of the sums' groupings.
 */
export function chiffresDesSommes(index: IndexCouverture, sommes: SommesChiffres, medianes: readonly Float64Array[]): Chiffres[][] {
  const { groupements, decalage, population, populationCouverte, nbCommunes, nbZonesBlanches, distancePonderee, ifnPondere, populationIfn,
    communesIfn, nbPartielles, lieuxParCategorie, postes, financement } = sommes
  if (medianes.length !== groupements.length || medianes.some((m, k) => m.length !== groupements[k]!.nb))
    throw new Error('chiffresDesSommes: the medians are not those of the groupings')
  const offreVide = index.arbresLieux[sommes.masque]!.size === 0

  return groupements.map((gr, k) => {
    const resultat: Chiffres[] = []
    for (let g0 = 0; g0 < gr.nb; g0++) {
      const g = decalage[k]! + g0
      const pop = population[g]!
      const lieuxGroupe = {} as Record<Categorie, number>
      CATEGORIES.forEach((c, b) => (lieuxGroupe[c] = lieuxParCategorie[g * NB_CATEGORIES + b]!))
      const mediane = medianes[k]![g0]!
      resultat.push({
        population: pop,
        populationCouverte: populationCouverte[g]!,
        tauxCouverture: pop > 0 ? populationCouverte[g]! / pop : 0,
        populationZonesBlanches: pop - populationCouverte[g]!,
        communes: nbCommunes[g]!,
        communesZonesBlanches: nbZonesBlanches[g]!,
        ...(sommes.parCarreaux ? { communesPartielles: nbPartielles[g]! } : {}),
        lieux: lieuxGroupe,
        postes: postes[g]!,
        postesPour10000: pop > 0 ? (postes[g]! / pop) * 10_000 : 0,
        financementEtatEuros: financement[g]!,
        distanceMoyenneKm: offreVide || !(pop > 0) ? null : distancePonderee[g]! / pop,
        accessibiliteMediane: Number.isNaN(mediane) ? null : mediane,
        ifnMoyenZonesBlanches: communesIfn[g] === 0 || !(populationIfn[g]! > 0) ? null : ifnPondere[g]! / populationIfn[g]!,
      })
    }
    return resultat
  })
}
