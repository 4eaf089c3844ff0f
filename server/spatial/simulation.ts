import { STATUTS_COMMUNE, type Methode, type StatutCouverture } from '../domain/methode.ts'
import { bitCategorie, CATEGORIES } from '../domain/offre.ts'
import { POIDS_APL } from './accessibilite.ts'
import { distanceCarreau } from './carreaux.ts'
import type { Chiffres } from './chiffres.ts'
import { checkParametres, type Couverture } from './couverture.ts'
import { calculerCouvertureCarreaux } from './couverture-carreaux.ts'
import { chord2FromKm, haversineKm, toUnitVectors } from './geo.ts'
import { withinSlots } from './kd-tree-3d.ts'
import type { Moteur } from './moteur.ts'
import { buildSimulateurCarreaux, changementsParCarreaux, type CarreauxRecalcules } from './simulation-carreaux.ts'
import { buildPerimetre, chiffresDuPerimetre, lieuxApres, type Perimetre } from './simulation-chiffres.ts'
import { buildMaxParNoeud, plusProcheSlotHors, slotsAPorteeVariable } from './simulation-voisinage.ts'

import { MAX_AJOUTS, MAX_CONSEILLERS_AJOUT } from '../domain/planification.ts'

export { MAX_AJOUTS, MAX_CONSEILLERS_AJOUT } from '../domain/planification.ts'
export { FINANCEMENT_POSTE_PUBLIC_EUROS } from './simulation-chiffres.ts'

/** A poste added at a point: a lieu of catégorie conseillers-numeriques with `conseillers` postes. */
export type Ajout = Readonly<{ longitude: number; latitude: number; conseillers: number }>
/**
 * A what-if scenario on one département: postes added, lieux (by lieu.id) withdrawn. `methode` says where inhabitants
 * are counted (default `centres`, the engine's): with `carreaux`, figures and statuts are those of the 1 km cells.
 */
export type Scenario = Readonly<{ departement: string; rayonKm: number; masque: number; ajouts: readonly Ajout[]; retraits: readonly number[]; methode?: Methode }>
/** `partielle` only with the cells. */
export type StatutCommune = StatutCouverture
export type CommuneChangee = Readonly<{ commune: number; code: string; nom: string; departement: string; population: number; avant: StatutCommune; apres: StatutCommune }>
/** New state of every recomputed commune; the others keep the engine's values. */
export type CommunesRecalculees = Readonly<{
  commune: Int32Array
  distanceKm: Float64Array
  /** lieu.id of the nearest lieu; the k-th ajout has id `idsAjouts[k]`; -1 when none is left. */
  lieuPlusProche: Int32Array
  couverte: Uint8Array
  accessibilite: Float64Array
}>
export type ResultatSimulation =
  | Readonly<{
      ok: true
      methode: Methode
      /** The figures of the département by `methode`, before and after. */
      avant: Chiffres
      apres: Chiffres
      /** Communes whose status changed, in every département, most populated first (then by code). */
      communesChangees: CommuneChangee[]
      /** Commune centres recomputed (both methods: accessibility and the communes without cells use them). */
      recalculees: CommunesRecalculees
      /** With `carreaux`: the cells recomputed and their new offre distance (none with `centres`). */
      carreauxRecalcules: CarreauxRecalcules
      /** lieu.id given to each ajout: after the largest existing id, in order. */
      idsAjouts: Int32Array
    }>
  | Readonly<{ ok: false; motif: string }>

export type Simulateur = Readonly<{
  /** Applies a scenario to the engine's cached coverage; a refused scenario is a result, not an exception. */
  simuler(scenario: Scenario): ResultatSimulation
}>

const BIT_CONSEILLERS = bitCategorie('conseillers-numeriques')
/** The cells' part of a simulation by cells: new offre distance of the recomputed cells, and any cell's before. */
type ParCarreaux = Readonly<{ nouvelles: ReadonlyMap<number, number>; distanceAvant: (c: number) => number }>

