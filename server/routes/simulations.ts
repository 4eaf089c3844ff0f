import { Hono } from 'hono'
import { z } from 'zod'
import { type Contour, type Moteur, type Simulateur } from '../spatial/index.ts'
import { ChampsScenario, corpsJson, simulerScenario } from './corps.ts'
import { erreur } from './erreurs.ts'
import { lireOffre, methode, valider } from './validation.ts'

/** A scenario and where its inhabitants are counted (`carreaux` by default, like the coverage routes). */
export const CorpsSimulation = z.strictObject({ ...ChampsScenario, methode })

type Deps = { moteur: Moteur; simulateur: Simulateur; contours: ReadonlyMap<string, Contour> }

/** POST /api/simulations: a what-if scenario on a département (postes added, lieux withdrawn) and its effect. */
export const simulationsRoutes = (deps: Deps) =>
  new Hono().post('/', corpsJson(), valider('json', CorpsSimulation), (c) => {
    const { departement, rayonKm, offre: categories, ajouts, retraits, methode } = c.req.valid('json')
    const { masque, offre } = lireOffre(categories)
    const infos = deps.moteur.chiffresDepartement(departement, { rayonKm, masque })
    if (!infos) return c.json(erreur(404, `Département inconnu : ${departement}`), 404)
    const r = simulerScenario(deps, { departement, rayonKm, masque, ajouts, retraits, methode })
    if (!r.ok) return c.json(erreur(400, r.motif), 400)
    return c.json({
      ok: true as const,
      rayonKm,
      offre,
      methode: r.methode,
      departement: { code: infos.code, nom: infos.nom },
      avant: r.avant,
      apres: r.apres,
      communesChangees: r.communesChangees.map(({ code, nom, departement, population, avant, apres }) => ({ code, nom, departement, population, avant, apres })),
      ajouts: ajouts.map((a, k) => ({ lieuId: r.idsAjouts[k]!, lon: a.lon, lat: a.lat, conseillers: a.conseillers })),
      communesRecalculees: r.recalculees.commune.length,
      carreauxRecalcules: r.carreauxRecalcules.carreau.length,
    }, 200)
  })
