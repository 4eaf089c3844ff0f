import type { PointEvolution } from '../api/types.ts'

export type PointPresente = Readonly<{ date: string; taux: number; populationCouverte: number; description: string; choisi: boolean; aujourdhui: boolean }>

/**
 * The points of the evolution as the chart and the date control show them: `date` null (today's import) selects the
 * last point, the one whose lieux are today's.
 */
export function presenterEvolution(points: readonly PointEvolution[], date: string | null): PointPresente[] {
  const derniere = points.at(-1)?.date
  const choisie = date ?? derniere
  return points.map((p) => ({
    date: p.date,
    taux: p.chiffres.tauxCouverture,
    populationCouverte: p.chiffres.populationCouverte,
    description: p.description,
    choisi: p.date === choisie,
    aujourdhui: p.date === derniere,
  }))
}

/** The view's `date` for a choice of the control: null for the last point (today's import, a clean URL). */
export const dateDeVue = (points: readonly PointEvolution[], choix: string): string | null => (choix === points.at(-1)?.date ? null : choix)

const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']

/** "2021-06" → "juin 2021". */
export function libelleMois(date: string): string {
  const [annee, mois] = date.split('-')
  const nom = MOIS[Number(mois) - 1]
  return nom === undefined ? date : `${nom} ${annee}`
}
