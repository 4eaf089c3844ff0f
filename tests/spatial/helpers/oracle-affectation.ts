import type { Poste, Recrue } from '../../../server/spatial/affectation.ts'
import { haversineKm } from '../../../server/spatial/geo.ts'

type Affectation = Readonly<{ recrue: number; poste: number; distanceKm: number }>

/**
 * Every constraint of an assignment, checked from the instance alone (no code of the solver): each recruit at most
 * once, each structure within its places, each pair within the recruit's distance (great-circle, recomputed), the
 * distances and the total as claimed. Returns the violations, in French; empty when the assignment is feasible.
 */
export function violations(recrues: readonly Recrue[], postes: readonly Poste[], affectations: readonly Affectation[], distanceTotaleKm: number): string[] {
  const fautes: string[] = []
  const vues = new Set<number>()
  const charge = new Map<number, number>()
  let total = 0
  for (const a of affectations) {
    const r = recrues[a.recrue]
    const p = postes[a.poste]
    if (r === undefined || p === undefined) {
      fautes.push(`indice hors instance : recrue ${a.recrue}, poste ${a.poste}`)
      continue
    }
    if (vues.has(a.recrue)) fautes.push(`recrue ${a.recrue} affectée deux fois`)
    vues.add(a.recrue)
    charge.set(a.poste, (charge.get(a.poste) ?? 0) + 1)
    const d = haversineKm(r.longitude, r.latitude, p.longitude, p.latitude)
    if (Math.abs(d - a.distanceKm) > 1e-9) fautes.push(`recrue ${a.recrue} → poste ${a.poste} : ${a.distanceKm} km annoncés, ${d} km mesurés`)
    if (d > r.distanceMaxKm) fautes.push(`recrue ${a.recrue} → poste ${a.poste} : ${d} km, au-delà de ses ${r.distanceMaxKm} km`)
    total += d
  }
  for (const [poste, n] of charge) if (n > postes[poste]!.places) fautes.push(`poste ${poste} : ${n} recrues pour ${postes[poste]!.places} places`)
  if (Math.abs(total - distanceTotaleKm) > 1e-6 * Math.max(1, total)) fautes.push(`distance totale annoncée ${distanceTotaleKm}, mesurée ${total}`)
  return fautes
}

/**
 * Optimality certificate of a feasible assignment, by flow theory rather than by a second solver. In the network
 * source → recruit (1) → structure (1 per pair within reach, cost = distance) → sink (places), the assignment is a flow:
 * - it places the most recruits iff the residual graph has no path from source to sink (no augmenting path);
 * - among assignments placing as many, it travels least iff the residual graph (source → unplaced recruit, placed
 *   recruit → source, pair not taken forward at +d, pair taken backward at −d, structure → sink below its places,
 *   sink → structure above 0) has no cycle of negative cost (Klein's cycle-cancelling optimality condition), found
 *   here by Bellman–Ford from all nodes at once.
 * Returns what fails, in French; empty when the assignment is optimal.
 */
export function certificatOptimalite(recrues: readonly Recrue[], postes: readonly Poste[], affectations: readonly Affectation[]): string[] {
  const R = recrues.length
  const P = postes.length
  const S = R + P
  const T = S + 1
  const n = T + 1
  const prise = new Map<number, number>(affectations.map((a) => [a.recrue, a.poste]))
  const charge = new Int32Array(P)
  for (const a of affectations) charge[a.poste]!++
  const de: number[] = []
  const vers: number[] = []
  const cout: number[] = []
  const arc = (u: number, v: number, c: number) => (de.push(u), vers.push(v), cout.push(c))
  for (let i = 0; i < R; i++) {
    if (prise.has(i)) arc(i, S, 0)
    else arc(S, i, 0)
    const r = recrues[i]!
    for (let j = 0; j < P; j++) {
      if (postes[j]!.places < 1) continue
      const d = haversineKm(r.longitude, r.latitude, postes[j]!.longitude, postes[j]!.latitude)
      if (d > r.distanceMaxKm) continue
      if (prise.get(i) === j) arc(R + j, i, -d)
      else arc(i, R + j, d)
    }
  }
  for (let j = 0; j < P; j++) {
    if (charge[j]! < postes[j]!.places) arc(R + j, T, 0)
    if (charge[j]! > 0) arc(T, R + j, 0)
  }
  const fautes: string[] = []
  // Augmenting path: breadth-first search from the source.
  const suivants: number[][] = Array.from({ length: n }, () => [])
  de.forEach((u, k) => suivants[u]!.push(vers[k]!))
  const atteint = new Uint8Array(n)
  atteint[S] = 1
  for (const file = [S]; file.length > 0;) for (const v of suivants[file.pop()!]!) if (!atteint[v]) (atteint[v] = 1, file.push(v))
  if (atteint[T]) fautes.push('un chemin augmentant existe : une recrue de plus pouvait être placée')
  // Negative cycle: Bellman–Ford with every node at distance 0, n rounds at most; a relaxation in round n is a cycle.
  const dist = new Float64Array(n)
  const m = de.length
  let change = true
  for (let tour = 0; tour < n && change; tour++) {
    change = false
    for (let k = 0; k < m; k++) {
      const v = dist[de[k]!]! + cout[k]!
      if (v < dist[vers[k]!]! - 1e-7) {
        dist[vers[k]!] = v
        change = true
      }
    }
  }
  if (change) fautes.push('un cycle de coût négatif existe : un échange raccourcissait la distance totale')
  return fautes
}
