import { describe, expect, it } from 'vitest'
import { bitCategorie, OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { buildMoteur } from '../../server/spatial/moteur.ts'
import { buildSimulateur, type Ajout, type Scenario } from '../../server/spatial/simulation.ts'
import { donneesAleatoires, seeded } from './helpers/aleatoire.ts'
import { cellulesAleatoires } from './helpers/cellules-aleatoires.ts'
import { verifierSimulationCarreaux } from './helpers/oracle-simulation-carreaux.ts'

describe('simulation on cells, on seeded data, against an engine rebuilt with the scenario', () => {
  const rnd = seeded(1717)
  const d = donneesAleatoires(rnd, { communes: 500, lieux: 150 })
  const carreaux = cellulesAleatoires(rnd, d.communes)
  const moteur = buildMoteur(d.communes, d.lieux, d.territoires, { carreaux })
  const simulateur = buildSimulateur(moteur)
  const CN = bitCategorie('conseillers-numeriques')
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!
  const scenarios: Scenario[] = ['26', '01', '2A', '75', '974', '26', '2B', '01', '26', '75'].map((departement, s) => {
    const communes = Array.from({ length: d.communes.n }, (_, i) => i).filter((i) => d.communes.departement[i] === departement)
    const lieux = Array.from({ length: d.lieux.n }, (_, j) => j).filter((j) => d.lieux.departement[j] === departement && d.lieux.actif[j] === 1)
    const ajouts: Ajout[] = s === 5 ? [] : Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
      const i = pick(communes)
      return { longitude: d.communes.longitude[i]! + (rnd() - 0.5) * 0.4, latitude: d.communes.latitude[i]! + (rnd() - 0.5) * 0.3, conseillers: 1 + Math.floor(rnd() * 3) }
    })
    // Scenario 8 adds a poste exactly on a cell centre; scenario 5 only withdraws.
    if (s === 8) ajouts.push({ longitude: carreaux.longitude[carreaux.debut[communes[0]!]!]!, latitude: carreaux.latitude[carreaux.debut[communes[0]!]!]!, conseillers: 1 })
    const retraits = lieux.length === 0 ? [] : [...new Set(Array.from({ length: s === 5 ? 5 : Math.floor(rnd() * 4) }, () => d.lieux.id[pick(lieux)]!))]
    const masque = s % 3 === 0 ? OFFRE_COMPLETE : CN | (Math.floor(rnd() * 16) & ~CN)
    return { departement, rayonKm: pick([3, 10, 20, 35, 60]), masque, ajouts, retraits }
  })

  it.each(scenarios.map((s, k) => [k, s.departement, s.ajouts.length, s.retraits.length, s] as const))(
    'scenario %i in %s (%i ajouts, %i retraits) gives every cell, statut and figure of the rebuilt engine',
    (_k, _departement, _a, _r, scenario) => {
      verifierSimulationCarreaux(d, carreaux, moteur, simulateur, scenario)
    },
  )

  it('changes cells and statuts in most scenarios, partielle ones included (the oracle is not compared on empty changes)', () => {
    const bilans = scenarios.map((s) => verifierSimulationCarreaux(d, carreaux, moteur, simulateur, s))
    expect(bilans.filter((b) => b.carreaux > 0).length).toBeGreaterThanOrEqual(7)
    expect(bilans.filter((b) => b.communes > 0).length).toBeGreaterThanOrEqual(5)
    const statuts = scenarios.flatMap((s) => {
      const r = simulateur.simuler({ ...s, methode: 'carreaux' })
      return r.ok ? r.communesChangees.flatMap((c) => [c.avant, c.apres]) : []
    })
    expect(new Set(statuts)).toEqual(new Set(['blanche', 'partielle', 'couverte']))
  })

  it('gives the dashboard figures by cells, unchanged, for an empty scenario', () => {
    const r = simulateur.simuler({ departement: '26', rayonKm: 10, masque: OFFRE_COMPLETE, ajouts: [], retraits: [], methode: 'carreaux' })
    if (!r.ok) throw new Error(r.motif)
    const chiffres = moteur.chiffresDepartement('26', { rayonKm: 10, masque: OFFRE_COMPLETE }, 'carreaux')!.chiffres
    expect(chiffres.communesPartielles).toBeGreaterThan(0)
    expect(r.avant).toEqual(chiffres)
    expect(r.apres).toEqual(chiffres)
    expect(r.communesChangees).toEqual([])
    expect(r.carreauxRecalcules.carreau).toHaveLength(0)
  })

  it('keeps the centre answer when methode is centres', () => {
    const s = scenarios[0]!
    const r = simulateur.simuler({ ...s, methode: 'centres' })
    const defaut = simulateur.simuler(s)
    if (!r.ok || !defaut.ok) throw new Error('scénario refusé')
    expect(r.methode).toBe('centres')
    expect(r.avant).toEqual(moteur.chiffresDepartement(s.departement, s)!.chiffres)
    expect(r.avant.communesPartielles).toBeUndefined()
    expect(r).toEqual(defaut)
  })
})
