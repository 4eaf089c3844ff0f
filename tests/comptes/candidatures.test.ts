import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { contexteCandidatures, csvDrome, windows1252 } from './candidatures-contexte.ts'
import { appeler } from './contexte.ts'
import { ORIGINE_MAILLAGE, PERSONNES } from './fournisseur-oidc.ts'

/**
 * Candidatures through the real login on the national database: import (CSV as spreadsheets save it, JSON), the gain
 * of each checked against /api/simulations, the préfet's avis and its history, the export. Each test starts with no
 * candidature in the Drôme and imports what it reads (the computations are in candidatures-calculs.test.ts).
 */
let ctx: Awaited<ReturnType<typeof contexteCandidatures>>

beforeAll(async () => {
  ctx = await contexteCandidatures()
}, 60_000)
afterAll(async () => {
  await ctx?.fermer()
})
beforeEach(async () => {
  await ctx.viderCandidatures('26')
})

describe('candidatures of a département', () => {
  it('imports a Windows-1252 CSV with loose headers, and lists each candidature with its gain as /api/simulations computes it', async () => {
    // GIVEN the Drôme's file, saved by Excel
    const r = await ctx.envoyer('/api/departements/26/candidatures', 'prefet-26', windows1252(csvDrome(ctx.blanches)), 'text/csv')
    // THEN the four rows are imported, the unknown column is named, nothing is rejected
    expect(r.status, r.texte).toBe(201)
    expect(r.corps).toMatchObject({ ok: true, importees: 4, creees: 4, modifiees: 0, rejetees: [], colonnesIgnorees: ['Remarque'] })

    const liste = await appeler(ctx.app, 'GET', '/api/departements/26/candidatures?rayonKm=10', ctx.cookies.planificateur!)
    expect(liste.status).toBe(200)
    const cands = liste.corps.candidatures as any[]
    expect(cands.map((x) => x.siret).sort()).toEqual(['12345678900011', '12345678900029', '12345678900037', '12345678900045'])
    const parSiret = new Map(cands.map((x) => [x.siret, x]))
    expect(parSiret.get('12345678900011')).toMatchObject({ type: 'collectivite', codeInsee: ctx.blanches[0]!.code, postes: 2, coutEtatEuros: 100_000,
      localisation: 'commune', longitude: ctx.blanches[0]!.longitude, latitude: ctx.blanches[0]!.latitude, dateDepot: '2026-10-01', nom: `Mairie de ${ctx.blanches[0]!.nom}` })
    expect(parSiret.get('12345678900029')).toMatchObject({ type: 'privee', codeInsee: ctx.blanches[1]!.code, coutEtatEuros: 40_000, nom: 'Association Lien numérique' })
    expect(parSiret.get('12345678900037')).toMatchObject({ type: 'collectivite', localisation: 'coordonnees', coutEtatEuros: 150_000 })
    expect(parSiret.get('12345678900045')).toMatchObject({ type: 'privee', coutEtatEuros: 40_000 })
    // Sorted by gain, largest first; each gain is the drop of white-zone population of its own simulation, to the person.
    expect(cands.map((x) => x.gain)).toEqual([...cands.map((x) => x.gain)].sort((a, b) => b - a))
    for (const cand of cands) {
      const sim = await appeler(ctx.app, 'POST', '/api/simulations', {}, {
        departement: '26', rayonKm: 10, ajouts: [{ lon: cand.longitude, lat: cand.latitude, conseillers: cand.postes }],
      })
      expect(cand.gain).toBe(sim.corps.avant.populationZonesBlanches - sim.corps.apres.populationZonesBlanches)
      expect(cand.coutParHabitantEuros).toBe(cand.gain > 0 ? cand.coutEtatEuros / cand.gain : null)
    }
    expect(cands[0].gain).toBeGreaterThan(0)
  })

  it('imports nothing from a file with a rejected row, unless partiel=oui, and names the line, column and reason', async () => {
    // GIVEN a file of four rows, three of them wrong (type, département, SIRET and postes)
    const csv = [
      'siret,nom,type,adresse,code insee,postes',
      `98765432100011,Commune A,commune,1 rue A,${ctx.blanches[4]!.code},1`,
      `98765432100029,Structure B,club de pétanque,2 rue B,${ctx.blanches[4]!.code},1`,
      '98765432100037,Commune C,commune,3 rue C,07186,1',
      `123,Commune D,commune,4 rue D,${ctx.blanches[4]!.code},zéro`,
    ].join('\n')
    const refus = await ctx.envoyer('/api/departements/26/candidatures', 'prefet-26', `\uFEFF${csv}`)
    // THEN nothing is imported: 422, the file was read but its rows refused
    expect(refus.status).toBe(422)
    expect(refus.corps).toMatchObject({ ok: false, status: 422, importees: 0 })
    expect(refus.corps.error).toBe('3 lignes refusées sur 4 : rien n’est importé. Corrigez-les, ou importez les autres seules avec ?partiel=oui.')
    expect(refus.corps.rejetees).toEqual([
      { ligne: 3, champ: 'type', motif: expect.stringContaining('type de structure non reconnu : « club de pétanque »') },
      { ligne: 4, champ: 'codeInsee', motif: expect.stringMatching(/^la commune Privas \(07186\) est dans le département 07, pas dans le 26$/) },
      { ligne: 5, champ: 'siret', motif: 'SIRET invalide : « 123 » (14 chiffres)' },
      { ligne: 5, champ: 'postes', motif: 'postes demandés : un entier de 1 à 50 attendu, reçu « zéro »' },
    ])
    const avant = await appeler(ctx.app, 'GET', '/api/departements/26/candidatures', ctx.cookies['prefet-26']!)
    expect(avant.corps.candidatures).toEqual([])

    // WHEN partiel=oui THEN the valid row is imported (201) and the others listed
    const partiel = await ctx.envoyer('/api/departements/26/candidatures?partiel=oui', 'prefet-26', csv)
    expect(partiel.status).toBe(201)
    expect(partiel.corps).toMatchObject({ ok: true, importees: 1, creees: 1 })
    expect(partiel.corps.rejetees).toEqual(refus.corps.rejetees)
    expect((await ctx.comptes.comptes.candidatures('26')).map((x) => x.siret)).toEqual(['98765432100011'])
    // AND a file without a single valid row imports nothing even with partiel=oui: 422, not a 201 that created nothing
    const aucune = await ctx.envoyer('/api/departements/26/candidatures?partiel=oui', 'prefet-26', csv.split('\n').filter((_, k) => k !== 1).join('\n'))
    expect(aucune.status).toBe(422)
    expect(aucune.corps).toMatchObject({ importees: 0, error: 'Aucune candidature n’est valable (3 lignes refusées) : rien n’est importé.' })
    expect(aucune.corps.rejetees.map((x: any) => x.ligne)).toEqual([2, 3, 4, 4])
  })

  it('changes a candidature re-imported with the same SIRET instead of adding one, from JSON too', async () => {
    // GIVEN the Drôme's four candidatures and a centre social
    expect((await ctx.envoyer('/api/departements/26/candidatures', 'prefet-26', csvDrome(ctx.blanches))).status).toBe(201)
    const premiere = await ctx.envoyer('/api/departements/26/candidatures', 'admin', JSON.stringify([
      { siret: '55555555500015', nom: 'Centre social', type: 'association', adresse: '9 rue X', codeInsee: ctx.blanches[5]!.code, postes: 1 },
    ]), 'application/json')
    expect(premiere.status, premiere.texte).toBe(201)
    const seconde = await ctx.envoyer('/api/departements/26/candidatures', 'admin', JSON.stringify({
      candidatures: [{ SIRET: '555 555 555 00015', Nom: 'Centre social du quartier', Type: 'privée', Adresse: '9 rue X', 'Code INSEE': ctx.blanches[5]!.code, Postes: '2' }],
    }), 'application/json')
    expect(seconde.corps).toMatchObject({ importees: 1, creees: 0, modifiees: 1 })
    const liste = (await appeler(ctx.app, 'GET', '/api/departements/26/candidatures?tri=nom', ctx.cookies.admin!)).corps.candidatures as any[]
    expect(liste).toHaveLength(5)
    expect(liste.filter((x) => x.siret === '55555555500015').map((x) => [x.nom, x.postes])).toEqual([['Centre social du quartier', 2]])
    expect(liste.map((x) => x.nom)).toEqual([...liste.map((x) => x.nom)].sort((a, b) => a.localeCompare(b, 'fr')))
  })

  it('refuses, in French, a file too large, too many rows, missing columns, or that is not a file of candidatures', async () => {
    const gros = await ctx.envoyer('/api/departements/26/candidatures', 'prefet-26', 'x'.repeat(2 * 1024 * 1024 + 1))
    expect(gros.status).toBe(413)
    expect(gros.corps.error).toMatch(/^Fichier trop volumineux : 2 Mo au plus par import/)
    const lignes = ['siret;nom;type;adresse;code insee;postes', ...Array.from({ length: 5_001 }, () => '1;a;commune;b;26362;1')].join('\n')
    const nombreuses = await ctx.envoyer('/api/departements/26/candidatures', 'prefet-26', lignes)
    expect(nombreuses.status).toBe(400)
    expect(nombreuses.corps.error).toBe('Trop de lignes : 5001 candidatures, 5000 au plus par import. Découpez le fichier.')
    const colonnes = await ctx.envoyer('/api/departements/26/candidatures', 'prefet-26', 'siret;nom\n12345678900011;A')
    expect(colonnes.status).toBe(400)
    expect(colonnes.corps.error).toMatch(/^Colonnes manquantes : type, adresse, postes, codeInsee \(ou codePostal et commune\)/)
    const json = await ctx.envoyer('/api/departements/26/candidatures', 'prefet-26', '{"siret": 1}', 'application/json')
    expect(json.status).toBe(400)
    const vide = await ctx.envoyer('/api/departements/26/candidatures', 'prefet-26', 'siret;nom;type;adresse;code insee;postes\n')
    expect(vide.status).toBe(400)
    expect(vide.corps.error).toBe('Le fichier ne contient aucune candidature (seulement l’en-tête).')
    expect(await ctx.comptes.comptes.candidatures('26')).toEqual([])
  })

  it('keeps every avis with its author and date, gives the latest, and lets only a préfet of the département or an admin give one', async () => {
    expect((await ctx.envoyer('/api/departements/26/candidatures', 'prefet-26', csvDrome(ctx.blanches))).status).toBe(201)
    const liste = (await appeler(ctx.app, 'GET', '/api/departements/26/candidatures', ctx.cookies['prefet-26']!)).corps.candidatures as any[]
    const id = liste.find((x) => x.siret === '12345678900029').id
    const a1 = await appeler(ctx.app, 'PUT', `/api/candidatures/${id}/avis`, ctx.cookies['prefet-26']!, { avis: 'reserve', commentaire: 'Locaux à confirmer' })
    expect(a1.status, a1.texte).toBe(200)
    const a2 = await appeler(ctx.app, 'PUT', `/api/candidatures/${id}/avis`, ctx.cookies.admin!, { avis: 'favorable', commentaire: 'Locaux confirmés' })
    expect(a2.corps.candidature.avis).toMatchObject({ avis: 'favorable', commentaire: 'Locaux confirmés', auteur: PERSONNES.admin!.email })
    expect(a2.corps.candidature.avisHistorique.map((a: any) => [a.avis, a.auteur])).toEqual([
      ['reserve', PERSONNES['prefet-26']!.email], ['favorable', PERSONNES.admin!.email]])
    expect((await appeler(ctx.app, 'PUT', `/api/candidatures/${id}/avis`, ctx.cookies.planificateur!, { avis: 'defavorable' })).status).toBe(403)
    expect((await appeler(ctx.app, 'PUT', `/api/candidatures/${id}/avis`, ctx.cookies['prefet-07']!, { avis: 'defavorable' })).status).toBe(404)
    expect((await appeler(ctx.app, 'PUT', `/api/candidatures/${id}/avis`, {}, { avis: 'defavorable' })).status).toBe(401)
    const mauvais = await appeler(ctx.app, 'PUT', `/api/candidatures/${id}/avis`, ctx.cookies['prefet-26']!, { avis: 'peut-être' })
    expect(mauvais.status).toBe(400)
    expect(mauvais.corps.error).toBe('Paramètre invalide — avis : avis doit valoir favorable, reserve, defavorable')
    expect((await appeler(ctx.app, 'GET', `/api/candidatures/${id}`, ctx.cookies.planificateur!)).corps.candidature.avisHistorique).toHaveLength(2)

    const csv = await ctx.app.request(`${ORIGINE_MAILLAGE}/api/departements/26/candidatures?format=csv`, { headers: ctx.cookies.planificateur! })
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const ligne = (await csv.text()).split('\r\n').find((l) => l.includes('12345678900029'))!
    expect(ligne).toContain(';favorable;Locaux confirmés;admin@anct.gouv.fr;')
    expect(ligne).toContain('réservé (prefet-26@drome.gouv.fr)')
  })
})
