// What each indicator means, how to read it and how to format it. The map, legend and tables all take
// their labels from here so they cannot disagree.
import type { Chiffres, CouvertureCommune, StatutCouverture } from '../api/types.ts'
import { formatDecimal, formatEntier, formatKm, formatTaux } from '../charts/format.ts'
import { SEQUENTIEL, palette, type Sens } from '../map/palette.ts'
import { classesFixes, classesQuantiles, type Classement } from './classes.ts'
import type { IndicateurCommunal, IndicateurNational } from './parametres.ts'

export type Indicateur<T> = {
  libelle: string
  unite: string
  sens: Sens
  valeur: (t: T) => number | null
  format: (n: number | null) => string
}

export const INDICATEUR_NATIONAL: Readonly<Record<IndicateurNational, Indicateur<Chiffres>>> = {
  tauxCouverture: {
    libelle: 'Population couverte',
    unite: '% des habitants à moins du rayon d’un lieu',
    sens: 'favorable',
    valeur: (c) => c.tauxCouverture,
    format: formatTaux,
  },
  populationZonesBlanches: {
    libelle: 'Population en zones blanches',
    unite: 'habitants',
    sens: 'defavorable',
    valeur: (c) => c.populationZonesBlanches,
    format: formatEntier,
  },
  postesPour10000: {
    libelle: 'Postes de conseillers numériques',
    unite: 'postes pour 10 000 habitants',
    sens: 'favorable',
    valeur: (c) => c.postesPour10000,
    format: formatDecimal,
  },
  accessibiliteMediane: {
    libelle: 'Accessibilité médiane',
    unite: 'indice d’accessibilité des communes (médiane)',
    sens: 'favorable',
    valeur: (c) => c.accessibiliteMediane,
    format: formatDecimal,
  },
  ifnMoyenZonesBlanches: {
    libelle: 'Fragilité numérique des zones blanches',
    unite: 'indice de fragilité numérique (IFN) moyen',
    sens: 'defavorable',
    valeur: (c) => c.ifnMoyenZonesBlanches,
    format: formatDecimal,
  },
}

export const INDICATEUR_COMMUNAL: Readonly<Record<IndicateurCommunal, Indicateur<CouvertureCommune>>> = {
  couverture: {
    libelle: 'Couverte, partielle ou zone blanche',
    unite: 'habitants à moins du rayon d’un lieu',
    sens: 'favorable',
    valeur: valeurStatut,
    format: (n) => (n === null ? '—' : n === 1 ? 'Couverte' : n === 0 ? 'Zone blanche' : 'Partielle'),
  },
  partCouverte: {
    libelle: 'Part de la population couverte',
    unite: '% des habitants à moins du rayon d’un lieu (carreaux de 1 km)',
    sens: 'favorable',
    valeur: (c) => c.partCouverte ?? (c.couverte ? 1 : 0),
    format: formatTaux,
  },
  distanceKm: {
    libelle: 'Distance au lieu le plus proche',
    unite: 'km à vol d’oiseau',
    sens: 'defavorable',
    valeur: (c) => c.distanceKm,
    format: formatKm,
  },
  accessibilite: {
    libelle: 'Accessibilité',
    unite: 'indice d’accessibilité',
    sens: 'favorable',
    valeur: (c) => c.accessibilite,
    format: formatDecimal,
  },
  ifn: {
    libelle: 'Fragilité numérique',
    unite: 'indice de fragilité numérique (IFN)',
    sens: 'defavorable',
    valeur: (c) => c.ifn,
    format: formatDecimal,
  },
}

/** A commune's status: on the 1 km grid when the answer counted cells, else at its centre (couverte or blanche). */
export const statutCommune = (c: Pick<CouvertureCommune, 'statut' | 'couverte'>): StatutCouverture => c.statut ?? (c.couverte ? 'couverte' : 'blanche')

export const LIBELLES_STATUT: Readonly<Record<StatutCouverture, string>> = { couverte: 'couverte', partielle: 'partielle', blanche: 'zone blanche' }

/** One commune's coverage in words: « Couverte en partie : 62,0 % des habitants (412 non couverts) ». */
export function libelleCouvertureCommune(c: Pick<CouvertureCommune, 'statut' | 'couverte' | 'partCouverte' | 'populationNonCouverte'>): string {
  const statut = statutCommune(c)
  if (statut === 'couverte') return 'Couverte'
  if (statut === 'blanche') return 'Zone blanche'
  return `Couverte en partie : ${formatTaux(c.partCouverte ?? null)} des habitants (${formatEntier(c.populationNonCouverte ?? null)} non couverts)`
}

/**
 * The fill value of a commune's status: 0 blanche, 0.5 partielle, 1 couverte. Counted at the centre (no `statut`),
 * a commune is 1 or 0, which the planner's map also uses.
 */
export function valeurStatut(c: Pick<CouvertureCommune, 'statut' | 'couverte'>): number {
  const statut = statutCommune(c)
  return statut === 'couverte' ? 1 : statut === 'partielle' ? 0.5 : 0
}

/** Classes of the "part de la population couverte" map: quarters, the last one whole (100 %). */
export const SEUILS_PART_COUVERTE = [0.25, 0.5, 0.75, 1] as const

/** Distance bands in km, also used by the "population by distance" chart. */
export const BANDES_DISTANCE_KM = [2, 5, 10, 20] as const

export function classementCommunal(indicateur: IndicateurCommunal, communes: readonly CouvertureCommune[]): Classement {
  const def = INDICATEUR_COMMUNAL[indicateur]
  if (indicateur === 'couverture') return classesFixes([0.5, 1], [palette.zoneBlanche, palette.partielle, palette.couverte])
  if (indicateur === 'partCouverte') return classesFixes(SEUILS_PART_COUVERTE, SEQUENTIEL.favorable)
  if (indicateur === 'distanceKm') return classesFixes(BANDES_DISTANCE_KM, SEQUENTIEL.defavorable)
  return classesQuantiles(communes.map(def.valeur), SEQUENTIEL[def.sens])
}

export function classementNational(indicateur: IndicateurNational, territoires: readonly Chiffres[]): Classement {
  const def = INDICATEUR_NATIONAL[indicateur]
  return classesQuantiles(territoires.map(def.valeur), SEQUENTIEL[def.sens])
}

/** Legend text of a class, e.g. "de 5,0 km à 10,0 km", "moins de 45,0 %", "100 000 et plus". */
export function libelleClasse(min: number | null, max: number | null, format: (n: number | null) => string): string {
  if (min === null && max === null) return 'toutes valeurs'
  if (min === null) return `moins de ${format(max)}`
  if (max === null) return `${format(min)} et plus`
  return `de ${format(min)} à moins de ${format(max)}`
}
