import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { ouvrirBase } from '../../server/db/open.ts'
import { moteurDeLaBase } from '../../server/moteur-base.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

describe('moteurDeLaBase: the cells on memory the pool workers share', () => {
  // GIVEN the national engine as the server builds it
  const db = ouvrirBase(CHEMIN_BASE_NATIONALE)
  const { moteur } = moteurDeLaBase(db)
  const { carreaux, plusProchesCarreaux } = moteur
  const tableaux = { ...carreaux, ...plusProchesCarreaux } as Record<string, unknown>

  it('puts the 373,281 cells and their nearest lieux on SharedArrayBuffers', () => {
    expect(carreaux.n).toBeGreaterThan(370_000)
    for (const nom of ['longitude', 'latitude', 'population', 'commune', 'debut', 'lieu', 'distanceKm'])
      expect((tableaux[nom] as Float64Array).buffer, nom).toBeInstanceOf(SharedArrayBuffer)
  })

  it('builds, from the cells it is given, an engine that uses those very arrays and counts the same figures', () => {
    // WHEN a second engine is built on the first one's cells, as a pool worker does
    const { moteur: second } = moteurDeLaBase(db, { carreaux, plusProchesCarreaux })
    // THEN it holds the same arrays, not copies, and its figures on cells are the first engine's
    expect(second.carreaux.population).toBe(carreaux.population)
    expect(second.distancesCarreaux).toBe(plusProchesCarreaux.distanceKm)
    for (const params of [{ rayonKm: 7.5, masque: 15 }, { rayonKm: 30, masque: 6 }])
      expect(JSON.stringify(second.chiffresNationaux(params, 'carreaux'))).toBe(JSON.stringify(moteur.chiffresNationaux(params, 'carreaux')))
  })

  it('hands a worker thread the same memory: what the thread writes, this thread reads', async () => {
    // GIVEN a copy of the cells' populations on shared memory (the engine's own arrays are never written)
    const copie = new Float64Array(new SharedArrayBuffer(carreaux.population.byteLength))
    copie.set(carreaux.population)
    // WHEN a worker thread receives it as workerData and doubles the first cell's population
    const avant = copie[0]!
    const fil = new Worker('const { workerData, parentPort } = require("node:worker_threads"); workerData[0] *= 2; parentPort.postMessage("fait")', { eval: true, workerData: copie })
    await new Promise((ok) => fil.once('message', ok))
    await fil.terminate()
    // THEN this thread sees it: the array was shared, not cloned
    expect(copie[0]).toBe(2 * avant)
  })
})
