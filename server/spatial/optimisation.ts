import type { Highs } from 'highs'
import type { Methode } from '../domain/methode.ts'
import { MAX_POSTES_DEPARTEMENT } from '../domain/planification.ts'
import { checkParametres } from './couverture.ts'
import { ponderation, unitesDemande, type ApresScenario, type Poids } from './demande.ts'
import { fusionnerDemandes } from './fusion-demandes.ts'
import { haversineKm, RAYON_TERRE_KM } from './geo.ts'
import type { Moteur } from './moteur.ts'
import { exactMclp, gloutonMclp, objectifMclp, poidsCouvrable, type InstanceMclp, type SolutionMclp } from './optimisation-mclp.ts'

export { MAX_POSTES_DEPARTEMENT } from '../domain/planification.ts'

export type Candidats = 'communes' | 'structures'
export type { Poids } from './demande.ts'
/** Default time limit of the exact solver. */
export const TEMPS_LIMITE_DEFAUT_MS = 5_000

export type ParametresOptimisation = Readonly<{
  departement: string
  rayonKm: number
  masque: number
  nombrePostes: number
  candidats: Candidats
  poids: Poids
  tempsLimiteMs?: number
  /** Where the inhabitants to cover are counted: on the 1 km cells, or at commune centres (the default here). */
  methode?: Methode
  /**
   * The state after a what-if scenario, for the cells and communes it changes: the demand is then the uncovered
   * inhabitants that remain once the scenario's postes are added and its lieux withdrawn.
   */
  apresScenario?: ApresScenario
}>

/** A proposed site: a commune's centre (`commune` its index) or an existing structure (`lieuId`). */
export type Site = Readonly<{ longitude: number; latitude: number; commune: number | null; lieuId: number | null; nom: string; gain: number }>

export type ResultatOptimisation =
  | Readonly<{
      ok: true
      /** Chosen sites, largest marginal gain first; `gain` is what each adds to those before it. */
      sites: Site[]
      objectif: number
      objectifGlouton: number
      /** Whether `objectif` is proven to be the optimum. */
      optimal: boolean
      /** (objectif − objectifGlouton) / objectif: how far the greedy answer falls short; 0 when objectif is 0. */
      ecart: number
      /** Proven upper bound of the optimum. */
      borneSuperieure: number
      /** How the retained solution was found: by HiGHS, or by the greedy (then proven by a bound when `optimal`). */
      methode: 'exacte' | 'gloutonne'
      /** Why `optimal` is false; null when it is true. */
      raison: RaisonNonOptimal | null
      /** Communes holding demand, demand points given to the solver (cells merged when they have the same candidates), total weight. */
      demande: Readonly<{ communes: number; points: number; poids: number }>
      nbCandidats: number
      dureeMs: number
    }>
  | Readonly<{ ok: false; motif: string }>

/** A département's instance and what its candidates are. */
export type ProblemeDepartement = Readonly<{
  instance: InstanceMclp
  /** How many communes hold demand. */
  communesDemande: number
  site: (c: number) => Omit<Site, 'gain'>
}>

/**
 * Builds the covering instance of a département. With `centres`: demand = its zones blanches (for this offre and
 * radius, after the scenario when one is given) with a positive population, weighted by population or population × IFN (a commune
 * without IFN takes the département's population-weighted mean IFN, and the national one when the
 * département has none); a candidate covers a commune when their great-circle distance is ≤ rayonKm.
 * With `carreaux`: demand = its uncovered inhabited cells and uncovered communes counted at their centre
 * (`unitesDemande`, same weights by their commune's IFN), a candidate covering a cell whose centre is within rayonKm;
 * cells reached by the same candidates are merged into one demand point (`fusionnerDemandes`).
 * Candidates: every commune centre of the département, or every lieu of the département that is not
 * already part of the offre (inactive or of another catégorie) — a lieu of the offre covers nothing new.
 * @returns undefined for an unknown département.
 */
