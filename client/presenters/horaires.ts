// "Ouvert maintenant" from an OSM opening_hours string. The date is a parameter so tests are fixed in time.
import OpeningHours from 'opening_hours'

export type EtatOuverture =
  | { connu: false }
  | { connu: true; ouvert: boolean; prochainChangement: Date | undefined }

/** Invalid strings (free text written in the opening_hours field) count as unknown, never as closed. */
export function etatOuverture(horaires: string | null, maintenant: Date, position?: { longitude: number; latitude: number }): EtatOuverture {
  if (!horaires) return { connu: false }
  try {
    // The country lets "PH off" (jours fériés) rules apply; mode 0 = plain opening_hours syntax.
    const nominatim = position ? { lat: position.latitude, lon: position.longitude, address: { country_code: 'fr', state: '' } } : null
    const oh = new OpeningHours(horaires, nominatim, 0)
    return { connu: true, ouvert: oh.getState(maintenant), prochainChangement: oh.getNextChange(maintenant) }
  } catch {
    return { connu: false }
  }
}

const heure = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' })
const jourHeure = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' })

/** "Ouvert maintenant · ferme à 17:00", "Fermé · ouvre lundi 09:00", or null when unknown. */
export function libelleOuverture(etat: EtatOuverture, maintenant: Date): string | null {
  if (!etat.connu) return null
  const debut = etat.ouvert ? 'Ouvert maintenant' : 'Fermé actuellement'
  const p = etat.prochainChangement
  if (!p) return debut
  const memeJour = p.toDateString() === maintenant.toDateString()
  const quand = memeJour ? `à ${heure.format(p)}` : jourHeure.format(p)
  return `${debut} · ${etat.ouvert ? 'ferme' : 'ouvre'} ${quand}`
}
