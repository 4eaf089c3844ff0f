// The only module of the client that talks to the network. Every function throws ErreurApi on a
// non-2xx answer or a body without `ok: true`, so React Query exposes it as `error`.
// The answer types are inferred from the server's answer schemas (server/contrat), which the contract tests check
// every answer against.
import type {
  AvisCandidature,
  Candidature,
  CorpsSelectionCandidatures,
  ImportCandidatures,
  ListeCandidatures,
  DemandeMiseEnRelation,
  MiseEnRelation,
  TriCandidatures,
  SelectionCandidatures,
  TriZonesBlanches,
  CollectionCommunes,
  CollectionContours,
  CollectionLieux,
  Commune,
  CommunesCouverture,
  CommuneTrouvee,
  CorpsOptimisation,
  CorpsOptimisationNationale,
  CorpsScenario,
  CorpsSimulation,
  CouvertureDepartement,
  CouvertureNationale,
  CouvertureUneCommune,
  Departement,
  LieuDetaille,
  Evolution,
  Lieu,
  MethodeCouverture,
  Moi,
  LieuxProches,
  Optimisation,
  OptimisationNationale,
  Parametres,
  ParametresDates,
  Sante,
  ScenarioEnregistre,
  Simulation,
  ZonesBlanches,
} from './types.ts'

export class ErreurApi extends Error {
  readonly status: number
  constructor(message: string, status: number) {
    super(message)
    this.name = 'ErreurApi'
    this.status = status
  }
}

type Requete = Record<string, string | number | undefined>

export const BASE_API = '/api'

/** Builds `/api/<chemin>?…`, leaving out undefined parameters so URLs (and caches) stay canonical. */
export function urlApi(chemin: string, requete: Requete = {}): string {
  const params = new URLSearchParams()
  for (const [cle, valeur] of Object.entries(requete)) if (valeur !== undefined) params.set(cle, String(valeur))
  const qs = params.toString()
  return `${BASE_API}${chemin}${qs ? `?${qs}` : ''}`
}

const isObjet = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

// The import the answers come from: the API's ETag is the import id (weak, W/"…", when the answer is gzipped).
// A new build served by a rolling restart shows up as another id on any answer.
let importInitial: string | null = null
let importServi: string | null = null
const abonnesImport = new Set<(id: string) => void>()

/** Notes the import id of an answer's ETag; tells the subscribers when it differs from the one served so far. */
export function noterImport(etag: string | null): void {
  // Only an import id (build date and 6 hex digits): a saved scenario's ETag ("v3") is its version, not an import
  const id = /^(?:W\/)?"(\d{14}-[0-9a-f]{6})"$/.exec(etag ?? '')?.[1]
  if (id === undefined || id === importServi) return
  const premier = importServi === null
  importServi = id
  if (premier) importInitial = id
  else for (const f of abonnesImport) f(id)
}

/** Calls `f` with the new id each time the served import changes; returns the unsubscription. */
export function abonnerImport(f: (id: string) => void): () => void {
  abonnesImport.add(f)
  return () => void abonnesImport.delete(f)
}

/**
 * The import part of the query keys of reference data: null while the answers come from the import the page
 * started with, the new id once another has been served. (The first id is only known from the first answer:
 * keying by it from the start would orphan the queries sent before that answer, and fetch them all twice.)
 */
export const cleImport = (): string | null => (importServi === importInitial ? null : importServi)

/** Forgets the import seen so far (a fresh page, for tests). */
export function oublierImport(): void {
  importInitial = null
  importServi = null
}

type Methode = 'POST' | 'PUT' | 'DELETE'

async function lire(url: string, signal?: AbortSignal, corpsJson?: unknown, methode?: Methode, entetes: Record<string, string> = {}): Promise<unknown> {
  const init: RequestInit = signal ? { signal } : {}
  if (corpsJson !== undefined) Object.assign(init, { method: 'POST', headers: { 'Content-Type': 'application/json', ...entetes }, body: JSON.stringify(corpsJson) })
  if (methode !== undefined) init.method = methode
  const res = await fetch(url, init)
  if (res.ok) noterImport(res.headers.get('ETag'))
  const corps: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    const message = isObjet(corps) && typeof corps.error === 'string' ? corps.error : `Erreur ${res.status} sur ${url}`
    throw new ErreurApi(message, res.status)
  }
  if (corps === null) throw new ErreurApi(`Réponse illisible de ${url}`, res.status)
  return corps
}

