import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ouvrirComptes, type Comptes, type ContenuScenario } from '../../server/db/comptes.ts'
import { accedeAuDepartement } from '../../server/domain/agent.ts'
import { demarrerPostgres, requete, type Postgres } from '../setup/postgres.ts'

const contenu: ContenuScenario = { rayonKm: 10, offre: ['france-services'], ajouts: [{ lon: 4.89, lat: 44.93, conseillers: 1 }], retraits: [12] }
/** The migrations of server/db/comptes/migrations/<moteur>/, counted by hand. */
const VERSIONS_MIGRATIONS = [1, 2, 3, 4]

let postgres: Postgres
let dossier: string
let n = 0
beforeAll(async () => {
  dossier = mkdtempSync(join(tmpdir(), 'maillage-magasin-'))
  postgres = await demarrerPostgres()
})
afterAll(async () => {
  await postgres?.arreter()
  rmSync(dossier, { recursive: true, force: true })
})

type Moteur = Readonly<{
  /** A fresh, empty store location of this engine. */
  emplacement: () => Promise<string>
  /** The versions recorded as applied, read behind the store's back. */
  versionsAppliquees: (emplacement: string) => Promise<number[]>
}>

const MOTEURS: [string, Moteur][] = [
  ['SQLite', {
    emplacement: async () => join(dossier, `comptes-${++n}.sqlite`),
    versionsAppliquees: async (chemin) => {
      const db = new Database(chemin, { readonly: true })
      try {
        return db.prepare<[], { version: number }>('SELECT version FROM migration_comptes ORDER BY version').all().map((l) => l.version)
      } finally {
        db.close()
      }
    },
  }],
  ['PostgreSQL', {
    emplacement: () => postgres.nouvelleBase(),
    versionsAppliquees: async (url) => (await requete<{ version: number }>(url, 'SELECT version FROM migration_comptes ORDER BY version')).map((l) => l.version),
  }],
]

