import { Hono } from 'hono'
import { z } from 'zod'
import type { LieuxDb } from '../db/lieux.ts'
import type { TerritoiresDb } from '../db/territoires.ts'
import type { Moteur } from '../spatial/index.ts'
import { LIMITE_PLUS_PROCHES } from '../spatial/index.ts'
import { repondreOctets } from './compression.ts'
import { erreur } from './erreurs.ts'
import { arrondi } from './presentation.ts'
import { codeCommune, entier, lireOffre, nombre, offre, valider } from './validation.ts'

export const Proches = z
  .object({
    lat: nombre('lat').pipe(z.number().min(-90, 'lat doit être entre -90 et 90').max(90, 'lat doit être entre -90 et 90')).optional(),
    lon: nombre('lon').pipe(z.number().min(-180, 'lon doit être entre -180 et 180').max(180, 'lon doit être entre -180 et 180')).optional(),
    commune: codeCommune.optional(),
    limit: entier('limit', 1, LIMITE_PLUS_PROCHES, 10),
    offre,
  })
  .refine((q) => (q.commune !== undefined) !== (q.lat !== undefined || q.lon !== undefined), 'donnez soit lat et lon, soit commune')
  .refine((q) => q.commune !== undefined || (q.lat !== undefined && q.lon !== undefined), 'lat et lon vont ensemble')

export const ParamLieu = z.object({ id: z.string().regex(/^\d{1,9}$/, 'identifiant de lieu invalide (un entier)').transform(Number) })

/** GET /api/lieux/proches (from a point or a commune's centre) and /api/lieux/:id with every source record. */
export const lieuxRoutes = (deps: { moteur: Moteur; lieux: LieuxDb; territoires: TerritoiresDb }) =>
  new Hono()
    .get('/proches', valider('query', Proches), (c) => {
      const q = c.req.valid('query')
      const { masque, offre } = lireOffre(q.offre)
      let origine: { longitude: number; latitude: number; commune?: { code: string; nom: string } }
      if (q.commune) {
        const commune = deps.territoires.commune(q.commune)
        if (!commune) return c.json(erreur(404, `Commune inconnue : ${q.commune}`), 404)
        origine = { longitude: commune.longitude, latitude: commune.latitude, commune: { code: commune.code, nom: commune.nom } }
      } else origine = { longitude: q.lon!, latitude: q.lat! }
      const proches = deps.moteur.plusProches([origine.longitude, origine.latitude], { limit: q.limit, masque })
      // The hot public route: the same bytes as c.json({ ok, offre, origine, lieux: [{ ...lieu, distanceKm }] }), copied into one
      // buffer from each lieu's JSON encoded once per import: no ~10 kB string to build, flatten and encode per request.
      const tete = `{"ok":true,"offre":${JSON.stringify(offre)},"origine":${JSON.stringify(origine)},"lieux":[`
      const lieux = proches.map((p) => deps.lieux.debutJsonUtf8(p.id)!)
      const distances = proches.map((p, k) => `,"distanceKm":${JSON.stringify(arrondi(p.distanceKm, 3))}}${k < proches.length - 1 ? ',' : ''}`)
      let taille = Buffer.byteLength(tete) + 2
      for (let k = 0; k < lieux.length; k++) taille += lieux[k]!.length + distances[k]!.length
      const corps = Buffer.allocUnsafe(taille)
      let n = corps.write(tete)
      for (let k = 0; k < lieux.length; k++) {
        // Each lieu's JSON without its closing brace, then its distance (ASCII) and what follows it.
        corps.set(lieux[k]!, n)
        n += lieux[k]!.length
        n += corps.write(distances[k]!, n, 'latin1')
      }
      corps.write(']}', n, 'latin1')
      return repondreOctets(c, corps, 'application/json')
    })
    .get('/:id', valider('param', ParamLieu), (c) => {
      const { id } = c.req.valid('param')
      const lieu = deps.lieux.lieu(id)
      if (!lieu) return c.json(erreur(404, `Lieu inconnu : ${id}`), 404)
      return c.json({ ok: true as const, lieu: { ...lieu, sources: deps.lieux.sources(id) } }, 200)
    })
