import type { ContributionsAccessibilite, IndexAccessibilite, ParametresCouverture } from '../spatial/index.ts'
import { entreeFil } from '../racine.ts'
import { filDeRequetes } from './fil-de-requetes.ts'

export type DemandeFil = Readonly<{ rayonKm: number; masque: number; partie: number }>

/** A light thread that walks parts of the 2SFCA's tree for wide radii, beside the pool's worker. */
export type FilAccessibilite = Readonly<{
  /** Starts the thread (its data copied once, its walk compiled) so that the first wide radius finds it ready. */
  prechauffer(): void
  /** Part `partie` of the tree walk of these parameters (accessibilite.ts `contributionsArbre`). */
  contributions(params: ParametresCouverture, partie: number): Promise<ContributionsAccessibilite>
  fermer(): Promise<void>
}>

/**
 * The 2SFCA of a wide radius (≈ 150 ms at 100 km on one core) is shared by the pool's worker and this thread: each
 * walks half the places (`NB_PARTIES_ARBRE`), at once on two cores. The thread holds only what the walk reads
 * (`IndexAccessibilite`: the commune tree and its aggregates, the lieux trees, ≈ 8 MB), not a whole engine: ~30 MB
 * instead of a second pool worker's ~120 MB. A thread that dies fails the parts it owed; the next request starts a
 * new one (fil-de-requetes.ts).
 */
export function filAccessibilite(index: IndexAccessibilite): FilAccessibilite {
  // Only what the walk reads, so that the copy made for the thread stays small.
  const donnees: IndexAccessibilite = {
    communes: { n: index.communes.n },
    arbreCommunes: index.arbreCommunes,
    agregatsCommunes: index.agregatsCommunes,
    populationSlot: index.populationSlot,
    offreLieux: index.offreLieux,
    arbresLieux: index.arbresLieux,
  }
  const fil = filDeRequetes<DemandeFil, ContributionsAccessibilite>(entreeFil(new URL('./fil-accessibilite.mjs', import.meta.url), 'fil-accessibilite-travailleur'), donnees, "le fil d'accessibilité")
  return {
    prechauffer: fil.prechauffer,
    contributions: ({ rayonKm, masque }, partie) => fil.demander({ rayonKm, masque, partie }),
    fermer: fil.fermer,
  }
}
