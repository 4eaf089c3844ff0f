import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TAILLE_MAX_IMPORT_OCTETS } from '../../server/routes/candidatures.ts'
import { documentOpenApi } from '../../server/openapi/document.ts'
import { verificateurContrat } from '../routes/contrat.ts'
import { seConnecter } from './agent-http.ts'
import { contexteComptes } from './contexte.ts'
import { ORIGINE_MAILLAGE, PERSONNES } from './fournisseur-oidc.ts'

/**
 * The agents' routes through the real login on the national database, each answer — success and error — checked
 * against the OpenAPI document (the public routes: tests/routes/contrat-openapi.test.ts).
 */
const verifier = verificateurContrat(documentOpenApi())
let ctx: Awaited<ReturnType<typeof contexteComptes>>
const cookies: Record<string, Record<string, string>> = {}
const VALENCE = { code: '26362', longitude: 4.8917, latitude: 44.9334 }

/** Calls `methode url` as `qui`, checks the answer against the document for `route` and its status, returns the body. */
async function appel(qui: string, methode: string, route: string, url: string, statut: number, corps?: unknown, entetes: Record<string, string> = {}) {
  const brut = typeof corps === 'string'
  const res = await ctx.app.request(`${ORIGINE_MAILLAGE}/api${url}`, {
    method: methode,
    headers: { ...cookies[qui], ...(corps === undefined ? {} : { 'Content-Type': brut ? 'text/csv' : 'application/json' }), ...entetes },
    ...(corps === undefined ? {} : { body: brut ? corps : JSON.stringify(corps) }),
  })
  expect(res.status, `${methode} ${url} : ${await res.clone().text()}`).toBe(statut)
  const lu = await verifier(methode, route, res.clone())
  return { corps: lu, texte: await res.text(), entetes: res.headers }
}

beforeAll(async () => {
  ctx = await contexteComptes()
  for (const role of ['prefet-26', 'admin', 'sans-role']) cookies[role] = (await seConnecter(ctx.app, role)).bocal.entete()
  cookies.public = {}
  await appel('admin', 'PUT', '/agents/:email', `/agents/${PERSONNES['prefet-26']!.email}`, 200, { role: 'prefet', departements: ['26'] })
}, 60_000)
afterAll(async () => {
  await ctx?.fermer()
})

