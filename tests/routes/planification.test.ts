import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { appNationale, get } from './app-nationale.ts'

/** Independent haversine (R = 6371.0088 km), sharing no code with the engine. */
const haversine = (lng1: number, lat1: number, lng2: number, lat2: number): number => {
  const r = Math.PI / 180
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a))
}

async function post(chemin: string, corps: unknown, type = 'application/json'): Promise<{ status: number; body: any }> {
  const res = await appNationale().request(chemin, { method: 'POST', body: typeof corps === 'string' ? corps : JSON.stringify(corps), headers: { 'Content-Type': type } })
  return { status: res.status, body: await res.json() }
}

type CommuneApi = { code: string; population: number; couverte: boolean; ifn: number | null }

describe('planning API on the national database', () => {
  let db: Database.Database
  let centres: Map<string, { longitude: number; latitude: number }>
  beforeAll(() => {
    db = new Database(CHEMIN_BASE_NATIONALE, { readonly: true })
    centres = new Map((db.prepare("SELECT code, longitude, latitude FROM commune WHERE departement = '26'").all() as { code: string; longitude: number; latitude: number }[]).map((c) => [c.code, c]))
  })
  afterAll(() => db?.close())

  /** Drôme communes that are zones blanches at `rayonKm` and within `rayonKm` of one of the points. */
  const couvertesPar = (communes: CommuneApi[], points: { lon: number; lat: number }[], rayonKm: number) =>
    communes.filter((c) => !c.couverte && points.some((p) => haversine(p.lon, p.lat, centres.get(c.code)!.longitude, centres.get(c.code)!.latitude) <= rayonKm))

  it('lowers the white-zone population of the Drôme by exactly the zones blanches within reach of an added poste', async () => {
    // GIVEN the most populated zone blanche of the Drôme at 10 km
    const { body: zb } = await get('/zones-blanches?departement=26&limit=1&methode=centres')
    const cible = centres.get(zb.communes[0].code)!
    const point = { lon: cible.longitude + 0.01, lat: cible.latitude }
    const { body: avant } = await get('/departements/26/communes?rayonKm=10&methode=centres')
    // WHEN a poste is added next to its centre
    const { status, body } = await post('/simulations', { departement: '26', rayonKm: 10, ajouts: [point], methode: 'centres' })
    // THEN the communes that change are the oracle's, and the figures move by their population and one funded poste
    expect(status).toBe(200)
    const attendues = couvertesPar(avant.communes, [point], 10)
    expect(attendues.length).toBeGreaterThan(0)
    expect(body.communesChangees.filter((c: { departement: string }) => c.departement === '26').map((c: { code: string }) => c.code).sort())
      .toEqual(attendues.map((c) => c.code).sort())
    const gain = attendues.reduce((s, c) => s + c.population, 0)
    expect(body.apres.populationZonesBlanches).toBe(body.avant.populationZonesBlanches - gain)
    expect(body.apres.postes).toBe(body.avant.postes + 1)
    expect(body.apres.financementEtatEuros).toBe(body.avant.financementEtatEuros + 50_000)
    expect(body.apres.lieux['conseillers-numeriques']).toBe(body.avant.lieux['conseillers-numeriques'] + 1)
    const { body: couverture } = await get('/departements/26/couverture?rayonKm=10&methode=centres')
    expect(body.avant.populationCouverte).toBe(couverture.populationCouverte)
  })

  it('counts a simulation on the cells by default: « avant » is the dashboard’s figure, and an added poste turns communes partielle or couverte', async () => {
    // GIVEN the Drôme at 10 km on the dashboard (cells, the default) and its commune with the most uncovered inhabitants
    const { body: couverture } = await get('/departements/26/couverture?rayonKm=10')
    const { body: zb } = await get('/zones-blanches?departement=26&limit=1')
    const cible = centres.get(zb.communes[0].code)!
    // WHEN a poste is added at its centre, without methode
    const { status, body } = await post('/simulations', { departement: '26', rayonKm: 10, ajouts: [{ lon: cible.longitude, lat: cible.latitude }] })
    // THEN the answer says it counts cells, « avant » is the dashboard's, and the figures only improve
    expect(status).toBe(200)
    expect(body.methode).toBe('carreaux')
    expect(couverture.methode).toBe('carreaux')
    for (const cle of ['population', 'populationCouverte', 'populationZonesBlanches', 'communesZonesBlanches', 'communesPartielles'])
      expect(body.avant[cle], cle).toBe(couverture[cle])
    expect(body.avant.communesPartielles).toBeGreaterThan(0)
    expect(body.carreauxRecalcules).toBeGreaterThan(0)
    expect(body.apres.populationZonesBlanches).toBeLessThan(body.avant.populationZonesBlanches)
    const cibleChangee = body.communesChangees.find((c: { code: string }) => c.code === zb.communes[0].code)
    expect(cibleChangee.avant).toBe(zb.communes[0].statut)
    expect(['partielle', 'couverte']).toContain(cibleChangee.apres)
  })

  it('places 10 postes in the Drôme at 5 km, on the cells by default, whose claimed gain is what the simulation computes for those sites', async () => {
    const { status, body } = await post('/optimisation', { departement: '26', rayonKm: 5, nombrePostes: 10 })
    expect(body.methodeCouverture).toBe('carreaux')
    expect(status).toBe(200)
    expect(body.optimal).toBe(true)
    expect(body.sites).toHaveLength(10)
    expect(body.objectifGlouton).toBeLessThanOrEqual(body.objectif)
    expect(body.sites.reduce((s: number, x: { gain: number }) => s + x.gain, 0)).toBe(body.objectif)
    const { body: sim } = await post('/simulations', { departement: '26', rayonKm: 5, ajouts: body.sites.map((s: { lon: number; lat: number }) => ({ lon: s.lon, lat: s.lat })) })
    expect(sim.apres.populationCouverte - sim.avant.populationCouverte).toBe(body.objectif)
    // The demand is every uncovered inhabitant of the dashboard's Drôme, in fewer points than cells
    const { body: couverture } = await get('/departements/26/couverture?rayonKm=5')
    expect(body.demande.poids).toBe(couverture.populationZonesBlanches)
    expect(body.demande.communes).toBe(couverture.communesZonesBlanches + couverture.communesPartielles)
  })

  it('places 10 postes in the Drôme at 5 km counted at commune centres when asked, each covering the zones blanches within reach', async () => {
    const { status, body } = await post('/optimisation', { departement: '26', rayonKm: 5, nombrePostes: 10, methode: 'centres' })
    expect(status).toBe(200)
    expect([body.optimal, body.methodeCouverture]).toEqual([true, 'centres'])
    const { body: sim } = await post('/simulations', { departement: '26', rayonKm: 5, methode: 'centres', ajouts: body.sites.map((s: { lon: number; lat: number }) => ({ lon: s.lon, lat: s.lat })) })
    expect(sim.apres.populationCouverte - sim.avant.populationCouverte).toBe(body.objectif)
    const { body: communes } = await get('/departements/26/communes?rayonKm=5&methode=centres')
    expect(couvertesPar(communes.communes, body.sites, 5).reduce((s, c) => s + c.population, 0)).toBe(body.objectif)
  })

  it('optimises what the planner’s scenario leaves blanc: its demand and gains are what the simulation says remains', async () => {
    const premier = await post('/optimisation', { departement: '26', rayonKm: 5, nombrePostes: 3 })
    const scenario = premier.body.sites.map((s: { lon: number; lat: number }) => ({ lon: s.lon, lat: s.lat, conseillers: 1 }))
    const { status, body } = await post('/optimisation', { departement: '26', rayonKm: 5, nombrePostes: 3, ajouts: scenario })
    expect(status).toBe(200)
    expect(body.optimal).toBe(true)
    // The demand is the white-zone population the scenario leaves.
    const { body: apresPremier } = await post('/simulations', { departement: '26', rayonKm: 5, ajouts: scenario })
    expect(body.demande.poids).toBe(apresPremier.apres.populationZonesBlanches)
    // The new sites cover exactly their claimed objectif on top of the scenario, and none is one of its sites.
    const { body: apresSecond } = await post('/simulations', {
      departement: '26', rayonKm: 5, ajouts: [...scenario, ...body.sites.map((s: { lon: number; lat: number }) => ({ lon: s.lon, lat: s.lat }))],
    })
    expect(apresPremier.apres.populationZonesBlanches - apresSecond.apres.populationZonesBlanches).toBe(body.objectif)
    const cles = new Set(scenario.map((a: { lon: number; lat: number }) => `${a.lon},${a.lat}`))
    expect(body.sites.some((s: { lon: number; lat: number }) => cles.has(`${s.lon},${s.lat}`))).toBe(false)
    // A scenario is checked as a simulation is.
    const hors = await post('/optimisation', { departement: '26', rayonKm: 5, nombrePostes: 3, ajouts: [{ lon: 4.5994, lat: 44.7352 }] })
    expect(hors.status).toBe(400)
    expect(hors.body.error).toMatch(/dans le département 07, pas dans le département 26/)
  })

  it('weights zones blanches by population × IFN, the département mean standing in for a missing IFN', async () => {
    const { body } = await post('/optimisation', { departement: '26', rayonKm: 5, nombrePostes: 3, poids: 'population-ifn', methode: 'centres' })
    const { body: communes } = await get('/departements/26/communes?rayonKm=5&methode=centres')
    const connues = (communes.communes as CommuneApi[]).filter((c) => c.ifn !== null)
    const moyenne = connues.reduce((s, c) => s + c.population * c.ifn!, 0) / connues.reduce((s, c) => s + c.population, 0)
    const attendu = couvertesPar(communes.communes, body.sites, 5).reduce((s, c) => s + c.population * (c.ifn ?? moyenne), 0)
    expect(body.objectif).toBeCloseTo(attendu, 6)
  })

  it('reports the greedy placement for Corse-du-Sud at 8 km as optimal, since it covers every zone blanche (IFN-weighted)', async () => {
    // GIVEN the zones blanches of Corse-du-Sud for France services at 8 km, weighted by population × IFN
    const { body: communes } = await get('/departements/2A/communes?rayonKm=8&offre=france-services&methode=centres')
    const connues = (communes.communes as CommuneApi[]).filter((c) => c.ifn !== null)
    const moyenne = connues.reduce((s, c) => s + c.population * c.ifn!, 0) / connues.reduce((s, c) => s + c.population, 0)
    const blanches = (communes.communes as CommuneApi[]).filter((c) => !c.couverte && c.population > 0)
    const demande = blanches.reduce((s, c) => s + c.population * (c.ifn ?? moyenne), 0)
    // WHEN 25 postes are placed
    const { status, body } = await post('/optimisation', { departement: '2A', rayonKm: 8, nombrePostes: 25, offre: 'france-services', poids: 'population-ifn', methode: 'centres' })
    // THEN every zone blanche is covered (176,235 weighted inhabitants), which no placement can beat: proven, with no reason
    expect(status).toBe(200)
    expect(Math.round(demande)).toBe(176_235)
    expect(body.objectif).toBeCloseTo(demande, 6)
    expect(body.demande.communes).toBe(blanches.length)
    expect(body).toMatchObject({ optimal: true, methode: 'gloutonne', raison: null, ecart: 0 })
  })

  it('proposes existing structures outside the offre as sites', async () => {
    const { status, body } = await post('/optimisation', { departement: '26', rayonKm: 5, nombrePostes: 2, offre: 'conseillers-numeriques', candidats: 'structures' })
    expect(status).toBe(200)
    for (const s of body.sites) {
      const lieu = db.prepare('SELECT departement, longitude, latitude, code_insee FROM lieu WHERE id = ?').get(s.lieuId) as { departement: string; longitude: number; latitude: number; code_insee: string }
      expect([lieu.departement, lieu.longitude, lieu.latitude, lieu.code_insee]).toEqual(['26', s.lon, s.lat, s.code])
    }
  })

  it('spreads postes nationally into a ranked table whose rows match each département optimum', async () => {
    const { status, body } = await post('/optimisation/nationale', { nombrePostes: 12, rayonKm: 10 })
    expect(status).toBe(200)
    expect(body.departements.reduce((s: number, d: { postes: number }) => s + d.postes, 0)).toBe(12)
    expect(body.departements.map((d: { rang: number }) => d.rang)).toEqual(body.departements.map((_: unknown, k: number) => k + 1))
    const [premier] = body.departements
    const { body: seul } = await post('/optimisation', { departement: premier.code, rayonKm: 10, nombrePostes: premier.postes })
    expect(seul.objectif).toBe(premier.gain)
  })

  it.each([
    ['a point in another département', { departement: '26', ajouts: [{ lon: 2.35, lat: 48.85 }] }, /est dans le département 75, pas dans le département 26/],
    ['a point outside France', { departement: '26', ajouts: [{ lon: -30, lat: 40 }] }, /hors de France/],
    ['a lieu of another département', { departement: '26', retraits: [1] }, /n’est pas dans le département 26/],
    ['an unknown lieu', { departement: '26', retraits: [99_999_999] }, /Lieu inconnu/],
    ['201 ajouts', { departement: '26', ajouts: Array.from({ length: 201 }, () => ({ lon: 5, lat: 44.7 })) }, /au plus 200 ajouts/],
    ['an offre without conseillers numériques', { departement: '26', offre: ['france-services'], ajouts: [{ lon: 5, lat: 44.7 }] }, /conseillers-numeriques/],
    ['an unknown catégorie', { departement: '26', offre: 'bibliotheques' }, /offre inconnue/],
    ['a rayonKm given as text', { departement: '26', rayonKm: '10' }, /rayonKm doit être un nombre/],
    ['a longitude named longitude', { departement: '26', ajouts: [{ longitude: 5, lat: 44.7 }] }, /Paramètre invalide/],
    ['a badly shaped département code', { departement: 'Drôme' }, /code de département invalide/],
  ])('answers 400 in French to a simulation with %s', async (_, corps, message) => {
    const { status, body } = await post('/simulations', corps)
    expect([status, body.ok, body.status]).toEqual([400, false, 400])
    expect(body.error).toMatch(message)
  })

  it.each([
    ['malformed JSON', '{"departement": "26",', 'application/json', /pas du JSON valide/],
    ['a form body', 'departement=26', 'application/x-www-form-urlencoded', /doit être du JSON/],
    ['a JSON array', '[]', 'application/json', /objet attendu/],
  ])('answers 400, never 500, to %s', async (_, corps, type, message) => {
    for (const chemin of ['/simulations', '/optimisation', '/optimisation/nationale']) {
      const { status, body } = await post(chemin, corps, type)
      expect([chemin, status]).toEqual([chemin, 400])
      expect(body.error).toMatch(message)
    }
  })

  it('answers 404 to an unknown département', async () => {
    expect((await post('/simulations', { departement: '20' })).status).toBe(404)
    expect((await post('/optimisation', { departement: '20', nombrePostes: 1 })).status).toBe(404)
  })
})
