import { describe, expect, it } from 'vitest'
import type { CommuneTrouvee } from '../../client/api/types.ts'
import { cadrageDePoints, communeEvidente, libelleCommune, normaliser } from '../../client/presenters/trouver.ts'

const commune = (code: string, nom: string, departement: string, nomDepartement: string, codesPostaux: string[]): CommuneTrouvee => ({
  code, nom, departement, nomDepartement, codesPostaux, population: 1, longitude: 5, latitude: 45,
})
const DIE = commune('26113', 'Die', '26', 'Drôme', ['26150'])
const DIEPPE = commune('76217', 'Dieppe', '76', 'Seine-Maritime', ['76200'])
const STE_MARIE_974 = commune('97418', 'Sainte-Marie', '974', 'La Réunion', ['97438'])
const STE_MARIE_972 = commune('97228', 'Sainte-Marie', '972', 'Martinique', ['97230'])

describe('/trouver presenters', () => {
  it('opens the only exact name match among prefix matches', () => {
    expect(communeEvidente('Die', [DIE, DIEPPE])).toBe(DIE)
  })
  it('asks the user to choose between homonyms', () => {
    expect(communeEvidente('sainte marie', [STE_MARIE_972, STE_MARIE_974])).toBeNull()
  })
  it('recognises a postal code', () => {
    expect(communeEvidente('26150', [DIE, DIEPPE])).toBe(DIE)
  })
  it('tells homonyms apart by département in their label', () => {
    expect(libelleCommune(STE_MARIE_972)).toBe('Sainte-Marie — Martinique (972) · 97230')
  })
  it('ignores case, accents, hyphens and apostrophes', () => {
    expect(normaliser('Saint-Étienne-d’Orthe')).toBe('saint etienne d orthe')
  })
  it('widens a single point to a box at least 4 km across', () => {
    const [o, s, e, n] = cadrageDePoints([{ longitude: 5.37, latitude: 44.75 }])!
    // 4 km of latitude is 4 / 111.32 degrees.
    expect(n - s).toBeCloseTo(4 / 111.32, 6)
    expect(e - o).toBeGreaterThan(n - s)
  })
  it('has no box without points', () => {
    expect(cadrageDePoints([])).toBeNull()
  })
})
