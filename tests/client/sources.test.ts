import { describe, expect, it } from 'vitest'
import type { Source } from '../../client/api/types.ts'
import { libelleSources } from '../../client/presenters/sources.ts'

const source = (titre: string, millesime: string, licence = 'Licence Ouverte 2.0'): Source => ({
  jeu: titre, fichier: `${titre}.csv`, titre, producteur: 'ANCT', amont: 'https://www.data.gouv.fr/', licence, millesime, lus: 1, gardes: 1, fusionnes: 0, rejetes: 0,
})

describe('footer sources', () => {
  it('lists each source with its producer, vintage and licence once', () => {
    expect(libelleSources([source('France services', '2024'), source('France services', '2024'), source('Contours', '2026', 'Licence Ouverte 2.0 ; COM : ODbL')])).toBe(
      'Sources : France services (ANCT, millésime 2024, Licence Ouverte 2.0) ; Contours (ANCT, millésime 2026, Licence Ouverte 2.0 ; COM : ODbL)',
    )
  })
  it('says when no source is known', () => {
    expect(libelleSources([])).toBe('Sources : non renseignées')
  })
})
