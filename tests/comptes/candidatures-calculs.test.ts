import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildCalculs, type Calculs } from '../../server/calculs/pool.ts'
import type { Tache } from '../../server/calculs/taches.ts'
import type { Simulateur } from '../../server/spatial/index.ts'
import { depsNationales } from '../routes/app-nationale.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { contexteCandidatures, csvDrome, windows1252 } from './candidatures-contexte.ts'
import { appeler } from './contexte.ts'
import { ORIGINE_MAILLAGE } from './fournisseur-oidc.ts'

/**
 * The computations on candidatures, through the real login, with one worker thread over the national database: each
 * candidature's gain (simulated in the pool, never on the main thread), the selection within a budget, the matching
 * of recruits. Each test starts with no candidature in the Drôme and imports its own.
 */
let ctx: Awaited<ReturnType<typeof contexteCandidatures>>
let pool: Calculs
/** Tasks handed to the pool, counted on this thread as they are given (the worker's own channel may speak late). */
const taches: Tache[] = []
/** Simulations run on the main thread by its own simulator (/api/simulations uses it). */
let simulationsFilPrincipal = 0

beforeAll(async () => {
  const deps = depsNationales()
  pool = buildCalculs({ travailleurs: 1, fileAttenteMax: 4 }, CHEMIN_BASE_NATIONALE, deps.moteur)
  const compteur: Calculs = { ...pool, executer: (tache, options) => (taches.push(tache), pool.executer(tache, options)) }
  const simulateur: Simulateur = { ...deps.simulateur, simuler: (s) => (simulationsFilPrincipal++, deps.simulateur.simuler(s)) }
  ctx = await contexteCandidatures({ ...deps, calculs: compteur, simulateur, delais: { publicMs: 120_000, agentMs: 120_000 } })
}, 120_000)
afterAll(async () => {
  await ctx?.fermer()
  await pool?.fermer()
})
beforeEach(async () => {
  await ctx.viderCandidatures('26')
  taches.length = 0
})

describe('the gain of each candidature', () => {
  it('is simulated in the computation pool, not on the main thread, once per place and postes, and equals /api/simulations to the person', async () => {
    // GIVEN the Drôme's four candidatures
    const r = await ctx.envoyer('/api/departements/26/candidatures', 'prefet-26', csvDrome(ctx.blanches))
    expect(r.status, r.texte).toBe(201)
    // WHEN the list is asked at a radius no other test asks
    simulationsFilPrincipal = 0
    const liste = await appeler(ctx.app, 'GET', '/api/departements/26/candidatures?rayonKm=12', ctx.cookies.planificateur!)
    // THEN one task of the pool evaluated the four, and the main thread simulated nothing
    expect(liste.status, liste.texte).toBe(200)
    expect(taches.map((t) => t.type)).toEqual(['evaluation-candidatures'])
    expect(taches[0]!.type === 'evaluation-candidatures' && taches[0]!.params.candidatures).toHaveLength(4)
    expect(simulationsFilPrincipal).toBe(0)
    // AND each gain is the drop of white-zone population of the candidature's own simulation
    const cands = liste.corps.candidatures as any[]
    for (const cand of cands) {
      const sim = await appeler(ctx.app, 'POST', '/api/simulations', {}, {
        departement: '26', rayonKm: 12, ajouts: [{ lon: cand.longitude, lat: cand.latitude, conseillers: cand.postes }],
      })
      expect(cand.gain).toBe(sim.corps.avant.populationZonesBlanches - sim.corps.apres.populationZonesBlanches)
      expect(cand.coutParHabitantEuros).toBe(cand.gain > 0 ? cand.coutEtatEuros / cand.gain : null)
      // AND the communes it would cover are those of the Drôme whose statut its simulation (on cells) changes, most populated first
      const couvertes = (sim.corps.communesChangees as any[]).filter((x) => x.departement === '26')
      expect([...cand.communesCouvertes].sort((x: any, y: any) => x.code.localeCompare(y.code)))
        .toEqual(couvertes.map(({ code, nom, population }) => ({ code, nom, population })).sort((x, y) => x.code.localeCompare(y.code)))
      expect(cand.communesCouvertes.map((x: any) => x.population)).toEqual(cand.communesCouvertes.map((x: any) => x.population).sort((x: number, y: number) => y - x))
    }
    expect(cands.some((x) => x.gain > 0)).toBe(true)

    // WHEN the same list is asked again THEN nothing is recomputed
    taches.length = 0
    const encore = await appeler(ctx.app, 'GET', '/api/departements/26/candidatures?rayonKm=12&tri=nom', ctx.cookies.planificateur!)
    expect(encore.status).toBe(200)
    expect(taches).toEqual([])
    // WHEN one more candidature is imported THEN only it is given to the pool
    await ctx.importer('26', [{ siret: '44444444400014', nom: 'Espace public numérique', type: 'commune', adresse: '1 rue', codeInsee: ctx.blanches[5]!.code, postes: 1 }])
    const apres = await appeler(ctx.app, 'GET', '/api/departements/26/candidatures?rayonKm=12', ctx.cookies.planificateur!)
    expect(apres.corps.candidatures).toHaveLength(5)
    expect(taches.map((t) => t.type === 'evaluation-candidatures' && t.params.candidatures.length)).toEqual([1])
  })
})

