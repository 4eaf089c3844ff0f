/**
 * The offre: which kinds of lieux count when measuring coverage. A lieu may belong to several
 * catégories at once (a France services that also hosts conseillers numériques), so catégories are
 * bits of a mask and a lieu is in the offre when its mask intersects the offre's.
 */
export const CATEGORIES = ['conseillers-numeriques', 'france-services', 'mediation', 'aidants-connect'] as const
export type Categorie = (typeof CATEGORIES)[number]

export const LIBELLES_CATEGORIES: Readonly<Record<Categorie, string>> = {
  'conseillers-numeriques': 'Conseillers numériques',
  'france-services': 'France services',
  mediation: 'Autres lieux de médiation numérique',
  'aidants-connect': 'Aidants Connect',
}

export const bitCategorie = (categorie: Categorie): number => 1 << CATEGORIES.indexOf(categorie)

export const OFFRE_COMPLETE = (1 << CATEGORIES.length) - 1

export const isCategorie = (valeur: string): valeur is Categorie => (CATEGORIES as readonly string[]).includes(valeur)

/** Mask of a list of catégories. */
export function masqueOffre(categories: readonly Categorie[]): number {
  let masque = 0
  for (const c of categories) masque |= bitCategorie(c)
  return masque
}

/** Catégories of a mask, in the canonical order. */
export function categoriesDuMasque(masque: number): Categorie[] {
  return CATEGORIES.filter((c) => (masque & bitCategorie(c)) !== 0)
}
