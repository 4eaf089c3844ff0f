import fc from 'fast-check'

/** Seed of every property run: fixed so CI is reproducible; MAILLAGE_FC_SEED explores others. */
export const GRAINE = Number(process.env.MAILLAGE_FC_SEED ?? 20261123)

/** Values nobody should send: wrong types, odd numbers, unicode, SQL, markup, very long strings. */
export const valeurHostile: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-Infinity', '1e999', '-0', '0x1A', '1_000', ' 10 ', '10,5', '10.', '.5', '+5', '٣', '１０', '10km',
    'true', 'null', 'undefined', '[]', '{}', '{"$gt":""}', '__proto__', 'constructor', 'toString'),
  fc.constantFrom("' OR '1'='1", "26'; DROP TABLE lieu; --", '1 UNION SELECT id FROM import', '%', '_', '%25', '\\', '"', "'", '*', ';', '--',
    "26' --", '2A" OR ""="', 'é', 'Ÿ', '\u0000', '\uFEFF26', '\u202E62', '𝟐𝟔', '🏳️‍🌈', '<script>alert(1)</script>', '../../etc/passwd', '..%2F..%2F'),
  fc.integer({ min: 200, max: 6_000 }).map((n) => 'a'.repeat(n)),
  fc.string({ minLength: 200, maxLength: 2_000 }),
)

/** Percent-encodes like a browser; lone surrogates (which encodeURIComponent refuses) become U+FFFD. */
export const encoder = (s: string): string => encodeURIComponent(s.toWellFormed())

/** A value as it may reach the server: properly encoded, or raw with broken percent escapes. */
export const brut = (valeurs: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: valeurs.map(encoder) },
    { weight: 1, arbitrary: fc.tuple(valeurs, fc.constantFrom('%', '%Z', '%E9', '%C3%28', '%FF%FE', '%00', '%2e%2e')).map(([v, p]) => `${encoder(v)}${p}`) },
  )

/** A query string from optional parameters, sometimes repeated, sometimes with an unknown one added. */
export function requete(params: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const entrees = Object.entries(params).map(([nom, valeurs]) =>
    fc.option(fc.oneof({ weight: 5, arbitrary: brut(valeurs).map((v) => [`${nom}=${v}`]) }, { weight: 1, arbitrary: fc.array(brut(valeurs), { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => `${nom}=${v}`)) }), { nil: undefined }))
  const inconnu = fc.option(fc.tuple(fc.string({ maxLength: 10 }), valeurHostile).map(([k, v]) => `${encoder(k)}=${encoder(v)}`), { nil: undefined, freq: 4 })
  return fc.tuple(fc.tuple(...entrees), inconnu).map(([morceaux, extra]) => {
    const tout = [...morceaux.flatMap((m) => m ?? []), ...(extra ? [extra] : [])]
    return tout.length ? `?${tout.join('&')}` : ''
  })
}

/** Mostly hostile, sometimes one of the valid values, so the success paths are exercised too. */
export const ou = (valides: readonly string[], autres: fc.Arbitrary<string> = valeurHostile) =>
  fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...valides) }, { weight: 3, arbitrary: autres })

export const CODES_DEPARTEMENT = ['26', '07', '2A', '2B', '75', '974', '976', '988', '99', '00', '20', '2a', ' 26 ']
export const CODES_COMMUNE = ['26113', '75056', '75101', '2A004', '97411', '01001', '26001', '99999', '00000', '2a004', '2C004', '01053']
export const OFFRES = ['conseillers-numeriques', 'france-services', 'mediation', 'aidants-connect', 'mediation,france-services',
  'aidants-connect,aidants-connect', ',', 'mediation,', 'inconnue', 'Mediation']
// Valid radii come from a small set: each new (rayonKm, offre) pair costs a national recompute (up to ~1 s at 100 km).
export const RAYONS = ['1', '5', '10', '10.5', '10,5', '25', '100', '0.99', '100.01', '0', '-10', '1000']

/** Numbers as text, from France, from far outside it, and at the edges of the valid ranges. */
export const coordonnee = (min: number, max: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.double({ min, max, noNaN: true }).map((x) => x.toFixed(6)),
    fc.double({ min: -1_000, max: 1_000, noNaN: true }).map(String),
    fc.constantFrom('-90', '90', '-180', '180', '90.000001', '-180.5', '0', '-0', '46,5', '46.5.2', '4e1'),
  )
