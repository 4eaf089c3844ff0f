import { Hono } from 'hono'
import { z } from 'zod'
import { cleRecherche } from '../domain/texte.ts'
import type { LieuxDb } from '../db/lieux.ts'
import type { TerritoiresDb } from '../db/territoires.ts'
import type { Moteur } from '../spatial/index.ts'
import { erreur } from './erreurs.ts'
import { presenterCommune } from './presentation.ts'
import { codeCommune, lireOffre, parametresCouvertureMethode, valider } from './validation.ts'

export const MAX_RESULTATS_RECHERCHE = 20

export const Recherche = z.object({
  q: z.string().trim().min(1, 'q est requis (un nom de commune ou un code postal)').max(100, 'q est trop long (100 caractères au plus)'),
  limit: z.string().regex(/^\d{1,2}$/, 'limit doit être un entier').transform(Number)
    .pipe(z.number().min(1).max(MAX_RESULTATS_RECHERCHE, `limit doit être au plus ${MAX_RESULTATS_RECHERCHE}`)).default(MAX_RESULTATS_RECHERCHE),
})

export const ParamCommune = z.object({ code: codeCommune })

/** GET /api/communes/recherche, /api/communes/:code and its coverage. */
export const communesRoutes = (deps: { territoires: TerritoiresDb; moteur: Moteur; lieux: LieuxDb }) =>
  new Hono()
    .get('/recherche', valider('query', Recherche), (c) => {
      const { q, limit } = c.req.valid('query')
      const estCodePostal = /^\d{2,5}$/.test(q)
      const cle = estCodePostal ? q : cleRecherche(q)
      if (cle === '') return c.json(erreur(400, 'Paramètre invalide — q : aucune lettre ni chiffre à chercher'), 400)
      const { communes, truncated } = deps.territoires.rechercher(cle, estCodePostal, limit)
      return c.json({ ok: true as const, communes, truncated }, 200)
    })
    .get('/:code', valider('param', ParamCommune), (c) => {
      const { code } = c.req.valid('param')
      const commune = deps.territoires.commune(code)
      if (!commune) return c.json(erreur(404, `Commune inconnue : ${code}`), 404)
      return c.json({ ok: true as const, commune }, 200)
    })
    .get('/:code/couverture', valider('param', ParamCommune), valider('query', parametresCouvertureMethode), (c) => {
      const { code } = c.req.valid('param')
      const { rayonKm, offre: categories, methode } = c.req.valid('query')
      const { masque, offre } = lireOffre(categories)
      const commune = deps.territoires.commune(code)
      const couverture = commune && deps.moteur.communesDuDepartement(commune.departement, { rayonKm, masque }, methode)?.find((x) => x.code === commune.code)
      if (!couverture) return c.json(erreur(404, `Commune inconnue : ${code}`), 404)
      return c.json({ ok: true as const, rayonKm, offre, methode, ...presenterCommune(couverture, deps.lieux) }, 200)
    })
