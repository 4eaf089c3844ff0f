import type { StyleSpecification } from 'maplibre-gl'
import { palette } from './palette.ts'

/** Optional raster basemap (XYZ template) set at build time; offline the map has a plain background. */
const FOND_DE_CARTE: string | undefined = import.meta.env.VITE_FOND_DE_CARTE

export const ID_FOND = 'fond'

export function styleVierge(fondDeCarte: string | undefined = FOND_DE_CARTE): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: ID_FOND, type: 'background', paint: { 'background-color': palette.fond } }],
  }
  if (fondDeCarte) {
    style.sources['fond-de-carte'] = { type: 'raster', tiles: [fondDeCarte], tileSize: 256 }
    style.layers.push({ id: 'fond-de-carte', type: 'raster', source: 'fond-de-carte', paint: { 'raster-opacity': 0.6 } })
  }
  return style
}
