import { parse } from 'csv-parse/sync'
import { normaliserTexte } from '../domain/texte.ts'

/**
 * Reading a file (of candidatures, of recruits) as a spreadsheet saves it: UTF-8 with or without BOM, or Windows-1252 (Excel's
 * « CSV (séparateur : point-virgule) »), `;`, `,` or tab between cells, headers spelled loosely. Every row keeps its
 * line in the file, so that a reject points at it.
 */

/** The columns a candidature file may hold. */
export const CHAMPS = ['siret', 'nom', 'type', 'adresse', 'codeInsee', 'codePostal', 'commune', 'postes', 'longitude', 'latitude', 'dateDepot'] as const
export type Champ = (typeof CHAMPS)[number]

/** A row of the file: its line (CSV, the header is line 1) or position (JSON, from 1), and its cells by column. */
export type LigneBrute<C extends string = Champ> = Readonly<{ ligne: number; valeurs: Readonly<Partial<Record<C, string>>> }>

export type Lecture<C extends string = Champ> =
  | Readonly<{ ok: true; lignes: LigneBrute<C>[]; colonnesIgnorees: string[] }>
  | Readonly<{ ok: false; motif: string }>

/**
 * What a kind of file holds: its columns and their spellings, what is missing given the columns found (in French),
 * the sentence that says what is required, and the name of its rows (« candidatures », « recrues »).
 */
export type SchemaFichier<C extends string> = Readonly<{
  orthographes: Readonly<Record<C, readonly string[]>>
  manquantes: (vus: ReadonlySet<C>) => string[]
  requises: string
  nomLignes: string
}>

// Spellings of each column once folded (normaliserTexte) and stripped of small words (de, du, la, n°…).
const ORTHOGRAPHES: Readonly<Record<Champ, readonly string[]>> = {
  siret: ['siret', 'numero siret', 'siret structure', 'siret etablissement', 'no siret'],
  nom: ['nom', 'nom structure', 'raison sociale', 'structure', 'denomination', 'nom porteur', 'porteur', 'structure porteuse', 'nom structure porteuse'],
  type: ['type', 'type structure', 'categorie', 'categorie structure', 'statut', 'statut juridique', 'nature', 'nature juridique', 'forme juridique'],
  adresse: ['adresse', 'adresse postale', 'adresse structure', 'voie', 'adresse complete'],
  codeInsee: ['code insee', 'insee', 'code commune', 'code insee commune', 'cog', 'code officiel geographique'],
  codePostal: ['code postal', 'cp'],
  commune: ['commune', 'ville', 'nom commune', 'localite'],
  postes: ['postes', 'postes demandes', 'nombre postes', 'nb postes', 'nombre postes demandes', 'nb postes demandes', 'conseillers',
    'nombre conseillers', 'nb conseillers', 'postes sollicites', 'nombre conseillers demandes'],
  longitude: ['longitude', 'lon', 'lng', 'x'],
  latitude: ['latitude', 'lat', 'y'],
  dateDepot: ['date', 'date depot', 'date candidature', 'date reception', 'depose le', 'date demande'],
}
const MOTS_VIDES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'n', 'no', 'o', 'a'])
// camelCase keys of a JSON body (codeInsee, dateDepot) read as two words.
const cle = (entete: string) => normaliserTexte(entete.replace(/([a-z])([A-Z])/g, '$1 $2')).split(' ').filter((m) => !MOTS_VIDES.has(m)).join(' ')

/** The column a header names in a kind of file, spelled loosely; null for an unknown one. */
export function lecteurEntetes<C extends string>(orthographes: Readonly<Record<C, readonly string[]>>): (entete: string) => C | null {
  const parCle = new Map<string, C>((Object.keys(orthographes) as C[]).flatMap((champ) => orthographes[champ].map((o) => [cle(o), champ] as const)))
  return (entete) => {
    const k = cle(entete)
    if (k === '') return null
    const exact = parCle.get(k)
    if (exact !== undefined) return exact
    // « SIRET de la structure (14 chiffres) », « Postes demandés (ETP) »: a parenthesis or a unit after the name.
    return parCle.get(cle(entete.replace(/\(.*?\)|\[.*?\]/g, ' '))) ?? null
  }
}

/** The files of candidatures: SIRET, nom, type, adresse, postes, and where (code INSEE, or postal code and commune). */
export const SCHEMA_CANDIDATURES: SchemaFichier<Champ> = {
  orthographes: ORTHOGRAPHES,
  manquantes: (vus) => {
    const manquantes: string[] = (['siret', 'nom', 'type', 'adresse', 'postes'] as const).filter((c) => !vus.has(c))
    if (!vus.has('codeInsee') && !(vus.has('codePostal') && vus.has('commune'))) manquantes.push('codeInsee (ou codePostal et commune)')
    return manquantes
  },
  requises: 'Il faut SIRET, nom, type, adresse, postes demandés, et le code INSEE ou le code postal avec la commune.',
  nomLignes: 'candidatures',
}

/** The column a header names (« N° SIRET », « Code INSEE », « Nombre de postes demandés »…); null for an unknown one. */
export const champDeEntete = lecteurEntetes(ORTHOGRAPHES)

/** Text of a file: UTF-8 (its BOM dropped), else Windows-1252, the encoding Excel saves a French CSV in. */
export function decoder(octets: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(octets).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('windows-1252').decode(octets)
  }
}

