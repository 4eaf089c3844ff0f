import { describe, expect, it } from 'vitest'
import { buildCarreaux, plusProchesDepuisIds } from '../../server/spatial/carreaux.ts'
import { distanceCarreau } from '../../server/spatial/carreaux.ts'
import { distancesOffreCarreaux } from '../../server/spatial/couverture-carreaux.ts'
import { buildMoteur, CAPACITE_DISTANCES_OFFRE_CARREAUX } from '../../server/spatial/moteur.ts'
import { donneesAleatoires, seeded } from './helpers/aleatoire.ts'
import { cellulesAleatoires } from './helpers/cellules-aleatoires.ts'
import { communesNaives, distancesBalayage, distancesBruteForce } from './helpers/oracles-carreaux.ts'

describe('coverage counted on cells, against brute force on seeded data', () => {
  const rnd = seeded(17)
  const d = donneesAleatoires(rnd, { communes: 400, lieux: 120 })
  const carreaux = cellulesAleatoires(rnd, d.communes)
  const moteur = buildMoteur(d.communes, d.lieux, d.territoires, { carreaux })

  it.each([
    [3, 15], [10, 15], [10, 2], [25, 5], [60, 8], [100, 1], [10, 0],
  ])('at %i km for offre %i, gives each cell the distance to the nearest lieu and each commune its covered population and statut', (rayonKm, masque) => {
    // GIVEN the distances of every cell and centre to every lieu of the offre, scanned one by one
    const dCellules = distancesBruteForce(carreaux.longitude, carreaux.latitude, d.lieux, masque)
    const dCentres = distancesBruteForce(d.communes.longitude, d.communes.latitude, d.lieux, masque)
    const naives = communesNaives(d.communes, carreaux, dCellules, dCentres, rayonKm)
    // THEN the engine's per-cell distances are those
    for (let k = 0; k < carreaux.n; k++) expect(distanceCarreau(moteur.distancesCarreaux, carreaux.n, k, masque)).toBe(dCellules[k])
    // AND each commune's figures follow the rule
    for (const t of d.territoires.departements) {
      const lignes = moteur.communesDuDepartement(t.code, { rayonKm, masque }, 'carreaux')!
      for (const l of lignes) {
        const n = naives[l.commune]!
        expect(l.statut, l.code).toBe(n.statut)
        expect(l.populationNonCouverte, l.code).toBe(l.population - n.populationCouverte)
        expect(l.partCouverte, l.code).toBe(l.population > 0 ? n.populationCouverte / l.population : n.statut === 'couverte' ? 1 : 0)
        expect(l.parCarreaux, l.code).toBe(carreaux.debut[l.commune + 1]! > carreaux.debut[l.commune]!)
      }
      // AND the département's figures add them up
      const is = lignes.map((l) => l.commune)
      const c = moteur.chiffresDepartement(t.code, { rayonKm, masque }, 'carreaux')!.chiffres
      const population = is.reduce((s, i) => s + d.communes.population[i]!, 0)
      expect(c.populationCouverte).toBe(is.reduce((s, i) => s + naives[i]!.populationCouverte, 0))
      expect(c.populationZonesBlanches).toBe(population - c.populationCouverte)
      expect(c.communesZonesBlanches).toBe(is.filter((i) => naives[i]!.statut === 'blanche').length)
      expect(c.communesPartielles).toBe(is.filter((i) => naives[i]!.statut === 'partielle').length)
      if (masque !== 0 && population > 0) expect(c.distanceMoyenneKm).toBeCloseTo(is.reduce((s, i) => s + naives[i]!.distancePonderee, 0) / population, 9)
    }
  })

  it('gives every offre, of one catégorie or several, its cells\' distance to the nearest lieu', () => {
    for (let masque = 0; masque < 16; masque++) {
      const d_ = distancesOffreCarreaux(carreaux, moteur.distancesCarreaux, masque)
      expect(Array.from(d_), `offre ${masque}`).toEqual(Array.from(distancesBruteForce(carreaux.longitude, carreaux.latitude, d.lieux, masque)))
      // One catégorie's is the engine's own array, not a copy
      if (masque === 1 || masque === 2 || masque === 4 || masque === 8) expect(d_.buffer).toBe(moteur.distancesCarreaux.buffer)
    }
  })

  it('keeps the figures of each offre when more offres and radii are asked than the cells\' distances it keeps', () => {
    // GIVEN an engine asked, in turn, more offres than CAPACITE_DISTANCES_OFFRE_CARREAUX, each at several radii
    const asks = Array.from({ length: 3 * (CAPACITE_DISTANCES_OFFRE_CARREAUX + 2) }, (_, k) => ({ rayonKm: 5 + 7 * (k % 3) + k / 10, masque: [15, 3, 5, 6, 9, 12, 7][k % 7]! }))
    for (const params of asks) {
      // THEN each answer is that of an engine that was asked nothing before
      const neuf = buildMoteur(d.communes, d.lieux, d.territoires, { carreaux })
      expect(moteur.chiffresNationaux(params, 'carreaux'), JSON.stringify(params)).toEqual(neuf.chiffresNationaux(params, 'carreaux'))
      expect(moteur.communesDuDepartement('26', params, 'carreaux')).toEqual(neuf.communesDuDepartement('26', params, 'carreaux'))
    }
  })

  it('lists as zones blanches the communes with uncovered inhabitants, the most uncovered first', () => {
    const params = { rayonKm: 10, masque: 15 }
    const z = moteur.zonesBlanches(params, { limit: 1000, methode: 'carreaux' })!
    const toutes = d.territoires.departements.flatMap((t) => moteur.communesDuDepartement(t.code, params, 'carreaux')!)
    const attendues = toutes.filter((l) => l.statut !== 'couverte')
      .sort((a, b) => b.populationNonCouverte! - a.populationNonCouverte! || b.population - a.population || (a.code < b.code ? -1 : 1))
    expect(z.total).toBe(attendues.length)
    expect(z.communes.map((c) => c.code)).toEqual(attendues.map((c) => c.code))
  })

  it('leaves the centre figures untouched by the cells', () => {
    const sans = buildMoteur(d.communes, d.lieux, d.territoires)
    const params = { rayonKm: 10, masque: 15 }
    expect(moteur.chiffresNationaux(params, 'centres')).toEqual(sans.chiffresNationaux(params))
    expect(moteur.communesDuDepartement('26', params)).toEqual(sans.communesDuDepartement('26', params))
  })

  it('agrees with the latitude sweep oracle used on national data', () => {
    for (const masque of [15, 4]) expect(distancesBalayage(carreaux.longitude, carreaux.latitude, d.lieux, masque)).toEqual(distancesBruteForce(carreaux.longitude, carreaux.latitude, d.lieux, masque))
  })
})

