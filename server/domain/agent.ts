/**
 * Agents' roles and their territorial scope. The public has no account; an agent signs in through
 * OpenID Connect and gets a role from Maillage's own list of agents (the identity provider says who
 * someone is, never what they may do here).
 */
export const ROLES = ['prefet', 'planificateur', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s)

export type Agent = Readonly<{
  email: string
  nom: string | null
  role: Role
  /** Départements of a préfet's scope; empty for the national roles. */
  departements: readonly string[]
}>

/** A préfet sees only the départements of their scope; planificateurs and admins see every département. */
export const porteeNationale = (agent: Agent): boolean => agent.role !== 'prefet'

export const accedeAuDepartement = (agent: Agent, departement: string): boolean =>
  porteeNationale(agent) || agent.departements.includes(departement)

/** Only an admin manages the list of agents. */
export const gereLesAgents = (agent: Agent): boolean => agent.role === 'admin'

/** E-mail addresses compare without case and surrounding spaces. */
export const normaliserEmail = (email: string): string => email.trim().toLowerCase()

/**
 * Who acts on a département's candidatures (imports them, gives the avis, deletes them): a préfet of that département,
 * or an admin. A planificateur reads them only.
 */
export const agitSurCandidatures = (agent: Agent, departement: string): boolean =>
  agent.role === 'admin' || (agent.role === 'prefet' && agent.departements.includes(departement))
