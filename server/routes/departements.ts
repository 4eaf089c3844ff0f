import { Hono } from 'hono'
import { z } from 'zod'
import type { GeometriesDb } from '../db/geometries.ts'
import type { LieuxDb } from '../db/lieux.ts'
import type { TerritoiresDb } from '../db/territoires.ts'
import { CAPACITE_CACHE_COUVERTURE, type Moteur } from '../spatial/index.ts'
import { entetesChiffres, nomCsv, valeursChiffres } from './couverture.ts'
import { enTeteCsv, versCsv } from './csv.ts'
import { erreur } from './erreurs.ts'
import { aplatirDepartement, presenterCommune } from './presentation.ts'
import { reponsesMemorisees } from './reponses-memorisees.ts'
import { codeDepartement, dateEvolution, lireOffre, methodeDe, methodeOuDate, offre, parametresCouverture, parametresCouvertureMethode, valider } from './validation.ts'
import type { Evolution } from '../evolution.ts'

export const ParamDepartement = z.object({ code: codeDepartement })
export const QueryLieuxDepartement = z.object({ offre })

type Deps = { territoires: TerritoiresDb; moteur: Moteur; lieux: LieuxDb; geometries: GeometriesDb; evolution: Evolution }

/** GET /api/departements, /:code, and the département's coverage, communes, CSV, lieux and commune polygons. */
export const departementsRoutes = (deps: Deps) => {
  // One answer per (département, rayonKm, offre) the engine keeps figures for.
  const couvertures = reponsesMemorisees(CAPACITE_CACHE_COUVERTURE * 128)
  // `date`: the lieux known then (GET /api/evolution), so that the map's date control recolours the communes.
  const requeteDatee = parametresCouverture.extend({ methode: methodeOuDate, date: dateEvolution(deps.evolution.moteurs.dates) })
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
      const q = c.req.valid('query')
      const m = methodeDe(q)
      if (!m.ok) return c.json(erreur(400, m.message), 400)
      const { methode } = m
      const { rayonKm, offre: categories, date } = q
      const { masque, offre } = lireOffre(categories)
      const chiffres = instantane(date).moteur.chiffresDepartement(code, { rayonKm, masque }, methode)
      if (!chiffres) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      return couvertures.json(c, `${code}|${rayonKm}|${masque}|${methode}|${date ?? ''}`, () =>
        ({ ok: true as const, rayonKm, offre, methode, date: date ?? deps.evolution.moteurs.derniere, ...aplatirDepartement(chiffres) }))
    })
    .get('/:code/communes', valider('param', ParamDepartement), valider('query', requeteDatee), (c) => {
      const { code } = c.req.valid('param')
      const q = c.req.valid('query')
      const m = methodeDe(q)
      if (!m.ok) return c.json(erreur(400, m.message), 400)
      const { methode } = m
      const { rayonKm, offre: categories, date } = q
      const { masque, offre } = lireOffre(categories)
      const { moteur, resume } = instantane(date)
      const communes = moteur.communesDuDepartement(code, { rayonKm, masque }, methode)
      if (!communes) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      return c.json({ ok: true as const, rayonKm, offre, methode, date: date ?? deps.evolution.moteurs.derniere, communes: communes.map((x) => presenterCommune(x, { resume })) }, 200)
    })
    .get('/:code/communes.csv', valider('param', ParamDepartement), valider('query', parametresCouvertureMethode), (c) => {
      const { code } = c.req.valid('param')
      const { rayonKm, offre: categories, methode } = c.req.valid('query')
      const { masque } = lireOffre(categories)
      const communes = deps.moteur.communesDuDepartement(code, { rayonKm, masque }, methode)
      const chiffres = deps.moteur.chiffresDepartement(code, { rayonKm, masque }, methode)
      if (!communes || !chiffres) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      // Counted on cells, a commune may be partly covered: its statut says so, and two columns give the share and the rest.
      const parCarreaux = methode === 'carreaux'
      const statut = (x: ReturnType<typeof presenterCommune>) => (x.statut === 'partielle' ? 'partielle' : x.couverte ? 'couverte' : 'zone blanche')
      const lignes = communes.map((x) => presenterCommune(x, deps.lieux)).map((x) => [x.code, x.nom, x.population, x.distanceKm,
        statut(x), x.lieuLePlusProche?.nom ?? null, x.lieuLePlusProche?.categorie ?? null, x.accessibilite, x.ifn,
        ...(parCarreaux ? [x.partCouverte ?? null, x.populationNonCouverte ?? null] : [])])
      const total = ['TOTAL', chiffres.nom, chiffres.chiffres.population, chiffres.chiffres.distanceMoyenneKm, null, null, null, chiffres.chiffres.accessibiliteMediane,
        chiffres.chiffres.ifnMoyenZonesBlanches, ...(parCarreaux ? [chiffres.chiffres.tauxCouverture, chiffres.chiffres.populationZonesBlanches] : [])]
      const csv = versCsv(['code', 'nom', 'population', 'distanceKm', 'statut', 'lieuLePlusProche', 'categorie', 'accessibilite', 'ifn',
        ...(parCarreaux ? ['partCouverte', 'populationNonCouverte'] : [])], [...lignes, total])
      const figures = versCsv(['departement', ...entetesChiffres(methode)], [[code, ...valeursChiffres(chiffres.chiffres)]]).slice(1)
      return c.body(`${csv}\r\n${figures}`, 200, enTeteCsv(nomCsv(`maillage-${code}-communes-${rayonKm}km`, methode)))
    })
    .get('/:code/lieux.geojson', valider('param', ParamDepartement), valider('query', QueryLieuxDepartement.extend({ date: dateEvolution(deps.evolution.moteurs.dates) })), (c) => {
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
