import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { limitesCalcul } from '../calculs/delais.ts'
import { lireCsvSelon } from '../candidatures/lecture.ts'
import {
  DISTANCE_MAX_DEFAUT_KM, DISTANCE_MAX_MAX_KM, DISTANCE_MAX_MIN_KM, SCHEMA_RECRUES, verifierRecrues, type RecrueLue, type RejetRecrue,
} from '../candidatures/recrues.ts'
import { referentielCandidatures } from '../candidatures/referentiel.ts'
import { lireDate } from '../candidatures/verification.ts'
import type { VariablesSession } from '../comptes/session.ts'
import { accedeAuDepartement, agitSurCandidatures } from '../domain/agent.ts'
import { normaliserCodeInsee } from '../domain/code-insee.ts'
import type { RaisonSansPoste } from '../spatial/index.ts'
import { exigerAgent, type VariablesAgent } from './acces.ts'
import type { DepsCandidatures } from './candidatures.ts'
import { enTeteCsv, versCsv } from './csv.ts'
import { erreur } from './erreurs.ts'
import { octetsTeleverses } from './fichier-televerse.ts'
import { calculer } from './optimisation.ts'
import { codeDepartement, valider } from './validation.ts'

/** Most recruits matched in one call: a département's call for applications is far smaller. */
export const MAX_RECRUES = 2_000
/** Largest file of recruits (the guard in front of /api lets this route's body reach MAILLAGE_TAILLE_MAX_IMPORT). */
const TAILLE_MAX_FICHIER_OCTETS = 1024 * 1024

const ParamDepartement = z.object({ code: codeDepartement })
export const QueryMiseEnRelation = z.object({
  format: z.enum(['json', 'csv'], { error: 'format doit valoir json ou csv' }).default('json'),
  partiel: z.enum(['oui', 'non'], { error: 'partiel doit valoir oui ou non' }).default('non'),
  /** The day the postes start: a recruit available only later is left out (`disponible-trop-tard`). */
  datePriseDePoste: z.string().trim().transform((s, ctx) => {
    const d = lireDate(s)
    if (d === null) {
      ctx.addIssue({ code: 'custom', message: `une date qui existe attendue (AAAA-MM-JJ ou JJ/MM/AAAA), reçu « ${s} »` })
      return z.NEVER
    }
    return d
  }).optional(),
  /** With a file of recruits: the candidatures whose postes to fill, as `12,15,18`; favourable ones when absent. */
  candidatures: z.string().trim().regex(/^\d{1,9}(,\d{1,9}){0,4999}$/, 'des identifiants de candidatures séparés par des virgules (ex. 12,15,18)')
    .transform((s) => s.split(',').map(Number)).optional(),
})
const Recrue = z.strictObject({
  id: z.string({ error: 'id doit être un texte' }).trim().min(1, 'id est requis').max(64, 'id : 64 caractères au plus'),
  codeInsee: z.string().optional(),
  lon: z.number({ error: 'lon doit être un nombre (degrés)' }).min(-180).max(180).optional(),
  lat: z.number({ error: 'lat doit être un nombre (degrés)' }).min(-90).max(90).optional(),
  distanceMaxKm: z.number({ error: 'distanceMaxKm doit être un nombre (km)' }).min(DISTANCE_MAX_MIN_KM, `distanceMaxKm : ${DISTANCE_MAX_MIN_KM} km au moins`)
    .max(DISTANCE_MAX_MAX_KM, `distanceMaxKm : ${DISTANCE_MAX_MAX_KM} km au plus`).default(DISTANCE_MAX_DEFAUT_KM),
  disponibleLe: z.string({ error: 'disponibleLe doit être une date (AAAA-MM-JJ)' }).trim().transform((s, ctx) => {
    const d = lireDate(s)
    if (d === null) {
      ctx.addIssue({ code: 'custom', message: `une date qui existe attendue (AAAA-MM-JJ), reçu « ${s} »` })
      return z.NEVER
    }
    return d
  }).optional(),
}).refine((r) => r.codeInsee !== undefined || (r.lon !== undefined && r.lat !== undefined), { message: 'chaque recrue a un codeInsee, ou lon et lat' })
export const CorpsMiseEnRelation = z.strictObject({
  recrues: z.array(Recrue).min(1, 'au moins une recrue').max(MAX_RECRUES, `${MAX_RECRUES.toLocaleString('fr-FR')} recrues au plus`),
  /** Candidatures to fill; those whose current avis is favorable when absent. */
  candidatures: z.array(z.number().int().positive()).max(5_000).optional(),
}).refine((c) => new Set(c.recrues.map((r) => r.id)).size === c.recrues.length, { message: 'deux recrues ont le même id', path: ['recrues'] })

const MOTIF_SANS_POSTE: Record<RaisonSansPoste, (km: number) => string> = {
  'aucun-poste-a-portee': (km) => `aucune structure à ${km.toLocaleString('fr-FR')} km ou moins`,
  'postes-a-portee-pourvus': (km) => `les postes à ${km.toLocaleString('fr-FR')} km ou moins sont tous pourvus par d’autres recrues`,
}
const dateFr = (iso: string) => iso.split('-').reverse().join('/')

