import { describe, expect, it } from 'vitest'
import { champDeEntete, decoder, lireCsv, lireObjets } from '../../server/candidatures/lecture.ts'
import { lireDate, verifierLignes, type Referentiel } from '../../server/candidatures/verification.ts'
import { coutEtatEuros, typeStructure } from '../../server/domain/candidature.ts'

describe('the kind of structure of a candidature', () => {
  it.each([
    ['Commune', 'collectivite'], ['mairie', 'collectivite'], ['EPCI', 'collectivite'], ['Communauté de communes du Diois', 'collectivite'],
    ['Département', 'collectivite'], ['Conseil départemental', 'collectivite'], ['CCAS', 'collectivite'], ['collectivité', 'collectivite'],
    ['Association', 'privee'], ['Association loi 1901', 'privee'], ['ESS', 'privee'], ['SCIC', 'privee'],
    ['Privée', 'privee'], ['entreprise', 'privee'],
  ])('reads « %s » as %s', (brut, attendu) => {
    expect(typeStructure(brut)).toBe(attendu)
  })

  it.each(['', 'club de pétanque', 'autre'])('does not guess a kind for « %s »', (brut) => {
    expect(typeStructure(brut)).toBeNull()
  })

  it('costs the State 50,000 € a poste for a collectivité and 40,000 € for a privée', () => {
    expect([coutEtatEuros('collectivite', 3), coutEtatEuros('privee', 2)]).toEqual([150_000, 80_000])
  })
})

describe('headers of a candidature file', () => {
  it.each([
    ['N° SIRET', 'siret'], ['Siret de la structure (14 chiffres)', 'siret'], ['Raison sociale', 'nom'], ['Type de structure', 'type'],
    ['Code INSEE', 'codeInsee'], ['codeInsee', 'codeInsee'], ['CP', 'codePostal'], ['Nombre de postes demandés', 'postes'],
    ['Longitude', 'longitude'], ['lat', 'latitude'], ['Date de dépôt', 'dateDepot'], ['Remarque', null],
  ])('reads « %s » as %s', (entete, champ) => {
    expect(champDeEntete(entete)).toBe(champ)
  })
})

describe('reading a CSV as spreadsheets save it', () => {
  const ENTETE = 'siret;nom;type;adresse;code insee;postes'
  it('decodes UTF-8 with a BOM and Windows-1252 to the same text', () => {
    const texte = 'Élan;Mairie de Pérouges'
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(texte)])
    const cp1252 = Uint8Array.from(texte, (c) => c.charCodeAt(0))
    expect([decoder(utf8), decoder(cp1252)]).toEqual([texte, texte])
  })

  it('finds the separator, keeps each row’s line in the file, and skips empty lines', () => {
    const r = lireCsv(new TextEncoder().encode(`siret,nom,type,adresse,code insee,postes\n\n1,"Mairie, annexe",commune,x,26362,1\n,,,,,\n2,B,ess,y,26362,2\n`), 10)
    expect(r).toEqual({ ok: true, colonnesIgnorees: [], lignes: [
      { ligne: 3, valeurs: { siret: '1', nom: 'Mairie, annexe', type: 'commune', adresse: 'x', codeInsee: '26362', postes: '1' } },
      { ligne: 5, valeurs: { siret: '2', nom: 'B', type: 'ess', adresse: 'y', codeInsee: '26362', postes: '2' } },
    ] })
  })

  it('refuses two columns naming the same field, and a quote never closed, in French', () => {
    expect(lireCsv(new TextEncoder().encode(`${ENTETE};SIRET\n1;a;b;c;d;1;2`), 10)).toEqual({ ok: false, motif: 'Les colonnes « siret » et « SIRET » désignent toutes deux siret : gardez-en une.' })
    const r = lireCsv(new TextEncoder().encode(`${ENTETE}\n1;"a;b;c;d;1`), 10)
    expect(r).toEqual({ ok: false, motif: 'Ligne 2 : guillemet ouvert jamais fermé (fin du fichier atteinte).' })
  })

  it('reads JSON objects with numbers as the same cells', () => {
    expect(lireObjets([{ SIRET: 12345678900011, Nom: 'A', Type: 'commune', Adresse: 'x', 'Code INSEE': '26362', postes: 2, divers: 1 }], 10)).toEqual({
      ok: true, colonnesIgnorees: ['divers'],
      lignes: [{ ligne: 1, valeurs: { siret: '12345678900011', nom: 'A', type: 'commune', adresse: 'x', codeInsee: '26362', postes: '2' } }],
    })
  })
})

