import type { Methode } from '../domain/methode.ts'
import { CATEGORIES } from '../domain/offre.ts'
import { buildPlusProchesCarreaux, type Carreaux, type PlusProchesCarreaux } from './carreaux.ts'
import { buildGroupement, chiffresDesSommes, medianesAccessibilite, sommerChiffres, type Chiffres, type Groupement, type SommesChiffres } from './chiffres.ts'
import { ajouterAccessibilite, checkParametres, couvertureSansAccessibilite, type Couverture, type CouvertureSansAccessibilite, type ParametresCouverture } from './couverture.ts'
import { calculerCouvertureCarreaux, distancesOffreCarreaux, type CouvertureCarreaux } from './couverture-carreaux.ts'
import type { Communes, Lieux, Territoires } from './donnees.ts'
import { calculerDistances, type Distances } from './distances.ts'
import type { Position } from './geo.ts'
import { buildIndexCouverture, NB_MASQUES, type IndexCouverture } from './index-couverture.ts'
import { lignesCommunes, type CommuneCouverture, type Lignes, type ZonesBlanches } from './lignes-communes.ts'
import { Lru } from './lru.ts'
import { plusProchesLieux, type LieuProche } from './plus-proches.ts'

export type { CommuneCouverture, ZonesBlanches } from './lignes-communes.ts'

/** Figures of a named territory. */
export type ChiffresTerritoire = Readonly<{ code: string; nom: string; chiffres: Chiffres }>
/** Figures of a département, with its région and whether it is a COM. */
export type ChiffresDepartement = ChiffresTerritoire & Readonly<{ region: string; com: boolean }>
/** National figures; `inclutCom` says whether the COM communes and lieux are counted. */
export type ChiffresNational = Readonly<{ inclutCom: boolean; chiffres: Chiffres }>

/** The coverage engine of one import. Results are cached and shared: never mutate returned arrays. */
export type Moteur = Readonly<{
  index: IndexCouverture
  couverture(params: ParametresCouverture): Couverture
  /** The figures below count inhabitants at commune centres unless `methode` is 'carreaux' (on the population grid). */
  chiffresNationaux(params: ParametresCouverture, methode?: Methode): Readonly<{ horsCom: ChiffresNational; avecCom: ChiffresNational }>
  chiffresRegions(params: ParametresCouverture, methode?: Methode): readonly ChiffresTerritoire[]
  chiffresDepartements(params: ParametresCouverture, methode?: Methode): readonly ChiffresDepartement[]
  /** undefined for an unknown code département. */
  chiffresDepartement(code: string, params: ParametresCouverture, methode?: Methode): ChiffresDepartement | undefined
  /** The département's communes in `Communes` order; undefined for an unknown code département. */
  communesDuDepartement(code: string, params: ParametresCouverture, methode?: Methode): readonly CommuneCouverture[] | undefined
  /**
   * undefined when `options.departement` is given and unknown. With cells, a zone blanche is a commune some of whose
   * inhabitants are not covered (statut blanche or partielle), the most uncovered inhabitants first.
   */
  zonesBlanches(params: ParametresCouverture, options: Readonly<{ limit: number; departement?: string; methode?: Methode }>): ZonesBlanches | undefined
  /** Cells of the population grid (none when the engine was built without them), and their per-catégorie nearest lieux. */
  carreaux: Carreaux
  plusProchesCarreaux: PlusProchesCarreaux
  /** `plusProchesCarreaux.distanceKm`. */
  distancesCarreaux: Float64Array
  plusProches(position: Position, options: Readonly<{ limit: number; masque: number }>): readonly LieuProche[]
  /** Whether the figures of these parameters are still to be computed (not in the cache). */
  aCalculer(params: ParametresCouverture): boolean
  /**
   * Hands over the 2SFCA accessibility of these parameters computed elsewhere (a worker, on the same data), so
   * that the next computation of them does not run it on this thread. Ignored once they are cached.
   */
  fournirAccessibilite(params: ParametresCouverture, accessibilite: Float64Array, medianes?: readonly Float64Array[]): void
  /**
   * The median accessibility of every département, région and the nation (the groupings of the figures), from a 2SFCA:
   * what the worker computes beside the 2SFCA and hands over with it (`fournirAccessibilite`).
   */
  medianesAccessibilite(accessibilite: Float64Array): Float64Array[]
  /**
   * Computes now, for parameters whose figures are still to be computed, everything of them but the 2SFCA: the
   * coverage and the figures' sums of `methode`. Called while a worker computes the accessibility, so that both
   * run at once; the next computation of these parameters uses them. A few are kept (least recently prepared dropped).
   */
  preparer(params: ParametresCouverture, methode?: Methode): void
}>

