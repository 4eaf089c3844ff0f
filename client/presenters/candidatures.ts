import type { Agent, AvisCandidature, Candidature, Parametres, SelectionCandidatures } from '../api/types.ts'
import { ecrirePlanification } from './scenario.ts'

export const LIBELLE_AVIS: Record<AvisCandidature, string> = { favorable: 'Favorable', reserve: 'Réservé', defavorable: 'Défavorable' }
export const LIBELLE_TYPE: Record<Candidature['type'], string> = { collectivite: 'Collectivité', privee: 'Structure privée' }

/** Who imports candidatures and gives avis in a département: its préfet, or an admin (the server decides; this only hides the forms). */
export const agitSurCandidatures = (agent: Agent | null | undefined, code: string): boolean =>
  agent != null && (agent.role === 'admin' || (agent.role === 'prefet' && agent.departements.includes(code)))

/** Who may list a département's candidatures: its préfet, a planificateur or an admin (the server decides; this only avoids asking in vain). */
export const voitCandidatures = (agent: Agent | null | undefined, code: string): boolean =>
  agent != null && (agent.role !== 'prefet' || agent.departements.includes(code))

/** « Favorable — Locaux confirmés (prefet@…, 28/11/2026) », or « Pas encore d’avis ». */
export function libelleAvis(c: Candidature): string {
  if (c.avis === null) return 'Pas encore d’avis'
  const date = new Date(c.avis.donneLe).toLocaleDateString('fr-FR')
  return `${LIBELLE_AVIS[c.avis.avis]}${c.avis.commentaire ? ` — ${c.avis.commentaire}` : ''} (${c.avis.auteur}, ${date})`
}

/** The planner with the retained candidatures as added postes: the selection becomes a scenario to examine and save. */
export const lienPlanificateur = (code: string, p: Parametres, s: Pick<SelectionCandidatures, 'ajouts'>): string =>
  `/planifier/${code}?${ecrirePlanification({ rayonKm: p.rayonKm, offre: p.offre, ajouts: s.ajouts, retraits: [] }).toString()}`

/**
 * What an import form says of a refused file: the server's message, except for a file whose rows were refused (422,
 * nothing done), where the way out is the form's checkbox (`caseACocher`) rather than the API's `?partiel=oui`.
 */
export function messageImportRefuse(status: number, message: string, rejetees: readonly Readonly<{ ligne: number }>[], partiel: boolean,
  { consequence = 'rien n’est importé', caseACocher = 'Importer les lignes valables même si d’autres sont refusées' } = {}): string {
  const n = new Set(rejetees.map((r) => r.ligne)).size
  if (status !== 422 || n === 0 || partiel) return message
  return `${n > 1 ? `${n} lignes refusées` : '1 ligne refusée'} : ${consequence}. Corrigez le fichier, ou cochez « ${caseACocher} ».`
}
