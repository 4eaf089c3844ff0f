import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seConnecter } from './agent-http.ts'
import { appeler, contexteComptes } from './contexte.ts'
import { ORIGINE_MAILLAGE, PERSONNES } from './fournisseur-oidc.ts'

/**
 * The role matrix, through the real login: every (role, scenario or candidature route, département) case against a
 * table written by hand from the rules (a préfet acts on the départements of their scope only;
 * planificateur and admin on all; signed in without a role: 403; the public: 401).
 */
type Role = 'public' | 'sans-role' | 'prefet-26' | 'prefet-07' | 'prefet-26-07' | 'planificateur' | 'admin'
const ROLES: readonly Role[] = ['public', 'sans-role', 'prefet-26', 'prefet-07', 'prefet-26-07', 'planificateur', 'admin']
const DEPARTEMENTS = ['26', '07'] as const

/** Which départements each role may act on; null for those refused everything. */
const PORTEE: Record<Role, readonly string[] | null> = {
  public: null, 'sans-role': null, 'prefet-26': ['26'], 'prefet-07': ['07'], 'prefet-26-07': ['26', '07'],
  planificateur: ['26', '07'], admin: ['26', '07'],
}
const REFUS: Partial<Record<Role, number>> = { public: 401, 'sans-role': 403 }

/** Expected status of an operation on a scenario of `dep`, by hand from the rules. */
function attendu(role: Role, op: 'lire' | 'modifier' | 'supprimer' | 'creer' | 'lister-departement', dep: string): number {
  const refus = REFUS[role]
  if (refus) return refus
  const permis = PORTEE[role]!.includes(dep)
  if (op === 'creer') return permis ? 201 : 403
  if (op === 'lister-departement') return permis ? 200 : 403
  return permis ? 200 : 404
}

/** A scenario of each département: one poste added near the préfecture. */
const SCENARIO = {
  '26': { titre: 'Drôme : un poste à Valence', departement: '26', rayonKm: 10, ajouts: [{ lon: 4.8924, lat: 44.9334, conseillers: 1 }] },
  '07': { titre: 'Ardèche : un poste à Privas', departement: '07', rayonKm: 10, ajouts: [{ lon: 4.5994, lat: 44.7352, conseillers: 2 }] },
} as const

let ctx: Awaited<ReturnType<typeof contexteComptes>>
const cookies = {} as Record<Role, Record<string, string>>
let cas = 0

beforeAll(async () => {
  ctx = await contexteComptes()
  cookies.public = {}
  for (const role of ROLES.filter((r) => r !== 'public')) cookies[role] = (await seConnecter(ctx.app, role)).bocal.entete()
  // The admin hands out the roles through the API, as in production.
  const roles: [string, object][] = [
    ['prefet-26', { role: 'prefet', departements: ['26'] }],
    ['prefet-07', { role: 'prefet', departements: ['07'] }],
    ['prefet-26-07', { role: 'prefet', departements: ['26', '07'] }],
    ['planificateur', { role: 'planificateur' }],
  ]
  for (const [login, corps] of roles) {
    const r = await appeler(ctx.app, 'PUT', `/api/agents/${PERSONNES[login]!.email}`, cookies.admin, corps)
    expect(r.status, r.texte).toBe(200)
  }
}, 60_000)
afterAll(async () => {
  console.log(`matrice des rôles : ${cas} cas (rôle × route × département) vérifiés`)
  await ctx.fermer()
})

/** A candidature of each département, at the préfecture (code INSEE), as a JSON import row. */
const LIGNE_CANDIDATURE = {
  '26': { nom: 'Médiathèque de Valence', type: 'commune', adresse: '1 place de la Pierre', codeInsee: '26362', postes: 1 },
  '07': { nom: 'Maison de services de Privas', type: 'association', adresse: '2 cours du Palais', codeInsee: '07186', postes: 2 },
} as const
let siret = 10_000_000_000_000
const siretSuivant = () => String(++siret)

/** A fresh candidature of `dep` (its own SIRET and name), imported by the admin. */
async function candidatureParAdmin(dep: '26' | '07'): Promise<{ id: number; nom: string }> {
  const ligne = { ...LIGNE_CANDIDATURE[dep], siret: siretSuivant() }
  const nom = `${ligne.nom} ${ligne.siret}`
  const r = await appeler(ctx.app, 'POST', `/api/departements/${dep}/candidatures`, cookies.admin, [{ ...ligne, nom }])
  expect(r.status, r.texte).toBe(201)
  const liste = await appeler(ctx.app, 'GET', `/api/departements/${dep}/candidatures?tri=nom`, cookies.admin)
  return { id: liste.corps.candidatures.find((x: { siret: string }) => x.siret === ligne.siret).id, nom }
}

