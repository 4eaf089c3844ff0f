import { CATEGORIES, type Categorie } from '../../../server/domain/offre.ts'
import type { Chiffres } from '../../../server/spatial/chiffres.ts'
import type { Communes, Lieux } from '../../../server/spatial/donnees.ts'
import { haversineKm } from '../../../server/spatial/geo.ts'

/**
 * Brute-force oracles: the contract's definitions written as directly as possible, with no index.
 * Only geo.ts is shared with the engine, and it has its own hand-computed tests.
 */

export const dansOffre = (lieux: Lieux, j: number, masque: number): boolean =>
  lieux.actif[j] === 1 && (lieux.categories[j]! & masque) !== 0

/** Nearest lieu of the offre for one point by scanning every lieu; exact ties go to the smallest id. */
export function plusProcheBruteForce(lieux: Lieux, lng: number, lat: number, masque: number): { lieu: number; distanceKm: number } {
  let best = Infinity
  let lieu = -1
  for (let j = 0; j < lieux.n; j++) {
    if (!dansOffre(lieux, j, masque)) continue
    const d = haversineKm(lng, lat, lieux.longitude[j]!, lieux.latitude[j]!)
    if (d < best || (d === best && lieux.id[j]! < lieux.id[lieu]!)) {
      best = d
      lieu = j
    }
  }
  return { lieu, distanceKm: best }
}

/** plusProcheBruteForce for every commune, with the offre filtered once (fast enough at national scale). */
export function plusProchesBruteForceTous(communes: Communes, lieux: Lieux, masque: number): { lieu: Int32Array; distanceKm: Float64Array } {
  const offre = Array.from({ length: lieux.n }, (_, j) => j).filter((j) => dansOffre(lieux, j, masque))
  const lng = Float64Array.from(offre, (j) => lieux.longitude[j]!)
  const lat = Float64Array.from(offre, (j) => lieux.latitude[j]!)
  const id = Int32Array.from(offre, (j) => lieux.id[j]!)
  const RAD = Math.PI / 180
  const cosLat = Float64Array.from(lat, (y) => Math.cos(y * RAD))
  const lieu = new Int32Array(communes.n).fill(-1)
  const distanceKm = new Float64Array(communes.n).fill(Infinity)
  for (let i = 0; i < communes.n; i++) {
    const x = communes.longitude[i]!
    const y = communes.latitude[i]!
    const cosY = Math.cos(y * RAD)
    // Compare the haversine term h itself: d = 2R·asin(√h) is increasing in h, so the
    // minimum is the same and this stays a plain scan of the definition.
    let best = Infinity
    let k = -1
    for (let t = 0; t < offre.length; t++) {
      const sLat = Math.sin(((lat[t]! - y) * RAD) / 2)
      const sLng = Math.sin(((lng[t]! - x) * RAD) / 2)
      const h = sLat * sLat + cosY * cosLat[t]! * sLng * sLng
      if (h < best || (h === best && id[t]! < id[k]!)) {
        best = h
        k = t
      }
    }
    if (k >= 0) {
      lieu[i] = offre[k]!
      distanceKm[i] = haversineKm(x, y, lng[k]!, lat[k]!)
    }
  }
  return { lieu, distanceKm }
}

/** The `limit` nearest lieux by sorting all of them (distance, then id). */
export function plusProchesBruteForce(lieux: Lieux, lng: number, lat: number, limit: number, masque: number) {
  const tous: { lieu: number; id: number; distanceKm: number }[] = []
  for (let j = 0; j < lieux.n; j++)
    if (dansOffre(lieux, j, masque))
      tous.push({ lieu: j, id: lieux.id[j]!, distanceKm: haversineKm(lng, lat, lieux.longitude[j]!, lieux.latitude[j]!) })
  tous.sort((a, b) => a.distanceKm - b.distanceKm || a.id - b.id)
  return tous.slice(0, limit)
}

/** APL weight of a distance for catchment radius R, straight from the definition. */
export function poidsApl(d: number, rayonKm: number): number {
  if (d <= rayonKm / 2) return 1
  if (d <= rayonKm) return 2 / 3
  if (d <= 1.5 * rayonKm) return 1 / 3
  return 0
}

