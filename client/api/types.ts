// JSON shapes of the API contract. When server/app.ts exports AppType these become inferred by hc.

import type { Agent } from '../../server/domain/agent.ts'
import type { Methode as MethodeCouverture, StatutCouverture } from '../../server/domain/methode.ts'
import type { Categorie } from '../../server/domain/offre.ts'

export type { Categorie, MethodeCouverture, StatutCouverture }
// The server's list, repeated as a value because the client imports only types from server/.
export const CATEGORIES = ['conseillers-numeriques', 'france-services', 'mediation', 'aidants-connect'] as const satisfies readonly Categorie[]

export type Chiffres = {
  population: number
  populationCouverte: number
  tauxCouverture: number
  populationZonesBlanches: number
  communes: number
  communesZonesBlanches: number
  lieux: Record<Categorie, number>
  postes: number
  postesPour10000: number
  financementEtatEuros: number
  distanceMoyenneKm: number | null
  accessibiliteMediane: number
  ifnMoyenZonesBlanches: number | null
  /** Counted on the 1 km grid (methode carreaux) only. */
  communesPartielles?: number
}

export type Parametres = { rayonKm: number; offre: readonly Categorie[] }
export type Echo = { rayonKm: number; offre: Categorie[] }
/** The coverage answers say where they counted the inhabitants. */
type EchoCouverture = Echo & { methode?: MethodeCouverture }
export type Bbox = [number, number, number, number]

export type Source = {
  jeu: string
  fichier: string
  titre: string
  producteur: string
  licence: string
  millesime: string | number
  lus: number
  gardes: number
  fusionnes: number
  rejetes: number
}
export type Sante = { import: { id: string; date: string; sources: Source[] } }

export type Departement = {
  code: string
  nom: string
  region: string
  nomRegion: string
  population: number
  communes: number
  lieux: number
  com: boolean
  bbox: Bbox
}

export type CommuneTrouvee = {
  code: string
  nom: string
  departement: string
  nomDepartement: string
  codesPostaux: string[]
  population: number
  longitude: number
  latitude: number
}

export type Indicateurs = {
  ifn: { total: number; thd: number; quatreG: number; pauvrete: number; plus65ans: number; sansDiplome: number } | null
  densite: number | string | null
  ruralite: string | null
  centralite: number | string | null
  frr: boolean | string | null
  montagne: boolean | string | null
  revenuMedian: number | null
  tauxPauvrete: number | null
}

export type Commune = {
  code: string
  nom: string
  departement: string
  nomDepartement: string
  region: string
  epci: string | null
  population: number
  codesPostaux: string[]
  longitude: number
  latitude: number
  bbox: Bbox
  indicateurs: Indicateurs
}

export type LieuResume = { id: number | string; nom: string; categorie: Categorie }

export type CouvertureCommune = {
  code: string
  nom: string
  population: number
  distanceKm: number | null
  couverte: boolean
  lieuLePlusProche: LieuResume | null
  accessibilite: number | null
  ifn: number | null
  /** Counted on the 1 km grid (methode carreaux) only: `couverte` above stays the centre's. */
  statut?: StatutCouverture
  partCouverte?: number
  populationNonCouverte?: number
  /** false: a commune without cells, counted at its centre point. */
  parCarreaux?: boolean
}

export type CouvertureNationale = EchoCouverture & {
  national: Chiffres & { inclutCom: false }
  nationalAvecCom: Chiffres & { inclutCom: true }
  regions: (Chiffres & { code: string; nom: string })[]
  departements: (Chiffres & { code: string; nom: string; region: string; com: boolean })[]
}
export type ChiffresDepartement = Chiffres & { code: string; nom: string }
export type CouvertureDepartement = EchoCouverture & ChiffresDepartement & { region: string }
export type CommunesCouverture = EchoCouverture & { communes: CouvertureCommune[] }
export type CouvertureUneCommune = EchoCouverture & CouvertureCommune & { departement: string }
/** Orders of /zones-blanches: uncovered inhabitants (the default on cells), population, IFN. */
export type TriZonesBlanches = 'population-non-couverte' | 'population' | 'ifn'
export type ZonesBlanches = EchoCouverture & { communes: (CouvertureCommune & { departement: string })[]; total: number; truncated: boolean; tri?: TriZonesBlanches }

export type Lieu = {
  id: number | string
  nom: string
  categorie: Categorie
  categories: Categorie[]
  adresse: string | null
  codePostal: string | null
  commune: string | null
  codeInsee: string | null
  longitude: number
  latitude: number
  /** How the position is known: from the source, from a record of the same SIRET, or only the commune's centre. */
  localisation: 'source' | 'siret' | 'centre-commune'
  distanceKm: number
  horaires: string | null
  horairesTexte: string | null
  telephone: string | null
  siteWeb: string | null
  services: string[]
  sources: string[]
}
export type LieuxProches = { offre: Categorie[]; lieux: Lieu[] }