describe('checking the rows of a candidature file', () => {
  const VALENCE = { code: '26362', nom: 'Valence', departement: '26', longitude: 4.9, latitude: 44.9 }
  const SAINT_JEAN = { code: '26300', nom: 'Saint-Jean-en-Royans', departement: '26', longitude: 5.3, latitude: 45.0 }
  const ref: Referentiel = {
    commune: (code) => [VALENCE, SAINT_JEAN].find((c) => c.code === code),
    communesDuCodePostal: (cp) => (cp === '26190' ? [SAINT_JEAN] : []),
    dansDepartement: (_d, lon, lat) => lon > 4 && lon < 6 && lat > 44 && lat < 46,
  }
  const base = { siret: '12345678900011', nom: 'A', type: 'commune', adresse: 'x', postes: '1' }

  it('locates a row by its coordinates (decimal comma), else at its commune’s centre found by code postal and name', () => {
    const r = verifierLignes([
      { ligne: 2, valeurs: { ...base, codeInsee: '26362', longitude: '4,95', latitude: '44,91' } },
      { ligne: 3, valeurs: { ...base, siret: '12345678900029', codePostal: '26190', commune: 'St Jean en Royans', dateDepot: '1/10/26' } },
    ], '26', ref)
    expect(r.rejetees).toEqual([])
    expect(r.candidatures.map((c) => [c.codeInsee, c.longitude, c.latitude, c.localisation, c.dateDepot])).toEqual([
      ['26362', 4.95, 44.91, 'coordonnees', null], ['26300', 5.3, 45.0, 'commune', '2026-10-01']])
  })

  it('rejects a row whose point is outside the département, a SIRET met twice, an unknown postal code, a date that does not exist', () => {
    const r = verifierLignes([
      { ligne: 2, valeurs: { ...base, siret: '12345678900037', codeInsee: '26362', longitude: '44.9', latitude: '4.9' } },
      { ligne: 3, valeurs: { ...base, codeInsee: '26362' } },
      { ligne: 4, valeurs: { ...base, codeInsee: '26362' } },
      { ligne: 5, valeurs: { ...base, siret: '12345678900029', codePostal: '99999', commune: 'X', dateDepot: '31/02/2026' } },
    ], '26', ref)
    expect(r.candidatures.map((c) => c.ligne)).toEqual([3])
    expect(r.rejetees).toEqual([
      { ligne: 2, champ: 'longitude', motif: 'le point [44.9, 4.9] n’est pas dans le département 26 (longitude et latitude inversées ?)' },
      { ligne: 4, champ: 'siret', motif: 'SIRET 12345678900011 déjà présent ligne 3 du fichier' },
      { ligne: 5, champ: 'dateDepot', motif: 'date illisible : « 31/02/2026 » (JJ/MM/AAAA ou AAAA-MM-JJ)' },
      { ligne: 5, champ: 'codePostal', motif: 'code postal inconnu : 99999' },
    ])
  })

  it.each([['2026-10-01', '2026-10-01'], ['01/10/2026', '2026-10-01'], ['01/10/2026 14:30', '2026-10-01'], ['1.10.26', '2026-10-01'], ['hier', null]])(
    'reads the date « %s » as %s', (brut, attendu) => {
      expect(lireDate(brut)).toBe(attendu)
    })
})
