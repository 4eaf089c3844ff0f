import { describe, expect, it } from 'vitest'
import { bitCategorie, OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { buildMoteur } from '../../server/spatial/moteur.ts'
import { buildSimulateur, type Ajout } from '../../server/spatial/simulation.ts'
import { seeded } from './helpers/aleatoire.ts'
import { COMMUNES_FIXTURE, LIEUX_FIXTURE, TERRITOIRES_FIXTURE } from './helpers/fixture-territoires.ts'
import { appliquerScenario, donneesNationales } from './simulation-donnees.ts'

/** Independent haversine (R = 6371.0088 km), sharing no code with the engine. */
const haversine = (lng1: number, lat1: number, lng2: number, lat2: number): number => {
  const r = Math.PI / 180
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a))
}

const simulateurFixture = () => buildSimulateur(buildMoteur(COMMUNES_FIXTURE, LIEUX_FIXTURE, TERRITOIRES_FIXTURE))
const BASTIA: Ajout = { longitude: 9.4502, latitude: 42.6976, conseillers: 2 }

describe('simulation on the hand-made territory', () => {
  it('covers Bastia when a poste of 2 conseillers is added at its centre', () => {
    // GIVEN Bastia (48 000 inhabitants), 33 km from the nearest lieu
    const r = simulateurFixture().simuler({ departement: '2B', rayonKm: 10, masque: OFFRE_COMPLETE, ajouts: [BASTIA], retraits: [] })
    if (!r.ok) throw new Error(r.motif)
    // THEN it is covered, the only lieu in reach serves it alone: 2 conseillers / 48 000 inhabitants
    expect(r.communesChangees).toEqual([{ commune: 2, code: '2B033', nom: 'Bastia', departement: '2B', population: 48_000, avant: 'blanche', apres: 'couverte' }])
    expect(r.avant).toMatchObject({ populationCouverte: 0, communesZonesBlanches: 1, postes: 3, financementEtatEuros: 150_000 })
    expect(r.apres).toMatchObject({ populationCouverte: 48_000, tauxCouverture: 1, populationZonesBlanches: 0, communesZonesBlanches: 0, postes: 5, financementEtatEuros: 250_000, distanceMoyenneKm: 0 })
    expect(r.apres.lieux['conseillers-numeriques']).toBe(3)
    expect(r.apres.accessibiliteMediane).toBeCloseTo((10_000 * 2) / 48_000, 12)
    expect(Array.from(r.idsAjouts)).toEqual([51])
  })

  it('moves Ajaccio to the nearest remaining lieu when its France services is withdrawn', () => {
    const r = simulateurFixture().simuler({ departement: '2A', rayonKm: 10, masque: OFFRE_COMPLETE, ajouts: [], retraits: [10] })
    if (!r.ok) throw new Error(r.motif)
    const t = Array.from(r.recalculees.commune).indexOf(1)
    // Lieux 20 and 21 share a position: the tie goes to the smaller id.
    expect(r.recalculees.lieuPlusProche[t]).toBe(20)
    expect(r.recalculees.distanceKm[t]).toBeCloseTo(haversine(8.70585, 41.93545, 9.1497, 42.5), 9)
    expect(r.apres).toMatchObject({ populationCouverte: 0, communesZonesBlanches: 1, accessibiliteMediane: 0 })
    expect(r.apres.lieux['france-services']).toBe(0)
    expect(r.communesChangees.map((c) => [c.code, c.avant, c.apres])).toEqual([['2A004', 'couverte', 'blanche']])
  })

  it('gives the engine figures unchanged for an empty scenario', () => {
    const moteur = buildMoteur(COMMUNES_FIXTURE, LIEUX_FIXTURE, TERRITOIRES_FIXTURE)
    const r = buildSimulateur(moteur).simuler({ departement: '26', rayonKm: 10, masque: OFFRE_COMPLETE, ajouts: [], retraits: [] })
    // A refused scenario must fail here, not compare `false` with `false`.
    if (!r.ok) throw new Error(`scénario refusé : ${r.motif}`)
    const chiffres = moteur.chiffresDepartement('26', { rayonKm: 10, masque: OFFRE_COMPLETE })?.chiffres
    expect(chiffres).toBeDefined()
    expect(r.avant).toEqual(chiffres)
    expect(r.apres).toEqual(chiffres)
    expect(r.communesChangees).toEqual([])
  })

  it.each([
    ['an offre without conseillers numériques', { masque: bitCategorie('france-services'), ajouts: [BASTIA] }, /conseillers-numeriques/],
    ['an unknown lieu', { retraits: [999] }, /Lieu inconnu : 999/],
    ['a lieu of another département', { retraits: [10] }, /n’est pas dans le département 2B/],
    ['201 ajouts', { ajouts: Array.from({ length: 201 }, () => BASTIA) }, /Au plus 200 ajouts/],
    ['a fractional number of conseillers', { ajouts: [{ ...BASTIA, conseillers: 1.5 }] }, /entier de 1 à 50/],
  ])('refuses a scenario with %s', (_, changement, motif) => {
    const r = simulateurFixture().simuler({ departement: '2B', rayonKm: 10, masque: OFFRE_COMPLETE, ajouts: [], retraits: [], ...changement })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.motif).toMatch(motif)
  })
})

