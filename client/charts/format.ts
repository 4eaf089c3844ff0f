import { formatLocale } from 'd3'

// d3-format's fr-FR locale, copied rather than imported as JSON so the bundle stays small:
// comma decimal, non-breaking space for thousands, narrow no-break space before %.
const fr = formatLocale({ decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0€'], percent: '\u202f%' })

const entier = fr.format(',.0f')
const decimal1 = fr.format(',.1f')
const pourcentage1 = fr.format(',.1%')
const euros = fr.format('$,.0f')
const millionsEuros = fr.format(',.1f')

const TIRET = '—'

export const formatEntier = (n: number | null | undefined): string => (n == null ? TIRET : entier(n))
export const formatDecimal = (n: number | null | undefined): string => (n == null ? TIRET : decimal1(n))
export const formatTaux = (taux: number | null | undefined): string => (taux == null ? TIRET : pourcentage1(taux))
export const formatKm = (km: number | null | undefined): string => (km == null ? TIRET : `${decimal1(km)}\u00a0km`)
export const formatEuros = (euro: number | null | undefined): string => {
  if (euro == null) return TIRET
  return Math.abs(euro) >= 1e6 ? `${millionsEuros(euro / 1e6)}\u00a0M€` : euros(euro)
}

/** "1 habitant", "2 habitants": French plural from 2 on, 0 and 1 singular. */
export const pluriel = (n: number, singulier: string, plurielForme = `${singulier}s`): string =>
  `${entier(n)}\u00a0${Math.abs(n) >= 2 ? plurielForme : singulier}`
