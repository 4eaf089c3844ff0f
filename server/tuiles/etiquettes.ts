import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt'
import type { Etiquette } from '../db/etiquettes.ts'

/** Source-layers of the label points in the commune tiles. */
export const COUCHE_ETIQUETTES_COMMUNES = 'communes-etiquettes'
export const COUCHE_ETIQUETTES_DEPARTEMENTS = 'departements-etiquettes'

/**
 * Smallest population whose name a tile of zoom `z` carries; préfectures are always there. A tile of France at
 * zoom 5 with every commune would weigh ~1 MB; with these floors each tile holds at most a few hundred names and
 * the map's collision detection keeps the most populous (symbol-sort-key), so more names appear as one zooms in.
 */
export function populationMinimale(z: number): number {
  if (z <= 4) return Infinity
  if (z === 5) return 50_000
  if (z === 6) return 20_000
  if (z === 7) return 5_000
  if (z === 8) return 2_000
  if (z === 9) return 500
  return 0
}

const point = (e: Etiquette, proprietes: Record<string, string | number | boolean>): GeoJSON.Feature<GeoJSON.Point> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: e.position },
  properties: proprietes,
})

/** Label points tiled: one geojson-vt index per population floor, built on first use. */
export function buildTuilesEtiquettes(lire: { communes: () => Etiquette[]; departements: () => Etiquette[] }) {
  let communes: Etiquette[] | undefined
  const index = new Map<number, GeoJSONVT>()
  const indexCommunes = (minimum: number) => {
    let i = index.get(minimum)
    if (!i) {
      communes ??= lire.communes()
      const retenues = communes.filter((c) => c.prefecture || c.population >= minimum)
      i = new GeoJSONVT(
        { type: 'FeatureCollection', features: retenues.map((c) => point(c, { code: c.code, nom: c.nom, population: c.population, prefecture: c.prefecture })) },
        { maxZoom: 12, indexMaxZoom: 5, indexMaxPoints: 1_000, buffer: 0 },
      )
      index.set(minimum, i)
    }
    return i
  }
  let departements: GeoJSONVT | undefined
  const indexDepartements = () =>
    (departements ??= new GeoJSONVT(
      { type: 'FeatureCollection', features: lire.departements().map((d) => point(d, { code: d.code, nom: d.nom })) },
      { maxZoom: 12, buffer: 0 },
    ))
  return {
    /** Builds the indexes of the zooms a first view asks for (national to département), off the first request's path. */
    prechauffer: (): void => {
      for (const z of [5, 6, 7, 8, 9]) indexCommunes(populationMinimale(z))
      indexDepartements()
    },
    /** The label layers of tile z/x/y (a layer with no point is left out). */
    couches: (z: number, x: number, y: number): Record<string, GeoJSONVTTile> => {
      const couches: Record<string, GeoJSONVTTile> = {}
      const c = indexCommunes(populationMinimale(z)).getTile(z, x, y)
      if (c && c.features.length > 0) couches[COUCHE_ETIQUETTES_COMMUNES] = c
      const d = indexDepartements().getTile(z, x, y)
      if (d && d.features.length > 0) couches[COUCHE_ETIQUETTES_DEPARTEMENTS] = d
      return couches
    },
  }
}
export type TuilesEtiquettes = ReturnType<typeof buildTuilesEtiquettes>