/** A fresh scenario of `dep`, saved by the admin. */
async function creerParAdmin(dep: '26' | '07'): Promise<number> {
  const r = await appeler(ctx.app, 'POST', '/api/scenarios', cookies.admin, SCENARIO[dep])
  expect(r.status, r.texte).toBe(201)
  return r.corps.scenario.id
}

describe('saved scenarios: the role matrix through a real OpenID Connect login', () => {
  for (const role of ROLES) {
    describe(role, () => {
      for (const dep of DEPARTEMENTS) {
        it(`reads, changes, deletes and creates scenarios of ${dep} only as its scope allows`, async () => {
          const id = await creerParAdmin(dep)
          const titre = SCENARIO[dep].titre

          const lecture = await appeler(ctx.app, 'GET', `/api/scenarios/${id}`, cookies[role])
          expect(lecture.status).toBe(attendu(role, 'lire', dep))
          if (lecture.status !== 200) expect(lecture.texte).not.toContain(titre)
          else expect(lecture.corps.scenario).toMatchObject({ id, departement: dep, titre, ajouts: SCENARIO[dep].ajouts })

          const liste = await appeler(ctx.app, 'GET', '/api/scenarios', cookies[role])
          const listeDep = await appeler(ctx.app, 'GET', `/api/scenarios?departement=${dep}`, cookies[role])
          expect(listeDep.status).toBe(attendu(role, 'lister-departement', dep))
          if (REFUS[role]) expect(liste.status).toBe(REFUS[role])
          else {
            const visibles = liste.corps.scenarios as { id: number; departement: string }[]
            expect(visibles.some((s) => s.id === id)).toBe(PORTEE[role]!.includes(dep))
            expect(visibles.every((s) => PORTEE[role]!.includes(s.departement))).toBe(true)
          }

          const modif = await appeler(ctx.app, 'PUT', `/api/scenarios/${id}`, cookies[role], { ...SCENARIO[dep], titre: `${titre} (revu)`, version: 1 })
          expect(modif.status).toBe(attendu(role, 'modifier', dep))
          const apres = await appeler(ctx.app, 'GET', `/api/scenarios/${id}`, cookies.admin)
          expect(apres.corps.scenario.titre).toBe(modif.status === 200 ? `${titre} (revu)` : titre)

          const suppression = await appeler(ctx.app, 'DELETE', `/api/scenarios/${id}`, cookies[role])
          expect(suppression.status).toBe(attendu(role, 'supprimer', dep))
          expect((await appeler(ctx.app, 'GET', `/api/scenarios/${id}`, cookies.admin)).status).toBe(suppression.status === 200 ? 404 : 200)

          const creation = await appeler(ctx.app, 'POST', '/api/scenarios', cookies[role], SCENARIO[dep])
          expect(creation.status).toBe(attendu(role, 'creer', dep))
          if (creation.status === 201) expect(creation.corps.scenario.auteur).toBe(PERSONNES[role]!.email)
          cas += 6
        })
      }

      for (const dep of DEPARTEMENTS) {
        it(`reads candidatures of ${dep}, imports them, gives avis, selects and deletes only as its role and scope allow`, async () => {
          const { id, nom } = await candidatureParAdmin(dep)
          const refus = REFUS[role]
          const permis = refus === undefined && PORTEE[role]!.includes(dep)
          const agit = permis && role !== 'planificateur'
          // By hand: outside the scope, the département's routes answer 403 and a candidature's routes 404 (it does not exist
          // for them); a planificateur reads and selects, and is refused (403) what writes.
          const attendus = {
            lister: refus ?? (permis ? 200 : 403),
            exporter: refus ?? (permis ? 200 : 403),
            importer: refus ?? (agit ? 201 : 403),
            lire: refus ?? (permis ? 200 : 404),
            avis: refus ?? (!permis ? 404 : agit ? 200 : 403),
            selection: refus ?? (permis ? 200 : 403),
            relation: refus ?? (agit ? 200 : 403),
            supprimer: refus ?? (!permis ? 404 : agit ? 200 : 403),
          }
          const liste = await appeler(ctx.app, 'GET', `/api/departements/${dep}/candidatures`, cookies[role])
          const exportCsv = await ctx.app.request(`${ORIGINE_MAILLAGE}/api/departements/${dep}/candidatures?format=csv`, { headers: cookies[role] })
          const texteExport = await exportCsv.text()
          const importe = await appeler(ctx.app, 'POST', `/api/departements/${dep}/candidatures`, cookies[role], [{ ...LIGNE_CANDIDATURE[dep], siret: siretSuivant() }])
          const lecture = await appeler(ctx.app, 'GET', `/api/candidatures/${id}`, cookies[role])
          const avis = await appeler(ctx.app, 'PUT', `/api/candidatures/${id}/avis`, cookies[role], { avis: 'favorable', commentaire: `avis de ${role}` })
          const selection = await appeler(ctx.app, 'POST', `/api/departements/${dep}/candidatures/selection`, cookies[role], { nombrePostes: 1 })
          const relation = await appeler(ctx.app, 'POST', `/api/departements/${dep}/mise-en-relation`, cookies[role],
            { candidatures: [id], recrues: [{ id: 'recrue-1', codeInsee: LIGNE_CANDIDATURE[dep].codeInsee }] })
          const suppression = await appeler(ctx.app, 'DELETE', `/api/candidatures/${id}`, cookies[role])
          expect({
            lister: liste.status, exporter: exportCsv.status, importer: importe.status, lire: lecture.status, avis: avis.status,
            selection: selection.status, relation: relation.status, supprimer: suppression.status,
          }).toEqual(attendus)
          // Nothing of a candidature reaches whoever may not read it; a list holds its département's only.
          for (const r of [liste.texte, texteExport, lecture.texte, avis.texte, selection.texte, relation.texte, suppression.texte]) if (!permis) expect(r).not.toContain(nom)
          if (relation.status === 200) expect(relation.corps.affectations).toEqual([expect.objectContaining({ candidat: 'recrue-1', candidature: id })])
          if (liste.status === 200) {
            expect(liste.corps.candidatures.some((x: { id: number }) => x.id === id)).toBe(true)
            expect(liste.corps.candidatures.every((x: { departement: string }) => x.departement === dep)).toBe(true)
          }
          const restante = await appeler(ctx.app, 'GET', `/api/candidatures/${id}`, cookies.admin)
          expect(restante.status).toBe(suppression.status === 200 ? 404 : 200)
          if (restante.status === 200) expect(restante.corps.candidature.avisHistorique.length).toBe(avis.status === 200 ? 1 : 0)
          cas += 8
        })
      }

      it('manages the list of agents only as an admin', async () => {
        const liste = await appeler(ctx.app, 'GET', '/api/agents', cookies[role])
        const cible = 'nouvel.agent@drome.gouv.fr'
        const ecriture = await appeler(ctx.app, 'PUT', `/api/agents/${cible}`, cookies[role], { role: 'prefet', departements: ['26'] })
        const suppression = await appeler(ctx.app, 'DELETE', `/api/agents/${cible}`, cookies[role])
        const attenduAgents = REFUS[role] ?? (role === 'admin' ? 200 : 403)
        expect([liste.status, ecriture.status, suppression.status]).toEqual([attenduAgents, attenduAgents, attenduAgents])
        if (role !== 'admin') expect(await ctx.comptes.comptes.agent(cible)).toBeNull()
        cas += 3
      })
    })
  }

  it('lets a préfet of 26 not move a scenario of 26 into 07', async () => {
    const id = await creerParAdmin('26')
    const r = await appeler(ctx.app, 'PUT', `/api/scenarios/${id}`, cookies['prefet-26'], { ...SCENARIO['07'], version: 1 })
    expect(r.status).toBe(403)
    expect(r.corps.error).toBe('Le département 07 n’est pas dans votre périmètre (26).')
    expect((await appeler(ctx.app, 'GET', `/api/scenarios/${id}`, cookies.admin)).corps.scenario.departement).toBe('26')
  })

  it('checks a scenario as a simulation before saving it: postes inside the département, known lieux, a title', async () => {
    const hors = await appeler(ctx.app, 'POST', '/api/scenarios', cookies['prefet-26'], { ...SCENARIO['26'], ajouts: SCENARIO['07'].ajouts })
    expect(hors.status).toBe(400)
    expect(hors.corps.error).toMatch(/est dans le département 07, pas dans le département 26/)
    const lieuInconnu = await appeler(ctx.app, 'POST', '/api/scenarios', cookies['prefet-26'], { ...SCENARIO['26'], retraits: [987654321] })
    expect(lieuInconnu.status).toBe(400)
    const sansTitre = await appeler(ctx.app, 'POST', '/api/scenarios', cookies['prefet-26'], { ...SCENARIO['26'], titre: ' ' })
    expect(sansTitre.status).toBe(400)
    expect(sansTitre.corps.error).toMatch(/titre est requis/)
    const id = await appeler(ctx.app, 'GET', '/api/scenarios/abc', cookies['prefet-26'])
    expect(id.status).toBe(400)
  })

  it('never lets a cached public answer be served for an agents’ route', async () => {
    const r = await appeler(ctx.app, 'GET', '/api/scenarios', { ...cookies.planificateur, 'If-None-Match': '"x"' })
    expect(r.entetes.get('Cache-Control')).toBe('private, no-store')
    expect(r.entetes.get('ETag')).toBeNull()
  })
})