describe('the selection within a budget', () => {
  it('retains the candidatures covering the most within the budget, and /api/simulations of the retained set agrees', async () => {
    // GIVEN the Drôme's four candidatures, and two more, one of which the préfet favours
    const ids = await ctx.importer('26', [
      { siret: '66666666600017', nom: 'Maison France services', type: 'commune', adresse: '1 rue', codeInsee: ctx.blanches[4]!.code, postes: 1 },
      { siret: '66666666600025', nom: 'Association Clic', type: 'association', adresse: '2 rue', codeInsee: ctx.blanches[5]!.code, postes: 2 },
    ])
    expect((await ctx.envoyer('/api/departements/26/candidatures', 'prefet-26', csvDrome(ctx.blanches))).status).toBe(201)
    expect((await appeler(ctx.app, 'PUT', `/api/candidatures/${ids.get('66666666600025')}/avis`, ctx.cookies['prefet-26']!, { avis: 'favorable' })).status).toBe(200)
    const liste = (await appeler(ctx.app, 'GET', '/api/departements/26/candidatures', ctx.cookies.planificateur!)).corps.candidatures as any[]
    expect(liste).toHaveLength(6)
    // WHEN the planner asks for the best selection within 150 000 €
    const budgetEuros = 150_000
    const r = await appeler(ctx.app, 'POST', '/api/departements/26/candidatures/selection', ctx.cookies.planificateur!, { budgetEuros, rayonKm: 10 })
    // THEN it is proven optimal, within budget, at least as good as the greedy and as any affordable candidature alone
    expect(r.status, r.texte).toBe(200)
    expect(taches.map((t) => t.type)).toContain('selection-budget')
    expect(r.corps).toMatchObject({ optimal: true, candidaturesConsiderees: 6 })
    expect(r.corps.coutEuros).toBeLessThanOrEqual(budgetEuros)
    expect(r.corps.gainGlouton).toBeLessThanOrEqual(r.corps.gain)
    expect(r.corps.gain).toBe(r.corps.gainPopulation)
    const retenues = liste.filter((x) => r.corps.retenues.includes(x.id))
    expect(r.corps.coutEuros).toBe(retenues.reduce((s, x) => s + x.coutEtatEuros, 0))
    const sim = await appeler(ctx.app, 'POST', '/api/simulations', {}, { departement: '26', rayonKm: 10, ajouts: r.corps.ajouts })
    expect(r.corps.gain).toBe(sim.corps.avant.populationZonesBlanches - sim.corps.apres.populationZonesBlanches)
    for (const x of liste.filter((y) => y.coutEtatEuros <= budgetEuros)) expect(x.gain).toBeLessThanOrEqual(r.corps.gain)

    // AND among favourable ones only, the only favourable candidature is all there is to retain
    const favorables = await appeler(ctx.app, 'POST', '/api/departements/26/candidatures/selection', ctx.cookies.planificateur!,
      { nombrePostes: 10, seulementFavorables: true, poids: 'population-ifn' })
    expect(favorables.corps.candidaturesConsiderees).toBe(1)
    expect(favorables.corps.retenues.every((id: number) => id === ids.get('66666666600025'))).toBe(true)
    const deux = await appeler(ctx.app, 'POST', '/api/departements/26/candidatures/selection', ctx.cookies.planificateur!, { budgetEuros: 1, nombrePostes: 2 })
    expect(deux.status).toBe(400)
    expect(deux.corps.error).toMatch(/soit budgetEuros .*, soit nombrePostes/)
  })
})

