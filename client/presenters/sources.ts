import type { Source } from '../api/types.ts'

/** Footer line: "Sources : France services (ANCT, millésime 2024, Licence Ouverte 2.0) ; …", one entry per title and vintage, with its licence (attribution). */
export function libelleSources(sources: readonly Source[]): string {
  const vus = new Set<string>()
  const parties: string[] = []
  for (const s of sources) {
    const partie = `${s.titre} (${s.producteur}, millésime ${s.millesime}, ${s.licence})`
    if (vus.has(partie)) continue
    vus.add(partie)
    parties.push(partie)
  }
  return parties.length === 0 ? 'Sources : non renseignées' : `Sources : ${parties.join(' ; ')}`
}

/** "23 novembre 2026" from an ISO date, without relying on the machine's time zone. */
export function dateImport(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(d)
}
