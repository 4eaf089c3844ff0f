import type Database from 'better-sqlite3'
import type { Contour } from '../spatial/point-dans-polygone.ts'

type Geometrie = { type: 'Polygon'; coordinates: [number, number][][] } | { type: 'MultiPolygon'; coordinates: [number, number][][][] }

/** Outlines of every département (and COM), by code, parsed once: the simulation checks positions against them. */
export function lireContoursDepartements(db: Database.Database): ReadonlyMap<string, Contour> {
  const lignes = db.prepare('SELECT code, geojson, min_lng, min_lat, max_lng, max_lat FROM departement_geometrie ORDER BY code').all() as {
    code: string; geojson: string; min_lng: number; min_lat: number; max_lng: number; max_lat: number
  }[]
  return new Map(lignes.map((l) => {
    const g = JSON.parse(l.geojson) as Geometrie
    const polygones = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
    return [l.code, { bbox: [l.min_lng, l.min_lat, l.max_lng, l.max_lat], polygones }] as const
  }))
}