/** An envelope answer: checks `ok: true`, then trusts the contract for the rest of the shape. */
async function enveloppe<T>(url: string, signal?: AbortSignal, corpsJson?: unknown, methode?: Methode, entetes?: Record<string, string>): Promise<T> {
  const corps = await lire(url, signal, corpsJson, methode, entetes)
  if (!isObjet(corps) || corps.ok !== true) throw new ErreurApi(`Réponse inattendue de ${url}`, 500)
  return corps as T
}

async function collection<T>(url: string, signal?: AbortSignal): Promise<T> {
  const corps = await lire(url, signal)
  if (!isObjet(corps) || corps.type !== 'FeatureCollection' || !Array.isArray(corps.features))
    throw new ErreurApi(`GeoJSON attendu de ${url}`, 500)
  return corps as T
}

// The dashboard counts inhabitants on the 1 km grid, the API's default (left out of the URL, so it stays canonical);
// the planner and the candidatures ask for commune centres, which their simulation still counts (README « Décisions »).
const couverture = (p: Parametres, methode: MethodeCouverture = 'carreaux') =>
  ({ rayonKm: p.rayonKm, offre: p.offre.join(','), methode: methode === 'carreaux' ? undefined : methode })
/**
 * The coverage parameters and, for an earlier date of the evolution, `date` (left out for today's import). The lieux of
 * an earlier date are counted at commune centres: the server refuses cells with a date.
 */
const datee = (p: ParametresDates, methode?: MethodeCouverture) =>
  (p.date ? { ...couverture(p, 'centres'), date: p.date } : couverture(p, methode))
const code = (c: string) => encodeURIComponent(c)

