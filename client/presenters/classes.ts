// Class breaks shared by the map paint expression, its legend and the table: one computation, three views.
import { scaleQuantile } from 'd3'

export type Classe = { couleur: string; min: number | null; max: number | null }
export type Classement = { seuils: number[]; couleurs: string[]; classes: Classe[] }

/** Thresholds must be strictly ascending for a maplibre `step`; equal quantiles collapse into one class. */
function dedoublonner(seuils: readonly number[]): number[] {
  const uniques: number[] = []
  for (const s of seuils) if (uniques.length === 0 || s > uniques[uniques.length - 1]!) uniques.push(s)
  return uniques
}

export function classesFixes(seuils: readonly number[], couleurs: readonly string[]): Classement {
  if (couleurs.length !== seuils.length + 1)
    throw new Error(`classesFixes: ${couleurs.length} couleurs pour ${seuils.length} seuils, attendu ${seuils.length + 1}`)
  const classes = couleurs.map((couleur, i) => ({ couleur, min: i === 0 ? null : seuils[i - 1]!, max: i === seuils.length ? null : seuils[i]! }))
  return { seuils: [...seuils], couleurs: [...couleurs], classes }
}

/** Quantile classes (equal counts) over the finite values; fewer classes when values repeat. */
export function classesQuantiles(valeurs: readonly (number | null)[], couleurs: readonly string[]): Classement {
  const finies = valeurs.filter((v): v is number => v !== null && Number.isFinite(v))
  if (finies.length === 0) return { seuils: [], couleurs: [couleurs[0]!], classes: [{ couleur: couleurs[0]!, min: null, max: null }] }
  const seuils = dedoublonner(scaleQuantile<string>().domain(finies).range(couleurs).quantiles())
  // Spread the remaining colours over the whole ramp so two classes still read as light and dark.
  const n = seuils.length + 1
  const choisies = Array.from({ length: n }, (_, i) => couleurs[n === 1 ? couleurs.length - 1 : Math.round((i * (couleurs.length - 1)) / (n - 1))]!)
  return classesFixes(seuils, choisies)
}

export function couleurDe(classement: Classement, valeur: number | null): string | null {
  if (valeur === null || !Number.isFinite(valeur)) return null
  let i = 0
  while (i < classement.seuils.length && valeur >= classement.seuils[i]!) i++
  return classement.couleurs[i]!
}

/** `step` expression over the feature-state `valeur`; features without a value get `sansDonnee`. */
export function expressionCouleur(classement: Classement, sansDonnee: string): unknown[] {
  const valeur = ['feature-state', 'valeur']
  const paliers: unknown[] = [classement.couleurs[0]]
  classement.seuils.forEach((s, i) => paliers.push(s, classement.couleurs[i + 1]))
  const couleur = paliers.length === 1 ? paliers[0] : ['step', valeur, ...paliers]
  return ['case', ['==', ['typeof', valeur], 'number'], couleur, sansDonnee]
}
