import type { Agent, Moi } from '../api/types.ts'

const ROLES: Record<Agent['role'], string> = { prefet: 'Préfecture', planificateur: 'Planification ANCT', admin: 'Administration' }

/** How the header names who is signed in: « Élise Drôme — Préfecture (07, 26) ». */
export function libelleConnecte(moi: Moi): string | null {
  if (!moi.identite) return null
  const qui = moi.identite.nom ?? moi.identite.email
  if (!moi.agent) return `${qui} — sans rôle`
  const portee = moi.agent.role === 'prefet' ? ` (${moi.agent.departements.join(', ')})` : ''
  return `${qui} — ${ROLES[moi.agent.role]}${portee}`
}
