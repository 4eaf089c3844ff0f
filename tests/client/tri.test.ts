import { describe, expect, it } from 'vitest'
import { ariaSort, basculerTri, trier } from '../../client/presenters/tri.ts'

type L = { nom: string; v: number | null }
const lignes: L[] = [
  { nom: 'Drôme', v: 3 },
  { nom: 'Ain', v: null },
  { nom: 'Ardèche', v: 10 },
  { nom: 'Isère', v: 3 },
]
const valeur = (l: L, c: 'nom' | 'v') => l[c]

describe('sortable tables', () => {
  it('sorts numbers descending and keeps ties in their original order', () => {
    expect(trier(lignes, { colonne: 'v', sens: 'decroissant' }, valeur).map((l) => l.nom)).toEqual(['Ardèche', 'Drôme', 'Isère', 'Ain'])
  })
  it('puts missing values last in ascending order too', () => {
    expect(trier(lignes, { colonne: 'v', sens: 'croissant' }, valeur).map((l) => l.nom)).toEqual(['Drôme', 'Isère', 'Ardèche', 'Ain'])
  })
  it('sorts names with French collation, accents next to their letter', () => {
    expect(trier(lignes, { colonne: 'nom', sens: 'croissant' }, valeur).map((l) => l.nom)).toEqual(['Ain', 'Ardèche', 'Drôme', 'Isère'])
  })
  it('flips the direction when the same column is clicked again', () => {
    expect(basculerTri({ colonne: 'v', sens: 'decroissant' }, 'v')).toEqual({ colonne: 'v', sens: 'croissant' })
    expect(basculerTri({ colonne: 'v', sens: 'croissant' }, 'nom', 'croissant')).toEqual({ colonne: 'nom', sens: 'croissant' })
  })
  it('exposes the sort to assistive technologies', () => {
    expect(ariaSort({ colonne: 'v', sens: 'croissant' }, 'v')).toBe('ascending')
    expect(ariaSort({ colonne: 'v', sens: 'croissant' }, 'nom')).toBe('none')
  })
})
