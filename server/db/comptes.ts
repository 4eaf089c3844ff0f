import { mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { isRole, normaliserEmail, type Agent, type Role } from '../domain/agent.ts'

const SCHEMA = readFileSync(new URL('./comptes.sql', import.meta.url), 'utf8')

export type Session = Readonly<{ sujet: string; email: string; nom: string | null; jetonId: string | null; expireLe: number }>

export type ContenuScenario = Readonly<{
  rayonKm: number
  offre: readonly string[]
  ajouts: readonly Readonly<{ lon: number; lat: number; conseillers: number }>[]
  retraits: readonly number[]
}>

export type Scenario = Readonly<{
  id: number
  titre: string
  departement: string
  auteur: string
  creeLe: string
  modifieLe: string
}> & ContenuScenario

type LigneAgent = { email: string; nom: string | null; role: string; departements: string }
type LigneScenario = { id: number; titre: string; departement: string; contenu: string; auteur: string; cree_le: string; modifie_le: string }

const versAgent = (l: LigneAgent): Agent => {
  if (!isRole(l.role)) throw new Error(`agent ${l.email}: rôle inconnu ${l.role}`)
  return { email: l.email, nom: l.nom, role: l.role, departements: JSON.parse(l.departements) as string[] }
}

const versScenario = (l: LigneScenario): Scenario => ({
  id: l.id, titre: l.titre, departement: l.departement, auteur: l.auteur, creeLe: l.cree_le, modifieLe: l.modifie_le,
  ...(JSON.parse(l.contenu) as ContenuScenario),
})

/**
 * Opens (and creates when absent) the writable accounts database: agents, sessions, scenarios.
 * WAL so that reads never wait for a write; every statement prepared once.
 */
export function ouvrirComptes(chemin: string, maintenant: () => number = Date.now) {
  if (chemin !== ':memory:') mkdirSync(dirname(chemin), { recursive: true })
  const db = new Database(chemin)
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 2000')
  db.exec(SCHEMA)
  const horodatage = () => new Date(maintenant()).toISOString()

  const s = {
    agent: db.prepare<[string], LigneAgent>('SELECT email, nom, role, departements FROM agent WHERE email = ?'),
    agents: db.prepare<[], LigneAgent>('SELECT email, nom, role, departements FROM agent ORDER BY role, email'),
    ecrireAgent: db.prepare(
      `INSERT INTO agent (email, nom, role, departements, modifie_le) VALUES (@email, @nom, @role, @departements, @modifieLe)
       ON CONFLICT (email) DO UPDATE SET nom = coalesce(excluded.nom, nom), role = excluded.role,
         departements = excluded.departements, modifie_le = excluded.modifie_le`),
    supprimerAgent: db.prepare<[string]>('DELETE FROM agent WHERE email = ?'),
    session: db.prepare<[string, number], { sujet: string; email: string; nom: string | null; jeton_id: string | null; expire_le: number }>(
      'SELECT sujet, email, nom, jeton_id, expire_le FROM session WHERE empreinte = ? AND expire_le > ?'),
    creerSession: db.prepare(
      'INSERT INTO session (empreinte, sujet, email, nom, jeton_id, cree_le, expire_le) VALUES (@empreinte, @sujet, @email, @nom, @jetonId, @creeLe, @expireLe)'),
    supprimerSession: db.prepare<[string]>('DELETE FROM session WHERE empreinte = ?'),
    purgerSessions: db.prepare<[number]>('DELETE FROM session WHERE expire_le <= ?'),
    scenario: db.prepare<[number], LigneScenario>('SELECT * FROM scenario WHERE id = ?'),
    tousScenarios: db.prepare<[], LigneScenario>('SELECT * FROM scenario ORDER BY departement, modifie_le DESC, id'),
    scenariosDe: db.prepare<[string], LigneScenario>(
      'SELECT * FROM scenario WHERE departement IN (SELECT value FROM json_each(?)) ORDER BY departement, modifie_le DESC, id'),
    creerScenario: db.prepare<{ titre: string; departement: string; contenu: string; auteur: string; t: string }, { id: number }>(
      'INSERT INTO scenario (titre, departement, contenu, auteur, cree_le, modifie_le) VALUES (@titre, @departement, @contenu, @auteur, @t, @t) RETURNING id'),
    modifierScenario: db.prepare(
      'UPDATE scenario SET titre = @titre, departement = @departement, contenu = @contenu, modifie_le = @t WHERE id = @id'),
    supprimerScenario: db.prepare<[number]>('DELETE FROM scenario WHERE id = ?'),
  }

  return {
    agent: (email: string): Agent | null => {
      const l = s.agent.get(normaliserEmail(email))
      return l ? versAgent(l) : null
    },
    agents: (): Agent[] => s.agents.all().map(versAgent),
    enregistrerAgent: (a: { email: string; nom?: string | null; role: Role; departements?: readonly string[] }): Agent => {
      const email = normaliserEmail(a.email)
      const departements = a.role === 'prefet' ? [...new Set(a.departements ?? [])].sort() : []
      s.ecrireAgent.run({ email, nom: a.nom ?? null, role: a.role, departements: JSON.stringify(departements), modifieLe: horodatage() })
      return versAgent(s.agent.get(email)!)
    },
    supprimerAgent: (email: string): boolean => s.supprimerAgent.run(normaliserEmail(email)).changes > 0,

    session: (empreinte: string): Session | null => {
      const l = s.session.get(empreinte, maintenant())
      return l ? { sujet: l.sujet, email: l.email, nom: l.nom, jetonId: l.jeton_id, expireLe: l.expire_le } : null
    },
    creerSession: (empreinte: string, session: Omit<Session, 'expireLe'>, dureeMs: number): void => {
      const t = maintenant()
      s.purgerSessions.run(t)
      s.creerSession.run({ empreinte, ...session, email: normaliserEmail(session.email), creeLe: t, expireLe: t + dureeMs })
    },
    supprimerSession: (empreinte: string): void => void s.supprimerSession.run(empreinte),

    scenario: (id: number): Scenario | null => {
      const l = s.scenario.get(id)
      return l ? versScenario(l) : null
    },
    /** Scenarios of the given départements, or all of them (`null`: national scope). */
    scenarios: (departements: readonly string[] | null): Scenario[] =>
      (departements === null ? s.tousScenarios.all() : s.scenariosDe.all(JSON.stringify(departements))).map(versScenario),
    creerScenario: (titre: string, departement: string, contenu: ContenuScenario, auteur: string): Scenario => {
      const { id } = s.creerScenario.get({ titre, departement, contenu: JSON.stringify(contenu), auteur: normaliserEmail(auteur), t: horodatage() })!
      return versScenario(s.scenario.get(id)!)
    },
    modifierScenario: (id: number, titre: string, departement: string, contenu: ContenuScenario): Scenario | null => {
      const r = s.modifierScenario.run({ id, titre, departement, contenu: JSON.stringify(contenu), t: horodatage() })
      return r.changes > 0 ? versScenario(s.scenario.get(id)!) : null
    },
    supprimerScenario: (id: number): boolean => s.supprimerScenario.run(id).changes > 0,
    fermer: () => db.close(),
  }
}

export type Comptes = ReturnType<typeof ouvrirComptes>
