import { chord2FromKm } from './geo.ts'
import type { IndexCouverture } from './index-couverture.ts'
import { PORTEE_VOISINAGES_KM, voisinagesDe, type Voisinages } from './voisinages.ts'

/** Distance-decay weights of the APL method, by ring of the catchment radius R. */
export const POIDS_APL = Object.freeze({ moinsDeDemiRayon: 1, moinsDeRayon: 2 / 3, moinsDeRayonEtDemi: 1 / 3 })

/**
 * Accessibility of each commune to the lieux of the offre `masque`, in conseillers accessibles pour
 * 10 000 habitants, by the two-step floating catchment area method with distance decay used by the
 * DREES for the APL (Barlet et al., « L'accessibilité potentielle localisée », DREES 2012):
 * w(d) = 1 if d ≤ R/2, 2/3 if d ≤ R, 1/3 if d ≤ 1.5R, 0 beyond;
 * step 1 ratio_j = offre_j / Σ_i w(d_ij)·pop_i (0 when nobody is in reach);
 * step 2 accessibilite_i = 10 000 · Σ_j w(d_ij)·ratio_j.
 *
 * How, without visiting every (commune, lieu) pair: w = k/3 where k ∈ {0, 1, 2, 3} counts the circles
 * (R/2, R, 1.5R) around the lieu that hold the commune. Up to R = 20 km (1.5R within the lists' 30 km), each place
 * reads its list of neighbouring communes, nearest first (`accessibiliteParVoisinages`). Beyond, each place of the
 * offre's lieux walks the commune tree once (`accessibiliteParArbre`, in two parts that two threads can share);
 * a node whose bounding box lies within the same circles as a whole gets one k (its population sum, kept per node,
 * feeds step 1; step 2 adds k·ratio_j to the node, pushed down to its communes at the end), and only nodes cut by a
 * circle are opened. The nodes are in preorder with skip pointers (agregats-kd.ts): the walk needs no stack. Step 1
 * sums integers (populations), so the demand is exact. Lieux at the very same place share their demand: their
 * supplies are added first, and one ratio Σoffre / demande goes to that place's communes.
 * Arguments are not checked here (hot path); `calculerCouverture` checks them.
 */
export function calculerAccessibilite(index: IndexCouverture, rayonKm: number, masque: number): Float64Array {
  if (parVoisinages(rayonKm)) return accessibiliteParVoisinages(index, voisinagesDe(index), rayonKm, masque)
  return accessibiliteParArbre(index, rayonKm, masque)
}

/** Whether the 2SFCA of this radius reads the neighbour lists (its outer circle within their reach: up to 20 km) rather than walking the tree. */
export const parVoisinages = (rayonKm: number): boolean => 1.5 * rayonKm <= PORTEE_VOISINAGES_KM

/**
 * The same 2SFCA from the neighbour lists (voisinages.ts), for a radius whose outer circle is within their reach.
 * A place's list is sorted by float32 key, and rounding is monotone: an entry whose key is below the float32 of a
 * circle's squared chord is inside it, above is outside, and only an entry whose key equals it needs its exact d2
 * (the walk's own, commune − lieu). So each place's list is cut into the runs k = 3, 2, 1 with no distance
 * computed: step 1 sums the populations of each run (integers, exact), step 2 adds k·ratio to the run's communes.
 * @throws Error when 1.5 × rayonKm is beyond the lists' reach.
 */
