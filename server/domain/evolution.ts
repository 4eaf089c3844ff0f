/**
 * How the evolution of the maillage is told: each point holds the lieux of the sources dated then or before, so a
 * point differs from the previous one mostly because a source arrived, not because lieux opened on the ground.
 * The sentence of each point says which sources it holds and which are still to come.
 */

/** The CNFS list that counts postes (cumulative since 2021): before it, no poste of conseiller numérique is known. */
export const JEU_LISTE_POSTES = 'cnfs-structures-2023'

/** Short French names of the lieux sources, as a sentence uses them. */
export const LIBELLES_SOURCES: Readonly<Record<string, string>> = {
  'cnfs-structures-2021': 'structures CnFS de la première vague',
  'cnfs-lieux-2022': 'permanences CnFS 2022',
  hinaura: 'lieux Hinaura (Auvergne-Rhône-Alpes)',
  'cnfs-structures-2023': 'structures CnFS 2023',
  'aidants-connect': 'Aidants Connect',
  'france-services': 'France services',
  'lieux-mediation-numerique': 'fichier national des lieux de médiation numérique',
}

export const libelleSource = (jeu: string): string => LIBELLES_SOURCES[jeu] ?? `source « ${jeu} »`

/** "a", "a et b", "a, b et c" (or "ni" in a negative sentence). */
export function enumerer(elements: readonly string[], conjonction: 'et' | 'ni' = 'et'): string {
  if (elements.length <= 1) return elements.join('')
  return `${elements.slice(0, -1).join(', ')} ${conjonction} ${elements.at(-1)}`
}

/**
 * The sentence of one point: `connues` are the offre's sources dated `date` or before (in date order), `aVenir`
 * the later ones; `sansPostes` when the offre counts conseillers numériques and the postes list is not known yet.
 * e.g. « 2021-06 : structures CnFS de la première vague seulement ; pas encore : … ».
 */
export function descriptionPoint(date: string, connues: readonly string[], aVenir: readonly string[], sansPostes: boolean): string {
  const libelles = connues.map(libelleSource)
  let phrase = aVenir.length === 0
    ? `${date} : toutes les sources de l’offre (${enumerer(libelles)})`
    : `${date} : ${enumerer(libelles)} seulement ; pas encore ${enumerer(aVenir.map(libelleSource), 'ni')}`
  if (sansPostes) phrase += ' ; postes de conseillers inconnus avant la liste 2023'
  return `${phrase}.`
}

/** A lieux source and its date (YYYY-MM), with the catégories mask its records give. */
export type SourceDatee = Readonly<{ jeu: string; date: string; categories: number }>

/** A point of the evolution of an offre. `ulterieures`: the sources of other offres that arrived after its last source. */
export type PointOffre = { date: string; connues: string[]; aVenir: string[]; nouvelles: string[]; ulterieures: string[] }

/**
 * The points of an offre: each date at which one of its sources arrives, with the offre's sources known then and to
 * come; then, when sources of other offres arrived after its last one, the import's latest date, so that the evolution
 * ends on today's figures (they differ a little: records of the offre merged with the later sources' lieux take their
 * positions).
 */
export function pointsOffre(sources: readonly SourceDatee[], masque: number): PointOffre[] {
  const parDate = [...sources].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const deLOffre = parDate.filter((s) => (s.categories & masque) !== 0)
  const dates = [...new Set(deLOffre.map((s) => s.date))]
  const points: PointOffre[] = dates.map((date) => ({
    date,
    connues: deLOffre.filter((s) => s.date <= date).map((s) => s.jeu),
    aVenir: deLOffre.filter((s) => s.date > date).map((s) => s.jeu),
    nouvelles: deLOffre.filter((s) => s.date === date).map((s) => s.jeu),
    ulterieures: [],
  }))
  const derniere = parDate.at(-1)?.date
  const dernierPoint = points.at(-1)
  if (derniere !== undefined && dernierPoint !== undefined && derniere > dernierPoint.date)
    points.push({ date: derniere, connues: dernierPoint.connues, aVenir: [], nouvelles: [], ulterieures: parDate.filter((s) => s.date > dernierPoint.date).map((s) => s.jeu) })
  return points
}

/** The sentence of a point (see `descriptionPoint`; a point with `ulterieures` says that no source of the offre came). */
export function decrirePoint(p: PointOffre, sansPostes: boolean): string {
  if (p.ulterieures.length === 0) return descriptionPoint(p.date, p.connues, p.aVenir, sansPostes)
  return `${p.date} : aucune nouvelle source de l’offre ; mêmes sources, quelques lieux placés autrement par leur fusion avec ${enumerer(p.ulterieures.map(libelleSource))}.`
}
