/** Excel-friendly CSV (UTF-8 BOM, ';', decimal comma), the way French spreadsheets open it without an import wizard. */
export function versCsv(entetes: readonly string[], lignes: readonly (readonly (string | number | boolean | null)[])[]): string {
  const cellule = (v: string | number | boolean | null): string => {
    if (v === null) return ''
    if (typeof v === 'boolean') return v ? 'oui' : 'non'
    const t = typeof v === 'number' ? String(v).replace('.', ',') : v
    return /[";\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t
  }
  return `\uFEFF${[entetes, ...lignes].map((l) => l.map(cellule).join(';')).join('\r\n')}\r\n`
}

export const enTeteCsv = (nomFichier: string) => ({
  'Content-Type': 'text/csv; charset=utf-8',
  'Content-Disposition': `attachment; filename="${nomFichier}"`,
})
