/**
 * Codes INSEE: the only home of the rules that read, repair and classify them.
 * Codes are strings: '01053', '2A004', '97411'.
 */

const CODE_COMMUNE = /^(?:\d{2}|2[AB])\d{3}$/
const CODE_DEPARTEMENT = /^(?:\d{2}|2[AB]|9[78]\d)$/

export const isCodeCommune = (code: string): boolean => CODE_COMMUNE.test(code)
export const isCodeDepartement = (code: string): boolean => CODE_DEPARTEMENT.test(code)

/**
 * Repairs a code INSEE as found in a source: trims it, drops a float suffix ('1053.0'),
 * upper-cases Corsica ('2a004') and restores the leading zero that spreadsheets lose ('1053' → '01053').
 * Returns null when what remains is not shaped like a commune code.
 */
export function normaliserCodeInsee(brut: unknown): string | null {
  if (brut === null || brut === undefined) return null
  let code = String(brut).trim().toUpperCase()
  if (code.endsWith('.0')) code = code.slice(0, -2)
  if (/^\d{4}$/.test(code)) code = `0${code}`
  if (/^[AB]\d{3}$/.test(code)) return null
  return isCodeCommune(code) ? code : null
}

/** Département of a commune code: three characters overseas ('97411' → '974'), two elsewhere. */
export function departementDuCode(codeCommune: string): string {
  return codeCommune.startsWith('97') || codeCommune.startsWith('98') ? codeCommune.slice(0, 3) : codeCommune.slice(0, 2)
}

/** Codes that COG 2026 knows as something other than a current commune, mapped to the current one. */
export type ReferentielCodes = Readonly<{
  communes: ReadonlySet<string>
  /** arrondissement municipal → parent commune; commune déléguée / associée → its chef-lieu */
  historiques: ReadonlyMap<string, { commune: string; type: string }>
}>

export type CorrespondanceCode =
  | { ok: true; commune: string; via: 'actuelle' | 'arrondissement-municipal' | 'commune-deleguee' | 'commune-associee' }
  | { ok: false; motif: string }

/** Maps a repaired code INSEE to the COG 2026 commune that holds it today. */
export function versCommuneActuelle(code: string, referentiel: ReferentielCodes): CorrespondanceCode {
  if (referentiel.communes.has(code)) return { ok: true, commune: code, via: 'actuelle' }
  const historique = referentiel.historiques.get(code)
  if (historique) {
    const via = historique.type as 'arrondissement-municipal' | 'commune-deleguee' | 'commune-associee'
    return { ok: true, commune: historique.commune, via }
  }
  return { ok: false, motif: `code INSEE ${code} inconnu du COG 2026` }
}

/** Repairs a postal code the same way (spreadsheets drop its leading zero too). */
export function normaliserCodePostal(brut: unknown): string | null {
  if (brut === null || brut === undefined) return null
  let code = String(brut).trim()
  if (code.endsWith('.0')) code = code.slice(0, -2)
  if (/^\d{4}$/.test(code)) code = `0${code}`
  return /^\d{5}$/.test(code) ? code : null
}
