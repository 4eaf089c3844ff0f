import type { Cog } from './cog.ts'
import type { ContourTerritoire } from './ecriture-territoires.ts'
import { dissoudre } from '../derivation/dissolution.ts'
import { emprise } from '../lib/emprise.ts'
import { lireGeojson } from '../lib/lecture.ts'
import type { Rapport } from '../lib/rapport.ts'
import type { EntreeManifest } from '../lib/sources.ts'

/**
 * Outlines of départements (and COM), kept when their code is in the COG, and of régions, derived
 * by dissolving the outlines of their départements (COM belong to no région).
 */
export function lireContours(cog: Cog, chemins: ReadonlyMap<string, string>, manifest: readonly EntreeManifest[], rapport: Rapport) {
  const jeu = 'departements-geometrie'
  const fichier = manifest.find((m) => m.jeu === jeu)!.fichier
  const codes = new Set(cog.departements.map((d) => d.code))
  const departements: (ContourTerritoire & { geometrie: GeoJSON.Polygon | GeoJSON.MultiPolygon })[] = []
  const vus = new Set<string>()
  for (const { ligne, valeurs } of lireGeojson(chemins.get(jeu)!)) {
    rapport.lu(jeu, fichier)
    const code = String(valeurs.properties.code ?? '')
    const g = valeurs.geometry
    if (!codes.has(code)) rapport.rejette(jeu, fichier, ligne, 'code', `code ${code} absent du COG 2026`)
    else if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) rapport.rejette(jeu, fichier, ligne, 'geometry', 'géométrie absente ou non surfacique')
    else if (vus.has(code)) rapport.fusionne(jeu, fichier)
    else {
      vus.add(code)
      departements.push({ code, geometrie: g, emprise: emprise(g) })
      rapport.garde(jeu, fichier)
    }
  }
  const regionDe = new Map(cog.departements.filter((d) => !d.com).map((d) => [d.code, d.region] as const))
  const regions = cog.regions.flatMap((r): ContourTerritoire[] => {
    const membres = departements.filter((d) => regionDe.get(d.code) === r.code).map((d) => d.geometrie)
    if (membres.length === 0) return []
    const geometrie = dissoudre(membres)
    return [{ code: r.code, geometrie, emprise: emprise(geometrie) }]
  })
  return { departements, regions }
}
