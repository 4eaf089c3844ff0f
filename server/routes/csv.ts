import { protegerFormule } from '../domain/tableur.ts'

/** Excel-friendly CSV (UTF-8 BOM, ';', decimal comma), the way French spreadsheets open it without an import wizard. */
export function versCsv(entetes: readonly string[], lignes: readonly (readonly (string | number | boolean | null)[])[]): string {
  const cellule = (v: string | number | boolean | null): string => {
    if (v === null) return ''
    if (typeof v === 'boolean') return v ? 'oui' : 'non'
    const t = typeof v === 'number' ? String(v).replace('.', ',') : protegerFormule(v)
    return /[";\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t
  }
  return `\uFEFF${[entetes, ...lignes].map((l) => l.map(cellule).join(';')).join('\r\n')}\r\n`
}

/**
 * RFC 4180 CSV (',', decimal point, no BOM), the format of data files published on data.gouv.fr: one row per object,
 * the given columns in order, an absent value as an empty cell.
 */
export function versCsvRfc4180(colonnes: readonly string[], objets: readonly Readonly<Record<string, string | number | undefined>>[]): string {
  const cellule = (v: string | number | undefined): string => {
    if (v === undefined) return ''
    const t = typeof v === 'number' ? String(v) : protegerFormule(v)
    return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t
  }
  return `${[colonnes.join(','), ...objets.map((o) => colonnes.map((c) => cellule(o[c])).join(','))].join('\r\n')}\r\n`
}

export const enTeteCsv = (nomFichier: string) => ({
  'Content-Type': 'text/csv; charset=utf-8',
  'Content-Disposition': `attachment; filename="${nomFichier}"`,
})
