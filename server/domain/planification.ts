/**
 * The limits of a planning request, the same for the server that checks them and the client that offers them
 * (the client may import this pure module: it holds no server code).
 */

/** Largest number of postes one scenario may add. */
export const MAX_AJOUTS = 200
/** Largest number of conseillers of one added poste. */
export const MAX_CONSEILLERS_AJOUT = 50
/** Largest number of lieux one scenario may withdraw. */
export const MAX_RETRAITS = 2_000
/** Largest number of postes one optimisation may place in a département. */
export const MAX_POSTES_DEPARTEMENT = 100
/** Largest number of postes the national allocation spreads. */
export const MAX_POSTES_NATIONAL = 200
