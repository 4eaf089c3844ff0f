import { normaliserTexte } from './texte.ts'

/**
 * Candidatures of structures asking for funded postes of conseiller numérique, and the préfet's avis on them.
 * The State funds a poste at a rate that depends on the kind of structure (README, « Candidatures »).
 */
export const TYPES_STRUCTURE = ['collectivite', 'privee'] as const
export type TypeStructure = (typeof TYPES_STRUCTURE)[number]

/** State funding of one poste, by kind of structure. */
export const FINANCEMENT_POSTE_EUROS: Readonly<Record<TypeStructure, number>> = { collectivite: 50_000, privee: 40_000 }

export const AVIS = ['favorable', 'reserve', 'defavorable'] as const
export type Avis = (typeof AVIS)[number]

/** Most postes one candidature may ask for. */
export const MAX_POSTES_CANDIDATURE = 50

export const coutEtatEuros = (type: TypeStructure, postes: number): number => FINANCEMENT_POSTE_EUROS[type] * postes

// Folded spellings (normaliserTexte) met in the spreadsheets of the préfectures, by kind of structure.
const COLLECTIVITES = [
  'collectivite', 'collectivite territoriale', 'collectivites', 'public', 'publique', 'structure publique', 'commune', 'mairie', 'ville',
  'epci', 'communaute de communes', 'communaute d agglomeration', 'communaute urbaine', 'metropole', 'cc', 'ca', 'cu',
  'departement', 'conseil departemental', 'region', 'conseil regional', 'syndicat mixte', 'sivom', 'sivu', 'ccas', 'cias', 'petr',
  'groupement de collectivites', 'etablissement public',
]
const PRIVEES = [
  'privee', 'prive', 'structure privee', 'association', 'asso', 'ess', 'economie sociale et solidaire', 'entreprise', 'societe',
  'scic', 'scop', 'sas', 'sarl', 'fondation', 'mutuelle', 'cooperative', 'entreprise de l ess', 'tiers lieu', 'privee non lucrative',
  'privee lucrative', 'structure de l ess',
]
const PAR_ORTHOGRAPHE = new Map<string, TypeStructure>([
  ...COLLECTIVITES.map((s) => [s, 'collectivite'] as const),
  ...PRIVEES.map((s) => [s, 'privee'] as const),
])

/** The kind of structure of a spelling (« Commune », « EPCI », « Association loi 1901 », « ESS »…); null when not recognised. */
export function typeStructure(brut: string): TypeStructure | null {
  const t = normaliserTexte(brut)
  if (t === '') return null
  const exact = PAR_ORTHOGRAPHE.get(t)
  if (exact !== undefined) return exact
  // « Association loi 1901 », « Commune de Valence », « Communauté de communes du Diois »: the first words decide.
  for (const [orthographe, type] of PAR_ORTHOGRAPHE) if (orthographe.length > 3 && t.startsWith(`${orthographe} `)) return type
  return null
}

export const isAvis = (s: string): s is Avis => (AVIS as readonly string[]).includes(s)
