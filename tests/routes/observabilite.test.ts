import { Writable } from 'node:stream'
import pino from 'pino'
import { beforeAll, describe, expect, it } from 'vitest'
import { comptesEnMemoire } from '../../server/comptes/index.ts'
import { createServeur } from '../../server/main.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

const JETON = 'jeton-de-test-0123456789'

/** A pino logger writing into an array of parsed lines. */
function journalCapture() {
  const lignes: Record<string, unknown>[] = []
  const flux = new Writable({
    write(morceau: Buffer, _enc, fini) {
      for (const l of morceau.toString().split('\n')) if (l.trim() !== '') lignes.push(JSON.parse(l) as Record<string, unknown>)
      fini()
    },
  })
  return { lignes, journal: pino({ level: 'info', base: { instance: 'test' }, messageKey: 'message' }, flux) }
}

describe('request ids and the request log', () => {
  const { lignes, journal } = journalCapture()
  let app: ReturnType<typeof createServeur>['app']
  beforeAll(() => {
    app = createServeur(CHEMIN_BASE_NATIONALE, 'dist/client', { securite: { requetesParMinute: 0 }, journal }).app
  })

  it('gives each request an id in X-Request-Id and logs one line with it, its route, status and duration, without the query string', async () => {
    const res = await app.request('/api/lieux/proches?lon=5.37&lat=44.75&limit=3')
    const id = res.headers.get('X-Request-Id')
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const ligne = lignes.find((l) => l.requete === id)
    expect(ligne).toMatchObject({ instance: 'test', methode: 'GET', chemin: '/api/lieux/proches', route: '/api/lieux/proches', statut: 200, message: 'requête' })
    expect(typeof ligne!.dureeMs).toBe('number')
    expect(JSON.stringify(ligne)).not.toContain('44.75')
  })

  it('keeps the plain id a proxy set, and replaces one that could forge log lines', async () => {
    expect((await app.request('/api/sante', { headers: { 'X-Request-Id': 'nginx-42.abc' } })).headers.get('X-Request-Id')).toBe('nginx-42.abc')
    const forge = (await app.request('/api/sante', { headers: { 'X-Request-Id': 'a"} {"faux":1' } })).headers.get('X-Request-Id')
    expect(forge).not.toContain('faux')
    expect(forge).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('logs a 404 and a 400 with their own status', async () => {
    const introuvable = await app.request('/api/departements/99/couverture')
    const invalide = await app.request('/api/lieux/proches?lon=abc&lat=44')
    for (const res of [introuvable, invalide])
      expect(lignes.find((l) => l.requete === res.headers.get('X-Request-Id'))?.statut).toBe(res.status)
    expect([introuvable.status, invalide.status]).toEqual([404, 400])
  })
})

describe('/metrics', () => {
  it('does not exist when no token is configured', async () => {
    const { app } = createServeur(CHEMIN_BASE_NATIONALE, 'dist/client', { securite: { requetesParMinute: 0 } })
    expect((await app.request('/metrics')).status).toBe(404)
  })

  it('refuses a scraper without the right token, in French', async () => {
    const { app } = createServeur(CHEMIN_BASE_NATIONALE, 'dist/client', { securite: { requetesParMinute: 0 }, jetonMetriques: JETON })
    for (const autorisation of [undefined, 'Bearer mauvais-jeton-0123456789', `Basic ${JETON}`]) {
      const res = await app.request('/metrics', { headers: autorisation ? { Authorization: autorisation } : {} })
      expect(res.status).toBe(401)
      expect(((await res.json()) as { error: string }).error).toMatch(/^Métriques réservées/)
    }
  })

  it('counts requests by route and status, times the heavy computations and shows the queue', async () => {
    // GIVEN a fresh server (its own registry) that served exactly 3 × /api/sante, 2 bad nearest-lieux queries and one optimisation
    const { app } = createServeur(CHEMIN_BASE_NATIONALE, 'dist/client', { securite: { requetesParMinute: 0 }, jetonMetriques: JETON })
    for (let i = 0; i < 3; i++) await app.request('/api/sante')
    for (let i = 0; i < 2; i++) await app.request('/api/lieux/proches?lon=abc&lat=1')
    const corps = { departement: '2A', rayonKm: 8, offre: ['france-services'], nombrePostes: 2 }
    const opt = await app.request('/api/optimisation', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(corps) })
    expect(opt.status).toBe(200)
    // WHEN Prometheus scrapes
    const res = await app.request('/metrics', { headers: { Authorization: `Bearer ${JETON}` } })
    const texte = await res.text()
    // THEN the text format holds those counts
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(texte).toContain('maillage_requetes_total{methode="GET",route="/api/sante",statut="200"} 3')
    expect(texte).toContain('maillage_requetes_total{methode="GET",route="/api/lieux/proches",statut="400"} 2')
    expect(texte).toContain('maillage_requete_duree_secondes_count{methode="GET",route="/api/sante"} 3')
    expect(texte).toContain('maillage_calcul_duree_secondes_count{tache="optimisation",issue="ok"} 1')
    expect(texte).toMatch(/^maillage_calculs_en_attente 0$/m)
    expect(texte).toMatch(/^maillage_calculs_en_cours 0$/m)
    expect(texte).toMatch(/^maillage_process_resident_memory_bytes \d+/m)
  })
})

describe('the accounts store in /api/sante and the metrics', () => {
  it('answers 503 in French when the store does not answer, and counts the failed check', async () => {
    // GIVEN a server whose accounts store answers, then is closed (a PostgreSQL that went away behaves the same)
    const comptes = comptesEnMemoire()
    const { app } = createServeur(CHEMIN_BASE_NATIONALE, 'dist/client', { securite: { requetesParMinute: 0 }, comptes, jetonMetriques: JETON })
    const avant = await app.request('/api/sante')
    expect([avant.status, ((await avant.json()) as { comptes: string }).comptes]).toEqual([200, 'joignable'])
    await comptes.comptes.fermer()
    // WHEN the health check runs
    const res = await app.request('/api/sante')
    const corps = (await res.json()) as { ok: boolean; error: string; comptes: string; import: { id: string } }
    // THEN 503, a French message, the import still named
    expect(res.status).toBe(503)
    expect(corps).toMatchObject({ ok: false, comptes: 'injoignable', status: 503 })
    expect(corps.error).toMatch(/^La base des comptes ne répond pas/)
    expect(corps.import.id).toMatch(/^\d{14}-[0-9a-f]{6}$/)
    // AND the failed operation is counted
    const texte = await (await app.request('/metrics', { headers: { Authorization: `Bearer ${JETON}` } })).text()
    expect(texte).toContain('maillage_store_erreurs_total{operation="verifier"} 1')
  })
})
