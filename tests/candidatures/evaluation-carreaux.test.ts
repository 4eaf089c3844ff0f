import { describe, expect, it } from 'vitest'
import { evaluerCandidatures, selectionnerCandidatures } from '../../server/candidatures/evaluation.ts'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { distanceCarreau } from '../../server/spatial/carreaux.ts'
import { haversineKm } from '../../server/spatial/geo.ts'
import { buildMoteur } from '../../server/spatial/moteur.ts'
import { buildSimulateur } from '../../server/spatial/simulation.ts'
import { donneesAleatoires, seeded } from '../spatial/helpers/aleatoire.ts'
import { cellulesAleatoires } from '../spatial/helpers/cellules-aleatoires.ts'

describe('the gain of a candidature, counted on cells', () => {
  const rnd = seeded(4242)
  const d = donneesAleatoires(rnd, { communes: 400, lieux: 60 })
  const carreaux = cellulesAleatoires(rnd, d.communes)
  const moteur = buildMoteur(d.communes, d.lieux, d.territoires, { carreaux })
  const deps = { moteur, simulateur: buildSimulateur(moteur) }
  const p = { departement: '26', rayonKm: 25, masque: OFFRE_COMPLETE }
  const communes26 = Array.from({ length: d.communes.n }, (_, i) => i).filter((i) => d.communes.departement[i] === '26')
  const candidatures = Array.from({ length: 8 }, (_, t) => {
    const i = communes26[(t * 7) % communes26.length]!
    return { longitude: d.communes.longitude[i]!, latitude: d.communes.latitude[i]!, postes: 1 + (t % 3), type: t % 2 === 0 ? 'collectivite' as const : 'privee' as const }
  })

  /** Inhabitants of the Drôme not covered today, within rayonKm of the point: scanned cell by cell (or centre without cells). */
  const oracle = (lng: number, lat: number): number => {
    let s = 0
    for (const i of communes26) {
      const a = carreaux.debut[i]!, b = carreaux.debut[i + 1]!
      if (a === b) {
        if (moteur.couverture(p).couverte[i] === 0 && haversineKm(lng, lat, d.communes.longitude[i]!, d.communes.latitude[i]!) <= p.rayonKm) s += d.communes.population[i]!
        continue
      }
      for (let c = a; c < b; c++)
        if (distanceCarreau(moteur.distancesCarreaux, carreaux.n, c, p.masque) > p.rayonKm && haversineKm(lng, lat, carreaux.longitude[c]!, carreaux.latitude[c]!) <= p.rayonKm) s += carreaux.population[c]!
    }
    return s
  }

  it('is the uncovered inhabitants of its département within reach of its postes, cell by cell', () => {
    const evaluations = evaluerCandidatures(deps, p, candidatures)
    evaluations.forEach((e, t) => expect(e.gain, `candidature ${t}`).toBe(oracle(candidatures[t]!.longitude, candidatures[t]!.latitude)))
    expect(evaluations.filter((e) => e.gain > 0).length).toBeGreaterThanOrEqual(4)
  })

  it('selects within a budget of postes a set whose joint gain is what the simulation of the set says', () => {
    const r = selectionnerCandidatures(deps, undefined, { ...p, poids: 'population', candidatures, unite: 'postes', budget: 4, tempsLimiteMs: 1000 })
    const sim = deps.simulateur.simuler({ ...p, methode: 'carreaux', retraits: [], ajouts: r.choisis.map((k) => ({ longitude: candidatures[k]!.longitude, latitude: candidatures[k]!.latitude, conseillers: candidatures[k]!.postes })) })
    if (!sim.ok) throw new Error(sim.motif)
    expect(r.gainPopulation).toBe(sim.avant.populationZonesBlanches - sim.apres.populationZonesBlanches)
    expect(r.choisis.reduce((s, k) => s + candidatures[k]!.postes, 0)).toBeLessThanOrEqual(4)
    expect(r.gainPopulation).toBeGreaterThan(0)
  })
})
