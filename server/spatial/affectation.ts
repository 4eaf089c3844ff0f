/**
 * Matching recruits to postes: each recruit goes to at most one structure, each structure takes at most its number
 * of postes, a recruit only within their maximum distance. First as many recruits placed as possible, then the least
 * total distance among those placements (a lexicographic transportation problem). The constraint matrix is that of a
 * bipartite graph, and with the count row of phase 2 that of a flow network (source → recruits → structures → sink,
 * the count a lower bound on the sink → source arc): totally unimodular, so the vertex HiGHS's simplex returns is
 * integral and both linear programs give an exact assignment, without branching.
 */
import type { Highs } from 'highs'
import KDBush from 'kdbush'
import { haversineKm, RAYON_TERRE_KM } from './geo.ts'

export type Recrue = Readonly<{ longitude: number; latitude: number; distanceMaxKm: number }>
export type Poste = Readonly<{ longitude: number; latitude: number; places: number }>

/** Why a recruit has no poste: no structure within their distance, or every one within it is full. */
export type RaisonSansPoste = 'aucun-poste-a-portee' | 'postes-a-portee-pourvus'

export type ResultatAffectation =
  | Readonly<{
      ok: true
      affectations: readonly Readonly<{ recrue: number; poste: number; distanceKm: number }>[]
      distanceTotaleKm: number
      /** Recruits without a poste, in order, and why. */
      sansPoste: readonly Readonly<{ recrue: number; raison: RaisonSansPoste }>[]
      /** (recruit, structure) pairs within reach given to the solver. */
      couples: number
    }>
  | Readonly<{ ok: false; motif: string }>

/** Most (recruit, structure) pairs within reach handed to the solver (a national instance of 10 000 recruits has ~375 000). */
export const MAX_COUPLES_AFFECTATION = 1_000_000

const KM_PAR_DEGRE = (Math.PI / 180) * RAYON_TERRE_KM

export type Couples = Readonly<{ recrue: Int32Array; poste: Int32Array; distanceKm: Float64Array }>

/**
 * The (recruit, structure) pairs within each recruit's distance, by recruit then structure index: a lng/lat box that
 * holds the recruit's circle is searched in a kd-tree of the structures, then the great-circle distance decides.
 * Returns null past `max` pairs.
 */
export function couplesAPortee(recrues: readonly Recrue[], postes: readonly Poste[], max = Infinity): Couples | null {
  const ouverts = postes.flatMap((p, k) => (p.places >= 1 ? [k] : []))
  const index = new KDBush(Math.max(1, ouverts.length))
  for (const k of ouverts) index.add(postes[k]!.longitude, postes[k]!.latitude)
  if (ouverts.length === 0) index.add(0, 0)
  index.finish()
  const r: number[] = []
  const p: number[] = []
  const d: number[] = []
  for (let i = 0; i < recrues.length; i++) {
    if (ouverts.length === 0) break
    const { longitude, latitude, distanceMaxKm } = recrues[i]!
    const dLat = distanceMaxKm / KM_PAR_DEGRE
    const latMax = Math.min(90, Math.abs(latitude) + dLat)
    const cos = Math.cos((latMax * Math.PI) / 180)
    const dLng = cos < 1e-9 ? 360 : dLat / cos
    // A box across the antimeridian or a pole: every structure is a candidate, the distance decides.
    const entiere = dLng >= 180 || longitude - dLng < -180 || longitude + dLng > 180 || latMax >= 90
    const ids = entiere ? ouverts.map((_, j) => j) : index.range(longitude - dLng, latitude - dLat, longitude + dLng, latitude + dLat)
    ids.sort((a, b) => a - b)
    for (const j of ids) {
      const k = ouverts[j]!
      const km = haversineKm(longitude, latitude, postes[k]!.longitude, postes[k]!.latitude)
      if (km > distanceMaxKm) continue
      r.push(i)
      p.push(k)
      d.push(km)
    }
    if (r.length > max) return null
  }
  return { recrue: Int32Array.from(r), poste: Int32Array.from(p), distanceKm: Float64Array.from(d) }
}

