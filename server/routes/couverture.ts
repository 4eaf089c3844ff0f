import { Hono } from 'hono'
import { CATEGORIES } from '../domain/offre.ts'
import { CAPACITE_CACHE_COUVERTURE, type Chiffres, type Moteur } from '../spatial/index.ts'
import { enTeteCsv, versCsv } from './csv.ts'
import { aplatirDepartement, aplatirTerritoire } from './presentation.ts'
import { reponsesMemorisees } from './reponses-memorisees.ts'
import { dateEvolution, lireOffre, parametresCouverture, valider } from './validation.ts'
import type { Evolution } from '../evolution.ts'

export const ENTETES_CHIFFRES = ['population', 'populationCouverte', 'tauxCouverture', 'populationZonesBlanches', 'communes', 'communesZonesBlanches',
  ...CATEGORIES.map((c) => `lieux ${c}`), 'postes', 'postesPour10000', 'financementEtatEuros', 'distanceMoyenneKm', 'accessibiliteMediane', 'ifnMoyenZonesBlanches']

export const valeursChiffres = (c: Chiffres) => [c.population, c.populationCouverte, c.tauxCouverture, c.populationZonesBlanches, c.communes,
  c.communesZonesBlanches, ...CATEGORIES.map((k) => c.lieux[k]), c.postes, c.postesPour10000, c.financementEtatEuros, c.distanceMoyenneKm,
  c.accessibiliteMediane, c.ifnMoyenZonesBlanches]

/** GET /api/couverture and /api/couverture.csv: national, régional and départemental figures. */
export const couvertureRoutes = (deps: { moteur: Moteur; evolution: Evolution }) => {
  const couvertures = reponsesMemorisees(CAPACITE_CACHE_COUVERTURE)
  const requete = parametresCouverture.extend({ date: dateEvolution(deps.evolution.moteurs.dates) })
  return new Hono()
    .get('/couverture', valider('query', requete), (c) => {
      const { rayonKm, offre: categories, date } = c.req.valid('query')
      const { masque, offre } = lireOffre(categories)
      const params = { rayonKm, masque }
      // `date`: the figures of the lieux known then (GET /api/evolution), for the map's date control.
      const moteur = date === undefined ? deps.moteur : deps.evolution.moteurs.get(date)!.moteur
      return couvertures.json(c, `${rayonKm}|${masque}|${date ?? ''}`, () => {
        const { horsCom, avecCom } = moteur.chiffresNationaux(params)
        return {
          ok: true as const,
          rayonKm,
          offre,
          date: date ?? deps.evolution.moteurs.derniere,
          national: { inclutCom: horsCom.inclutCom, ...horsCom.chiffres },
          nationalAvecCom: { inclutCom: avecCom.inclutCom, ...avecCom.chiffres },
          regions: moteur.chiffresRegions(params).map(aplatirTerritoire),
          departements: moteur.chiffresDepartements(params).map(aplatirDepartement),
        }
      })
    })
    .get('/couverture.csv', valider('query', parametresCouverture), (c) => {
      const { rayonKm, offre: categories } = c.req.valid('query')
      const { masque } = lireOffre(categories)
      const params = { rayonKm, masque }
      const { horsCom, avecCom } = deps.moteur.chiffresNationaux(params)
      const lignes = [
        ...deps.moteur.chiffresDepartements(params).map((d) => ['département', d.code, d.nom, d.com ? 'oui' : 'non', ...valeursChiffres(d.chiffres)]),
        ...deps.moteur.chiffresRegions(params).map((r) => ['région', r.code, r.nom, 'non', ...valeursChiffres(r.chiffres)]),
        ['national (hors COM)', 'FR', 'France', 'non', ...valeursChiffres(horsCom.chiffres)],
        ['national (avec COM)', 'FR+COM', 'France et COM', 'oui', ...valeursChiffres(avecCom.chiffres)],
      ]
      return c.body(versCsv(['niveau', 'code', 'nom', 'COM', ...ENTETES_CHIFFRES], lignes), 200,
        enTeteCsv(`maillage-couverture-${rayonKm}km.csv`))
    })
}
