// What each indicator means, how to read it and how to format it. The map, legend and tables all take
// their labels from here so they cannot disagree.
import type { Chiffres, CouvertureCommune } from '../api/types.ts'
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
    libelle: 'Couverte ou zone blanche',
    unite: 'lieu à moins du rayon',
    sens: 'favorable',
    valeur: (c) => (c.couverte ? 1 : 0),
    format: (n) => (n === null ? '—' : n === 1 ? 'Couverte' : 'Zone blanche'),
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

/** Distance bands in km, also used by the "population by distance" chart. */
export const BANDES_DISTANCE_KM = [2, 5, 10, 20] as const

export function classementCommunal(indicateur: IndicateurCommunal, communes: readonly CouvertureCommune[]): Classement {
  const def = INDICATEUR_COMMUNAL[indicateur]
  if (indicateur === 'couverture') return classesFixes([1], [palette.zoneBlanche, palette.couverte])
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
