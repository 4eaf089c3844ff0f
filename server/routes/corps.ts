import type { MiddlewareHandler } from 'hono'
import { z } from 'zod'
import type { Methode } from '../domain/methode.ts'
import { CATEGORIES } from '../domain/offre.ts'
import { MAX_RETRAITS } from '../domain/planification.ts'
import {
  MAX_AJOUTS, MAX_CONSEILLERS_AJOUT, pointDansContour, RAYON_MAX_KM, RAYON_MIN_KM, TOLERANCE_CONTOUR_KM,
  type Contour, type ResultatSimulation, type Simulateur,
} from '../spatial/index.ts'
import { erreur } from './erreurs.ts'
import { RAYON_DEFAUT_KM } from '../domain/vue-par-defaut.ts'
import { codeDepartement, offre } from './validation.ts'

const JSON_ATTENDU = /^application\/([\w.-]+\+)?json$/i

/**
 * Refuses, in French and in the error envelope, what the JSON validator would otherwise let through
 * or answer in English: another Content-Type, malformed JSON. The parsed body is cached by Hono, so the
 * validator that follows reads it again for free. The body's size is not checked here: the one limit is
 * MAILLAGE_TAILLE_MAX_CORPS, answered 413 by the guards in front of /api (server/securite/limite-taille.ts).
 */
export const corpsJson = (): MiddlewareHandler => async (c, next) => {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim()
  if (!JSON_ATTENDU.test(type))
    return c.json(erreur(400, `Le corps de la requête doit être du JSON (Content-Type: application/json), reçu : « ${type || 'aucun'} »`), 400)
  try {
    await c.req.json()
  } catch {
    return c.json(erreur(400, 'Le corps de la requête n’est pas du JSON valide'), 400)
  }
  await next()
}

/** rayonKm of a JSON body: a number in km, 10 when absent. */
export const rayonKmCorps = z
  .number({ error: 'rayonKm doit être un nombre (km)' })
  .min(RAYON_MIN_KM, `rayonKm doit être au moins ${RAYON_MIN_KM} km`)
  .max(RAYON_MAX_KM, `rayonKm doit être au plus ${RAYON_MAX_KM} km`)
  .default(RAYON_DEFAUT_KM)

/** offre of a JSON body: a list of catégories or the comma string of the GET routes; all catégories when absent. */
export const offreCorps = z
  .union([z.string(), z.array(z.string()).max(CATEGORIES.length * 2).transform((l) => l.join(','))], {
    error: `offre doit être une liste de catégories parmi ${CATEGORIES.join(', ')}`,
  })
  .optional()
  .pipe(offre)

export const Ajout = z.strictObject({
  lon: z.number({ error: 'lon doit être un nombre (degrés)' }).min(-180).max(180),
  lat: z.number({ error: 'lat doit être un nombre (degrés)' }).min(-90).max(90),
  conseillers: z.number().int(`conseillers doit être un entier`).min(1).max(MAX_CONSEILLERS_AJOUT).default(1),
})

/** The scenario of a simulation: also what a saved scenario holds (routes/scenarios.ts). */
export const ChampsScenario = {
  departement: codeDepartement,
  rayonKm: rayonKmCorps,
  offre: offreCorps,
  ajouts: z.array(Ajout).max(MAX_AJOUTS, `au plus ${MAX_AJOUTS} ajouts par simulation`).default([]),
  retraits: z.array(z.number().int('un retrait est l’identifiant entier d’un lieu').positive()).max(MAX_RETRAITS, `au plus ${MAX_RETRAITS} retraits par simulation`).default([]),
}

/**
 * Why the added postes can't be placed in the département (the first point outside it, and where it
 * is instead), or null when they all lie inside its outline.
 */
function ajoutsHorsDepartement(contours: ReadonlyMap<string, Contour>, departement: string,
  ajouts: readonly { lon: number; lat: number }[]): string | null {
  const contour = contours.get(departement)
  for (const [k, a] of ajouts.entries()) {
    if (contour === undefined || pointDansContour(contour, [a.lon, a.lat], TOLERANCE_CONTOUR_KM)) continue
    const ailleurs = [...contours].find(([, autre]) => pointDansContour(autre, [a.lon, a.lat], 0))?.[0]
    const ou = ailleurs === undefined ? 'hors de France' : `dans le département ${ailleurs}`
    return `ajouts[${k}] : le point [${a.lon}, ${a.lat}] est ${ou}, pas dans le département ${departement}`
  }
  return null
}

/**
 * A scenario of a JSON body, checked and simulated: its postes must lie in the département, its withdrawn lieux
 * must exist (the simulator says so). One home for the simulation, the saved scenarios and the optimisation.
 */
export function simulerScenario(
  deps: Readonly<{ simulateur: Simulateur; contours: ReadonlyMap<string, Contour> }>,
  s: Readonly<{ departement: string; rayonKm: number; masque: number; ajouts: readonly { lon: number; lat: number; conseillers: number }[]; retraits: readonly number[]; methode?: Methode }>,
): ResultatSimulation {
  const hors = ajoutsHorsDepartement(deps.contours, s.departement, s.ajouts)
  if (hors !== null) return { ok: false, motif: hors }
  return deps.simulateur.simuler({
    departement: s.departement, rayonKm: s.rayonKm, masque: s.masque, retraits: s.retraits, ...(s.methode === undefined ? {} : { methode: s.methode }),
    ajouts: s.ajouts.map((a) => ({ longitude: a.lon, latitude: a.lat, conseillers: a.conseillers })),
  })
}