/** Default number of (rayonKm, masque) results kept: each holds ~1 MB of typed arrays. */
export const CAPACITE_CACHE_COUVERTURE = 32
/**
 * How many offres keep their cells' distances (`distancesOffreCarreaux`, 3 MB each for the 373,281 national cells):
 * recomputing them took 2.3 ms (7 ms in the server under load) and left 3 MB of garbage per new radius. An offre of
 * one catégorie costs nothing (a view).
 */
export const CAPACITE_DISTANCES_OFFRE_CARREAUX = 4

type Figures = {
  /** Sums prepared before the 2SFCA was known (`preparer`), until the figures are computed from them. */
  sommes?: SommesChiffres
  departements?: readonly ChiffresDepartement[]
  regions?: readonly ChiffresTerritoire[]
  nationaux?: Readonly<{ horsCom: ChiffresNational; avecCom: ChiffresNational }>
}
type Resultat = Figures & {
  couverture: Couverture
  carreaux?: Figures & { parCommune: CouvertureCarreaux }
  /** Median accessibility by grouping: the same for both methods (commune populations), computed once. */
  medianes?: readonly Float64Array[]
}
/** What `preparer` computed of parameters before their 2SFCA is known. */
type Preparation = Figures & { couverture: CouvertureSansAccessibilite; carreaux?: Figures & { parCommune: CouvertureCarreaux } }

/**
 * Builds the engine once per import: checks the data, builds the indexes, and returns query
 * functions that cache their results per (rayonKm, masque) in an LRU.
 * @throws Error when the data break an invariant (see `checkDonnees`) or the stored nearest lieux do not fit the cells; query functions throw on bad parameters.
 */
