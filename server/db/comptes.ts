import type { Agent, Role } from '../domain/agent.ts'
import type { Avis, TypeStructure } from '../domain/candidature.ts'
import type { Categorie } from '../domain/offre.ts'
import { ouvrirComptesPostgres } from './comptes/postgres.ts'
import { ouvrirComptesSqlite } from './comptes/sqlite.ts'

export type Session = Readonly<{ sujet: string; email: string; nom: string | null; jetonId: string | null; expireLe: number }>

export type ContenuScenario = Readonly<{
  rayonKm: number
  offre: readonly Categorie[]
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
  /** 1 when created, +1 at each change: what a change must name so that it never overwrites an unseen one. */
  version: number
}> & ContenuScenario

export type AgentAEnregistrer = Readonly<{ email: string; nom?: string | null; role: Role; departements?: readonly string[] }>

/** A change of a scenario: done, or refused because the scenario is gone or has moved on since `version`. */
export type ResultatModification =
  | Readonly<{ ok: true; scenario: Scenario }>
  | Readonly<{ ok: false; motif: 'introuvable' }>
  | Readonly<{ ok: false; motif: 'conflit'; actuel: Scenario }>

/** A candidature as read from an import, checked and located. */
export type CandidatureAEnregistrer = Readonly<{
  siret: string
  nom: string
  type: TypeStructure
  adresse: string
  codeInsee: string
  postes: number
  longitude: number
  latitude: number
  /** Located by the file's coordinates, or at the centre of its commune. */
  localisation: 'coordonnees' | 'commune'
  /** YYYY-MM-DD, when the file gives it. */
  dateDepot: string | null
}>

export type AvisDonne = Readonly<{ avis: Avis; commentaire: string; auteur: string; donneLe: string }>

export type Candidature = CandidatureAEnregistrer & Readonly<{
  id: number
  departement: string
  importePar: string
  creeLe: string
  modifieLe: string
  /** The latest avis, null before the first. */
  avis: AvisDonne | null
  /** Every avis given, oldest first: an avis never overwrites another. */
  avisHistorique: readonly AvisDonne[]
}>

/**
 * The writable store of agents, sessions, logins under way and saved scenarios. Asynchronous because
 * one implementation is PostgreSQL (several instances); the SQLite one (one instance, the default) answers at once.
 */
export interface Comptes {
  agent(email: string): Promise<Agent | null>
  agents(): Promise<Agent[]>
  /** Creates or changes an agent; a préfet keeps their départements (sorted, once each), other roles none. */
  enregistrerAgent(a: AgentAEnregistrer): Promise<Agent>
  supprimerAgent(email: string): Promise<boolean>

  /** The session of a cookie's hash, if it has not expired. */
  session(empreinte: string): Promise<Session | null>
  creerSession(empreinte: string, session: Omit<Session, 'expireLe'>, dureeMs: number): Promise<void>
  supprimerSession(empreinte: string): Promise<void>

  /** Keeps a login under way (opaque JSON) under its OIDC state, until `dureeMs` from now. */
  retenirDemande(etat: string, contenu: string, dureeMs: number): Promise<void>
  /** Takes a login under way back, once: a second call, or one after it expired, gets null. */
  reprendreDemande(etat: string): Promise<string | null>

  scenario(id: number): Promise<Scenario | null>
  /** Scenarios of the given départements, or all of them (`null`: national scope). */
  scenarios(departements: readonly string[] | null): Promise<Scenario[]>
  creerScenario(titre: string, departement: string, contenu: ContenuScenario, auteur: string): Promise<Scenario>
  /** Changes the scenario only if it still is at `version` (compare-and-set: two changes of one version, one wins). */
  modifierScenario(id: number, version: number, titre: string, departement: string, contenu: ContenuScenario): Promise<ResultatModification>
  supprimerScenario(id: number): Promise<boolean>
  /**
   * Saves the candidatures of an import in one transaction: a SIRET already known in the département is changed
   * (its avis kept), a new one added. The caller has checked that `lignes` names each SIRET once.
   */
  enregistrerCandidatures(departement: string, lignes: readonly CandidatureAEnregistrer[], auteur: string): Promise<{ creees: number; modifiees: number }>
  /** The candidatures of a département, in the order they were first imported (id). */
  candidatures(departement: string): Promise<Candidature[]>
  candidature(id: number): Promise<Candidature | null>
  /** Adds an avis to the history of a candidature; null when it does not exist. */
  donnerAvis(id: number, avis: Avis, commentaire: string, auteur: string): Promise<Candidature | null>
  /** Deletes a candidature and its avis. */
  supprimerCandidature(id: number): Promise<boolean>
  /** Rejects when the store does not answer (a trivial query): what /api/sante reports. */
  verifier(): Promise<void>
  fermer(): Promise<void>
}

/**
 * The same store, calling `surErreur` with the operation's name each time one fails (the error still reaches the
 * caller): how the operators' metrics count the store's errors without each route having to.
 */
export function avecSuiviErreurs(comptes: Comptes, surErreur: (operation: string) => void): Comptes {
  const suivi = {} as Record<string, unknown>
  for (const nom of Object.keys(comptes) as (keyof Comptes)[]) {
    const f = comptes[nom] as (...a: unknown[]) => Promise<unknown>
    suivi[nom] = (...a: unknown[]) => f(...a).catch((e: unknown) => {
      surErreur(nom)
      throw e
    })
  }
  return suivi as unknown as Comptes
}

/** `postgres://…` or `postgresql://…` is a PostgreSQL server; anything else is a SQLite file (or `:memory:`). */
export const estPostgres = (emplacement: string): boolean => /^postgres(ql)?:\/\//.test(emplacement)

/**
 * Opens the writable store at `emplacement` and brings its schema up to date (versioned migrations,
 * safe when several instances start at once).
 */
export function ouvrirComptes(emplacement: string, maintenant: () => number = Date.now): Promise<Comptes> {
  return estPostgres(emplacement) ? ouvrirComptesPostgres(emplacement, maintenant) : Promise.resolve(ouvrirComptesSqlite(emplacement, maintenant))
}