type Lues = { recrues: RecrueLue[]; candidatures: number[] | undefined; rejetees: RejetRecrue[]; colonnesIgnorees: string[] }

/**
 * POST /departements/:code/mise-en-relation: which recruit goes to which candidature's postes — as many recruits placed
 * as possible, each within their distance, then the least total distance (`affecter`, in the worker pool). The recruits
 * come as JSON `{ recrues, candidatures? }`, or as a file (CSV in the body or the `fichier` field of a form, read like a
 * file of candidatures) with `?candidatures=` and `?partiel=`. `?format=csv` answers the matching as a spreadsheet.
 * Nothing about the recruits is stored. A préfet of the département or an admin.
 */
export const miseEnRelationRoutes = (deps: Pick<DepsCandidatures, 'comptes' | 'territoires' | 'contours' | 'calculs' | 'delais'>) => {
  const referentiel = referentielCandidatures(deps.territoires, deps.contours)

  /** The recruits of a JSON body or of a file, or the answer that refuses them. */
  async function lireRecrues(c: Context, partiel: boolean, candidatures: number[] | undefined): Promise<{ ok: true; lues: Lues } | { ok: false; status: 400 | 413 | 422; corps: object }> {
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (/^application\/([\w.-]+\+)?json$/.test(type)) {
      let brut: unknown
      try {
        brut = await c.req.json()
      } catch {
        return { ok: false, status: 400, corps: erreur(400, 'Le corps de la requête n’est pas du JSON valide') }
      }
      const r = CorpsMiseEnRelation.safeParse(brut)
      if (!r.success) {
        const [p] = r.error.issues
        return { ok: false, status: 400, corps: erreur(400, `Paramètre invalide — ${p?.path.length ? `${p.path.join('.')} : ` : ''}${p?.message ?? 'valeur refusée'}`) }
      }
      const recrues: RecrueLue[] = []
      for (const [k, x] of r.data.recrues.entries()) {
        const base = { ligne: k + 1, id: x.id, distanceMaxKm: x.distanceMaxKm, disponibleLe: x.disponibleLe ?? null }
        if (x.lon !== undefined && x.lat !== undefined) {
          recrues.push({ ...base, longitude: x.lon, latitude: x.lat, codeInsee: null })
          continue
        }
        const insee = normaliserCodeInsee(x.codeInsee)
        const commune = insee === null ? undefined : deps.territoires.commune(insee)
        if (commune === undefined) return { ok: false, status: 400, corps: erreur(400, `Paramètre invalide — recrues.${k}.codeInsee : commune inconnue « ${x.codeInsee ?? ''} »`) }
        recrues.push({ ...base, longitude: commune.longitude, latitude: commune.latitude, codeInsee: commune.code })
      }
      return { ok: true, lues: { recrues, candidatures: r.data.candidatures, rejetees: [], colonnesIgnorees: [] } }
    }
    const lu = await octetsTeleverses(c, TAILLE_MAX_FICHIER_OCTETS, `Fichier trop volumineux : ${TAILLE_MAX_FICHIER_OCTETS / 1024 / 1024} Mo au plus (${MAX_RECRUES} recrues).`)
    if ('motif' in lu) return { ok: false, status: lu.status, corps: erreur(lu.status, lu.motif) }
    const lecture = lireCsvSelon(lu.octets, MAX_RECRUES, SCHEMA_RECRUES)
    if (!lecture.ok) return { ok: false, status: 400, corps: erreur(400, lecture.motif) }
    if (lecture.lignes.length === 0) return { ok: false, status: 400, corps: erreur(400, 'Le fichier ne contient aucune recrue (seulement l’en-tête).') }
    const { recrues, rejetees } = verifierRecrues(lecture.lignes, referentiel)
    // As with candidatures: the file was read but a row refused, and nothing is matched without partiel=oui (422).
    if (recrues.length === 0 || (rejetees.length > 0 && !partiel)) {
      const n = new Set(rejetees.map((x) => x.ligne)).size
      const refusees = n > 1 ? `${n} lignes refusées` : '1 ligne refusée'
      const message = recrues.length === 0
        ? `Aucune recrue n’est valable (${refusees}) : personne n’est mis en relation.`
        : `${refusees} sur ${lecture.lignes.length} : personne n’est mis en relation. Corrigez-les, ou mettez les autres seules en relation avec ?partiel=oui.`
      return { ok: false, status: 422, corps: { ...erreur(422, message), rejetees, colonnesIgnorees: lecture.colonnesIgnorees } }
    }
    return { ok: true, lues: { recrues, candidatures, rejetees, colonnesIgnorees: lecture.colonnesIgnorees } }
  }

  return new Hono<{ Variables: VariablesSession }>()
    .use('/departements/:code/mise-en-relation', exigerAgent())
    .post('/departements/:code/mise-en-relation', valider('param', ParamDepartement), valider('query', QueryMiseEnRelation), async (c) => {
      const agent = (c.var as VariablesAgent).agent
      const { code } = c.req.valid('param')
      if (!accedeAuDepartement(agent, code))
        return c.json(erreur(403, `Le département ${code} n’est pas dans votre périmètre (${agent.departements.join(', ') || 'aucun département'}).`), 403)
      if (!agitSurCandidatures(agent, code)) return c.json(erreur(403, `Seuls un préfet du département ${code} et les administrateurs mettent des recrues en relation.`), 403)
      if (deps.territoires.departement(code) === undefined) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      const query = c.req.valid('query')
      const lu = await lireRecrues(c, query.partiel === 'oui', query.candidatures)
      if (!lu.ok) return c.json(lu.corps, lu.status)
      const { recrues, rejetees, colonnesIgnorees } = lu.lues
      const demandees = lu.lues.candidatures ?? query.candidatures
      const toutes = await deps.comptes.candidatures(code)
      const inconnues = (demandees ?? []).filter((id) => !toutes.some((x) => x.id === id))
      if (inconnues.length > 0) return c.json(erreur(400, `Candidatures inconnues dans le département ${code} : ${inconnues.join(', ')}`), 400)
      const candidatures = demandees === undefined ? toutes.filter((x) => x.avis?.avis === 'favorable') : toutes.filter((x) => demandees.includes(x.id))
      const postes = candidatures.map((x) => ({ longitude: x.longitude, latitude: x.latitude, places: x.postes }))
      // A recruit available only after the postes start competes for none of them.
      const { datePriseDePoste } = query
      const tardive = (x: RecrueLue) => datePriseDePoste !== undefined && x.disponibleLe !== null && x.disponibleLe > datePriseDePoste
      const candidates = recrues.filter((x) => !tardive(x))
      const calcul = await calculer(c, deps, { type: 'affectation', params: { recrues: candidates, postes } }, limitesCalcul(deps.delais, true).delaiMs)
      if (!calcul.ok) return calcul.refus
      const r = calcul.resultat
      if (!r.ok) return c.json(erreur(400, r.motif), 400)
      const occupees = new Map<number, number>()
      for (const a of r.affectations) occupees.set(a.poste, (occupees.get(a.poste) ?? 0) + 1)
      const affectations = r.affectations.map((a) => ({ candidat: candidates[a.recrue]!.id, candidature: candidatures[a.poste]!.id, nom: candidatures[a.poste]!.nom, distanceKm: a.distanceKm }))
      const raisons = new Map<string, { raison: RaisonSansPoste | 'disponible-trop-tard'; motif: string }>(r.sansPoste.map(({ recrue, raison }) =>
        [candidates[recrue]!.id, { raison, motif: MOTIF_SANS_POSTE[raison](candidates[recrue]!.distanceMaxKm) }]))
      for (const x of recrues.filter(tardive))
        raisons.set(x.id, { raison: 'disponible-trop-tard', motif: `disponible le ${dateFr(x.disponibleLe!)}, après la prise de poste du ${dateFr(datePriseDePoste!)}` })
      const sansPoste = recrues.flatMap((x) => { const s = raisons.get(x.id); return s === undefined ? [] : [{ candidat: x.id, ...s }] })
      if (query.format === 'csv') {
        const parId = new Map(candidatures.map((x) => [x.id, x]))
        const lignes = [
          ...affectations.map((a) => {
            const cand = parId.get(a.candidature)!
            return [a.candidat, a.nom, cand.siret, cand.codeInsee, a.candidature, Math.round(a.distanceKm * 10) / 10, null]
          }),
          ...sansPoste.map((s) => [s.candidat, null, null, null, null, null, s.motif]),
        ]
        return c.body(versCsv(['recrue', 'structure', 'SIRET', 'code INSEE de la structure', 'candidature', 'distance (km)', 'sans poste : motif'], lignes),
          200, enTeteCsv(`mise-en-relation-${code}.csv`))
      }
      return c.json({
        ok: true as const,
        departement: code,
        datePriseDePoste: datePriseDePoste ?? null,
        candidaturesConsiderees: candidatures.length,
        /** The recruits as read and located (their commune's centre, or the coordinates given): for the map; not stored. */
        recrues: recrues.map((x) => ({ id: x.id, lon: x.longitude, lat: x.latitude, codeInsee: x.codeInsee, distanceMaxKm: x.distanceMaxKm, disponibleLe: x.disponibleLe })),
        affectations,
        /** Each recruit without a poste, and why. */
        candidatsSansPoste: sansPoste,
        postesNonPourvus: candidatures.map((x, k) => ({ candidature: x.id, places: x.postes - (occupees.get(k) ?? 0) })).filter((v) => v.places > 0),
        distanceTotaleKm: r.distanceTotaleKm,
        rejetees,
        colonnesIgnorees,
      }, 200)
    })
}