export const api = {
  sante: (signal?: AbortSignal) => enveloppe<Sante>(urlApi('/sante'), signal),

  departements: (signal?: AbortSignal) =>
    enveloppe<{ departements: Departement[] }>(urlApi('/departements'), signal).then((r) => r.departements),
  departement: (c: string, signal?: AbortSignal) =>
    enveloppe<{ departement: Departement }>(urlApi(`/departements/${code(c)}`), signal).then((r) => r.departement),
  contoursDepartements: (signal?: AbortSignal) =>
    collection<CollectionContours>(urlApi('/departements.geojson'), signal),
  contoursRegions: (signal?: AbortSignal) => collection<CollectionContours>(urlApi('/regions.geojson'), signal),
  communesGeometrie: (c: string, signal?: AbortSignal) =>
    collection<CollectionCommunes>(urlApi(`/departements/${code(c)}/communes.geojson`), signal),
  lieuxDepartement: (c: string, offre: Parametres['offre'], signal?: AbortSignal, date?: string | null) =>
    collection<CollectionLieux>(urlApi(`/departements/${code(c)}/lieux.geojson`, { offre: offre.join(','), date: date ?? undefined }), signal),

  rechercheCommunes: (q: string, signal?: AbortSignal) =>
    enveloppe<{ communes: CommuneTrouvee[]; truncated: boolean }>(urlApi('/communes/recherche', { q }), signal),
  commune: (c: string, signal?: AbortSignal) =>
    enveloppe<{ commune: Commune }>(urlApi(`/communes/${code(c)}`), signal).then((r) => r.commune),

  couvertureNationale: (p: ParametresDates, signal?: AbortSignal, methode?: MethodeCouverture) =>
    enveloppe<CouvertureNationale>(urlApi('/couverture', datee(p, methode)), signal),
  couvertureDepartement: (c: string, p: ParametresDates, signal?: AbortSignal, methode?: MethodeCouverture) =>
    enveloppe<CouvertureDepartement>(urlApi(`/departements/${code(c)}/couverture`, datee(p, methode)), signal),
  communesDepartement: (c: string, p: ParametresDates, signal?: AbortSignal, methode?: MethodeCouverture) =>
    enveloppe<CommunesCouverture>(urlApi(`/departements/${code(c)}/communes`, datee(p, methode)), signal),
  /** The figures at each date of the offre's sources, of the nation or of a département (counted at commune centres). */
  evolution: (p: Parametres & { departement?: string }, signal?: AbortSignal) =>
    enveloppe<Evolution>(urlApi('/evolution', { rayonKm: p.rayonKm, offre: p.offre.join(','), departement: p.departement }), signal),
  couvertureCommune: (c: string, p: Parametres, signal?: AbortSignal) =>
    enveloppe<CouvertureUneCommune>(urlApi(`/communes/${code(c)}/couverture`, couverture(p)), signal),
  zonesBlanches: (
    q: ParametresDates & { departement: string; tri: TriZonesBlanches; limit: number; methode?: MethodeCouverture },
    signal?: AbortSignal,
  ) =>
    enveloppe<ZonesBlanches>(
      urlApi('/zones-blanches', { ...datee(q, q.methode), departement: q.departement, tri: q.tri, limit: q.limit }),
      signal,
    ),

  lieuxProches: (
    q: ({ commune: string } | { latitude: number; longitude: number }) & { offre: Parametres['offre']; limit: number },
    signal?: AbortSignal,
  ) =>
    enveloppe<LieuxProches>(
      urlApi('/lieux/proches', {
        ...('commune' in q ? { commune: q.commune } : { lat: q.latitude, lon: q.longitude }),
        limit: q.limit,
        offre: q.offre.join(','),
      }),
      signal,
    ),
  lieu: (id: string, signal?: AbortSignal) =>
    enveloppe<{ lieu: LieuDetaille }>(urlApi(`/lieux/${encodeURIComponent(id)}`), signal).then((r) => r.lieu),

  // Planning: computations, so POST with a JSON body; the answers depend only on that body.
  simulation: (corps: CorpsSimulation, signal?: AbortSignal) => enveloppe<Simulation>(urlApi('/simulations'), signal, corps),
  optimisation: (corps: CorpsOptimisation, signal?: AbortSignal) => enveloppe<Optimisation>(urlApi('/optimisation'), signal, corps),
  optimisationNationale: (corps: CorpsOptimisationNationale, signal?: AbortSignal) =>
    enveloppe<OptimisationNationale>(urlApi('/optimisation/nationale'), signal, corps),

  // Agents: who is signed in, and the saved scenarios of their scope (the session cookie goes with same-origin fetches).
  moi: (signal?: AbortSignal) => enveloppe<Moi>(urlApi('/moi'), signal),
  deconnexion: () => enveloppe<{ redirection: string | null }>(urlApi('/deconnexion'), undefined, undefined, 'POST'),
  scenarios: (departement: string, signal?: AbortSignal) =>
    enveloppe<{ scenarios: ScenarioEnregistre[] }>(urlApi('/scenarios', { departement }), signal).then((r) => r.scenarios),
  enregistrerScenario: (corps: CorpsScenario) =>
    enveloppe<{ scenario: ScenarioEnregistre }>(urlApi('/scenarios'), undefined, corps).then((r) => r.scenario),
  /**
   * Replaces a saved scenario, from the version the agent saw (If-Match): if someone saved a change since,
   * the server refuses (412) and ErreurApi carries its French message.
   */
  modifierScenario: (id: number, version: number, corps: CorpsScenario) =>
    enveloppe<{ scenario: ScenarioEnregistre }>(urlApi(`/scenarios/${id}`), undefined, corps, 'PUT', { 'If-Match': `"v${version}"` }).then((r) => r.scenario),
  supprimerScenario: (id: number) => enveloppe<{ id: number }>(urlApi(`/scenarios/${id}`), undefined, undefined, 'DELETE'),

  // Candidatures of a département (agents only).
  candidatures: (c: string, p: Parametres & { tri: TriCandidatures }, signal?: AbortSignal) =>
    enveloppe<ListeCandidatures>(urlApi(`/departements/${code(c)}/candidatures`, { ...couverture(p), tri: p.tri }), signal),
  /** Sends a file as the spreadsheet saved it (the server reads its encoding and separator); rejects come back in ErreurApi's message and in `rejetees`. */
  importerCandidatures: async (c: string, fichier: File, partiel: boolean): Promise<ImportCandidatures> => {
    const url = urlApi(`/departements/${code(c)}/candidatures`, { partiel: partiel ? 'oui' : undefined })
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': /\.json$/i.test(fichier.name) ? 'application/json' : 'text/csv' }, body: fichier })
    const corps: unknown = await res.json().catch(() => null)
    if (!isObjet(corps)) throw new ErreurApi(`Réponse illisible de ${url}`, res.status)
    if (!res.ok || corps.ok !== true) throw new ErreurImport(typeof corps.error === 'string' ? corps.error : `Erreur ${res.status}`, res.status, (corps as Partial<ImportCandidatures>).rejetees ?? [])
    return corps as ImportCandidatures
  },
  /** Matches the recruits of a file to the postes of the chosen candidatures; refused rows come back in ErreurImport's `rejetees`. */
  miseEnRelation: async (c: string, d: DemandeMiseEnRelation): Promise<MiseEnRelation> => {
    const res = await fetch(urlMiseEnRelation(c, d, 'json'), { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: d.fichier })
    const corps: unknown = await res.json().catch(() => null)
    if (!isObjet(corps)) throw new ErreurApi(`Réponse illisible de la mise en relation (${res.status})`, res.status)
    if (!res.ok || corps.ok !== true) throw new ErreurImport(typeof corps.error === 'string' ? corps.error : `Erreur ${res.status}`, res.status, (corps as Partial<MiseEnRelation>).rejetees ?? [])
    return corps as MiseEnRelation
  },
  /** The same matching as a spreadsheet (computed again from the same file: nothing is kept on the server). */
  exportMiseEnRelation: async (c: string, d: DemandeMiseEnRelation): Promise<Blob> => {
    const res = await fetch(urlMiseEnRelation(c, d, 'csv'), { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: d.fichier })
    if (!res.ok) {
      const corps: unknown = await res.json().catch(() => null)
      throw new ErreurApi(isObjet(corps) && typeof corps.error === 'string' ? corps.error : `Erreur ${res.status}`, res.status)
    }
    return res.blob()
  },
  donnerAvis: (id: number, avis: AvisCandidature, commentaire: string) =>
    enveloppe<{ candidature: Candidature }>(urlApi(`/candidatures/${id}/avis`), undefined, { avis, commentaire }, 'PUT').then((r) => r.candidature),
  selectionCandidatures: (c: string, corps: CorpsSelectionCandidatures) =>
    enveloppe<SelectionCandidatures>(urlApi(`/departements/${code(c)}/candidatures/selection`), undefined, { ...corps, offre: [...corps.offre] }),
}

