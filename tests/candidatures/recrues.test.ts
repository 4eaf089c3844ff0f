import { describe, expect, it } from 'vitest'
import { lecteurEntetes, lireCsvSelon } from '../../server/candidatures/lecture.ts'
import { SCHEMA_RECRUES, verifierRecrues } from '../../server/candidatures/recrues.ts'
import type { Referentiel } from '../../server/candidatures/verification.ts'

const VALENCE = { code: '26362', nom: 'Valence', departement: '26', longitude: 4.9, latitude: 44.9 }
const PRIVAS = { code: '07186', nom: 'Privas', departement: '07', longitude: 4.6, latitude: 44.73 }
const ref: Referentiel = {
  commune: (code) => [VALENCE, PRIVAS].find((c) => c.code === code),
  communesDuCodePostal: (cp) => (cp === '07000' ? [PRIVAS] : []),
  dansDepartement: () => true,
}
const octets = (texte: string) => new TextEncoder().encode(texte)

describe('headers of a file of recruits', () => {
  const champ = lecteurEntetes(SCHEMA_RECRUES.orthographes)
  it.each([
    ['Identifiant', 'id'], ['N° de dossier', 'id'], ['Référence candidat', 'id'], ['Code INSEE de résidence', 'codeInsee'], ['CP', 'codePostal'],
    ['Commune de résidence', 'commune'], ['Mobilité (km)', 'distanceMaxKm'], ['Distance maximale', 'distanceMaxKm'], ['Disponible le', 'disponibleLe'],
    ['Longitude', 'longitude'], ['Nom', null], ['Prénom', null],
  ])('reads « %s » as %s', (entete, attendu) => {
    expect(champ(entete)).toBe(attendu)
  })

  it('refuses a file without an identifier or a place, naming what is missing', () => {
    expect(lireCsvSelon(octets('Nom;Commune\nA;Valence'), 10, SCHEMA_RECRUES)).toEqual({ ok: false,
      motif: 'Colonnes manquantes : identifiant, codeInsee (ou codePostal et commune, ou longitude et latitude) (en-têtes lus : « Nom », « Commune »). ' +
        'Il faut un identifiant par recrue et sa commune (code INSEE, ou code postal et commune, ou longitude et latitude).' })
    expect(lireCsvSelon(octets(`id;code insee\n${'x;26362\n'.repeat(3)}`), 2, SCHEMA_RECRUES))
      .toEqual({ ok: false, motif: 'Trop de lignes : 3 recrues, 2 au plus par import. Découpez le fichier.' })
  })
})

describe('checking the rows of a file of recruits', () => {
  it('places a recruit at their coordinates, else at their commune’s centre (code INSEE, or postal code and name, outside the département too), 30 km by default', () => {
    const lu = lireCsvSelon(octets([
      'Identifiant;Code INSEE;Code postal;Commune;Longitude;Latitude;Mobilité (km);Disponible le',
      'A;26362;;;;;;', 'B;;07000;Privas;;;15 km;01/02/2027', 'C;;;;4,95;44,91;100;',
    ].join('\r\n')), 10, SCHEMA_RECRUES)
    if (!lu.ok) throw new Error(lu.motif)
    const r = verifierRecrues(lu.lignes, ref)
    expect(r.rejetees).toEqual([])
    expect(r.recrues).toEqual([
      { ligne: 2, id: 'A', longitude: 4.9, latitude: 44.9, codeInsee: '26362', distanceMaxKm: 30, disponibleLe: null },
      { ligne: 3, id: 'B', longitude: 4.6, latitude: 44.73, codeInsee: '07186', distanceMaxKm: 15, disponibleLe: '2027-02-01' },
      { ligne: 4, id: 'C', longitude: 4.95, latitude: 44.91, codeInsee: null, distanceMaxKm: 100, disponibleLe: null },
    ])
  })

  it('refuses, by line and column, an identifier met twice or missing, an unknown commune, a distance out of range, a date that does not exist', () => {
    const r = verifierRecrues([
      { ligne: 2, valeurs: { id: 'A', codeInsee: '26362' } },
      { ligne: 3, valeurs: { id: 'A', codeInsee: '26362' } },
      { ligne: 4, valeurs: { codeInsee: '99999', distanceMaxKm: '0,5' } },
      { ligne: 5, valeurs: { id: 'D', codePostal: '07000', commune: 'Valence' } },
      { ligne: 6, valeurs: { id: 'E', codeInsee: '26362', disponibleLe: '31/02/2027' } },
      { ligne: 7, valeurs: { id: 'F', longitude: '4.9' } },
    ], ref)
    expect(r.recrues.map((x) => x.id)).toEqual(['A'])
    expect(r.rejetees).toEqual([
      { ligne: 3, champ: 'id', motif: 'identifiant « A » déjà présent ligne 2 du fichier' },
      { ligne: 4, champ: 'id', motif: 'identifiant absent' },
      { ligne: 4, champ: 'codeInsee', motif: 'code INSEE inconnu : 99999' },
      { ligne: 4, champ: 'distanceMaxKm', motif: 'distance maximale : de 1 à 100 km attendus, reçu « 0,5 »' },
      { ligne: 5, champ: 'commune', motif: 'aucune commune « Valence » sous le code postal 07000 (Privas)' },
      { ligne: 6, champ: 'disponibleLe', motif: 'date illisible : « 31/02/2027 » (JJ/MM/AAAA ou AAAA-MM-JJ)' },
      { ligne: 7, champ: 'latitude', motif: 'latitude invalide : «  » (degrés décimaux, ex. 44,93)' },
    ])
  })
})
