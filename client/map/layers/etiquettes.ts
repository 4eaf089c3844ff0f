import type { LayerSpecification } from 'maplibre-gl'
import { palette } from '../palette.ts'
import { POLICE_GRASSE, POLICE_NORMALE } from '../style.ts'
import { SOURCE_COMMUNES } from './communes.ts'

// Label points travel in the commune tiles (server/tuiles/etiquettes.ts); each tile carries only the communes
// populous enough for its zoom, and collision keeps the most populous first (symbol-sort-key).
export const SOURCE_LAYER_ETIQUETTES_COMMUNES = 'communes-etiquettes'
export const SOURCE_LAYER_ETIQUETTES_DEPARTEMENTS = 'departements-etiquettes'
export const ID_ETIQUETTES_COMMUNES = 'etiquettes-communes'
export const ID_ETIQUETTES_PREFECTURES = 'etiquettes-prefectures'
export const ID_ETIQUETTES_DEPARTEMENTS = 'etiquettes-departements'

const halo = { 'text-color': palette.texteEtiquette, 'text-halo-color': palette.haloEtiquette, 'text-halo-width': 1.6, 'text-halo-blur': 0.5 } as const

/** Names of the communes that are not préfectures, from zoom 5 on (where the tiles start carrying them). */
export const etiquettesCommunes = (): LayerSpecification => ({
  id: ID_ETIQUETTES_COMMUNES,
  type: 'symbol',
  source: SOURCE_COMMUNES,
  'source-layer': SOURCE_LAYER_ETIQUETTES_COMMUNES,
  minzoom: 5,
  filter: ['!', ['get', 'prefecture']],
  layout: {
    'text-field': ['get', 'nom'],
    'text-font': [POLICE_NORMALE],
    'text-size': ['interpolate', ['linear'], ['get', 'population'], 0, 11, 100_000, 14],
    'symbol-sort-key': ['-', ['get', 'population']],
    'text-max-width': 8,
    'text-padding': 3,
  },
  paint: halo,
})

/** The préfectures, in bold, above the other communes: placed before them (a higher layer is), a smaller town never hides one. */
export const etiquettesPrefectures = (): LayerSpecification => ({
  id: ID_ETIQUETTES_PREFECTURES,
  type: 'symbol',
  source: SOURCE_COMMUNES,
  'source-layer': SOURCE_LAYER_ETIQUETTES_COMMUNES,
  minzoom: 5,
  filter: ['==', ['get', 'prefecture'], true],
  layout: {
    'text-field': ['get', 'nom'],
    'text-font': [POLICE_GRASSE],
    'text-size': ['interpolate', ['linear'], ['zoom'], 5, 12, 10, 15],
    'symbol-sort-key': ['-', ['get', 'population']],
    'text-max-width': 8,
  },
  paint: halo,
})

/** Département names, in capitals, spaced, while a département is still a small part of the view. */
export const etiquettesDepartements = (): LayerSpecification => ({
  id: ID_ETIQUETTES_DEPARTEMENTS,
  type: 'symbol',
  source: SOURCE_COMMUNES,
  'source-layer': SOURCE_LAYER_ETIQUETTES_DEPARTEMENTS,
  maxzoom: 9,
  layout: {
    'text-field': ['get', 'nom'],
    'text-font': [POLICE_GRASSE],
    'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 8, 14],
    'text-transform': 'uppercase',
    'text-letter-spacing': 0.08,
    'text-max-width': 7,
  },
  paint: { ...halo, 'text-color': palette.contourDepartement },
})