describe('buildCarreaux', () => {
  const communes = donneesAleatoires(seeded(3), { communes: 3, lieux: 0 }).communes
  const p0 = communes.population[0]!
  it.each([
    ['cells not sorted by commune', { commune: Int32Array.from([1, 0]), population: Float64Array.from([communes.population[1]!, p0]) }, 'Carreaux: cells must be sorted by commune (cell 1)'],
    ['cells that do not sum to the commune', { commune: Int32Array.from([0]), population: Float64Array.from([p0 + 1]) }, `Carreaux: the cells of commune ${communes.code[0]} sum to ${p0 + 1}, not its population ${p0}`],
  ])('refuses %s', (_, c, message) => {
    const n = c.commune.length
    expect(() => buildCarreaux(communes, { longitude: new Float64Array(n).fill(5), latitude: new Float64Array(n).fill(45), ...c })).toThrow(message)
  })
})

describe('plusProchesDepuisIds', () => {
  const rnd = seeded(8)
  const d = donneesAleatoires(rnd, { communes: 30, lieux: 12 })
  const carreaux = cellulesAleatoires(rnd, d.communes)
  const moteur = buildMoteur(d.communes, d.lieux, d.territoires, { carreaux })

  it('turns stored lieu ids back into the lieu indexes the engine computes', () => {
    // GIVEN the engine's nearest lieux written as lieu.id, as the build stores them
    const { lieu, distanceKm } = moteur.plusProchesCarreaux
    const lieuId = Int32Array.from(lieu, (j) => (j < 0 ? -1 : d.lieux.id[j]!))
    // THEN reading them back gives the same indexes and distances
    const lus = plusProchesDepuisIds(carreaux, d.lieux, { lieuId, distanceKm })
    expect(Array.from(lus.lieu)).toEqual(Array.from(lieu))
    expect(lus.distanceKm).toBe(distanceKm)
  })

  it.each([
    ['a wrong length', (ids: Int32Array) => ids.subarray(1), /expected \d+ entries/],
    ['an id that is no lieu', (ids: Int32Array) => Int32Array.from(ids, (x, t) => (t === 0 ? 987_654 : x)), /nearest lieu 987654, which is not a lieu/],
  ])('refuses stored nearest lieux with %s', (_, alterer, message) => {
    const lieuId = Int32Array.from(moteur.plusProchesCarreaux.lieu, (j) => (j < 0 ? -1 : d.lieux.id[j]!))
    const ids = alterer(lieuId)
    expect(() => plusProchesDepuisIds(carreaux, d.lieux, { lieuId: ids, distanceKm: moteur.plusProchesCarreaux.distanceKm.subarray(0, ids.length) })).toThrow(message)
  })
})