export function accessibiliteParVoisinages(index: IndexCouverture, voisinages: Voisinages, rayonKm: number, masque: number): Float64Array {
  const { communes, arbreCommunes, populationSlot, offreLieux } = index
  const { n, debutLieux, lieux, xyz, debut, slot, cle } = voisinages
  const r2a = chord2FromKm(rayonKm / 2)
  const r2b = chord2FromKm(rayonKm)
  const r2c = chord2FromKm(1.5 * rayonKm)
  if (r2c > voisinages.portee2) throw new Error(`accessibiliteParVoisinages: ${rayonKm} km is beyond the lists' reach`)
  const limites = [Math.fround(r2a), Math.fround(r2b), Math.fround(r2c)]
  const categories = index.lieux.categories
  const c = arbreCommunes.coords
  const parSlot = new Float64Array(arbreCommunes.size)
  // Where each run ends in the current place's list: below circle 1, equal to it, below circle 2, … (6 bounds).
  const fins = new Int32Array(6)
  const kExact = (s: number, qx: number, qy: number, qz: number): number => {
    const dx = c[3 * s]! - qx
    const dy = c[3 * s + 1]! - qy
    const dz = c[3 * s + 2]! - qz
    const d2 = dx * dx + dy * dy + dz * dz
    return (d2 <= r2a ? 1 : 0) + (d2 <= r2b ? 1 : 0) + (d2 <= r2c ? 1 : 0)
  }
  for (let p = 0; p < n; p++) {
    let offre = 0
    for (let l = debutLieux[p]!; l < debutLieux[p + 1]!; l++) {
      const j = lieux[l]!
      if ((categories[j]! & masque) !== 0) offre += offreLieux[j]!
    }
    if (offre === 0) continue
    const qx = xyz[3 * p]!
    const qy = xyz[3 * p + 1]!
    const qz = xyz[3 * p + 2]!
    const dernier = debut[p + 1]!
    let e = debut[p]!
    let demande3 = 0
    for (let cercle = 0; cercle < 3; cercle++) {
      const limite = limites[cercle]!
      let somme = 0
      for (; e < dernier && cle[e]! < limite; e++) somme += populationSlot[slot[e]!]!
      demande3 += (3 - cercle) * somme
      fins[2 * cercle] = e
      for (; e < dernier && cle[e]! === limite; e++) demande3 += kExact(slot[e]!, qx, qy, qz) * populationSlot[slot[e]!]!
      fins[2 * cercle + 1] = e
    }
    if (demande3 === 0) continue
    const ratio = offre / (demande3 / 3)
    e = debut[p]!
    for (let cercle = 0; cercle < 3; cercle++) {
      const part = (3 - cercle) * ratio
      for (const fin = fins[2 * cercle]!; e < fin; e++) parSlot[slot[e]!]! += part
      for (const fin = fins[2 * cercle + 1]!; e < fin; e++) parSlot[slot[e]!]! += kExact(slot[e]!, qx, qy, qz) * ratio
    }
  }
  const accessibilite = new Float64Array(communes.n)
  const ids = arbreCommunes.ids
  for (let s = 0; s < arbreCommunes.size; s++) accessibilite[ids[s]!] = (parSlot[s]! * 10_000) / 3
  return accessibilite
}

/** What the places of one part add to the commune tree's nodes and slots (Σ_j k·ratio_j), before the final push-down. */
export type ContributionsAccessibilite = Readonly<{ parNoeud: Float64Array; parSlot: Float64Array }>

/** The index fields the tree walk reads: a thread that computes only the walk needs no more (fil-accessibilite.ts). */
export type IndexAccessibilite = Pick<IndexCouverture, 'arbreCommunes' | 'agregatsCommunes' | 'populationSlot' | 'offreLieux' | 'arbresLieux'> &
  Readonly<{ communes: Readonly<{ n: number }> }>

/**
 * The tree walk's places are dealt into this many parts (alternately, in the lieux tree's order), each walked apart
 * then added in part order: two threads can share a wide radius, and the answer has the same bits however many
 * threads computed it.
 */
export const NB_PARTIES_ARBRE = 2

/** The 2SFCA by the walk of the commune tree described above, at any radius: every part, then the push-down. */
export function accessibiliteParArbre(index: IndexAccessibilite, rayonKm: number, masque: number): Float64Array {
  return finirAccessibiliteArbre(index, Array.from({ length: NB_PARTIES_ARBRE }, (_, partie) => contributionsArbre(index, rayonKm, masque, partie)))
}

