import { writeFileSync } from 'node:fs'
import type { Rapport, Rejet } from './rapport.ts'

const cellule = (v: string | number) => {
  const t = String(v)
  return /[";\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t
}

/** The rejects report as an Excel-friendly CSV (UTF-8 BOM, ';'). */
export function ecrireRejetsCsv(chemin: string, rejets: readonly Rejet[]): void {
  const lignes = ['jeu;fichier;ligne;champ;motif', ...rejets.map((r) => [r.jeu, r.fichier, r.ligne, r.champ, r.motif].map(cellule).join(';'))]
  writeFileSync(chemin, `\uFEFF${lignes.join('\n')}\n`)
}

/** The per-source accounting as a text table. */
export function resumeComptes(rapport: Rapport): string {
  const entete = ['source', 'lues', 'gardées', 'fusionnées', 'rejetées']
  const lignes = [...rapport.comptes.values()].map((c) => [c.fichier, c.lus, c.gardes, c.fusionnes, c.rejetes].map(String))
  const largeurs = entete.map((e, i) => Math.max(e.length, ...lignes.map((l) => l[i]!.length)))
  const format = (l: string[]) => l.map((v, i) => (i === 0 ? v.padEnd(largeurs[i]!) : v.padStart(largeurs[i]!))).join('  ')
  return [format(entete), ...lignes.map(format)].join('\n')
}
