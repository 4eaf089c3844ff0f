/**
 * Input of the coverage engine, as struct of arrays filled once per import from SQLite (server/db).
 * The engine never mutates them: every result computed from them can be cached until the next import.
 */

/** Communes of the current COG, one entry per commune (Paris, Lyon, Marseille whole, no arrondissements). */
export type Communes = Readonly<{
  n: number
  /** Code INSEE of the commune, e.g. '26113', '2A004', '97411'. */
  code: readonly string[]
  nom: readonly string[]
  /** '01'…'2A','2B'…'95','971'…'976', and COM codes '975','977','978','984','986','987','988','989'. */
  departement: readonly string[]
  /** '84', … ; for a COM, the COM code itself. */
  region: readonly string[]
  longitude: Float64Array
  /** The commune's centre point (inside the commune), WGS84. */
  latitude: Float64Array
  population: Float64Array
  /** Indice de fragilité numérique total, 0–10, NaN when unknown. */
  ifn: Float64Array
  /** 1 for communes of a COM (collectivité d'outre-mer). */
  com: Uint8Array
}>

/** Lieux de médiation numérique, one entry per lieu record. */
export type Lieux = Readonly<{
  n: number
  /** lieu.id in SQLite. */
  id: Int32Array
  nom: readonly string[]
  /** Bitmask of the catégories of server/domain/offre.ts. */
  categories: Uint8Array
  longitude: Float64Array
  latitude: Float64Array
  /** Supply for accessibility; NaN = unknown (counts as 1). */
  conseillers: Float64Array
  /** Postes of conseillers numériques validated (0 when none). */
  postes: Float64Array
  /** State funding those postes stand for, in euros (0 when none). */
  financementEuros: Float64Array
  /** Département of the lieu's commune. */
  departement: readonly string[]
  /** 0 = inactive record, never part of any offre. */
  actif: Uint8Array
}>

/** Départements and régions, the groups the figures are computed for. */
export type Territoires = Readonly<{
  departements: readonly { code: string; nom: string; region: string; com: boolean }[]
  regions: readonly { code: string; nom: string }[]
}>

/**
 * Checks the invariants the engine relies on and throws an `Error` naming the first broken one:
 * array lengths, coordinates in range, unique lieu ids, known département of every commune and lieu.
 */
export function checkDonnees(communes: Communes, lieux: Lieux, territoires: Territoires): void {
  checkLengths('Communes', communes.n, {
    code: communes.code.length,
    nom: communes.nom.length,
    departement: communes.departement.length,
    region: communes.region.length,
    longitude: communes.longitude.length,
    latitude: communes.latitude.length,
    population: communes.population.length,
    ifn: communes.ifn.length,
    com: communes.com.length,
  })
  checkLengths('Lieux', lieux.n, {
    id: lieux.id.length,
    nom: lieux.nom.length,
    categories: lieux.categories.length,
    longitude: lieux.longitude.length,
    latitude: lieux.latitude.length,
    conseillers: lieux.conseillers.length,
    postes: lieux.postes.length,
    financementEuros: lieux.financementEuros.length,
    departement: lieux.departement.length,
    actif: lieux.actif.length,
  })
  const departements = new Set<string>()
  for (const d of territoires.departements) {
    if (departements.has(d.code)) throw new Error(`Territoires: département ${d.code} listed twice`)
    departements.add(d.code)
  }
  for (let i = 0; i < communes.n; i++) {
    const code = communes.code[i]!
    checkPosition(`Commune ${code}`, communes.longitude[i]!, communes.latitude[i]!)
    if (!(communes.population[i]! >= 0)) throw new Error(`Commune ${code}: population must be ≥ 0, got ${communes.population[i]}`)
    if (!departements.has(communes.departement[i]!))
      throw new Error(`Commune ${code}: unknown département '${communes.departement[i]}'`)
  }
  const ids = new Set<number>()
  for (let j = 0; j < lieux.n; j++) {
    const id = lieux.id[j]!
    if (ids.has(id)) throw new Error(`Lieux: id ${id} appears twice`)
    ids.add(id)
    checkPosition(`Lieu ${id}`, lieux.longitude[j]!, lieux.latitude[j]!)
    if (!departements.has(lieux.departement[j]!)) throw new Error(`Lieu ${id}: unknown département '${lieux.departement[j]}'`)
    if (lieux.conseillers[j]! < 0) throw new Error(`Lieu ${id}: conseillers must be ≥ 0 or NaN, got ${lieux.conseillers[j]}`)
  }
}

function checkLengths(what: string, n: number, lengths: Record<string, number>): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what}: n must be a non-negative integer, got ${n}`)
  for (const [field, length] of Object.entries(lengths))
    if (length !== n) throw new Error(`${what}: ${field} has ${length} entries when n = ${n}`)
}

function checkPosition(what: string, longitude: number, latitude: number): void {
  if (!(longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90))
    throw new Error(`${what}: position [${longitude}, ${latitude}] is not a WGS84 [lng, lat]`)
}
