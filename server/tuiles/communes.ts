import { gzipSync } from 'node:zlib'
import { GeoJSONVT } from '@maplibre/geojson-vt'
import { fromGeojsonVt } from '@maplibre/vt-pbf'
import { Lru } from '../spatial/lru.ts'
import type { TuilesEtiquettes } from './etiquettes.ts'

/** Name of the source-layer of commune polygons in the vector tiles. */
export const COUCHE_COMMUNES = 'communes'
const VIDE = new Uint8Array(0)
/** Tiles kept encoded; France down to zoom 12 is a few tens of thousands, most of them tiny. */
const CAPACITE_CACHE_TUILES = 20_000

/**
 * Vector tiles of the commune polygons: the geojson-vt index is built once (≈ 2 s),
 * encoded tiles are cached gzipped (LRU), since polygons only change with a new import.
 * `etiquettes` adds the label points (commune and département names) to the same tiles: one request per tile.
 */
export function buildTuilesCommunes(lireCommunes: () => GeoJSON.FeatureCollection, etiquettes?: TuilesEtiquettes): TuilesCommunes {
  let index: GeoJSONVT | undefined
  const cache = new Lru<string, Uint8Array>(CAPACITE_CACHE_TUILES)
  const indexer = () => (index ??= new GeoJSONVT(lireCommunes(), { maxZoom: 12, indexMaxZoom: 5, indexMaxPoints: 10_000, tolerance: 3, buffer: 64 }))
  return {
    prechauffer: (): void => {
      indexer()
      etiquettes?.prechauffer()
    },
    tuile: (z: number, x: number, y: number): Uint8Array =>
      cache.getOrCompute(`${z}/${x}/${y}`, () => {
        const t = indexer().getTile(z, x, y)
        const couches = { ...(t ? { [COUCHE_COMMUNES]: t } : {}), ...etiquettes?.couches(z, x, y) }
        return Object.keys(couches).length > 0 ? gzipSync(fromGeojsonVt(couches, { version: 2, extent: 4096 })) : VIDE
      }),
    fermer: async () => {},
  }
}

/** The commune tiles, built on this thread (above) or by a tile thread of their own (`hors-fil.ts`). */
export type TuilesCommunes = Readonly<{
  /** Builds the tile index now (main.ts calls it right after listening, so the first map does not wait). */
  prechauffer(): void
  /** The tile, gzipped (empty when no commune touches it). */
  tuile(z: number, x: number, y: number): Uint8Array | Promise<Uint8Array>
  fermer(): Promise<void>
}>
