import type { ExpressionSpecification, LayerSpecification, VectorSourceSpecification } from 'maplibre-gl'
import type { Categorie } from '../../api/types.ts'
import { palette } from '../palette.ts'

export const SOURCE_CARREAUX = 'carreaux'
export const SOURCE_LAYER_CARREAUX = 'carreaux'
export const ID_CARREAUX = 'carreaux-remplissage'
/** The server makes no cell tile below zoom 7 (a cell would be under a pixel wide). */
export const ZOOM_MIN_CARREAUX = 7

/**
 * A département's 1 km cells as vector tiles (the view sets its URL with `setTiles`): one tile serves every offre, since
 * each cell carries its distance to the nearest lieu of each catégorie in hectometres (`distanceHm-<catégorie>`, absent
 * when the catégorie has no lieu).
 */
export const sourceCarreaux = (urlTuiles: string): VectorSourceSpecification => ({
  type: 'vector',
  tiles: [urlTuiles],
  minzoom: ZOOM_MIN_CARREAUX,
  maxzoom: 12,
})

// Farther than any cell from any lieu: a catégorie without lieu never is the nearest.
const AUCUN_LIEU_HM = 1e7

/** Distance in km from a cell to the nearest lieu of the offre: the minimum over its catégories. */
export function distanceOffreKm(offre: readonly Categorie[]): ExpressionSpecification {
  const parCategorie = offre.map((c): ExpressionSpecification => ['coalesce', ['get', `distanceHm-${c}`], AUCUN_LIEU_HM])
  const minimum: ExpressionSpecification = parCategorie.length === 1 ? parCategorie[0]! : ['min', ...(parCategorie as [ExpressionSpecification, ...ExpressionSpecification[]])]
  return ['/', minimum, 10]
}

/** The classes of the distance legend as a `step` over that distance. */
export function couleurCarreaux(offre: readonly Categorie[], seuils: readonly number[], couleurs: readonly string[]): ExpressionSpecification {
  const paliers = seuils.flatMap((s, i) => [s, couleurs[i + 1]!])
  return ['step', distanceOffreKm(offre), couleurs[0]!, ...paliers] as ExpressionSpecification
}

/** Hidden until a view asks for the cells; translucent so the commune borders and names stay readable. */
export const remplissageCarreaux = (): LayerSpecification => ({
  id: ID_CARREAUX,
  type: 'fill',
  source: SOURCE_CARREAUX,
  'source-layer': SOURCE_LAYER_CARREAUX,
  minzoom: ZOOM_MIN_CARREAUX,
  layout: { visibility: 'none' },
  paint: { 'fill-color': palette.sansDonnee, 'fill-opacity': 0.8, 'fill-antialias': false },
})
