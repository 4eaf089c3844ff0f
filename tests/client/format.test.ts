import { describe, expect, it } from 'vitest'
import { formatDecimal, formatEntier, formatEuros, formatKm, formatTaux, pluriel } from '../../client/charts/format.ts'

// Expected strings written by hand: non-breaking space U+00A0 for thousands and units, U+202F before %.
describe('French number formats', () => {
  it('groups thousands with a non-breaking space', () => {
    expect(formatEntier(1234567)).toBe('1\u00a0234\u00a0567')
  })
  it('writes a rate as a percentage with a comma and a narrow space', () => {
    expect(formatTaux(0.4567)).toBe('45,7\u202f%')
  })
  it('writes kilometres with one decimal', () => {
    expect(formatKm(12.34)).toBe('12,3\u00a0km')
  })
  it('writes large amounts in millions of euros', () => {
    expect(formatEuros(2_450_000)).toBe('2,5\u00a0M€')
    expect(formatEuros(12_000)).toBe('12\u00a0000\u00a0€')
  })
  it('shows a dash for missing values', () => {
    expect(formatDecimal(null)).toBe('—')
    expect(formatKm(undefined)).toBe('—')
  })
  it('uses the French plural from 2 on', () => {
    expect(pluriel(1, 'commune')).toBe('1\u00a0commune')
    expect(pluriel(0, 'commune')).toBe('0\u00a0commune')
    expect(pluriel(2, 'commune')).toBe('2\u00a0communes')
  })
})
