import type { Categorie } from './offre.ts'
import { CATEGORIES_DES_DISPOSITIFS, PIVOT_INCONNU, SEPARATEUR_LISTE, servicesSchema, type LigneSchema } from './schema-mediation.ts'

/** A lieu as Maillage knows it after the merge, with what the schéma asks for. */
export type LieuExporte = Readonly<{
  id: number
  nom: string
  siret: string | null
  adresse: string | null
  codePostal: string | null
  codeInsee: string
  commune: string
  codesPostaux: readonly string[]
  longitude: number
  latitude: number
  telephone: string | null
  siteWeb: string | null
  courriel: string | null
  horaires: string | null
  services: readonly string[]
  itinerant: boolean
  categories: readonly Categorie[]
  dateMaj: string | null
}>

// The characters the schéma's library accepts in `adresse` (its "voie") and `commune`, from its Adresse model.
const HORS_VOIE = /[^0-9A-Za-zÀ-ÖØ-öø-ÿœ-ŸŒ\-,()°.&:+–|;'’/\s]/gu
const HORS_COMMUNE = /[^A-Za-z\dÀ-ÖØ-öø-ÿœ-ŸŒ\-'’\s]/gu
// The library's telephone and URL patterns: a value that does not match is left out rather than exported invalid.
const TELEPHONE = /^(?:(?:\+|00)(?:33|262|269|508|590|594|596|681|687|689)[\s.-]{0,3}(?:\(0\)[\s.-]{0,3})?|0)(?:(?:[1-9](?:[\s.-]?\d{2}){4}|\d{2}(?:[\s.-]\d{3}){2})|\d{6}|\s\d{3}(?:\s\d{2}){3})$/u
const URL = /^[A-Za-z]{3,9}:(?:\/\/)?(?:[;:&=+$,\w-]+@)?[A-Za-z0-9.-]+(?:(?:\/[+~,%@/.\w_-]*)?\??[-+=&;%@.\w_]*#?[.!/\\\w]*)?$/u
const COURRIEL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/u

/** Characters the schéma refuses become spaces; only the first line of a multi-line address is kept. */
const nettoyer = (texte: string, refuses: RegExp): string =>
  (texte.split('\n')[0] ?? '').replace(refuses, ' ').replace(/\s+/g, ' ').trim()

const siValide = (valeur: string | null, motif: RegExp): string | undefined => (valeur !== null && motif.test(valeur) ? valeur : undefined)

/**
 * A lieu in the schéma's fields. Required fields that no source gave are filled from the commune: its first code
 * postal, and its name as the address of the few lieux without one (they are placed at the commune's centre).
 * Values the schéma would refuse (telephone, site web, courriel that do not match its patterns) are left out.
 */
export function versLigneSchema(lieu: LieuExporte): LigneSchema {
  const commune = nettoyer(lieu.commune, HORS_COMMUNE)
  const adresse = lieu.adresse === null ? '' : nettoyer(lieu.adresse, HORS_VOIE)
  const dispositifs = [...CATEGORIES_DES_DISPOSITIFS].filter(([, c]) => lieu.categories.includes(c)).map(([d]) => d)
  const services = servicesSchema(lieu.services)
  const valeurs: { [C in keyof LigneSchema]?: LigneSchema[C] | undefined } = {
    id: String(lieu.id),
    pivot: lieu.siret ?? PIVOT_INCONNU,
    nom: lieu.nom,
    commune,
    code_postal: lieu.codePostal ?? lieu.codesPostaux[0] ?? '',
    code_insee: lieu.codeInsee,
    adresse: adresse === '' ? commune : adresse,
    latitude: lieu.latitude,
    longitude: lieu.longitude,
    telephone: siValide(lieu.telephone, TELEPHONE),
    courriels: siValide(lieu.courriel, COURRIEL),
    site_web: siValide(lieu.siteWeb, URL),
    horaires: lieu.horaires ?? undefined,
    itinerance: lieu.itinerant ? 'Itinérant' : undefined,
    date_maj: lieu.dateMaj ?? undefined,
    services: services.length > 0 ? services.join(SEPARATEUR_LISTE) : undefined,
    dispositif_programmes_nationaux: dispositifs.length > 0 ? dispositifs.join(SEPARATEUR_LISTE) : undefined,
  }
  return Object.fromEntries(Object.entries(valeurs).filter(([, v]) => v !== undefined)) as LigneSchema
}
