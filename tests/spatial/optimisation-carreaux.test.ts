import loadHighs, { type Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { fusionnerDemandes } from '../../server/spatial/fusion-demandes.ts'
import { haversineKm } from '../../server/spatial/geo.ts'
import { buildMoteur } from '../../server/spatial/moteur.ts'
import { objectifMclp, type InstanceMclp } from '../../server/spatial/optimisation-mclp.ts'
import { buildProbleme, optimiserDepartement } from '../../server/spatial/optimisation.ts'
import { buildSimulateur } from '../../server/spatial/simulation.ts'
import { donneesAleatoires, seeded } from './helpers/aleatoire.ts'
import { cellulesAleatoires } from './helpers/cellules-aleatoires.ts'
import { distancesBruteForce } from './helpers/oracles-carreaux.ts'

describe('fusionnerDemandes', () => {
  it.each(Array.from({ length: 20 }, (_, k) => [k]))('keeps the objective of every set of candidates on seeded instance %i, with one point per distinct set', (k) => {
    // GIVEN a random instance whose points often share their candidates
    const rnd = seeded(500 + k)
    const nbCandidats = 2 + Math.floor(rnd() * 6)
    const nbPoints = 5 + Math.floor(rnd() * 40)
    const motifs = Array.from({ length: 4 }, () => Array.from({ length: nbCandidats }, (_, c) => c).filter(() => rnd() < 0.4))
    const couvre = Array.from({ length: nbCandidats }, () => [] as number[])
    const poids = Array.from({ length: nbPoints }, (_, d) => {
      for (const c of motifs[Math.floor(rnd() * motifs.length)]!) couvre[c]!.push(d)
      return 1 + Math.floor(rnd() * 100)
    })
    const debut = new Int32Array(nbCandidats + 1)
    couvre.forEach((l, c) => (debut[c + 1] = debut[c]! + l.length))
    const instance: InstanceMclp = { nbCandidats, poids: Float64Array.from(poids), debut, demandes: Int32Array.from(couvre.flat()) }
    // WHEN merged
    const { instance: fusionnee, fusion } = fusionnerDemandes(instance)
    // THEN every subset of candidates covers the same weight, the total is kept, and merged points have distinct sets
    for (let masque = 0; masque < 1 << nbCandidats; masque++) {
      const choisis = Array.from({ length: nbCandidats }, (_, c) => c).filter((c) => (masque & (1 << c)) !== 0)
      expect(objectifMclp(fusionnee, choisis)).toBe(objectifMclp(instance, choisis))
    }
    expect(fusionnee.poids.reduce((a, b) => a + b, 0)).toBe(poids.reduce((a, b) => a + b, 0))
    const ensembles = Array.from({ length: fusionnee.poids.length }, (_, m) => couvre.map((l, c) => (l.some((d) => fusion[d] === m) ? c : -1)).filter((c) => c >= 0).join(','))
    expect(new Set(ensembles).size).toBe(ensembles.length)
    expect(fusionnee.poids.length).toBeLessThanOrEqual(motifs.length)
  })
})

describe('optimisation on cells, against brute force on seeded data', () => {
  let highs: Highs
  beforeAll(async () => {
    highs = await loadHighs()
  })
  const rnd = seeded(2017)
  const d = donneesAleatoires(rnd, { communes: 300, lieux: 40 })
  const carreaux = cellulesAleatoires(rnd, d.communes)
  const moteur = buildMoteur(d.communes, d.lieux, d.territoires, { carreaux })
  const simulateur = buildSimulateur(moteur)

  it.each([
    ['26', 30, 2], ['01', 45, 2], ['2A', 60, 3], ['26', 80, 1],
  ] as const)('in %s at %i km, places %i postes covering the most uncovered inhabitants of the cells, and the simulation of its sites agrees', (code, rayonKm, p) => {
    // GIVEN the département's candidates (its commune centres) and, scanned by brute force, the uncovered inhabitants of each cell and centre
    const masque = OFFRE_COMPLETE
    const is = Array.from({ length: d.communes.n }, (_, i) => i).filter((i) => d.communes.departement[i] === code)
    const dCellules = distancesBruteForce(carreaux.longitude, carreaux.latitude, d.lieux, masque)
    const dCentres = distancesBruteForce(d.communes.longitude, d.communes.latitude, d.lieux, masque)
    const points: { lng: number; lat: number; pop: number }[] = []
    for (const i of is) {
      const a = carreaux.debut[i]!, b = carreaux.debut[i + 1]!
      if (a === b && dCentres[i]! > rayonKm) points.push({ lng: d.communes.longitude[i]!, lat: d.communes.latitude[i]!, pop: d.communes.population[i]! })
      for (let c = a; c < b; c++) if (dCellules[c]! > rayonKm) points.push({ lng: carreaux.longitude[c]!, lat: carreaux.latitude[c]!, pop: carreaux.population[c]! })
    }
    const couvre = is.map((i) => points.map((q, t) => (haversineKm(d.communes.longitude[i]!, d.communes.latitude[i]!, q.lng, q.lat) <= rayonKm ? t : -1)).filter((t) => t >= 0))
    let meilleur = 0
    const parcourir = (depuis: number, choisis: number[]): void => {
      const couverts = new Set(choisis.flatMap((c) => couvre[c]!))
      meilleur = Math.max(meilleur, [...couverts].reduce((s, t) => s + points[t]!.pop, 0))
      if (choisis.length === p) return
      for (let c = depuis; c < couvre.length; c++) parcourir(c + 1, [...choisis, c])
    }
    parcourir(0, [])
    // WHEN optimised on cells
    const r = optimiserDepartement(moteur, highs, { departement: code, rayonKm, masque, nombrePostes: p, candidats: 'communes', poids: 'population', methode: 'carreaux' })
    if (!r.ok) throw new Error(r.motif)
    // THEN the proven optimum is the brute force's, the demand is every uncovered inhabitant, and simulating its sites gains exactly it
    expect(r.optimal).toBe(true)
    expect(r.objectif).toBe(meilleur)
    expect(r.demande.poids).toBe(points.reduce((s, q) => s + q.pop, 0))
    expect(r.demande.poids).toBe(moteur.chiffresDepartement(code, { rayonKm, masque }, 'carreaux')!.chiffres.populationZonesBlanches)
    const sim = simulateur.simuler({ departement: code, rayonKm, masque, retraits: [], methode: 'carreaux', ajouts: r.sites.map((s) => ({ longitude: s.longitude, latitude: s.latitude, conseillers: 1 })) })
    if (!sim.ok) throw new Error(sim.motif)
    expect(sim.avant.populationZonesBlanches - sim.apres.populationZonesBlanches).toBe(r.objectif)
    expect(meilleur).toBeGreaterThan(0)
  })

  it('optimises what a scenario leaves uncovered: demand = the simulation’s uncovered inhabitants after it', () => {
    const params = { rayonKm: 30, masque: OFFRE_COMPLETE }
    const is = Array.from({ length: d.communes.n }, (_, i) => i).filter((i) => d.communes.departement[i] === '26')
    const ajouts = [is[3]!, is[11]!].map((i) => ({ longitude: d.communes.longitude[i]!, latitude: d.communes.latitude[i]!, conseillers: 1 }))
    const s = simulateur.simuler({ departement: '26', ...params, ajouts, retraits: [d.lieux.id[d.lieux.departement.indexOf('26')]!], methode: 'carreaux' })
    if (!s.ok) throw new Error(s.motif)
    const apres = {
      carreaux: new Map(Array.from(s.carreauxRecalcules.carreau, (k, t) => [k, s.carreauxRecalcules.distanceKm[t]!] as const)),
      centres: new Map(Array.from(s.recalculees.commune, (i, t) => [i, s.recalculees.couverte[t] === 1] as const)),
    }
    const p = buildProbleme(moteur, '26', params.rayonKm, params.masque, 'communes', 'population', { methode: 'carreaux', apres })!
    expect(p.instance.poids.reduce((a, b) => a + b, 0)).toBe(s.apres.populationZonesBlanches)
  })
})