/** 2SFCA over all (commune, lieu) pairs, O(n·m). */
export function accessibiliteBruteForce(communes: Communes, lieux: Lieux, rayonKm: number, masque: number): Float64Array {
  const ratio = new Float64Array(lieux.n)
  for (let j = 0; j < lieux.n; j++) {
    if (!dansOffre(lieux, j, masque)) continue
    let demande = 0
    for (let i = 0; i < communes.n; i++)
      demande += poidsApl(distance(communes, lieux, i, j), rayonKm) * communes.population[i]!
    const offre = Number.isNaN(lieux.conseillers[j]!) ? 1 : lieux.conseillers[j]!
    ratio[j] = demande === 0 ? 0 : offre / demande
  }
  const acc = new Float64Array(communes.n)
  for (let i = 0; i < communes.n; i++) {
    let s = 0
    for (let j = 0; j < lieux.n; j++) if (dansOffre(lieux, j, masque)) s += poidsApl(distance(communes, lieux, i, j), rayonKm) * ratio[j]!
    acc[i] = s * 10_000
  }
  return acc
}

const distance = (communes: Communes, lieux: Lieux, i: number, j: number): number =>
  haversineKm(communes.longitude[i]!, communes.latitude[i]!, lieux.longitude[j]!, lieux.latitude[j]!)

/** Population-weighted median by sorting: the value at which cumulative population reaches half. */
export function medianeParTri(valeurs: readonly number[], poids: readonly number[]): number | null {
  const total = poids.reduce((a, b) => a + b, 0)
  if (!(total > 0)) return null
  const ordre = valeurs.map((_, k) => k).sort((a, b) => valeurs[a]! - valeurs[b]!)
  let cumul = 0
  for (const k of ordre) {
    cumul += poids[k]!
    if (cumul >= total / 2) return valeurs[k]!
  }
  return valeurs[ordre[ordre.length - 1]!]!
}

/** Figures of a set of communes and lieux, computed naively from per-commune results. */
export function chiffresNaifs(
  communes: Communes,
  lieux: Lieux,
  dansCommunes: (i: number) => boolean,
  dansLieux: (j: number) => boolean,
  r: { distanceKm: ArrayLike<number>; accessibilite: ArrayLike<number>; rayonKm: number; masque: number },
): Chiffres {
  const is = Array.from({ length: communes.n }, (_, i) => i).filter(dansCommunes)
  const pop = (i: number) => communes.population[i]!
  const sum = (xs: number[], f: (i: number) => number) => xs.reduce((a, i) => a + f(i), 0)
  const population = sum(is, pop)
  const couvertes = is.filter((i) => r.distanceKm[i]! <= r.rayonKm)
  const blanches = is.filter((i) => !(r.distanceKm[i]! <= r.rayonKm))
  const blanchesIfn = blanches.filter((i) => !Number.isNaN(communes.ifn[i]!))
  const populationCouverte = sum(couvertes, pop)
  const js = Array.from({ length: lieux.n }, (_, j) => j).filter((j) => dansLieux(j) && dansOffre(lieux, j, r.masque))
  const lieuxParCategorie = Object.fromEntries(
    CATEGORIES.map((c, b) => [c, js.filter((j) => (lieux.categories[j]! & r.masque & (1 << b)) !== 0).length]),
  ) as Record<Categorie, number>
  const postes = js.reduce((a, j) => a + lieux.postes[j]!, 0)
  const offreVide = Array.from({ length: lieux.n }, (_, j) => j).every((j) => !dansOffre(lieux, j, r.masque))
  const popIfn = sum(blanchesIfn, pop)
  return {
    population,
    populationCouverte,
    tauxCouverture: population > 0 ? populationCouverte / population : 0,
    populationZonesBlanches: sum(blanches, pop),
    communes: is.length,
    communesZonesBlanches: blanches.length,
    lieux: lieuxParCategorie,
    postes,
    postesPour10000: population > 0 ? (postes / population) * 10_000 : 0,
    financementEtatEuros: js.reduce((a, j) => a + lieux.financementEuros[j]!, 0),
    distanceMoyenneKm: offreVide || population === 0 ? null : sum(is, (i) => pop(i) * r.distanceKm[i]!) / population,
    accessibiliteMediane: medianeParTri(is.map((i) => r.accessibilite[i]!), is.map(pop)),
    ifnMoyenZonesBlanches: popIfn > 0 ? sum(blanchesIfn, (i) => pop(i) * communes.ifn[i]!) / popIfn : null,
  }
}
