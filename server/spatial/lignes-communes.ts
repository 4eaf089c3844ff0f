import type { StatutCouverture } from '../domain/methode.ts'
import type { Couverture } from './couverture.ts'
import { COUVERTE, PARTIELLE, type CouvertureCarreaux } from './couverture-carreaux.ts'
import type { Communes, Lieux } from './donnees.ts'

/** One commune's coverage, as a plain object for routes. */
export type CommuneCouverture = Readonly<{
  /** Commune index in `Communes`. */
  commune: number
  code: string
  nom: string
  departement: string
  population: number
  /** null when the offre is empty. */
  distanceKm: number | null
  /** lieu.id of the nearest lieu of the offre, null when the offre is empty. */
  lieuPlusProche: number | null
  couverte: boolean
  accessibilite: number
  ifn: number | null
}> & Partial<Readonly<{
  /** Counted on cells (methode carreaux) only: whether its inhabitants are counted on cells or at its centre. */
  parCarreaux: boolean
  /** Share of its inhabitants in covered cells, 0..1 (its centre's 1 or 0 when counted at its centre; 0 when population is 0). */
  partCouverte: number
  populationNonCouverte: number
  statut: StatutCouverture
}>>

/** Zones blanches, most populated first (then by code INSEE), capped at `limit`. */
export type ZonesBlanches = Readonly<{ total: number; truncated: boolean; communes: readonly CommuneCouverture[] }>

/** The rows of communes under one coverage: at their centre, or on cells when `cc` is given. */
export type Lignes = Readonly<{
  ligne(i: number): CommuneCouverture
  /** Zones blanches among the communes `perimetre` (all of them when undefined), at most `limit`. */
  zonesBlanches(perimetre: ArrayLike<number> | undefined, limit: number): ZonesBlanches
}>

/**
 * The rows of communes under the coverage `c`, counted at their centre or, with `cc`, on their cells. With cells, a zone
 * blanche is a commune some of whose inhabitants are not covered (statut blanche or partielle), the most uncovered
 * inhabitants first; at centres, the most populated first; then by code INSEE.
 */
export function lignesCommunes(communes: Communes, lieux: Lieux, c: Couverture, cc?: CouvertureCarreaux): Lignes {
  const auCentre = (i: number): CommuneCouverture => ({
    commune: i,
    code: communes.code[i]!,
    nom: communes.nom[i]!,
    departement: communes.departement[i]!,
    population: communes.population[i]!,
    distanceKm: c.plusProche[i]! < 0 ? null : c.distanceKm[i]!,
    lieuPlusProche: c.plusProche[i]! < 0 ? null : lieux.id[c.plusProche[i]!]!,
    couverte: c.couverte[i] === 1,
    accessibilite: c.accessibilite[i]!,
    ifn: Number.isNaN(communes.ifn[i]!) ? null : communes.ifn[i]!,
  })
  const surCarreaux = (i: number, cc: CouvertureCarreaux): CommuneCouverture => {
    const p = communes.population[i]!
    const pc = cc.populationCouverte[i]!
    const statut = cc.statut[i] === COUVERTE ? 'couverte' : cc.statut[i] === PARTIELLE ? 'partielle' : 'blanche'
    return {
      ...auCentre(i),
      couverte: statut === 'couverte',
      parCarreaux: cc.parCarreaux[i] === 1,
      partCouverte: p > 0 ? pc / p : statut === 'couverte' ? 1 : 0,
      populationNonCouverte: p - pc,
      statut,
    }
  }
  const ligne = (i: number): CommuneCouverture => (cc === undefined ? auCentre(i) : surCarreaux(i, cc))
  return {
    ligne,
    zonesBlanches: (perimetre, limit) => {
      const n = perimetre === undefined ? communes.n : perimetre.length
      const blanches: number[] = []
      for (let k = 0; k < n; k++) {
        const i = perimetre === undefined ? k : perimetre[k]!
        if (cc === undefined ? c.couverte[i] === 0 : cc.statut[i] !== COUVERTE) blanches.push(i)
      }
      const population = communes.population
      if (cc === undefined) blanches.sort((a, b) => population[b]! - population[a]! || compareCodes(communes.code[a]!, communes.code[b]!))
      else {
        const nonCouverte = (i: number) => population[i]! - cc.populationCouverte[i]!
        blanches.sort((a, b) => nonCouverte(b) - nonCouverte(a) || population[b]! - population[a]! || compareCodes(communes.code[a]!, communes.code[b]!))
      }
      return { total: blanches.length, truncated: blanches.length > limit, communes: blanches.slice(0, limit).map(ligne) }
    },
  }
}

const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
