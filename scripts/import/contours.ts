import type { Cog } from './cog.ts'
import type { ContourTerritoire } from './ecriture-territoires.ts'
import { emprise } from '../lib/emprise.ts'
import { lireGeojson } from '../lib/lecture.ts'
import type { Rapport } from '../lib/rapport.ts'
import type { EntreeManifest } from '../lib/sources.ts'

/** Outlines of départements (and COM) and régions, kept when their code is in the COG. */
export function lireContours(cog: Cog, chemins: ReadonlyMap<string, string>, manifest: readonly EntreeManifest[], rapport: Rapport) {
  const lire = (jeu: string, codes: ReadonlySet<string>): ContourTerritoire[] => {
    const fichier = manifest.find((m) => m.jeu === jeu)!.fichier
    const contours: ContourTerritoire[] = []
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
        contours.push({ code, geometrie: g, emprise: emprise(g) })
        rapport.garde(jeu, fichier)
      }
    }
    return contours
  }
  return {
    departements: lire('departements-geometrie', new Set(cog.departements.map((d) => d.code))),
    regions: lire('regions-geometrie', new Set(cog.regions.map((r) => r.code))),
  }
}
