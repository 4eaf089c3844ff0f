import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seConnecter } from './agent-http.ts'
import { appeler, contexteComptes } from './contexte.ts'
import { ORIGINE_MAILLAGE, PERSONNES } from './fournisseur-oidc.ts'

/**
 * Candidatures through the real login on the national database: import (CSV as spreadsheets save it, JSON), the gain
 * of each checked against /api/simulations, the préfet's avis and its history, and the selection within a budget
 * checked against /api/simulations of the retained set.
 */
let ctx: Awaited<ReturnType<typeof contexteComptes>>
const cookies: Record<string, Record<string, string>> = {}
type Commune = { code: string; nom: string; population: number; longitude: number; latitude: number; codesPostaux: string[] }
/** The most populated zones blanches of the Drôme at 10 km. */
let blanches: Commune[]

async function envoyer(chemin: string, qui: string, corps: Uint8Array | string, type = 'text/csv') {
  const res = await ctx.app.request(`${ORIGINE_MAILLAGE}${chemin}`, {
    method: 'POST', headers: { ...cookies[qui], 'Content-Type': type }, body: corps as BodyInit,
  })
  const texte = await res.text()
  return { status: res.status, texte, corps: JSON.parse(texte) as any }
}

/** Windows-1252 bytes of a text (what Excel saves as « CSV (séparateur : point-virgule) »). */
const windows1252 = (texte: string) => Uint8Array.from(texte, (ch) => {
  const code = ch.charCodeAt(0)
  if (code > 255) throw new Error(`hors Windows-1252 : ${ch}`)
  return code
})

beforeAll(async () => {
  ctx = await contexteComptes()
  for (const role of ['prefet-26', 'prefet-07', 'planificateur', 'admin']) cookies[role] = (await seConnecter(ctx.app, role)).bocal.entete()
  cookies.public = {}
  for (const [login, corps] of [['prefet-26', { role: 'prefet', departements: ['26'] }], ['prefet-07', { role: 'prefet', departements: ['07'] }],
    ['planificateur', { role: 'planificateur' }]] as const) {
    expect((await appeler(ctx.app, 'PUT', `/api/agents/${PERSONNES[login]!.email}`, cookies.admin!, corps)).status).toBe(200)
  }
  const zb = await appeler(ctx.app, 'GET', '/api/zones-blanches?departement=26&rayonKm=10&limit=6&methode=centres', {})
  const codes = (zb.corps.communes as { code: string }[]).map((c) => c.code)
  blanches = await Promise.all(codes.map(async (code) => (await appeler(ctx.app, 'GET', `/api/communes/${code}`, {})).corps.commune as Commune))
}, 60_000)
afterAll(async () => {
  await ctx?.fermer()
})

/** A CSV of the Drôme as a préfecture would save it: `;`, Windows-1252, headers in French, types spelled freely. */
function csvDrome(): string {
  const [a, b, c, d] = blanches
  return [
    'N° SIRET;Raison sociale;Type de structure;Adresse;Code INSEE;Code postal;Commune;Nombre de postes demandés;Longitude;Latitude;Date de dépôt;Remarque',
    `12345678900011;Mairie de ${a!.nom};Commune;1 place de la Mairie;${a!.code};;;2;;;01/10/2026;prioritaire`,
    `12345678900029;Association Lien numérique;Association loi 1901;3 rue des Écoles;;${b!.codesPostaux[0]};${b!.nom};1;;;2026-10-02;`,
    `12345678900037;Communauté de communes du Diois;EPCI;42 avenue de la Clairette;${c!.code};;;3;${String(c!.longitude + 0.01).replace('.', ',')};${String(c!.latitude).replace('.', ',')};;`,
    `12345678900045;Tiers-lieu Élan;ESS;5 chemin du Moulin;${d!.code};;;1;;;;`,
  ].join('\r\n')
}

