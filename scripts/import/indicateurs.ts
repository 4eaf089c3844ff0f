import { normaliserCodeInsee, versCommuneActuelle, type ReferentielCodes } from '../../server/domain/code-insee.ts'
import type { Ligne } from '../lib/lecture.ts'
import type { Rapport } from '../lib/rapport.ts'

export type Extraction<T> = { ok: true; valeur: T } | { ok: false; champ: string; motif: string }

type Source<T> = Readonly<{
  jeu: string
  fichier: string
  lignes: readonly Ligne<Record<string, string>>[]
  colonneCode: string
  extraire: (valeurs: Record<string, string>) => Extraction<T>
  /** Combines the arrondissements' values of Paris, Lyon or Marseille when the source lacks the whole commune. */
  agreger?: (parties: readonly { valeur: T; population: number }[]) => T
  /** A row with no value at all (Marseille's IFN row is empty): its arrondissements then stand in for it. */
  estVide?: (valeur: T) => boolean
}>

/**
 * Reads one per-commune indicator file into a map keyed by COG 2026 commune code.
 * Rules: a current code is kept; arrondissements merge into their commune (combined with `agreger` when
 * the commune has no row of its own); an ancienne commune's value describes only part of today's commune
 * and is rejected; unknown codes are rejected. Every row is accounted for in the report.
 */
export function lireIndicateur<T>(
  source: Source<T>,
  referentiel: ReferentielCodes,
  populationArrondissement: ReadonlyMap<string, number>,
  rapport: Rapport,
): Map<string, T> {
  const { jeu, fichier } = source
  const valeurs = new Map<string, T>()
  const parArrondissement = new Map<string, { valeur: T; population: number }[]>()
  for (const { ligne, valeurs: v } of source.lignes) {
    rapport.lu(jeu, fichier)
    const code = normaliserCodeInsee(v[source.colonneCode])
    if (!code) {
      rapport.rejette(jeu, fichier, ligne, source.colonneCode, `code INSEE invalide : « ${v[source.colonneCode] ?? ''} »`)
      continue
    }
    const correspondance = versCommuneActuelle(code, referentiel)
    if (!correspondance.ok) {
      rapport.rejette(jeu, fichier, ligne, source.colonneCode, correspondance.motif)
      continue
    }
    if (correspondance.via === 'commune-deleguee' || correspondance.via === 'commune-associee') {
      rapport.rejette(jeu, fichier, ligne, source.colonneCode,
        `code ${code} d'une ancienne commune (${correspondance.via.replace('commune-', '')} de ${correspondance.commune}) : la valeur ne décrit qu'une partie de la commune actuelle`)
      continue
    }
    const extrait = source.extraire(v)
    if (!extrait.ok) {
      rapport.rejette(jeu, fichier, ligne, extrait.champ, extrait.motif)
      continue
    }
    if (correspondance.via === 'arrondissement-municipal') {
      const parties = parArrondissement.get(correspondance.commune) ?? []
      parties.push({ valeur: extrait.valeur, population: populationArrondissement.get(code) ?? 0 })
      parArrondissement.set(correspondance.commune, parties)
      rapport.fusionne(jeu, fichier)
    } else if (valeurs.has(code)) {
      rapport.fusionne(jeu, fichier)
    } else {
      valeurs.set(code, extrait.valeur)
      rapport.garde(jeu, fichier)
    }
  }
  if (source.agreger)
    for (const [commune, parties] of parArrondissement)
      if (!valeurs.has(commune) || source.estVide?.(valeurs.get(commune)!)) valeurs.set(commune, source.agreger(parties))
  return valeurs
}

/** A number from a source cell; '', 's' (secret statistique), 'nd' and other text give null. */
export function nombreOuNull(brut: string | undefined): number | null {
  if (brut === undefined) return null
  const t = brut.trim().replace(',', '.')
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return null
  return Number(t)
}

/** Population-weighted mean of the non-null values, or null. */
export function moyennePonderee(parties: readonly { valeur: number | null; population: number }[]): number | null {
  let somme = 0
  let poids = 0
  for (const p of parties)
    if (p.valeur !== null) {
      somme += p.valeur * p.population
      poids += p.population
    }
  return poids > 0 ? Math.round((somme / poids) * 100) / 100 : null
}
