/**
 * The schéma des lieux de médiation numérique (v1.0, LaMednum / ANCT), in and out: its columns in the order of the
 * national consolidated file, its lists (separated by `|`), and how its values map to Maillage's catégories.
 * The vocabularies are the schéma's, as @gouvfr-anct/lieux-de-mediation-numerique 2.3.0 implements them; the tests
 * check these copies against the library (the domain imports no package).
 */
import type { Categorie } from './offre.ts'

export const COLONNES_SCHEMA = [
  'id', 'pivot', 'nom', 'commune', 'code_postal', 'code_insee', 'adresse', 'complement_adresse', 'latitude', 'longitude',
  'typologie', 'telephone', 'courriels', 'site_web', 'horaires', 'presentation_resume', 'presentation_detail', 'source',
  'itinerance', 'structure_parente', 'date_maj', 'services', 'publics_specifiquement_adresses', 'prise_en_charge_specifique',
  'frais_a_charge', 'dispositif_programmes_nationaux', 'formations_labels', 'autres_formations_labels', 'modalites_acces',
  'modalites_accompagnement', 'fiche_acces_libre', 'prise_rdv',
] as const
export type ColonneSchema = (typeof COLONNES_SCHEMA)[number]

/** One lieu in the schéma: absent optional fields are left out, as the library's `toSchemaLieuMediationNumerique` does. */
export type LigneSchema = Partial<Record<ColonneSchema, string | number>>

/** The schéma separates the values of a list field with `|`. */
export const SEPARATEUR_LISTE = '|'

/** Pivot of a lieu whose SIRET is unknown: the placeholder the national file uses. */
export const PIVOT_INCONNU = '00000000000000'

/** The national programmes that are Maillage catégories; every other lieu of the schéma is `mediation`. */
export const CATEGORIES_DES_DISPOSITIFS: ReadonlyMap<string, Categorie> = new Map([
  ['France Services', 'france-services'],
  ['Conseillers numériques', 'conseillers-numeriques'],
  ['Aidants Connect', 'aidants-connect'],
])

/**
 * Catégories of a lieu from its dispositifs: the main one is the first programme in CATEGORIES_DES_DISPOSITIFS
 * order; a lieu in none of them is `mediation` (the schéma cannot say "also outside any programme").
 */
export function categoriesDesDispositifs(dispositifs: readonly string[]): { categorie: Categorie; autres: Categorie[] } {
  const categories = [...CATEGORIES_DES_DISPOSITIFS].filter(([d]) => dispositifs.includes(d)).map(([, c]) => c)
  const [categorie = 'mediation', ...autres] = categories
  return { categorie, autres }
}

export const SERVICES_SCHEMA = [
  'Acquisition de matériel informatique à prix solidaire', 'Aide aux démarches administratives',
  'Maîtrise des outils numériques du quotidien', 'Insertion professionnelle via le numérique',
  'Utilisation sécurisée du numérique', 'Parentalité et éducation avec le numérique', 'Loisirs et créations numériques',
  'Compréhension du monde numérique', 'Accès internet et matériel informatique',
] as const

/**
 * Services as the other sources word them → the schéma's value. The early-schéma wordings follow the ANCT's own
 * mapping (mednum-cli configurations); the three generic services are those Maillage gives each programme's lieux.
 */
const SERVICES_VERS_SCHEMA: ReadonlyMap<string, string> = new Map([
  ['Accompagnement aux démarches administratives en ligne', 'Aide aux démarches administratives'],
  ['Réaliser des démarches administratives avec un aidant habilité (Aidants Connect)', 'Aide aux démarches administratives'],
  ['Accompagnement au numérique par un conseiller numérique France Services', 'Maîtrise des outils numériques du quotidien'],
  ['Réaliser des démarches administratives avec un accompagnement', 'Aide aux démarches administratives'],
  ['Devenir autonome dans les démarches administratives', 'Aide aux démarches administratives'],
  ['Accompagner les démarches de santé', 'Aide aux démarches administratives'],
  ['Utiliser le numérique au quotidien', 'Maîtrise des outils numériques du quotidien'],
  ['Prendre en main un ordinateur', 'Maîtrise des outils numériques du quotidien'],
  ['Prendre en main un smartphone ou une tablette', 'Maîtrise des outils numériques du quotidien'],
  ['Approfondir ma culture numérique', 'Compréhension du monde numérique'],
  ['Promouvoir la citoyenneté numérique', 'Compréhension du monde numérique'],
  ['Accéder à du matériel', 'Accès internet et matériel informatique'],
  ['Accéder à une connexion internet', 'Accès internet et matériel informatique'],
  ['Favoriser mon insertion professionnelle', 'Insertion professionnelle via le numérique'],
])

/** The schéma's services of a lieu, in the schéma's order; wordings with no counterpart are left out. */
export function servicesSchema(services: readonly string[]): string[] {
  const valeurs = new Set(services.map((s) => ((SERVICES_SCHEMA as readonly string[]).includes(s) ? s : SERVICES_VERS_SCHEMA.get(s))))
  return SERVICES_SCHEMA.filter((s) => valeurs.has(s))
}
