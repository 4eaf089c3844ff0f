import { z } from 'zod'
import { Erreur } from './erreur.ts'

/** One source of the import, with what the build read, kept, merged and rejected. */
export const SourceImportee = z.object({
  jeu: z.string(),
  fichier: z.string(),
  titre: z.string(),
  producteur: z.string(),
  amont: z.string(),
  url: z.string().optional(),
  licence: z.string(),
  millesime: z.string(),
  recupere: z.string().optional().meta({ description: 'date (AAAA-MM-JJ) de la copie du fichier' }),
  sha256: z.string().optional(),
  octets: z.number().int().optional(),
  optionnel: z.boolean().optional(),
  lus: z.number().int(),
  gardes: z.number().int(),
  fusionnes: z.number().int(),
  rejetes: z.number().int(),
  dateMajMax: z.string().optional().meta({ description: 'la date_maj la plus récente des lieux gardés (sources de lieux seulement)' }),
})

export const Import = z.object({ id: z.string(), date: z.string(), dureeMs: z.number(), sources: z.array(SourceImportee) })

export const MillesimeOffre = z.object({
  fichierNational: z.object({ fichier: z.string(), dateMajMax: z.string() }).nullable(),
  sources: z.array(z.object({ jeu: z.string(), fichier: z.string(), millesime: z.string(), dateMajMax: z.string() })),
})

export const Sante = z.object({ ok: z.literal(true), import: Import, offre: MillesimeOffre, comptes: z.literal('joignable') })
export const SanteIndisponible = Erreur.extend({ status: z.literal(503), import: Import, comptes: z.literal('injoignable') })

export type SourceImportee = z.infer<typeof SourceImportee>
export type Sante = z.infer<typeof Sante>
