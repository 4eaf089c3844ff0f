import { describe, expect, it } from 'vitest'
import { etatOuverture, libelleOuverture } from '../../client/presenters/horaires.ts'

// Monday 23 November 2026, 10:30 and 19:00 local time (the test runner's zone is irrelevant: opening_hours
// reads local hours of the Date, and the dates are built from local components).
const LUNDI_MATIN = new Date(2026, 10, 23, 10, 30)
const LUNDI_SOIR = new Date(2026, 10, 23, 19, 0)

describe('opening hours', () => {
  it('is open on a weekday morning within Mo-Fr 09:00-12:00', () => {
    const e = etatOuverture('Mo-Fr 09:00-12:00,14:00-17:00', LUNDI_MATIN)
    expect(e).toMatchObject({ connu: true, ouvert: true })
    expect(e.connu && e.prochainChangement?.getHours()).toBe(12)
  })
  it('is closed in the evening and tells when it opens next', () => {
    const e = etatOuverture('Mo-Fr 09:00-12:00', LUNDI_SOIR)
    expect(e).toMatchObject({ connu: true, ouvert: false })
    expect(libelleOuverture(e, LUNDI_SOIR)).toMatch(/^Fermé actuellement · ouvre mardi/)
  })
  it('treats a string that opening_hours cannot parse as unknown, not closed', () => {
    expect(etatOuverture('voir site', LUNDI_MATIN)).toEqual({ connu: false })
    expect(libelleOuverture({ connu: false }, LUNDI_MATIN)).toBeNull()
  })
  it('has no state without hours', () => {
    expect(etatOuverture(null, LUNDI_MATIN)).toEqual({ connu: false })
  })
})
