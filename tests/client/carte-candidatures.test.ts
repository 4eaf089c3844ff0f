import { describe, expect, it } from 'vitest'
import type { CandidatureEvaluee as Candidature, CouvertureCommune } from '../../client/api/types.ts'
import { classementGains, etatsCommunesCandidature, filtrerCandidatures, pointsCandidatures, SANS_FILTRE } from '../../client/presenters/carte-candidatures.ts'

const candidature = (id: number, type: 'collectivite' | 'privee', avis: 'favorable' | 'reserve' | 'defavorable' | null, gain: number, postes: number, couvertes: string[] = []) =>
  ({ id, type, gain, postes, nom: `C${id}`, longitude: 5 + id / 10, latitude: 44.5,
    avis: avis === null ? null : { avis, commentaire: '', auteur: 'p@x.fr', donneLe: '2026-11-28' },
    communesCouvertes: couvertes.map((code) => ({ code, nom: code, population: 100 })) }) as unknown as Candidature

const LISTE = [
  candidature(1, 'collectivite', 'favorable', 1_200, 2, ['26001']), candidature(2, 'privee', 'reserve', 0, 1),
  candidature(3, 'privee', null, 300, 3), candidature(4, 'collectivite', 'defavorable', 50, 1),
]

describe('presenting the candidatures on a map', () => {
  it.each([
    [{ avis: 'tous', type: 'tous' }, [1, 2, 3, 4]], [{ avis: 'favorable', type: 'tous' }, [1]], [{ avis: 'sans-avis', type: 'tous' }, [3]],
    [{ avis: 'tous', type: 'privee' }, [2, 3]], [{ avis: 'defavorable', type: 'privee' }, []], [{ avis: 'reserve', type: 'privee' }, [2]],
  ] as const)('keeps, with the filters %j, the candidatures %j', (filtres, attendues) => {
    expect(filtrerCandidatures(LISTE, filtres).map((c) => c.id)).toEqual(attendues)
  })

  it('sizes each marker by its postes, colours it by its gain’s class, flags the selected one, larger ones drawn first', () => {
    const classement = classementGains(LISTE)
    const points = pointsCandidatures(LISTE, classement, 4)
    expect(points.features.map((f) => f.properties!.id)).toEqual([3, 1, 2, 4])
    expect(points.features.map((f) => f.properties!.postes)).toEqual([3, 2, 1, 1])
    expect(points.features.find((f) => f.properties!.id === 4)!.properties!.selection).toBe(true)
    expect(points.features.filter((f) => f.properties!.selection)).toHaveLength(1)
    // The largest gain gets the darkest colour of the ramp, the null gain the lightest.
    const couleur = (id: number) => points.features.find((f) => f.properties!.id === id)!.properties!.couleur
    expect(couleur(1)).toBe(classement.couleurs.at(-1))
    expect(couleur(2)).toBe(classement.couleurs[0])
    expect(points.features[1]!.geometry).toEqual({ type: 'Point', coordinates: [5.1, 44.5] })
    expect(SANS_FILTRE).toEqual({ avis: 'tous', type: 'tous' })
  })

  it('outlines on the coverage the communes the selected candidature would cover', () => {
    const communes = [{ code: '26001', couverte: false }, { code: '26002', couverte: true }, { code: '26003', couverte: false }] as unknown as CouvertureCommune[]
    expect([...etatsCommunesCandidature(communes, LISTE[0])]).toEqual([
      ['26001', { valeur: 0, blanche: true, changee: true }], ['26002', { valeur: 1, blanche: false, changee: false }], ['26003', { valeur: 0, blanche: true, changee: false }]])
    expect([...etatsCommunesCandidature(communes, undefined)].filter(([, e]) => e.changee)).toEqual([])
  })
})
