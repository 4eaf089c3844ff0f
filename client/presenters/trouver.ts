import type { Bbox, CommuneTrouvee, Lieu } from '../api/types.ts'
import type { Repere } from '../map/Reperes.tsx'

/** Case- and accent-insensitive form used to recognise an exact commune name. */
export const normaliser = (texte: string): string =>
  texte.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[-'’\s]+/g, ' ').trim()

/** The commune to open directly: the only result, or the only exact name match. Homonyms need a choice. */
export function communeEvidente(q: string, communes: readonly CommuneTrouvee[]): CommuneTrouvee | null {
  if (communes.length === 1) return communes[0]!
  const cible = normaliser(q)
  const exactes = communes.filter((c) => normaliser(c.nom) === cible || c.codesPostaux.includes(q.trim()))
  return exactes.length === 1 ? exactes[0]! : null
}

/** "Die — Drôme (26) · 26150": the département tells homonyms apart. */
export const libelleCommune = (c: CommuneTrouvee): string =>
  `${c.nom} — ${c.nomDepartement} (${c.departement})${c.codesPostaux.length > 0 ? ` · ${c.codesPostaux.join(', ')}` : ''}`

/** Box around the points, widened to at least `minKm` across so a single lieu is not zoomed to the street. */
export function cadrageDePoints(points: readonly { longitude: number; latitude: number }[], minKm = 4): Bbox | null {
  if (points.length === 0) return null
  let [ouest, sud, est, nord] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const p of points) {
    ouest = Math.min(ouest, p.longitude)
    est = Math.max(est, p.longitude)
    sud = Math.min(sud, p.latitude)
    nord = Math.max(nord, p.latitude)
  }
  const demiLat = minKm / 2 / 111.32
  const demiLng = demiLat / Math.cos((((sud + nord) / 2) * Math.PI) / 180)
  const [cLng, cLat] = [(ouest + est) / 2, (sud + nord) / 2]
  return [Math.min(ouest, cLng - demiLng), Math.min(sud, cLat - demiLat), Math.max(est, cLng + demiLng), Math.max(nord, cLat + demiLat)]
}

export function reperesLieux(lieux: readonly Lieu[], actif: string | null, origine: { longitude: number; latitude: number; libelle: string } | null): Repere[] {
  const reperes: Repere[] = lieux.map((l, i) => ({
    id: String(l.id),
    longitude: l.longitude,
    latitude: l.latitude,
    libelle: `${i + 1}. ${l.nom}`,
    numero: i + 1,
    actif: String(l.id) === actif,
  }))
  if (origine) reperes.push({ id: 'origine', ...origine, origine: true })
  return reperes
}
