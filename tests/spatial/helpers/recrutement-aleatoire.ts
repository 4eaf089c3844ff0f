import type { Poste, Recrue } from '../../../server/spatial/affectation.ts'
import type { Communes } from '../../../server/spatial/donnees.ts'

export type InstanceRecrutement = Readonly<{ recrues: Recrue[]; postes: Poste[]; communeRecrue: Int32Array; communePoste: Int32Array }>

/** Mobility a recruit accepts, in km, and how often (the platform's form offers these steps). */
const MOBILITES_KM = [10, 15, 20, 30, 40, 50] as const
const PART_MOBILITES = [0.1, 0.15, 0.25, 0.3, 0.1, 0.1] as const
/** Postes a structure asks for, and how often (most candidatures ask for one). */
const POSTES_STRUCTURE = [1, 2, 3, 4, 5] as const
const PART_POSTES = [0.6, 0.25, 0.1, 0.03, 0.02] as const

function tirage<T>(rnd: () => number, valeurs: readonly T[], parts: readonly number[]): T {
  let u = rnd()
  for (let k = 0; k < valeurs.length; k++) if ((u -= parts[k]!) < 0) return valeurs[k]!
  return valeurs[valeurs.length - 1]!
}

/**
 * A seeded random matching of recruits to postes over the real communes (outside the COM): each recruit lives at the
 * centre of a commune drawn by population (where people are) and accepts 10 to 50 km; each structure sits at a
 * commune's centre, half drawn by population (towns), half uniformly (mairies and EPCI of rural areas), and asks for
 * 1 to 5 postes, until `nombrePostes` postes in all. `communeRecrue`/`communePoste` give the commune index of each.
 */
export function instanceRecrutement(communes: Communes, rnd: () => number, nombreRecrues: number, nombrePostes: number): InstanceRecrutement {
  const eligibles: number[] = []
  for (let i = 0; i < communes.n; i++) if (communes.com[i] === 0 && communes.population[i]! > 0) eligibles.push(i)
  const cumul = new Float64Array(eligibles.length)
  let total = 0
  eligibles.forEach((i, k) => (cumul[k] = total += communes.population[i]!))
  const parPopulation = () => {
    const u = rnd() * total
    let [bas, haut] = [0, cumul.length - 1]
    while (bas < haut) {
      const m = (bas + haut) >> 1
      if (cumul[m]! > u) haut = m
      else bas = m + 1
    }
    return eligibles[bas]!
  }
  const auHasard = () => eligibles[Math.floor(rnd() * eligibles.length)]!
  const communeRecrue = new Int32Array(nombreRecrues)
  const recrues: Recrue[] = []
  for (let r = 0; r < nombreRecrues; r++) {
    const i = (communeRecrue[r] = parPopulation())
    recrues.push({ longitude: communes.longitude[i]!, latitude: communes.latitude[i]!, distanceMaxKm: tirage(rnd, MOBILITES_KM, PART_MOBILITES) })
  }
  const postes: Poste[] = []
  const communesPostes: number[] = []
  for (let restants = nombrePostes; restants > 0;) {
    const i = rnd() < 0.5 ? parPopulation() : auHasard()
    const places = Math.min(restants, tirage(rnd, POSTES_STRUCTURE, PART_POSTES))
    postes.push({ longitude: communes.longitude[i]!, latitude: communes.latitude[i]!, places })
    communesPostes.push(i)
    restants -= places
  }
  return { recrues, postes, communeRecrue, communePoste: Int32Array.from(communesPostes) }
}
