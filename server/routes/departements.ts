import { Hono } from 'hono'
import { z } from 'zod'
import type { GeometriesDb } from '../db/geometries.ts'
import type { LieuxDb } from '../db/lieux.ts'
import type { TerritoiresDb } from '../db/territoires.ts'
import { CAPACITE_CACHE_COUVERTURE, type Moteur } from '../spatial/index.ts'
import { ENTETES_CHIFFRES, valeursChiffres } from './couverture.ts'
import { enTeteCsv, versCsv } from './csv.ts'
import { erreur } from './erreurs.ts'
import { aplatirDepartement, presenterCommune } from './presentation.ts'
import { reponsesMemorisees } from './reponses-memorisees.ts'
import { codeDepartement, dateEvolution, lireOffre, offre, parametresCouverture, valider } from './validation.ts'
import type { Evolution } from '../evolution.ts'

export const ParamDepartement = z.object({ code: codeDepartement })

type Deps = { territoires: TerritoiresDb; moteur: Moteur; lieux: LieuxDb; geometries: GeometriesDb; evolution: Evolution }

/** GET /api/departements, /:code, and the département's coverage, communes, CSV, lieux and commune polygons. */
export const departementsRoutes = (deps: Deps) => {
  // One answer per (département, rayonKm, offre) the engine keeps figures for.
  const couvertures = reponsesMemorisees(CAPACITE_CACHE_COUVERTURE * 128)
  // `date`: the lieux known then (GET /api/evolution), so that the map's date control recolours the communes.
  const requeteDatee = parametresCouverture.extend({ date: dateEvolution(deps.evolution.moteurs.dates) })
  const instantane = (date: string | undefined) => (date === undefined ? { moteur: deps.moteur, resume: deps.lieux.resume } : deps.evolution.moteurs.get(date)!)
  return new Hono()
    .get('/', (c) => c.json({ ok: true as const, departements: deps.territoires.departements() }, 200))
    .get('/:code', valider('param', ParamDepartement), (c) => {
      const { code } = c.req.valid('param')
      const departement = deps.territoires.departement(code)
      if (!departement) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      return c.json({ ok: true as const, departement }, 200)
    })
    .get('/:code/couverture', valider('param', ParamDepartement), valider('query', requeteDatee), async (c) => {
      const { code } = c.req.valid('param')
      const { rayonKm, offre: categories, date } = c.req.valid('query')
      const { masque, offre } = lireOffre(categories)
      const chiffres = instantane(date).moteur.chiffresDepartement(code, { rayonKm, masque })
      if (!chiffres) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      return couvertures.json(c, `${code}|${rayonKm}|${masque}|${date ?? ''}`, () =>
        ({ ok: true as const, rayonKm, offre, date: date ?? deps.evolution.moteurs.derniere, ...aplatirDepartement(chiffres) }))
    })
    .get('/:code/communes', valider('param', ParamDepartement), valider('query', requeteDatee), (c) => {
      const { code } = c.req.valid('param')
      const { rayonKm, offre: categories, date } = c.req.valid('query')
      const { masque, offre } = lireOffre(categories)
      const { moteur, resume } = instantane(date)
      const communes = moteur.communesDuDepartement(code, { rayonKm, masque })
      if (!communes) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      return c.json({ ok: true as const, rayonKm, offre, date: date ?? deps.evolution.moteurs.derniere, communes: communes.map((x) => presenterCommune(x, { resume })) }, 200)
    })
    .get('/:code/communes.csv', valider('param', ParamDepartement), valider('query', parametresCouverture), (c) => {
      const { code } = c.req.valid('param')
      const { rayonKm, offre: categories } = c.req.valid('query')
      const { masque } = lireOffre(categories)
      const communes = deps.moteur.communesDuDepartement(code, { rayonKm, masque })
      const chiffres = deps.moteur.chiffresDepartement(code, { rayonKm, masque })
      if (!communes || !chiffres) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      const lignes = communes.map((x) => presenterCommune(x, deps.lieux)).map((x) => [x.code, x.nom, x.population, x.distanceKm,
        x.couverte ? 'couverte' : 'zone blanche', x.lieuLePlusProche?.nom ?? null, x.lieuLePlusProche?.categorie ?? null, x.accessibilite, x.ifn])
      const total = ['TOTAL', chiffres.nom, chiffres.chiffres.population, chiffres.chiffres.distanceMoyenneKm, null, null, null, chiffres.chiffres.accessibiliteMediane, chiffres.chiffres.ifnMoyenZonesBlanches]
      const csv = versCsv(['code', 'nom', 'population', 'distanceKm', 'statut', 'lieuLePlusProche', 'categorie', 'accessibilite', 'ifn'], [...lignes, total])
      const figures = versCsv(['departement', ...ENTETES_CHIFFRES], [[code, ...valeursChiffres(chiffres.chiffres)]]).slice(1)
      return c.body(`${csv}\r\n${figures}`, 200, enTeteCsv(`maillage-${code}-communes-${rayonKm}km.csv`))
    })
    .get('/:code/lieux.geojson', valider('param', ParamDepartement), valider('query', z.object({ offre, date: dateEvolution(deps.evolution.moteurs.dates) })), (c) => {
      const { code } = c.req.valid('param')
      if (!deps.territoires.departement(code)) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      const { offre: categories, date } = c.req.valid('query')
      const { masque } = lireOffre(categories)
      return c.json((date === undefined ? undefined : deps.evolution.geojsonDepartement(date, code, masque)) ?? deps.lieux.geojsonDepartement(code, masque), 200)
    })
    .get('/:code/communes.geojson', valider('param', ParamDepartement), (c) => {
      const { code } = c.req.valid('param')
      if (!deps.territoires.departement(code)) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      return c.json(deps.geometries.communesDepartement(code), 200)
    })
}
