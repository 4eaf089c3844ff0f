import type { MethodeCouverture, TriZonesBlanches } from '../api/types.ts'
import { formatEntier } from '../charts/format.ts'

export const LIBELLES_TRI: Readonly<Record<TriZonesBlanches, string>> = {
  'population-non-couverte': 'Habitants non couverts',
  population: 'Population',
  ifn: 'Fragilité numérique (IFN)',
}

type Liste = { communes: readonly unknown[]; total: number; truncated: boolean; methode?: MethodeCouverture }

/**
 * What the list's heading says: how many communes are shown and, when the list is cut, out of how many. Counted on
 * the 1 km grid the list holds the partly covered communes too.
 */
export function titreZonesBlanches(zones: Liste): string {
  const affichees = formatEntier(zones.communes.length)
  const quoi = zones.methode === 'centres' ? 'Communes en zone blanche' : 'Communes en zone blanche ou couvertes en partie'
  if (!zones.truncated) return `${quoi} (${affichees})`
  return `${quoi} (${affichees} premières sur ${formatEntier(zones.total)})`
}

/** The note under a truncated list: how many communes the table leaves out, and where to find them all. */
export function noteTroncature(zones: Liste): string | null {
  if (!zones.truncated) return null
  return `${formatEntier(zones.total - zones.communes.length)} autres communes ne sont pas affichées : le fichier CSV contient les ${formatEntier(zones.total)}.`
}
