import OpeningHours from 'opening_hours'

const verifies = new Map<string, boolean>()

/**
 * Whether a string is an OpenStreetMap opening_hours value (the schéma's `horaires` format). Only the syntax is
 * checked: without a country the parser skips loading holiday calendars ("PH off" still parses), 0.9 ms a value
 * instead of 2.5 ms; lieux of one network often share their hours, hence the memo.
 */
export function estHorairesOsm(horaires: string): boolean {
  let valide = verifies.get(horaires)
  if (valide === undefined) {
    try {
      // Mode 0: the plain opening_hours syntax, as the client reads it.
      new OpeningHours(horaires, null, 0)
      valide = true
    } catch {
      valide = false
    }
    verifies.set(horaires, valide)
  }
  return valide
}