describe('simulation on the national data, against a full recompute from scratch', () => {
  const d = donneesNationales()
  const moteur = buildMoteur(d.communes, d.lieux, d.territoires)
  const simulateur = buildSimulateur(moteur)
  const rnd = seeded(2026)
  const CN = bitCategorie('conseillers-numeriques')
  const scenarios = ['26', '2A', '974', '75', '48', '59', '26', '973'].map((departement, s) => {
    const communes = Array.from({ length: d.communes.n }, (_, i) => i).filter((i) => d.communes.departement[i] === departement)
    const lieux = Array.from({ length: d.lieux.n }, (_, j) => j).filter((j) => d.lieux.departement[j] === departement && d.lieux.actif[j] === 1)
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!
    const ajouts: Ajout[] = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
      const i = pick(communes)
      // Commune centres, moved by up to ~2 km: always inside the département's territory.
      return { longitude: d.communes.longitude[i]! + (rnd() - 0.5) * 0.02, latitude: d.communes.latitude[i]! + (rnd() - 0.5) * 0.02, conseillers: 1 + Math.floor(rnd() * 4) }
    })
    const retraits = [...new Set(Array.from({ length: s === 6 ? 4 : Math.floor(rnd() * 4) }, () => d.lieux.id[pick(lieux)]!))]
    const masque = s % 3 === 0 ? OFFRE_COMPLETE : CN | (Math.floor(rnd() * 16) & ~CN)
    return { departement, rayonKm: pick([3, 5, 10, 20, 35]), masque, ajouts: s === 6 ? [] : ajouts, retraits }
  })

  it.each(scenarios.map((s, k) => [k, s.departement, s.ajouts.length, s.retraits.length, s] as const))(
    'scenario %i in %s (%i ajouts, %i retraits) gives every commune and the figures of a rebuilt engine',
    (_k, departement, _a, _r, scenario) => {
      // GIVEN a scenario; WHEN it is simulated incrementally and, independently, the engine is rebuilt with it
      const r = simulateur.simuler(scenario)
      if (!r.ok) throw new Error(r.motif)
      const d2 = appliquerScenario(d, departement, scenario.ajouts, scenario.retraits, Array.from(r.idsAjouts))
      const moteur2 = buildMoteur(d2.communes, d2.lieux, d2.territoires)
      const params = { rayonKm: scenario.rayonKm, masque: scenario.masque }
      const attendu = moteur2.couverture(params)
      const base = moteur.couverture(params)
      // THEN every recomputed commune matches the rebuild, and every other one is unchanged by it
      const recalculee = new Map(Array.from(r.recalculees.commune, (i, t) => [i, t] as const))
      for (let i = 0; i < d.communes.n; i++) {
        const t = recalculee.get(i)
        const idAttendu = attendu.plusProche[i]! < 0 ? -1 : d2.lieux.id[attendu.plusProche[i]!]!
        if (t === undefined) {
          expect([i, attendu.plusProche[i], attendu.couverte[i]]).toEqual([i, base.plusProche[i], base.couverte[i]])
          expect(attendu.accessibilite[i]).toBeCloseTo(base.accessibilite[i]!, 9)
          continue
        }
        expect([i, r.recalculees.lieuPlusProche[t], r.recalculees.distanceKm[t], r.recalculees.couverte[t]]).toEqual([i, idAttendu, attendu.distanceKm[i], attendu.couverte[i]])
        expect(r.recalculees.accessibilite[t]).toBeCloseTo(attendu.accessibilite[i]!, 9)
      }
      const chiffres = moteur2.chiffresDepartement(departement, params)!.chiffres
      for (const cle of ['population', 'populationCouverte', 'populationZonesBlanches', 'communes', 'communesZonesBlanches', 'lieux', 'postes', 'financementEtatEuros'] as const)
        expect(r.apres[cle], cle).toEqual(chiffres[cle])
      for (const cle of ['accessibiliteMediane', 'distanceMoyenneKm', 'ifnMoyenZonesBlanches', 'tauxCouverture', 'postesPour10000'] as const)
        if (chiffres[cle] === null) expect(r.apres[cle], cle).toBeNull()
        else expect(r.apres[cle], cle).toBeCloseTo(chiffres[cle]!, 9)
      const changees = Array.from({ length: d.communes.n }, (_, i) => i).filter((i) => attendu.couverte[i] !== base.couverte[i])
      expect(r.communesChangees.map((c) => c.commune).sort((a, b) => a - b)).toEqual(changees)
    },
  )
})
