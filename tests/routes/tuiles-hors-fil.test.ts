import { afterAll, describe, expect, it } from 'vitest'
import { tuilesHorsFil } from '../../server/tuiles/hors-fil.ts'
import { depsNationales } from './app-nationale.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

// Tiles a national first view and a département view ask for, the sea, and an overzoomed one.
const TUILES: [number, number, number][] = [[5, 16, 11], [6, 33, 22], [9, 264, 181], [12, 2108, 1460], [6, 0, 0], [14, 8430, 5860]]

describe('commune tiles made by their own thread', () => {
  const horsFil = tuilesHorsFil(CHEMIN_BASE_NATIONALE)
  afterAll(() => horsFil.fermer())

  it('gives the same bytes as the tiles built on this thread, empty ones included', async () => {
    const enLigne = depsNationales().tuiles
    for (const [z, x, y] of TUILES) expect(Buffer.from(await horsFil.tuile(z, x, y))).toEqual(Buffer.from(await enLigne.tuile(z, x, y)))
  }, 60_000)

  it('asks a tile once however many requests wait for it, and keeps it', async () => {
    const [a, b] = [horsFil.tuile(7, 66, 45), horsFil.tuile(7, 66, 45)]
    expect(a).toBe(b)
    const octets = await a
    expect(octets.length).toBeGreaterThan(0)
    expect(await horsFil.tuile(7, 66, 45)).toBe(octets)
  }, 60_000)

  it('starts a new thread after the previous one stopped', async () => {
    await horsFil.fermer()
    expect((await horsFil.tuile(8, 132, 90)).length).toBeGreaterThan(0)
  }, 60_000)
})
