import type { Cog } from './cog.ts'
import type { Entite, Ligne } from '../lib/lecture.ts'
import type { Rapport } from '../lib/rapport.ts'
import { emprise, type Emprise } from '../lib/emprise.ts'
import { centreCommune, type MethodeCentre } from '../derivation/centre-commune.ts'

export type CommuneImportee = Readonly<{
  code: string
  nom: string
  departement: string
  region: string
  epci: string | null
  population: number
  codesPostaux: readonly string[]
  com: boolean
  longitude: number
  latitude: number
  methodeCentre: string
  emprise: Emprise
  geometrie: GeoJSON.Geometry | null
}>

export type ArrondissementImporte = Readonly<{
  code: string
  nom: string
  commune: string
  population: number
  longitude: number
  latitude: number
  geometrie: GeoJSON.Geometry | null
}>

/** What the build derived: how many centres each method gave, and the polygons with no area (their centre is the mean of their vertices). */
export type BilanCentres = Readonly<{ parMethode: Readonly<Record<MethodeCentre, number>>; sansSurface: readonly string[] }>

const arrondi5 = (x: number) => Math.round(x * 1e5) / 1e5

/** Joins the COG with the commune polygons, on code INSEE only, and derives each commune's centre from its polygon. */
export function assemblerCommunes(
  cog: Cog,
  geometries: readonly Ligne<Entite>[],
  fichier: string,
  rapport: Rapport,
): { communes: CommuneImportee[]; arrondissements: ArrondissementImporte[]; centres: BilanCentres } {
  const connus = new Set([...cog.communes.map((c) => c.code), ...cog.arrondissements.map((a) => a.code)])

  const geometrieDe = new Map<string, GeoJSON.Polygon | GeoJSON.MultiPolygon>()
  for (const { ligne, valeurs } of geometries) {
    rapport.lu('communes-geometrie', fichier)
    const code = String(valeurs.properties.code ?? '')
    const g = valeurs.geometry
    if (!connus.has(code)) rapport.rejette('communes-geometrie', fichier, ligne, 'code', `code ${code} absent du COG 2026`)
    else if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
      rapport.rejette('communes-geometrie', fichier, ligne, 'geometry', 'géométrie absente ou non surfacique')
    else if (geometrieDe.has(code)) rapport.fusionne('communes-geometrie', fichier)
    else {
      geometrieDe.set(code, g)
      rapport.garde('communes-geometrie', fichier)
    }
  }

  const parMethode: Record<MethodeCentre, number> = { centroid: 0, scanline: 0, sommets: 0 }
  const sansSurface: string[] = []
  const placer = (code: string) => {
    const geometrie = geometrieDe.get(code)
    if (!geometrie) throw new Error(`${fichier} : la commune ${code} du COG 2026 n'a pas de contour : impossible de la placer`)
    // Rounded to 5 decimals (about 1 m), as the centres file published before did: the outlines are
    // generalised to ~100 m anyway, and the coverage figures stay those computed from that file.
    const exact = centreCommune(geometrie)
    const centre = { ...exact, longitude: arrondi5(exact.longitude), latitude: arrondi5(exact.latitude) }
    parMethode[centre.methode]++
    if (centre.methode === 'sommets') sansSurface.push(code)
    return { geometrie, centre }
  }

  const communes = cog.communes.map((c): CommuneImportee => {
    const { geometrie, centre } = placer(c.code)
    return { ...c, longitude: centre.longitude, latitude: centre.latitude, methodeCentre: centre.methode, emprise: emprise(geometrie), geometrie }
  })
  const arrondissements = cog.arrondissements.map((a): ArrondissementImporte => {
    const { geometrie, centre } = placer(a.code)
    return { ...a, longitude: centre.longitude, latitude: centre.latitude, geometrie }
  })
  return { communes, arrondissements, centres: { parMethode, sansSurface } }
}
