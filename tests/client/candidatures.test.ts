import { describe, expect, it } from 'vitest'
import { CATEGORIES } from '../../server/domain/offre.ts'
import type { Candidature } from '../../client/api/types.ts'
import { agitSurCandidatures, libelleAvis, lienPlanificateur } from '../../client/presenters/candidatures.ts'
import { lirePlanification } from '../../client/presenters/scenario.ts'

const candidature = { avis: null } as unknown as Candidature

describe('presenting candidatures', () => {
  it('opens the planner on the retained candidatures as added postes, at the list’s radius and offre', () => {
    const lien = lienPlanificateur('26', { rayonKm: 8, offre: [...CATEGORIES] }, { ajouts: [{ lon: 5.123456, lat: 44.5, conseillers: 3 }] })
    expect(lien).toBe('/planifier/26?rayonKm=8&ajouts=5.12346%2C44.5%2C3')
    expect(lirePlanification(new URLSearchParams(lien.split('?')[1]))).toMatchObject({ rayonKm: 8, ajouts: [{ lon: 5.12346, lat: 44.5, conseillers: 3 }], retraits: [] })
  })

  it('names the current avis with its comment, author and date, or says there is none', () => {
    expect(libelleAvis(candidature)).toBe('Pas encore d’avis')
    expect(libelleAvis({ ...candidature, avis: { avis: 'reserve', commentaire: 'Locaux', auteur: 'p@drome.gouv.fr', donneLe: '2026-11-28T10:00:00.000Z' } }))
      .toBe('Réservé — Locaux (p@drome.gouv.fr, 28/11/2026)')
  })

  it.each([
    [{ role: 'prefet', departements: ['26'] }, '26', true], [{ role: 'prefet', departements: ['07'] }, '26', false],
    [{ role: 'planificateur', departements: [] }, '26', false], [{ role: 'admin', departements: [] }, '971', true], [null, '26', false],
  ] as const)('shows the import and avis forms to %j in %s: %s', (agent, code, attendu) => {
    expect(agitSurCandidatures(agent === null ? null : { email: 'a@b.fr', nom: null, ...agent, departements: [...agent.departements] }, code)).toBe(attendu)
  })
})
