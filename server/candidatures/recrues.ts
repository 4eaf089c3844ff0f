import type { LigneBrute, SchemaFichier } from './lecture.ts'
import { communeDeLigne, lireDate, nombre, type Referentiel } from './verification.ts'

/**
 * The file of recruits (people who applied to become conseiller numérique) that a préfecture matches to the postes of
 * candidatures: an identifier chosen by the préfecture (no name needed), where they live (code INSEE, postal code and
 * commune, or coordinates), the distance they accept, and when they are available. Nothing of it is stored.
 */
export const CHAMPS_RECRUE = ['id', 'codeInsee', 'codePostal', 'commune', 'longitude', 'latitude', 'distanceMaxKm', 'disponibleLe'] as const
export type ChampRecrue = (typeof CHAMPS_RECRUE)[number]

/** Distance a recruit accepts when the file does not say, and the bounds of the route (km). */
export const DISTANCE_MAX_DEFAUT_KM = 30
export const DISTANCE_MAX_MIN_KM = 1
export const DISTANCE_MAX_MAX_KM = 100
const LONGUEUR_MAX_ID = 64

export const SCHEMA_RECRUES: SchemaFichier<ChampRecrue> = {
  orthographes: {
    id: ['id', 'identifiant', 'identifiant candidat', 'identifiant recrue', 'reference', 'reference candidat', 'numero', 'numero candidat',
      'numero dossier', 'dossier', 'code candidat', 'candidat', 'recrue', 'id recrue', 'id candidat'],
    codeInsee: ['code insee', 'insee', 'code commune', 'code insee commune', 'code insee residence', 'cog'],
    codePostal: ['code postal', 'cp', 'code postal residence'],
    commune: ['commune', 'ville', 'commune residence', 'nom commune', 'localite'],
    longitude: ['longitude', 'lon', 'lng', 'x'],
    latitude: ['latitude', 'lat', 'y'],
    distanceMaxKm: ['distance max km', 'distance max', 'distance maximale', 'distance maximale km', 'mobilite', 'mobilite km', 'rayon mobilite',
      'rayon', 'distance', 'km'],
    disponibleLe: ['disponible le', 'disponibilite', 'date disponibilite', 'disponible', 'date'],
  },
  manquantes: (vus) => [
    ...(vus.has('id') ? [] : ['identifiant']),
    ...(vus.has('codeInsee') || (vus.has('codePostal') && vus.has('commune')) || (vus.has('longitude') && vus.has('latitude'))
      ? [] : ['codeInsee (ou codePostal et commune, ou longitude et latitude)']),
  ],
  requises: 'Il faut un identifiant par recrue et sa commune (code INSEE, ou code postal et commune, ou longitude et latitude).',
  nomLignes: 'recrues',
}

/** A recruit as read: where they live (their commune's centre, or the coordinates given), and what they accept. */
export type RecrueLue = Readonly<{
  ligne: number
  id: string
  longitude: number
  latitude: number
  codeInsee: string | null
  distanceMaxKm: number
  disponibleLe: string | null
}>
export type RejetRecrue = Readonly<{ ligne: number; champ: ChampRecrue; motif: string }>

/**
 * Checks the rows of a file of recruits: every problem is a reject naming its line and column, and a row with a
 * reject is not kept. An identifier met twice is refused the second time. Recruits may live outside the département.
 */
export function verifierRecrues(lignes: readonly LigneBrute<ChampRecrue>[], ref: Referentiel): { recrues: RecrueLue[]; rejetees: RejetRecrue[] } {
  const recrues: RecrueLue[] = []
  const rejetees: RejetRecrue[] = []
  const idsVus = new Map<string, number>()
  for (const { ligne, valeurs: v } of lignes) {
    const rejets: RejetRecrue[] = []
    const rejeter = (champ: ChampRecrue, motif: string) => rejets.push({ ligne, champ, motif })
    const id = (v.id ?? '').replace(/\s+/g, ' ').trim()
    if (id === '') rejeter('id', 'identifiant absent')
    else if (id.length > LONGUEUR_MAX_ID) rejeter('id', `identifiant : ${LONGUEUR_MAX_ID} caractères au plus`)
    else if (idsVus.has(id)) rejeter('id', `identifiant « ${id} » déjà présent ligne ${idsVus.get(id)} du fichier`)
    else idsVus.set(id, ligne)

    let position: { longitude: number; latitude: number; codeInsee: string | null } | null = null
    if (v.longitude !== undefined || v.latitude !== undefined) {
      const longitude = v.longitude === undefined ? null : nombre(v.longitude)
      const latitude = v.latitude === undefined ? null : nombre(v.latitude)
      if (longitude === null || longitude < -180 || longitude > 180) rejeter('longitude', `longitude invalide : « ${v.longitude ?? ''} » (degrés décimaux, ex. 4,89)`)
      else if (latitude === null || latitude < -90 || latitude > 90) rejeter('latitude', `latitude invalide : « ${v.latitude ?? ''} » (degrés décimaux, ex. 44,93)`)
      else position = { longitude, latitude, codeInsee: null }
    } else {
      const c = communeDeLigne(v, ref, 'la recrue')
      if ('motif' in c) rejeter(c.champ, c.motif)
      else position = { longitude: c.commune.longitude, latitude: c.commune.latitude, codeInsee: c.commune.code }
    }

    const distance = v.distanceMaxKm === undefined ? DISTANCE_MAX_DEFAUT_KM : nombre(v.distanceMaxKm.replace(/\s*km$/i, ''))
    if (distance === null || distance < DISTANCE_MAX_MIN_KM || distance > DISTANCE_MAX_MAX_KM)
      rejeter('distanceMaxKm', `distance maximale : de ${DISTANCE_MAX_MIN_KM} à ${DISTANCE_MAX_MAX_KM} km attendus, reçu « ${v.distanceMaxKm ?? ''} »`)
    const disponibleLe = v.disponibleLe === undefined ? null : lireDate(v.disponibleLe)
    if (v.disponibleLe !== undefined && disponibleLe === null) rejeter('disponibleLe', `date illisible : « ${v.disponibleLe} » (JJ/MM/AAAA ou AAAA-MM-JJ)`)

    if (rejets.length > 0 || position === null || distance === null) {
      rejetees.push(...rejets)
      continue
    }
    recrues.push({ ligne, id, ...position, distanceMaxKm: distance, disponibleLe })
  }
  return { recrues, rejetees }
}
