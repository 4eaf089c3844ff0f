import type { LocalisateurPolygones } from '../lib/point-dans-polygone.ts'
import { lireCsv } from '../lib/lecture.ts'
import type { Rapport } from '../lib/rapport.ts'

/** A cell whose centre is in no commune polygon goes to the commune whose edge is nearest, up to this distance (coast, generalised outlines). */
export const DISTANCE_MAX_RATTACHEMENT_KM = 1.5

/** How a commune's inhabitants are placed: on its cells, or all at its centre point (and why). */
export type Demande = 'carreaux' | 'centre-sans-carreau' | 'centre-outre-mer'

/** One cell of the 1 km grid as the source gives it: centre [lng, lat] and census population. */
export type CarreauSource = Readonly<{ ligne: number; x3035: number; y3035: number; longitude: number; latitude: number; population: number }>

/** A cell kept: its commune and its population scaled so that the commune's cells sum to its légale population. */
export type CarreauImporte = CarreauSource & Readonly<{
  commune: string
  /** Scaled population, an integer. */
  populationLegale: number
  /** 'polygone': centre inside the commune; 'bord': centre outside every polygon, within 1.5 km of this commune's edge. */
  rattachement: 'polygone' | 'bord'
}>

export type BilanCarreaux = Readonly<{
  lus: number
  dansPolygone: number
  parBord: number
  rejetes: number
  populationRejetee: number
  communesParCarreaux: number
  communesSansCarreau: number
  communesOutreMer: number
}>

type Commune = Readonly<{ code: string; population: number; departement: string }>

const entier = /^\d+$/
const decimal = /^-?\d+(?:\.\d+)?$/

/** Field conversion of one row: numbers in range, or the field that failed and why (in French). */
export function lireCarreau(ligne: number, v: Readonly<Record<string, string>>):
  { ok: true; carreau: CarreauSource } | { ok: false; champ: string; motif: string } {
  for (const champ of ['x3035', 'y3035', 'pop'] as const)
    if (!entier.test((v[champ] ?? '').trim())) return { ok: false, champ, motif: `entier positif attendu (reçu « ${v[champ] ?? ''} »)` }
  for (const champ of ['lon', 'lat'] as const)
    if (!decimal.test((v[champ] ?? '').trim())) return { ok: false, champ, motif: `nombre décimal attendu (reçu « ${v[champ] ?? ''} »)` }
  const longitude = Number(v.lon)
  const latitude = Number(v.lat)
  if (!(longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90))
    return { ok: false, champ: 'lon,lat', motif: `position [${longitude}, ${latitude}] hors des coordonnées WGS84` }
  return { ok: true, carreau: { ligne, x3035: Number(v.x3035), y3035: Number(v.y3035), longitude, latitude, population: Number(v.pop) } }
}

/**
 * Integers proportional to `poids` that sum exactly to `total` (largest remainder method, ties to the
 * earlier entry). Equal shares when every weight is 0.
 */
export function repartirPopulation(poids: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`repartirPopulation: total must be a non-negative integer, got ${total}`)
  if (poids.length === 0) return []
  const somme = poids.reduce((a, b) => a + b, 0)
  const w = somme > 0 ? poids : poids.map(() => 1)
  const s = somme > 0 ? somme : poids.length
  const parts = w.map((p) => Math.floor((total * p) / s))
  let reste = total - parts.reduce((a, b) => a + b, 0)
  const ordre = w.map((p, k) => ({ k, frac: (total * p) / s - parts[k]! })).sort((a, b) => b.frac - a.frac || a.k - b.k)
  for (let r = 0; reste > 0; r++, reste--) parts[ordre[r % ordre.length]!.k]!++
  return parts
}

/**
 * Reads the 1 km grid, puts each cell in the commune whose polygon holds its centre, else in the commune
 * whose edge is within 1.5 km (coastal cells whose centre is at sea), else rejects it to the report with its
 * population. Cells of a commune are then scaled to its légale population. Communes outside métropole keep
 * their centre (the grid covers métropole and Corse only), and so does a commune that holds no cell centre.
 */
