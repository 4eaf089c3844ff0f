/**
 * Matching recruits to postes: each recruit goes to at most one structure, each structure takes at most its number
 * of postes, a recruit only within their maximum distance. First as many recruits placed as possible, then the least
 * total distance among those placements (a lexicographic transportation problem). The constraint matrix is that of a
 * bipartite graph, totally unimodular, so the vertex HiGHS's simplex returns is integral: both linear programs give
 * an exact assignment, without branching.
 */
import type { Highs } from 'highs'
import { haversineKm } from './geo.ts'

export type Recrue = Readonly<{ longitude: number; latitude: number; distanceMaxKm: number }>
export type Poste = Readonly<{ longitude: number; latitude: number; places: number }>

export type ResultatAffectation =
  | Readonly<{ ok: true; affectations: readonly Readonly<{ recrue: number; poste: number; distanceKm: number }>[]; distanceTotaleKm: number }>
  | Readonly<{ ok: false; motif: string }>

/** Most (recruit, structure) pairs within reach handed to the solver. */
export const MAX_COUPLES_AFFECTATION = 200_000

/** The pairs within reach, and their distances. */
function couples(recrues: readonly Recrue[], postes: readonly Poste[]) {
  const liste: { r: number; p: number; d: number }[] = []
  recrues.forEach((re, r) => postes.forEach((po, p) => {
    if (po.places < 1) return
    const d = haversineKm(re.longitude, re.latitude, po.longitude, po.latitude)
    if (d <= re.distanceMaxKm) liste.push({ r, p, d })
  }))
  return liste
}

/** The assignment with HiGHS: most recruits placed, then least total distance. */
export function affecter(highs: Highs, recrues: readonly Recrue[], postes: readonly Poste[]): ResultatAffectation {
  for (const p of postes) if (!Number.isInteger(p.places) || p.places < 0) throw new Error(`affecter: places must be a non-negative integer, got ${p.places}`)
  const c = couples(recrues, postes)
  if (c.length > MAX_COUPLES_AFFECTATION)
    return { ok: false, motif: `Trop de couples recrue–structure à portée (${c.length}, ${MAX_COUPLES_AFFECTATION} au plus) : réduisez les distances maximales.` }
  if (c.length === 0) return { ok: true, affectations: [], distanceTotaleKm: 0 }
  const contraintes = (lignes: string[]) => {
    const parRecrue = new Map<number, number[]>()
    const parPoste = new Map<number, number[]>()
    c.forEach(({ r, p }, k) => {
      if (!parRecrue.has(r)) parRecrue.set(r, [])
      if (!parPoste.has(p)) parPoste.set(p, [])
      parRecrue.get(r)!.push(k)
      parPoste.get(p)!.push(k)
    })
    // One term a line, as in optimisation-mclp.ts: the LP reader is given no line of unbounded length.
    for (const [r, ks] of parRecrue) lignes.push(` r${r}:`, ...ks.map((k) => `  + x${k}`), '  <= 1')
    for (const [p, ks] of parPoste) lignes.push(` p${p}:`, ...ks.map((k) => `  + x${k}`), `  <= ${postes[p]!.places}`)
  }
  const resoudre = (lignes: string[]): number[] | null => highs.withModel({ format: 'lp', data: lignes.join('\n') }, (model) => {
    model.options.set({ output_flag: false })
    model.run()
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return null
    const x = new Array<number>(c.length).fill(0)
    const valeurs = model.getSolution().colValue
    for (let col = 0; col < valeurs.length; col++) x[Number(model.getColName(col).slice(1))] = valeurs[col]!
    return x
  })
  const bornes = ['Bounds', ...c.map((_, k) => ` 0 <= x${k} <= 1`), 'End']
  // Phase 1: as many recruits placed as possible.
  const phase1 = ['Maximize', ' obj:', ...c.map((_, k) => `  + x${k}`), 'Subject To']
  contraintes(phase1)
  const x1 = resoudre([...phase1, ...bornes])
  if (x1 === null) return { ok: false, motif: 'Le solveur n’a pas trouvé d’affectation.' }
  const nombre = Math.round(x1.reduce((s, v) => s + v, 0))
  // Phase 2: that many, at the least total distance.
  const phase2 = ['Minimize', ' obj:', ...c.map(({ d }, k) => `  + ${d} x${k}`), 'Subject To']
  contraintes(phase2)
  phase2.push(' n:', ...c.map((_, k) => `  + x${k}`), `  >= ${nombre}`)
  const x2 = resoudre([...phase2, ...bornes])
  if (x2 === null) return { ok: false, motif: 'Le solveur n’a pas trouvé d’affectation.' }
  const affectations = c.filter((_, k) => x2[k]! > 0.5).map(({ r, p, d }) => ({ recrue: r, poste: p, distanceKm: d }))
  return { ok: true, affectations, distanceTotaleKm: affectations.reduce((s, a) => s + a.distanceKm, 0) }
}
