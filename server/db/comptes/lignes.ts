import { isRole, normaliserEmail, type Agent } from '../../domain/agent.ts'
import { isAvis } from '../../domain/candidature.ts'
import type { AgentAEnregistrer, AvisDonne, Candidature, ContenuScenario, Scenario } from '../comptes.ts'

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

export type LigneCandidature = {
  id: number; departement: string; siret: string; nom: string; type: string; adresse: string; code_insee: string; postes: number
  longitude: number; latitude: number; localisation: string; date_depot: string | null; importe_par: string; cree_le: string; modifie_le: string
}
export type LigneAvis = { candidature: number; avis: string; commentaire: string; auteur: string; donne_le: string }

/** The columns of a candidature, in the order of `valeursCandidature`. */
export const COLONNES_CANDIDATURE = ['siret', 'nom', 'type', 'adresse', 'code_insee', 'postes', 'longitude', 'latitude', 'localisation', 'date_depot'] as const

export const valeursCandidature = (c: Omit<Candidature, 'id' | 'departement' | 'importePar' | 'creeLe' | 'modifieLe' | 'avis' | 'avisHistorique'>) =>
  [c.siret, c.nom, c.type, c.adresse, c.codeInsee, c.postes, c.longitude, c.latitude, c.localisation, c.dateDepot] as const

const versAvis = (l: LigneAvis): AvisDonne => {
  if (!isAvis(l.avis)) throw new Error(`candidature ${l.candidature}: avis inconnu ${l.avis}`)
  return { avis: l.avis, commentaire: l.commentaire, auteur: l.auteur, donneLe: l.donne_le }
}

/** Candidatures with their avis (`avis` ordered by id, oldest first). */
export function versCandidatures(lignes: readonly LigneCandidature[], avis: readonly LigneAvis[]): Candidature[] {
  const parCandidature = new Map<number, AvisDonne[]>()
  for (const a of avis) {
    const liste = parCandidature.get(a.candidature) ?? []
    liste.push(versAvis(a))
    parCandidature.set(a.candidature, liste)
  }
  return lignes.map((l) => {
    const historique = parCandidature.get(l.id) ?? []
    return {
      id: l.id, departement: l.departement, siret: l.siret, nom: l.nom, type: l.type === 'privee' ? 'privee' : 'collectivite', adresse: l.adresse,
      codeInsee: l.code_insee, postes: l.postes, longitude: Number(l.longitude), latitude: Number(l.latitude),
      localisation: l.localisation === 'coordonnees' ? 'coordonnees' : 'commune', dateDepot: l.date_depot,
      importePar: l.importe_par, creeLe: l.cree_le, modifieLe: l.modifie_le,
      avis: historique.at(-1) ?? null, avisHistorique: historique,
    }
  })
}
