import { departementDuCode, normaliserCodeInsee } from '../../server/domain/code-insee.ts'

/**
 * The column that holds the code INSEE of each lieu, for the lieux sources that have one. The 2022
 * permanences and the Hinaura file only give a postal code, which does not name a département reliably
 * (Corsica's 20xxx, cedex codes), so they get row counts only.
 */
export const COLONNE_CODE_INSEE_LIEUX: Readonly<Record<string, string>> = {
  'france-services': 'insee_com',
  'cnfs-structures-2021': 'insee_com',
  'cnfs-structures-2023': 'code_insee_norm',
  'aidants-connect': 'City Insee Code',
}

/** Lieux per département, read from the code INSEE column; records without a usable code are left out. */
export function lieuxParDepartement(enregistrements: readonly Record<string, unknown>[], colonne: string): Map<string, number> {
  const comptes = new Map<string, number>()
  for (const e of enregistrements) {
    const code = normaliserCodeInsee(e[colonne])
    if (code === null) continue
    const departement = departementDuCode(code)
    comptes.set(departement, (comptes.get(departement) ?? 0) + 1)
  }
  return comptes
}

/** The change of each département between two counts, without the départements that did not change, sorted by code. */
export function ecartsParDepartement(avant: ReadonlyMap<string, number>, apres: ReadonlyMap<string, number>): [string, number][] {
  const codes = [...new Set([...avant.keys(), ...apres.keys()])].sort()
  return codes.map((c): [string, number] => [c, (apres.get(c) ?? 0) - (avant.get(c) ?? 0)]).filter(([, d]) => d !== 0)
}

const FORMAT = new Intl.NumberFormat('fr-FR')
export const nombre = (n: number): string => FORMAT.format(n)
export const signe = (n: number): string => (n > 0 ? `+${nombre(n)}` : n < 0 ? `−${nombre(-n)}` : '0')

/** One line on the row counts: "2 845 → 2 912 lignes (+67)", or the count alone for a new file. */
export function ligneComptes(avant: number | undefined, apres: number): string {
  if (avant === undefined) return `${nombre(apres)} lignes (pas de copie précédente lisible)`
  return `${nombre(avant)} → ${nombre(apres)} lignes (${signe(apres - avant)})`
}

/** One line on the lieux per département: "01 +2, 13 −1 (2 départements changent)". */
export function ligneDepartements(ecarts: readonly [string, number][]): string {
  if (ecarts.length === 0) return 'aucun département ne change'
  return `${ecarts.map(([c, d]) => `${c} ${signe(d)}`).join(', ')} (${ecarts.length} département${ecarts.length > 1 ? 's changent' : ' change'})`
}
