const JOURS = [['h_lundi', 'Mo'], ['h_mardi', 'Tu'], ['h_mercredi', 'We'], ['h_jeudi', 'Th'], ['h_vendredi', 'Fr'], ['h_samedi', 'Sa']] as const
const LIBELLES: Record<string, string> = { h_lundi: 'lundi', h_mardi: 'mardi', h_mercredi: 'mercredi', h_jeudi: 'jeudi', h_vendredi: 'vendredi', h_samedi: 'samedi' }
const PLAGE = /^(\d{1,2})[:h](\d{2})\s*-\s*(\d{1,2})[:h](\d{2})$/

const hh = (h: string, m: string) => `${h.padStart(2, '0')}:${m}`

/**
 * France services opening hours, one cell per day ("09:00 - 12:00 / 13:30 - 17:00"), as an OSM
 * opening_hours string ("Mo 09:00-12:00,13:30-17:00; …") and as readable French text.
 * The OSM form is null when any cell is not made of plain time ranges.
 */
export function horairesFranceServices(v: Record<string, string>): { horaires: string | null; horairesTexte: string | null } {
  const regles: string[] = []
  const texte: string[] = []
  let lisible = true
  for (const [colonne, jour] of JOURS) {
    const cellule = (v[colonne] ?? '').trim()
    if (cellule === '') continue
    texte.push(`${LIBELLES[colonne]} : ${cellule}`)
    const plages = cellule.split('/').map((p) => p.trim().match(PLAGE))
    if (plages.some((p) => p === null)) {
      lisible = false
      continue
    }
    regles.push(`${jour} ${plages.map((p) => `${hh(p![1]!, p![2]!)}-${hh(p![3]!, p![4]!)}`).join(',')}`)
  }
  return {
    horaires: lisible && regles.length > 0 ? regles.join('; ') : null,
    horairesTexte: texte.length > 0 ? texte.join(' ; ') : null,
  }
}