/**
 * Builds the what-if simulator over an engine. Incremental: only the communes an added or withdrawn
 * lieu can change are recomputed — its 2SFCA catchment (1.5 × rayonKm) for accessibility, and the
 * communes it was or may become the nearest lieu of. The 2SFCA ratio of a lieu depends only on the
 * populations around it (accessibilite.ts, step 1), so adding or withdrawing a lieu adds or subtracts
 * its own contribution and leaves every other lieu's untouched. Figures are then aggregated by
 * `calculerChiffres` over the département (simulation-chiffres.ts).
 */
export function buildSimulateur(moteur: Moteur): Simulateur {
  const { index, carreaux } = moteur
  const { communes, lieux, arbreCommunes, xyzCommunes, xyzLieux, offreLieux } = index
  const n = communes.n
  const indexParId = new Map<number, number>()
  let maxId = 0
  for (let j = 0; j < lieux.n; j++) {
    indexParId.set(lieux.id[j]!, j)
    if (lieux.id[j]! > maxId) maxId = lieux.id[j]!
  }
  const perimetres = new Map<number, Perimetre>()
  const simulateurCarreaux = buildSimulateurCarreaux(carreaux, moteur.plusProchesCarreaux, lieux, xyzLieux, CATEGORIES.map((_, b) => index.arbresLieux[1 << b]!))
  // Per base nearest-lieu array (shared by every radius of a mask): squared chord to it, by commune-tree slot, and its node maxima.
  const bornes = new WeakMap<Int32Array, { rayon2Slot: Float64Array; maxParNoeud: Float64Array }>()
  // Work buffers, reused; `marque[i] === epoque` says commune i was touched by the current call.
  const marque = new Int32Array(n)
  const aRecalculer = new Int32Array(n)
  let epoque = 0
  const d2Courant = new Float64Array(n)
  const cleCourante = new Int32Array(n)
  const lieuCourant = new Int32Array(n)
  const deltaAcc = new Float64Array(n)
  const exclus = new Uint8Array(lieux.n)
  const slots = new Int32Array(n)
  const d2s = new Float64Array(n)

  const chord2 = (i: number, x: number, y: number, z: number): number => {
    // Same operands and order as the engine's tree searches (lieu − commune, squared): identical results.
    const dx = x - xyzCommunes[3 * i]!
    const dy = y - xyzCommunes[3 * i + 1]!
    const dz = z - xyzCommunes[3 * i + 2]!
    return dx * dx + dy * dy + dz * dz
  }
  const bornesDe = (base: Couverture) => {
    let b = bornes.get(base.plusProche)
    if (b === undefined) {
      const rayon2Slot = new Float64Array(arbreCommunes.size)
      for (let s = 0; s < arbreCommunes.size; s++) {
        const i = arbreCommunes.ids[s]!
        const j = base.plusProche[i]!
        rayon2Slot[s] = j < 0 ? Infinity : chord2(i, xyzLieux[3 * j]!, xyzLieux[3 * j + 1]!, xyzLieux[3 * j + 2]!)
      }
      b = { rayon2Slot, maxParNoeud: buildMaxParNoeud(arbreCommunes, rayon2Slot) }
      bornes.set(base.plusProche, b)
    }
    return b
  }

  const simuler = (scenario: Scenario): ResultatSimulation => {
    const { departement, rayonKm, masque, ajouts, retraits } = scenario
    checkParametres({ rayonKm, masque })
    const k = index.departementParCode.get(departement)
    if (k === undefined) return { ok: false, motif: `Département inconnu : ${departement}` }
    const refus = verifierScenario(scenario, k)
    if (refus !== undefined) return { ok: false, motif: refus }

    const base = moteur.couverture({ rayonKm, masque })
    const arbreLieux = index.arbresLieux[masque]!
    const nbA = ajouts.length
    const xyzAjouts = toUnitVectors(Float64Array.from(ajouts, (a) => a.longitude), Float64Array.from(ajouts, (a) => a.latitude), new Float64Array(3 * nbA))
    const idsAjouts = Int32Array.from(ajouts, (_, a) => maxId + 1 + a)
    const retires = [...new Set(retraits.map((id) => indexParId.get(id)!))].filter((j) => lieux.actif[j] === 1 && (lieux.categories[j]! & masque) !== 0)

    epoque++
    const touches: number[] = []
    const toucher = (i: number): void => {
      if (marque[i] === epoque) return
      marque[i] = epoque
      const j = base.plusProche[i]!
      d2Courant[i] = j < 0 ? Infinity : chord2(i, xyzLieux[3 * j]!, xyzLieux[3 * j + 1]!, xyzLieux[3 * j + 2]!)
      cleCourante[i] = j < 0 ? 0 : lieux.id[j]!
      lieuCourant[i] = j
      deltaAcc[i] = 0
      touches.push(i)
    }
    const proposer = (i: number, d2: number, cle: number, lieu: number): void => {
      if (d2 < d2Courant[i]! || (d2 === d2Courant[i]! && cle < cleCourante[i]!)) {
        d2Courant[i] = d2
        cleCourante[i] = cle
        lieuCourant[i] = lieu
      }
    }
    const { rayon2Slot, maxParNoeud } = bornesDe(base)

    // 1. Communes whose nearest lieu is withdrawn: next nearest among the remaining lieux and the ajouts.
    for (const j of retires) exclus[j] = 1
    for (const j of retires) {
      const nb = slotsAPorteeVariable(arbreCommunes, rayon2Slot, maxParNoeud, xyzLieux[3 * j]!, xyzLieux[3 * j + 1]!, xyzLieux[3 * j + 2]!, slots, d2s)
      for (let t = 0; t < nb; t++) {
        const i = arbreCommunes.ids[slots[t]!]!
        if (base.plusProche[i] !== j) continue
        toucher(i)
        aRecalculer[i] = epoque
      }
    }
    for (const i of touches) {
      const x = xyzCommunes[3 * i]!
      const y = xyzCommunes[3 * i + 1]!
      const z = xyzCommunes[3 * i + 2]!
      const s = plusProcheSlotHors(arbreLieux, x, y, z, exclus)
      const j = s < 0 ? -1 : arbreLieux.ids[s]!
      d2Courant[i] = j < 0 ? Infinity : chord2(i, xyzLieux[3 * j]!, xyzLieux[3 * j + 1]!, xyzLieux[3 * j + 2]!)
      cleCourante[i] = j < 0 ? 0 : lieux.id[j]!
      lieuCourant[i] = j
      for (let a = 0; a < nbA; a++) proposer(i, chord2(i, xyzAjouts[3 * a]!, xyzAjouts[3 * a + 1]!, xyzAjouts[3 * a + 2]!), idsAjouts[a]!, lieux.n + a)
    }
    for (const j of retires) exclus[j] = 0

    // 2. Communes an ajout may be nearer to than their current nearest lieu (the others already saw every ajout).
    for (let a = 0; a < nbA; a++) {
      const nb = slotsAPorteeVariable(arbreCommunes, rayon2Slot, maxParNoeud, xyzAjouts[3 * a]!, xyzAjouts[3 * a + 1]!, xyzAjouts[3 * a + 2]!, slots, d2s)
      for (let t = 0; t < nb; t++) {
        const i = arbreCommunes.ids[slots[t]!]!
        if (aRecalculer[i] === epoque) continue
        toucher(i)
        proposer(i, d2s[t]!, idsAjouts[a]!, lieux.n + a)
      }
    }

    // 3. 2SFCA: subtract each withdrawn lieu's contribution, add each ajout's.
    const r2Demi = chord2FromKm(rayonKm / 2)
    const r2 = chord2FromKm(rayonKm)
    const r2Max = chord2FromKm(1.5 * rayonKm)
    const contribuer = (x: number, y: number, z: number, offre: number, signe: number): void => {
      const nb = withinSlots(arbreCommunes, x, y, z, r2Max, slots, d2s)
      let demande = 0
      for (let t = 0; t < nb; t++) {
        const e = d2s[t]!
        const w = e <= r2Demi ? POIDS_APL.moinsDeDemiRayon : e <= r2 ? POIDS_APL.moinsDeRayon : POIDS_APL.moinsDeRayonEtDemi
        d2s[t] = w
        demande += w * communes.population[arbreCommunes.ids[slots[t]!]!]!
      }
      if (demande === 0) return
      const ratio = offre / demande
      for (let t = 0; t < nb; t++) {
        const i = arbreCommunes.ids[slots[t]!]!
        toucher(i)
        deltaAcc[i]! += signe * d2s[t]! * ratio
      }
    }
    for (const j of retires) contribuer(xyzLieux[3 * j]!, xyzLieux[3 * j + 1]!, xyzLieux[3 * j + 2]!, offreLieux[j]!, -1)
    for (let a = 0; a < nbA; a++) contribuer(xyzAjouts[3 * a]!, xyzAjouts[3 * a + 1]!, xyzAjouts[3 * a + 2]!, ajouts[a]!.conseillers, 1)

    // 4. New state of the touched communes.
    const m = touches.length
    const recalculees = {
      commune: Int32Array.from(touches),
      distanceKm: new Float64Array(m),
      lieuPlusProche: new Int32Array(m),
      couverte: new Uint8Array(m),
      accessibilite: new Float64Array(m),
    }
    const methode = scenario.methode ?? 'centres'
    let communesChangees: CommuneChangee[] = []
    const changee = (i: number, avant: StatutCommune, apres: StatutCommune): CommuneChangee =>
      ({ commune: i, code: communes.code[i]!, nom: communes.nom[i]!, departement: communes.departement[i]!, population: communes.population[i]!, avant, apres })
    touches.forEach((i, t) => {
      const j = lieuCourant[i]!
      const d = j === base.plusProche[i] ? base.distanceKm[i]!
        : j < 0 ? Infinity
        : j < lieux.n ? haversineKm(communes.longitude[i]!, communes.latitude[i]!, lieux.longitude[j]!, lieux.latitude[j]!)
        : haversineKm(communes.longitude[i]!, communes.latitude[i]!, ajouts[j - lieux.n]!.longitude, ajouts[j - lieux.n]!.latitude)
      recalculees.distanceKm[t] = d
      recalculees.lieuPlusProche[t] = j < 0 ? -1 : j < lieux.n ? lieux.id[j]! : idsAjouts[j - lieux.n]!
      recalculees.couverte[t] = d <= rayonKm ? 1 : 0
      // Subtracting a contribution can leave a rounding residue below 0 where nothing is in reach any more.
      recalculees.accessibilite[t] = deltaAcc[i] === 0 ? base.accessibilite[i]! : Math.max(0, base.accessibilite[i]! + deltaAcc[i]! * 10_000)
      if (methode === 'centres' && recalculees.couverte[t] !== base.couverte[i])
        communesChangees.push(changee(i, base.couverte[i] === 1 ? 'couverte' : 'blanche', recalculees.couverte[t] === 1 ? 'couverte' : 'blanche'))
    })

    // 5. With cells: the cells whose nearest lieu changes, and the statuts and figures they give.
    let carreauxRecalcules: CarreauxRecalcules = { carreau: new Int32Array(0), distanceKm: new Float64Array(0) }
    let parCarreaux: ParCarreaux | undefined
    if (methode === 'carreaux') {
      for (const j of retires) exclus[j] = 1
      const ajoutsCarreaux = { xyz: xyzAjouts, longitude: Float64Array.from(ajouts, (a) => a.longitude), latitude: Float64Array.from(ajouts, (a) => a.latitude), ids: idsAjouts }
      carreauxRecalcules = simulateurCarreaux.simuler(masque, ajoutsCarreaux, retires, exclus)
      for (const j of retires) exclus[j] = 0
      const nouvelles = new Map(Array.from(carreauxRecalcules.carreau, (c, t) => [c, carreauxRecalcules.distanceKm[t]!] as const))
      const distanceAvant = (c: number): number => distanceCarreau(moteur.distancesCarreaux, carreaux.n, c, masque)
      parCarreaux = { nouvelles, distanceAvant }
      communesChangees = changementsParCarreaux(communes, carreaux, rayonKm, distanceAvant, nouvelles, recalculees, base.couverte)
        .map(({ commune: i, avant, apres }) => changee(i, STATUTS_COMMUNE[avant]!, STATUTS_COMMUNE[apres]!))
    }
    communesChangees.sort((a, b) => b.population - a.population || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))

    const avant = moteur.chiffresDepartement(departement, { rayonKm, masque }, methode)!.chiffres
    const apres = chiffresApres(k, base, recalculees, scenario, retires, parCarreaux)
    return { ok: true, methode, avant, apres, communesChangees, recalculees, carreauxRecalcules, idsAjouts }
  }

  const perimetreDe = (k: number): Perimetre => {
    let p = perimetres.get(k)
    if (p === undefined) perimetres.set(k, (p = buildPerimetre(index, k, carreaux)))
    return p
  }

  const chiffresApres = (k: number, base: Couverture, r: CommunesRecalculees, scenario: Scenario, retires: readonly number[], parCarreaux?: ParCarreaux): Chiffres => {
    const p = perimetreDe(k)
    const sub = (a: Float64Array): Float64Array => Float64Array.from(p.communesIndex, (i) => a[i]!)
    const couverture = {
      rayonKm: base.rayonKm,
      masque: base.masque,
      distanceKm: sub(base.distanceKm),
      plusProche: Int32Array.from(p.communesIndex, (i) => base.plusProche[i]!),
      couverte: Uint8Array.from(p.communesIndex, (i) => base.couverte[i]!),
      accessibilite: sub(base.accessibilite),
    }
    const position = new Map<number, number>()
    p.communesIndex.forEach((i, q) => position.set(i, q))
    r.commune.forEach((i, t) => {
      const q = position.get(i)
      if (q === undefined) return
      couverture.distanceKm[q] = r.distanceKm[t]!
      couverture.couverte[q] = r.couverte[t]!
      couverture.accessibilite[q] = r.accessibilite[t]!
    })
    const offreVide = index.arbresLieux[base.masque]!.size - retires.length + scenario.ajouts.length === 0
    const cc = parCarreaux === undefined ? undefined : calculerCouvertureCarreaux(p.communes, p.carreaux,
      Float64Array.from(p.carreauxIndex, (c) => parCarreaux.nouvelles.get(c) ?? parCarreaux.distanceAvant(c)), couverture)
    return chiffresDuPerimetre(index, p, couverture, lieuxApres(lieux, p, scenario, retires, maxId), offreVide, cc)
  }

  /** French reason to refuse the scenario, or undefined. Positions are checked against contours by the caller. */
  const verifierScenario = ({ departement, masque, ajouts, retraits }: Scenario, k: number): string | undefined => {
    if (ajouts.length > MAX_AJOUTS) return `Au plus ${MAX_AJOUTS} ajouts par simulation (reçu ${ajouts.length}).`
    if (ajouts.length > 0 && (masque & BIT_CONSEILLERS) === 0)
      return 'Un poste ajouté est un lieu de conseillers numériques : l’offre doit inclure « conseillers-numeriques ».'
    for (const [a, x] of ajouts.entries()) {
      if (!(x.longitude >= -180 && x.longitude <= 180 && x.latitude >= -90 && x.latitude <= 90))
        return `ajouts[${a}] : position [${x.longitude}, ${x.latitude}] hors des coordonnées WGS84 [lon, lat].`
      if (!Number.isInteger(x.conseillers) || x.conseillers < 1 || x.conseillers > MAX_CONSEILLERS_AJOUT)
        return `ajouts[${a}] : conseillers doit être un entier de 1 à ${MAX_CONSEILLERS_AJOUT}.`
    }
    for (const id of retraits) {
      const j = indexParId.get(id)
      if (j === undefined) return `Lieu inconnu : ${id}.`
      if (index.departementLieu[j] !== k) return `Le lieu ${id} n’est pas dans le département ${departement} (il est dans le ${lieux.departement[j]}).`
    }
    return undefined
  }

  return { simuler }
}
