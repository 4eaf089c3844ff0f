import { describe, expect, it } from 'vitest'
import { CATEGORIES } from '../../server/domain/offre.ts'
import { basculerCategorie, ecrireVue, lireOffre, lireRayonKm, lireVue, VUE_DEFAUT } from '../../client/presenters/parametres.ts'

describe('view parameters in the URL', () => {
  it.each([
    [null, 10],
    ['25', 25],
    ['0', 1],
    ['80', 50],
    ['12.5', 10],
    ['abc', 10],
  ])('reads rayonKm %s as %i km, clamped to 1–50 with 10 by default', (brut, attendu) => {
    expect(lireRayonKm(brut)).toBe(attendu)
  })

  it('keeps the canonical order of the offre and drops unknown catégories', () => {
    expect(lireOffre('mediation,inconnue,france-services')).toEqual(['france-services', 'mediation'])
  })

  it('falls back to the whole offre when no known catégorie is given', () => {
    expect(lireOffre('rien')).toEqual(CATEGORIES)
  })

  it('writes nothing for the default view so its address stays clean', () => {
    expect(ecrireVue(VUE_DEFAUT).toString()).toBe('')
  })

  it('round-trips a non-default view through the URL', () => {
    const vue = { ...VUE_DEFAUT, rayonKm: 5, offre: ['mediation' as const], indicateur: 'postesPour10000' as const, tri: 'ifn' as const }
    expect(lireVue(ecrireVue(vue))).toEqual(vue)
  })

  it('ignores an unknown indicator instead of breaking a shared link', () => {
    expect(lireVue(new URLSearchParams('indicateur=bidon')).indicateur).toBe('tauxCouverture')
  })

  it('refuses to uncheck the last catégorie of the offre', () => {
    expect(basculerCategorie(['mediation'], 'mediation')).toEqual(['mediation'])
  })

  it('adds a catégorie back in canonical order', () => {
    expect(basculerCategorie(['mediation'], 'conseillers-numeriques')).toEqual(['conseillers-numeriques', 'mediation'])
  })
})
