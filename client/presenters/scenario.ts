// A planning scenario lives in the URL so it can be shared: rayonKm, offre, ajouts as
// `lon,lat,conseillers` triples joined by `;`, retraits as lieu ids joined by `,`. Parsing is total:
// a malformed triple or id is dropped instead of breaking the link.
import type { AjoutPoste, Categorie, Parametres } from '../api/types.ts'
import { CATEGORIES } from '../../server/domain/offre.ts'
import { MAX_AJOUTS, MAX_CONSEILLERS_AJOUT, MAX_RETRAITS } from '../../server/domain/planification.ts'
import { lireOffre, lireRayonKm } from './parametres.ts'


export type Scenario = { ajouts: readonly AjoutPoste[]; retraits: readonly number[] }
export type Planification = Parametres & Scenario

export const SCENARIO_VIDE: Scenario = { ajouts: [], retraits: [] }

/** 5 decimals of a degree is about 1 m: enough for a poste, short in a URL. */
const arrondir = (degres: number) => Math.round(degres * 1e5) / 1e5

export const bornerConseillers = (n: number): number =>
  Number.isFinite(n) ? Math.min(MAX_CONSEILLERS_AJOUT, Math.max(1, Math.round(n))) : 1

const NOMBRE = /^-?\d+(\.\d+)?$/

export function lireAjouts(brut: string | null): AjoutPoste[] {
  if (!brut) return []
  const ajouts: AjoutPoste[] = []
  for (const triple of brut.split(';')) {
    const [lon, lat, conseillers = '1', ...reste] = triple.split(',')
    if (reste.length > 0 || lon === undefined || lat === undefined) continue
    if (!NOMBRE.test(lon) || !NOMBRE.test(lat) || !/^\d+$/.test(conseillers)) continue
    const longitude = Number(lon)
    const latitude = Number(lat)
    if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90) continue
    ajouts.push({ lon: arrondir(longitude), lat: arrondir(latitude), conseillers: bornerConseillers(Number(conseillers)) })
    if (ajouts.length === MAX_AJOUTS) break
  }
  return ajouts
}

/** Positive integer ids, each once, in the order given. */
export function lireRetraits(brut: string | null): number[] {
  if (!brut) return []
  const ids = new Set<number>()
  for (const morceau of brut.split(',')) {
    if (!/^\d+$/.test(morceau)) continue
    const id = Number(morceau)
    if (id > 0 && Number.isSafeInteger(id)) ids.add(id)
    if (ids.size === MAX_RETRAITS) break
  }
  return [...ids]
}

export function lirePlanification(params: URLSearchParams): Planification {
  return {
    rayonKm: lireRayonKm(params.get('rayonKm')),
    offre: lireOffre(params.get('offre')),
    ajouts: lireAjouts(params.get('ajouts')),
    retraits: lireRetraits(params.get('retraits')),
  }
}

/** rayonKm is always written, so a shared scenario keeps its radius even if the default changes. */
export function ecrirePlanification(p: Planification): URLSearchParams {
  const params = new URLSearchParams()
  params.set('rayonKm', String(p.rayonKm))
  if (p.offre.length !== CATEGORIES.length) params.set('offre', p.offre.join(','))
  if (p.ajouts.length > 0) params.set('ajouts', p.ajouts.map((a) => `${arrondir(a.lon)},${arrondir(a.lat)},${a.conseillers}`).join(';'))
  if (p.retraits.length > 0) params.set('retraits', p.retraits.join(','))
  return params
}

const memePoint = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) =>
  arrondir(a.lon) === arrondir(b.lon) && arrondir(a.lat) === arrondir(b.lat)

/** Adds a poste; at the position of an existing ajout it adds the conseillers to it instead. */
export function ajouterPoste(s: Scenario, point: { lon: number; lat: number }, conseillers = 1): Scenario {
  const n = bornerConseillers(conseillers)
  const k = s.ajouts.findIndex((a) => memePoint(a, point))
  if (k >= 0) return changerConseillers(s, k, s.ajouts[k]!.conseillers + n)
  if (s.ajouts.length >= MAX_AJOUTS) return s
  return { ...s, ajouts: [...s.ajouts, { lon: arrondir(point.lon), lat: arrondir(point.lat), conseillers: n }] }
}

export function supprimerAjout(s: Scenario, index: number): Scenario {
  return { ...s, ajouts: s.ajouts.filter((_, k) => k !== index) }
}

export function changerConseillers(s: Scenario, index: number, conseillers: number): Scenario {
  return { ...s, ajouts: s.ajouts.map((a, k) => (k === index ? { ...a, conseillers: bornerConseillers(conseillers) } : a)) }
}

/** Withdraws a lieu, or puts it back when it was already withdrawn. */
export function basculerRetrait(s: Scenario, lieuId: number): Scenario {
  if (s.retraits.includes(lieuId)) return { ...s, retraits: s.retraits.filter((id) => id !== lieuId) }
  if (s.retraits.length >= MAX_RETRAITS) return s
  return { ...s, retraits: [...s.retraits, lieuId] }
}

/** Proposed sites join the scenario as one poste each; a site already in the scenario is not added twice. */
export function accepterSites(s: Scenario, sites: readonly { lon: number; lat: number }[]): Scenario {
  let suivant = s
  for (const site of sites) if (!suivant.ajouts.some((a) => memePoint(a, site))) suivant = ajouterPoste(suivant, site)
  return suivant
}

export const estDansScenario = (s: Scenario, point: { lon: number; lat: number }) => s.ajouts.some((a) => memePoint(a, point))

/**
 * The POST /api/simulations body of a scenario. The planner counts inhabitants on the 1 km cells, as the dashboard,
 * its map and lists do (README « Décisions »): « avant » and « après » are counted the same way.
 */
export const corpsSimulation = (departement: string, p: Planification) => ({
  methode: 'carreaux' as const,
  departement,
  rayonKm: p.rayonKm,
  offre: [...p.offre] as Categorie[],
  ajouts: p.ajouts.map((a) => ({ ...a })),
  retraits: [...p.retraits],
})
