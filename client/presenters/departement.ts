import { bin, max } from 'd3'
import type { Chiffres, CouvertureCommune } from '../api/types.ts'
import { formatDecimal, formatKm, formatTaux } from '../charts/format.ts'
import { palette } from '../map/palette.ts'
import { expressionCouleur } from './classes.ts'
import { BANDES_DISTANCE_KM, classementCommunal, INDICATEUR_COMMUNAL, statutCommune } from './indicateurs.ts'
import type { IndicateurCommunal } from './parametres.ts'

/** Map states of the communes: the indicator value for the fill, `blanche` (no inhabitant covered) for the hatching. */
export function presenterCommunes(communes: readonly CouvertureCommune[], indicateur: IndicateurCommunal) {
  const def = INDICATEUR_COMMUNAL[indicateur]
  const classement = classementCommunal(indicateur, communes)
  const etats = new Map(communes.map((c) => [c.code, { valeur: def.valeur(c), blanche: statutCommune(c) === 'blanche' }]))
  const libelles = indicateur === 'couverture' ? ['Zone blanche', 'Partiellement couverte', 'Couverte'] : undefined
  return { def, classement, etats, libelles, couleur: expressionCouleur(classement, palette.sansDonnee) }
}

export type Barre = { libelle: string; valeur: number }

/** Population by distance to the nearest lieu, in the bands of the distance legend. */
export function populationParDistance(communes: readonly CouvertureCommune[]): Barre[] {
  const bornes = [0, ...BANDES_DISTANCE_KM]
  const barres: Barre[] = bornes.map((min, i) => {
    const maxKm = BANDES_DISTANCE_KM[i]
    return { libelle: maxKm === undefined ? `${min} km et plus` : `${min} à ${maxKm} km`, valeur: 0 }
  })
  let inconnue = 0
  for (const c of communes) {
    if (c.distanceKm === null) {
      inconnue += c.population
      continue
    }
    let i = 0
    while (i < BANDES_DISTANCE_KM.length && c.distanceKm >= BANDES_DISTANCE_KM[i]!) i++
    barres[i]!.valeur += c.population
  }
  if (inconnue > 0) barres.push({ libelle: 'aucun lieu', valeur: inconnue })
  return barres
}

export type Classe = { min: number; max: number; effectif: number }

/** Histogram of the communes' accessibility, with d3's "nice" thresholds (about 10 bins). */
export function histogrammeAccessibilite(communes: readonly CouvertureCommune[]): Classe[] {
  const valeurs = communes.map((c) => c.accessibilite).filter((v): v is number => v !== null && Number.isFinite(v))
  if (valeurs.length === 0) return []
  const haut = max(valeurs)!
  if (haut === 0 || valeurs.every((v) => v === valeurs[0])) return [{ min: valeurs[0]!, max: valeurs[0]!, effectif: valeurs.length }]
  return bin()
    .thresholds(10)(valeurs)
    .map((b) => ({ min: b.x0!, max: b.x1!, effectif: b.length }))
}

export type LigneComparaison = { libelle: string; valeurs: string[] }

/** Département beside its région and France, for the figures that compare across sizes. */
export function comparer(territoires: readonly (Chiffres | undefined)[]): LigneComparaison[] {
  const cellule = (f: (c: Chiffres) => string) => territoires.map((t) => (t ? f(t) : '—'))
  return [
    { libelle: 'Population couverte', valeurs: cellule((c) => formatTaux(c.tauxCouverture)) },
    { libelle: 'Communes en zone blanche', valeurs: cellule((c) => formatTaux(c.communes === 0 ? null : c.communesZonesBlanches / c.communes)) },
    { libelle: 'Distance moyenne au lieu le plus proche', valeurs: cellule((c) => formatKm(c.distanceMoyenneKm)) },
    { libelle: 'Postes pour 10 000 habitants', valeurs: cellule((c) => formatDecimal(c.postesPour10000)) },
    { libelle: 'Accessibilité médiane', valeurs: cellule((c) => formatDecimal(c.accessibiliteMediane)) },
    { libelle: 'IFN moyen des zones blanches', valeurs: cellule((c) => formatDecimal(c.ifnMoyenZonesBlanches)) },
  ]
}
