import type { Highs } from 'highs'
import { coutEtatEuros, type TypeStructure } from '../domain/candidature.ts'
import { fusionnerDemandes, Lru, resoudreBudget, unitesDemande, type InstanceBudget, type Moteur, type Poids, type ResultatBudget, type Simulateur } from '../spatial/index.ts'

/** What the evaluation of a candidature reads: where its postes go, how many, and who funds them at which rate. */
export type PostesCandidature = Readonly<{ longitude: number; latitude: number; postes: number; type: TypeStructure }>

/**
 * What one candidature would bring on its own, from the what-if simulator (the engine of /api/simulations) counting
 * inhabitants on the 1 km cells, as the dashboard does.
 */
export type Evaluation = Readonly<{
  /** Uncovered inhabitants of the département it would newly cover: the drop of populationZonesBlanches of its simulation. */
  gain: number
  /** The same inhabitants weighted by the IFN of their commune (the département's mean IFN where a commune has none), as the optimisation weighs them. */
  populationPonderee: number
  /** Keys of the demand units (`unitesDemande`: cells, or communes counted at their centre) it newly covers. */
  couvertes: readonly number[]
  /** Engine index of the communes of the département whose statut it changes (blanche or partielle before). */
  communes: readonly number[]
  coutEtatEuros: number
}>

type Deps = Readonly<{ moteur: Moteur; simulateur: Simulateur }>
export type Parametres = Readonly<{ departement: string; rayonKm: number; masque: number }>

/** Weight and population of each uncovered demand unit of the département, by key (see `unitesDemande`). */
export function poidsUnites(moteur: Moteur, p: Parametres, poids: Poids): Map<number, Readonly<{ poids: number; population: number }>> {
  const u = unitesDemande(moteur, p.departement, p, poids)
  if (u === undefined) throw new Error(`poidsUnites: unknown département ${p.departement}`)
  return new Map(Array.from(u.cle, (c, t) => [c, { poids: u.poids[t]!, population: u.population[t]! }] as const))
}

/**
 * Simulates each candidature alone (its postes added at its location), on the cells, and reads what it changes in its
 * département. Coverage only grows when lieux are added, so the demand units a set of candidatures covers are the
 * union of theirs.
 */
export function evaluerCandidatures(deps: Deps, p: Parametres, candidatures: readonly PostesCandidature[], cache?: CacheEvaluations): Evaluation[] {
  let ponderation: Map<number, Readonly<{ poids: number; population: number }>> | undefined
  const { carreaux } = deps.moteur
  return candidatures.map((c) => {
    const evaluer = () => {
      ponderation ??= poidsUnites(deps.moteur, p, 'population-ifn')
      const r = deps.simulateur.simuler({
        departement: p.departement, rayonKm: p.rayonKm, masque: p.masque, retraits: [], methode: 'carreaux',
        ajouts: [{ longitude: c.longitude, latitude: c.latitude, conseillers: c.postes }],
      })
      if (!r.ok) throw new Error(`evaluerCandidatures: simulation refused at [${c.longitude}, ${c.latitude}]: ${r.motif}`)
      // Units of the département uncovered before (the weights' keys) and covered after: cells, then centres.
      const couvertes: number[] = []
      r.carreauxRecalcules.carreau.forEach((k, t) => {
        if (r.carreauxRecalcules.distanceKm[t]! <= p.rayonKm && ponderation!.has(k)) couvertes.push(k)
      })
      const changees = r.communesChangees.filter((ch) => ch.departement === p.departement)
      for (const ch of changees) if (ch.apres === 'couverte' && ponderation.has(carreaux.n + ch.commune)) couvertes.push(carreaux.n + ch.commune)
      return {
        gain: r.avant.populationZonesBlanches - r.apres.populationZonesBlanches,
        populationPonderee: couvertes.reduce((s, u) => s + ponderation!.get(u)!.poids, 0),
        couvertes,
        communes: changees.map((ch) => ch.commune),
      }
    }
    const e = cache === undefined ? evaluer() : cache.getOrCompute(cleEvaluation(p, c), evaluer)
    return { ...e, coutEtatEuros: coutEtatEuros(c.type, c.postes) }
  })
}

/**
 * Evaluations by département, parameters, place and postes: they depend on nothing else until the next import of the
 * reference data, which restarts the server; a list of candidatures is then simulated once.
 */
export type CacheEvaluations = Lru<string, Omit<Evaluation, 'coutEtatEuros'>>
export const cacheEvaluations = (capacite = 20_000): CacheEvaluations => new Lru(capacite)

/** What an evaluation depends on: its key in a CacheEvaluations. */
export const cleEvaluation = (p: Parametres, c: PostesCandidature): string =>
  `${p.departement}|${p.rayonKm}|${p.masque}|${c.longitude}|${c.latitude}|${c.postes}`

/** The task of the computation pool that evaluates candidatures (taches.ts): parameters and the candidatures. */
export type ParametresEvaluation = Parametres & Readonly<{ candidatures: readonly PostesCandidature[] }>

