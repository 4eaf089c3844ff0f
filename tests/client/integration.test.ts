import { describe, expect, it } from 'vitest'
import { cheminIntegration, codeIntegration } from '../../client/presenters/integration.ts'

describe('embeddable map snippet', () => {
  it('points the iframe at the finder page of the site', () => {
    expect(codeIntegration('https://maillage.anct.gouv.fr', { type: 'trouver' }, 'Trouver un lieu de médiation numérique', 600)).toBe(
      '<iframe src="https://maillage.anct.gouv.fr/integrer/trouver" title="Trouver un lieu de médiation numérique" width="100%" height="600" ' +
        'style="border: 0" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>',
    )
  })

  it('points the iframe at a département page by its code, kept as a string', () => {
    expect(cheminIntegration({ type: 'departement', code: '2A' })).toBe('/integrer/departements/2A')
  })

  it('escapes quotes in the title and keeps the height between 300 and 2000 pixels', () => {
    const code = codeIntegration('https://m.fr', { type: 'departement', code: '26' }, 'La "Drôme" & ses lieux', 80)
    expect(code).toContain('title="La &quot;Drôme&quot; &amp; ses lieux"')
    expect(code).toContain('height="300"')
    expect(codeIntegration('https://m.fr', { type: 'trouver' }, 't', 9999)).toContain('height="2000"')
  })
})
