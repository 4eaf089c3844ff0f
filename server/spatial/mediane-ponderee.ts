/**
 * Weighted median of `valeurs[debut..fin)` with weights `poids`: the smallest value v such that
 * the weights of values ≤ v add up to at least half the total ("the value of the median
 * inhabitant" when weights are populations). Returns null when the total weight is 0.
 *
 * Quickselect with a three-way partition, so expected linear time: a full-country pass runs it
 * once per département without sorting anything. Reorders both arrays in place in the range.
 */
export function medianePonderee(valeurs: Float64Array, poids: Float64Array, debut: number, fin: number): number | null {
  let total = 0
  for (let k = debut; k < fin; k++) total += poids[k]!
  if (!(total > 0)) return null
  let cible = total / 2
  let lo = debut
  let hi = fin - 1
  let dernier = valeurs[debut]!
  while (lo <= hi) {
    const pivot = medianOfThree(valeurs[lo]!, valeurs[(lo + hi) >> 1]!, valeurs[hi]!)
    // Dutch national flag: [lo, lt) < pivot, [lt, k) == pivot, (gt, hi] > pivot.
    let lt = lo
    let gt = hi
    let k = lo
    let poidsInf = 0
    let poidsEgal = 0
    while (k <= gt) {
      const v = valeurs[k]!
      if (v < pivot) {
        poidsInf += poids[k]!
        swap(valeurs, poids, lt++, k++)
      } else if (v > pivot) {
        swap(valeurs, poids, k, gt--)
      } else {
        poidsEgal += poids[k]!
        k++
      }
    }
    dernier = pivot
    if (poidsInf >= cible) hi = lt - 1
    else if (poidsInf + poidsEgal >= cible) return pivot
    else {
      cible -= poidsInf + poidsEgal
      lo = gt + 1
    }
  }
  // Only reached when rounding in the running sums leaves a sliver of `cible` past the last value:
  // the median is then the largest value examined.
  return dernier
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b
}

function swap(valeurs: Float64Array, poids: Float64Array, i: number, j: number): void {
  const v = valeurs[i]!
  valeurs[i] = valeurs[j]!
  valeurs[j] = v
  const p = poids[i]!
  poids[i] = poids[j]!
  poids[j] = p
}
