export type SensTri = 'croissant' | 'decroissant'
export type Tri<C extends string> = { colonne: C; sens: SensTri }

/** Stable sort; null values always last whatever the direction, so missing data never tops a ranking. */
export function trier<T, C extends string>(lignes: readonly T[], tri: Tri<C>, valeur: (l: T, c: C) => number | string | null): T[] {
  const signe = tri.sens === 'croissant' ? 1 : -1
  return lignes
    .map((l, i) => ({ l, i, v: valeur(l, tri.colonne) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1
      const c = typeof a.v === 'string' || typeof b.v === 'string' ? String(a.v).localeCompare(String(b.v), 'fr') : a.v - b.v
      return c === 0 ? a.i - b.i : signe * c
    })
    .map((x) => x.l)
}

/** Clicking the sorted column flips it; a new column starts with the direction given for it. */
export function basculerTri<C extends string>(tri: Tri<C>, colonne: C, sensInitial: SensTri = 'decroissant'): Tri<C> {
  if (tri.colonne !== colonne) return { colonne, sens: sensInitial }
  return { colonne, sens: tri.sens === 'croissant' ? 'decroissant' : 'croissant' }
}

export const ariaSort = <C extends string>(tri: Tri<C>, colonne: C): 'ascending' | 'descending' | 'none' =>
  tri.colonne !== colonne ? 'none' : tri.sens === 'croissant' ? 'ascending' : 'descending'
