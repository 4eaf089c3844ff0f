/** Folds a name for search and comparison: lower case, no accents, punctuation as single spaces. */
export function normaliserTexte(texte: string): string {
  return texte
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Search key of a commune name: also folds 'saint' / 'st' so "St Denis" finds "Saint-Denis". */
export function cleRecherche(texte: string): string {
  return normaliserTexte(texte)
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
}

/** A SIRET is 14 digits and not a placeholder of zeros; spreadsheets may have turned it into a float. */
export function normaliserSiret(brut: unknown): string | null {
  if (brut === null || brut === undefined) return null
  let s = String(brut).trim().replace(/\s+/g, '')
  if (/^\d+\.0+$/.test(s)) s = s.replace(/\.0+$/, '')
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(s)) return null
  if (/^\d{13}$/.test(s)) s = `0${s}`
  if (!/^\d{14}$/.test(s) || /^0+$/.test(s)) return null
  return s
}
