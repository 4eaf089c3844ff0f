import { describe, expect, it } from 'vitest'
import { ouvrirComptes } from '../../server/db/comptes.ts'
import { accedeAuDepartement } from '../../server/domain/agent.ts'

const contenu = { rayonKm: 10, offre: ['france-services'], ajouts: [{ lon: 4.89, lat: 44.93, conseillers: 1 }], retraits: [12] }

describe('the accounts database', () => {
  it('stores an agent under the lower-case e-mail, keeps départements for préfets only, and keeps a known name when none is given', () => {
    const db = ouvrirComptes(':memory:')
    db.enregistrerAgent({ email: ' Prefet@Drome.gouv.fr ', nom: 'Élise', role: 'prefet', departements: ['26', '07', '26'] })
    expect(db.agent('PREFET@drome.gouv.fr')).toEqual({ email: 'prefet@drome.gouv.fr', nom: 'Élise', role: 'prefet', departements: ['07', '26'] })
    db.enregistrerAgent({ email: 'prefet@drome.gouv.fr', role: 'planificateur', departements: ['26'] })
    expect(db.agent('prefet@drome.gouv.fr')).toEqual({ email: 'prefet@drome.gouv.fr', nom: 'Élise', role: 'planificateur', departements: [] })
    expect(db.supprimerAgent('PREFET@drome.gouv.fr')).toBe(true)
    expect(db.agent('prefet@drome.gouv.fr')).toBeNull()
  })

  it('forgets a session when it expires', () => {
    let t = 1_000_000
    const db = ouvrirComptes(':memory:', () => t)
    db.creerSession('empreinte', { sujet: 's', email: 'A@b.fr', nom: null, jetonId: null }, 60_000)
    expect(db.session('empreinte')).toEqual({ sujet: 's', email: 'a@b.fr', nom: null, jetonId: null, expireLe: 1_060_000 })
    t += 59_999
    expect(db.session('empreinte')).not.toBeNull()
    t += 1
    expect(db.session('empreinte')).toBeNull()
  })

  it('lists the scenarios of the given départements only, or all of them for a national scope', () => {
    const db = ouvrirComptes(':memory:')
    const a = db.creerScenario('A', '26', contenu, 'x@y.fr')
    const b = db.creerScenario('B', '07', contenu, 'x@y.fr')
    db.creerScenario('C', '2A', contenu, 'x@y.fr')
    expect(db.scenarios(['26']).map((s) => s.titre)).toEqual(['A'])
    expect(db.scenarios(['26', '07']).map((s) => s.titre).sort()).toEqual(['A', 'B'])
    expect(db.scenarios(null)).toHaveLength(3)
    expect(db.scenario(a.id)).toMatchObject({ titre: 'A', departement: '26', auteur: 'x@y.fr', ...contenu })
    expect(db.modifierScenario(b.id, 'B2', '07', { ...contenu, rayonKm: 5 })?.rayonKm).toBe(5)
    expect(db.supprimerScenario(a.id)).toBe(true)
    expect(db.supprimerScenario(a.id)).toBe(false)
  })
})

describe('territorial scope', () => {
  it('gives a préfet their départements only and the national roles every département', () => {
    const prefet = { email: 'p@x.fr', nom: null, role: 'prefet', departements: ['26'] } as const
    expect(accedeAuDepartement(prefet, '26')).toBe(true)
    expect(accedeAuDepartement(prefet, '07')).toBe(false)
    expect(accedeAuDepartement({ ...prefet, role: 'planificateur', departements: [] }, '07')).toBe(true)
    expect(accedeAuDepartement({ ...prefet, role: 'admin', departements: [] }, '971')).toBe(true)
  })
})
