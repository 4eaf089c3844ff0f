import { z } from 'zod'

/** [ouest, sud, est, nord] in degrees. */
export const Bbox = z.tuple([z.number(), z.number(), z.number(), z.number()])

export const Departement = z.object({
  code: z.string(),
  nom: z.string(),
  region: z.string(),
  nomRegion: z.string(),
  com: z.boolean().meta({ description: 'collectivité d’outre-mer (hors chiffres nationaux hors COM)' }),
  population: z.number(),
  communes: z.number().int(),
  lieux: z.number().int(),
  bbox: Bbox.nullable().meta({ description: 'null quand le département n’a pas de contour' }),
})

export const CommuneTrouvee = z.object({
  code: z.string(),
  nom: z.string(),
  departement: z.string(),
  nomDepartement: z.string(),
  codesPostaux: z.array(z.string()),
  population: z.number(),
  longitude: z.number(),
  latitude: z.number(),
})

const part = z.number().nullable()
export const Indicateurs = z.object({
  ifn: z.object({ total: part, thd: part, quatreG: part, pauvrete: part, plus65ans: part, sansDiplome: part }).nullable()
    .meta({ description: 'indice de fragilité numérique et ses composantes' }),
  densite: z.string().nullable(),
  ruralite: z.string().nullable(),
  centralite: z.string().nullable(),
  frr: z.string().nullable(),
  montagne: z.boolean().nullable(),
  massif: z.string().nullable(),
  revenuMedian: z.number().nullable(),
  tauxPauvrete: z.number().nullable(),
})

export const Commune = CommuneTrouvee.extend({
  region: z.string(),
  epci: z.string().nullable(),
  nomEpci: z.string().nullable(),
  bbox: Bbox,
  indicateurs: Indicateurs,
})

export const ReponseDepartements = z.object({ ok: z.literal(true), departements: z.array(Departement) })
export const ReponseDepartement = z.object({ ok: z.literal(true), departement: Departement })
export const ReponseRecherche = z.object({ ok: z.literal(true), communes: z.array(CommuneTrouvee), truncated: z.boolean() })
export const ReponseCommune = z.object({ ok: z.literal(true), commune: Commune })

export type Bbox = z.infer<typeof Bbox>
export type Departement = z.infer<typeof Departement>
export type CommuneTrouvee = z.infer<typeof CommuneTrouvee>
export type Indicateurs = z.infer<typeof Indicateurs>
export type Commune = z.infer<typeof Commune>
