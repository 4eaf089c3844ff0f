import type { Categorie } from '../api/types.ts'

// Same labels as server/domain/offre.ts (the client may not import server code at runtime).
export const LIBELLES_CATEGORIES: Readonly<Record<Categorie, string>> = {
  'conseillers-numeriques': 'Conseillers numériques',
  'france-services': 'France services',
  mediation: 'Autres lieux de médiation numérique',
  'aidants-connect': 'Aidants Connect',
}
