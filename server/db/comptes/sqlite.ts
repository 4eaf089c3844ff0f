import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { normaliserEmail } from '../../domain/agent.ts'
import type { CandidatureAEnregistrer, Comptes, ContenuScenario, Scenario } from '../comptes.ts'
import {
  ligneAgent, valeursCandidature, versAgent, versCandidatures, versScenario, versSession,
  type LigneAgent, type LigneAvis, type LigneCandidature, type LigneScenario, type LigneSession,
} from './lignes.ts'
import { lireMigrations, TABLE_MIGRATIONS } from './migrations.ts'

/**
 * Applies the migrations not yet recorded, inside one BEGIN IMMEDIATE transaction: a second instance
 * starting on the same file waits for the write lock (busy_timeout), then sees them recorded and does nothing.
 */
export function migrerSqlite(db: Database.Database): number[] {
  const migrations = lireMigrations('sqlite')
  db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE_MIGRATIONS} (version INTEGER PRIMARY KEY, nom TEXT NOT NULL, appliquee_le TEXT NOT NULL) STRICT`)
  return db.transaction(() => {
    const faites = new Set(db.prepare<[], { version: number }>(`SELECT version FROM ${TABLE_MIGRATIONS}`).all().map((l) => l.version))
    const appliquees: number[] = []
    for (const m of migrations) {
      if (faites.has(m.version)) continue
      db.exec(m.sql)
      db.prepare(`INSERT INTO ${TABLE_MIGRATIONS} (version, nom, appliquee_le) VALUES (?, ?, ?)`).run(m.version, m.nom, new Date().toISOString())
      appliquees.push(m.version)
    }
    return appliquees
  }).immediate()
}

/**
 * The store in a SQLite file (created when absent), for a single instance: WAL so that reads never
 * wait for a write, every statement prepared once. better-sqlite3 is synchronous; the answers are
 * wrapped in promises to meet the store's interface.
 */
export function ouvrirComptesSqlite(chemin: string, maintenant: () => number = Date.now): Comptes {
  if (chemin !== ':memory:') mkdirSync(dirname(chemin), { recursive: true })
  const db = new Database(chemin)
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  migrerSqlite(db)
  const horodatage = () => new Date(maintenant()).toISOString()

  const s = {
    agent: db.prepare<[string], LigneAgent>('SELECT email, nom, role, departements FROM agent WHERE email = ?'),
    agents: db.prepare<[], LigneAgent>('SELECT email, nom, role, departements FROM agent ORDER BY role, email'),
    ecrireAgent: db.prepare(
      `INSERT INTO agent (email, nom, role, departements, modifie_le) VALUES (@email, @nom, @role, @departements, @modifieLe)
       ON CONFLICT (email) DO UPDATE SET nom = coalesce(excluded.nom, nom), role = excluded.role,
         departements = excluded.departements, modifie_le = excluded.modifie_le`),
    supprimerAgent: db.prepare<[string]>('DELETE FROM agent WHERE email = ?'),
    session: db.prepare<[string, number], LigneSession>('SELECT sujet, email, nom, jeton_id, expire_le FROM session WHERE empreinte = ? AND expire_le > ?'),
    creerSession: db.prepare(
      'INSERT INTO session (empreinte, sujet, email, nom, jeton_id, cree_le, expire_le) VALUES (@empreinte, @sujet, @email, @nom, @jetonId, @creeLe, @expireLe)'),
    supprimerSession: db.prepare<[string]>('DELETE FROM session WHERE empreinte = ?'),
    purgerSessions: db.prepare<[number]>('DELETE FROM session WHERE expire_le <= ?'),
    purgerDemandes: db.prepare<[number]>('DELETE FROM demande_connexion WHERE expire_le <= ?'),
    retenirDemande: db.prepare<[string, string, number]>('INSERT OR REPLACE INTO demande_connexion (etat, contenu, expire_le) VALUES (?, ?, ?)'),
    reprendreDemande: db.prepare<[string, number], { contenu: string }>('DELETE FROM demande_connexion WHERE etat = ? AND expire_le > ? RETURNING contenu'),
    oublierDemande: db.prepare<[string]>('DELETE FROM demande_connexion WHERE etat = ?'),
    scenario: db.prepare<[number], LigneScenario>('SELECT * FROM scenario WHERE id = ?'),
    tousScenarios: db.prepare<[], LigneScenario>('SELECT * FROM scenario ORDER BY departement, modifie_le DESC, id'),
    scenariosDe: db.prepare<[string], LigneScenario>(
      'SELECT * FROM scenario WHERE departement IN (SELECT value FROM json_each(?)) ORDER BY departement, modifie_le DESC, id'),
    creerScenario: db.prepare<{ titre: string; departement: string; contenu: string; auteur: string; t: string }, LigneScenario>(
      'INSERT INTO scenario (titre, departement, contenu, auteur, cree_le, modifie_le) VALUES (@titre, @departement, @contenu, @auteur, @t, @t) RETURNING *'),
    modifierScenario: db.prepare<{ id: number; version: number; titre: string; departement: string; contenu: string; t: string }, LigneScenario>(
      `UPDATE scenario SET titre = @titre, departement = @departement, contenu = @contenu, modifie_le = @t, version = version + 1
       WHERE id = @id AND version = @version RETURNING *`),
    supprimerScenario: db.prepare<[number]>('DELETE FROM scenario WHERE id = ?'),
    candidatures: db.prepare<[string], LigneCandidature>('SELECT * FROM candidature WHERE departement = ? ORDER BY id'),
    avisDe: db.prepare<[string], LigneAvis>(
      'SELECT a.candidature, a.avis, a.commentaire, a.auteur, a.donne_le FROM avis_candidature a JOIN candidature c ON c.id = a.candidature WHERE c.departement = ? ORDER BY a.id'),
    candidature: db.prepare<[number], LigneCandidature>('SELECT * FROM candidature WHERE id = ?'),
    avisCandidature: db.prepare<[number], LigneAvis>('SELECT candidature, avis, commentaire, auteur, donne_le FROM avis_candidature WHERE candidature = ? ORDER BY id'),
    candidatureConnue: db.prepare<[string, string], { id: number }>('SELECT id FROM candidature WHERE departement = ? AND siret = ?'),
    ecrireCandidature: db.prepare(
      `INSERT INTO candidature (departement, siret, nom, type, adresse, code_insee, postes, longitude, latitude, localisation, date_depot, importe_par, cree_le, modifie_le)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (departement, siret) DO UPDATE SET nom = excluded.nom, type = excluded.type, adresse = excluded.adresse,
         code_insee = excluded.code_insee, postes = excluded.postes, longitude = excluded.longitude, latitude = excluded.latitude,
         localisation = excluded.localisation, date_depot = excluded.date_depot, importe_par = excluded.importe_par, modifie_le = excluded.modifie_le`),
    donnerAvis: db.prepare('INSERT INTO avis_candidature (candidature, avis, commentaire, auteur, donne_le) VALUES (?, ?, ?, ?, ?)'),
    supprimerAvis: db.prepare<[number]>('DELETE FROM avis_candidature WHERE candidature = ?'),
    supprimerCandidature: db.prepare<[number]>('DELETE FROM candidature WHERE id = ?'),
  }
  const candidature = (id: number) => {
    const l = s.candidature.get(id)
    return l ? versCandidatures([l], s.avisCandidature.all(id))[0]! : null
  }
  const enregistrerCandidatures = db.transaction((departement: string, lignes: readonly CandidatureAEnregistrer[], auteur: string, t: string) => {
    let modifiees = 0
    for (const c of lignes) {
      if (s.candidatureConnue.get(departement, c.siret)) modifiees++
      s.ecrireCandidature.run(departement, ...valeursCandidature(c), auteur, t, t)
    }
    return { creees: lignes.length - modifiees, modifiees }
  })
  const donnerAvis = db.transaction((id: number, avis: string, commentaire: string, auteur: string, t: string) => {
    if (!s.candidature.get(id)) return false
    s.donnerAvis.run(id, avis, commentaire, auteur, t)
    return true
  })
  const supprimerCandidature = db.transaction((id: number) => {
    s.supprimerAvis.run(id)
    return s.supprimerCandidature.run(id).changes > 0
  })
  const scenario = (id: number): Scenario | null => {
    const l = s.scenario.get(id)
    return l ? versScenario(l) : null
  }
  const reprendre = db.transaction((etat: string, t: number): string | null => {
    const l = s.reprendreDemande.get(etat, t)
    s.oublierDemande.run(etat)
    return l?.contenu ?? null
  })

  return {
    agent: async (email) => {
      const l = s.agent.get(normaliserEmail(email))
      return l ? versAgent(l) : null
    },
    agents: async () => s.agents.all().map(versAgent),
    enregistrerAgent: async (a) => {
      const ligne = ligneAgent(a, horodatage())
      s.ecrireAgent.run(ligne)
      return versAgent(s.agent.get(ligne.email)!)
    },
    supprimerAgent: async (email) => s.supprimerAgent.run(normaliserEmail(email)).changes > 0,

    session: async (empreinte) => {
      const l = s.session.get(empreinte, maintenant())
      return l ? versSession(l) : null
    },
    creerSession: async (empreinte, session, dureeMs) => {
      const t = maintenant()
      s.purgerSessions.run(t)
      s.creerSession.run({ empreinte, ...session, email: normaliserEmail(session.email), creeLe: t, expireLe: t + dureeMs })
    },
    supprimerSession: async (empreinte) => void s.supprimerSession.run(empreinte),

    retenirDemande: async (etat, contenu, dureeMs) => {
      const t = maintenant()
      s.purgerDemandes.run(t)
      s.retenirDemande.run(etat, contenu, t + dureeMs)
    },
    reprendreDemande: async (etat) => reprendre(etat, maintenant()),

    scenario: async (id) => scenario(id),
    scenarios: async (departements) =>
      (departements === null ? s.tousScenarios.all() : s.scenariosDe.all(JSON.stringify(departements))).map(versScenario),
    creerScenario: async (titre: string, departement: string, contenu: ContenuScenario, auteur: string) =>
      versScenario(s.creerScenario.get({ titre, departement, contenu: JSON.stringify(contenu), auteur: normaliserEmail(auteur), t: horodatage() })!),
    modifierScenario: async (id, version, titre, departement, contenu) => {
      const l = s.modifierScenario.get({ id, version, titre, departement, contenu: JSON.stringify(contenu), t: horodatage() })
      if (l) return { ok: true, scenario: versScenario(l) }
      const actuel = scenario(id)
      return actuel ? { ok: false, motif: 'conflit', actuel } : { ok: false, motif: 'introuvable' }
    },
    supprimerScenario: async (id) => s.supprimerScenario.run(id).changes > 0,
    enregistrerCandidatures: async (departement, lignes, auteur) => enregistrerCandidatures(departement, lignes, normaliserEmail(auteur), horodatage()),
    candidatures: async (departement) => versCandidatures(s.candidatures.all(departement), s.avisDe.all(departement)),
    candidature: async (id) => candidature(id),
    donnerAvis: async (id, avis, commentaire, auteur) =>
      donnerAvis(id, avis, commentaire, normaliserEmail(auteur), horodatage()) ? candidature(id) : null,
    supprimerCandidature: async (id) => supprimerCandidature(id),
    verifier: async () => void db.prepare('SELECT 1').get(),
    fermer: async () => void db.close(),
  }
}
