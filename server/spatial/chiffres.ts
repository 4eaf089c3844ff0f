import { CATEGORIES, type Categorie } from '../domain/offre.ts'
import type { Couverture } from './couverture.ts'
import { BLANCHE, PARTIELLE, type CouvertureCarreaux } from './couverture-carreaux.ts'
import type { IndexCouverture } from './index-couverture.ts'
import { medianePonderee } from './mediane-ponderee.ts'

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
 * One pass over communes, one over lieux, one weighted quickselect per group.
 * @param carreaux the same coverage counted on the population grid: populations covered, mean distance,
 *   zones blanches and the IFN of the uncovered inhabitants come from it, and `communesPartielles` is given.
 */
export function calculerChiffres(index: IndexCouverture, couverture: Couverture, groupement: Groupement, carreaux?: CouvertureCarreaux): Chiffres[] {
  const { communes, lieux } = index
  const { nb, groupeCommune, groupeLieu, ordre, debut } = groupement
  const { distanceKm, couverte, accessibilite, masque } = couverture
  // Struct of arrays by group: one Float64Array per figure keeps the commune loop allocation-free.
  const population = new Float64Array(nb)
  const populationCouverte = new Float64Array(nb)
  const nbCommunes = new Float64Array(nb)
  const nbZonesBlanches = new Float64Array(nb)
  const distancePonderee = new Float64Array(nb)
  const ifnPondere = new Float64Array(nb)
  const populationIfn = new Float64Array(nb)
  const communesIfn = new Float64Array(nb)
  const nbPartielles = new Float64Array(nb)
  for (let i = 0; i < communes.n; i++) {
    const g = groupeCommune[i]!
    if (g < 0) continue
    const p = communes.population[i]!
    if (carreaux !== undefined) {
      population[g]! += p
      nbCommunes[g]!++
      const pc = carreaux.populationCouverte[i]!
      populationCouverte[g]! += pc
      distancePonderee[g]! += carreaux.distancePonderee[i]!
      if (carreaux.statut[i] === BLANCHE) nbZonesBlanches[g]!++
      else if (carreaux.statut[i] === PARTIELLE) nbPartielles[g]!++
      const ifn = communes.ifn[i]!
      if (p - pc > 0 && !Number.isNaN(ifn)) {
        ifnPondere[g]! += (p - pc) * ifn
        populationIfn[g]! += p - pc
        communesIfn[g]!++
      }
      continue
    }
    population[g]! += p
    nbCommunes[g]!++
    distancePonderee[g]! += p * distanceKm[i]!
    if (couverte[i] === 1) populationCouverte[g]! += p
    else {
      nbZonesBlanches[g]!++
      const ifn = communes.ifn[i]!
      if (!Number.isNaN(ifn)) {
        ifnPondere[g]! += p * ifn
        populationIfn[g]! += p
        communesIfn[g]!++
      }
    }
  }

  const lieuxParCategorie = new Float64Array(nb * NB_CATEGORIES)
  const postes = new Float64Array(nb)
  const financement = new Float64Array(nb)
  for (let j = 0; j < lieux.n; j++) {
    const g = groupeLieu[j]!
    const communs = lieux.categories[j]! & masque
    if (g < 0 || lieux.actif[j] !== 1 || communs === 0) continue
    for (let b = 0; b < NB_CATEGORIES; b++) if ((communs & (1 << b)) !== 0) lieuxParCategorie[g * NB_CATEGORIES + b]!++
    postes[g]! += lieux.postes[j]!
    financement[g]! += lieux.financementEuros[j]!
  }

  const valeurs = new Float64Array(ordre.length)
  const poids = new Float64Array(ordre.length)
  for (let k = 0; k < ordre.length; k++) {
    valeurs[k] = accessibilite[ordre[k]!]!
    poids[k] = communes.population[ordre[k]!]!
  }
  const offreVide = index.arbresLieux[masque]!.size === 0

  const resultat: Chiffres[] = []
  for (let g = 0; g < nb; g++) {
    const pop = population[g]!
    const lieuxGroupe = {} as Record<Categorie, number>
    CATEGORIES.forEach((c, b) => (lieuxGroupe[c] = lieuxParCategorie[g * NB_CATEGORIES + b]!))
    resultat.push({
      population: pop,
      populationCouverte: populationCouverte[g]!,
      tauxCouverture: pop > 0 ? populationCouverte[g]! / pop : 0,
      populationZonesBlanches: pop - populationCouverte[g]!,
      communes: nbCommunes[g]!,
      communesZonesBlanches: nbZonesBlanches[g]!,
      ...(carreaux === undefined ? {} : { communesPartielles: nbPartielles[g]! }),
      lieux: lieuxGroupe,
      postes: postes[g]!,
      postesPour10000: pop > 0 ? (postes[g]! / pop) * 10_000 : 0,
      financementEtatEuros: financement[g]!,
      distanceMoyenneKm: offreVide || !(pop > 0) ? null : distancePonderee[g]! / pop,
      accessibiliteMediane: medianePonderee(valeurs, poids, debut[g]!, debut[g + 1]!),
      ifnMoyenZonesBlanches: communesIfn[g] === 0 || !(populationIfn[g]! > 0) ? null : ifnPondere[g]! / populationIfn[g]!,
    })
  }
  return resultat
}
