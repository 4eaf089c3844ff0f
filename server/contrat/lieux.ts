import { z } from 'zod'
import { COLONNES_SCHEMA } from '../domain/schema-mediation.ts'
import { Categorie } from './couverture.ts'

const champsLieu = {
  id: z.number().int(),
  nom: z.string(),
  categorie: Categorie,
  categories: z.array(Categorie),
  adresse: z.string().nullable(),
  codePostal: z.string().nullable(),
  commune: z.string(),
  codeInsee: z.string(),
  departement: z.string(),
  longitude: z.number(),
  latitude: z.number(),
  localisation: z.enum(['source', 'siret', 'centre-commune'])
    .meta({ description: 'd’où vient la position : la source, un autre enregistrement du même SIRET, ou seulement le centre de la commune' }),
  siret: z.string().nullable(),
  postes: z.number(),
  typeStructure: z.string().nullable(),
  itinerant: z.boolean(),
  horaires: z.string().nullable().meta({ description: 'au format OSM opening_hours' }),
  horairesTexte: z.string().nullable(),
  telephone: z.string().nullable(),
  siteWeb: z.string().nullable(),
  services: z.array(z.string()),
  actif: z.boolean(),
  dateMaj: z.string().nullable(),
}

/** A lieu as the nearest-lieux answer gives it: `sources` names the jeux of its records. */
export const LieuProche = z.object({ ...champsLieu, sources: z.array(z.string()), distanceKm: z.number() })

export const LieuxProches = z.object({
  ok: z.literal(true),
  offre: z.array(Categorie),
  origine: z.object({ longitude: z.number(), latitude: z.number(), commune: z.object({ code: z.string(), nom: z.string() }).optional() }),
  lieux: z.array(LieuProche),
})

/** One record of a source merged into the lieu, as read. */
export const SourceLieu = z.object({
  jeu: z.string(),
  idSource: z.string(),
  ligne: z.number().int(),
  fusion: z.string().nullable(),
  donnees: z.record(z.string(), z.unknown()),
})

/** A lieu with every source record merged into it. */
export const LieuDetaille = z.object({ ...champsLieu, sources: z.array(SourceLieu) })
export const ReponseLieu = z.object({ ok: z.literal(true), lieu: LieuDetaille })

const Position = z.tuple([z.number(), z.number()])
const Anneau = z.array(Position)
export const Surface = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Anneau) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Anneau)) }),
])

export const PointLieu = z.object({
  type: z.literal('Feature'),
  id: z.number().int(),
  geometry: z.object({ type: z.literal('Point'), coordinates: Position }),
  properties: z.object({
    id: z.number().int(),
    nom: z.string(),
    categorie: Categorie,
    categories: z.string().meta({ description: 'catégories séparées par des virgules' }),
    itinerant: z.boolean(),
  }),
})
export const CollectionLieux = z.object({ type: z.literal('FeatureCollection'), features: z.array(PointLieu) })

const contour = <P extends z.ZodObject>(properties: P) =>
  z.object({ type: z.literal('FeatureCollection'), features: z.array(z.object({ type: z.literal('Feature'), geometry: Surface, properties })) })
export const ContoursDepartements = contour(z.object({ code: z.string(), nom: z.string(), region: z.string() }))
export const ContoursRegions = contour(z.object({ code: z.string(), nom: z.string() }))
export const ContoursCommunes = contour(z.object({ code: z.string(), nom: z.string() }))

/** One lieu in the schéma des lieux de médiation numérique: its column names, absent fields left out. */
export const LigneSchemaMediation = z.partialRecord(z.enum(COLONNES_SCHEMA), z.union([z.string(), z.number()]))
export const LieuxSchemaMediation = z.array(LigneSchemaMediation)

export type LieuProche = z.infer<typeof LieuProche>
export type LieuxProches = z.infer<typeof LieuxProches>
export type SourceLieu = z.infer<typeof SourceLieu>
export type LieuDetaille = z.infer<typeof LieuDetaille>
export type PointLieu = z.infer<typeof PointLieu>
export type CollectionLieux = z.infer<typeof CollectionLieux>
export type ContoursDepartements = z.infer<typeof ContoursDepartements>
export type ContoursRegions = z.infer<typeof ContoursRegions>
export type ContoursCommunes = z.infer<typeof ContoursCommunes>
