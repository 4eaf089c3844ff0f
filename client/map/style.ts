import type { StyleSpecification } from 'maplibre-gl'
// The DSFR's own Marianne files: the pages already load them, so the map's names cost no extra byte (see README,
// « Noms sur les cartes », for the licence).
import marianneBold from '@codegouvfr/react-dsfr/dsfr/fonts/Marianne-Bold.woff2?url'
import marianneRegular from '@codegouvfr/react-dsfr/dsfr/fonts/Marianne-Regular.woff2?url'
import { palette } from './palette.ts'

/** Optional raster basemap (XYZ template) set at build time; offline the map has a plain background. */
const FOND_DE_CARTE: string | undefined = import.meta.env.VITE_FOND_DE_CARTE

export const ID_FOND = 'fond'

/** Font names of the label layers (`text-font`), each drawn from a font file served by Maillage. */
export const POLICE_NORMALE = 'Marianne Regular'
export const POLICE_GRASSE = 'Marianne Bold'

export function styleVierge(fondDeCarte: string | undefined = FOND_DE_CARTE): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    // No `glyphs` URL: maplibre draws each glyph's signed distance field in the browser (TinySDF) from these
    // files, so names need no glyph server, no network beyond our origin, and no PBF ranges to build.
    'font-faces': { [POLICE_NORMALE]: marianneRegular, [POLICE_GRASSE]: marianneBold },
    layers: [{ id: ID_FOND, type: 'background', paint: { 'background-color': palette.fond } }],
  }
  if (fondDeCarte) {
    style.sources['fond-de-carte'] = { type: 'raster', tiles: [fondDeCarte], tileSize: 256, attribution: '© IGN' }
    style.layers.push({ id: 'fond-de-carte', type: 'raster', source: 'fond-de-carte', paint: { 'raster-opacity': 0.6 } })
  }
  return style
}
