import { createExpression } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import { couleurCarreaux, distanceOffreKm } from '../../client/map/layers/carreaux.ts'

/** Evaluates a paint expression on one feature as maplibre does (its own style-spec evaluator). */
function evaluer(expression: unknown, proprietes: Record<string, number>, type: 'number' | 'color'): unknown {
  const compilee = createExpression(expression, { type, 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } } as never)
  if (compilee.result !== 'success') throw new Error(JSON.stringify(compilee.value))
  return compilee.value.evaluate({ zoom: 9 }, { type: 'Polygon', properties: proprietes } as never)
}

describe('the 1 km cell layer', () => {
  it('reads the distance of the offre as the minimum over its catégories, in km', () => {
    const cellule = { 'distanceHm-france-services': 123, 'distanceHm-mediation': 47, 'distanceHm-aidants-connect': 300 }
    expect(evaluer(distanceOffreKm(['france-services', 'mediation']), cellule, 'number')).toBeCloseTo(4.7, 10)
    expect(evaluer(distanceOffreKm(['france-services']), cellule, 'number')).toBeCloseTo(12.3, 10)
    // A catégorie with no lieu (property absent) is never the nearest
    expect(evaluer(distanceOffreKm(['conseillers-numeriques', 'aidants-connect']), cellule, 'number')).toBeCloseTo(30, 10)
  })

  it('colours a cell by the class of its distance, lower bound included', () => {
    const couleurs = ['#000001', '#000002', '#000003']
    const couleur = (hm: number) => String(evaluer(couleurCarreaux(['mediation'], [2, 5], couleurs), { 'distanceHm-mediation': hm }, 'color'))
    expect([couleur(19), couleur(20), couleur(49), couleur(50)]).toEqual(['#000001', '#000002', '#000002', '#000003'])
  })
})