export function buildProbleme(moteur: Moteur, departement: string, rayonKm: number, masque: number, candidats: Candidats, poids: Poids,
  options: Readonly<{ methode?: Methode | undefined; apres?: ApresScenario | undefined }> = {}): ProblemeDepartement | undefined {
  checkParametres({ rayonKm, masque })
  const { index } = moteur
  const { communes, lieux } = index
  const k = index.departementParCode.get(departement)
  if (k === undefined) return undefined
  const duDepartement: number[] = []
  for (let i = 0; i < communes.n; i++) if (index.departementCommune[i] === k) duDepartement.push(i)
  let positions: { longitude: number; latitude: number }[]
  let site: (c: number) => Omit<Site, 'gain'>
  if (candidats === 'communes') {
    positions = duDepartement.map((i) => ({ longitude: communes.longitude[i]!, latitude: communes.latitude[i]! }))
    site = (c) => {
      const i = duDepartement[c]!
      return { longitude: communes.longitude[i]!, latitude: communes.latitude[i]!, commune: i, lieuId: null, nom: communes.nom[i]! }
    }
  } else {
    const structures: number[] = []
    for (let j = 0; j < lieux.n; j++)
      if (index.departementLieu[j] === k && !(lieux.actif[j] === 1 && (lieux.categories[j]! & masque) !== 0)) structures.push(j)
    positions = structures.map((j) => ({ longitude: lieux.longitude[j]!, latitude: lieux.latitude[j]! }))
    site = (c) => {
      const j = structures[c]!
      return { longitude: lieux.longitude[j]!, latitude: lieux.latitude[j]!, commune: null, lieuId: lieux.id[j]!, nom: lieux.nom[j]! }
    }
  }
  if (options.methode === 'carreaux') {
    const u = unitesDemande(moteur, departement, { rayonKm, masque }, poids, options.apres)!
    const instance = { nbCandidats: positions.length, poids: u.poids, ...couplesParLatitude(positions, u.longitude, u.latitude, rayonKm) }
    return { instance: fusionnerDemandes(instance).instance, communesDemande: new Set(u.commune).size, site }
  }
  const couverture = moteur.couverture({ rayonKm, masque })
  const apresScenario = options.apres?.centres ?? new Map<number, boolean>()
  const demande = duDepartement.filter((i) => !(apresScenario.get(i) ?? couverture.couverte[i] === 1) && communes.population[i]! > 0)
  const poidsDe = ponderation(moteur, duDepartement, poids)
  const w = Float64Array.from(demande, (i) => poidsDe(i, communes.population[i]!))
  const couples = couplesParLatitude(positions, Float64Array.from(demande, (i) => communes.longitude[i]!), Float64Array.from(demande, (i) => communes.latitude[i]!), rayonKm)
  return { instance: { nbCandidats: positions.length, poids: w, ...couples }, communesDemande: demande.length, site }
}

const KM_PAR_DEGRE = (RAYON_TERRE_KM * Math.PI) / 180

/**
 * The points within rayonKm of each position, as CSR lists (increasing point index). Points are scanned in a latitude
 * window: a great-circle distance is at least R·|Δφ|, so no point outside it can be in reach (the window is widened by
 * a millionth against rounding; haversine decides).
 */
function couplesParLatitude(positions: readonly { longitude: number; latitude: number }[], longitude: Float64Array, latitude: Float64Array, rayonKm: number) {
  const ordre = Array.from({ length: latitude.length }, (_, t) => t).sort((a, b) => latitude[a]! - latitude[b]! || a - b)
  const lat = Float64Array.from(ordre, (t) => latitude[t]!)
  const fenetre = (rayonKm / KM_PAR_DEGRE) * (1 + 1e-6) + 1e-9
  const debut = new Int32Array(positions.length + 1)
  const couples: number[] = []
  positions.forEach((pos, c) => {
    const dedans: number[] = []
    for (let r = premierAuMoins(lat, pos.latitude - fenetre); r < lat.length && lat[r]! <= pos.latitude + fenetre; r++) {
      const t = ordre[r]!
      if (haversineKm(pos.longitude, pos.latitude, longitude[t]!, latitude[t]!) <= rayonKm) dedans.push(t)
    }
    dedans.sort((a, b) => a - b)
    for (const t of dedans) couples.push(t)
    debut[c + 1] = couples.length
  })
  return { debut, demandes: Int32Array.from(couples) }
}

function premierAuMoins(tries: Float64Array, valeur: number): number {
  let bas = 0
  let haut = tries.length
  while (bas < haut) {
    const m = (bas + haut) >> 1
    if (tries[m]! < valeur) bas = m + 1
    else haut = m
  }
  return bas
}

/**
 * Why a result is not proven optimal: the solver failed (its error is logged), stopped at its time limit (or the
 * national time budget left it out), or the instance exceeds what it is given (`LIMITE_EXACT`).
 */
export type RaisonNonOptimal = 'erreur-solveur' | 'temps-limite' | 'trop-grand'