/**
 * Adds the parts' contributions in part order, then pushes them down the tree: each commune gets Σ_j w·ratio_j.
 * @throws Error when there are not `NB_PARTIES_ARBRE` parts or one does not fit the tree.
 */
export function finirAccessibiliteArbre(index: IndexAccessibilite, parties: readonly ContributionsAccessibilite[]): Float64Array {
  const { communes, arbreCommunes, agregatsCommunes } = index
  const { n: nbNoeuds, debut, fin, median, parent } = agregatsCommunes
  if (parties.length !== NB_PARTIES_ARBRE) throw new Error(`finirAccessibiliteArbre: ${parties.length} parts, expected ${NB_PARTIES_ARBRE}`)
  for (const { parNoeud, parSlot } of parties)
    if (parNoeud.length !== nbNoeuds || parSlot.length !== arbreCommunes.size) throw new Error('finirAccessibiliteArbre: a part does not fit the commune tree')
  const parNoeud = Float64Array.from(parties[0]!.parNoeud)
  const parSlot = Float64Array.from(parties[0]!.parSlot)
  for (let k = 1; k < parties.length; k++) {
    const autre = parties[k]!
    for (let p = 0; p < nbNoeuds; p++) parNoeud[p]! += autre.parNoeud[p]!
    for (let s = 0; s < parSlot.length; s++) parSlot[s]! += autre.parSlot[s]!
  }
  // Preorder puts a parent before its children: one forward pass pushes Σ_j k·ratio_j down, and w = k/3.
  const accessibilite = new Float64Array(communes.n)
  const idsCommunes = arbreCommunes.ids
  for (let p = 0; p < nbNoeuds; p++) {
    const h = (parent[p]! >= 0 ? parNoeud[parent[p]!]! : 0) + parNoeud[p]!
    parNoeud[p] = h
    const m = median[p]!
    for (let s = m < 0 ? debut[p]! : m, dernier = m < 0 ? fin[p]! : m; s <= dernier; s++)
      accessibilite[idsCommunes[s]!] = ((h + parSlot[s]!) * 10_000) / 3
  }
  return accessibilite
}

/**
 * The walk of the places of part `partie` (the places of rank ≡ partie mod NB_PARTIES_ARBRE in the lieux tree's
 * order, lieux at the very same place counting as one when they follow each other).
 * @throws Error when `partie` is not a part number.
 */