describe('candidatures of a département', () => {
  it('imports a Windows-1252 CSV with loose headers, and lists each candidature with its gain as /api/simulations computes it', async () => {
    // GIVEN the Drôme's file, saved by Excel
    const r = await envoyer('/api/departements/26/candidatures', 'prefet-26', windows1252(csvDrome()), 'text/csv')
    // THEN the four rows are imported, the unknown column is named, nothing is rejected
    expect(r.status, r.texte).toBe(201)
    expect(r.corps).toMatchObject({ ok: true, importees: 4, creees: 4, modifiees: 0, rejetees: [], colonnesIgnorees: ['Remarque'] })

    const liste = await appeler(ctx.app, 'GET', '/api/departements/26/candidatures?rayonKm=10', cookies.planificateur!)
    expect(liste.status).toBe(200)
    const cands = liste.corps.candidatures as any[]
    expect(cands.map((x) => x.siret).sort()).toEqual(['12345678900011', '12345678900029', '12345678900037', '12345678900045'])
    const parSiret = new Map(cands.map((x) => [x.siret, x]))
    expect(parSiret.get('12345678900011')).toMatchObject({ type: 'collectivite', codeInsee: blanches[0]!.code, postes: 2, coutEtatEuros: 100_000,
      localisation: 'commune', longitude: blanches[0]!.longitude, latitude: blanches[0]!.latitude, dateDepot: '2026-10-01', nom: `Mairie de ${blanches[0]!.nom}` })
    expect(parSiret.get('12345678900029')).toMatchObject({ type: 'privee', codeInsee: blanches[1]!.code, coutEtatEuros: 40_000, nom: 'Association Lien numérique' })
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
    const csv = [
      'siret,nom,type,adresse,code insee,postes',
      `98765432100011,Commune A,commune,1 rue A,${blanches[4]!.code},1`,
      `98765432100029,Structure B,club de pétanque,2 rue B,${blanches[4]!.code},1`,
      '98765432100037,Commune C,commune,3 rue C,07186,1',
      `123,Commune D,commune,4 rue D,${blanches[4]!.code},zéro`,
    ].join('\n')
    const refus = await envoyer('/api/departements/26/candidatures', 'prefet-26', `\uFEFF${csv}`)
    expect(refus.status).toBe(400)
    expect(refus.corps.error).toBe('3 lignes refusées sur 4 : rien n’est importé. Corrigez-les, ou importez les autres seules avec ?partiel=oui.')
    expect(refus.corps.rejetees).toEqual([
      { ligne: 3, champ: 'type', motif: expect.stringContaining('type de structure non reconnu : « club de pétanque »') },
      { ligne: 4, champ: 'codeInsee', motif: expect.stringMatching(/^la commune Privas \(07186\) est dans le département 07, pas dans le 26$/) },
      { ligne: 5, champ: 'siret', motif: 'SIRET invalide : « 123 » (14 chiffres)' },
      { ligne: 5, champ: 'postes', motif: 'postes demandés : un entier de 1 à 50 attendu, reçu « zéro »' },
    ])
    const avant = await appeler(ctx.app, 'GET', '/api/departements/26/candidatures', cookies['prefet-26']!)
    expect(avant.corps.candidatures.some((x: any) => x.siret === '98765432100011')).toBe(false)

    const partiel = await envoyer('/api/departements/26/candidatures?partiel=oui', 'prefet-26', csv)
    expect(partiel.status).toBe(201)
    expect(partiel.corps).toMatchObject({ importees: 1, creees: 1 })
    expect(partiel.corps.rejetees).toHaveLength(4)
  })

  it('changes a candidature re-imported with the same SIRET instead of adding one, from JSON too', async () => {
    const premiere = await envoyer('/api/departements/26/candidatures', 'admin', JSON.stringify([
      { siret: '55555555500015', nom: 'Centre social', type: 'association', adresse: '9 rue X', codeInsee: blanches[5]!.code, postes: 1 },
    ]), 'application/json')
    expect(premiere.status, premiere.texte).toBe(201)
    const seconde = await envoyer('/api/departements/26/candidatures', 'admin', JSON.stringify({
      candidatures: [{ SIRET: '555 555 555 00015', Nom: 'Centre social du quartier', Type: 'privée', Adresse: '9 rue X', 'Code INSEE': blanches[5]!.code, Postes: '2' }],
    }), 'application/json')
    expect(seconde.corps).toMatchObject({ importees: 1, creees: 0, modifiees: 1 })
    const liste = (await appeler(ctx.app, 'GET', '/api/departements/26/candidatures?tri=nom', cookies.admin!)).corps.candidatures as any[]
    expect(liste.filter((x) => x.siret === '55555555500015').map((x) => [x.nom, x.postes])).toEqual([['Centre social du quartier', 2]])
    expect(liste.map((x) => x.nom)).toEqual([...liste.map((x) => x.nom)].sort((a, b) => a.localeCompare(b, 'fr')))
  })

  it('refuses, in French, a file too large, too many rows, missing columns, or that is not a file of candidatures', async () => {
    const gros = await envoyer('/api/departements/26/candidatures', 'prefet-26', 'x'.repeat(2 * 1024 * 1024 + 1))
    expect(gros.status).toBe(413)
    expect(gros.corps.error).toMatch(/^Fichier trop volumineux : 2 Mo au plus par import/)
    const lignes = ['siret;nom;type;adresse;code insee;postes', ...Array.from({ length: 5_001 }, () => '1;a;commune;b;26362;1')].join('\n')
    const nombreuses = await envoyer('/api/departements/26/candidatures', 'prefet-26', lignes)
    expect(nombreuses.status).toBe(400)
    expect(nombreuses.corps.error).toBe('Trop de lignes : 5001 candidatures, 5000 au plus par import. Découpez le fichier.')
    const colonnes = await envoyer('/api/departements/26/candidatures', 'prefet-26', 'siret;nom\n12345678900011;A')
    expect(colonnes.status).toBe(400)
    expect(colonnes.corps.error).toMatch(/^Colonnes manquantes : type, adresse, postes, codeInsee \(ou codePostal et commune\)/)
    const json = await envoyer('/api/departements/26/candidatures', 'prefet-26', '{"siret": 1}', 'application/json')
    expect(json.status).toBe(400)
    const vide = await envoyer('/api/departements/26/candidatures', 'prefet-26', 'siret;nom;type;adresse;code insee;postes\n')
    expect(vide.status).toBe(400)
    expect(vide.corps.error).toBe('Le fichier ne contient aucune candidature (seulement l’en-tête).')
  })

  it('keeps every avis with its author and date, gives the latest, and lets only a préfet of the département or an admin give one', async () => {
    const liste = (await appeler(ctx.app, 'GET', '/api/departements/26/candidatures', cookies['prefet-26']!)).corps.candidatures as any[]
    const id = liste.find((x) => x.siret === '12345678900029').id
    const a1 = await appeler(ctx.app, 'PUT', `/api/candidatures/${id}/avis`, cookies['prefet-26']!, { avis: 'reserve', commentaire: 'Locaux à confirmer' })
    expect(a1.status, a1.texte).toBe(200)
    const a2 = await appeler(ctx.app, 'PUT', `/api/candidatures/${id}/avis`, cookies.admin!, { avis: 'favorable', commentaire: 'Locaux confirmés' })
    expect(a2.corps.candidature.avis).toMatchObject({ avis: 'favorable', commentaire: 'Locaux confirmés', auteur: PERSONNES.admin!.email })
    expect(a2.corps.candidature.avisHistorique.map((a: any) => [a.avis, a.auteur])).toEqual([
      ['reserve', PERSONNES['prefet-26']!.email], ['favorable', PERSONNES.admin!.email]])
    expect((await appeler(ctx.app, 'PUT', `/api/candidatures/${id}/avis`, cookies.planificateur!, { avis: 'defavorable' })).status).toBe(403)
    expect((await appeler(ctx.app, 'PUT', `/api/candidatures/${id}/avis`, cookies['prefet-07']!, { avis: 'defavorable' })).status).toBe(404)
    expect((await appeler(ctx.app, 'PUT', `/api/candidatures/${id}/avis`, {}, { avis: 'defavorable' })).status).toBe(401)
    const mauvais = await appeler(ctx.app, 'PUT', `/api/candidatures/${id}/avis`, cookies['prefet-26']!, { avis: 'peut-être' })
    expect(mauvais.status).toBe(400)
    expect(mauvais.corps.error).toBe('Paramètre invalide — avis : avis doit valoir favorable, reserve, defavorable')
    expect((await appeler(ctx.app, 'GET', `/api/candidatures/${id}`, cookies.planificateur!)).corps.candidature.avisHistorique).toHaveLength(2)

    const csv = await ctx.app.request(`${ORIGINE_MAILLAGE}/api/departements/26/candidatures?format=csv`, { headers: cookies.planificateur! })
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const ligne = (await csv.text()).split('\r\n').find((l) => l.includes('12345678900029'))!
    expect(ligne).toContain(';favorable;Locaux confirmés;admin@anct.gouv.fr;')
    expect(ligne).toContain('réservé (prefet-26@drome.gouv.fr)')
  })

  it('selects within a budget the candidatures covering the most, and /api/simulations of the retained set agrees', async () => {
    const liste = (await appeler(ctx.app, 'GET', '/api/departements/26/candidatures', cookies.planificateur!)).corps.candidatures as any[]
    const budgetEuros = 150_000
    const r = await appeler(ctx.app, 'POST', '/api/departements/26/candidatures/selection', cookies.planificateur!, { budgetEuros, rayonKm: 10 })
    expect(r.status, r.texte).toBe(200)
    expect(r.corps).toMatchObject({ optimal: true, candidaturesConsiderees: liste.length })
    expect(r.corps.coutEuros).toBeLessThanOrEqual(budgetEuros)
    expect(r.corps.gainGlouton).toBeLessThanOrEqual(r.corps.gain)
    expect(r.corps.gain).toBe(r.corps.gainPopulation)
    const retenues = liste.filter((x) => r.corps.retenues.includes(x.id))
    expect(r.corps.coutEuros).toBe(retenues.reduce((s, x) => s + x.coutEtatEuros, 0))
    const sim = await appeler(ctx.app, 'POST', '/api/simulations', {}, { departement: '26', rayonKm: 10, ajouts: r.corps.ajouts })
    expect(r.corps.gain).toBe(sim.corps.avant.populationZonesBlanches - sim.corps.apres.populationZonesBlanches)
    // No single affordable candidature covers more than the selection.
    for (const x of liste.filter((y) => y.coutEtatEuros <= budgetEuros)) expect(x.gain).toBeLessThanOrEqual(r.corps.gain)

    const favorables = await appeler(ctx.app, 'POST', '/api/departements/26/candidatures/selection', cookies.planificateur!,
      { nombrePostes: 10, seulementFavorables: true, poids: 'population-ifn' })
    expect(favorables.corps.candidaturesConsiderees).toBe(liste.filter((x) => x.avis?.avis === 'favorable').length)
    expect(favorables.corps.retenues.every((id: number) => liste.find((x) => x.id === id)?.avis?.avis === 'favorable')).toBe(true)
    const deux = await appeler(ctx.app, 'POST', '/api/departements/26/candidatures/selection', cookies.planificateur!, { budgetEuros: 1, nombrePostes: 2 })
    expect(deux.status).toBe(400)
    expect(deux.corps.error).toMatch(/soit budgetEuros .*, soit nombrePostes/)
  })

  it('places recruits at the postes of candidatures, as many as possible then nearest, and only for a préfet of the département or an admin', async () => {
    // GIVEN candidature A (1 poste) and B (2 postes) in two zones blanches of the Drôme
    const [a, b] = [blanches[0]!, blanches[1]!]
    const r = await envoyer('/api/departements/26/candidatures', 'admin', JSON.stringify([
      { siret: '77777777700011', nom: 'Relation A', type: 'commune', adresse: '1 rue', codeInsee: a.code, postes: 1 },
      { siret: '77777777700029', nom: 'Relation B', type: 'association', adresse: '2 rue', codeInsee: b.code, postes: 2 },
    ]), 'application/json')
    expect(r.status, r.texte).toBe(201)
    const liste = (await appeler(ctx.app, 'GET', '/api/departements/26/candidatures', cookies.admin!)).corps.candidatures as any[]
    const idA = liste.find((x) => x.siret === '77777777700011').id
    const idB = liste.find((x) => x.siret === '77777777700029').id
    // WHEN four recruits are matched: two living in A's commune, one beside B, one in Lille (30 km at most)
    const corps = {
      candidatures: [idA, idB],
      recrues: [
        { id: 'r1', codeInsee: a.code }, { id: 'r2', lon: b.longitude + 0.001, lat: b.latitude },
        { id: 'r3', lon: 3.0573, lat: 50.6292, distanceMaxKm: 30 }, { id: 'r4', codeInsee: a.code },
      ],
    }
    const m = await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation', cookies['prefet-26']!, corps)
    // THEN three are placed (A takes one of r1, r4; B the other and r2), Lille's recruit is not, no poste is left
    expect(m.status, m.texte).toBe(200)
    const parRecrue = new Map((m.corps.affectations as any[]).map((x) => [x.recrue, x.candidature]))
    expect(parRecrue.get('r2')).toBe(idB)
    expect([parRecrue.get('r1'), parRecrue.get('r4')].sort()).toEqual([idA, idB].sort())
    expect(m.corps.nonAffectees).toEqual(['r3'])
    expect(m.corps.postesVacants).toEqual([])
    const distanceAB = (m.corps.affectations as any[]).reduce((s: number, x: any) => s + x.distanceKm, 0)
    expect(m.corps.distanceTotaleKm).toBeCloseTo(distanceAB, 9)

    expect((await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation', cookies.planificateur!, corps)).status).toBe(403)
    expect((await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation', cookies['prefet-07']!, corps)).status).toBe(403)
    expect((await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation', {}, corps)).status).toBe(401)
    const inconnue = await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation', cookies.admin!, { recrues: [{ id: 'x', codeInsee: '99999' }] })
    expect([inconnue.status, inconnue.corps.error]).toEqual([400, 'Paramètre invalide — recrues.0.codeInsee : commune inconnue « 99999 »'])
    const doublon = await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation', cookies.admin!, { recrues: [{ id: 'x', codeInsee: a.code }, { id: 'x', codeInsee: a.code }] })
    expect([doublon.status, doublon.corps.error]).toEqual([400, 'Paramètre invalide — recrues : deux recrues ont le même id'])
  })
})
