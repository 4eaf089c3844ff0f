import { describe, expect, it } from 'vitest'
import { ouvrirBase } from '../../server/db/open.ts'
import { moteurDeLaBase } from '../../server/moteur-base.ts'
import { buildGroupement, calculerChiffres, calculerChiffresGroupements } from '../../server/spatial/chiffres.ts'
import { calculerCouvertureCarreaux, distancesOffreCarreaux } from '../../server/spatial/couverture-carreaux.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { calculerChiffresAvant } from './helpers/chiffres-avant.ts'

describe('calculerChiffresGroupements', () => {
  it('gives every territory of the national data the very figures the former one-grouping pass gave, centres and cells, JSON byte for byte', () => {
    // GIVEN the national engine with its 1 km cells, and the groupings of the dashboard (as moteur.ts builds them)
    const db = ouvrirBase(CHEMIN_BASE_NATIONALE)
    const { moteur, ...lues } = moteurDeLaBase(db)
    db.close()
    const { carreaux } = moteur
    const { index } = moteur
    const { departementCommune, departementLieu, regionDepartement, comDepartement } = index
    const groupements = [
      buildGroupement(lues.territoires.departements.length, departementCommune, departementLieu),
      buildGroupement(lues.territoires.regions.length, departementCommune.map((k) => regionDepartement[k]!), departementLieu.map((k) => regionDepartement[k]!)),
      buildGroupement(1, Int32Array.from(lues.communes.com, (com) => (com === 1 ? -1 : 0)), departementLieu.map((k) => (comDepartement[k] === 1 ? -1 : 0))),
      buildGroupement(1, new Int32Array(lues.communes.n), new Int32Array(departementLieu.length)),
    ]
    for (const [rayonKm, masque] of [[1, 15], [7.5, 3], [10, 15], [33, 8], [100, 6]] as const) {
      const couverture = moteur.couverture({ rayonKm, masque })
      for (const cc of [undefined, calculerCouvertureCarreaux(lues.communes, carreaux, distancesOffreCarreaux(carreaux, moteur.distancesCarreaux, masque), couverture)]) {
        // WHEN the four groupings are computed in one pass, and each alone by the former code
        const ensemble = calculerChiffresGroupements(index, couverture, groupements, cc)
        const avant = groupements.map((g) => calculerChiffresAvant(index, couverture, g, cc))
        // THEN the answers are the same bytes, and the one-grouping entry point agrees too
        expect(JSON.stringify(ensemble), `${rayonKm} km, offre ${masque}, ${cc ? 'carreaux' : 'centres'}`).toBe(JSON.stringify(avant))
        expect(JSON.stringify(calculerChiffres(index, couverture, groupements[1]!, cc))).toBe(JSON.stringify(avant[1]))
      }
    }
    // AND the engine's own figures are those
    const params = { rayonKm: 10, masque: 15 }
    expect(JSON.stringify(moteur.chiffresRegions(params).map((r) => r.chiffres)))
      .toBe(JSON.stringify(calculerChiffresAvant(index, moteur.couverture(params), groupements[1]!)))
  })
})
