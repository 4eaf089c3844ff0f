import { BroadcastChannel } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type Deps } from '../../server/app.ts'
import { buildCalculs, calculsEnLigne, type Calculs } from '../../server/calculs/pool.ts'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { depsNationales } from './app-nationale.ts'

const NATIONAL_LONG = { nombrePostes: 200, rayonKm: 4, offre: 'france-services', poids: 'population-ifn' }
const JSON_POST = (corps: unknown, signal?: AbortSignal): RequestInit => ({
  method: 'POST', body: JSON.stringify(corps), headers: { 'Content-Type': 'application/json' }, ...(signal ? { signal } : {}),
})
/** An answer's JSON with its measured duration zeroed: the one field that differs between two runs. */
const sansDuree = (texte: string) => texte.replace(/"dureeMs":[0-9.e+-]+/g, '"dureeMs":0')

/** A pool of one worker over the national database, whose worker says on a channel when each task starts and ends. */
function unTravailleur(fileAttenteMax: number, nomCanal: string) {
  const calculs = buildCalculs({ travailleurs: 1, fileAttenteMax, suivi: nomCanal }, CHEMIN_BASE_NATIONALE, depsNationales().moteur)
  const canal = new BroadcastChannel(nomCanal)
  const etapes: string[] = []
  const attentes: { etape: string; ok: () => void }[] = []
  canal.onmessage = (m) => {
    const etape = String((m as { data: unknown }).data)
    etapes.push(etape)
    for (const a of attentes.filter((x) => x.etape === etape)) a.ok()
  }
  const attendre = (etape: string) => (etapes.includes(etape) ? Promise.resolve() : new Promise<void>((ok) => attentes.push({ etape, ok })))
  // Delays long enough never to be the reason a test ends the way it does.
  const deps: Deps = { ...depsNationales(), calculs, delais: { publicMs: 120_000, agentMs: 120_000 } }
  return { calculs, app: createApp(deps), etapes, attendre, fermer: async () => { canal.close(); await calculs.fermer() } }
}

