import type { FilterSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl'
import { palette } from '../palette.ts'

// A matching of recruits to postes (/departements/:code/recrutement): a line from each recruit to their structure,
// the recruits (greyed when without a poste) and the structures offered. Empty, hence invisible, elsewhere.
export const SOURCE_RECRUTEMENT = 'recrutement'
export const ID_RECRUTEMENT_LIENS = 'recrutement-liens'
export const ID_RECRUTEMENT_STRUCTURES = 'recrutement-structures'
export const ID_RECRUTEMENT_RECRUES = 'recrutement-recrues'

export const sourceRecrutement = (): GeoJSONSourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } })

const estDeType = (type: string): FilterSpecification => ['==', ['get', 'type'], type]

export const liensRecrutement = (): LayerSpecification => ({
  id: ID_RECRUTEMENT_LIENS,
  type: 'line',
  source: SOURCE_RECRUTEMENT,
  filter: estDeType('lien'),
  paint: { 'line-color': palette.lienRecrutement, 'line-width': 2, 'line-opacity': 0.8 },
})

/** A structure's disc grows with its postes; its ring turns red while some of them stay vacant. */
export const structuresRecrutement = (): LayerSpecification => ({
  id: ID_RECRUTEMENT_STRUCTURES,
  type: 'circle',
  source: SOURCE_RECRUTEMENT,
  filter: estDeType('structure'),
  paint: {
    'circle-color': palette.structureRecrutement,
    'circle-radius': ['+', 6, ['*', 2, ['min', 6, ['get', 'postes']]]] as never,
    'circle-stroke-color': ['case', ['<', ['get', 'pourvus'], ['get', 'postes']], palette.posteVacant, palette.contourAjout] as never,
    'circle-stroke-width': 3,
  },
})

export const recruesRecrutement = (): LayerSpecification => ({
  id: ID_RECRUTEMENT_RECRUES,
  type: 'circle',
  source: SOURCE_RECRUTEMENT,
  filter: estDeType('recrue'),
  paint: {
    'circle-color': ['case', ['boolean', ['get', 'placee'], false], palette.recruePlacee, palette.recrueSansPoste] as never,
    'circle-radius': 4,
    'circle-stroke-color': palette.contourAjout,
    'circle-stroke-width': 1,
  },
})
