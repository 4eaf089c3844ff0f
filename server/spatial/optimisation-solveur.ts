import loadHighs, { type Highs } from 'highs'

let chargement: Promise<Highs | undefined> | undefined

/**
 * The HiGHS runtime (WebAssembly), loaded once on first use. Resolves to undefined when it cannot be
 * loaded: optimisations then answer with the greedy solution and `optimal: false`, never an error.
 */
export function chargerHighs(): Promise<Highs | undefined> {
  chargement ??= loadHighs().catch((e: unknown) => {
    console.error('HiGHS indisponible, optimisation gloutonne seulement :', e)
    return undefined
  })
  return chargement
}