describe('the agents’ routes answer as the OpenAPI document says', () => {
  it('login, who is signed in, logout', async () => {
    expect((await appel('public', 'GET', '/connexion', '/connexion?retour=/planifier/26', 302)).entetes.get('Location')).toMatch(/^http/)
    await appel('public', 'GET', '/connexion/retour', '/connexion/retour?code=x&state=y', 400)
    expect((await appel('prefet-26', 'GET', '/moi', '/moi', 200)).corps.agent).toMatchObject({ role: 'prefet', departements: ['26'] })
    expect((await appel('sans-role', 'GET', '/moi', '/moi', 200)).corps.agent).toBeNull()
    const autre = (await seConnecter(ctx.app, 'planificateur')).bocal.entete()
    cookies.autre = autre
    await appel('autre', 'POST', '/deconnexion', '/deconnexion', 200)
  })

  it('the list of agents: admins only', async () => {
    await appel('admin', 'GET', '/agents', '/agents', 200)
    await appel('prefet-26', 'GET', '/agents', '/agents', 403)
    await appel('sans-role', 'GET', '/agents', '/agents', 403)
    await appel('admin', 'PUT', '/agents/:email', '/agents/nouvel.agent@exemple.gouv.fr', 200, { role: 'planificateur', nom: 'Nouvel Agent' })
    await appel('admin', 'PUT', '/agents/:email', '/agents/nouvel.agent@exemple.gouv.fr', 400, { role: 'prefet', departements: [] })
    await appel('admin', 'DELETE', '/agents/:email', '/agents/nouvel.agent@exemple.gouv.fr', 200)
    await appel('admin', 'DELETE', '/agents/:email', '/agents/nouvel.agent@exemple.gouv.fr', 404)
  })

  it('a saved scenario, from creation to deletion, with its version conflicts', async () => {
    const scenario = { titre: 'Valence', departement: '26', rayonKm: 10, ajouts: [{ lon: VALENCE.longitude, lat: VALENCE.latitude, conseillers: 2 }], retraits: [] }
    const cree = (await appel('prefet-26', 'POST', '/scenarios', '/scenarios', 201, scenario)).corps.scenario
    await appel('prefet-26', 'POST', '/scenarios', '/scenarios', 403, { ...scenario, departement: '07' })
    await appel('admin', 'POST', '/scenarios', '/scenarios', 404, { ...scenario, departement: '99' })
    await appel('prefet-26', 'POST', '/scenarios', '/scenarios', 400, { ...scenario, titre: '' })
    await appel('prefet-26', 'GET', '/scenarios', '/scenarios?departement=26', 200)
    await appel('prefet-26', 'GET', '/scenarios/:id', `/scenarios/${cree.id}`, 200)
    await appel('prefet-26', 'PUT', '/scenarios/:id', `/scenarios/${cree.id}`, 200, { ...scenario, titre: 'Valence 2', version: cree.version })
    await appel('prefet-26', 'PUT', '/scenarios/:id', `/scenarios/${cree.id}`, 409, { ...scenario, version: cree.version })
    await appel('prefet-26', 'PUT', '/scenarios/:id', `/scenarios/${cree.id}`, 412, scenario, { 'If-Match': `"v${cree.version}"` })
    await appel('prefet-26', 'PUT', '/scenarios/:id', `/scenarios/${cree.id}`, 428, scenario)
    await appel('prefet-26', 'DELETE', '/scenarios/:id', `/scenarios/${cree.id}`, 200)
    await appel('prefet-26', 'GET', '/scenarios/:id', `/scenarios/${cree.id}`, 404)
    await appel('prefet-26', 'DELETE', '/scenarios/:id', `/scenarios/${cree.id}`, 404)
  })

  it('candidatures: import, list (JSON and CSV), avis, selection, matching, deletion', async () => {
    const blanches = (await (await ctx.app.request(`${ORIGINE_MAILLAGE}/api/zones-blanches?departement=26&limit=3&methode=centres`)).json()).communes as { code: string }[]
    const csv = ['siret;nom;type;adresse;code insee;postes',
      `12345678900011;Mairie A;commune;1 place de la Mairie;${blanches[0]!.code};1`,
      `12345678900029;"=HYPERLINK(""https://exemple.org"")";association;@2 rue B;${blanches[1]!.code};1`].join('\r\n')
    const importe = (await appel('prefet-26', 'POST', '/departements/:code/candidatures', '/departements/26/candidatures', 201, csv)).corps
    expect(importe).toMatchObject({ importees: 2, rejetees: [] })
    const refus = (await appel('prefet-26', 'POST', '/departements/:code/candidatures', '/departements/26/candidatures', 422,
      `${csv}\r\n123;Commune D;commune;4 rue D;${blanches[2]!.code};zéro`)).corps
    expect(refus.rejetees.length).toBeGreaterThan(0)
    await appel('prefet-26', 'POST', '/departements/:code/candidatures', '/departements/26/candidatures', 413, 'x'.repeat(TAILLE_MAX_IMPORT_OCTETS + 1))
    await appel('prefet-26', 'POST', '/departements/:code/candidatures', '/departements/99/candidatures', 403, csv)
    await appel('admin', 'POST', '/departements/:code/candidatures', '/departements/99/candidatures', 404, csv)

    const liste = (await appel('prefet-26', 'GET', '/departements/:code/candidatures', '/departements/26/candidatures?tri=nom', 200)).corps.candidatures as { id: number }[]
    expect(liste).toHaveLength(2)
    const tableur = (await appel('prefet-26', 'GET', '/departements/:code/candidatures', '/departements/26/candidatures?format=csv', 200)).texte
    // The formula-like cells are escaped by an apostrophe (formula injection in spreadsheets).
    expect(tableur).toContain(`;"'=HYPERLINK(""https://exemple.org"")";`)
    expect(tableur).toContain(";'@2 rue B;")
    await appel('prefet-26', 'GET', '/departements/:code/candidatures', '/departements/26/candidatures?format=xls', 400)

    const [a, b] = liste
    await appel('prefet-26', 'GET', '/candidatures/:id', `/candidatures/${a!.id}`, 200)
    await appel('prefet-26', 'GET', '/candidatures/:id', '/candidatures/999999', 404)
    await appel('prefet-26', 'PUT', '/candidatures/:id/avis', `/candidatures/${a!.id}/avis`, 200, { avis: 'favorable', commentaire: 'prioritaire' })
    await appel('prefet-26', 'PUT', '/candidatures/:id/avis', `/candidatures/${a!.id}/avis`, 400, { avis: 'peut-être' })
    await appel('prefet-26', 'POST', '/departements/:code/candidatures/selection', '/departements/26/candidatures/selection', 200, { nombrePostes: 1 })
    await appel('prefet-26', 'POST', '/departements/:code/candidatures/selection', '/departements/26/candidatures/selection', 400, { nombrePostes: 1, budgetEuros: 1 })
    await appel('prefet-26', 'POST', '/departements/:code/mise-en-relation', '/departements/26/mise-en-relation', 200,
      { recrues: [{ id: 'r1', codeInsee: VALENCE.code }, { id: 'r2', lon: VALENCE.longitude, lat: VALENCE.latitude }], candidatures: [a!.id, b!.id] })
    await appel('prefet-26', 'POST', '/departements/:code/mise-en-relation', '/departements/26/mise-en-relation', 400, { recrues: [] })
    await appel('prefet-26', 'DELETE', '/candidatures/:id', `/candidatures/${b!.id}`, 200)
    await appel('prefet-26', 'DELETE', '/candidatures/:id', `/candidatures/${b!.id}`, 404)
  })
})
