import { bitCategorie, CATEGORIES } from '../domain/offre.ts'
import type { Carreaux, PlusProchesCarreaux } from './carreaux.ts'
import { BLANCHE, COUVERTE, statutParCarreaux } from './couverture-carreaux.ts'
import type { Lieux } from './donnees.ts'
import { haversineKm, toUnitVectors } from './geo.ts'
import { buildKdTree3, type KdTree3 } from './kd-tree-3d.ts'
import { buildMaxParNoeud, plusProcheSlotHors, slotsAPorteeVariable } from './simulation-voisinage.ts'

const NB_CATEGORIES = CATEGORIES.length
const B_CONSEILLERS = CATEGORIES.indexOf('conseillers-numeriques')
const BIT_CONSEILLERS = bitCategorie('conseillers-numeriques')

/** Cells a scenario changes: their index and new distance to the nearest lieu of the offre. */
export type CarreauxRecalcules = Readonly<{ carreau: Int32Array; distanceKm: Float64Array }>

/** Added postes (catégorie conseillers-numeriques): unit vectors (stride 3), [lng, lat] and lieu.id of each. */
export type AjoutsCarreaux = Readonly<{ xyz: Float64Array; longitude: Float64Array; latitude: Float64Array; ids: Int32Array }>

export type SimulateurCarreaux = Readonly<{
  /**
   * New offre distance of every cell the scenario can change: cells whose nearest lieu of a catégorie of the offre is
   * withdrawn, and cells an ajout is nearer to than their nearest conseillers-numeriques lieu.
   * @param retires lieu indexes withdrawn (active, in the offre), flagged in `exclus` (by lieu index) by the caller.
   */
  simuler(masque: number, ajouts: AjoutsCarreaux, retires: readonly number[], exclus: Uint8Array): CarreauxRecalcules
}>

/**
 * What-if on the 1 km cells, exact against an engine rebuilt with the scenario: each catégorie's nearest lieu of a
 * touched cell is found as the rebuilt engine's kd-tree finds it (squared chords lieu − cell, ties to the smallest
 * lieu.id; ajouts have larger ids than every lieu), then its haversine km; the offre distance is their minimum.
 * The structures are built on first use (~0.3 s nationally, ~20 MB): a kd-tree over the cells, the cells of each
 * lieu by catégorie (which cells a withdrawn lieu was the nearest of), and the squared chord from each cell to its
 * nearest conseillers-numeriques lieu with its node maxima (which cells an ajout may become the nearest of).
 */
export function buildSimulateurCarreaux(
  carreaux: Carreaux,
  plusProches: PlusProchesCarreaux,
  lieux: Lieux,
  xyzLieux: Float64Array,
  arbresCategories: readonly KdTree3[],
): SimulateurCarreaux {
  const { n } = carreaux
  let s: ReturnType<typeof structures> | undefined
  const structures = () => {
    const xyz = toUnitVectors(carreaux.longitude, carreaux.latitude, new Float64Array(3 * n))
    const tous = Int32Array.from({ length: n }, (_, k) => k)
    const arbre = buildKdTree3(tous, xyz, tous)
    // Cells of each (catégorie, lieu): counting sort of plusProches.lieu, catégorie b's lists at b * (lieux.n + 1).
    const debut = new Int32Array(NB_CATEGORIES * (lieux.n + 1) + 1)
    const cellules = new Int32Array(NB_CATEGORIES * n)
    for (let b = 0; b < NB_CATEGORIES; b++)
      for (let k = 0; k < n; k++) {
        const j = plusProches.lieu[b * n + k]!
        if (j >= 0) debut[b * (lieux.n + 1) + j + 1]!++
      }
    for (let t = 0; t < debut.length - 1; t++) debut[t + 1]! += debut[t]!
    const curseur = debut.slice()
    for (let b = 0; b < NB_CATEGORIES; b++)
      for (let k = 0; k < n; k++) {
        const j = plusProches.lieu[b * n + k]!
        if (j >= 0) cellules[curseur[b * (lieux.n + 1) + j]!++] = k
      }
    const rayon2Slot = new Float64Array(n)
    for (let slot = 0; slot < n; slot++) {
      const k = arbre.ids[slot]!
      const j = plusProches.lieu[B_CONSEILLERS * n + k]!
      rayon2Slot[slot] = j < 0 ? Infinity : chord2(xyzLieux, j, xyz, k)
    }
    // `xyz` is dropped here (9 MB nationally): a touched cell's unit vector is computed again by the same function.
    return { arbre, debut, cellules, rayon2Slot, maxParNoeud: buildMaxParNoeud(arbre, rayon2Slot), slots: new Int32Array(n), d2s: new Float64Array(n) }
  }
  const xyzCellule = new Float64Array(3)
  // Work buffers: `marque[k] === epoque` says cell k is touched by the current call, `aRevoir[k]` the catégories to search again.
  const marque = new Int32Array(n)
  const aRevoir = new Uint8Array(n)
  let epoque = 0

  const simuler = (masque: number, ajouts: AjoutsCarreaux, retires: readonly number[], exclus: Uint8Array): CarreauxRecalcules => {
    if (n === 0 || (retires.length === 0 && ajouts.ids.length === 0)) return { carreau: new Int32Array(0), distanceKm: new Float64Array(0) }
    s ??= structures()
    const { arbre, debut, cellules, rayon2Slot, maxParNoeud, slots, d2s } = s
    epoque++
    const touches: number[] = []
    const toucher = (k: number): void => {
      if (marque[k] === epoque) return
      marque[k] = epoque
      aRevoir[k] = 0
      touches.push(k)
    }
    for (const j of retires)
      for (let b = 0; b < NB_CATEGORIES; b++) {
        if ((masque & lieux.categories[j]! & (1 << b)) === 0) continue
        const t0 = debut[b * (lieux.n + 1) + j]!
        const t1 = debut[b * (lieux.n + 1) + j + 1]!
        for (let t = t0; t < t1; t++) {
          const k = cellules[t]!
          toucher(k)
          aRevoir[k]! |= 1 << b
        }
      }
    if ((masque & BIT_CONSEILLERS) !== 0)
      for (let a = 0; a < ajouts.ids.length; a++) {
        const nb = slotsAPorteeVariable(arbre, rayon2Slot, maxParNoeud, ajouts.xyz[3 * a]!, ajouts.xyz[3 * a + 1]!, ajouts.xyz[3 * a + 2]!, slots, d2s)
        for (let t = 0; t < nb; t++) toucher(arbre.ids[slots[t]!]!)
      }

    const distanceKm = new Float64Array(touches.length)
    touches.forEach((k, t) => {
      const lng = carreaux.longitude[k]!
      const lat = carreaux.latitude[k]!
      const xyz = toUnitVectors(carreaux.longitude.subarray(k, k + 1), carreaux.latitude.subarray(k, k + 1), xyzCellule)
      let d = Infinity
      for (let b = 0; b < NB_CATEGORIES; b++) {
        if ((masque & (1 << b)) === 0) continue
        let j = plusProches.lieu[b * n + k]!
        let db = plusProches.distanceKm[b * n + k]!
        if ((aRevoir[k]! & (1 << b)) !== 0) {
          const arbreB = arbresCategories[b]!
          const slot = plusProcheSlotHors(arbreB, xyz[0]!, xyz[1]!, xyz[2]!, exclus)
          j = slot < 0 ? -1 : arbreB.ids[slot]!
          db = j < 0 ? Infinity : haversineKm(lng, lat, lieux.longitude[j]!, lieux.latitude[j]!)
        }
        if (b === B_CONSEILLERS && ajouts.ids.length > 0) {
          let best = j < 0 ? Infinity : chord2(xyzLieux, j, xyz, 0)
          let cle = j < 0 ? 0 : lieux.id[j]!
          let gagnant = -1
          for (let a = 0; a < ajouts.ids.length; a++) {
            const d2 = chord2(ajouts.xyz, a, xyz, 0)
            if (d2 < best || (d2 === best && ajouts.ids[a]! < cle)) {
              best = d2
              cle = ajouts.ids[a]!
              gagnant = a
            }
          }
          if (gagnant >= 0) db = haversineKm(lng, lat, ajouts.longitude[gagnant]!, ajouts.latitude[gagnant]!)
        }
        if (db < d) d = db
      }
      distanceKm[t] = d
    })
    return { carreau: Int32Array.from(touches), distanceKm }
  }
  return { simuler }
}