/**
 * Whether a weight reaches a bound. Population × IFN weights are decimals summed in different orders by the greedy,
 * the bounds and the solver (176,235.2 against 176,235.19999999998 for Corse-du-Sud), so « equal » allows for the
 * rounding of those sums; population weights are integers and compare exactly.
 */
export const atteint = (valeur: number, borne: number): boolean => valeur >= borne - 1e-9 * Math.max(1, Math.abs(borne))

/**
 * Exact when it fits and finishes in time, greedy otherwise: the better of both, whether it is proven optimal, and
 * if not, why. The greedy is proven optimal without the solver when it reaches a bound no p sites can beat (it covers
 * everything coverable, or the p best single sites), or when p = 1 (it picks the best single site).
 * @param sansSolveur the reason to give when `highs` is undefined (it failed to load; or a budget left it out).
 */
export function resoudre(highs: Highs | undefined, instance: InstanceMclp, p: number, tempsLimiteMs: number, sansSolveur: RaisonNonOptimal = 'erreur-solveur') {
  const glouton = gloutonMclp(instance, p)
  const borneTriviale = Math.min(poidsCouvrable(instance), premiersGains(instance, p))
  const gloutonne = (optimal: boolean, borne: number, raison: RaisonNonOptimal | null) =>
    ({ solution: glouton, glouton, optimal, borne, methode: 'gloutonne' as const, raison: optimal ? null : raison })
  if (p === 1 || atteint(glouton.objectif, borneTriviale)) return gloutonne(true, Math.max(glouton.objectif, borneTriviale), null)
  if (highs === undefined) return gloutonne(false, borneTriviale, sansSolveur)
  const exact = exactMclp(highs, instance, p, tempsLimiteMs / 1000)
  if (exact.solution === null) return gloutonne(false, borneTriviale, exact.statut === 'trop-grand' ? 'trop-grand' : 'erreur-solveur')
  const prouve = exact.statut === 'optimal'
  const borne = prouve ? exact.solution.objectif : Math.min(borneTriviale, exact.borne ?? Infinity)
  if (exact.solution.objectif < glouton.objectif) return gloutonne(prouve || atteint(glouton.objectif, borne), Math.max(borne, glouton.objectif), 'temps-limite')
  const optimal = prouve || atteint(exact.solution.objectif, borne)
  return { solution: exact.solution, glouton, optimal, borne, methode: 'exacte' as const, raison: optimal ? null : ('temps-limite' as const) }
}

/** Sum of the p largest single-site weights: a bound no p sites can beat. */
function premiersGains(instance: InstanceMclp, p: number): number {
  const seuls = Array.from({ length: instance.nbCandidats }, (_, c) => objectifMclp(instance, [c])).sort((a, b) => b - a)
  return seuls.slice(0, p).reduce((a, b) => a + b, 0)
}

/**
 * Where to place `nombrePostes` new postes in a département to cover the most zone-blanche population
 * (MCLP, see optimisation-mclp.ts). `highs` undefined means greedy only.
 */
export function optimiserDepartement(moteur: Moteur, highs: Highs | undefined, params: ParametresOptimisation): ResultatOptimisation {
  const debut = performance.now()
  const { departement, rayonKm, masque, nombrePostes, candidats, poids } = params
  if (!Number.isInteger(nombrePostes) || nombrePostes < 1 || nombrePostes > MAX_POSTES_DEPARTEMENT)
    return { ok: false, motif: `nombrePostes doit être un entier de 1 à ${MAX_POSTES_DEPARTEMENT}.` }
  const probleme = buildProbleme(moteur, departement, rayonKm, masque, candidats, poids, { methode: params.methode, apres: params.apresScenario })
  if (probleme === undefined) return { ok: false, motif: `Département inconnu : ${departement}` }
  const { instance, site } = probleme
  const r = resoudre(highs, instance, nombrePostes, params.tempsLimiteMs ?? TEMPS_LIMITE_DEFAUT_MS)
  const objectif = r.solution.objectif
  return {
    ok: true,
    sites: r.solution.choisis.map((c, k) => ({ ...site(c), gain: r.solution.gains[k]! })),
    objectif,
    objectifGlouton: r.glouton.objectif,
    optimal: r.optimal,
    ecart: objectif > 0 ? (objectif - r.glouton.objectif) / objectif : 0,
    borneSuperieure: r.borne,
    methode: r.methode,
    raison: r.raison,
    demande: { communes: probleme.communesDemande, points: instance.poids.length, poids: instance.poids.reduce((a, b) => a + b, 0) },
    nbCandidats: instance.nbCandidats,
    dureeMs: performance.now() - debut,
  }
}
