import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { lireConfig } from '../../server/config.ts'
import { entetesSecurite } from '../../server/securite/entetes.ts'

describe('MAILLAGE_INTEGRATION_ORIGINES', () => {
  it('is an empty list by default', () => {
    expect(lireConfig({}).MAILLAGE_INTEGRATION_ORIGINES).toEqual([])
  })

  it('reads a comma-separated list of origins', () => {
    expect(lireConfig({ MAILLAGE_INTEGRATION_ORIGINES: 'https://www.ville-die.fr, https://www.ladrome.fr' }).MAILLAGE_INTEGRATION_ORIGINES)
      .toEqual(['https://www.ville-die.fr', 'https://www.ladrome.fr'])
  })

  it.each(['www.ville-die.fr', 'https://www.ville-die.fr/carte', 'https://www.ville-die.fr/', 'ftp://ville-die.fr'])('refuses « %s », naming the variable', (valeur) => {
    expect(() => lireConfig({ MAILLAGE_INTEGRATION_ORIGINES: valeur })).toThrow(/MAILLAGE_INTEGRATION_ORIGINES : « .* » n'est pas une origine/)
  })
})

describe('frame-ancestors of the embeddable pages', () => {
  const app = new Hono().use('*', entetesSecurite([], ['https://www.ville-die.fr'])).get('*', (c) => c.html('<!doctype html>'))

  it('lists the declared sites on /integrer/… and sends no X-Frame-Options there', async () => {
    const res = await app.request('/integrer/departements/26')
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'self' https://www.ville-die.fr")
    expect(res.headers.get('X-Frame-Options')).toBeNull()
  })

  it.each(['/', '/integrer', '/integration', '/departements/26'])('keeps %s unframeable', async (chemin) => {
    const res = await app.request(chemin)
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('X-Frame-Options')).toBe('DENY')
  })
})
