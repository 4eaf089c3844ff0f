import { describe, expect, it } from 'vitest'
import { Fusion } from '../../scripts/import/lieux/fusion.ts'
import type { LieuSource } from '../../scripts/import/lieux/lieu-source.ts'
import type { LieuLocalise } from '../../scripts/import/lieux/localisation.ts'
import { bitCategorie } from '../../server/domain/offre.ts'

const source = (s: Partial<LieuSource>): LieuSource => ({
  jeu: 'france-services', fichier: 'f.csv', ligne: 2, idSource: '1', nom: 'Lieu', categorie: 'france-services', codeInsee: '26113',
  longitude: 5.37, latitude: 44.75, siret: null, adresse: null, codePostal: null, horaires: null, horairesTexte: null, telephone: null,
  siteWeb: null, courriel: null, services: [], postes: 0, typeStructure: null, zrr: null, qpv: null, itinerant: false,
  franceServicesType: null, franceServicesFormat: null, actif: true, dateMaj: null, donnees: {}, ...s,
})
const localise = (s: Partial<LieuSource>, longitude = 5.37, latitude = 44.75): LieuLocalise => ({
  source: source(s), commune: '26113', longitude, latitude, localisation: 'source',
})

describe('Fusion', () => {
  it('merges two records with the same SIRET at the same place and joins their catégories', () => {
    const fusion = new Fusion()
    fusion.ajouter(localise({ jeu: 'cnfs-structures-2021', categorie: 'conseillers-numeriques', siret: '21260113200019', nom: 'Mairie de Die' }))
    const { fusion: motif } = fusion.ajouter(localise({ jeu: 'aidants-connect', categorie: 'aidants-connect', siret: '21260113200019', nom: 'Commune de Die' }))
    expect(fusion.lieux).toHaveLength(1)
    expect(motif).toBe('même SIRET 21260113200019')
    expect(fusion.lieux[0]!.categories).toBe(bitCategorie('conseillers-numeriques') | bitCategorie('aidants-connect'))
    expect(fusion.lieux[0]!.nom).toBe('Mairie de Die')
  })

  it('keeps apart two sites of one SIRET more than 1 km apart', () => {
    const fusion = new Fusion()
    fusion.ajouter(localise({ siret: '21260113200019' }, 5.37, 44.75))
    fusion.ajouter(localise({ siret: '21260113200019' }, 5.40, 44.75)) // ≈ 2.4 km east
    expect(fusion.lieux).toHaveLength(2)
  })

  it('merges the same folded name within 100 m and not beyond', () => {
    const fusion = new Fusion()
    fusion.ajouter(localise({ nom: 'Médiathèque de Die' }, 5.37, 44.75))
    fusion.ajouter(localise({ nom: 'MEDIATHEQUE DE DIE', jeu: 'hinaura', categorie: 'mediation' }, 5.3705, 44.7502)) // ≈ 45 m
    fusion.ajouter(localise({ nom: 'Médiathèque de Die' }, 5.373, 44.75)) // ≈ 240 m
    expect(fusion.lieux.map((l) => l.membres.length)).toEqual([2, 1])
  })

  it('merges a record placed at its commune centre into the lieu of the same name in that commune, however far', () => {
    const fusion = new Fusion()
    fusion.ajouter(localise({ nom: 'Latelier', jeu: 'hinaura', categorie: 'mediation' }, 5.38, 44.75))
    const { fusion: motif } = fusion.ajouter({ ...localise({ nom: 'LATELIER', jeu: 'aidants-connect', categorie: 'aidants-connect' }), localisation: 'centre-commune' })
    fusion.ajouter({ ...localise({ nom: 'Latelier', jeu: 'aidants-connect', categorie: 'aidants-connect' }), commune: '26001', localisation: 'centre-commune' })
    expect(fusion.lieux.map((l) => [l.commune, l.membres.length])).toEqual([['26113', 2], ['26001', 1]])
    expect(motif).toBe('même nom dans la même commune (position de la source inconnue)')
  })

  it('counts postes from the 2023 list only, summing its validations', () => {
    const fusion = new Fusion()
    fusion.ajouter(localise({ jeu: 'cnfs-structures-2021', siret: '11111111111111', postes: 3 }))
    fusion.ajouter(localise({ jeu: 'cnfs-structures-2023', siret: '11111111111111', postes: 2 }))
    fusion.ajouter(localise({ jeu: 'cnfs-structures-2023', siret: '11111111111111', postes: 1 }))
    expect(fusion.lieux).toHaveLength(1)
    expect(fusion.lieux[0]!.postes).toBe(3)
  })
})