export function buildMoteur(
  communes: Communes,
  lieux: Lieux,
  territoires: Territoires,
  options: Readonly<{ capaciteCache?: number; carreaux?: Carreaux; plusProchesCarreaux?: PlusProchesCarreaux }> = {},
): Moteur {
  const index = buildIndexCouverture(communes, lieux, territoires)
  const groupes = buildGroupements(index)
  const carreaux = options.carreaux ?? sansCarreaux(communes.n)
  // The build stores them (table carreau_plus_proche); cells given without them (tests, fixtures) get them computed here.
  const plusProchesCarreaux = options.plusProchesCarreaux ?? buildPlusProchesCarreaux(carreaux, lieux, CATEGORIES.map((_, b) => index.arbresLieux[1 << b]!))
  const distancesCarreaux = plusProchesCarreaux.distanceKm
  if (distancesCarreaux.length !== CATEGORIES.length * carreaux.n)
    throw new Error(`buildMoteur: plusProchesCarreaux holds ${distancesCarreaux.length} distances, expected ${CATEGORIES.length * carreaux.n}`)
  const distances: (Distances | undefined)[] = new Array<Distances | undefined>(NB_MASQUES).fill(undefined)
  const cache = new Lru<string, Resultat>(options.capaciteCache ?? CAPACITE_CACHE_COUVERTURE)
  const fournies = new Map<string, { accessibilite: Float64Array; medianes?: readonly Float64Array[] | undefined }>()
  const preparations = new Lru<string, Preparation>(8)
  const groupesListe = [groupes.departements, groupes.regions, groupes.horsCom, groupes.avecCom]

  const sansAccessibilite = (params: ParametresCouverture): CouvertureSansAccessibilite => {
    const c = couvertureSansAccessibilite(index, params, distances[params.masque])
    distances[params.masque] ??= { masque: params.masque, distanceKm: c.distanceKm, plusProche: c.plusProche }
    return c
  }
  // A cell's distance to the offre depends on the offre only, not on the radius: kept for the last few offres asked.
  const distancesOffre = new Lru<number, Float64Array>(CAPACITE_DISTANCES_OFFRE_CARREAUX)
  const parCarreaux = (c: CouvertureSansAccessibilite): CouvertureCarreaux =>
    calculerCouvertureCarreaux(communes, carreaux, distancesOffre.getOrCompute(c.masque, () => distancesOffreCarreaux(carreaux, distancesCarreaux, c.masque)), c)
  const resultat = (params: ParametresCouverture): Resultat => {
    checkParametres(params)
    const cle = `${params.rayonKm}|${params.masque}`
    return cache.getOrCompute(cle, () => {
      const { couverture, ...prepare } = preparations.prendre(cle) ?? { couverture: sansAccessibilite(params) }
      const fournie = fournies.get(cle)
      fournies.delete(cle)
      const avecAccessibilite = ajouterAccessibilite(index, couverture, fournie?.accessibilite)
      return { ...prepare, couverture: avecAccessibilite, ...(fournie?.medianes === undefined ? {} : { medianes: fournie.medianes }) }
    })
  }
  // The figures of a method: the centre figures sit on the result itself, the cells' beside it, computed on first use.
  const figures = (params: ParametresCouverture, methode: Methode): { f: Figures; r: Resultat; cc?: CouvertureCarreaux } => {
    const r = resultat(params)
    if (methode === 'centres') return { f: r, r }
    r.carreaux ??= { parCommune: parCarreaux(r.couverture) }
    return { f: r.carreaux, r, cc: r.carreaux.parCommune }
  }
  // Every territory's figures in one pass (chiffres.ts), when the first of them is asked: the others cost little more.
  const territoriales = (params: ParametresCouverture, methode: Methode): Required<Omit<Figures, 'sommes'>> => {
    const { f, r, cc } = figures(params, methode)
    if (f.departements === undefined || f.regions === undefined || f.nationaux === undefined) {
      const sommes = f.sommes ?? sommerChiffres(index, r.couverture, groupesListe, cc)
      delete f.sommes
      r.medianes ??= medianesAccessibilite(index, groupesListe, r.couverture.accessibilite)
      const [deps, regs, nationHorsCom, nationAvecCom] = chiffresDesSommes(index, sommes, r.medianes)
      const horsCom = nationHorsCom![0]
      const avecCom = nationAvecCom![0]
      f.departements = deps!.map((chiffres, k) => {
        const { code, nom, region, com } = territoires.departements[k]!
        return { code, nom, region, com, chiffres }
      })
      f.regions = regs!.map((chiffres, k) => {
        const { code, nom } = territoires.regions[k]!
        return { code, nom, chiffres }
      })
      f.nationaux = { horsCom: { inclutCom: false, chiffres: horsCom! }, avecCom: { inclutCom: true, chiffres: avecCom! } }
    }
    return f as Required<Omit<Figures, 'sommes'>>
  }
  const departements = (params: ParametresCouverture, methode: Methode = 'centres'): readonly ChiffresDepartement[] =>
    territoriales(params, methode).departements
  const lignes = (params: ParametresCouverture, methode: Methode): Lignes => {
    const { r, cc } = figures(params, methode)
    return lignesCommunes(communes, lieux, r.couverture, cc)
  }
  const communesDe = (k: number): Int32Array => groupes.departements.ordre.subarray(groupes.departements.debut[k], groupes.departements.debut[k + 1])

  return {
    index,
    carreaux,
    plusProchesCarreaux,
    distancesCarreaux,
    couverture: (params) => resultat(params).couverture,
    chiffresDepartements: departements,
    chiffresDepartement: (code, params, methode) => {
      const k = index.departementParCode.get(code)
      return k === undefined ? undefined : departements(params, methode)[k]
    },
    chiffresRegions: (params, methode = 'centres') => territoriales(params, methode).regions,
    chiffresNationaux: (params, methode = 'centres') => territoriales(params, methode).nationaux,
    communesDuDepartement: (code, params, methode = 'centres') => {
      const k = index.departementParCode.get(code)
      return k === undefined ? undefined : Array.from(communesDe(k), lignes(params, methode).ligne)
    },
    zonesBlanches: (params, { limit, departement, methode = 'centres' }) => {
      if (!Number.isInteger(limit) || limit < 1) throw new Error(`zonesBlanches: limit must be a positive integer, got ${limit}`)
      const k = departement === undefined ? undefined : index.departementParCode.get(departement)
      if (departement !== undefined && k === undefined) return undefined
      return lignes(params, methode).zonesBlanches(k === undefined ? undefined : communesDe(k), limit)
    },
    plusProches: (position, { limit, masque }) => plusProchesLieux(index, position, limit, masque),
    aCalculer: ({ rayonKm, masque }) => !cache.has(`${rayonKm}|${masque}`),
    fournirAccessibilite: (params, accessibilite, medianes) => {
      checkParametres(params)
      const cle = `${params.rayonKm}|${params.masque}`
      if (accessibilite.length !== communes.n) throw new Error(`fournirAccessibilite: ${accessibilite.length} entries, expected ${communes.n}`)
      if (medianes !== undefined && (medianes.length !== groupesListe.length || medianes.some((m, k) => m.length !== groupesListe[k]!.nb)))
        throw new Error('fournirAccessibilite: the medians are not those of the engine\'s groupings')
      // Bounded: an entry only waits for the request that asked for it, and a handful can be in flight at once.
      if (!cache.has(cle) && fournies.size < 8) fournies.set(cle, { accessibilite, medianes })
    },
    medianesAccessibilite: (accessibilite) => medianesAccessibilite(index, groupesListe, accessibilite),
    preparer: (params, methode = 'centres') => {
      checkParametres(params)
      const cle = `${params.rayonKm}|${params.masque}`
      if (cache.has(cle)) return
      const p = preparations.getOrCompute(cle, () => ({ couverture: sansAccessibilite(params) }))
      if (methode === 'centres') p.sommes ??= sommerChiffres(index, p.couverture, groupesListe)
      else {
        p.carreaux ??= { parCommune: parCarreaux(p.couverture) }
        p.carreaux.sommes ??= sommerChiffres(index, p.couverture, groupesListe, p.carreaux.parCommune)
      }
    },
  }
}

