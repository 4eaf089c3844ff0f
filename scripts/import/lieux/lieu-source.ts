import type { Categorie } from '../../../server/domain/offre.ts'

/** One record of a lieux source, converted field by field but not yet located nor merged. */
export type LieuSource = {
  jeu: string
  fichier: string
  ligne: number
  idSource: string
  nom: string
  categorie: Categorie
  /** Other catégories of the same record (a schéma lieu in several national programmes). */
  categoriesSupplementaires?: readonly Categorie[]
  codeInsee: string | null
  longitude: number | null
  latitude: number | null
  siret: string | null
  adresse: string | null
  codePostal: string | null
  horaires: string | null
  horairesTexte: string | null
  telephone: string | null
  siteWeb: string | null
  courriel: string | null
  services: string[]
  postes: number
  typeStructure: 'publique' | 'privee' | null
  zrr: boolean | null
  qpv: boolean | null
  itinerant: boolean
  franceServicesType: string | null
  franceServicesFormat: string | null
  actif: boolean
  dateMaj: string | null
  donnees: Record<string, unknown>
}

export type Conversion = { ok: true; lieu: LieuSource } | { ok: false; champ: string; motif: string }

/** Trimmed text, or null when empty or a placeholder. */
export function texteOuNull(brut: unknown): string | null {
  if (brut === null || brut === undefined) return null
  const t = String(brut).trim()
  return t === '' || t === 'null' || t === 'NULL' || t === 'undefined' ? null : t
}

/** oui/non, true/false → boolean; anything else null. */
export function ouiNon(brut: unknown): boolean | null {
  const t = String(brut ?? '').trim().toLowerCase()
  if (t === 'oui' || t === 'true' || t === '1') return true
  if (t === 'non' || t === 'false' || t === '0') return false
  return null
}

/** A coordinate pair, or null when either is absent; throws-free: returns a reason when malformed. */
export function coordonnees(lon: unknown, lat: unknown): { ok: true; longitude: number; latitude: number } | { ok: true; longitude: null; latitude: null } | { ok: false; motif: string } {
  const vide = (v: unknown) => v === null || v === undefined || String(v).trim() === ''
  if (vide(lon) && vide(lat)) return { ok: true, longitude: null, latitude: null }
  const longitude = Number(String(lon).trim().replace(',', '.'))
  const latitude = Number(String(lat).trim().replace(',', '.'))
  if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) return { ok: false, motif: `coordonnées non numériques : « ${String(lon)} », « ${String(lat)} »` }
  if (longitude < -180 || longitude > 180 || latitude < -90 || latitude > 90) return { ok: false, motif: `coordonnées hors du globe : ${longitude}, ${latitude}` }
  if (longitude === 0 && latitude === 0) return { ok: false, motif: 'coordonnées nulles (0, 0)' }
  return { ok: true, longitude, latitude }
}

/** Type of host structure from the CNFS lists. */
export function typeStructure(brut: unknown): 'publique' | 'privee' | null {
  const t = String(brut ?? '').trim().toLowerCase()
  if (t.startsWith('publi')) return 'publique'
  if (t.startsWith('priv')) return 'privee'
  return null
}

/** Services as a list, from a ';' or ', ' separated cell. */
export function listeServices(brut: unknown): string[] {
  const t = texteOuNull(brut)
  if (!t) return []
  return t.split(t.includes(';') ? ';' : /,\s(?=[A-ZÀ-Ý])/).map((s) => s.trim()).filter((s) => s !== '')
}
