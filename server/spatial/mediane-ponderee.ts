// IEEE-754 doubles are read as two 32-bit words; the low word comes first on a little-endian machine.
const PETIT_BOUTIEN = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f
const BITS_CHIFFRE = 11
const NB_SEAUX = 1 << BITS_CHIFFRE

/**
 * Indexes of `valeurs` in ascending order of value (ties in index order). For non-negative doubles, the bit patterns
 * read as unsigned integers sort as the numbers do: an LSD radix sort in three 11-bit passes on the high word (sign,
 * exponent, 20 bits of mantissa) carrying the keys along, then each run of equal high words put in order of the low
 * word (such runs are equal values or values within a millionth of each other: short). Linear time in practice.
 * @throws Error when a value is negative or NaN.
 */
export function ordreCroissant(valeurs: Float64Array): Int32Array {
  const n = valeurs.length
  const mots = new Uint32Array(valeurs.buffer, valeurs.byteOffset, 2 * n)
  const HAUT = PETIT_BOUTIEN ? 1 : 0
  const BAS = 1 - HAUT
  let ordre = new Int32Array(n)
  let cles = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    const v = valeurs[i]!
    if (!(v >= 0)) throw new Error(`ordreCroissant: values must be non-negative numbers, got ${v} at ${i}`)
    ordre[i] = i
    // -0 (sign bit set, low word 0) would sort after every positive number: it is keyed as +0.
    cles[i] = v === 0 ? 0 : mots[2 * i + HAUT]!
  }
  let ordre2 = new Int32Array(n)
  let cles2 = new Uint32Array(n)
  const comptes = new Int32Array(NB_SEAUX)
  for (const decalage of [0, BITS_CHIFFRE, 2 * BITS_CHIFFRE]) {
    comptes.fill(0)
    for (let k = 0; k < n; k++) comptes[(cles[k]! >>> decalage) & (NB_SEAUX - 1)]!++
    if (n === 0 || comptes[(cles[0]! >>> decalage) & (NB_SEAUX - 1)] === n) continue
    let debut = 0
    for (let s = 0; s < NB_SEAUX; s++) {
      const c = comptes[s]!
      comptes[s] = debut
      debut += c
    }
    for (let k = 0; k < n; k++) {
      const cle = cles[k]!
      const position = comptes[(cle >>> decalage) & (NB_SEAUX - 1)]!++
      ordre2[position] = ordre[k]!
      cles2[position] = cle
    }
    ;[ordre, ordre2] = [ordre2, ordre]
    ;[cles, cles2] = [cles2, cles]
  }
  const bas = (i: number) => mots[2 * i + BAS]!
  for (let debut = 0; debut < n;) {
    // A run already in order (the many equal values, zeros first of all) is left as it is.
    let fin = debut + 1
    let enOrdre = true
    while (fin < n && cles[fin] === cles[debut]) {
      if (bas(ordre[fin]!) < bas(ordre[fin - 1]!)) enOrdre = false
      fin++
    }
    if (enOrdre) {
      debut = fin
      continue
    }
    if (fin - debut > 16) ordre.subarray(debut, fin).sort((i, j) => bas(i) - bas(j) || i - j)
    else {
      for (let k = debut + 1; k < fin; k++) {
        const i = ordre[k]!
        let j = k - 1
        while (j >= debut && bas(ordre[j]!) > bas(i)) {
          ordre[j + 1] = ordre[j]!
          j--
        }
        ordre[j + 1] = i
      }
    }
    debut = fin
  }
  return ordre
}

/**
 * Weighted median of each group: the smallest value v of the group such that the weights of its values ≤ v add up
 * to at least half its total ("the value of the median inhabitant" when weights are populations); NaN for a group
 * whose total weight is 0. One pass over the values in ascending order (`ordre`, from `ordreCroissant`) serves every
 * group at once: a group's median is the value at which its running weight first reaches half its total. With
 * integer weights (populations) every sum is exact, so the result does not depend on the order of ties.
 * @param groupe group of each index in 0..nb-1, or -1 for none.
 */
export function medianesPonderees(valeurs: Float64Array, poids: Float64Array, ordre: Int32Array, groupe: Int32Array, nb: number): Float64Array {
  const demiTotal = new Float64Array(nb)
  for (let i = 0; i < groupe.length; i++) {
    const g = groupe[i]!
    if (g >= 0) demiTotal[g]! += poids[i]!
  }
  const resultat = new Float64Array(nb).fill(NaN)
  let restants = 0
  for (let g = 0; g < nb; g++) {
    demiTotal[g] = demiTotal[g]! / 2
    if (demiTotal[g]! > 0) restants++
  }
  const cumul = new Float64Array(nb)
  const dernier = new Float64Array(nb)
  for (let k = 0; k < ordre.length && restants > 0; k++) {
    const i = ordre[k]!
    const g = groupe[i]!
    if (g < 0 || !Number.isNaN(resultat[g]!) || !(demiTotal[g]! > 0)) continue
    cumul[g]! += poids[i]!
    dernier[g] = valeurs[i]!
    if (cumul[g]! >= demiTotal[g]!) {
      resultat[g] = valeurs[i]!
      restants--
    }
  }
  // Only reached with weights whose sums round (not populations): the median is then the group's largest value.
  for (let g = 0; g < nb && restants > 0; g++) if (demiTotal[g]! > 0 && Number.isNaN(resultat[g]!)) resultat[g] = dernier[g]!
  return resultat
}
