import { CATEGORIES, type Categorie } from '../../../server/domain/offre.ts'
import type { Chiffres, Groupement } from '../../../server/spatial/chiffres.ts'
import type { Couverture } from '../../../server/spatial/couverture.ts'
import { BLANCHE, PARTIELLE, type CouvertureCarreaux } from '../../../server/spatial/couverture-carreaux.ts'
import type { IndexCouverture } from '../../../server/spatial/index-couverture.ts'
import { medianeParTri } from './oracles.ts'

const NB_CATEGORIES = CATEGORIES.length

/**
 * The figures of one grouping as chiffres.ts computed them before issue 15 (one pass per grouping, a quickselect per
 * group), kept as the oracle of the one-pass version: same sums in the same order, the median by sorting.
 */
export function calculerChiffresAvant(index: IndexCouverture, couverture: Couverture, groupement: Groupement, carreaux?: CouvertureCarreaux): Chiffres[] {
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
      accessibiliteMediane: medianeParTri(Array.from(valeurs.subarray(debut[g]!, debut[g + 1]!)), Array.from(poids.subarray(debut[g]!, debut[g + 1]!))),
      ifnMoyenZonesBlanches: communesIfn[g] === 0 || !(populationIfn[g]! > 0) ? null : ifnPondere[g]! / populationIfn[g]!,
    })
  }
  return resultat
}
