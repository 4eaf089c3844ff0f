import { describe, expect, it } from 'vitest'
import type { CandidatureEvaluee as Candidature, MiseEnRelation } from '../../client/api/types.ts'
import { cadrageMiseEnRelation, candidaturesFavorables, carteMiseEnRelation, resumeMiseEnRelation } from '../../client/presenters/recrutement.ts'

const candidature = (id: number, longitude: number, latitude: number, postes: number, avis: 'favorable' | 'reserve' | null) =>
  ({ id, nom: `Structure ${id}`, longitude, latitude, postes, avis: avis === null ? null : { avis, commentaire: '', auteur: 'p@x.fr', donneLe: '2026-11-28' } }) as unknown as Candidature

const CANDIDATURES = [candidature(1, 5, 44.7, 2, 'favorable'), candidature(2, 5.2, 44.8, 1, 'reserve'), candidature(3, 4.9, 44.9, 1, null)]
const RESULTAT: MiseEnRelation = {
  ok: true,
  departement: '26', datePriseDePoste: null, candidaturesConsiderees: 2,
  recrues: [
    { id: 'r1', lon: 5.01, lat: 44.71, codeInsee: '26001', distanceMaxKm: 30, disponibleLe: null },
    { id: 'r2', lon: 5.19, lat: 44.79, codeInsee: null, distanceMaxKm: 10, disponibleLe: '2027-01-01' },
    { id: 'r3', lon: 6.5, lat: 45.5, codeInsee: '73001', distanceMaxKm: 10, disponibleLe: null },
  ],
  affectations: [{ candidat: 'r1', candidature: 1, nom: 'Structure 1', distanceKm: 1.41 }, { candidat: 'r2', candidature: 2, nom: 'Structure 2', distanceKm: 1.25 }],
  candidatsSansPoste: [{ candidat: 'r3', raison: 'aucun-poste-a-portee', motif: 'aucune structure à 10 km ou moins' }],
  postesNonPourvus: [{ candidature: 1, places: 1 }],
  distanceTotaleKm: 2.66,
  rejetees: [],
  colonnesIgnorees: [],
}

describe('presenting a matching of recruits', () => {
  it('offers the postes of the favourable candidatures first', () => {
    expect(candidaturesFavorables(CANDIDATURES)).toEqual([1])
  })

  it('sums up the placed recruits, those left, the vacant postes and the distance in French', () => {
    expect(resumeMiseEnRelation(RESULTAT)).toBe('2\u00a0recrues placées sur 3, 1 sans poste ; 1\u00a0poste vacant ; 2,7\u00a0km au total.')
  })

  it('draws a line from each placed recruit to their structure, each structure offered with its filled postes, and every recruit', () => {
    const carte = carteMiseEnRelation(RESULTAT, CANDIDATURES)
    const parType = (type: string) => carte.features.filter((f) => f.properties!.type === type)
    expect(parType('lien').map((f) => f.geometry)).toEqual([
      { type: 'LineString', coordinates: [[5.01, 44.71], [5, 44.7]] }, { type: 'LineString', coordinates: [[5.19, 44.79], [5.2, 44.8]] }])
    // Structure 3 was not offered: it is not drawn.
    expect(parType('structure').map((f) => [f.properties!.candidature, f.properties!.postes, f.properties!.pourvus])).toEqual([[1, 2, 1], [2, 1, 1]])
    expect(parType('recrue').map((f) => [f.properties!.recrue, f.properties!.placee])).toEqual([['r1', true], ['r2', true], ['r3', false]])
    // The recruit without a poste, far away, is left out of the framing; alone, the recruits are framed.
    expect(cadrageMiseEnRelation(carte)).toEqual([5, 44.7, 5.2, 44.8])
    expect(cadrageMiseEnRelation({ type: 'FeatureCollection', features: parType('recrue') })).toEqual([5.01, 44.71, 6.5, 45.5])
    expect(cadrageMiseEnRelation({ type: 'FeatureCollection', features: [] })).toBeNull()
  })
})
