import type { Moteur } from './moteur.ts'

/** The coverage engines of the dates of the evolution, each built on first use and kept until the next import. */
export type MoteursParDate<T extends Readonly<{ moteur: Moteur }>> = Readonly<{
  /** Ascending; the last one is the import's own. */
  dates: readonly string[]
  derniere: string
  /** undefined for a date that is not one of `dates`. */
  get(date: string): T | undefined
  /** How many engines are built so far (the import's not counted). */
  construits(): number
  /** Whether `get(date)` would answer without building (the import's date, or an engine already built). */
  construit(date: string): boolean
}>

/**
 * Engines by date: `actuel` (the import's engine) for the latest date, `construire(date)` once for each earlier one.
 * @throws Error when `dates` is empty or not ascending.
 */
export function buildMoteursParDate<T extends Readonly<{ moteur: Moteur }>>(dates: readonly string[], actuel: T, construire: (date: string) => T): MoteursParDate<T> {
  if (dates.length === 0) throw new Error('buildMoteursParDate: no date (the import has no dated lieux source)')
  for (let k = 1; k < dates.length; k++)
    if (!(dates[k - 1]! < dates[k]!)) throw new Error(`buildMoteursParDate: dates must ascend, got ${dates[k - 1]} then ${dates[k]}`)
  const derniere = dates.at(-1)!
  const construits = new Map<string, T>()
  return {
    dates,
    derniere,
    get: (date) => {
      if (date === derniere) return actuel
      if (!dates.includes(date)) return undefined
      let t = construits.get(date)
      if (t === undefined) construits.set(date, (t = construire(date)))
      return t
    },
    construits: () => construits.size,
    construit: (date) => date === derniere || construits.has(date),
  }
}
