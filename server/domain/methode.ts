/**
 * Where a commune's inhabitants are counted when measuring coverage: on the 1 km population grid
 * (`carreaux`, the default: each cell at its distance to the nearest lieu) or all at the commune's centre
 * point (`centres`, the method Maillage had before the grid).
 */
export const METHODES = ['carreaux', 'centres'] as const
export type Methode = (typeof METHODES)[number]
export const METHODE_DEFAUT: Methode = 'carreaux'

/**
 * A commune counted by cells is `couverte` when all its inhabitants live in covered cells, `blanche` when
 * none does, `partielle` otherwise (with the centre method a commune is `couverte` or `blanche` as a whole).
 */
export const STATUTS_COMMUNE = ['blanche', 'partielle', 'couverte'] as const
export type StatutCouverture = (typeof STATUTS_COMMUNE)[number]
