import OpeningHours from 'opening_hours'

// Public holidays ("PH off") need a country: every lieu is checked against France's calendar.
const FRANCE = { lat: 46.6, lon: 2.4, address: { country_code: 'fr', state: '' } }

/** Whether a string is an OpenStreetMap opening_hours value (the schéma's `horaires` format). */
export function estHorairesOsm(horaires: string): boolean {
  try {
    // Mode 0: the plain opening_hours syntax, as the client reads it.
    new OpeningHours(horaires, FRANCE, 0)
    return true
  } catch {
    return false
  }
}