export function importerCarreaux(
  chemin: string,
  fichier: string,
  communes: readonly Commune[],
  departementsMetropole: ReadonlySet<string>,
  polygones: LocalisateurPolygones,
  rapport: Rapport,
): { carreaux: CarreauImporte[]; demande: Map<string, Demande>; bilan: BilanCarreaux } {
  const jeu = 'population-carroyee'
  const parCode = new Map(communes.map((c) => [c.code, c] as const))
  const parCommune = new Map<string, { c: CarreauSource; rattachement: 'polygone' | 'bord' }[]>()
  let lus = 0, dansPolygone = 0, parBord = 0, rejetes = 0, populationRejetee = 0
  const rejeter = (ligne: number, champ: string, motif: string, population: number) => {
    rapport.rejette(jeu, fichier, ligne, champ, motif)
    rejetes++
    populationRejetee += population
  }
  for (const { ligne, valeurs } of lireCsv(chemin, ['x3035', 'y3035', 'lon', 'lat', 'pop', 'conf'])) {
    rapport.lu(jeu, fichier)
    lus++
    const r = lireCarreau(ligne, valeurs)
    if (!r.ok) {
      rejeter(ligne, r.champ, r.motif, 0)
      continue
    }
    const c = r.carreau
    let code = polygones.localiser(c.longitude, c.latitude)
    let rattachement: 'polygone' | 'bord' = 'polygone'
    if (code === null) {
      const proche = polygones.plusProcheBord(c.longitude, c.latitude, DISTANCE_MAX_RATTACHEMENT_KM)
      if (proche === null) {
        rejeter(ligne, 'lon,lat', `centre du carreau [${c.longitude}, ${c.latitude}] dans aucune commune ni à moins de ${String(DISTANCE_MAX_RATTACHEMENT_KM).replace('.', ',')} km du bord de l'une d'elles (${c.population} habitants)`, c.population)
        continue
      }
      code = proche.code
      rattachement = 'bord'
    }
    const commune = parCode.get(code)
    if (!commune || !departementsMetropole.has(commune.departement)) {
      rejeter(ligne, 'lon,lat', `centre du carreau dans la commune ${code}, hors métropole : les communes d'outre-mer gardent leur point central (${c.population} habitants)`, c.population)
      continue
    }
    rapport.garde(jeu, fichier)
    if (rattachement === 'polygone') dansPolygone++
    else parBord++
    let liste = parCommune.get(code)
    if (!liste) parCommune.set(code, (liste = []))
    liste.push({ c, rattachement })
  }

  const carreaux: CarreauImporte[] = []
  const demande = new Map<string, Demande>()
  let communesParCarreaux = 0, communesSansCarreau = 0, communesOutreMer = 0
  for (const commune of communes) {
    const liste = parCommune.get(commune.code)
    if (!departementsMetropole.has(commune.departement)) {
      demande.set(commune.code, 'centre-outre-mer')
      communesOutreMer++
    } else if (!liste) {
      demande.set(commune.code, 'centre-sans-carreau')
      communesSansCarreau++
    } else {
      demande.set(commune.code, 'carreaux')
      communesParCarreaux++
      const parts = repartirPopulation(liste.map((x) => x.c.population), commune.population)
      liste.forEach(({ c, rattachement }, k) => carreaux.push({ ...c, commune: commune.code, populationLegale: parts[k]!, rattachement }))
    }
  }
  return {
    carreaux,
    demande,
    bilan: { lus, dansPolygone, parBord, rejetes, populationRejetee, communesParCarreaux, communesSansCarreau, communesOutreMer },
  }
}

/** The build report's lines on the grid. */
export function resumeCarreaux(b: BilanCarreaux): string {
  const f = (x: number) => x.toLocaleString('fr-FR')
  return `Population carroyée (1 km) : ${f(b.lus)} carreaux lus, ${f(b.dansPolygone)} dans le contour d'une commune, ${f(b.parBord)} rattachés au bord le plus proche (≤ ${String(DISTANCE_MAX_RATTACHEMENT_KM).replace('.', ',')} km), ` +
    `${f(b.rejetes)} rejetés (${f(b.populationRejetee)} habitants, voir rejets.csv).\n` +
    `Communes comptées par carreaux : ${f(b.communesParCarreaux)} ; au point central : ${f(b.communesSansCarreau)} de métropole sans centre de carreau ` +
    `et ${f(b.communesOutreMer)} d'outre-mer (DROM et COM, hors de la grille).`
}