const urlMiseEnRelation = (c: string, d: DemandeMiseEnRelation, format: 'json' | 'csv') =>
  urlApi(`/departements/${code(c)}/mise-en-relation`, {
    candidatures: d.candidatures.join(','), partiel: d.partiel ? 'oui' : undefined, datePriseDePoste: d.datePriseDePoste ?? undefined, format: format === 'csv' ? 'csv' : undefined,
  })

/** A refused import: the server's French message and the rejected rows, so the form can list them. */
export class ErreurImport extends ErreurApi {
  constructor(message: string, status: number, readonly rejetees: ImportCandidatures['rejetees']) {
    super(message, status)
    this.name = 'ErreurImport'
  }
}

/** Where the « Se connecter » link goes: the login, then back to `retour` (a path of this site). */
export const urlConnexion = (retour: string) => urlApi('/connexion', { retour })

/** Download links (plain <a href>): the browser fetches them, not the app. */
export const liensCsv = {
  national: (p: Parametres) => urlApi('/couverture.csv', couverture(p)),
  departement: (c: string, p: Parametres) => urlApi(`/departements/${code(c)}/communes.csv`, couverture(p)),
  candidatures: (c: string, p: Parametres) => urlApi(`/departements/${code(c)}/candidatures`, { ...couverture(p), format: 'csv' }),
}

/** Vector tiles URL template for maplibre (the map fetches tiles itself). */
export const URL_TUILES_COMMUNES = `${BASE_API}/tuiles/communes/{z}/{x}/{y}.pbf`
/** A département's 1 km cells as tiles: one URL for every offre (each cell carries its distance to each catégorie). */
export const urlTuilesCarreaux = (departement: string) => `${BASE_API}/tuiles/carreaux/{z}/{x}/{y}.pbf?departement=${encodeURIComponent(departement)}`
