import { describe, expect, it } from 'vitest'
import { CATEGORIES } from '../../server/domain/offre.ts'
import type { Candidature } from '../../client/api/types.ts'
import { agitSurCandidatures, libelleAvis, lienPlanificateur, messageImportRefuse } from '../../client/presenters/candidatures.ts'
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

  it('points a préfet whose file had refused rows to the form’s checkbox, not to the API’s ?partiel=oui', () => {
    const message = '2 lignes refusées sur 3 : rien n’est importé. Corrigez-les, ou importez les autres seules avec ?partiel=oui.'
    const rejetees = [{ ligne: 3 }, { ligne: 5 }, { ligne: 5 }]
    expect(messageImportRefuse(422, message, rejetees, false))
      .toBe('2 lignes refusées : rien n’est importé. Corrigez le fichier, ou cochez « Importer les lignes valables même si d’autres sont refusées ».')
    expect(messageImportRefuse(422, message, [{ ligne: 2 }], false)).toMatch(/^1 ligne refusée : rien n’est importé\./)
    // With the box ticked and still nothing valid, or a request refused before any row was read, the server's message stands.
    expect(messageImportRefuse(422, 'Aucune candidature n’est valable (1 ligne refusée) : rien n’est importé.', [{ ligne: 2 }], true))
      .toBe('Aucune candidature n’est valable (1 ligne refusée) : rien n’est importé.')
    expect(messageImportRefuse(400, 'Colonnes manquantes : type', [], false)).toBe('Colonnes manquantes : type')
  })
})
