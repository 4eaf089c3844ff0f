import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl'
import { CATEGORIES } from '../../../server/domain/offre.ts'
import { COULEURS_CATEGORIES, palette } from '../palette.ts'

export const SOURCE_LIEUX = 'lieux'
export const ID_LIEUX_CLUSTERS = 'lieux-clusters'
export const ID_LIEUX_POINTS = 'lieux-points'

/** Clustered at low zoom; counts are not written because the offline style has no glyphs. */
export const sourceLieux = (): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
  cluster: true,
  clusterRadius: 40,
  clusterMaxZoom: 10,
})

export const clustersLieux = (): LayerSpecification => ({
  id: ID_LIEUX_CLUSTERS,
  type: 'circle',
  source: SOURCE_LIEUX,
  filter: ['has', 'point_count'],
  paint: {
    'circle-color': palette.cluster,
    'circle-opacity': 0.8,
    'circle-stroke-color': palette.texteCluster,
    'circle-stroke-width': 1.5,
    'circle-radius': ['step', ['get', 'point_count'], 7, 10, 10, 50, 14, 200, 18],
  },
})

const couleurParCategorie: unknown[] = ['match', ['get', 'categorie']]
for (const c of CATEGORIES) couleurParCategorie.push(c, COULEURS_CATEGORIES[c])
couleurParCategorie.push(palette.cluster)

export const pointsLieux = (): LayerSpecification => ({
  id: ID_LIEUX_POINTS,
  type: 'circle',
  source: SOURCE_LIEUX,
  filter: ['!', ['has', 'point_count']],
  paint: {
    'circle-color': couleurParCategorie as never,
    'circle-radius': 5,
    'circle-stroke-color': palette.texteCluster,
    'circle-stroke-width': 1.2,
  },
})