/** No cell at all: every commune is counted at its centre. */
const sansCarreaux = (n: number): Carreaux =>
  ({ n: 0, longitude: new Float64Array(0), latitude: new Float64Array(0), population: new Float64Array(0), commune: new Int32Array(0), debut: new Int32Array(n + 1) })

type Groupements = Readonly<{ departements: Groupement; regions: Groupement; horsCom: Groupement; avecCom: Groupement }>

/** The groupings figures are computed for. The nation is two one-group groupings, as they overlap. */
function buildGroupements(index: IndexCouverture): Groupements {
  const { departementCommune, departementLieu, regionDepartement, comDepartement, communes, territoires } = index
  return {
    departements: buildGroupement(territoires.departements.length, departementCommune, departementLieu),
    regions: buildGroupement(
      territoires.regions.length,
      departementCommune.map((k) => regionDepartement[k]!),
      departementLieu.map((k) => regionDepartement[k]!),
    ),
    horsCom: buildGroupement(
      1,
      Int32Array.from(communes.com, (com) => (com === 1 ? -1 : 0)),
      departementLieu.map((k) => (comDepartement[k] === 1 ? -1 : 0)),
    ),
    avecCom: buildGroupement(1, new Int32Array(communes.n), new Int32Array(departementLieu.length)),
  }
}