describe('the matching of recruits', () => {
  it('places recruits at the postes of candidatures, as many as possible then nearest, and only for a préfet of the département or an admin', async () => {
    // GIVEN candidature A (1 poste) and B (2 postes) in two zones blanches of the Drôme
    const [a, b] = [ctx.blanches[0]!, ctx.blanches[1]!]
    const ids = await ctx.importer('26', [
      { siret: '77777777700011', nom: 'Relation A', type: 'commune', adresse: '1 rue', codeInsee: a.code, postes: 1 },
      { siret: '77777777700029', nom: 'Relation B', type: 'association', adresse: '2 rue', codeInsee: b.code, postes: 2 },
    ])
    const [idA, idB] = [ids.get('77777777700011')!, ids.get('77777777700029')!]
    // WHEN four recruits are matched: two living in A's commune, one beside B, one in Lille (30 km at most)
    const corps = {
      candidatures: [idA, idB],
      recrues: [
        { id: 'r1', codeInsee: a.code }, { id: 'r2', lon: b.longitude + 0.001, lat: b.latitude },
        { id: 'r3', lon: 3.0573, lat: 50.6292, distanceMaxKm: 30 }, { id: 'r4', codeInsee: a.code },
      ],
    }
    const m = await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation', ctx.cookies['prefet-26']!, corps)
    // THEN three are placed (A takes one of r1, r4; B the other and r2), Lille's recruit is not, no poste is left
    expect(m.status, m.texte).toBe(200)
    expect(taches.map((t) => t.type)).toEqual(['affectation'])
    const parRecrue = new Map((m.corps.affectations as any[]).map((x) => [x.candidat, x.candidature]))
    expect(parRecrue.get('r2')).toBe(idB)
    expect([parRecrue.get('r1'), parRecrue.get('r4')].sort()).toEqual([idA, idB].sort())
    expect(m.corps.candidatsSansPoste).toEqual([{ candidat: 'r3', raison: 'aucun-poste-a-portee', motif: 'aucune structure à 30 km ou moins' }])
    expect(m.corps.postesNonPourvus).toEqual([])
    const distanceAB = (m.corps.affectations as any[]).reduce((s: number, x: any) => s + x.distanceKm, 0)
    expect(m.corps.distanceTotaleKm).toBeCloseTo(distanceAB, 9)

    expect((await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation', ctx.cookies.planificateur!, corps)).status).toBe(403)
    expect((await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation', ctx.cookies['prefet-07']!, corps)).status).toBe(403)
    expect((await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation', {}, corps)).status).toBe(401)
    const inconnue = await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation', ctx.cookies.admin!, { recrues: [{ id: 'x', codeInsee: '99999' }] })
    expect([inconnue.status, inconnue.corps.error]).toEqual([400, 'Paramètre invalide — recrues.0.codeInsee : commune inconnue « 99999 »'])
    const doublon = await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation', ctx.cookies.admin!, { recrues: [{ id: 'x', codeInsee: a.code }, { id: 'x', codeInsee: a.code }] })
    expect([doublon.status, doublon.corps.error]).toEqual([400, 'Paramètre invalide — recrues : deux recrues ont le même id'])
  })

  it('reads the recruits from a spreadsheet’s CSV, refuses its bad rows by line and column unless partiel=oui, and exports the matching as a CSV safe from formulas', async () => {
    // GIVEN candidature A (2 postes) in a zone blanche of the Drôme, favoured by the préfet
    const a = ctx.blanches[2]!
    const ids = await ctx.importer('26', [{ siret: '88888888800014', nom: '=Mairie A', type: 'commune', adresse: '1 rue', codeInsee: a.code, postes: 2 }])
    const idA = ids.get('88888888800014')!
    expect((await appeler(ctx.app, 'PUT', `/api/candidatures/${idA}/avis`, ctx.cookies['prefet-26']!, { avis: 'favorable' })).status).toBe(200)
    // AND a file of four recruits as Excel saves it, one of them in an unknown commune and with a distance of 500 km
    const csv = windows1252([
      'Identifiant;Code INSEE;Mobilité (km);Disponible le;Remarque',
      `"=HYPERLINK(""x"")";${a.code};20;01/01/2027;`,
      `R-002;${a.code};;;`,
      'R-003;99999;500;;',
      `R-004;${a.code};15;;`,
    ].join('\r\n'))
    const envoyer = (requete: string) => ctx.envoyer(`/api/departements/26/mise-en-relation${requete}`, 'prefet-26', csv)
    // WHEN it is sent without partiel THEN nobody is matched: 422, each problem named by line and column
    const refus = await envoyer('')
    expect(refus.status, refus.texte).toBe(422)
    expect(refus.corps).toMatchObject({ ok: false, error: '1 ligne refusée sur 4 : personne n’est mis en relation. Corrigez-les, ou mettez les autres seules en relation avec ?partiel=oui.',
      colonnesIgnorees: ['Remarque'] })
    expect(refus.corps.rejetees).toEqual([
      { ligne: 4, champ: 'codeInsee', motif: 'code INSEE inconnu : 99999' },
      { ligne: 4, champ: 'distanceMaxKm', motif: 'distance maximale : de 1 à 100 km attendus, reçu « 500 »' },
    ])
    // WHEN with partiel=oui THEN the three others compete for A's two postes (favourable by default): two are placed
    const m = await envoyer('?partiel=oui')
    expect(m.status, m.texte).toBe(200)
    expect(m.corps.rejetees).toHaveLength(2)
    expect(m.corps.recrues.map((x: any) => [x.id, x.codeInsee, x.distanceMaxKm, x.disponibleLe])).toEqual([
      ['=HYPERLINK("x")', a.code, 20, '2027-01-01'], ['R-002', a.code, 30, null], ['R-004', a.code, 15, null]])
    expect(m.corps.affectations).toHaveLength(2)
    expect(m.corps.candidatsSansPoste).toEqual([{ candidat: expect.any(String), raison: 'postes-a-portee-pourvus', motif: expect.stringMatching(/sont tous pourvus par d’autres recrues$/) }])
    // AND the same request as CSV lists the pairs and the recruit left, with every text that starts a formula quoted
    const res = await ctx.app.request(`${ORIGINE_MAILLAGE}/api/departements/26/mise-en-relation?partiel=oui&format=csv&candidatures=${idA}`, {
      method: 'POST', headers: { ...ctx.cookies['prefet-26'], 'Content-Type': 'text/csv' }, body: csv as BodyInit })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const lignes = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lignes[0]).toBe('recrue;structure;SIRET;code INSEE de la structure;candidature;distance (km);sans poste : motif')
    expect(lignes).toHaveLength(4)
    expect(lignes.filter((l) => l.includes(';\'=Mairie A;88888888800014;'))).toHaveLength(2)
    expect(lignes.some((l) => l.startsWith('"\'=HYPERLINK(""x"")";'))).toBe(true)
    expect(lignes.filter((l) => l.endsWith('sont tous pourvus par d’autres recrues'))).toHaveLength(1)
    // AND a malformed list of candidatures is a 400 in French
    const mauvais = await envoyer('?candidatures=12;13')
    expect([mauvais.status, mauvais.corps.error]).toEqual([400, 'Paramètre invalide — candidatures : des identifiants de candidatures séparés par des virgules (ex. 12,15,18)'])
  })

  it('leaves out the recruits available only after the postes start, and says so', async () => {
    // GIVEN a candidature of 2 postes, and two recruits of its commune available on 1 January and 1 June 2027
    const a = ctx.blanches[3]!
    const ids = await ctx.importer('26', [{ siret: '99999999900018', nom: 'Mairie D', type: 'commune', adresse: '1 rue', codeInsee: a.code, postes: 2 }])
    const corps = { candidatures: [ids.get('99999999900018')], recrues: [{ id: 'r1', codeInsee: a.code, disponibleLe: '2027-01-01' }, { id: 'r2', codeInsee: a.code, disponibleLe: '01/06/2027' }] }
    // WHEN the postes start on 1 March THEN only the first is placed, the second is told why
    const mars = await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation?datePriseDePoste=2027-03-01', ctx.cookies['prefet-26']!, corps)
    expect(mars.status, mars.texte).toBe(200)
    expect(mars.corps.affectations.map((x: any) => x.candidat)).toEqual(['r1'])
    expect(mars.corps.candidatsSansPoste).toEqual([{ candidat: 'r2', raison: 'disponible-trop-tard', motif: 'disponible le 01/06/2027, après la prise de poste du 01/03/2027' }])
    expect(mars.corps.recrues.map((x: any) => x.disponibleLe)).toEqual(['2027-01-01', '2027-06-01'])
    // AND without a start date both are placed; a date that does not exist is refused in French
    const sans = await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation', ctx.cookies['prefet-26']!, corps)
    expect(sans.corps.affectations).toHaveLength(2)
    const mauvaise = await appeler(ctx.app, 'POST', '/api/departements/26/mise-en-relation?datePriseDePoste=2027-02-30', ctx.cookies['prefet-26']!, corps)
    expect([mauvaise.status, mauvaise.corps.error]).toEqual([400, 'Paramètre invalide — datePriseDePoste : une date qui existe attendue (AAAA-MM-JJ ou JJ/MM/AAAA), reçu « 2027-02-30 »'])
  })
})
