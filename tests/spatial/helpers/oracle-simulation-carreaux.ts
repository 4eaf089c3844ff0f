import { expect } from 'vitest'
import { distanceCarreau, type Carreaux } from '../../../server/spatial/carreaux.ts'
import { buildMoteur, type Moteur } from '../../../server/spatial/moteur.ts'
import type { Scenario, Simulateur } from '../../../server/spatial/simulation.ts'
import { appliquerScenario, type Donnees } from '../simulation-donnees.ts'

/**
 * Simulates `scenario` on cells and checks it against the oracle: an engine rebuilt from scratch with the scenario's
 * lieux and the same cells. « avant » must be the dashboard's figures by cells, « après » the rebuilt engine's, every
 * cell's offre distance the rebuilt one, and the communes whose statut changes exactly those whose rebuilt statut differs.
 * @returns how many cells and communes the scenario changed, for the caller to check that it tested something.
 */
export function verifierSimulationCarreaux(d: Donnees, carreaux: Carreaux, moteur: Moteur, simulateur: Simulateur, scenario: Scenario): { carreaux: number; communes: number } {
  const { departement, rayonKm, masque } = scenario
  const params = { rayonKm, masque }
  // WHEN the scenario is simulated incrementally on cells and, independently, the engine is rebuilt with it
  const r = simulateur.simuler({ ...scenario, methode: 'carreaux' })
  if (!r.ok) throw new Error(`scénario refusé : ${r.motif}`)
  expect(r.methode).toBe('carreaux')
  const d2 = appliquerScenario(d, departement, scenario.ajouts, scenario.retraits, Array.from(r.idsAjouts))
  const moteur2 = buildMoteur(d2.communes, d2.lieux, d2.territoires, { carreaux })
  // THEN « avant » is the dashboard's figures by cells
  expect(r.avant).toEqual(moteur.chiffresDepartement(departement, params, 'carreaux')!.chiffres)
  // AND every cell has the rebuilt engine's distance
  const nouvelles = new Map(Array.from(r.carreauxRecalcules.carreau, (c, t) => [c, r.carreauxRecalcules.distanceKm[t]!] as const))
  const differentes: number[] = []
  let changees = 0
  for (let c = 0; c < carreaux.n; c++) {
    const avant = distanceCarreau(moteur.distancesCarreaux, carreaux.n, c, masque)
    const attendue = distanceCarreau(moteur2.distancesCarreaux, carreaux.n, c, masque)
    if ((nouvelles.get(c) ?? avant) !== attendue) differentes.push(c)
    if (attendue !== avant) changees++
  }
  expect(differentes).toEqual([])
  // AND « après » is the rebuilt engine's figures by cells
  const attendu = moteur2.chiffresDepartement(departement, params, 'carreaux')!.chiffres
  for (const cle of ['population', 'populationCouverte', 'populationZonesBlanches', 'communes', 'communesZonesBlanches', 'communesPartielles', 'lieux', 'postes', 'financementEtatEuros'] as const)
    expect(r.apres[cle], cle).toEqual(attendu[cle])
  for (const cle of ['accessibiliteMediane', 'distanceMoyenneKm', 'ifnMoyenZonesBlanches', 'tauxCouverture', 'postesPour10000'] as const)
    if (attendu[cle] === null) expect(r.apres[cle], cle).toBeNull()
    else expect(r.apres[cle], cle).toBeCloseTo(attendu[cle]!, 9)
  // AND the communes that change statut, in every département, are those whose rebuilt statut differs
  const statuts = (m: Moteur) => new Map(d.territoires.departements.flatMap((t) => m.communesDuDepartement(t.code, params, 'carreaux')!.map((l) => [l.code, l.statut!] as const)))
  const s1 = statuts(moteur)
  const s2 = statuts(moteur2)
  const attendues = [...s1].filter(([code, s]) => s2.get(code) !== s).map(([code, s]) => [code, s, s2.get(code)]).sort()
  expect(r.communesChangees.map((c) => [c.code, c.avant, c.apres]).sort()).toEqual(attendues)
  return { carreaux: changees, communes: attendues.length }
}
