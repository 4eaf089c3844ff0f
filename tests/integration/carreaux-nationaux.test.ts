import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lirePlusProchesCarreaux } from '../../server/db/carreaux.ts'
import { lireDonneesMoteur } from '../../server/db/donnees-moteur.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { distanceCarreau, plusProchesDepuisIds } from '../../server/spatial/carreaux.ts'
import { buildCarreaux, buildMoteur, type Carreaux, type Moteur } from '../../server/spatial/index.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { communesNaives, distancesBalayage, distancesBruteForce } from '../spatial/helpers/oracles-carreaux.ts'

const RAYONS = [5, 10, 20] as const
const OFFRES = [15, 2] as const

describe('the 1 km population grid in the national database', () => {
  let db: Database.Database
  let d: ReturnType<typeof lireDonneesMoteur> & { carreaux: Carreaux }
  let moteur: Moteur
  beforeAll(() => {
    db = ouvrirBase(CHEMIN_BASE_NATIONALE)
    const lues = lireDonneesMoteur(db)
    d = { ...lues, carreaux: buildCarreaux(lues.communes, lues.cellules) }
    moteur = buildMoteur(d.communes, d.lieux, d.territoires, { carreaux: d.carreaux })
  })
  afterAll(() => db?.close())

  it('gives each commune counted by cells exactly its légale population, and every cell of the file a commune or a reject', () => {
    const ecarts = db.prepare(`SELECT c.code, c.population, SUM(k.population) AS somme FROM commune c JOIN carreau k ON k.commune = c.rang
      GROUP BY c.rang HAVING somme <> c.population`).all()
    expect(ecarts).toEqual([])
    expect(db.prepare(`SELECT demande, COUNT(*) AS n FROM commune c WHERE (demande = 'carreaux') <> EXISTS (SELECT 1 FROM carreau k WHERE k.commune = c.rang) GROUP BY demande`).all()).toEqual([])
    // Outre-mer keeps its centres: the grid covers métropole and Corse only
    expect(db.prepare(`SELECT COUNT(*) FROM commune c JOIN departement d ON d.code = c.departement WHERE (d.zone <> 'metro') <> (c.demande = 'centre-outre-mer')`).pluck().get()).toBe(0)
    const compte = db.prepare(`SELECT lus, gardes, rejetes FROM source_compte WHERE jeu = 'population-carroyee'`).get() as { lus: number; gardes: number; rejetes: number }
    expect(compte.lus).toBe(373_331)
    expect(db.prepare('SELECT COUNT(*) FROM carreau').pluck().get()).toBe(compte.gardes)
    // Census inhabitants kept + rejected = the 65 055 222 of the file
    const rejetes = (db.prepare(`SELECT motif FROM rejet WHERE jeu = 'population-carroyee'`).pluck().all() as string[])
      .reduce((s, m) => s + Number(/\((\d+) habitants\)$/.exec(m)?.[1] ?? Number.NaN), 0)
    expect((db.prepare('SELECT SUM(population_recensee) FROM carreau').pluck().get() as number) + rejetes).toBe(65_055_222)
  })

  it.each(['26', '2A', '48', '05', '13'])('agrees in département %s with a scan of every lieu, for each cell, radius and offre', (code) => {
    const k = d.territoires.departements.findIndex((t) => t.code === code)
    expect(k).toBeGreaterThanOrEqual(0)
    const is = Array.from({ length: d.communes.n }, (_, i) => i).filter((i) => d.communes.departement[i] === code)
    const ks = is.flatMap((i) => Array.from({ length: d.carreaux.debut[i + 1]! - d.carreaux.debut[i]! }, (_, t) => d.carreaux.debut[i]! + t))
    const lng = Float64Array.from(ks, (c) => d.carreaux.longitude[c]!)
    const lat = Float64Array.from(ks, (c) => d.carreaux.latitude[c]!)
    for (const masque of OFFRES) {
      const dCellules = distancesBruteForce(lng, lat, d.lieux, masque)
      ks.forEach((c, t) => expect(distanceCarreau(moteur.distancesCarreaux, d.carreaux.n, c, masque)).toBe(dCellules[t]))
      for (const rayonKm of RAYONS) {
        const params = { rayonKm, masque }
        const lignes = moteur.communesDuDepartement(code, params, 'carreaux')!
        const centres = moteur.communesDuDepartement(code, params, 'centres')!
        let couverte = 0
        lignes.forEach((l, t) => {
          // ks lists the département's cells commune by commune: this commune's are a contiguous run of it
          const debut = ks.indexOf(d.carreaux.debut[l.commune]!)
          const propres = debut < 0 ? [] : Array.from({ length: d.carreaux.debut[l.commune + 1]! - d.carreaux.debut[l.commune]! }, (_, u) => debut + u)
          const pc = propres.length === 0 ? (centres[t]!.couverte ? l.population : 0)
            : propres.reduce((s, u) => s + (dCellules[u]! <= rayonKm ? d.carreaux.population[ks[u]!]! : 0), 0)
          expect(l.populationNonCouverte, l.code).toBe(l.population - pc)
          couverte += pc
        })
        expect(moteur.chiffresDepartement(code, params, 'carreaux')!.chiffres.populationCouverte).toBe(couverte)
      }
    }
  })

  it.each(OFFRES)('agrees nationally, offre %i, with a latitude sweep over every lieu for every cell', (masque) => {
    const dCellules = distancesBalayage(d.carreaux.longitude, d.carreaux.latitude, d.lieux, masque)
    const dCentres = distancesBalayage(d.communes.longitude, d.communes.latitude, d.lieux, masque)
    let differentes = 0
    for (let c = 0; c < d.carreaux.n; c++) if (distanceCarreau(moteur.distancesCarreaux, d.carreaux.n, c, masque) !== dCellules[c]) differentes++
    expect(differentes).toBe(0)
    for (const rayonKm of RAYONS) {
      const naives = communesNaives(d.communes, d.carreaux, dCellules, dCentres, rayonKm)
      const { avecCom } = moteur.chiffresNationaux({ rayonKm, masque }, 'carreaux')
      expect(avecCom.chiffres.populationCouverte).toBe(naives.reduce((s, n) => s + n.populationCouverte, 0))
      expect(avecCom.chiffres.communesZonesBlanches).toBe(naives.filter((n) => n.statut === 'blanche').length)
      expect(avecCom.chiffres.communesPartielles).toBe(naives.filter((n) => n.statut === 'partielle').length)
    }
  })

  it('stores in the build, for each cell and catégorie, the nearest lieu and distance the engine computes with its kd-tree', () => {
    // GIVEN the engine above, built from the cells alone (it computes the nearest lieux itself; the tests above check it by brute force)
    const stockes = lirePlusProchesCarreaux(db)
    // THEN the stored lieux and distances are those, bit for bit
    const lus = plusProchesDepuisIds(d.carreaux, d.lieux, stockes)
    let lieuxDifferents = 0
    let distancesDifferentes = 0
    for (let t = 0; t < lus.lieu.length; t++) {
      if (lus.lieu[t] !== moteur.plusProchesCarreaux.lieu[t]) lieuxDifferents++
      if (!Object.is(lus.distanceKm[t], moteur.plusProchesCarreaux.distanceKm[t])) distancesDifferentes++
    }
    expect([lieuxDifferents, distancesDifferentes]).toEqual([0, 0])
    expect(lus.lieu.length).toBe(4 * d.carreaux.n)
    // AND a stored lieu is the nearest one of its catégorie, brute force, on a sample of cells
    const masques = [1, 2, 4, 8]
    for (let k = 0; k < d.carreaux.n; k += 997) {
      masques.forEach((m, b) => {
        const bf = distancesBruteForce(d.carreaux.longitude.subarray(k, k + 1), d.carreaux.latitude.subarray(k, k + 1), d.lieux, m)[0]
        expect(lus.distanceKm[b * d.carreaux.n + k]).toBe(bf)
      })
    }
  })
})
