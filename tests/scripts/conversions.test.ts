import { describe, expect, it } from 'vitest'
import { horairesFranceServices } from '../../scripts/import/lieux/horaires.ts'
import { coordonnees, listeServices, typeStructure } from '../../scripts/import/lieux/lieu-source.ts'
import { convertirCnfs2023 } from '../../scripts/import/lieux/cnfs-structures.ts'
import { convertirAidantsConnect } from '../../scripts/import/lieux/aidants-connect.ts'
import { convertirFranceServices } from '../../scripts/import/lieux/france-services.ts'
import { convertirLieuMediation } from '../../scripts/import/lieux/lieux-mediation.ts'
import { moyennePonderee, nombreOuNull } from '../../scripts/import/indicateurs.ts'

describe('horairesFranceServices', () => {
  it('turns the per-day cells into an OSM opening_hours string and French text', () => {
    const r = horairesFranceServices({ h_lundi: '13:30 - 17:00', h_mardi: '09:00 - 12:00 / 13:30 - 17:00', h_samedi: '9:00 - 12:00' })
    expect(r.horaires).toBe('Mo 13:30-17:00; Tu 09:00-12:00,13:30-17:00; Sa 09:00-12:00')
    expect(r.horairesTexte).toBe('lundi : 13:30 - 17:00 ; mardi : 09:00 - 12:00 / 13:30 - 17:00 ; samedi : 9:00 - 12:00')
  })
  it('gives no OSM string when a cell is free text, but keeps the text', () => {
    const r = horairesFranceServices({ h_lundi: 'sur rendez-vous' })
    expect(r).toEqual({ horaires: null, horairesTexte: 'lundi : sur rendez-vous' })
  })
})

describe('coordonnees', () => {
  it('reads decimal commas', () => expect(coordonnees('5,37', '44,75')).toEqual({ ok: true, longitude: 5.37, latitude: 44.75 }))
  it('treats two empty cells as no position', () => expect(coordonnees('', null)).toEqual({ ok: true, longitude: null, latitude: null }))
  it('rejects text and (0, 0)', () => {
    expect(coordonnees('abc', '44').ok).toBe(false)
    expect(coordonnees('0', '0').ok).toBe(false)
  })
})

describe('field conversions', () => {
  it('reads the public/private type of a host structure', () => {
    expect([typeStructure('publique'), typeStructure('privée'), typeStructure('')]).toEqual(['publique', 'privee', null])
  })
  it('splits services on semicolons', () => expect(listeServices('A;B ; C')).toEqual(['A', 'B', 'C']))
  it('reads secret statistique as no value, never 0', () => {
    expect([nombreOuNull('s'), nombreOuNull('nd'), nombreOuNull(''), nombreOuNull('25820'), nombreOuNull('16,5')]).toEqual([null, null, null, 25820, 16.5])
  })
  it('averages arrondissements by population, ignoring missing values', () => {
    expect(moyennePonderee([{ valeur: 2, population: 100 }, { valeur: 5, population: 200 }, { valeur: null, population: 1000 }])).toBe(4)
    expect(moyennePonderee([{ valeur: null, population: 10 }])).toBeNull()
  })
})

describe('convertirCnfs2023', () => {
  const ligne = {
    'Raison sociale': 'COMMUNE DE DIE', 'Nombre de conseillers validés par le COSELEC': '2', Type: 'publique', SIRET: '21260113200019',
    'Date de validation en comité de sélection': '16/06/2021', Adresse: 'RUE', 'Code postal': '26150', code_insee_norm: '26113', 'Code commune INSEE': '26113', ZRR: 'oui', QPV: 'non',
  }
  it('reads postes, type, flags and the ISO date', () => {
    const r = convertirCnfs2023(ligne, 2, 'f.csv')
    expect(r.ok && [r.lieu.postes, r.lieu.typeStructure, r.lieu.zrr, r.lieu.qpv, r.lieu.dateMaj, r.lieu.longitude]).toEqual([2, 'publique', true, false, '2021-06-16', null])
  })
  it('rejects a malformed number of postes naming the column', () => {
    expect(convertirCnfs2023({ ...ligne, 'Nombre de conseillers validés par le COSELEC': 'deux' }, 7, 'f.csv')).toEqual({
      ok: false, champ: 'Nombre de conseillers validés par le COSELEC', motif: 'nombre de postes invalide : « deux »',
    })
  })
})

describe('convertirAidantsConnect', () => {
  it('repairs a float SIRET and keeps an inactive structure flagged', () => {
    const r = convertirAidantsConnect({ Name: 'BetaGouv', ID: '1', 'Is Active': 'false', 'City Insee Code': '75107', Siret: '13002603200016.0', 'Zip Code': '75007' }, 2, 'a.csv')
    expect(r.ok && [r.lieu.siret, r.lieu.actif, r.lieu.codeInsee]).toEqual(['13002603200016', false, '75107'])
  })
})

describe('convertirFranceServices', () => {
  const ligne = { id_fs: '7', lib_fs: 'France services mobile', insee_com: '26113', latitude: '44.75', longitude: '5.37', format_fs: 'Bus_équivalent', type_fs: 'Principal' }
  it.each([['Bus_équivalent', true], ['Itinérante', true], ['Fixe', false], ['Multisites', false]])('flags the format %s as itinerant: %s', (format, itinerant) => {
    const r = convertirFranceServices({ ...ligne, format_fs: format }, 2, 'f.csv')
    expect(r.ok && r.lieu.itinerant).toBe(itinerant)
  })
})

describe('convertirLieuMediation', () => {
  const convertir = convertirLieuMediation('cnfs-lieux-2022', 'conseillers-numeriques')
  it('keeps OSM opening hours in horaires', () => {
    expect(convertir({ nom: 'A', horaires: 'Tu-Sa 10:00-18:00' }, 2, 'f.json')).toMatchObject({ ok: true, lieu: { horaires: 'Tu-Sa 10:00-18:00', horairesTexte: null } })
  })
  it('moves opening hours that are not OSM syntax to horairesTexte', () => {
    expect(convertir({ nom: 'A', horaires: 'Tu 09:00-13:00; Fr 18:00' }, 2, 'f.json')).toMatchObject({ ok: true, lieu: { horaires: null, horairesTexte: 'Tu 09:00-13:00; Fr 18:00' } })
  })
})