describe.each(MOTEURS)('the accounts store on %s', (_nom, moteur) => {
  /** Opens a store on a fresh location, closed when the test's callback ends. */
  async function avecMagasin(test: (db: Comptes, emplacement: string) => Promise<void>, maintenant?: () => number) {
    const emplacement = await moteur.emplacement()
    const db = await ouvrirComptes(emplacement, maintenant)
    try {
      await test(db, emplacement)
    } finally {
      await db.fermer()
    }
  }

  it('stores an agent under the lower-case e-mail, keeps départements for préfets only, and keeps a known name when none is given', () =>
    avecMagasin(async (db) => {
      await db.enregistrerAgent({ email: ' Prefet@Drome.gouv.fr ', nom: 'Élise', role: 'prefet', departements: ['26', '07', '26'] })
      expect(await db.agent('PREFET@drome.gouv.fr')).toEqual({ email: 'prefet@drome.gouv.fr', nom: 'Élise', role: 'prefet', departements: ['07', '26'] })
      await db.enregistrerAgent({ email: 'prefet@drome.gouv.fr', role: 'planificateur', departements: ['26'] })
      expect(await db.agent('prefet@drome.gouv.fr')).toEqual({ email: 'prefet@drome.gouv.fr', nom: 'Élise', role: 'planificateur', departements: [] })
      expect(await db.agents()).toHaveLength(1)
      expect(await db.supprimerAgent('PREFET@drome.gouv.fr')).toBe(true)
      expect(await db.agent('prefet@drome.gouv.fr')).toBeNull()
    }))

  it('forgets a session when it expires, and at once when it is deleted', () => {
    let t = 1_000_000
    return avecMagasin(async (db) => {
      await db.creerSession('empreinte', { sujet: 's', email: 'A@b.fr', nom: null, jetonId: 'jeton' }, 60_000)
      expect(await db.session('empreinte')).toEqual({ sujet: 's', email: 'a@b.fr', nom: null, jetonId: 'jeton', expireLe: 1_060_000 })
      t += 59_999
      expect(await db.session('empreinte')).not.toBeNull()
      t += 1
      expect(await db.session('empreinte')).toBeNull()
      await db.creerSession('autre', { sujet: 's', email: 'a@b.fr', nom: 'A B', jetonId: null }, 60_000)
      await db.supprimerSession('autre')
      expect(await db.session('autre')).toBeNull()
    }, () => t)
  })

  it('gives a login under way back once, and never after it expired', () => {
    let t = 5_000_000
    return avecMagasin(async (db) => {
      await db.retenirDemande('etat-1', '{"nonce":"n1"}', 600_000)
      await db.retenirDemande('etat-2', '{"nonce":"n2"}', 600_000)
      expect(await db.reprendreDemande('etat-1')).toBe('{"nonce":"n1"}')
      expect(await db.reprendreDemande('etat-1')).toBeNull()
      expect(await db.reprendreDemande('inconnu')).toBeNull()
      t += 600_000
      expect(await db.reprendreDemande('etat-2')).toBeNull()
    }, () => t)
  })

  it('lists the scenarios of the given départements only, or all of them for a national scope', () =>
    avecMagasin(async (db) => {
      const a = await db.creerScenario('A', '26', contenu, 'X@y.fr')
      const b = await db.creerScenario('B', '07', contenu, 'x@y.fr')
      await db.creerScenario('C', '2A', contenu, 'x@y.fr')
      expect((await db.scenarios(['26'])).map((s) => s.titre)).toEqual(['A'])
      expect((await db.scenarios(['26', '07'])).map((s) => s.titre).sort()).toEqual(['A', 'B'])
      expect(await db.scenarios(null)).toHaveLength(3)
      expect(await db.scenario(a.id)).toEqual({ ...a, titre: 'A', departement: '26', auteur: 'x@y.fr', version: 1, ...contenu })
      expect(await db.supprimerScenario(a.id)).toBe(true)
      expect(await db.supprimerScenario(a.id)).toBe(false)
      expect(await db.scenario(a.id)).toBeNull()
      expect((await db.scenario(b.id))?.titre).toBe('B')
    }))

  it('changes a scenario only from its current version, and counts versions from 1', () => {
    let t = Date.UTC(2026, 10, 28, 9, 0, 0)
    return avecMagasin(async (db) => {
      const s = await db.creerScenario('A', '26', contenu, 'x@y.fr')
      expect([s.version, s.creeLe, s.modifieLe]).toEqual([1, '2026-11-28T09:00:00.000Z', '2026-11-28T09:00:00.000Z'])
      t += 60_000
      const r = await db.modifierScenario(s.id, 1, 'A2', '26', { ...contenu, rayonKm: 5 })
      expect(r).toEqual({ ok: true, scenario: { ...s, titre: 'A2', rayonKm: 5, version: 2, modifieLe: '2026-11-28T09:01:00.000Z' } })
      const perime = await db.modifierScenario(s.id, 1, 'A3', '26', contenu)
      expect(perime).toEqual({ ok: false, motif: 'conflit', actuel: r.ok ? r.scenario : null })
      expect((await db.scenario(s.id))?.titre).toBe('A2')
      expect(await db.modifierScenario(987_654, 1, 'Z', '26', contenu)).toEqual({ ok: false, motif: 'introuvable' })
    }, () => t)
  })

  it('lets exactly one of two concurrent changes of the same version through, from two instances of the store', () =>
    avecMagasin(async (a, emplacement) => {
      const b = await ouvrirComptes(emplacement)
      try {
        const s = await a.creerScenario('Départ', '26', contenu, 'x@y.fr')
        const r = await Promise.all([
          a.modifierScenario(s.id, 1, 'Par A', '26', contenu),
          b.modifierScenario(s.id, 1, 'Par B', '26', contenu),
        ])
        expect(r.filter((x) => x.ok)).toHaveLength(1)
        expect(r.filter((x) => !x.ok).map((x) => !x.ok && x.motif)).toEqual(['conflit'])
        const gagnant = r.find((x) => x.ok)!
        const final = await b.scenario(s.id)
        expect(final?.version).toBe(2)
        expect(final?.titre).toBe(gagnant.ok ? gagnant.scenario.titre : '')
      } finally {
        await b.fermer()
      }
    }))

  it('adds a candidature once per SIRET of a département, changes it on a re-import, and keeps every avis', () => {
    let t = Date.UTC(2026, 10, 28, 10, 0, 0)
    return avecMagasin(async (db) => {
      const a = { siret: '12345678901234', nom: 'Commune de Dieulefit', type: 'collectivite', adresse: '1 place de la Mairie', codeInsee: '26114',
        postes: 2, longitude: 5.06, latitude: 44.52, localisation: 'commune', dateDepot: '2026-10-01' } as const
      const b = { ...a, siret: '98765432109876', nom: 'Association Lien', type: 'privee', postes: 1, localisation: 'coordonnees', dateDepot: null } as const
      expect(await db.enregistrerCandidatures('26', [a, b], 'P@Drome.gouv.fr')).toEqual({ creees: 2, modifiees: 0 })
      await db.enregistrerCandidatures('07', [a], 'p@ardeche.gouv.fr')
      t += 60_000
      expect(await db.enregistrerCandidatures('26', [{ ...a, postes: 3 }], 'p@drome.gouv.fr')).toEqual({ creees: 0, modifiees: 1 })
      const liste = await db.candidatures('26')
      expect(liste.map((c) => [c.siret, c.postes])).toEqual([['12345678901234', 3], ['98765432109876', 1]])
      const [premiere] = liste
      expect(premiere).toEqual({ ...a, postes: 3, id: premiere!.id, departement: '26', importePar: 'p@drome.gouv.fr',
        creeLe: '2026-11-28T10:00:00.000Z', modifieLe: '2026-11-28T10:01:00.000Z', avis: null, avisHistorique: [] })

      const r1 = await db.donnerAvis(premiere!.id, 'reserve', 'Locaux à confirmer', 'P@drome.gouv.fr')
      t += 60_000
      const r2 = await db.donnerAvis(premiere!.id, 'favorable', 'Locaux confirmés', 'admin@anct.gouv.fr')
      const avis1 = { avis: 'reserve', commentaire: 'Locaux à confirmer', auteur: 'p@drome.gouv.fr', donneLe: '2026-11-28T10:01:00.000Z' }
      const avis2 = { avis: 'favorable', commentaire: 'Locaux confirmés', auteur: 'admin@anct.gouv.fr', donneLe: '2026-11-28T10:02:00.000Z' }
      expect(r1?.avisHistorique).toEqual([avis1])
      expect(r2?.avis).toEqual(avis2)
      expect(r2?.avisHistorique).toEqual([avis1, avis2])
      // A re-import keeps the avis.
      await db.enregistrerCandidatures('26', [a], 'p@drome.gouv.fr')
      expect((await db.candidature(premiere!.id))?.avisHistorique).toEqual([avis1, avis2])
      expect((await db.candidatures('26'))[0]?.avisHistorique).toEqual([avis1, avis2])
      expect(await db.donnerAvis(987_654, 'favorable', '', 'x@y.fr')).toBeNull()

      expect(await db.supprimerCandidature(premiere!.id)).toBe(true)
      expect(await db.supprimerCandidature(premiere!.id)).toBe(false)
      expect(await db.candidature(premiere!.id)).toBeNull()
      expect((await db.candidatures('26')).map((c) => c.siret)).toEqual(['98765432109876'])
      expect((await db.candidatures('07')).map((c) => c.siret)).toEqual(['12345678901234'])
    }, () => t)
  })

  it('applies every migration once, records its version, and does nothing when opened again or by several instances at once', async () => {
    const emplacement = await moteur.emplacement()
    const ouverts = await Promise.all([ouvrirComptes(emplacement), ouvrirComptes(emplacement), ouvrirComptes(emplacement)])
    expect(await moteur.versionsAppliquees(emplacement)).toEqual(VERSIONS_MIGRATIONS)
    await ouverts[0]!.creerScenario('Gardé', '26', contenu, 'x@y.fr')
    await Promise.all(ouverts.map((o) => o.fermer()))
    const rouvert = await ouvrirComptes(emplacement)
    expect((await rouvert.scenarios(null)).map((s) => s.titre)).toEqual(['Gardé'])
    await rouvert.fermer()
    expect(await moteur.versionsAppliquees(emplacement)).toEqual(VERSIONS_MIGRATIONS)
  })
})

