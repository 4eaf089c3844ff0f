import { setImmediate as tourSuivant } from 'node:timers/promises'
import { Hono } from 'hono'
import { z } from 'zod'
import type { TerritoiresDb } from '../db/territoires.ts'
import { decrirePoint, JEU_LISTE_POSTES, libelleSource, pointsOffre, type SourceDatee } from '../domain/evolution.ts'
import { bitCategorie } from '../domain/offre.ts'
import type { Moteur } from '../spatial/index.ts'
import type { MoteursParDate } from '../spatial/moteurs-dates.ts'
import { erreur } from './erreurs.ts'
import { reponsesMemorisees } from './reponses-memorisees.ts'
import { codeDepartement, lireOffre, parametresCouverture, valider } from './validation.ts'

export type DepsEvolution = Readonly<{
  sources: readonly SourceDatee[]
  moteurs: MoteursParDate<Readonly<{ moteur: Moteur }>>
}>

export const RequeteEvolution = parametresCouverture.extend({ departement: codeDepartement.optional() })

/**
 * GET /api/evolution?offre=&rayonKm=&departement=: for each date at which a source of the offre arrives, the figures of
 * the nation (hors COM) or of the département computed on the lieux known then, and a sentence saying what they hold.
 */
export const evolutionRoutes = (deps: Readonly<{ evolution: DepsEvolution; territoires: TerritoiresDb }>) => {
  const reponses = reponsesMemorisees(256)
  return new Hono().get('/evolution', valider('query', RequeteEvolution), async (c) => {
    const { rayonKm, offre: categories, departement } = c.req.valid('query')
    const { masque, offre } = lireOffre(categories)
    const nomDepartement = departement === undefined ? undefined : deps.territoires.departement(departement)?.nom
    if (departement !== undefined && nomDepartement === undefined) return c.json(erreur(404, `Département inconnu : ${departement}`), 404)
    const params = { rayonKm, masque }
    const dates = pointsOffre(deps.evolution.sources, masque).map((p) => p.date)
    // The first request builds the engine of each date (0.14 to 0.2 s each) and its coverage: one piece per turn of the
    // event loop, so that other requests are served in between rather than after the whole of it.
    for (const date of dates) {
      const aConstruire = !deps.evolution.moteurs.construit(date)
      const { moteur } = deps.evolution.moteurs.get(date)!
      if (aConstruire) await tourSuivant()
      if (moteur.aCalculer(params)) {
        moteur.chiffresNationaux(params)
        await tourSuivant()
      }
    }
    return reponses.json(c, `${departement ?? 'FR'}|${rayonKm}|${masque}`, () => {
      const sansListePostes = (masque & bitCategorie('conseillers-numeriques')) !== 0
      const listePostes = deps.evolution.sources.find((s) => s.jeu === JEU_LISTE_POSTES)
      const points = pointsOffre(deps.evolution.sources, masque).map((p) => {
        const { moteur } = deps.evolution.moteurs.get(p.date)!
        const chiffres = departement === undefined ? moteur.chiffresNationaux(params).horsCom.chiffres : moteur.chiffresDepartement(departement, params)!.chiffres
        return {
          date: p.date,
          sources: p.connues.map((jeu) => ({ jeu, libelle: libelleSource(jeu) })),
          nouvelles: p.nouvelles,
          description: decrirePoint(p, sansListePostes && (listePostes === undefined || listePostes.date > p.date)),
          chiffres,
        }
      })
      return {
        ok: true as const,
        rayonKm,
        offre,
        territoire: departement === undefined ? { code: 'FR', nom: 'France (hors collectivités d’outre-mer)' } : { code: departement, nom: nomDepartement! },
        dates: deps.evolution.moteurs.dates,
        points,
      }
    })
  })
}