/** The separator of the header line: the most frequent of `;`, `,` and tab outside quotes. */
function separateur(texte: string): string {
  const premiere = (texte.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '')
  const compte = (c: string) => premiere.split(c).length - 1
  return [';', '\t', ','].reduce((a, b) => (compte(b) > compte(a) ? b : a))
}

const MOTIFS_CSV: Readonly<Record<string, string>> = {
  CSV_INVALID_CLOSING_QUOTE: 'guillemet fermant suivi d’un caractère inattendu',
  CSV_QUOTE_NOT_CLOSED: 'guillemet ouvert jamais fermé (fin du fichier atteinte)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'caractère inattendu après un guillemet fermant',
}

/** Maps the headers to columns: two headers naming the same column, or a required column missing, is refused. */
function colonnes<C extends string>(entetes: readonly string[], schema: SchemaFichier<C>):
  { ok: true; champs: (C | null)[]; ignorees: string[] } | { ok: false; motif: string } {
  const champs = entetes.map(lecteurEntetes(schema.orthographes))
  const vus = new Map<C, string>()
  for (const [k, champ] of champs.entries()) {
    if (champ === null) continue
    const deja = vus.get(champ)
    if (deja !== undefined) return { ok: false, motif: `Les colonnes « ${deja} » et « ${entetes[k]} » désignent toutes deux ${champ} : gardez-en une.` }
    vus.set(champ, entetes[k]!)
  }
  const manquantes = schema.manquantes(new Set(vus.keys()))
  if (manquantes.length > 0)
    return { ok: false, motif: `Colonnes manquantes : ${manquantes.join(', ')} (en-têtes lus : ${entetes.map((e) => `« ${e} »`).join(', ') || 'aucun'}). ${schema.requises}` }
  return { ok: true, champs, ignorees: entetes.filter((_, k) => champs[k] === null && entetes[k]!.trim() !== '') }
}

const tropDeLignes = (n: number, max: number, nomLignes: string) =>
  ({ ok: false as const, motif: `Trop de lignes : ${n} ${nomLignes}, ${max} au plus par import. Découpez le fichier.` })

/** Reads a CSV file of candidatures; `maxLignes` data rows at most (a larger file is refused whole, not cut). */
export const lireCsv = (octets: Uint8Array, maxLignes: number): Lecture => lireCsvSelon(octets, maxLignes, SCHEMA_CANDIDATURES)

/** Reads a CSV file of a kind (`schema`); `maxLignes` data rows at most (a larger file is refused whole, not cut). */
export function lireCsvSelon<C extends string>(octets: Uint8Array, maxLignes: number, schema: SchemaFichier<C>): Lecture<C> {
  const texte = decoder(octets)
  if (texte.trim() === '') return { ok: false, motif: 'Le fichier est vide.' }
  let enregistrements: { record: string[]; info: { lines: number } }[]
  try {
    enregistrements = parse(texte, {
      delimiter: separateur(texte), info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true, trim: true,
    }) as unknown as typeof enregistrements
  } catch (e) {
    const erreur = e as { code?: string; lines?: number; message?: string }
    const motif = (erreur.code && MOTIFS_CSV[erreur.code]) ?? 'CSV mal formé'
    return { ok: false, motif: `Ligne ${erreur.lines ?? '?'} : ${motif}.` }
  }
  const [entete, ...donnees] = enregistrements
  if (entete === undefined) return { ok: false, motif: 'Le fichier est vide.' }
  if (donnees.length > maxLignes) return tropDeLignes(donnees.length, maxLignes, schema.nomLignes)
  const c = colonnes(entete.record, schema)
  if (!c.ok) return c
  const lignes = donnees.map(({ record, info }) => {
    const valeurs: Partial<Record<C, string>> = {}
    record.forEach((v, k) => {
      const champ = c.champs[k]
      if (champ !== null && champ !== undefined && v !== '') valeurs[champ] = v
    })
    return { ligne: info.lines, valeurs }
  })
  return { ok: true, lignes, colonnesIgnorees: c.ignorees }
}

/** Reads JSON objects of candidatures (the same columns, named loosely as in a CSV; numbers or texts), their position from 1 as line. */
export const lireObjets = (objets: readonly Readonly<Record<string, unknown>>[], maxLignes: number): Lecture =>
  lireObjetsSelon(objets, maxLignes, SCHEMA_CANDIDATURES)

/** Reads JSON objects of a kind (`schema`), their position from 1 as line. */
export function lireObjetsSelon<C extends string>(objets: readonly Readonly<Record<string, unknown>>[], maxLignes: number, schema: SchemaFichier<C>): Lecture<C> {
  if (objets.length > maxLignes) return tropDeLignes(objets.length, maxLignes, schema.nomLignes)
  const entetes = [...new Set(objets.flatMap((o) => Object.keys(o)))]
  const c = colonnes(entetes, schema)
  if (!c.ok) return c
  const lignes = objets.map((o, k) => {
    const valeurs: Partial<Record<C, string>> = {}
    entetes.forEach((e, j) => {
      const champ = c.champs[j]
      const v = o[e]
      if (champ === null || champ === undefined || v === null || v === undefined) return
      const t = typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v)
      if (t !== '') valeurs[champ] = t
    })
    return { ligne: k + 1, valeurs }
  })
  return { ok: true, lignes, colonnesIgnorees: c.ignorees }
}
