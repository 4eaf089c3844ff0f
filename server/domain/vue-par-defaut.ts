/**
 * The radius the dashboard opens on (with the whole offre, counted on the 1 km cells: `METHODE_DEFAUT`). The server
 * computes these figures right after it starts (calculs/prechauffage.ts), so the first visitor finds them ready.
 */
export const RAYON_DEFAUT_KM = 10
