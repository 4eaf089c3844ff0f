// The API's answers as the client reads them: inferred from the zod schemas that the server's contract test checks
// every answer against (server/contrat), and its request bodies from the validators of the routes. Type-only imports:
// nothing of the server reaches the bundle.
import type { z } from 'zod'
import type { Categorie } from '../../server/domain/offre.ts'
import type { CorpsNational, CorpsOptimisation as SchemaOptimisation } from '../../server/routes/optimisation.ts'
import type { CorpsScenario as SchemaScenario } from '../../server/routes/scenarios.ts'
import type { CorpsSimulation as SchemaSimulation } from '../../server/routes/simulations.ts'
import type { CorpsSelection } from '../../server/routes/candidatures-selection.ts'
import type { ContoursDepartements, ContoursRegions } from '../../server/contrat/lieux.ts'
import type { AvisDonne } from '../../server/contrat/comptes.ts'
import type { Poste } from '../../server/contrat/planification.ts'

export type { Categorie }
export type { Methode as MethodeCouverture, StatutCouverture } from '../../server/domain/methode.ts'
export type {
  Chiffres, CommunesCouverture, CouvertureCommune, CouvertureDepartement, CouvertureNationale, CouvertureUneCommune, LieuResume,
  ZonesBlanches, Evolution, PointEvolution,
} from '../../server/contrat/couverture.ts'
export type { Bbox, Commune, CommuneTrouvee, Departement, Indicateurs } from '../../server/contrat/territoires.ts'
export type { Sante, SourceImportee as Source } from '../../server/contrat/sante.ts'
export type {
  CollectionLieux, ContoursCommunes as CollectionCommunes, LieuDetaille, LieuProche as Lieu, LieuxProches, PointLieu, SourceLieu,
} from '../../server/contrat/lieux.ts'
export type {
  Candidats, CommuneChangee, LigneNationale, Optimisation, OptimisationNationale, Poids, RaisonNonOptimal, Simulation, SitePropose, StatutCommune,
} from '../../server/contrat/planification.ts'
export type {
  Agent, Candidature, CandidatureEvaluee, ImportCandidatures, ListeCandidatures, Moi, RejetCandidature, ScenarioEnregistre,
  SelectionCandidatures, TriCandidatures, MiseEnRelation, RecrueLue, AffectationRecrue, RecrueSansPoste,
} from '../../server/contrat/comptes.ts'

/** Orders of /zones-blanches: uncovered inhabitants (the default on cells), population, IFN. */
export type TriZonesBlanches = import('../../server/contrat/couverture.ts').ZonesBlanches['tri']

/** What the client asks of the coverage routes. */
export type Parametres = { rayonKm: number; offre: readonly Categorie[] }
/** Parameters of the routes that can show an earlier date of the evolution (null or absent: today's import). */
export type ParametresDates = Parametres & { date?: string | null }
/** The outlines of départements or régions: the maps read their code and name. */
export type CollectionContours = ContoursDepartements | ContoursRegions
export type AjoutPoste = Poste
export type AvisCandidature = AvisDonne['avis']

// Request bodies as the client sends them: every field, in the form the server's validator outputs (what it accepts too).
export type CorpsSimulation = z.output<typeof SchemaSimulation>
export type CorpsScenario = z.output<typeof SchemaScenario>
export type CorpsOptimisation = Omit<z.output<typeof SchemaOptimisation>, 'tempsLimiteMs' | 'ajouts' | 'retraits'>
  & Partial<Pick<z.output<typeof SchemaOptimisation>, 'ajouts' | 'retraits'>>
export type CorpsOptimisationNationale = z.output<typeof CorpsNational>
export type CorpsSelectionCandidatures = Parametres & Required<Pick<z.input<typeof CorpsSelection>, 'budgetEuros' | 'seulementFavorables'>>

/**
 * What a matching is asked from: the file of recruits, the candidatures whose postes to fill, whether to skip refused
 * rows, and the day the postes start (AAAA-MM-JJ; null: availability is not considered). Sent as a form, not JSON.
 */
export type DemandeMiseEnRelation = { fichier: File; candidatures: readonly number[]; partiel: boolean; datePriseDePoste: string | null }
