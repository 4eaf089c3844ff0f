import { describe, expect, it } from 'vitest'
import { ouvrirBase } from '../../server/db/open.ts'
import { moteurDeLaBase } from '../../server/moteur-base.ts'
import type { Methode } from '../../server/domain/methode.ts'
import { calculerAccessibilite } from '../../server/spatial/accessibilite.ts'
import type { Moteur } from '../../server/spatial/moteur.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

const moteurNational = (): Moteur => {
  const db = ouvrirBase(CHEMIN_BASE_NATIONALE)
  const { moteur } = moteurDeLaBase(db)
  db.close()
  return moteur
}

const tout = (m: Moteur, params: { rayonKm: number; masque: number }, methode: Methode) =>
  JSON.stringify({
    nationaux: m.chiffresNationaux(params, methode),
    regions: m.chiffresRegions(params, methode),
    departements: m.chiffresDepartements(params, methode),
    communes26: m.communesDuDepartement('26', params, methode),
    blanches: m.zonesBlanches(params, { limit: 50, methode }),
  })

describe('Moteur.preparer, while a worker computes the 2SFCA', () => {
  // GIVEN two national engines (with cells): one is told nothing, the other prepares then receives the accessibility
  const neuf = moteurNational()
  const prepare = moteurNational()

  it.each([
    [{ rayonKm: 9.75, masque: 15 }, 'carreaux'],
    [{ rayonKm: 12.5, masque: 11 }, 'centres'],
    [{ rayonKm: 47, masque: 6 }, 'centres'],
    [{ rayonKm: 3, masque: 1 }, 'carreaux'],
  ] as const)('gives the figures an engine computing all at once gives, byte for byte (%o, %s)', (params, methode) => {
    // WHEN the second prepares the figures of one method, then gets the 2SFCA from elsewhere (with its medians, as the
    // pool's worker hands them, for the cells cases; without, for the others)
    prepare.preparer(params, methode)
    expect(prepare.aCalculer(params)).toBe(true)
    const accessibilite = calculerAccessibilite(prepare.index, params.rayonKm, params.masque)
    prepare.fournirAccessibilite(params, accessibilite, methode === 'carreaux' ? prepare.medianesAccessibilite(accessibilite) : undefined)
    // THEN both engines answer the same figures, communes and zones blanches, in both methods
    for (const m of ['carreaux', 'centres'] as const) expect(tout(prepare, params, m), m).toBe(tout(neuf, params, m))
    expect(prepare.aCalculer(params)).toBe(false)
  })

  it('leaves cached figures as they are', () => {
    const params = { rayonKm: 9.75, masque: 15 }
    const avant = prepare.chiffresNationaux(params, 'carreaux')
    prepare.preparer(params, 'carreaux')
    expect(prepare.chiffresNationaux(params, 'carreaux')).toBe(avant)
  })

  it('refuses medians that are not those of its groupings', () => {
    const params = { rayonKm: 17, masque: 3 }
    const accessibilite = calculerAccessibilite(prepare.index, 17, 3)
    expect(() => prepare.fournirAccessibilite(params, accessibilite, prepare.medianesAccessibilite(accessibilite).slice(1))).toThrow(/groupings/)
  })

  it('refuses bad parameters as the queries do', () => {
    expect(() => prepare.preparer({ rayonKm: 0.5, masque: 15 }, 'centres')).toThrow(/rayonKm/)
    expect(() => prepare.preparer({ rayonKm: 10, masque: 16 }, 'centres')).toThrow(/masque/)
  })
})
