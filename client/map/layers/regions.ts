import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl'
import { palette } from '../palette.ts'

export const SOURCE_REGIONS = 'regions'
export const ID_REGIONS_CONTOUR = 'regions-contour'

export const sourceRegions = (): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
})

export const contourRegions = (): LayerSpecification => ({
  id: ID_REGIONS_CONTOUR,
  type: 'line',
  source: SOURCE_REGIONS,
  paint: { 'line-color': palette.contourRegion, 'line-width': 1.4 },
})
