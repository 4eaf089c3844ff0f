import { gzipSync } from 'node:zlib'
import { fromGeojsonVt } from '@maplibre/vt-pbf'
import KDBush from 'kdbush'
import { CATEGORIES } from '../domain/offre.ts'
import type { Carreaux } from '../spatial/carreaux.ts'
import { lngLatDepuisLaea } from '../spatial/laea.ts'
import { Lru } from '../spatial/lru.ts'

/** Name of the source-layer of the 1 km cells in their vector tiles. */
export const COUCHE_CARREAUX = 'carreaux'
/** Below this zoom a 1 km cell is under a pixel wide and a tile would hold most of France: no tile is made. */
export const ZOOM_MIN_CARREAUX = 7
/** Cells are cut by maplibre at zoom 12 and overzoomed beyond. */
export const ZOOM_MAX_CARREAUX = 12
/** Property holding the distance of a cell to the nearest lieu of a catégorie, in hectometres (absent: no such lieu). */
export const proprieteDistanceHm = (categorie: string): string => `distanceHm-${categorie}`

const EXTENT = 4096
const CELLULE_M = 1000
// A cell centre within this many degrees of a tile's edge may put a corner inside it (half a diagonal is 0.71 km:
// under 0.011° of longitude up to 51.5° N), plus the tile's buffer at the lowest zoom.
const MARGE_DEG = 0.02
const CAPACITE_CACHE_TUILES = 5_000
const VIDE = new Uint8Array(0)

export type DonneesTuilesCarreaux = Readonly<{
  carreaux: Carreaux
  /** See PlusProchesCarreaux.distanceKm: catégorie b of cell k at `b * n + k`, km. */
  distancesCategories: Float64Array
  /** Read at the first tile (0.4 s nationally), not at start-up. */
  lireCoins: () => Readonly<{ x3035: Int32Array; y3035: Int32Array }>
  /** Code département of each commune index (a tile holds one département's cells). */
  departementCommune: readonly string[]
}>

export type TuilesCarreaux = Readonly<{
  /** The tile of the département's cells, gzipped (empty when none touches it). Zoom from ZOOM_MIN_CARREAUX. */
  tuile(departement: string, z: number, x: number, y: number): Uint8Array
}>

type Entite = { type: 3; id: number; geometry: [number, number][][]; tags: Record<string, number> }

/**
 * Vector tiles of a département's 1 km cells as squares: each corner is the stored EPSG:3035 corner inverse-projected,
 * so the squares tile the map without gaps or overlaps. Each cell carries its distance to the nearest lieu of every
 * catégorie, so one tile serves every offre (the map takes the minimum over the chosen catégories) and tiles are cached
 * as long as the import lasts. One département per tile: a zoom-7 tile over all of them would hold up to 60,000 cells
 * (0.5 MB gzipped, 0.4 to 1.8 s to make), a département has at most about 10,000. Built on the calling thread.
 */
export function buildTuilesCarreaux(donnees: DonneesTuilesCarreaux): TuilesCarreaux {
  const { carreaux, distancesCategories, departementCommune } = donnees
  const { n } = carreaux
  if (distancesCategories.length !== CATEGORIES.length * n) throw new Error(`buildTuilesCarreaux: ${distancesCategories.length} distances for ${n} cells`)
  let index: KDBush | undefined
  let coins: ReturnType<DonneesTuilesCarreaux['lireCoins']> | undefined
  const lireCoins = () => {
    if (coins) return coins
    const lus = donnees.lireCoins()
    if (lus.x3035.length !== n || lus.y3035.length !== n) throw new Error(`buildTuilesCarreaux: ${lus.x3035.length} corners for ${n} cells`)
    return (coins = lus)
  }
  const indexer = (): KDBush => {
    if (index) return index
    const kd = new KDBush(Math.max(n, 1))
    for (let k = 0; k < n; k++) kd.add(carreaux.longitude[k]!, carreaux.latitude[k]!)
    if (n === 0) kd.add(0, 0)
    return (index = kd.finish())
  }
  const departementCarreau = Array.from({ length: n }, (_, k) => departementCommune[carreaux.commune[k]!]!)
  const cles = CATEGORIES.map(proprieteDistanceHm)
  const cache = new Lru<string, Uint8Array>(CAPACITE_CACHE_TUILES)

  const fabriquer = (departement: string, z: number, tx: number, ty: number): Uint8Array => {
    const echelle = 2 ** z
    const ouest = (tx / echelle) * 360 - 180
    const est = ((tx + 1) / echelle) * 360 - 180
    const nord = latitudeMercator(ty / echelle)
    const sud = latitudeMercator((ty + 1) / echelle)
    const ids = (n === 0 ? [] : indexer().range(ouest - MARGE_DEG, sud - MARGE_DEG, est + MARGE_DEG, nord + MARGE_DEG))
      .filter((k) => departementCarreau[k] === departement)
    if (ids.length === 0) return VIDE
    const { x3035, y3035 } = lireCoins()
    const versTuile = ([lng, lat]: [number, number]): [number, number] => [
      Math.round((((lng + 180) / 360) * echelle - tx) * EXTENT),
      Math.round((yMercator(lat) * echelle - ty) * EXTENT),
    ]
    const features: Entite[] = []
    for (const k of ids) {
      const x0 = x3035[k]!
      const y0 = y3035[k]!
      const bg = versTuile(lngLatDepuisLaea(x0, y0))
      const hg = versTuile(lngLatDepuisLaea(x0, y0 + CELLULE_M))
      const hd = versTuile(lngLatDepuisLaea(x0 + CELLULE_M, y0 + CELLULE_M))
      const bd = versTuile(lngLatDepuisLaea(x0 + CELLULE_M, y0))
      const tags: Record<string, number> = { population: carreaux.population[k]! }
      CATEGORIES.forEach((_, b) => {
        const d = distancesCategories[b * n + k]!
        if (Number.isFinite(d)) tags[cles[b]!] = Math.round(d * 10)
      })
      // Exterior ring clockwise on screen (y down), as the vector tile specification asks: lower-left, upper-left, …
      features.push({ type: 3, id: k, geometry: [[bg, hg, hd, bd, bg]], tags })
    }
    // The encoder reads only `features` of a geojson-vt tile (type, id, geometry in tile units, tags).
    return gzipSync(fromGeojsonVt({ [COUCHE_CARREAUX]: { features } } as never, { version: 2, extent: EXTENT }))
  }

  return {
    tuile: (departement, z, x, y) => {
      if (z < ZOOM_MIN_CARREAUX) throw new Error(`tuile des carreaux : zoom ${z} sous ${ZOOM_MIN_CARREAUX}`)
      return cache.getOrCompute(`${departement}/${z}/${x}/${y}`, () => fabriquer(departement, z, x, y))
    },
  }
}

/** Web Mercator: latitude of a y in 0..1 from the north edge, and back. */
const latitudeMercator = (y: number): number => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI
const yMercator = (lat: number): number => {
  const phi = (lat * Math.PI) / 180
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2
}