describe('the SQLite store made before versioned migrations', () => {
  it('keeps its agents and scenarios, which start at version 1', async () => {
    const chemin = join(dossier, 'ancienne.sqlite')
    // The schema and rows exactly as the previous release (server/db/comptes.sql) wrote them.
    const ancienne = new Database(chemin)
    ancienne.exec(`
      CREATE TABLE agent (email TEXT PRIMARY KEY, nom TEXT, role TEXT NOT NULL CHECK (role IN ('prefet', 'planificateur', 'admin')),
        departements TEXT NOT NULL DEFAULT '[]', modifie_le TEXT NOT NULL) STRICT;
      CREATE TABLE session (empreinte TEXT PRIMARY KEY, sujet TEXT NOT NULL, email TEXT NOT NULL, nom TEXT, jeton_id TEXT,
        cree_le INTEGER NOT NULL, expire_le INTEGER NOT NULL) STRICT;
      CREATE INDEX session_expire ON session (expire_le);
      CREATE TABLE scenario (id INTEGER PRIMARY KEY, titre TEXT NOT NULL, departement TEXT NOT NULL, contenu TEXT NOT NULL,
        auteur TEXT NOT NULL, cree_le TEXT NOT NULL, modifie_le TEXT NOT NULL) STRICT;
      CREATE INDEX scenario_departement ON scenario (departement);
      INSERT INTO agent VALUES ('p@drome.gouv.fr', NULL, 'prefet', '["26"]', '2026-01-01T00:00:00.000Z');
      INSERT INTO scenario VALUES (7, 'Ancien', '26', '${JSON.stringify(contenu)}', 'p@drome.gouv.fr', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z');
    `)
    ancienne.close()
    const db = await ouvrirComptes(chemin)
    expect(await db.agent('p@drome.gouv.fr')).toEqual({ email: 'p@drome.gouv.fr', nom: null, role: 'prefet', departements: ['26'] })
    expect(await db.scenario(7)).toEqual({
      id: 7, titre: 'Ancien', departement: '26', auteur: 'p@drome.gouv.fr', creeLe: '2026-01-02T00:00:00.000Z', modifieLe: '2026-01-03T00:00:00.000Z',
      version: 1, ...contenu,
    })
    await db.fermer()
  })
})

describe('territorial scope', () => {
  it('gives a préfet their départements only and the national roles every département', () => {
    const prefet = { email: 'p@x.fr', nom: null, role: 'prefet', departements: ['26'] } as const
    expect(accedeAuDepartement(prefet, '26')).toBe(true)
    expect(accedeAuDepartement(prefet, '07')).toBe(false)
    expect(accedeAuDepartement({ ...prefet, role: 'planificateur', departements: [] }, '07')).toBe(true)
    expect(accedeAuDepartement({ ...prefet, role: 'admin', departements: [] }, '971')).toBe(true)
  })
})
