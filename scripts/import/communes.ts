import type { Cog } from './cog.ts'
import type { Entite, Ligne } from '../lib/lecture.ts'
import type { Rapport } from '../lib/rapport.ts'
import { emprise, type Emprise } from '../lib/emprise.ts'

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

type Centre = { longitude: number; latitude: number; methode: string }

/** Joins the COG with the commune centre points and polygons, on code INSEE only. */
export function assemblerCommunes(
  cog: Cog,
  centres: readonly Ligne<Record<string, string>>[],
  geometries: readonly Ligne<Entite>[],
  fichiers: { centres: string; geometries: string },
  rapport: Rapport,
): { communes: CommuneImportee[]; arrondissements: ArrondissementImporte[] } {
  const connus = new Set([...cog.communes.map((c) => c.code), ...cog.arrondissements.map((a) => a.code)])

  const centreDe = new Map<string, Centre>()
  for (const { ligne, valeurs } of centres) {
    rapport.lu('communes-centres', fichiers.centres)
    const code = valeurs.code ?? ''
    const longitude = Number(valeurs.longitude)
    const latitude = Number(valeurs.latitude)
    if (!connus.has(code)) rapport.rejette('communes-centres', fichiers.centres, ligne, 'code', `code ${code} absent du COG 2026`)
    else if (!Number.isFinite(longitude) || !Number.isFinite(latitude) || valeurs.longitude === '' || valeurs.latitude === '')
      rapport.rejette('communes-centres', fichiers.centres, ligne, 'longitude', 'coordonnées absentes ou non numériques')
    else if (centreDe.has(code)) rapport.fusionne('communes-centres', fichiers.centres)
    else {
      centreDe.set(code, { longitude, latitude, methode: valeurs.methode ?? '' })
      rapport.garde('communes-centres', fichiers.centres)
    }
  }

  const geometrieDe = new Map<string, GeoJSON.Geometry>()
  for (const { ligne, valeurs } of geometries) {
    rapport.lu('communes-geometrie', fichiers.geometries)
    const code = String(valeurs.properties.code ?? '')
    const g = valeurs.geometry
    if (!connus.has(code)) rapport.rejette('communes-geometrie', fichiers.geometries, ligne, 'code', `code ${code} absent du COG 2026`)
    else if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
      rapport.rejette('communes-geometrie', fichiers.geometries, ligne, 'geometry', 'géométrie absente ou non surfacique')
    else if (geometrieDe.has(code)) rapport.fusionne('communes-geometrie', fichiers.geometries)
    else {
      geometrieDe.set(code, g)
      rapport.garde('communes-geometrie', fichiers.geometries)
    }
  }

  const centreOuEmprise = (code: string, g: GeoJSON.Geometry | null): Centre => {
    const centre = centreDe.get(code)
    if (centre) return centre
    if (!g) throw new Error(`La commune ${code} n'a ni point central ni contour : impossible de la placer`)
    const e = emprise(g)
    return { longitude: (e[0] + e[2]) / 2, latitude: (e[1] + e[3]) / 2, methode: 'centre-emprise' }
  }

  const communes = cog.communes.map((c): CommuneImportee => {
    const geometrie = geometrieDe.get(c.code) ?? null
    const centre = centreOuEmprise(c.code, geometrie)
    const e = geometrie ? emprise(geometrie) : ([centre.longitude, centre.latitude, centre.longitude, centre.latitude] as const)
    return { ...c, longitude: centre.longitude, latitude: centre.latitude, methodeCentre: centre.methode, emprise: e, geometrie }
  })
  const arrondissements = cog.arrondissements.map((a): ArrondissementImporte => {
    const geometrie = geometrieDe.get(a.code) ?? null
    const centre = centreOuEmprise(a.code, geometrie)
    return { ...a, longitude: centre.longitude, latitude: centre.latitude, geometrie }
  })
  return { communes, arrondissements }
}
