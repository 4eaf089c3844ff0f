// The URL holds the view: rayonKm, offre, indicateur, tri. Parsing is total: a bad value falls back
// to the default instead of breaking a shared link.
import { CATEGORIES } from '../../server/domain/offre.ts'
import { RAYON_DEFAUT_KM } from '../../server/domain/vue-par-defaut.ts'
import type { Categorie, Parametres, TriZonesBlanches } from '../api/types.ts'

export const RAYON_MIN_KM = 1
export const RAYON_MAX_KM = 50
export { RAYON_DEFAUT_KM }

export const INDICATEURS_NATIONAUX = ['tauxCouverture', 'populationZonesBlanches', 'postesPour10000', 'accessibiliteMediane', 'ifnMoyenZonesBlanches'] as const
export type IndicateurNational = (typeof INDICATEURS_NATIONAUX)[number]
export const INDICATEURS_COMMUNAUX = ['couverture', 'partCouverte', 'distanceKm', 'accessibilite', 'ifn'] as const
export type IndicateurCommunal = (typeof INDICATEURS_COMMUNAUX)[number]
export const TRIS_ZONES_BLANCHES = ['population-non-couverte', 'population', 'ifn'] as const satisfies readonly TriZonesBlanches[]
export type { TriZonesBlanches }

export type Vue = Parametres & {
  /** A date of the evolution (YYYY-MM) whose lieux the map shows; null: today's import. */
  date: string | null
  indicateur: IndicateurNational
  indicateurCommunal: IndicateurCommunal
  tri: TriZonesBlanches
}

export const VUE_DEFAUT: Vue = {
  rayonKm: RAYON_DEFAUT_KM,
  offre: CATEGORIES,
  date: null,
  indicateur: 'tauxCouverture',
  indicateurCommunal: 'couverture',
  tri: 'population-non-couverte',
}

const choix = <T extends string>(valeurs: readonly T[], brut: string | null, defaut: T): T =>
  brut !== null && (valeurs as readonly string[]).includes(brut) ? (brut as T) : defaut

export function lireRayonKm(brut: string | null): number {
  if (brut === null || !/^\d+$/.test(brut)) return RAYON_DEFAUT_KM
  return Math.min(RAYON_MAX_KM, Math.max(RAYON_MIN_KM, Number(brut)))
}

/** Keeps the canonical order and drops unknown catégories; an empty or unusable list means all. */
export function lireOffre(brut: string | null): readonly Categorie[] {
  if (brut === null) return CATEGORIES
  const demandees = new Set(brut.split(','))
  const offre = CATEGORIES.filter((c) => demandees.has(c))
  return offre.length === 0 ? CATEGORIES : offre
}

/** A month YYYY-MM, else null (today); whether the import holds it is the server's answer to give. */
export function lireDate(brut: string | null): string | null {
  return brut !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(brut) ? brut : null
}

export function lireVue(params: URLSearchParams): Vue {
  return {
    rayonKm: lireRayonKm(params.get('rayonKm')),
    offre: lireOffre(params.get('offre')),
    date: lireDate(params.get('date')),
    indicateur: choix(INDICATEURS_NATIONAUX, params.get('indicateur'), VUE_DEFAUT.indicateur),
    indicateurCommunal: choix(INDICATEURS_COMMUNAUX, params.get('indicateurCommunal'), VUE_DEFAUT.indicateurCommunal),
    tri: choix(TRIS_ZONES_BLANCHES, params.get('tri'), VUE_DEFAUT.tri),
  }
}

/** Only non-default values go into the URL, so the default view has a clean address. */
export function ecrireVue(vue: Vue): URLSearchParams {
  const params = new URLSearchParams()
  if (vue.rayonKm !== VUE_DEFAUT.rayonKm) params.set('rayonKm', String(vue.rayonKm))
  if (vue.offre.length !== CATEGORIES.length) params.set('offre', vue.offre.join(','))
  if (vue.date !== null) params.set('date', vue.date)
  if (vue.indicateur !== VUE_DEFAUT.indicateur) params.set('indicateur', vue.indicateur)
  if (vue.indicateurCommunal !== VUE_DEFAUT.indicateurCommunal) params.set('indicateurCommunal', vue.indicateurCommunal)
  if (vue.tri !== VUE_DEFAUT.tri) params.set('tri', vue.tri)
  return params
}

/** Toggles one catégorie; refuses to empty the offre (at least one kind of lieu must count). */
export function basculerCategorie(offre: readonly Categorie[], categorie: Categorie): readonly Categorie[] {
  const suivante = offre.includes(categorie) ? offre.filter((c) => c !== categorie) : [...offre, categorie]
  if (suivante.length === 0) return offre
  return CATEGORIES.filter((c) => suivante.includes(c))
}
