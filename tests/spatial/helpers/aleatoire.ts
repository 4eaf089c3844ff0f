import type { Communes, Lieux, Territoires } from '../../../server/spatial/donnees.ts'

/** Seeded PRNG (mulberry32): the same seed gives the same data before and after a change. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** [minLng, minLat, maxLng, maxLat] of metropolitan France. */
export const BBOX_METROPOLE = [-4.8, 42.3, 8.2, 51.1] as const

/** Départements of the random data: metropole, Corse, a DROM and a COM. */
export const TERRITOIRES_ALEATOIRES: Territoires = {
  departements: [
    { code: '01', nom: 'Ain', region: '84', com: false },
    { code: '26', nom: 'Drôme', region: '84', com: false },
    { code: '75', nom: 'Paris', region: '11', com: false },
    { code: '2A', nom: 'Corse-du-Sud', region: '94', com: false },
    { code: '2B', nom: 'Haute-Corse', region: '94', com: false },
    { code: '974', nom: 'La Réunion', region: '04', com: false },
    { code: '987', nom: 'Polynésie française', region: '987', com: true },
  ],
  regions: [
    { code: '84', nom: 'Auvergne-Rhône-Alpes' },
    { code: '11', nom: 'Île-de-France' },
    { code: '94', nom: 'Corse' },
    { code: '04', nom: 'La Réunion' },
  ],
}

const METROPOLE = ['01', '26', '75', '2A', '2B'] as const

type Options = Readonly<{ communes: number; lieux: number }>

/**
 * Random communes and lieux: most in the metropole, some in La Réunion and Polynésie, some lieux
 * exactly at a commune centre, some sharing a position, some inactive, some with unknown conseillers.
 */
export function donneesAleatoires(rnd: () => number, { communes: nc, lieux: nl }: Options): { communes: Communes; lieux: Lieux; territoires: Territoires } {
  const [x0, y0, x1, y1] = BBOX_METROPOLE
  const departement: string[] = []
  const longitude = new Float64Array(nc)
  const latitude = new Float64Array(nc)
  for (let i = 0; i < nc; i++) {
    const u = rnd()
    if (u < 0.05) {
      departement.push('974')
      longitude[i] = 55.2 + 0.6 * rnd()
      latitude[i] = -21.4 + 0.5 * rnd()
    } else if (u < 0.07) {
      departement.push('987')
      longitude[i] = -150 + 2 * rnd()
      latitude[i] = -18 + 2 * rnd()
    } else {
      departement.push(METROPOLE[Math.floor(rnd() * METROPOLE.length)]!)
      longitude[i] = x0 + (x1 - x0) * rnd()
      latitude[i] = y0 + (y1 - y0) * rnd()
    }
  }
  const regionDe = new Map(TERRITOIRES_ALEATOIRES.departements.map((d) => [d.code, d.region] as const))
  const communes: Communes = {
    n: nc,
    code: departement.map((d, i) => `${d}${String(i).padStart(3, '0')}`),
    nom: departement.map((_, i) => `Commune ${i}`),
    departement,
    region: departement.map((d) => regionDe.get(d)!),
    longitude,
    latitude,
    population: Float64Array.from({ length: nc }, () => (rnd() < 0.05 ? 0 : Math.floor(rnd() * 20_000))),
    ifn: Float64Array.from({ length: nc }, () => (rnd() < 0.1 ? NaN : Math.round(rnd() * 100) / 10)),
    com: Uint8Array.from(departement, (d) => (d === '987' ? 1 : 0)),
  }

  const lng = new Float64Array(nl)
  const lat = new Float64Array(nl)
  const dep: string[] = []
  for (let j = 0; j < nl; j++) {
    const u = rnd()
    if (u < 0.15 && nc > 0) {
      // At a commune centre: distance 0 for that commune.
      const i = Math.floor(rnd() * nc)
      lng[j] = longitude[i]!
      lat[j] = latitude[i]!
      dep.push(departement[i]!)
    } else if (u < 0.25 && j > 0) {
      // Same position as an earlier lieu: exact distance ties.
      const k = Math.floor(rnd() * j)
      lng[j] = lng[k]!
      lat[j] = lat[k]!
      dep.push(dep[k]!)
    } else if (u < 0.3) {
      lng[j] = 55.2 + 0.6 * rnd()
      lat[j] = -21.4 + 0.5 * rnd()
      dep.push('974')
    } else {
      lng[j] = x0 + (x1 - x0) * rnd()
      lat[j] = y0 + (y1 - y0) * rnd()
      dep.push(METROPOLE[Math.floor(rnd() * METROPOLE.length)]!)
    }
  }
  // Ids deliberately not in index order, so that tie-breaking by id is really exercised.
  const id = Int32Array.from({ length: nl }, (_, j) => ((j * 7919) % 100_003) + 1)
  const postes = Float64Array.from({ length: nl }, () => (rnd() < 0.5 ? 0 : Math.floor(rnd() * 4)))
  const lieux: Lieux = {
    n: nl,
    id,
    nom: dep.map((_, j) => `Lieu ${j}`),
    categories: Uint8Array.from({ length: nl }, () => 1 + Math.floor(rnd() * 15)),
    longitude: lng,
    latitude: lat,
    conseillers: Float64Array.from({ length: nl }, () => (rnd() < 0.3 ? NaN : Math.floor(rnd() * 5))),
    postes,
    financementEuros: postes.map((p) => p * 50_000),
    departement: dep,
    actif: Uint8Array.from({ length: nl }, () => (rnd() < 0.1 ? 0 : 1)),
  }
  return { communes, lieux, territoires: TERRITOIRES_ALEATOIRES }
}
