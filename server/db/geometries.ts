import type Database from 'better-sqlite3'

/** Outlines of départements (with région) and régions, and commune polygons for the vector tiles. */
export function geometriesDb(db: Database.Database) {
  const collection = (lignes: { geojson: string; [k: string]: unknown }[]): GeoJSON.FeatureCollection => ({
    type: 'FeatureCollection',
    features: lignes.map(({ geojson, ...properties }) => ({ type: 'Feature', geometry: JSON.parse(geojson) as GeoJSON.Geometry, properties })),
  })
  // Prepared once: the planner asks for it on every département it opens.
  const communesDuDepartement = db.prepare(`SELECT c.code, c.nom, g.geojson FROM commune_geometrie g
    JOIN commune c ON c.code = g.code WHERE g.type = 'commune' AND c.departement = ? ORDER BY c.rang`)
  return {
    departements: () => collection(db.prepare(`SELECT g.code, d.nom, d.region, g.geojson FROM departement_geometrie g
      JOIN departement d ON d.code = g.code ORDER BY g.code`).all() as { geojson: string }[]),
    regions: () => collection(db.prepare(`SELECT g.code, r.nom, g.geojson FROM region_geometrie g JOIN region r ON r.code = g.code ORDER BY g.code`).all() as { geojson: string }[]),
    /** Polygons of the current communes (no arrondissements): code and département only, names come from the API. */
    communes: () => collection(db.prepare(`SELECT c.code, c.departement, g.geojson FROM commune_geometrie g
      JOIN commune c ON c.code = g.code WHERE g.type = 'commune' ORDER BY c.rang`).all() as { geojson: string }[]),
    /** Polygons of one département's current communes, with their code and name (empty for an unknown code). */
    communesDepartement: (code: string) => collection(communesDuDepartement.all(code) as { geojson: string }[]),
  }
}
export type GeometriesDb = ReturnType<typeof geometriesDb>
