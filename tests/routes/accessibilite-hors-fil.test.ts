import { BroadcastChannel } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { filAccessibilite } from '../../server/calculs/fil-accessibilite.ts'
import { prechaufferVueParDefaut } from '../../server/calculs/prechauffage.ts'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { RAYON_DEFAUT_KM } from '../../server/domain/vue-par-defaut.ts'
import { buildCalculs, type Calculs } from '../../server/calculs/pool.ts'
import { buildMoteur } from '../../server/spatial/index.ts'
import { donneesNationales } from '../spatial/simulation-donnees.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { depsNationales } from './app-nationale.ts'

const DELAIS = { publicMs: 120_000, agentMs: 120_000 }
const moteurNeuf = () => {
  const d = donneesNationales()
  return buildMoteur(d.communes, d.lieux, d.territoires)
}

describe('the 2SFCA of a radius and offre never asked, in the computation pool', () => {
  let calculs: Calculs
  let canal: BroadcastChannel
  const etapes: string[] = []
  const attentes: { etape: string; ok: () => void }[] = []
  const attendre = (etape: string) => (etapes.includes(etape) ? Promise.resolve() : new Promise<void>((ok) => attentes.push({ etape, ok })))
  let moteurPool: ReturnType<typeof buildMoteur>

  beforeAll(() => {
    // GIVEN one worker over the national database, saying on a channel when each task starts and ends
    moteurPool = moteurNeuf()
    calculs = buildCalculs({ travailleurs: 1, fileAttenteMax: 4, suivi: 'test-2sfca-hors-fil' }, CHEMIN_BASE_NATIONALE, moteurPool)
    canal = new BroadcastChannel('test-2sfca-hors-fil')
    canal.onmessage = (m) => {
      const etape = String((m as { data: unknown }).data)
      etapes.push(etape)
      for (const a of attentes.filter((x) => x.etape === etape)) a.ok()
    }
  })
  afterAll(async () => {
    canal?.close()
    await calculs?.fermer()
  })

  it('answers byte for byte as the inline engine does, the accessibility computed by the worker', async () => {
    // GIVEN the same data served inline and with the pool, each engine with an empty cache
    const enLigne = createApp({ ...depsNationales(), moteur: moteurNeuf(), delais: DELAIS })
    // Tasks counted on this thread, as they are handed to the pool (the worker's channel may speak after the answer)
    const taches: string[] = []
    const compteur: Calculs = { ...calculs, executer: (tache, options) => (taches.push(tache.type), calculs.executer(tache, options)) }
    // Wide radii: half of the walk in the pool, half in the 2SFCA thread
    const fil = filAccessibilite(moteurPool.index)
    const enPool = createApp({ ...depsNationales(), moteur: moteurPool, calculs: compteur, delais: DELAIS, filAccessibilite: fil })
    // Wide radii walk the tree, narrow ones read the neighbour lists; this thread prepares each method's sums meanwhile.
    const chemins = ['/couverture?rayonKm=73.5&offre=mediation,france-services', '/departements/26/communes?rayonKm=41&offre=conseillers-numeriques',
      '/couverture?rayonKm=12.5&methode=centres&offre=aidants-connect,mediation', '/departements/13/couverture?rayonKm=8.25']
    for (const chemin of chemins) {
      // WHEN both are asked figures of a radius never asked
      const [a, b] = [await enLigne.request(chemin), await enPool.request(chemin)]
      // THEN the answers are the same bytes
      expect([a.status, b.status], chemin).toEqual([200, 200])
      expect(await b.text(), chemin).toBe(await a.text())
    }
    // AND the pool's engine got each accessibility from the worker: one task per new (radius, offre), none after
    expect(taches).toEqual(['accessibilite-partie', 'accessibilite-partie', 'accessibilite', 'accessibilite'])
    await enPool.request(chemins[0]!)
    expect(taches).toHaveLength(chemins.length)
    await fil.fermer()
  })

  it('keeps answering /api/sante while the 2SFCA of 100 km runs in the worker', async () => {
    const app = createApp({ ...depsNationales(), moteur: moteurNeuf(), calculs, delais: DELAIS })
    // GIVEN the national figures at 100 km asked, their 2SFCA under way in the worker
    etapes.length = 0
    let finie = false
    const couverture = Promise.resolve(app.request('/couverture?rayonKm=100&offre=mediation')).then((r) => {
      finie = true
      return r
    })
    await attendre('accessibilite:debut')
    // WHEN the health check is asked THEN it answers while the 2SFCA is still running
    const sante = await app.request('/sante')
    expect(sante.status).toBe(200)
    expect(finie).toBe(false)
    // AND the figures come in full afterwards
    const r = await couverture
    expect(r.status).toBe(200)
    expect(((await r.json()) as { rayonKm: number }).rayonKm).toBe(100)
  })

  it('computes the view the dashboard opens on in advance, as a request would, and only with workers', async () => {
    // GIVEN a fresh engine and the pool
    const params = { rayonKm: RAYON_DEFAUT_KM, masque: OFFRE_COMPLETE }
    const moteur = moteurNeuf()
    // WHEN the server warms it up
    await prechaufferVueParDefaut({ moteur, calculs })
    // THEN its figures are cached, and the same as an engine computing them on request
    expect(moteur.aCalculer(params)).toBe(false)
    const neuf = moteurNeuf()
    expect(JSON.stringify(moteur.chiffresDepartements(params, 'carreaux'))).toBe(JSON.stringify(neuf.chiffresDepartements(params, 'carreaux')))
    // AND inline (no worker) it leaves the engine alone: the 2SFCA would hold the only thread
    const seul = moteurNeuf()
    await prechaufferVueParDefaut({ moteur: seul, calculs: buildCalculs({ travailleurs: 0, fileAttenteMax: 0 }, CHEMIN_BASE_NATIONALE, seul) })
    expect(seul.aCalculer(params)).toBe(true)
  })
})
