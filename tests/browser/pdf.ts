// What the fiche tests read of a printed page: Chromium's PDF, then its text by pdftotext (Debian poppler-utils).
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'

/** Spaces as pdftotext and the page may write them (no-break, narrow no-break, line breaks) folded to one. */
export const plat = (texte: string) => texte.replace(/[\s\u00a0\u202f]+/g, ' ')

/**
 * Prints `page` as A4 PDF into `chemin` and reads it back with `pdftotext -layout` (a table row stays on one line):
 * its non-empty pages, its whole text with spaces folded, and its lines with spaces folded.
 * @throws Error when pdftotext fails or is missing.
 */
export async function lirePdf(page: Page, chemin: string): Promise<{ pages: string[]; texte: string; lignes: string[] }> {
  writeFileSync(chemin, await page.pdf({ format: 'A4' }))
  const extraction = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', chemin, '-'], { encoding: 'utf8' })
  if (extraction.status !== 0) throw new Error(`pdftotext ${chemin} : ${extraction.error?.message ?? extraction.stderr}`)
  return {
    pages: extraction.stdout.split('\f').filter((p) => p.trim() !== ''),
    texte: plat(extraction.stdout),
    lignes: extraction.stdout.split('\n').map(plat),
  }
}
