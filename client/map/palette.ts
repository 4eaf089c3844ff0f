// The only file with colours. Map layers and charts both read it. Sequential schemes are
// ColorBrewer (Cynthia Brewer, Penn State) 5-class, readable by colour-blind people and in grey print.
import type { Categorie } from '../api/types.ts'

export type Sens = 'favorable' | 'defavorable'

/** Light to dark; dark = "more" of the indicator. Favorable indicators use blues, unfavourable ones oranges. */
export const SEQUENTIEL: Readonly<Record<Sens, readonly string[]>> = {
  favorable: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  defavorable: ['#feedde', '#fdbe85', '#fd8d3c', '#e6550d', '#a63603'],
}

export const palette = {
  fond: '#f6f6f6',
  sansDonnee: '#d9d9d9',
  horsSelection: '#ececec',
  contourCommune: '#ffffff',
  contourDepartement: '#3a3a3a',
  contourRegion: '#161616',
  selection: '#000091',
  couverte: '#9ecae1',
  // Partly covered on the 1 km grid: between white (blanche) and the covered blue.
  partielle: '#deebf7',
  zoneBlanche: '#ffffff',
  contourZoneBlanche: '#ce0500',
  texteCluster: '#ffffff',
  cluster: '#000091',
  barre: '#000091',
  barreSecondaire: '#6a6af4',
  axe: '#666666',
  // Planner: added postes, withdrawn lieux and communes whose status changes.
  ajout: '#18753c',
  contourAjout: '#ffffff',
  lieuRetire: '#929292',
  contourLieuRetire: '#ce0500',
  communeChangee: '#18753c',
  // Names on the map: dark text in a white halo, legible over every class of the choropleth.
  texteEtiquette: '#161616',
  haloEtiquette: '#ffffff',
  limiteCommune: '#929292',
  // Matching of recruits: lines recruit → structure, structures, recruits placed or not, vacant postes.
  lienRecrutement: '#000091',
  structureRecrutement: '#18753c',
  posteVacant: '#ce0500',
  recruePlacee: '#000091',
  recrueSansPoste: '#929292',
} as const

export const COULEURS_CATEGORIES: Readonly<Record<Categorie, string>> = {
  'conseillers-numeriques': '#000091',
  'france-services': '#18753c',
  mediation: '#b34000',
  'aidants-connect': '#6e445a',
}
