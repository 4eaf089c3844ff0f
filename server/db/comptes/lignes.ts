import { isRole, normaliserEmail, type Agent } from '../../domain/agent.ts'
import type { AgentAEnregistrer, ContenuScenario, Scenario } from '../comptes.ts'

// Rows of the store's tables, the same on both engines, and their mapping to domain types.

export type LigneAgent = { email: string; nom: string | null; role: string; departements: string }
export type LigneSession = { sujet: string; email: string; nom: string | null; jeton_id: string | null; expire_le: number | string }
export type LigneScenario = {
  id: number; titre: string; departement: string; contenu: string; auteur: string; cree_le: string; modifie_le: string; version: number
}

export const versAgent = (l: LigneAgent): Agent => {
  if (!isRole(l.role)) throw new Error(`agent ${l.email}: rôle inconnu ${l.role}`)
  return { email: l.email, nom: l.nom, role: l.role, departements: JSON.parse(l.departements) as string[] }
}

export const versSession = (l: LigneSession) =>
  ({ sujet: l.sujet, email: l.email, nom: l.nom, jetonId: l.jeton_id, expireLe: Number(l.expire_le) })

export const versScenario = (l: LigneScenario): Scenario => ({
  id: l.id, titre: l.titre, departement: l.departement, auteur: l.auteur, creeLe: l.cree_le, modifieLe: l.modifie_le, version: l.version,
  ...(JSON.parse(l.contenu) as ContenuScenario),
})

/** The row of an agent to write: e-mail in lower case, départements for préfets only, sorted, once each. */
export const ligneAgent = (a: AgentAEnregistrer, modifieLe: string) => ({
  email: normaliserEmail(a.email),
  nom: a.nom ?? null,
  role: a.role,
  departements: JSON.stringify(a.role === 'prefet' ? [...new Set(a.departements ?? [])].sort() : []),
  modifieLe,
})
