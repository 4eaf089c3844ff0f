import { describe, expect, it } from 'vitest'
import { noteTroncature, titreZonesBlanches } from '../../client/presenters/zones-blanches.ts'

const communes = (n: number) => Array.from({ length: n }, (_, i) => ({ code: String(26000 + i) }))

describe('zones blanches list heading', () => {
  it('gives the count alone when every white-zone commune is listed', () => {
    expect(titreZonesBlanches({ communes: communes(12), total: 12, truncated: false, methode: 'centres' })).toBe('Communes en zone blanche (12)')
    expect(noteTroncature({ communes: communes(12), total: 12, truncated: false })).toBeNull()
  })

  it('gives the total, with a French thousands separator, when the list is truncated', () => {
    // 50 shown out of 1 234: the separator is a no-break space (d3 fr-FR locale).
    expect(titreZonesBlanches({ communes: communes(50), total: 1234, truncated: true, methode: 'centres' })).toBe('Communes en zone blanche (50 premières sur 1\u00a0234)')
  })

  it('names the partly covered communes too when the list counts on the 1 km grid', () => {
    expect(titreZonesBlanches({ communes: communes(3), total: 3, truncated: false, methode: 'carreaux' })).toBe('Communes en zone blanche ou couvertes en partie (3)')
  })

  it('says how many communes the truncated table leaves out', () => {
    expect(noteTroncature({ communes: communes(50), total: 312, truncated: true })).toBe('262 autres communes ne sont pas affichées : le fichier CSV contient les 312.')
  })
})
