import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import { z } from 'zod'
import { fr } from 'zod/v4/locales'
import { isCodeCommune, isCodeDepartement } from '../domain/code-insee.ts'
import { METHODE_DEFAUT, METHODES, type Methode } from '../domain/methode.ts'
import { CATEGORIES, isCategorie, masqueOffre, type Categorie } from '../domain/offre.ts'
import { RAYON_DEFAUT_KM } from '../domain/vue-par-defaut.ts'
import { RAYON_MAX_KM, RAYON_MIN_KM } from '../spatial/couverture.ts'

z.config(fr())

/** zod validator whose failures answer 400 with the error envelope and a French message. */
export const valider = <Target extends keyof ValidationTargets, S extends z.ZodType>(cible: Target, schema: S) =>
  zValidator(cible, schema, (resultat, c) => {
    if (!resultat.success) {
      const [probleme] = resultat.error.issues
      const champ = probleme?.path.length ? `${probleme.path.join('.')} : ` : ''
      return c.json({ ok: false as const, error: `Paramètre invalide — ${champ}${probleme?.message ?? 'valeur refusée'}`, status: 400 }, 400)
    }
  })

/** A decimal number from the query string; rejects '', 'NaN', 'Infinity', '1e999'. */
export const nombre = (nom: string) =>
  z.string().trim().regex(/^-?\d+(?:[.,]\d+)?$/, `${nom} doit être un nombre décimal (ex. 10 ou 2.5)`).transform((s) => Number(s.replace(',', '.')))

export const rayonKm = nombre('rayonKm')
  .pipe(z.number().min(RAYON_MIN_KM, `rayonKm doit être au moins ${RAYON_MIN_KM} km`).max(RAYON_MAX_KM, `rayonKm doit être au plus ${RAYON_MAX_KM} km`))
  .default(RAYON_DEFAUT_KM)
  .meta({ description: `rayon de couverture en km (${RAYON_MIN_KM} à ${RAYON_MAX_KM})` })

/** Comma list of catégories; absent means the whole offre. */
export const offre = z
  .string()
  .max(200, 'offre est trop longue')
  .transform((s, ctx) => {
    const liste = s.split(',').map((x) => x.trim()).filter((x) => x !== '')
    const inconnues = liste.filter((x) => !isCategorie(x))
    if (inconnues.length > 0 || liste.length === 0) {
      ctx.addIssue({ code: 'custom', message: `offre inconnue : « ${inconnues.join(', ') || s} » ; valeurs possibles : ${CATEGORIES.join(', ')}` })
      return z.NEVER
    }
    return [...new Set(liste)] as Categorie[]
  })
  .optional()
  .transform((l) => l ?? [...CATEGORIES])
  .meta({ description: `catégories de lieux séparées par des virgules, parmi ${CATEGORIES.join(', ')} ; toutes par défaut` })

export const parametresCouverture = z.object({ rayonKm, offre })
export type ParametresRequete = z.infer<typeof parametresCouverture>

/** Where inhabitants are counted: on the 1 km grid (default) or at commune centres. */
export const methode = z.enum(METHODES, { message: `methode doit valoir ${METHODES.join(' ou ')}` }).default(METHODE_DEFAUT)
/** On the routes that take a `date` too: no default in the schema, `methodeDe` decides. */
export const methodeOuDate = z.enum(METHODES, { message: `methode doit valoir ${METHODES.join(' ou ')}` }).optional()
  .meta({ description: 'carreaux (défaut) ou centres ; avec date, centres seulement' })

/**
 * The method of a coverage request that may name a date: the lieux of an earlier date are counted at commune centres
 * (their engines hold no cells), so `date` alone means `centres` and `date` with `methode=carreaux` is refused.
 */
export function methodeDe(q: { methode?: Methode | undefined; date?: string | undefined }): { ok: true; methode: Methode } | { ok: false; message: string } {
  if (q.date === undefined) return { ok: true, methode: q.methode ?? METHODE_DEFAUT }
  if (q.methode === 'carreaux') return { ok: false, message: `Les lieux connus au ${q.date} sont comptés aux points centraux des communes : avec date, methode vaut centres.` }
  return { ok: true, methode: 'centres' }
}
export const parametresCouvertureMethode = parametresCouverture.extend({ methode })

/** Mask of the offre, and the offre in canonical order for the echo. */
export const lireOffre = (categories: readonly Categorie[]) => {
  const masque = masqueOffre(categories)
  return { masque, offre: CATEGORIES.filter((c) => categories.includes(c)) }
}

export const codeDepartement = z.string().trim().toUpperCase().refine(isCodeDepartement, 'code de département invalide (ex. 26, 2A, 974)')
  .meta({ description: 'code INSEE de département (ex. 26, 2A, 974)' })
export const codeCommune = z.string().trim().toUpperCase().refine(isCodeCommune, 'code INSEE de commune invalide (5 caractères, ex. 26113 ou 2A004)')
  .meta({ description: 'code INSEE de commune (ex. 26113, 2A004)' })
export const entier = (nom: string, min: number, max: number, defaut: number) =>
  z.string().trim().regex(/^\d{1,6}$/, `${nom} doit être un entier`).transform(Number)
    .pipe(z.number().min(min, `${nom} doit être au moins ${min}`).max(max, `${nom} doit être au plus ${max}`)).default(defaut)

/**
 * `date` of the evolution (YYYY-MM), among the dates the import holds; absent: the import's lieux. A well-formed date
 * the import does not hold is refused with the list of those it holds.
 */
export const dateEvolution = (dates: readonly string[]) =>
  z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'date doit être un mois AAAA-MM (ex. 2022-07)')
    .refine((d) => dates.includes(d), { message: `date inconnue ; dates possibles : ${dates.join(', ')}` })
    .optional()
