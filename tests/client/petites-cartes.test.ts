import { describe, expect, it } from 'vitest'
import type { CollectionLieux, CommuneChangee, CouvertureCommune } from '../../client/api/types.ts'
import { palette } from '../../client/map/palette.ts'
import { cadrer, descriptionScenario, positionsRetraits, resumeZonesBlanches, statutsAvantApres, styleCommune } from '../../client/presenters/petites-cartes.ts'

const commune = (code: string, couverte: boolean, population: number): CouvertureCommune => ({
  code, nom: `Commune ${code}`, departement: '26', population, distanceKm: couverte ? 2 : 15, couverte, lieuLePlusProche: null, accessibilite: 0, ifn: null,
})
const changee = (code: string, departement: string, apres: 'couverte' | 'blanche'): CommuneChangee => ({
  code, nom: `Commune ${code}`, departement, population: 1, avant: apres === 'couverte' ? 'blanche' : 'couverte', apres,
})

// GIVEN A covered (100 hab.), B and C white zones (250 and 1 200 hab.)
const communes = [commune('26001', true, 100), commune('26002', false, 250), commune('26003', false, 1200)]

describe('small maps of the planner', () => {
  it('gives the scenario today’s statuses with the changed communes of the département applied', () => {
    // WHEN the scenario covers C and a commune of a neighbouring département
    const s = statutsAvantApres(communes, [changee('26003', '26', 'couverte'), changee('07001', '07', 'couverte')])
    // THEN only C changes, and the neighbour is not drawn
    expect([...s.avant]).toEqual([['26001', 'couverte'], ['26002', 'blanche'], ['26003', 'blanche']])
    expect([...s.apres]).toEqual([['26001', 'couverte'], ['26002', 'blanche'], ['26003', 'couverte']])
    expect([...s.changees]).toEqual(['26003'])
  })

  it('reads the statut counted on cells, partielle included, and draws a commune covered in part lightly filled, not hatched', () => {
    // GIVEN A partielle and B blanche on the cells; WHEN the scenario turns B partielle
    const surCarreaux = [{ ...commune('26001', false, 100), statut: 'partielle' as const, partCouverte: 0.4 }, { ...commune('26002', false, 250), statut: 'blanche' as const }]
    const s = statutsAvantApres(surCarreaux, [{ ...changee('26002', '26', 'couverte'), avant: 'blanche', apres: 'partielle' }])
    // THEN A stays partielle, B changes to partielle, and partielle is neither the covered fill nor hatched
    expect([...s.avant]).toEqual([['26001', 'partielle'], ['26002', 'blanche']])
    expect([...s.apres]).toEqual([['26001', 'partielle'], ['26002', 'partielle']])
    expect(styleCommune('partielle', false)).toMatchObject({ hachures: false })
    expect(styleCommune('partielle', false).fill).not.toBe(styleCommune('couverte', false).fill)
    expect(resumeZonesBlanches(surCarreaux, s.apres).replace(/\s/g, ' ')).toBe('Zones blanches : 0 commune, 0 hab.')
  })

  it('keeps today’s statuses on both sides while there is no simulation yet', () => {
    const s = statutsAvantApres(communes, undefined)
    expect([...s.apres]).toEqual([...s.avant])
    expect(s.changees.size).toBe(0)
  })

  it('states the count and population of the zones blanches before and after, in French', () => {
    const s = statutsAvantApres(communes, [changee('26003', '26', 'couverte')])
    // 250 + 1 200 = 1 450 hab. today; 250 hab. with the scenario
    expect(resumeZonesBlanches(communes, s.avant)).toBe('Zones blanches : 2\u00a0communes, 1\u00a0450\u00a0hab.')
    expect(resumeZonesBlanches(communes, s.apres)).toBe('Zones blanches : 1\u00a0commune, 250\u00a0hab.')
  })

  it('hatches zones blanches with a red outline, fills covered communes, and outlines changed ones thickly', () => {
    expect(styleCommune('blanche', false)).toEqual({ fill: palette.zoneBlanche, hachures: true, stroke: palette.contourZoneBlanche, strokeWidth: 0.5 })
    expect(styleCommune('couverte', false)).toEqual({ fill: palette.couverte, hachures: false, stroke: palette.contourCommune, strokeWidth: 0.3 })
    expect(styleCommune(undefined, false).fill).toBe(palette.sansDonnee)
    expect(styleCommune('couverte', true)).toEqual({ fill: palette.couverte, hachures: false, stroke: palette.communeChangee, strokeWidth: 1.6 })
  })

  it('fits a 2° × 1° box centred on 60° N as a square, since a degree of longitude is half as long there', () => {
    // GIVEN lng 0..2, lat 59.5..60.5: cos 60° = 0.5, so 1 × 1 once projected
    const carre: GeoJSON.Feature = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 59.5], [2, 59.5], [2, 60.5], [0, 60.5], [0, 59.5]]] } }
    // WHEN it is fitted in 120 × 200 with a margin of 10
    const cadre = cadrer(carre, 120, 200, 10)
    // THEN the scale is min(100 / 1, 180 / 1) = 100: a 100 × 100 square, north up, in a 120 × 120 frame
    expect([cadre.largeur, cadre.hauteur]).toEqual([120, 120])
    expect(cadre.chemin(carre)).toBe('M10,110L110,110L110,10L10,10Z')
    const [x, y] = cadre.point([1, 60])
    expect(x).toBeCloseTo(60, 9)
    expect(y).toBeCloseTo(60, 9)
  })

  it('describes the postes, lieux and changed communes of the scenario map in words', () => {
    expect(descriptionScenario(1, 0, 3)).toBe('1\u00a0poste ajouté, 0\u00a0lieu retiré ; 3\u00a0communes changent de statut (contour vert).')
    expect(descriptionScenario(2, 1, 0)).toBe('2\u00a0postes ajoutés, 1\u00a0lieu retiré ; aucune commune ne change de statut.')
  })

  it('places the withdrawn lieux only, at their coordinates', () => {
    const lieu = (id: number, lng: number, lat: number): CollectionLieux['features'][number] => ({
      type: 'Feature', id, geometry: { type: 'Point', coordinates: [lng, lat] }, properties: { id, nom: `Lieu ${id}`, categorie: 'mediation', categories: 'mediation', itinerant: false },
    })
    const lieux: CollectionLieux = { type: 'FeatureCollection', features: [lieu(1, 5, 44), lieu(2, 5.5, 44.5)] }
    expect(positionsRetraits(lieux, [2, 99])).toEqual([[5.5, 44.5]])
    expect(positionsRetraits(undefined, [2])).toEqual([])
  })
})
