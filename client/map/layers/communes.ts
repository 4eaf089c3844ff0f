import type { FilterSpecification, LayerSpecification, VectorSourceSpecification } from 'maplibre-gl'
import { palette } from '../palette.ts'

export const SOURCE_COMMUNES = 'communes'
export const SOURCE_LAYER_COMMUNES = 'communes'
export const ID_COMMUNES_REMPLISSAGE = 'communes-remplissage'
export const ID_COMMUNES_CONTOUR = 'communes-contour'
export const ID_ZONES_BLANCHES_HACHURES = 'zones-blanches-hachures'
export const ID_ZONES_BLANCHES_CONTOUR = 'zones-blanches-contour'
export const ID_COMMUNES_CHANGEES = 'communes-changees'
export const IMAGE_HACHURES = 'hachures'
export const ID_LIMITES_COMMUNES = 'communes-limites'

/** Geometry comes once as vector tiles; coverage figures arrive as feature-state keyed by code INSEE. */
export const sourceCommunes = (urlTuiles: string): VectorSourceSpecification => ({
  type: 'vector',
  tiles: [urlTuiles],
  minzoom: 0,
  maxzoom: 12,
  promoteId: 'code',
})

/** Nothing is shown until the view sets a département filter. */
export const filtreDepartement = (code: string): FilterSpecification => ['==', ['get', 'departement'], code]
export const FILTRE_AUCUNE_COMMUNE = filtreDepartement('')

const base = { source: SOURCE_COMMUNES, 'source-layer': SOURCE_LAYER_COMMUNES, filter: FILTRE_AUCUNE_COMMUNE }

export const remplissageCommunes = (): LayerSpecification => ({
  ...base,
  id: ID_COMMUNES_REMPLISSAGE,
  type: 'fill',
  paint: { 'fill-color': palette.sansDonnee },
})

export const contourCommunes = (): LayerSpecification => ({
  ...base,
  id: ID_COMMUNES_CONTOUR,
  type: 'line',
  paint: {
    'line-color': ['case', ['boolean', ['feature-state', 'selection'], false], palette.selection, palette.contourCommune],
    'line-width': ['case', ['boolean', ['feature-state', 'selection'], false], 3, ['boolean', ['feature-state', 'survol'], false], 2, 0.4],
  },
})

/**
 * Every commune's border, whatever the view's filter, once zoomed in enough for communes to be told apart (zoom 9: a
 * département view opens at 8 or so and draws its own communes; tessellating all of them there would slow its first idle).
 */
export const limitesCommunes = (): LayerSpecification => ({
  id: ID_LIMITES_COMMUNES,
  type: 'line',
  source: SOURCE_COMMUNES,
  'source-layer': SOURCE_LAYER_COMMUNES,
  minzoom: 9,
  paint: { 'line-color': palette.limiteCommune, 'line-width': 0.4, 'line-opacity': 0.7 },
})

/** Zones blanches stand out twice: hatched and outlined in red, so they read in grey print too. */
export const hachuresZonesBlanches = (): LayerSpecification => ({
  ...base,
  id: ID_ZONES_BLANCHES_HACHURES,
  type: 'fill',
  paint: {
    'fill-pattern': IMAGE_HACHURES,
    'fill-opacity': ['case', ['boolean', ['feature-state', 'blanche'], false], 1, 0],
  },
})

export const contourZonesBlanches = (): LayerSpecification => ({
  ...base,
  id: ID_ZONES_BLANCHES_CONTOUR,
  type: 'line',
  paint: {
    'line-color': palette.contourZoneBlanche,
    'line-width': 1.2,
    'line-opacity': ['case', ['boolean', ['feature-state', 'blanche'], false], 1, 0],
  },
})

/** Planner: a thick outline on the communes whose status the scenario changes (feature-state `changee`). */
export const contourCommunesChangees = (): LayerSpecification => ({
  ...base,
  id: ID_COMMUNES_CHANGEES,
  type: 'line',
  paint: {
    'line-color': palette.communeChangee,
    'line-width': 3,
    'line-opacity': ['case', ['boolean', ['feature-state', 'changee'], false], 1, 0],
  },
})

/** 8×8 RGBA diagonal hatching drawn in code, because the blank style has no sprite. */
export function imageHachures(rgb: readonly [number, number, number]): { width: number; height: number; data: Uint8Array } {
  const taille = 8
  const data = new Uint8Array(taille * taille * 4)
  for (let y = 0; y < taille; y++)
    for (let x = 0; x < taille; x++) {
      if ((x + y) % taille > 1) continue
      const i = (y * taille + x) * 4
      data.set([rgb[0], rgb[1], rgb[2], 200], i)
    }
  return { width: taille, height: taille, data }
}
