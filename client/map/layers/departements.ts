import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl'
import { palette } from '../palette.ts'

export const SOURCE_DEPARTEMENTS = 'departements'
export const ID_DEPARTEMENTS_REMPLISSAGE = 'departements-remplissage'
export const ID_DEPARTEMENTS_CONTOUR = 'departements-contour'

export const sourceDepartements = (): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
  promoteId: 'code',
})

/** Choropleth: colour comes from feature-state `valeur` through a step expression set by the view. */
export const remplissageDepartements = (): LayerSpecification => ({
  id: ID_DEPARTEMENTS_REMPLISSAGE,
  type: 'fill',
  source: SOURCE_DEPARTEMENTS,
  paint: {
    'fill-color': palette.horsSelection,
    'fill-opacity': ['case', ['boolean', ['feature-state', 'survol'], false], 0.75, 1],
  },
})

export const contourDepartements = (): LayerSpecification => ({
  id: ID_DEPARTEMENTS_CONTOUR,
  type: 'line',
  source: SOURCE_DEPARTEMENTS,
  paint: {
    'line-color': ['case', ['boolean', ['feature-state', 'selection'], false], palette.selection, palette.contourDepartement],
    'line-width': ['case', ['boolean', ['feature-state', 'selection'], false], 3, ['boolean', ['feature-state', 'survol'], false], 2, 0.6],
  },
})

/** A fill colour per département code (the national canvas's colours), grey for a code without one. */
export function couleurParCode(couleurs: ReadonlyMap<string, string>, defaut: string = palette.sansDonnee): ExpressionSpecification | string {
  const [premiere, ...autres] = [...couleurs]
  if (!premiere) return defaut
  return ['match', ['get', 'code'], premiere[0], premiere[1], ...autres.flat(), defaut]
}
