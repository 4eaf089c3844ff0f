import { describe, expect, it } from 'vitest'
import type { Agent } from '../../client/api/types.ts'
import { libelleConnecte } from '../../client/presenters/agent.ts'

describe('who the header says is signed in', () => {
  it('names nobody for the public', () => {
    expect(libelleConnecte({ ok: true, connexionPossible: true, identite: null, agent: null })).toBeNull()
  })

  it('gives a préfet’s name, role and départements, and the e-mail when the provider gave no name', () => {
    const agent = { email: 'p@drome.gouv.fr', nom: null, role: 'prefet', departements: ['07', '26'] } satisfies Agent
    expect(libelleConnecte({ ok: true, connexionPossible: true, identite: { email: 'p@drome.gouv.fr', nom: 'Élise Drôme' }, agent })).toBe('Élise Drôme — Préfecture (07, 26)')
    expect(libelleConnecte({ ok: true, connexionPossible: true, identite: { email: 'p@drome.gouv.fr', nom: null }, agent })).toBe('p@drome.gouv.fr — Préfecture (07, 26)')
  })

  it('says when a signed-in person has no role, and names the national roles without départements', () => {
    const identite = { email: 'a@anct.gouv.fr', nom: 'Anne' }
    expect(libelleConnecte({ ok: true, connexionPossible: true, identite, agent: null })).toBe('Anne — sans rôle')
    expect(libelleConnecte({ ok: true, connexionPossible: true, identite, agent: { email: 'a@anct.gouv.fr', nom: null, role: 'planificateur', departements: [] } }))
      .toBe('Anne — Planification ANCT')
  })
})
