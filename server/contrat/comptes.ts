import { z } from 'zod'
import { ROLES } from '../domain/agent.ts'
import { AVIS, TYPES_STRUCTURE } from '../domain/candidature.ts'
import { Categorie } from './couverture.ts'
import { Erreur } from './erreur.ts'
import { Methode, Poids, Poste } from './planification.ts'

const ok = z.literal(true)

export const Agent = z.object({
  email: z.string(),
  nom: z.string().nullable(),
  role: z.enum(ROLES),
  departements: z.array(z.string()).meta({ description: 'périmètre d’un préfet ; vide pour les rôles nationaux' }),
})
export const Moi = z.object({
  ok,
  connexionPossible: z.boolean(),
  identite: z.object({ email: z.string(), nom: z.string().nullable() }).nullable(),
  agent: Agent.nullable(),
})
export const Deconnexion = z.object({ ok, redirection: z.string().nullable() })
export const ReponseAgents = z.object({ ok, agents: z.array(Agent) })
export const ReponseAgent = z.object({ ok, agent: Agent })
export const AgentSupprime = z.object({ ok, email: z.string() })

export const ScenarioEnregistre = z.object({
  id: z.number().int(),
  titre: z.string(),
  departement: z.string(),
  auteur: z.string(),
  creeLe: z.string(),
  modifieLe: z.string(),
  version: z.number().int().meta({ description: 'nombre de modifications enregistrées ; l’ETag du scénario est "vN"' }),
  rayonKm: z.number(),
  offre: z.array(Categorie),
  ajouts: z.array(Poste),
  retraits: z.array(z.number().int()),
})
export const ReponseScenarios = z.object({ ok, scenarios: z.array(ScenarioEnregistre) })
export const ReponseScenario = z.object({ ok, scenario: ScenarioEnregistre })
export const Supprime = z.object({ ok, id: z.number().int() })

export const AvisDonne = z.object({ avis: z.enum(AVIS), commentaire: z.string(), auteur: z.string(), donneLe: z.string() })
export const Candidature = z.object({
  id: z.number().int(),
  departement: z.string(),
  siret: z.string(),
  nom: z.string(),
  type: z.enum(TYPES_STRUCTURE),
  adresse: z.string(),
  codeInsee: z.string(),
  postes: z.number().int(),
  longitude: z.number(),
  latitude: z.number(),
  localisation: z.enum(['coordonnees', 'commune']),
  dateDepot: z.string().nullable(),
  importePar: z.string(),
  creeLe: z.string(),
  modifieLe: z.string(),
  avis: AvisDonne.nullable(),
  avisHistorique: z.array(AvisDonne),
})
/** A candidature with what it would bring on its own. */
export const CandidatureEvaluee = Candidature.extend({
  coutEtatEuros: z.number(),
  gain: z.number(),
  populationPonderee: z.number(),
  coutParHabitantEuros: z.number().nullable().meta({ description: 'null quand la candidature ne couvre personne de nouveau' }),
  communesCouvertes: z.array(z.object({ code: z.string(), nom: z.string(), population: z.number() }))
    .meta({ description: 'les zones blanches qu’elle couvrirait à elle seule, les plus peuplées d’abord' }),
})
export const TriCandidatures = z.enum(['gain', 'cout-par-habitant', 'nom'])
export const ListeCandidatures = z.object({
  ok, departement: z.string(), rayonKm: z.number(), offre: z.array(Categorie), tri: TriCandidatures, candidatures: z.array(CandidatureEvaluee),
})
export const ReponseCandidature = z.object({ ok, candidature: Candidature })

export const RejetCandidature = z.object({ ligne: z.number().int(), champ: z.string(), motif: z.string() })
export const ImportCandidatures = z.object({
  ok,
  importees: z.number().int(),
  creees: z.number().int(),
  modifiees: z.number().int(),
  rejetees: z.array(RejetCandidature),
  colonnesIgnorees: z.array(z.string()),
})
/** A refused import: the envelope, and the rows refused when the file could be read (422; 400: unreadable request). */
export const ImportRefuse = Erreur.extend({
  status: z.union([z.literal(400), z.literal(422)]),
  importees: z.literal(0).optional(),
  rejetees: z.array(RejetCandidature).optional(),
  colonnesIgnorees: z.array(z.string()).optional(),
})

export const SelectionCandidatures = z.object({
  ok,
  departement: z.string(),
  rayonKm: z.number(),
  offre: z.array(Categorie),
  poids: Poids,
  budgetEuros: z.number().nullable(),
  nombrePostes: z.number().int().nullable(),
  seulementFavorables: z.boolean(),
  candidaturesConsiderees: z.number().int(),
  retenues: z.array(z.number().int()),
  gain: z.number(),
  gainGlouton: z.number(),
  gainPopulation: z.number(),
  coutEuros: z.number(),
  postes: z.number().int(),
  optimal: z.boolean(),
  borneSuperieure: z.number(),
  methode: Methode,
  ajouts: z.array(Poste),
  dureeMs: z.number(),
})

/** A recruit as read from the agent's file and located (commune centre or coordinates given); never stored. */
export const RecrueLue = z.object({
  id: z.string(), lon: z.number(), lat: z.number(), codeInsee: z.string().nullable(), distanceMaxKm: z.number(), disponibleLe: z.string().nullable(),
})
export const AffectationRecrue = z.object({ candidat: z.string(), candidature: z.number().int(), nom: z.string(), distanceKm: z.number() })
export const RecrueSansPoste = z.object({
  candidat: z.string(),
  raison: z.enum(['aucun-poste-a-portee', 'postes-a-portee-pourvus', 'disponible-trop-tard']),
  motif: z.string(),
})
export const MiseEnRelation = z.object({
  ok,
  departement: z.string(),
  datePriseDePoste: z.string().nullable(),
  candidaturesConsiderees: z.number().int(),
  recrues: z.array(RecrueLue),
  affectations: z.array(AffectationRecrue),
  candidatsSansPoste: z.array(RecrueSansPoste),
  postesNonPourvus: z.array(z.object({ candidature: z.number().int(), places: z.number().int() })),
  distanceTotaleKm: z.number(),
  rejetees: z.array(RejetCandidature),
  colonnesIgnorees: z.array(z.string()),
})

export type Agent = z.infer<typeof Agent>
export type Moi = z.infer<typeof Moi>
export type ScenarioEnregistre = z.infer<typeof ScenarioEnregistre>
export type AvisDonne = z.infer<typeof AvisDonne>
export type Candidature = z.infer<typeof Candidature>
export type CandidatureEvaluee = z.infer<typeof CandidatureEvaluee>
export type TriCandidatures = z.infer<typeof TriCandidatures>
export type ListeCandidatures = z.infer<typeof ListeCandidatures>
export type RejetCandidature = z.infer<typeof RejetCandidature>
export type ImportCandidatures = z.infer<typeof ImportCandidatures>
export type SelectionCandidatures = z.infer<typeof SelectionCandidatures>
export type MiseEnRelation = z.infer<typeof MiseEnRelation>
export type RecrueLue = z.infer<typeof RecrueLue>
export type AffectationRecrue = z.infer<typeof AffectationRecrue>
export type RecrueSansPoste = z.infer<typeof RecrueSansPoste>