export type PointLieu = { type: 'Feature'; geometry: { type: 'Point'; coordinates: [number, number] }; properties: { id: number | string; nom: string; categorie: Categorie; categories: string } }
export type CollectionLieux = { type: 'FeatureCollection'; features: PointLieu[] }
export type Contour = { type: 'Feature'; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon; properties: { code: string; nom: string; region?: string } }
export type CollectionContours = { type: 'FeatureCollection'; features: Contour[] }
export type ContourCommune = { type: 'Feature'; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon; properties: { code: string; nom: string } }
export type CollectionCommunes = { type: 'FeatureCollection'; features: ContourCommune[] }

// Planning (POST bodies and answers of /simulations, /optimisation, /optimisation/nationale).
export type StatutCommune = 'couverte' | 'blanche'
export type AjoutPoste = { lon: number; lat: number; conseillers: number }
export type CorpsSimulation = { departement: string; rayonKm: number; offre: Categorie[]; ajouts: AjoutPoste[]; retraits: number[] }
export type CommuneChangee = { code: string; nom: string; departement: string; population: number; avant: StatutCommune; apres: StatutCommune }
export type Simulation = Echo & {
  departement: { code: string; nom: string }
  avant: Chiffres
  apres: Chiffres
  communesChangees: CommuneChangee[]
  ajouts: (AjoutPoste & { lieuId: number })[]
  communesRecalculees: number
}

export type Candidats = 'communes' | 'structures'
export type Poids = 'population' | 'population-ifn'
export type CorpsOptimisation = {
  departement: string
  rayonKm: number
  offre: Categorie[]
  nombrePostes: number
  candidats: Candidats
  poids: Poids
  /** The planner's current scenario: the sites proposed cover what it leaves blanc. */
  ajouts?: AjoutPoste[]
  retraits?: number[]
}
export type RaisonNonOptimal = 'erreur-solveur' | 'temps-limite' | 'trop-grand'
export type SitePropose = { lon: number; lat: number; code: string | null; nom: string; gain: number; lieuId: number | null }
export type Optimisation = Echo & {
  departement: { code: string; nom: string }
  nombrePostes: number
  candidats: Candidats
  poids: Poids
  sites: SitePropose[]
  objectif: number
  objectifGlouton: number
  optimal: boolean
  ecart: number
  borneSuperieure: number
  methode: 'exacte' | 'gloutonne'
  /** Why optimality is not proven (null when it is): what the server says, never guessed from the other fields. */
  raison: RaisonNonOptimal | null
  demande: { communes: number; poids: number }
  nbCandidats: number
  dureeMs: number
}
export type CorpsOptimisationNationale = { nombrePostes: number; rayonKm: number; offre: Categorie[]; candidats: Candidats; poids: Poids }
export type LigneNationale = { rang: number; code: string; nom: string; postes: number; gain: number; demande: number; optimal: boolean; raison: RaisonNonOptimal | null }
export type OptimisationNationale = Echo & {
  nombrePostes: number
  candidats: Candidats
  poids: Poids
  departements: LigneNationale[]
  gainTotal: number
  postesAttribues: number
  postesNonAttribues: number
  optimal: boolean
  dureeMs: number
}

// Agents' accounts (routes/connexion.ts, routes/scenarios.ts).
export type { Agent }
export type Moi = { connexionPossible: boolean; identite: { email: string; nom: string | null } | null; agent: Agent | null }
export type CorpsScenario = CorpsSimulation & { titre: string }
/** `version` counts the saved changes: a change names it (If-Match), so that it never overwrites an unseen one. */
export type ScenarioEnregistre = CorpsScenario & { id: number; auteur: string; creeLe: string; modifieLe: string; version: number }

// Candidatures of structures for funded postes (server/routes/candidatures.ts).
export type AvisCandidature = 'favorable' | 'reserve' | 'defavorable'
export type AvisDonne = { avis: AvisCandidature; commentaire: string; auteur: string; donneLe: string }
export type Candidature = {
  id: number
  departement: string
  siret: string
  nom: string
  type: 'collectivite' | 'privee'
  adresse: string
  codeInsee: string
  postes: number
  longitude: number
  latitude: number
  localisation: 'coordonnees' | 'commune'
  dateDepot: string | null
  importePar: string
  creeLe: string
  modifieLe: string
  avis: AvisDonne | null
  avisHistorique: AvisDonne[]
  coutEtatEuros: number
  gain: number
  populationPonderee: number
  coutParHabitantEuros: number | null
}
export type TriCandidatures = 'gain' | 'cout-par-habitant' | 'nom'
export type ListeCandidatures = Echo & { departement: string; tri: TriCandidatures; candidatures: Candidature[] }
export type RejetCandidature = { ligne: number; champ: string; motif: string }
export type ImportCandidatures = { importees: number; creees: number; modifiees: number; rejetees: RejetCandidature[]; colonnesIgnorees: string[] }
export type CorpsSelectionCandidatures = Parametres & { budgetEuros: number; seulementFavorables: boolean }
export type SelectionCandidatures = Echo & {
  retenues: number[]
  gain: number
  gainGlouton: number
  gainPopulation: number
  coutEuros: number
  postes: number
  optimal: boolean
  borneSuperieure: number
  methode: 'exacte' | 'gloutonne'
  candidaturesConsiderees: number
  ajouts: { lon: number; lat: number; conseillers: number }[]
  dureeMs: number
}
