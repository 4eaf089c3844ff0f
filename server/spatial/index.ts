/**
 * Public entry of the coverage engine. Routes and scripts import from here only:
 * `buildMoteur` once per import, then its query functions.
 */
export { buildMoteur, CAPACITE_CACHE_COUVERTURE } from './moteur.ts'
export type { ChiffresDepartement, ChiffresNational, ChiffresTerritoire, CommuneCouverture, Moteur, ZonesBlanches } from './moteur.ts'
export type { Chiffres } from './chiffres.ts'
export { RAYON_MAX_KM, RAYON_MIN_KM } from './couverture.ts'
export type { Couverture, ParametresCouverture } from './couverture.ts'
export { checkDonnees } from './donnees.ts'
export type { Communes, Lieux, Territoires } from './donnees.ts'
export { distanceKm, RAYON_TERRE_KM } from './geo.ts'
export type { Position } from './geo.ts'
export { LIMITE_PLUS_PROCHES } from './plus-proches.ts'
export type { LieuProche } from './plus-proches.ts'
