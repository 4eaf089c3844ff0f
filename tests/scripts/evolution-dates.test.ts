import { describe, expect, it } from 'vitest'
import { dateSource } from '../../scripts/import/evolution.ts'
import { bitCategorie } from '../../server/domain/offre.ts'
import { enumerer, pointsOffre } from '../../server/domain/evolution.ts'

describe('dateSource', () => {
  it.each([
    ['2021-06 (COSELEC 2021-03-24 → 2021-05-19)', undefined, '2021-06'],
    ['2024-08-01', undefined, '2024-08'],
    ['2022-07', '2023-01-01', '2022-07'],
    ['celui du fichier déposé : date_maj la plus récente de ses lignes (voir /api/sante)', '2025-03-14', '2025-03'],
  ])('dates the source of millésime « %s » (latest date_maj %s) at %s', (millesime, dateMajMax, attendu) => {
    expect(dateSource({ fichier: 'f.csv', millesime }, dateMajMax)).toBe(attendu)
  })

  it('refuses, naming the file, a source with neither a dated millésime nor a date_maj', () => {
    expect(() => dateSource({ fichier: 'lieux.csv', millesime: '2024-13' }, undefined)).toThrow(/^lieux\.csv : millésime « 2024-13 » sans date/)
  })
})

describe('pointsOffre', () => {
  const sources = [
    { jeu: 'b', date: '2022-07', categories: bitCategorie('conseillers-numeriques') },
    { jeu: 'a', date: '2021-06', categories: bitCategorie('conseillers-numeriques') },
    { jeu: 'c', date: '2022-07', categories: bitCategorie('mediation') },
    { jeu: 'd', date: '2024-08', categories: bitCategorie('france-services') },
  ]

  it('gives one point per date of the offre’s sources, in date order, then the latest date of any source', () => {
    expect(pointsOffre(sources, bitCategorie('conseillers-numeriques'))).toEqual([
      { date: '2021-06', connues: ['a'], aVenir: ['b'], nouvelles: ['a'], ulterieures: [] },
      { date: '2022-07', connues: ['a', 'b'], aVenir: [], nouvelles: ['b'], ulterieures: [] },
      { date: '2024-08', connues: ['a', 'b'], aVenir: [], nouvelles: [], ulterieures: ['d'] },
    ])
  })

  it('gives no point for an offre no source brings', () => {
    expect(pointsOffre(sources, bitCategorie('aidants-connect'))).toEqual([])
  })
})

describe('enumerer', () => {
  it.each([[[], ''], [['a'], 'a'], [['a', 'b'], 'a et b'], [['a', 'b', 'c'], 'a, b et c']])('joins %j as « %s »', (liste, phrase) => {
    expect(enumerer(liste)).toBe(phrase)
  })
})
