// Applies per-territory values as feature-state. Only the differences are sent to maplibre, so a
// rayonKm change touches the states that changed and no geometry is reloaded.
import type { Map as CarteMaplibre } from 'maplibre-gl'

export type Cible = { source: string; sourceLayer?: string }
export type Etat = Readonly<Record<string, number | boolean | null>>

export class EtatsTerritoires {
  private appliques = new Map<string, Etat>()
  constructor(private readonly cible: Cible) {}

  /** Replaces the whole set: codes absent from `etats` lose their state. Returns how many changed. */
  appliquer(carte: CarteMaplibre, etats: ReadonlyMap<string, Etat>): number {
    let changes = 0
    for (const code of this.appliques.keys())
      if (!etats.has(code)) {
        carte.removeFeatureState({ ...this.cible, id: code })
        changes++
      }
    for (const [code, etat] of etats) {
      const avant = this.appliques.get(code)
      if (avant !== undefined && egaux(avant, etat)) continue
      // setFeatureState merges keys: drop the old state first when a key disappears.
      if (avant !== undefined && Object.keys(avant).some((k) => !(k in etat))) carte.removeFeatureState({ ...this.cible, id: code })
      carte.setFeatureState({ ...this.cible, id: code }, etat)
      changes++
    }
    this.appliques = new Map(etats)
    return changes
  }
}

function egaux(a: Etat, b: Etat): boolean {
  const cles = Object.keys(b)
  return cles.length === Object.keys(a).length && cles.every((k) => a[k] === b[k])
}
