import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl'
import { palette } from '../palette.ts'

// The candidatures of a département (/departements/:code/candidatures): a disc per candidature, larger with its postes,
// in the colour of its gain's class (computed by the presenter), the selected one ringed. Empty elsewhere.
export const SOURCE_CANDIDATURES = 'candidatures'
export const ID_CANDIDATURES = 'candidatures-points'

export const sourceCandidatures = (): GeoJSONSourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } })

export const pointsCandidatures = (): LayerSpecification => ({
  id: ID_CANDIDATURES,
  type: 'circle',
  source: SOURCE_CANDIDATURES,
  paint: {
    'circle-color': ['coalesce', ['get', 'couleur'], palette.sansDonnee] as never,
    'circle-radius': ['+', 5, ['*', 2.5, ['min', 8, ['get', 'postes']]]] as never,
    'circle-stroke-color': ['case', ['boolean', ['get', 'selection'], false], palette.selection, palette.contourAjout] as never,
    'circle-stroke-width': ['case', ['boolean', ['get', 'selection'], false], 4, 1.5] as never,
  },
})
