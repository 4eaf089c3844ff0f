import type { Candidature, MiseEnRelation } from '../api/types.ts'
import { formatKm, pluriel } from '../charts/format.ts'

/** The postes offered by default: those of the candidatures whose current avis is favourable (as the server's default). */
export const candidaturesFavorables = (liste: readonly Candidature[]): number[] => liste.filter((c) => c.avis?.avis === 'favorable').map((c) => c.id)

/** « 2 recrues placées sur 3, 1 sans poste ; 0 poste vacant ; 12,3 km au total. » */
export function resumeMiseEnRelation(r: MiseEnRelation): string {
  const vacants = r.postesNonPourvus.reduce((s, v) => s + v.places, 0)
  return `${pluriel(r.affectations.length, 'recrue placée', 'recrues placées')} sur ${r.recrues.length}, ${r.candidatsSansPoste.length} sans poste ; ` +
    `${pluriel(vacants, 'poste vacant', 'postes vacants')} ; ${formatKm(r.distanceTotaleKm)} au total.`
}

/**
 * The map of a matching: a line from each placed recruit's home to their structure, each recruit (placed or not) and
 * each structure offered with its postes and how many are filled. [lng, lat] throughout.
 */
export function carteMiseEnRelation(r: MiseEnRelation, candidatures: readonly Candidature[]): GeoJSON.FeatureCollection {
  const recrues = new Map(r.recrues.map((x) => [x.id, x]))
  const structures = new Map(candidatures.map((c) => [c.id, c]))
  const pourvus = new Map<number, number>()
  for (const a of r.affectations) pourvus.set(a.candidature, (pourvus.get(a.candidature) ?? 0) + 1)
  const placees = new Set(r.affectations.map((a) => a.candidat))
  const features: GeoJSON.Feature[] = []
  for (const a of r.affectations) {
    const q = recrues.get(a.candidat)
    const s = structures.get(a.candidature)
    if (q === undefined || s === undefined) continue
    features.push({ type: 'Feature', properties: { type: 'lien', recrue: a.candidat, candidature: a.candidature },
      geometry: { type: 'LineString', coordinates: [[q.lon, q.lat], [s.longitude, s.latitude]] } })
  }
  const offertes = new Set([...r.affectations.map((a) => a.candidature), ...r.postesNonPourvus.map((v) => v.candidature)])
  for (const id of offertes) {
    const s = structures.get(id)
    if (s === undefined) continue
    features.push({ type: 'Feature', properties: { type: 'structure', candidature: id, nom: s.nom, postes: s.postes, pourvus: pourvus.get(id) ?? 0 },
      geometry: { type: 'Point', coordinates: [s.longitude, s.latitude] } })
  }
  for (const q of r.recrues)
    features.push({ type: 'Feature', properties: { type: 'recrue', recrue: q.id, placee: placees.has(q.id) }, geometry: { type: 'Point', coordinates: [q.lon, q.lat] } })
  return { type: 'FeatureCollection', features }
}

/**
 * [minLng, minLat, maxLng, maxLat] around the structures and the lines of a matching (a recruit without a poste may live
 * far away: framing them too would show all France); around the recruits when there is no structure; null when empty.
 */
export function cadrageMiseEnRelation(carte: GeoJSON.FeatureCollection): [number, number, number, number] | null {
  const coordonnees = (f: GeoJSON.Feature) => (f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.type === 'LineString' ? f.geometry.coordinates : [])
  const principaux = carte.features.filter((f) => f.properties?.type !== 'recrue').flatMap(coordonnees)
  const points = principaux.length > 0 ? principaux : carte.features.flatMap(coordonnees)
  if (points.length === 0) return null
  const lng = points.map((p) => p[0]!)
  const lat = points.map((p) => p[1]!)
  return [Math.min(...lng), Math.min(...lat), Math.max(...lng), Math.max(...lat)]
}
