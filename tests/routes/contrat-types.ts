// Checked by the compiler (npm run typecheck), not run: each route that answers with c.json() gives a body whose
// type, as Hono infers it from the handler, is one of the contract's (server/contrat). A handler changed without its
// schema fails `tsc` here, before any test runs; routes that answer prebuilt bytes (c.body) have no inferred type and
// are checked at run time only (contrat-openapi.test.ts).
import type { hc, InferResponseType } from 'hono/client'
import type { StatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import type { AppType } from '../../server/app.ts'
import type * as comptes from '../../server/contrat/comptes.ts'
import type * as couverture from '../../server/contrat/couverture.ts'
import type { Erreur } from '../../server/contrat/erreur.ts'
import type * as lieux from '../../server/contrat/lieux.ts'
import type * as planification from '../../server/contrat/planification.ts'
import type * as sante from '../../server/contrat/sante.ts'
import type * as territoires from '../../server/contrat/territoires.ts'

type Client = ReturnType<typeof hc<AppType>>
/** A contract type as the server may build it: its arrays read-only (the server's own types say readonly). */
type Lecture<T> = T extends readonly (infer U)[] ? readonly Lecture<U>[] : T extends object ? { readonly [K in keyof T]: Lecture<T[K]> } : T
/** Compiles only when the answer `Reel` fits the contract's schema `S`. */
type Conforme<Reel extends Lecture<z.infer<S>>, S extends z.ZodType> = [Reel, S]
type R<Appel, Statut extends StatusCode> = InferResponseType<Appel, Statut>

export type Verifications = [
  Conforme<R<Client['sante']['$get'], 200>, typeof sante.Sante>,
  Conforme<R<Client['sante']['$get'], 503>, typeof sante.SanteIndisponible>,
  Conforme<R<Client['departements']['$get'], 200>, typeof territoires.ReponseDepartements>,
  Conforme<R<Client['departements'][':code']['$get'], 200>, typeof territoires.ReponseDepartement>,
  Conforme<R<Client['departements'][':code']['$get'], 404>, typeof Erreur>,
  Conforme<R<Client['departements'][':code']['communes']['$get'], 200>, typeof couverture.CommunesCouverture>,
  Conforme<R<Client['communes']['recherche']['$get'], 200>, typeof territoires.ReponseRecherche>,
  Conforme<R<Client['communes'][':code']['$get'], 200>, typeof territoires.ReponseCommune>,
  Conforme<R<Client['communes'][':code']['couverture']['$get'], 200>, typeof couverture.CouvertureUneCommune>,
  Conforme<R<Client['zones-blanches']['$get'], 200>, typeof couverture.ZonesBlanches>,
  Conforme<R<Client['lieux'][':id']['$get'], 200>, typeof lieux.ReponseLieu>,
  Conforme<R<Client['simulations']['$post'], 200>, typeof planification.Simulation>,
  Conforme<R<Client['optimisation']['$post'], 200>, typeof planification.Optimisation>,
  Conforme<R<Client['optimisation']['nationale']['$post'], 200>, typeof planification.OptimisationNationale>,
  Conforme<R<Client['moi']['$get'], 200>, typeof comptes.Moi>,
  Conforme<R<Client['deconnexion']['$post'], 200>, typeof comptes.Deconnexion>,
  Conforme<R<Client['scenarios']['$get'], 200>, typeof comptes.ReponseScenarios>,
  Conforme<R<Client['scenarios']['$post'], 201>, typeof comptes.ReponseScenario>,
  Conforme<R<Client['scenarios'][':id']['$get'], 200>, typeof comptes.ReponseScenario>,
  Conforme<R<Client['scenarios'][':id']['$put'], 200>, typeof comptes.ReponseScenario>,
  Conforme<R<Client['scenarios'][':id']['$delete'], 200>, typeof comptes.Supprime>,
  Conforme<R<Client['agents']['$get'], 200>, typeof comptes.ReponseAgents>,
  Conforme<R<Client['agents'][':email']['$put'], 200>, typeof comptes.ReponseAgent>,
  Conforme<R<Client['agents'][':email']['$delete'], 200>, typeof comptes.AgentSupprime>,
  // format=csv answers text (c.body): the JSON answer is the other member.
  Conforme<Exclude<R<Client['departements'][':code']['candidatures']['$get'], 200>, string>, typeof comptes.ListeCandidatures>,
  Conforme<R<Client['departements'][':code']['candidatures']['$post'], 201>, typeof comptes.ImportCandidatures>,
  // Hono merges the bodies of c.json(…, lu.status) where lu.status is 400 | 413: the envelope, whatever its status.
  Conforme<R<Client['departements'][':code']['candidatures']['$post'], 400>, typeof Erreur>,
  Conforme<R<Client['candidatures'][':id']['$get'], 200>, typeof comptes.ReponseCandidature>,
  Conforme<R<Client['candidatures'][':id']['avis']['$put'], 200>, typeof comptes.ReponseCandidature>,
  Conforme<R<Client['candidatures'][':id']['$delete'], 200>, typeof comptes.Supprime>,
  Conforme<R<Client['departements'][':code']['candidatures']['selection']['$post'], 200>, typeof comptes.SelectionCandidatures>,
  // format=csv answers the same route as text: the JSON body is the rest.
  Conforme<Exclude<R<Client['departements'][':code']['mise-en-relation']['$post'], 200>, string>, typeof comptes.MiseEnRelation>,
]
