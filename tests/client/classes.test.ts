import { describe, expect, it } from 'vitest'
import { classesFixes, classesQuantiles, couleurDe, expressionCouleur } from '../../client/presenters/classes.ts'
import { libelleClasse } from '../../client/presenters/indicateurs.ts'
import { formatKm } from '../../client/charts/format.ts'

const C5 = ['c0', 'c1', 'c2', 'c3', 'c4']

describe('class breaks', () => {
  it('cuts 1..100 into five equal-count quantile classes', () => {
    const valeurs = Array.from({ length: 100 }, (_, i) => i + 1)
    // d3 quantiles of 1..100 at 0.2, 0.4, 0.6, 0.8 (R-7 interpolation): 20.8, 40.6, 60.4, 80.2.
    expect(classesQuantiles(valeurs, C5).seuils).toEqual([20.8, 40.6, 60.4, 80.2])
  })

  it('collapses equal quantiles and keeps the lightest and darkest colours', () => {
    const c = classesQuantiles([0, 0, 0, 0, 0, 0, 0, 0, 5, 9], C5)
    expect(c.seuils.length).toBeLessThan(4)
    expect(c.couleurs[0]).toBe('c0')
    expect(c.couleurs[c.couleurs.length - 1]).toBe('c4')
  })

  it('ignores null values when computing quantiles', () => {
    expect(classesQuantiles([null, 1, 2, 3, 4, 5, null], C5).seuils).toEqual(classesQuantiles([1, 2, 3, 4, 5], C5).seuils)
  })

  it('gives each value the colour of its class, lower bound included', () => {
    const c = classesFixes([2, 5], ['a', 'b', 'c'])
    expect([couleurDe(c, 1.9), couleurDe(c, 2), couleurDe(c, 4.99), couleurDe(c, 5), couleurDe(c, null)]).toEqual(['a', 'b', 'b', 'c', null])
  })

  it('rejects a colour count that does not match the thresholds', () => {
    expect(() => classesFixes([1, 2], ['a', 'b'])).toThrow('classesFixes: 2 couleurs pour 2 seuils, attendu 3')
  })

  it('builds a maplibre step over the feature-state with a fallback for missing values', () => {
    expect(expressionCouleur(classesFixes([2, 5], ['a', 'b', 'c']), 'gris')).toEqual([
      'case',
      ['==', ['typeof', ['feature-state', 'valeur']], 'number'],
      ['step', ['feature-state', 'valeur'], 'a', 2, 'b', 5, 'c'],
      'gris',
    ])
  })

  it('labels open and closed classes in French', () => {
    expect(libelleClasse(null, 2, formatKm)).toBe('moins de 2,0\u00a0km')
    expect(libelleClasse(2, 5, formatKm)).toBe('de 2,0\u00a0km à moins de 5,0\u00a0km')
    expect(libelleClasse(20, null, formatKm)).toBe('20,0\u00a0km et plus')
  })
})
