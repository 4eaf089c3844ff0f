import { gunzipSync } from 'node:zlib'
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { GeometriesDb } from '../db/geometries.ts'
import { ZOOM_MIN_CARREAUX, type TuilesCarreaux } from '../tuiles/carreaux.ts'
import type { TuilesCommunes } from '../tuiles/communes.ts'
import { erreur } from './erreurs.ts'
import { codeDepartement, valider } from './validation.ts'

export const Tuile = z.object({
  z: z.string().regex(/^\d{1,2}$/, 'z doit être un entier').transform(Number).pipe(z.number().max(14, 'z doit être au plus 14')),
  x: z.string().regex(/^\d{1,5}$/, 'x doit être un entier').transform(Number),
  y: z.string().regex(/^\d{1,5}(\.pbf)?$/, 'y doit être un entier suivi de .pbf').transform((s) => Number(s.replace('.pbf', ''))),
}).refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, 'tuile hors de la grille de ce niveau de zoom')

export const DepartementCarreaux = z.object({ departement: codeDepartement })
export const TuileCarreaux = Tuile.refine((t) => t.z >= ZOOM_MIN_CARREAUX, `les carreaux de 1 km ne sont servis qu’à partir du zoom ${ZOOM_MIN_CARREAUX}`)

/** A gzipped tile as the client accepts it: 204 when empty, gzip when it says so, else inflated. */
function reponseTuile(c: Context, tuile: Uint8Array): Response {
  if (tuile.length === 0) return c.body(null, 204)
  const type = { 'Content-Type': 'application/x-protobuf' }
  if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) return c.body(tuile as Uint8Array<ArrayBuffer>, 200, { ...type, 'Content-Encoding': 'gzip' })
  return c.body(gunzipSync(tuile) as Uint8Array<ArrayBuffer>, 200, type)
}

/** Outlines as GeoJSON (small, cached), commune polygons and a département's 1 km cells as vector tiles. */
export const geometriesRoutes = (deps: { geometries: GeometriesDb; tuiles: TuilesCommunes; tuilesCarreaux: TuilesCarreaux; departementExiste: (code: string) => boolean }) => {
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
      return reponseTuile(c, await deps.tuiles.tuile(zoom, x, y))
    })
    // One tile serves every offre: each cell carries its distance to the nearest lieu of each catégorie.
    .get('/tuiles/carreaux/:z/:x/:y', valider('param', TuileCarreaux), valider('query', DepartementCarreaux), (c) => {
      const { z: zoom, x, y } = c.req.valid('param')
      const { departement } = c.req.valid('query')
      if (!c.req.param('y').endsWith('.pbf')) return c.json(erreur(404, 'Tuile inconnue : le chemin finit par .pbf'), 404)
      if (!deps.departementExiste(departement)) return c.json(erreur(404, `Département inconnu : ${departement}`), 404)
      return reponseTuile(c, deps.tuilesCarreaux.tuile(departement, zoom, x, y))
    })
}
