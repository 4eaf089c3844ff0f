import type { Chiffres, CouvertureNationale } from '../api/types.ts'
import { palette } from '../map/palette.ts'
import { couleurDe } from './classes.ts'
import { classementNational, INDICATEUR_NATIONAL } from './indicateurs.ts'
import type { IndicateurNational } from './parametres.ts'

/** Everything the national view draws for one indicator: legend and colour per département code. */
export function presenterNational(couverture: CouvertureNationale, indicateur: IndicateurNational) {
  const def = INDICATEUR_NATIONAL[indicateur]
  // COM are outside the national figures and the map; keep them out of the class breaks too.
  const horsCom = couverture.departements.filter((d) => !d.com)
  const classement = classementNational(indicateur, horsCom)
  const couleurs = new Map(horsCom.map((d) => [d.code, couleurDe(classement, def.valeur(d)) ?? palette.sansDonnee]))
  return { def, classement, couleurs }
}

export const totalLieux = (c: Chiffres): number => Object.values(c.lieux).reduce((a, b) => a + b, 0)