/** The assignment with HiGHS: most recruits placed, then least total distance. */
export function affecter(highs: Highs, recrues: readonly Recrue[], postes: readonly Poste[]): ResultatAffectation {
  for (const p of postes) if (!Number.isInteger(p.places) || p.places < 0) throw new Error(`affecter: places must be a non-negative integer, got ${p.places}`)
  for (const r of recrues) if (!(r.distanceMaxKm >= 0)) throw new Error(`affecter: distanceMaxKm must be a non-negative number, got ${r.distanceMaxKm}`)
  const c = couplesAPortee(recrues, postes, MAX_COUPLES_AFFECTATION)
  if (c === null)
    return { ok: false, motif: `Trop de couples recrue–structure à portée (plus de ${MAX_COUPLES_AFFECTATION.toLocaleString('fr-FR')}) : réduisez les distances maximales.` }
  const m = c.recrue.length
  const x = m === 0 ? new Float64Array(0) : resoudre(highs, c, recrues.length, postes)
  if (x === null) return { ok: false, motif: 'Le solveur n’a pas trouvé d’affectation.' }
  const affectations: { recrue: number; poste: number; distanceKm: number }[] = []
  for (let k = 0; k < m; k++) if (x[k]! > 0.5) affectations.push({ recrue: c.recrue[k]!, poste: c.poste[k]!, distanceKm: c.distanceKm[k]! })
  const placees = new Set(affectations.map((a) => a.recrue))
  const aPortee = new Set(c.recrue)
  const sansPoste = recrues.flatMap((_, i) => placees.has(i) ? [] : [{
    recrue: i,
    // At the optimum an unplaced recruit's reachable structures are all full: a free place would place one more.
    raison: aPortee.has(i) ? 'postes-a-portee-pourvus' as const : 'aucun-poste-a-portee' as const,
  }])
  return { ok: true, affectations, distanceTotaleKm: affectations.reduce((s, a) => s + a.distanceKm, 0), sansPoste, couples: m }
}

/**
 * Phase 1 maximises the pairs taken; phase 2, on the same model warm-started from phase 1's basis, asks for at least
 * that many and minimises the distance. Rows: one per recruit (≤ 1), one per structure (≤ its places).
 */
function resoudre(highs: Highs, c: Couples, nombreRecrues: number, postes: readonly Poste[]): Float64Array | null {
  const m = c.recrue.length
  const numRows = nombreRecrues + postes.length
  const starts = new Int32Array(m + 1)
  const indices = new Int32Array(2 * m)
  for (let k = 0; k < m; k++) {
    starts[k + 1] = 2 * k + 2
    indices[2 * k] = c.recrue[k]!
    indices[2 * k + 1] = nombreRecrues + c.poste[k]!
  }
  const rowUpper = new Float64Array(numRows)
  rowUpper.fill(1, 0, nombreRecrues)
  postes.forEach((p, j) => (rowUpper[nombreRecrues + j] = p.places))
  const { objectiveSense, modelStatus } = highs.constants
  return highs.withModel({
    numCols: m, numRows, sense: objectiveSense.maximize,
    colCost: new Float64Array(m).fill(1), colLower: new Float64Array(m), colUpper: new Float64Array(m).fill(1),
    rowLower: new Float64Array(numRows).fill(-highs.infinity), rowUpper,
    matrix: { format: 'csc', numRows, numCols: m, starts, indices, values: new Float64Array(2 * m).fill(1) },
  }, (model) => {
    model.options.set({ output_flag: false })
    model.run()
    if (model.getModelStatus() !== modelStatus.optimal) return null
    const nombre = Math.round(model.getSolution().colValue.reduce((s, v) => s + v, 0))
    model.changeObjectiveSense(objectiveSense.minimize)
    model.changeColsCost({ kind: 'range', from: 0, to: m - 1 }, c.distanceKm)
    model.addRow(nombre, highs.infinity, { indices: Int32Array.from({ length: m }, (_, k) => k), values: new Float64Array(m).fill(1) })
    model.run()
    if (model.getModelStatus() !== modelStatus.optimal) return null
    return Float64Array.from(model.getSolution().colValue)
  })
}
