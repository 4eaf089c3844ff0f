import { Hono } from 'hono'
import type { Methode } from '../domain/methode.ts'
import { CATEGORIES } from '../domain/offre.ts'
import { CAPACITE_CACHE_COUVERTURE, type Chiffres, type Moteur } from '../spatial/index.ts'
import { enTeteCsv, versCsv } from './csv.ts'
import { aplatirDepartement, aplatirTerritoire } from './presentation.ts'
import { reponsesMemorisees } from './reponses-memorisees.ts'
import { dateEvolution, lireOffre, methodeDe, methodeOuDate, parametresCouverture, parametresCouvertureMethode, valider } from './validation.ts'
import { erreur } from './erreurs.ts'
import type { Evolution } from '../evolution.ts'

export const ENTETES_CHIFFRES = ['population', 'populationCouverte', 'tauxCouverture', 'populationZonesBlanches', 'communes', 'communesZonesBlanches',
  ...CATEGORIES.map((c) => `lieux ${c}`), 'postes', 'postesPour10000', 'financementEtatEuros', 'distanceMoyenneKm', 'accessibiliteMediane', 'ifnMoyenZonesBlanches']

export const valeursChiffres = (c: Chiffres) => [c.population, c.populationCouverte, c.tauxCouverture, c.populationZonesBlanches, c.communes,
  c.communesZonesBlanches, ...CATEGORIES.map((k) => c.lieux[k]), c.postes, c.postesPour10000, c.financementEtatEuros, c.distanceMoyenneKm,
  c.accessibiliteMediane, c.ifnMoyenZonesBlanches, ...(c.communesPartielles === undefined ? [] : [c.communesPartielles])]

/** The figures' columns of a method: counted on cells, the communes partly covered come last (the centre CSV keeps its columns). */
export const entetesChiffres = (methode: Methode) => (methode === 'carreaux' ? [...ENTETES_CHIFFRES, 'communesPartielles'] : ENTETES_CHIFFRES)

/** A CSV's file name: the centre files keep their former name. */
export const nomCsv = (base: string, methode: Methode) => `${base}${methode === 'carreaux' ? '-carreaux' : ''}.csv`

/** GET /api/couverture and /api/couverture.csv: national, régional and départemental figures. */
export const couvertureRoutes = (deps: { moteur: Moteur; evolution: Evolution }) => {
  const couvertures = reponsesMemorisees(CAPACITE_CACHE_COUVERTURE)
  const requete = parametresCouverture.extend({ methode: methodeOuDate, date: dateEvolution(deps.evolution.moteurs.dates) })
  return new Hono()
    .get('/couverture', valider('query', requete), async (c) => {
      const q = c.req.valid('query')
      const m = methodeDe(q)
      if (!m.ok) return c.json(erreur(400, m.message), 400)
      const { methode } = m
      const { rayonKm, offre: categories, date } = q
      const { masque, offre } = lireOffre(categories)
      const params = { rayonKm, masque }
      // `date`: the figures of the lieux known then (GET /api/evolution), for the map's date control.
      const moteur = date === undefined ? deps.moteur : deps.evolution.moteurs.get(date)!.moteur
      return couvertures.json(c, `${rayonKm}|${masque}|${methode}|${date ?? ''}`, () => {
        const { horsCom, avecCom } = moteur.chiffresNationaux(params, methode)
        return {
          ok: true as const,
          rayonKm,
          offre,
          methode,
          date: date ?? deps.evolution.moteurs.derniere,
          national: { inclutCom: horsCom.inclutCom, ...horsCom.chiffres },
          nationalAvecCom: { inclutCom: avecCom.inclutCom, ...avecCom.chiffres },
          regions: moteur.chiffresRegions(params, methode).map(aplatirTerritoire),
          departements: moteur.chiffresDepartements(params, methode).map(aplatirDepartement),
        }
      })
    })
    .get('/couverture.csv', valider('query', parametresCouvertureMethode), (c) => {
      const { rayonKm, offre: categories, methode } = c.req.valid('query')
      const { masque } = lireOffre(categories)
      const params = { rayonKm, masque }
      const { horsCom, avecCom } = deps.moteur.chiffresNationaux(params, methode)
      const lignes = [
        ...deps.moteur.chiffresDepartements(params, methode).map((d) => ['département', d.code, d.nom, d.com ? 'oui' : 'non', ...valeursChiffres(d.chiffres)]),
        ...deps.moteur.chiffresRegions(params, methode).map((r) => ['région', r.code, r.nom, 'non', ...valeursChiffres(r.chiffres)]),
        ['national (hors COM)', 'FR', 'France', 'non', ...valeursChiffres(horsCom.chiffres)],
        ['national (avec COM)', 'FR+COM', 'France et COM', 'oui', ...valeursChiffres(avecCom.chiffres)],
      ]
      return c.body(versCsv(['niveau', 'code', 'nom', 'COM', ...entetesChiffres(methode)], lignes), 200,
        enTeteCsv(nomCsv(`maillage-couverture-${rayonKm}km`, methode)))
    })
}
