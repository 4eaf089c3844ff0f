import type { FilterSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl'
import { CATEGORIES } from '../../../server/domain/offre.ts'
import { COULEURS_CATEGORIES, palette } from '../palette.ts'

// The planner's layer: every lieu unclustered (so each can be clicked to withdraw it) and the
// postes added by the scenario. Empty, hence invisible, outside the planner.
export const SOURCE_SCENARIO = 'scenario'
export const ID_SCENARIO_LIEUX = 'scenario-lieux'
export const ID_SCENARIO_AJOUTS = 'scenario-ajouts'

export const sourceScenario = (): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
})

const estLieu: FilterSpecification = ['==', ['get', 'type'], 'lieu']
const estAjout: FilterSpecification = ['==', ['get', 'type'], 'ajout']
const retire = ['boolean', ['get', 'retire'], false]

const couleurParCategorie: unknown[] = ['match', ['get', 'categorie']]
for (const c of CATEGORIES) couleurParCategorie.push(c, COULEURS_CATEGORIES[c])
couleurParCategorie.push(palette.cluster)

/** A withdrawn lieu stays visible, greyed with a red ring, so it can be clicked again to put it back. */
export const lieuxScenario = (): LayerSpecification => ({
  id: ID_SCENARIO_LIEUX,
  type: 'circle',
  source: SOURCE_SCENARIO,
  filter: estLieu,
  paint: {
    'circle-color': ['case', retire, palette.lieuRetire, couleurParCategorie] as never,
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 4, 12, 7],
    'circle-stroke-color': ['case', retire, palette.contourLieuRetire, palette.texteCluster] as never,
    'circle-stroke-width': ['case', retire, 2.5, 1.2] as never,
  },
})

/** Added postes: larger, with a white ring; the radius grows with the number of conseillers. */
export const ajoutsScenario = (): LayerSpecification => ({
  id: ID_SCENARIO_AJOUTS,
  type: 'circle',
  source: SOURCE_SCENARIO,
  filter: estAjout,
  paint: {
    'circle-color': palette.ajout,
    'circle-radius': ['+', 8, ['min', 6, ['get', 'conseillers']]],
    'circle-stroke-color': palette.contourAjout,
    'circle-stroke-width': 3,
  },
})
