import { afterAll, describe, expect, it } from 'vitest'
import { filAccessibilite } from '../../server/calculs/fil-accessibilite.ts'
import { contributionsArbre, finirAccessibiliteArbre } from '../../server/spatial/accessibilite.ts'
import { buildMoteur } from '../../server/spatial/index.ts'
import { donneesNationales } from '../spatial/simulation-donnees.ts'

describe('the 2SFCA thread, which walks half of a wide radius', () => {
  // GIVEN the national engine, and a thread holding only what the walk reads
  const d = donneesNationales()
  const { index } = buildMoteur(d.communes, d.lieux, d.territoires)
  const fil = filAccessibilite(index)
  afterAll(() => fil.fermer())

  it('gives the very bits of the walk on this thread, for each part', async () => {
    for (const [rayonKm, masque, partie] of [[73.5, 15, 1], [100, 2, 0], [21, 9, 1]] as const) {
      const { parNoeud, parSlot } = await fil.contributions({ rayonKm, masque }, partie)
      const attendu = contributionsArbre(index, rayonKm, masque, partie)
      expect(Buffer.from(parNoeud.buffer)).toEqual(Buffer.from(attendu.parNoeud.buffer))
      expect(Buffer.from(parSlot.buffer)).toEqual(Buffer.from(attendu.parSlot.buffer))
    }
  }, 60_000)

  it('makes, with the other part, the accessibility computed in one go', async () => {
    const params = { rayonKm: 48, masque: 5 }
    const parties = [contributionsArbre(index, params.rayonKm, params.masque, 0), await fil.contributions(params, 1)]
    expect(Array.from(finirAccessibiliteArbre(index, parties))).toEqual(Array.from(finirAccessibiliteArbre(index, [0, 1].map((p) => contributionsArbre(index, 48, 5, p)))))
  }, 60_000)

  it('reports a part that does not exist as an error (the route then computes the 2SFCA itself)', async () => {
    await expect(fil.contributions({ rayonKm: 30, masque: 15 }, 2)).rejects.toThrow(/part 2 is not in 0\.\.1/)
  }, 60_000)

  it('starts a new thread after the previous one stopped', async () => {
    await fil.fermer()
    const { parSlot } = await fil.contributions({ rayonKm: 30, masque: 15 }, 0)
    expect(parSlot.some((x) => x > 0)).toBe(true)
  }, 60_000)
})