export function contributionsArbre(index: IndexAccessibilite, rayonKm: number, masque: number, partie: number): ContributionsAccessibilite {
  if (!Number.isInteger(partie) || partie < 0 || partie >= NB_PARTIES_ARBRE) throw new Error(`contributionsArbre: part ${partie} is not in 0..${NB_PARTIES_ARBRE - 1}`)
  const { arbreCommunes, agregatsCommunes, populationSlot, offreLieux } = index
  const arbre = index.arbresLieux[masque]!
  const { n: nbNoeuds, boites, sommes, saut, debut, fin, median } = agregatsCommunes
  // Work arrays are local to the call: no module state, so any number of engines (and workers) may run.
  const parNoeud = new Float64Array(nbNoeuds)
  const parSlot = new Float64Array(arbreCommunes.size)
  if (arbre.size === 0 || nbNoeuds === 0) return { parNoeud, parSlot }

  // Circle limits as squared unit-sphere chords: chords are monotone in great-circle distance.
  const r2a = chord2FromKm(rayonKm / 2)
  const r2b = chord2FromKm(rayonKm)
  const r2c = chord2FromKm(1.5 * rayonKm)

  const c = arbreCommunes.coords
  const axes = arbreCommunes.axes
  // A place's decomposition: nodes settled whole and slots tested apart, each as its index times 4 plus k.
  const noeudsPlace = new Int32Array(nbNoeuds)
  const slotsPlace = new Int32Array(arbreCommunes.size)

  const cl = arbre.coords
  const ids = arbre.ids
  let t = 0
  for (let rang = 0; t < arbre.size; rang++) {
    const qx = cl[3 * t]!
    const qy = cl[3 * t + 1]!
    const qz = cl[3 * t + 2]!
    // Lieux at the very same place (17 % of the national ones) mostly sit next to each other in the tree's order;
    // one that does not is walked on its own, to the same result.
    let offre = offreLieux[ids[t]!]!
    let suivant = t + 1
    while (suivant < arbre.size && cl[3 * suivant] === qx && cl[3 * suivant + 1] === qy && cl[3 * suivant + 2] === qz)
      offre += offreLieux[ids[suivant++]!]!
    t = suivant
    if (rang % NB_PARTIES_ARBRE !== partie) continue
    let nbNoeudsPlace = 0
    let nbSlotsPlace = 0
    let demande3 = 0
    // Go down while the outer circle lies on one side of the node's split plane: the other side and the median (on
    // the plane) are out of reach, since a point's d2 is at least its computed square gap along that axis.
    let p = 0
    for (let m = median[0]!; m >= 0; m = median[p]!) {
      const axe = axes[m]!
      const ecart = c[3 * m + axe]! - (axe === 0 ? qx : axe === 1 ? qy : qz)
      if (!(ecart * ecart > r2c)) break
      p = ecart > 0 ? p + 1 : saut[p + 1]!
    }
    const finSousArbre = saut[p]!
    while (p < finSousArbre) {
      const b = 6 * p
      // Bounds use the operands and order of a point's own d2 (commune − lieu, x then y then z): rounding
      // is monotone, so a box entirely within a circle holds only points whose computed d2 is within it.
      // Math.max is branch-free: the gap to the box (0 inside) and to its far side, per axis.
      let lo = boites[b]! - qx
      let hi = boites[b + 3]! - qx
      let e = Math.max(lo, -hi, 0)
      let f = Math.max(-lo, hi)
      let min = e * e
      let max = f * f
      lo = boites[b + 1]! - qy
      hi = boites[b + 4]! - qy
      e = Math.max(lo, -hi, 0)
      f = Math.max(-lo, hi)
      min += e * e
      max += f * f
      lo = boites[b + 2]! - qz
      hi = boites[b + 5]! - qz
      e = Math.max(lo, -hi, 0)
      f = Math.max(-lo, hi)
      min += e * e
      max += f * f
      if (min > r2c) {
        p = saut[p]!
        continue
      }
      const kMin = +(max <= r2a) + +(max <= r2b) + +(max <= r2c)
      const kMax = +(min <= r2a) + +(min <= r2b) + 1
      if (kMin === kMax) {
        noeudsPlace[nbNoeudsPlace++] = p * 4 + kMin
        demande3 += kMin * sommes[p]!
        p = saut[p]!
        continue
      }
      // Opened: a leaf tests its points, an internal node its own point, then the walk goes on to its first child.
      const m = median[p]!
      for (let s = m < 0 ? debut[p]! : m, dernier = m < 0 ? fin[p]! : m; s <= dernier; s++) {
        const dx = c[3 * s]! - qx
        const dy = c[3 * s + 1]! - qy
        const dz = c[3 * s + 2]! - qz
        const d2 = dx * dx + dy * dy + dz * dz
        // Branch-free: an entry is always written, and kept (nb moves on) only when the point is in reach.
        const k = +(d2 <= r2a) + +(d2 <= r2b) + +(d2 <= r2c)
        slotsPlace[nbSlotsPlace] = s * 4 + k
        nbSlotsPlace += +(k !== 0)
        demande3 += k * populationSlot[s]!
      }
      p++
    }
    // demande3 = 3 × Σ w·pop, an exact integer; one division gives the correctly rounded demand.
    if (demande3 === 0) continue
    const ratio = offre / (demande3 / 3)
    for (let e = 0; e < nbNoeudsPlace; e++) parNoeud[noeudsPlace[e]! >> 2]! += (noeudsPlace[e]! & 3) * ratio
    for (let e = 0; e < nbSlotsPlace; e++) parSlot[slotsPlace[e]! >> 2]! += (slotsPlace[e]! & 3) * ratio
  }

  return { parNoeud, parSlot }
}
