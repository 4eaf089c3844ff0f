import { gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { z } from 'zod'
import type { GeometriesDb } from '../db/geometries.ts'
import type { TuilesCommunes } from '../tuiles/communes.ts'
import { erreur } from './erreurs.ts'
import { valider } from './validation.ts'

export const Tuile = z.object({
  z: z.string().regex(/^\d{1,2}$/, 'z doit être un entier').transform(Number).pipe(z.number().max(14, 'z doit être au plus 14')),
  x: z.string().regex(/^\d{1,5}$/, 'x doit être un entier').transform(Number),
  y: z.string().regex(/^\d{1,5}(\.pbf)?$/, 'y doit être un entier suivi de .pbf').transform((s) => Number(s.replace('.pbf', ''))),
}).refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, 'tuile hors de la grille de ce niveau de zoom')

/** Outlines as GeoJSON (small, cached) and commune polygons as vector tiles. */
export const geometriesRoutes = (deps: { geometries: GeometriesDb; tuiles: TuilesCommunes }) => {
  let departements: string | undefined
  let regions: string | undefined
  return new Hono()
    .get('/departements.geojson', (c) => {
      departements ??= JSON.stringify(deps.geometries.departements())
      return c.body(departements, 200, { 'Content-Type': 'application/geo+json' })
    })
    .get('/regions.geojson', (c) => {
      regions ??= JSON.stringify(deps.geometries.regions())
      return c.body(regions, 200, { 'Content-Type': 'application/geo+json' })
    })
    .get('/tuiles/communes/:z/:x/:y', valider('param', Tuile), async (c) => {
      const { z: zoom, x, y } = c.req.valid('param')
      if (!c.req.param('y').endsWith('.pbf')) return c.json(erreur(404, 'Tuile inconnue : le chemin finit par .pbf'), 404)
      const tuile = await deps.tuiles.tuile(zoom, x, y)
      if (tuile.length === 0) return c.body(null, 204)
      const type = { 'Content-Type': 'application/x-protobuf' }
      if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) return c.body(tuile as Uint8Array<ArrayBuffer>, 200, { ...type, 'Content-Encoding': 'gzip' })
      return c.body(gunzipSync(tuile) as Uint8Array<ArrayBuffer>, 200, type)
    })
}
