import type { AvisCandidature, CandidatureEvaluee as Candidature, CouvertureCommune } from '../api/types.ts'
import { SEQUENTIEL } from '../map/palette.ts'
import { classesQuantiles, couleurDe, type Classement } from './classes.ts'

export type FiltreAvis = 'tous' | AvisCandidature | 'sans-avis'
export type FiltreType = 'tous' | Candidature['type']
export type Filtres = Readonly<{ avis: FiltreAvis; type: FiltreType }>
export const SANS_FILTRE: Filtres = { avis: 'tous', type: 'tous' }

/** The candidatures whose current avis and kind of structure the filters keep. */
export const filtrerCandidatures = (liste: readonly Candidature[], f: Filtres): Candidature[] =>
  liste.filter((c) => (f.avis === 'tous' || (f.avis === 'sans-avis' ? c.avis === null : c.avis?.avis === f.avis)) && (f.type === 'tous' || c.type === f.type))

/** Classes of gain (inhabitants newly covered) over the candidatures shown: the colour of their markers and legend. */
export const classementGains = (liste: readonly Candidature[]): Classement => classesQuantiles(liste.map((c) => c.gain), SEQUENTIEL.favorable)

/**
 * The markers of the candidatures: at their place ([lng, lat]), their postes for the size, the colour of their gain's
 * class, the selected one flagged. Drawn larger first so that small ones stay clickable on top.
 */
export function pointsCandidatures(liste: readonly Candidature[], classement: Classement, selection: number | null): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [...liste].sort((a, b) => b.postes - a.postes || a.id - b.id).map((c) => ({
      type: 'Feature',
      properties: { id: c.id, nom: c.nom, postes: c.postes, gain: c.gain, couleur: couleurDe(classement, c.gain), selection: c.id === selection },
      geometry: { type: 'Point', coordinates: [c.longitude, c.latitude] },
    })),
  }
}

/**
 * Coverage of the département's communes (covered or zone blanche) with the communes the selected candidature would
 * cover flagged `changee` (the map outlines them, as the planner outlines what a scenario changes).
 */
export function etatsCommunesCandidature(communes: readonly CouvertureCommune[], selection: Candidature | undefined) {
  const couvertes = new Set(selection?.communesCouvertes.map((c) => c.code) ?? [])
  return new Map(communes.map((c) => [c.code, { valeur: c.couverte ? 1 : 0, blanche: !c.couverte, changee: couvertes.has(c.code) }]))
}