describe('heavy computations in a pool of worker threads', () => {
  describe('results', () => {
    let pool: Calculs
    beforeAll(() => {
      pool = buildCalculs({ travailleurs: 2, fileAttenteMax: 8 }, CHEMIN_BASE_NATIONALE, depsNationales().moteur)
    })
    afterAll(async () => pool?.fermer())

    it.each([
      ['/optimisation', { departement: '26', rayonKm: 5, nombrePostes: 10 }],
      ['/optimisation', { departement: '2A', rayonKm: 8, nombrePostes: 25, offre: 'france-services', poids: 'population-ifn' }],
      ['/optimisation', { departement: '26', rayonKm: 5, nombrePostes: 3, ajouts: [{ lon: 5.05, lat: 44.75, conseillers: 1 }] }],
      ['/optimisation', { departement: '26', rayonKm: 5, nombrePostes: 2, offre: 'conseillers-numeriques', candidats: 'structures' }],
      ['/optimisation/nationale', { nombrePostes: 12, rayonKm: 10 }],
      ['/optimisation/nationale', { nombrePostes: 20, rayonKm: 8, offre: 'france-services', poids: 'population-ifn' }],
    ])('answers %s %j with the same JSON in the pool as inline', async (chemin, corps) => {
      // GIVEN the same national data served inline (MAILLAGE_TRAVAILLEURS=0) and by two workers, with the same
      // time limits, long enough for every solve to be proven and for the workers to load their data first
      const delais = { publicMs: 120_000, agentMs: 120_000 }
      const enLigne = createApp({ ...depsNationales(), delais })
      const enPool = createApp({ ...depsNationales(), calculs: pool, delais })
      // WHEN the same body is posted to both
      const [a, b] = await Promise.all([enLigne.request(chemin, JSON_POST(corps)), enPool.request(chemin, JSON_POST(corps))])
      // THEN the answers are byte for byte the same, but for the measured duration
      expect([a.status, b.status]).toEqual([200, 200])
      expect(sansDuree(await b.text())).toBe(sansDuree(await a.text()))
    })

    it('selects candidatures within a budget in a worker exactly as inline', async () => {
      // GIVEN a candidature at every tenth commune centre of the Drôme, 1 to 3 postes, collectivités and privées in turn
      const { communes } = depsNationales().moteur.index
      const candidatures = Array.from({ length: communes.n }, (_, i) => i).filter((i) => communes.departement[i] === '26').filter((_, k) => k % 10 === 0)
        .map((i, k) => ({ longitude: communes.longitude[i]!, latitude: communes.latitude[i]!, postes: 1 + (k % 3), type: k % 2 === 0 ? 'collectivite' as const : 'privee' as const }))
      const tache = { type: 'selection-budget' as const, params: {
        departement: '26', rayonKm: 8, masque: OFFRE_COMPLETE, poids: 'population' as const, candidatures, unite: 'euros' as const, budget: 300_000, tempsLimiteMs: 20_000,
      } }
      // WHEN it runs in the pool and inline
      const [dansPool, enLigne] = await Promise.all([pool.executer(tache, { delaiMs: 120_000 }), calculsEnLigne(depsNationales().moteur).executer(tache, { delaiMs: 120_000 })])
      // THEN the same candidatures are retained, within the budget, proven optimal
      expect(dansPool).toEqual(enLigne)
      expect(dansPool.optimal).toBe(true)
      expect(dansPool.coutEuros).toBeLessThanOrEqual(300_000)
      expect(dansPool.gainPopulation).toBe(dansPool.objectif)
      expect(dansPool.choisis.length).toBeGreaterThan(0)
    })
  })

  it('keeps answering /api/sante and /api/lieux/proches while a national allocation runs in a worker', async () => {
    const { app, attendre, etapes, fermer } = unTravailleur(4, 'calculs-test-boucle')
    try {
      // GIVEN a 200-poste national allocation under way in the worker
      let nationaleFinie = false
      const nationale = Promise.resolve(app.request('/optimisation/nationale', JSON_POST(NATIONAL_LONG))).then((r) => {
        nationaleFinie = true
        return r
      })
      await attendre('nationale:debut')
      // WHEN the small routes are asked
      const sante = await app.request('/sante')
      const proches = await app.request('/lieux/proches?lat=44.93&lon=4.89&limit=3')
      // THEN they answer before the allocation ends, and the allocation still answers in full afterwards
      expect([sante.status, proches.status]).toEqual([200, 200])
      expect(nationaleFinie).toBe(false)
      expect(etapes).not.toContain('nationale:fin')
      const r = await nationale
      expect(r.status).toBe(200)
      expect((await r.json()).postesAttribues).toBe(200)
    } finally {
      await fermer()
    }
  })

  it('answers 503 with Retry-After and a French message when the queue is full', async () => {
    const { app, attendre, fermer } = unTravailleur(1, 'calculs-test-file')
    const annulation = new AbortController()
    try {
      // GIVEN the only worker busy and one task waiting, the queue's capacity
      const occupe = app.request('/optimisation/nationale', JSON_POST(NATIONAL_LONG, annulation.signal))
      await attendre('nationale:debut')
      const enAttente = app.request('/optimisation/nationale', JSON_POST(NATIONAL_LONG, annulation.signal))
      // WHEN one more computation is asked
      const r = await app.request('/optimisation', JSON_POST({ departement: '26', rayonKm: 10, nombrePostes: 1 }))
      // THEN it is refused at once, in the envelope
      expect(r.status).toBe(503)
      expect(r.headers.get('Retry-After')).toBe('5')
      expect(await r.json()).toEqual({ ok: false, status: 503, error: 'Le serveur est occupé par d’autres calculs : réessayez dans 5 secondes.' })
      annulation.abort()
      expect((await occupe).status).toBe(503)
      expect((await enAttente).status).toBe(503)
    } finally {
      await fermer()
    }
  })

  it('frees the worker of a cancelled request: the next task runs without waiting for the cancelled one to end', async () => {
    const { app, attendre, etapes, fermer } = unTravailleur(4, 'calculs-test-annulation')
    try {
      // GIVEN a national allocation running on the only worker
      const annulation = new AbortController()
      const annulee = app.request('/optimisation/nationale', JSON_POST(NATIONAL_LONG, annulation.signal))
      await attendre('nationale:debut')
      // WHEN its client goes away, and another computation is asked
      annulation.abort()
      const r = await app.request('/optimisation', JSON_POST({ departement: '26', rayonKm: 10, nombrePostes: 1 }))
      // THEN the cancelled request ends, the next one is served, and the allocation never ran to its end
      expect((await annulee).status).toBe(503)
      expect(r.status).toBe(200)
      expect(etapes).toEqual(['nationale:debut', 'optimisation:debut', 'optimisation:fin'])
    } finally {
      await fermer()
    }
  })

  it('stops a public computation past the public time limit and says so in French', async () => {
    const calculs = buildCalculs({ travailleurs: 1, fileAttenteMax: 4 }, CHEMIN_BASE_NATIONALE, depsNationales().moteur)
    try {
      // GIVEN a public limit too short for any national allocation (the worker is still loading its data)
      const app = createApp({ ...depsNationales(), calculs, delais: { publicMs: 100, agentMs: 120_000 } })
      const r = await app.request('/optimisation/nationale', JSON_POST(NATIONAL_LONG))
      expect(r.status).toBe(503)
      expect((await r.json()).error).toBe('Le calcul n’a pas abouti dans le temps accordé (0,1 s) : réduisez nombrePostes ou le rayon, ou connectez-vous (un agent dispose de 120 s).')
    } finally {
      await calculs.fermer()
    }
  })
})
