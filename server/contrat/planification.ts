import { z } from 'zod'
import { METHODES, STATUTS_COMMUNE } from '../domain/methode.ts'
import { Categorie, Chiffres } from './couverture.ts'

const echo = { ok: z.literal(true), rayonKm: z.number(), offre: z.array(Categorie) }
const Territoire = z.object({ code: z.string(), nom: z.string() })
export const StatutCommune = z.enum(STATUTS_COMMUNE).meta({ description: 'partielle seulement avec methode=carreaux' })
export const Poste = z.object({ lon: z.number(), lat: z.number(), conseillers: z.number().int() })
export const Candidats = z.enum(['communes', 'structures'])
export const Poids = z.enum(['population', 'population-ifn'])
export const Methode = z.enum(['exacte', 'gloutonne'])
export const RaisonNonOptimal = z.enum(['erreur-solveur', 'temps-limite', 'trop-grand'])

export const CommuneChangee = z.object({
  code: z.string(), nom: z.string(), departement: z.string(), population: z.number(), avant: StatutCommune, apres: StatutCommune,
})

export const Simulation = z.object({
  ...echo,
  methode: z.enum(METHODES).meta({ description: 'où les habitants sont comptés : carreaux de 1 km (défaut) ou point central de la commune' }),
  departement: Territoire,
  avant: Chiffres,
  apres: Chiffres,
  communesChangees: z.array(CommuneChangee),
  ajouts: z.array(Poste.extend({ lieuId: z.number().int().meta({ description: 'identifiant provisoire du lieu ajouté' }) })),
  communesRecalculees: z.number().int(),
  carreauxRecalcules: z.number().int().meta({ description: 'carreaux dont le lieu le plus proche change (0 avec methode=centres)' }),
})

export const SitePropose = z.object({
  lon: z.number(), lat: z.number(), code: z.string().nullable(), nom: z.string(), gain: z.number(), lieuId: z.number().int().nullable(),
})

export const Optimisation = z.object({
  ...echo,
  departement: Territoire,
  nombrePostes: z.number().int(),
  candidats: Candidats,
  poids: Poids,
  sites: z.array(SitePropose),
  objectif: z.number(),
  objectifGlouton: z.number(),
  optimal: z.boolean(),
  ecart: z.number(),
  borneSuperieure: z.number(),
  methode: Methode,
  raison: RaisonNonOptimal.nullable().meta({ description: 'pourquoi l’optimalité n’est pas prouvée ; null quand elle l’est' }),
  methodeCouverture: z.enum(METHODES).meta({ description: 'où les habitants à couvrir sont comptés : carreaux de 1 km (défaut) ou point central de la commune' }),
  demande: z.object({
    communes: z.number().int().meta({ description: 'communes où des habitants restent à couvrir' }),
    points: z.number().int().meta({ description: 'points de demande donnés au solveur (carreaux regroupés quand les mêmes sites les atteignent)' }),
    poids: z.number(),
  }),
  nbCandidats: z.number().int(),
  dureeMs: z.number(),
})

export const LigneNationale = z.object({
  rang: z.number().int(), code: z.string(), nom: z.string(), postes: z.number().int(), gain: z.number(), demande: z.number(),
  optimal: z.boolean(), raison: RaisonNonOptimal.nullable(),
})

export const OptimisationNationale = z.object({
  ...echo,
  nombrePostes: z.number().int(),
  candidats: Candidats,
  poids: Poids,
  methodeCouverture: z.enum(METHODES).meta({ description: 'où les habitants à couvrir sont comptés' }),
  departements: z.array(LigneNationale),
  gainTotal: z.number(),
  postesAttribues: z.number().int(),
  postesNonAttribues: z.number().int(),
  optimal: z.boolean(),
  dureeMs: z.number(),
})

export type StatutCommune = z.infer<typeof StatutCommune>
export type Poste = z.infer<typeof Poste>
export type Candidats = z.infer<typeof Candidats>
export type Poids = z.infer<typeof Poids>
export type RaisonNonOptimal = z.infer<typeof RaisonNonOptimal>
export type CommuneChangee = z.infer<typeof CommuneChangee>
export type Simulation = z.infer<typeof Simulation>
export type SitePropose = z.infer<typeof SitePropose>
export type Optimisation = z.infer<typeof Optimisation>
export type LigneNationale = z.infer<typeof LigneNationale>
export type OptimisationNationale = z.infer<typeof OptimisationNationale>