/**
 * The evaluations of `candidatures`, those missing from `cache` computed by `calculer` (in the computation pool: about
 * 1 ms of simulation each, seconds for a large département), each distinct place and postes once, then kept in the
 * cache. Cached ones are read before `calculer` runs: other requests may push them out meanwhile.
 * When `calculer` refuses (queue full, time out), its refusal is passed on.
 */
export async function evaluerAvecCache<R>(
  cache: CacheEvaluations,
  p: Parametres,
  candidatures: readonly (PostesCandidature & Readonly<{ type: TypeStructure }>)[],
  calculer: (params: ParametresEvaluation) => Promise<{ ok: true; resultat: readonly Omit<Evaluation, 'coutEtatEuros'>[] } | { ok: false; refus: R }>,
): Promise<{ ok: true; evaluations: Evaluation[] } | { ok: false; refus: R }> {
  const cles = candidatures.map((c) => cleEvaluation(p, c))
  const connues = new Map<string, Omit<Evaluation, 'coutEtatEuros'>>()
  const manquantes = new Map<string, PostesCandidature>()
  cles.forEach((cle, k) => {
    if (connues.has(cle) || manquantes.has(cle)) return
    if (cache.has(cle)) connues.set(cle, cache.getOrCompute(cle, () => { throw new Error('unreachable: key checked') }))
    else {
      const { longitude, latitude, postes, type } = candidatures[k]!
      manquantes.set(cle, { longitude, latitude, postes, type })
    }
  })
  if (manquantes.size > 0) {
    const calcul = await calculer({ ...p, candidatures: [...manquantes.values()] })
    if (!calcul.ok) return calcul
    const resultat = calcul.resultat
    if (resultat.length !== manquantes.size) throw new Error(`evaluerAvecCache: ${resultat.length} evaluations for ${manquantes.size} candidatures`)
    ;[...manquantes.keys()].forEach((cle, k) => {
      connues.set(cle, resultat[k]!)
      cache.getOrCompute(cle, () => resultat[k]!)
    })
  }
  return { ok: true, evaluations: candidatures.map((c, k) => ({ ...connues.get(cles[k]!)!, coutEtatEuros: coutEtatEuros(c.type, c.postes) })) }
}

export type ParametresSelection = Parametres & Readonly<{
  poids: Poids
  candidatures: readonly PostesCandidature[]
  /** The budget is State funding in euros, or a number of postes. */
  unite: 'euros' | 'postes'
  budget: number
  tempsLimiteMs: number
}>
export type ResultatSelection = ResultatBudget & Readonly<{ gainPopulation: number; coutEuros: number }>

/**
 * The candidatures to fund within the budget: each simulated alone, then the budgeted covering of what they cover
 * solved (exact with `highs`, greedy beside it). `gainPopulation`: inhabitants the retained set newly covers together.
 */
export function selectionnerCandidatures(deps: Deps, highs: Highs | undefined, p: ParametresSelection): ResultatSelection {
  const evaluations = evaluerCandidatures(deps, p, p.candidatures)
  const couts = p.unite === 'euros' ? evaluations.map((e) => e.coutEtatEuros) : p.candidatures.map((c) => c.postes)
  // One reading of the demand units: their weights for the solver, their populations for the gain.
  const unites = poidsUnites(deps.moteur, p, p.poids)
  const r = resoudreBudget(highs, instanceSelection(deps.moteur, p, p.poids, evaluations, couts, unites), p.budget, p.tempsLimiteMs)
  const couvertes = new Set(r.choisis.flatMap((k) => evaluations[k]!.couvertes))
  return {
    ...r,
    gainPopulation: [...couvertes].reduce((s, u) => s + unites.get(u)!.population, 0),
    coutEuros: r.choisis.reduce((s, k) => s + evaluations[k]!.coutEtatEuros, 0),
  }
}

/**
 * The budgeted covering instance of candidatures: demand = the département's uncovered inhabitants, cell by cell
 * (weighted by `poids`), candidate k covers what its simulation covers, and costs `couts[k]`.
 */
export function instanceSelection(
  moteur: Moteur, p: Parametres, poids: Poids, evaluations: readonly Evaluation[], couts: readonly number[],
  ponderation = poidsUnites(moteur, p, poids),
): InstanceBudget {
  const indice = new Map<number, number>()
  const w: number[] = []
  const debut = new Int32Array(evaluations.length + 1)
  const demandes: number[] = []
  evaluations.forEach((e, k) => {
    for (const i of e.couvertes) {
      let d = indice.get(i)
      if (d === undefined) {
        d = w.length
        indice.set(i, d)
        w.push(ponderation.get(i)?.poids ?? 0)
      }
      demandes.push(d)
    }
    debut[k + 1] = demandes.length
  })
  // Cells reached by the same candidatures count as one point: same objective for every set, a smaller MIP.
  const { instance } = fusionnerDemandes({ nbCandidats: evaluations.length, poids: Float64Array.from(w), debut, demandes: Int32Array.from(demandes) })
  return { ...instance, couts: Float64Array.from(couts) }
}
