import { z } from 'zod'
import { METHODES, STATUTS_COMMUNE } from '../domain/methode.ts'
import { CATEGORIES } from '../domain/offre.ts'

export const Categorie = z.enum(CATEGORIES)

/** The figures of a territory (README, « Chiffres »). */
export const Chiffres = z.object({
  population: z.number(),
  populationCouverte: z.number(),
  tauxCouverture: z.number().min(0).max(1),
  populationZonesBlanches: z.number(),
  communes: z.number().int(),
  communesZonesBlanches: z.number().int(),
  lieux: z.record(Categorie, z.number().int()).meta({ description: 'lieux actifs par catégorie de l’offre (0 hors de l’offre)' }),
  postes: z.number(),
  postesPour10000: z.number(),
  financementEtatEuros: z.number(),
  distanceMoyenneKm: z.number().nullable(),
  accessibiliteMediane: z.number().nullable().meta({ description: 'null quand la population est nulle' }),
  ifnMoyenZonesBlanches: z.number().nullable(),
  communesPartielles: z.number().int().optional().meta({ description: 'methode=carreaux seulement : communes dont une partie des habitants est couverte' }),
})

/** What the coverage answers echo of their parameters. */
const echo = {
  ok: z.literal(true),
  rayonKm: z.number(),
  offre: z.array(Categorie),
  methode: z.enum(METHODES).meta({ description: 'où les habitants sont comptés : carreaux de 1 km (défaut) ou point central de la commune' }),
  date: z.string().optional().meta({ description: 'AAAA-MM : les lieux connus à cette date (GET /evolution) ; sinon la date de l’import' }),
}

export const ChiffresRegion = Chiffres.extend({ code: z.string(), nom: z.string() })
export const ChiffresDepartement = ChiffresRegion.extend({ region: z.string(), com: z.boolean() })

export const CouvertureNationale = z.object({
  ...echo,
  national: Chiffres.extend({ inclutCom: z.literal(false) }),
  nationalAvecCom: Chiffres.extend({ inclutCom: z.literal(true) }),
  regions: z.array(ChiffresRegion),
  departements: z.array(ChiffresDepartement),
})

export const CouvertureDepartement = ChiffresDepartement.extend(echo)

export const LieuResume = z.object({ id: z.number().int(), nom: z.string(), categorie: Categorie })

/** One commune's coverage. */
export const CouvertureCommune = z.object({
  code: z.string(),
  nom: z.string(),
  departement: z.string(),
  population: z.number(),
  distanceKm: z.number().nullable().meta({ description: 'null quand l’offre est vide' }),
  couverte: z.boolean(),
  lieuLePlusProche: LieuResume.nullable(),
  accessibilite: z.number(),
  ifn: z.number().nullable(),
  // methode=carreaux only: the centre answers keep their former shape.
  statut: z.enum(STATUTS_COMMUNE).optional(),
  partCouverte: z.number().min(0).max(1).optional(),
  populationNonCouverte: z.number().optional(),
  parCarreaux: z.boolean().optional().meta({ description: 'false : commune sans centre de carreau ou d’outre-mer, comptée à son point central' }),
})

export const CommunesCouverture = z.object({ ...echo, communes: z.array(CouvertureCommune) })
export const CouvertureUneCommune = CouvertureCommune.extend(echo)
export const ZonesBlanches = z.object({
  ...echo,
  tri: z.enum(['population', 'population-non-couverte', 'ifn']),
  total: z.number().int().meta({ description: 'nombre de communes en zone blanche, au-delà de limit aussi' }),
  truncated: z.boolean(),
  communes: z.array(CouvertureCommune),
})

/** GET /api/evolution: one point per date at which a source of the offre arrives (then today). */
export const PointEvolution = z.object({
  date: z.string(),
  sources: z.array(z.object({ jeu: z.string(), libelle: z.string() })),
  nouvelles: z.array(z.string()),
  description: z.string().meta({ description: 'ce que le point contient, pour ne pas lire un changement de sources comme un changement sur le terrain' }),
  chiffres: Chiffres,
})
export const Evolution = z.object({
  ok: z.literal(true),
  rayonKm: z.number(),
  offre: z.array(Categorie),
  territoire: z.object({ code: z.string(), nom: z.string() }),
  dates: z.array(z.string()),
  points: z.array(PointEvolution),
})

export type Categorie = z.infer<typeof Categorie>
export type PointEvolution = z.infer<typeof PointEvolution>
export type Evolution = z.infer<typeof Evolution>
export type Chiffres = z.infer<typeof Chiffres>
export type ChiffresDepartement = z.infer<typeof ChiffresDepartement>
export type CouvertureNationale = z.infer<typeof CouvertureNationale>
export type CouvertureDepartement = z.infer<typeof CouvertureDepartement>
export type LieuResume = z.infer<typeof LieuResume>
export type CouvertureCommune = z.infer<typeof CouvertureCommune>
export type CommunesCouverture = z.infer<typeof CommunesCouverture>
export type CouvertureUneCommune = z.infer<typeof CouvertureUneCommune>
export type ZonesBlanches = z.infer<typeof ZonesBlanches>