// Same operands and order as the kd-tree searches (point of the tree − query point, squared): identical results.
function chord2(xyzP: Float64Array, p: number, xyzQ: Float64Array, q: number): number {
  const dx = xyzP[3 * p]! - xyzQ[3 * q]!
  const dy = xyzP[3 * p + 1]! - xyzQ[3 * q + 1]!
  const dz = xyzP[3 * p + 2]! - xyzQ[3 * q + 2]!
  return dx * dx + dy * dy + dz * dz
}

/** A commune whose statut by cells a scenario changes (statut codes of couverture-carreaux.ts). */
export type ChangementStatut = Readonly<{ commune: number; avant: number; apres: number }>

/**
 * Communes whose statut by cells changes: those holding a recomputed cell (`nouvelles`, cell → new offre distance),
 * and the communes without cells whose centre was recomputed (they keep the centre method).
 * @param distanceAvant the offre distance of a cell before the scenario.
 * @param centres the recomputed centres: commune index and whether it is covered after; `couverteAvant` before.
 */
export function changementsParCarreaux(
  communes: Readonly<{ population: Float64Array }>,
  carreaux: Carreaux,
  rayonKm: number,
  distanceAvant: (k: number) => number,
  nouvelles: ReadonlyMap<number, number>,
  centres: Readonly<{ commune: Int32Array; couverte: Uint8Array }>,
  couverteAvant: Uint8Array,
): ChangementStatut[] {
  const changements: ChangementStatut[] = []
  const vues = new Set<number>()
  for (const k of nouvelles.keys()) {
    const i = carreaux.commune[k]!
    if (vues.has(i)) continue
    vues.add(i)
    const a = carreaux.debut[i]!
    const b = carreaux.debut[i + 1]!
    let pcAvant = 0, nbAvant = 0, pcApres = 0, nbApres = 0
    for (let c = a; c < b; c++) {
      const avant = distanceAvant(c)
      const apres = nouvelles.get(c) ?? avant
      if (avant <= rayonKm) {
        pcAvant += carreaux.population[c]!
        nbAvant++
      }
      if (apres <= rayonKm) {
        pcApres += carreaux.population[c]!
        nbApres++
      }
    }
    const p = communes.population[i]!
    const avant = statutParCarreaux(p, pcAvant, nbAvant, b - a)
    const apres = statutParCarreaux(p, pcApres, nbApres, b - a)
    if (avant !== apres) changements.push({ commune: i, avant, apres })
  }
  centres.commune.forEach((i, t) => {
    if (carreaux.debut[i + 1]! > carreaux.debut[i]! || centres.couverte[t] === couverteAvant[i]) return
    changements.push({ commune: i, avant: couverteAvant[i] === 1 ? COUVERTE : BLANCHE, apres: centres.couverte[t] === 1 ? COUVERTE : BLANCHE })
  })
  return changements
}
