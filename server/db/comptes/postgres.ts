import pg from 'pg'
import { normaliserEmail } from '../../domain/agent.ts'
import type { Candidature, Comptes, Scenario } from '../comptes.ts'
import {
  COLONNES_CANDIDATURE, ligneAgent, valeursCandidature, versAgent, versCandidatures, versScenario, versSession,
  type LigneAgent, type LigneAvis, type LigneCandidature, type LigneScenario, type LigneSession,
} from './lignes.ts'
import { lireMigrations, TABLE_MIGRATIONS } from './migrations.ts'

/** Key of the advisory lock taken while migrating: any constant shared by every instance ("MAILLAGE" in ASCII). */
const VERROU_MIGRATIONS = 0x4d41494c4c414745n

/**
 * Applies the migrations not yet recorded. Every instance takes the same advisory lock first, so two
 * instances starting at once migrate one after the other; the second sees the versions recorded and does nothing.
 * Each migration runs in its own transaction with its record (PostgreSQL DDL is transactional).
 */
export async function migrerPostgres(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [VERROU_MIGRATIONS.toString()])
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE_MIGRATIONS} (version integer PRIMARY KEY, nom text NOT NULL, appliquee_le timestamptz NOT NULL DEFAULT now())`)
    const faites = new Set((await client.query<{ version: number }>(`SELECT version FROM ${TABLE_MIGRATIONS}`)).rows.map((l) => l.version))
    const appliquees: number[] = []
    for (const m of lireMigrations('postgres')) {
      if (faites.has(m.version)) continue
      await client.query('BEGIN')
      try {
        await client.query(m.sql)
        await client.query(`INSERT INTO ${TABLE_MIGRATIONS} (version, nom) VALUES ($1, $2)`, [m.version, m.nom])
        await client.query('COMMIT')
      } catch (e) {
        await client.query('ROLLBACK')
        throw new Error(`migration postgres ${m.version}-${m.nom} : ${e instanceof Error ? e.message : String(e)}`, { cause: e })
      }
      appliquees.push(m.version)
    }
    return appliquees
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [VERROU_MIGRATIONS.toString()]).catch(() => undefined)
    client.release()
  }
}

/**
 * The store in PostgreSQL, shared by several instances behind a load balancer: a small connection pool
 * per instance, every change a single statement (no read-then-write window), migrations applied at start.
 */
export async function ouvrirComptesPostgres(url: string, maintenant: () => number = Date.now): Promise<Comptes> {
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 })
  // An idle client losing its connection (server restart) must not crash the instance: the pool replaces it.
  pool.on('error', (e) => console.error('base des comptes (PostgreSQL) :', e.message))
  try {
    await migrerPostgres(pool)
  } catch (e) {
    await pool.end()
    throw e
  }
  const horodatage = () => new Date(maintenant()).toISOString()
  const lignes = async <L extends pg.QueryResultRow>(sql: string, valeurs: unknown[] = []) => (await pool.query<L>(sql, valeurs)).rows
  const scenario = async (id: number): Promise<Scenario | null> => {
    const [l] = await lignes<LigneScenario>('SELECT * FROM scenario WHERE id = $1', [id])
    return l ? versScenario(l) : null
  }
  const candidature = async (id: number): Promise<Candidature | null> => {
    const [l] = await lignes<LigneCandidature>('SELECT * FROM candidature WHERE id = $1', [id])
    if (!l) return null
    const avis = await lignes<LigneAvis>('SELECT candidature, avis, commentaire, auteur, donne_le FROM avis_candidature WHERE candidature = $1 ORDER BY id', [id])
    return versCandidatures([l], avis)[0]!
  }
  const colonnes = COLONNES_CANDIDATURE.join(', ')
  const miseAJour = COLONNES_CANDIDATURE.filter((c) => c !== 'siret').map((c) => `${c} = excluded.${c}`).join(', ')

  return {
    agent: async (email) => {
      const [l] = await lignes<LigneAgent>('SELECT email, nom, role, departements FROM agent WHERE email = $1', [normaliserEmail(email)])
      return l ? versAgent(l) : null
    },
    agents: async () => (await lignes<LigneAgent>('SELECT email, nom, role, departements FROM agent ORDER BY role, email')).map(versAgent),
    enregistrerAgent: async (a) => {
      const l = ligneAgent(a, horodatage())
      const [ecrit] = await lignes<LigneAgent>(
        `INSERT INTO agent (email, nom, role, departements, modifie_le) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO UPDATE SET nom = coalesce(excluded.nom, agent.nom), role = excluded.role,
           departements = excluded.departements, modifie_le = excluded.modifie_le
         RETURNING email, nom, role, departements`, [l.email, l.nom, l.role, l.departements, l.modifieLe])
      return versAgent(ecrit!)
    },
    supprimerAgent: async (email) => ((await pool.query('DELETE FROM agent WHERE email = $1', [normaliserEmail(email)])).rowCount ?? 0) > 0,

    session: async (empreinte) => {
      const [l] = await lignes<LigneSession>('SELECT sujet, email, nom, jeton_id, expire_le FROM session WHERE empreinte = $1 AND expire_le > $2', [empreinte, maintenant()])
      return l ? versSession(l) : null
    },
    creerSession: async (empreinte, session, dureeMs) => {
      const t = maintenant()
      await pool.query('DELETE FROM session WHERE expire_le <= $1', [t])
      await pool.query('INSERT INTO session (empreinte, sujet, email, nom, jeton_id, cree_le, expire_le) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [empreinte, session.sujet, normaliserEmail(session.email), session.nom, session.jetonId, t, t + dureeMs])
    },
    supprimerSession: async (empreinte) => void await pool.query('DELETE FROM session WHERE empreinte = $1', [empreinte]),

    retenirDemande: async (etat, contenu, dureeMs) => {
      const t = maintenant()
      await pool.query('DELETE FROM demande_connexion WHERE expire_le <= $1', [t])
      await pool.query(`INSERT INTO demande_connexion (etat, contenu, expire_le) VALUES ($1, $2, $3)
        ON CONFLICT (etat) DO UPDATE SET contenu = excluded.contenu, expire_le = excluded.expire_le`, [etat, contenu, t + dureeMs])
    },
    reprendreDemande: async (etat) => {
      // One DELETE … RETURNING: two instances receiving the same return cannot both take it.
      const [l] = await lignes<{ contenu: string; expire_le: string }>('DELETE FROM demande_connexion WHERE etat = $1 RETURNING contenu, expire_le', [etat])
      return l && Number(l.expire_le) > maintenant() ? l.contenu : null
    },

    scenario,
    scenarios: async (departements) => (departements === null
      ? await lignes<LigneScenario>('SELECT * FROM scenario ORDER BY departement, modifie_le DESC, id')
      : await lignes<LigneScenario>('SELECT * FROM scenario WHERE departement = ANY($1::text[]) ORDER BY departement, modifie_le DESC, id', [departements])
    ).map(versScenario),
    creerScenario: async (titre, departement, contenu, auteur) => {
      const t = horodatage()
      const [l] = await lignes<LigneScenario>(
        'INSERT INTO scenario (titre, departement, contenu, auteur, cree_le, modifie_le) VALUES ($1, $2, $3, $4, $5, $5) RETURNING *',
        [titre, departement, JSON.stringify(contenu), normaliserEmail(auteur), t])
      return versScenario(l!)
    },
    modifierScenario: async (id, version, titre, departement, contenu) => {
      const [l] = await lignes<LigneScenario>(
        `UPDATE scenario SET titre = $3, departement = $4, contenu = $5, modifie_le = $6, version = version + 1
         WHERE id = $1 AND version = $2 RETURNING *`, [id, version, titre, departement, JSON.stringify(contenu), horodatage()])
      if (l) return { ok: true, scenario: versScenario(l) }
      const actuel = await scenario(id)
      return actuel ? { ok: false, motif: 'conflit', actuel } : { ok: false, motif: 'introuvable' }
    },
    supprimerScenario: async (id) => ((await pool.query('DELETE FROM scenario WHERE id = $1', [id])).rowCount ?? 0) > 0,
    enregistrerCandidatures: async (departement, liste, auteur) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        let modifiees = 0
        for (const c of liste) {
          const t = horodatage()
          // xmax = 0 only on a freshly inserted row: how PostgreSQL tells an insert from an update in one upsert.
          const r = await client.query<{ inseree: boolean }>(
            `INSERT INTO candidature (departement, ${colonnes}, importe_par, cree_le, modifie_le)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
             ON CONFLICT (departement, siret) DO UPDATE SET ${miseAJour}, importe_par = excluded.importe_par, modifie_le = excluded.modifie_le
             RETURNING (xmax = 0) AS inseree`, [departement, ...valeursCandidature(c), normaliserEmail(auteur), t])
          if (!r.rows[0]!.inseree) modifiees++
        }
        await client.query('COMMIT')
        return { creees: liste.length - modifiees, modifiees }
      } catch (e) {
        await client.query('ROLLBACK')
        throw e
      } finally {
        client.release()
      }
    },
    candidatures: async (departement) => versCandidatures(
      await lignes<LigneCandidature>('SELECT * FROM candidature WHERE departement = $1 ORDER BY id', [departement]),
      await lignes<LigneAvis>(`SELECT a.candidature, a.avis, a.commentaire, a.auteur, a.donne_le FROM avis_candidature a
        JOIN candidature c ON c.id = a.candidature WHERE c.departement = $1 ORDER BY a.id`, [departement])),
    candidature,
    donnerAvis: async (id, avis, commentaire, auteur) => {
      // One statement: the avis is added only if the candidature still exists.
      const r = await pool.query(`INSERT INTO avis_candidature (candidature, avis, commentaire, auteur, donne_le)
        SELECT id, $2, $3, $4, $5 FROM candidature WHERE id = $1`, [id, avis, commentaire, normaliserEmail(auteur), horodatage()])
      return (r.rowCount ?? 0) > 0 ? candidature(id) : null
    },
    supprimerCandidature: async (id) => ((await pool.query('DELETE FROM candidature WHERE id = $1', [id])).rowCount ?? 0) > 0,
    verifier: async () => void (await pool.query('SELECT 1')),
    fermer: () => pool.end(),
  }
}
