import { describe, expect, it } from 'vitest'
import { cleRecherche, normaliserSiret, normaliserTexte } from '../../server/domain/texte.ts'
import { CATEGORIES, categoriesDuMasque, masqueOffre, OFFRE_COMPLETE } from '../../server/domain/offre.ts'

describe('normaliserTexte', () => {
  it('folds accents, case and punctuation', () => expect(normaliserTexte("L'Abergement-Clémenciat")).toBe('l abergement clemenciat'))
  it('folds ligatures', () => expect(normaliserTexte('Œuvre')).toBe('oeuvre'))
})

describe('cleRecherche', () => {
  it('reads St and Ste as Saint and Sainte', () => {
    expect(cleRecherche('St-Denis')).toBe(cleRecherche('Saint-Denis'))
    expect(cleRecherche('Ste Marie')).toBe('sainte marie')
  })
})

describe('normaliserSiret', () => {
  it.each([
    ['13002603200016.0', '13002603200016'],
    ['200042935 00011', '20004293500011'],
    [20004293500011, '20004293500011'],
    ['1234567890123', '01234567890123'],
  ])('repairs %s into %s', (brut, attendu) => expect(normaliserSiret(brut)).toBe(attendu))
  it.each([['00000000000000'], ['null'], [''], ['1.3002603200016e+13'], ['123']])('refuses the placeholder or malformed %s', (brut) => {
    expect(normaliserSiret(brut)).toBeNull()
  })
})

describe('offre masks', () => {
  it('gives every catégorie its own bit and the full offre all of them', () => {
    expect(masqueOffre([...CATEGORIES])).toBe(OFFRE_COMPLETE)
    expect(categoriesDuMasque(masqueOffre(['mediation', 'france-services']))).toEqual(['france-services', 'mediation'])
  })
})
