import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seConnecter } from './agent-http.ts'
import { appeler, contexteComptes } from './contexte.ts'
import { PERSONNES } from './fournisseur-oidc.ts'

/** A scenario of the Drôme: one poste added at Valence (inside 26). */
const SCENARIO = { titre: 'Valence', departement: '26', rayonKm: 10, ajouts: [{ lon: 4.8924, lat: 44.9334, conseillers: 1 }] }

let ctx: Awaited<ReturnType<typeof contexteComptes>>
let prefet: Record<string, string>
let planificateur: Record<string, string>

beforeAll(async () => {
  ctx = await contexteComptes()
  await ctx.comptes.comptes.enregistrerAgent({ email: PERSONNES['prefet-26']!.email, role: 'prefet', departements: ['26'] })
  await ctx.comptes.comptes.enregistrerAgent({ email: PERSONNES.planificateur!.email, role: 'planificateur' })
  prefet = (await seConnecter(ctx.app, 'prefet-26')).bocal.entete()
  planificateur = (await seConnecter(ctx.app, 'planificateur')).bocal.entete()
}, 60_000)
afterAll(() => ctx.fermer())

async function creer(): Promise<number> {
  const r = await appeler(ctx.app, 'POST', '/api/scenarios', prefet, SCENARIO)
  expect(r.status, r.texte).toBe(201)
  expect([r.corps.scenario.version, r.entetes.get('ETag')]).toEqual([1, '"v1"'])
  return r.corps.scenario.id
}

/** A PUT as a browser sends it, with an extra header (If-Match). */
const modifier = (id: number, cookies: Record<string, string>, corps: object, entetes: Record<string, string> = {}) =>
  appeler(ctx.app, 'PUT', `/api/scenarios/${id}`, { ...cookies, ...entetes }, { ...SCENARIO, ...corps })

describe('concurrent changes of a saved scenario never lose one (If-Match / version)', () => {
  it('gives the version as an ETag on GET, takes it back in If-Match, and answers the next ETag', async () => {
    const id = await creer()
    const lu = await appeler(ctx.app, 'GET', `/api/scenarios/${id}`, prefet)
    expect([lu.corps.scenario.version, lu.entetes.get('ETag'), lu.entetes.get('Cache-Control')]).toEqual([1, '"v1"', 'private, no-store'])
    const r = await modifier(id, prefet, { titre: 'Valence (revu)' }, { 'If-Match': lu.entetes.get('ETag')! })
    expect(r.status, r.texte).toBe(200)
    expect([r.corps.scenario.titre, r.corps.scenario.version, r.entetes.get('ETag')]).toEqual(['Valence (revu)', 2, '"v2"'])
    // The weak form of the same tag (a compressed answer's) names the same version.
    const faible = await modifier(id, prefet, { titre: 'Valence (3)' }, { 'If-Match': 'W/"v2"' })
    expect([faible.status, faible.corps.scenario?.version]).toEqual([200, 3])
  })

  it('lets one of two concurrent If-Match changes win and refuses the other with 412 and a French message', async () => {
    const id = await creer()
    const [a, b] = await Promise.all([
      modifier(id, prefet, { titre: 'Par la préfète' }, { 'If-Match': '"v1"' }),
      modifier(id, planificateur, { titre: 'Par le planificateur' }, { 'If-Match': '"v1"' }),
    ])
    expect([a!.status, b!.status].sort()).toEqual([200, 412])
    const [gagnant, perdant] = a!.status === 200 ? [a!, b!] : [b!, a!]
    expect(perdant.corps).toEqual({
      ok: false, status: 412,
      error: `Le scénario « ${gagnant.corps.scenario.titre} » a été modifié entre-temps (il en est à la version 2, vous modifiiez la version 1) : ` +
        'votre modification n’est pas enregistrée. Rechargez le scénario, puis refaites-la.',
    })
    const final = await appeler(ctx.app, 'GET', `/api/scenarios/${id}`, prefet)
    expect([final.corps.scenario.titre, final.corps.scenario.version]).toEqual([gagnant.corps.scenario.titre, 2])
  })

  it('refuses a change made from a stale version field with 409, and keeps the newer one', async () => {
    const id = await creer()
    expect((await modifier(id, planificateur, { titre: 'Nouveau', version: 1 })).status).toBe(200)
    const perime = await modifier(id, prefet, { titre: 'Ancien', version: 1 })
    expect(perime.status).toBe(409)
    expect(perime.corps.error).toMatch(/^Le scénario « Nouveau » a été modifié entre-temps \(il en est à la version 2, vous modifiiez la version 1\)/)
    expect((await appeler(ctx.app, 'GET', `/api/scenarios/${id}`, prefet)).corps.scenario.titre).toBe('Nouveau')
  })

  it('asks for the version (428) rather than overwrite blindly, and refuses an If-Match it never issued (412)', async () => {
    const id = await creer()
    const sans = await modifier(id, prefet, { titre: 'Sans version' })
    expect(sans.status).toBe(428)
    expect(sans.corps.error).toMatch(/^Précisez la version du scénario que vous modifiez/)
    const inconnu = await modifier(id, prefet, { titre: 'Étiquette inconnue' }, { 'If-Match': '"import-2026"' })
    expect(inconnu.status).toBe(412)
    expect(inconnu.corps.error).toMatch(/votre version n’est pas reconnue/)
    expect((await appeler(ctx.app, 'GET', `/api/scenarios/${id}`, prefet)).corps.scenario).toMatchObject({ titre: 'Valence', version: 1 })
  })
})
