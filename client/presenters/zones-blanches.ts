import { formatEntier } from '../charts/format.ts'

/** What the list's heading says: how many white-zone communes are shown and, when the list is cut, out of how many. */
export function titreZonesBlanches(zones: { communes: readonly unknown[]; total: number; truncated: boolean }): string {
  const affichees = formatEntier(zones.communes.length)
  if (!zones.truncated) return `Communes en zone blanche (${affichees})`
  return `Communes en zone blanche (${affichees} premières sur ${formatEntier(zones.total)})`
}

/** The note under a truncated list: how many communes the table leaves out, and where to find them all. */
export function noteTroncature(zones: { communes: readonly unknown[]; total: number; truncated: boolean }): string | null {
  if (!zones.truncated) return null
  return `${formatEntier(zones.total - zones.communes.length)} autres communes ne sont pas affichées : le fichier CSV contient les ${formatEntier(zones.total)}.`
}
