import { describe, expect, it } from 'vitest'
import { departementDuCode, isCodeDepartement, normaliserCodeInsee, normaliserCodePostal, versCommuneActuelle } from '../../server/domain/code-insee.ts'

describe('normaliserCodeInsee', () => {
  it.each([
    ['01053', '01053'],
    ['1053', '01053'],
    [1053, '01053'],
    ['1053.0', '01053'],
    [' 26113 ', '26113'],
    ['2a004', '2A004'],
    ['2B033', '2B033'],
    ['97411', '97411'],
  ])('repairs %s into %s', (brut, attendu) => {
    expect(normaliserCodeInsee(brut)).toBe(attendu)
  })

  it.each([[''], [null], [undefined], ['abc'], ['123'], ['123456'], ['2C004'], ['A004']])('refuses %s', (brut) => {
    expect(normaliserCodeInsee(brut)).toBeNull()
  })
})

describe('departementDuCode', () => {
  it.each([
    ['01053', '01'],
    ['2A004', '2A'],
    ['2B033', '2B'],
    ['97411', '974'],
    ['97611', '976'],
    ['98735', '987'],
    ['75056', '75'],
  ])('gives the département of %s as %s', (code, departement) => {
    expect(departementDuCode(code)).toBe(departement)
  })
})

describe('isCodeDepartement', () => {
  it.each(['01', '26', '2A', '2B', '974', '976', '988'])('accepts the shape of %s', (code) => expect(isCodeDepartement(code)).toBe(true))
  it.each(['1', '2C', '0A', '9744', '', '26 '])('refuses %s', (code) => expect(isCodeDepartement(code)).toBe(false))
})

describe('normaliserCodePostal', () => {
  it('restores the leading zero a spreadsheet dropped', () => expect(normaliserCodePostal(1100)).toBe('01100'))
  it('refuses text', () => expect(normaliserCodePostal('Paris')).toBeNull())
})

describe('versCommuneActuelle', () => {
  const referentiel = {
    communes: new Set(['75056', '26001', '01015']),
    historiques: new Map([
      ['75101', { commune: '75056', type: 'arrondissement-municipal' }],
      ['26012', { commune: '26001', type: 'commune-deleguee' }],
      ['01333', { commune: '01015', type: 'commune-associee' }],
    ]),
  }

  it('keeps a current commune as it is', () => {
    expect(versCommuneActuelle('26001', referentiel)).toEqual({ ok: true, commune: '26001', via: 'actuelle' })
  })
  it('maps an arrondissement municipal to its parent commune', () => {
    expect(versCommuneActuelle('75101', referentiel)).toEqual({ ok: true, commune: '75056', via: 'arrondissement-municipal' })
  })
  it('maps an ancienne commune déléguée to the commune nouvelle', () => {
    expect(versCommuneActuelle('26012', referentiel)).toEqual({ ok: true, commune: '26001', via: 'commune-deleguee' })
  })
  it('maps a commune associée to its chef-lieu', () => {
    expect(versCommuneActuelle('01333', referentiel)).toEqual({ ok: true, commune: '01015', via: 'commune-associee' })
  })
  it('reports a code unknown to the COG 2026', () => {
    expect(versCommuneActuelle('25282', referentiel)).toEqual({ ok: false, motif: 'code INSEE 25282 inconnu du COG 2026' })
  })
})
