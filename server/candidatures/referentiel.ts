import type { TerritoiresDb } from '../db/territoires.ts'
import { pointDansContour, TOLERANCE_CONTOUR_KM, type Contour } from '../spatial/index.ts'
import type { CommuneReferentiel, Referentiel } from './verification.ts'

/** The reference data a candidature file is checked against: communes of the import's COG, départements' outlines. */
export function referentielCandidatures(territoires: TerritoiresDb, contours: ReadonlyMap<string, Contour>): Referentiel {
  const versCommune = (c: CommuneReferentiel): CommuneReferentiel =>
    ({ code: c.code, nom: c.nom, departement: c.departement, longitude: c.longitude, latitude: c.latitude })
  return {
    commune: (code) => {
      const c = territoires.commune(code)
      return c === undefined ? undefined : versCommune(c)
    },
    // A postal code serves a few dozen communes at most.
    communesDuCodePostal: (codePostal) => territoires.rechercher(codePostal, true, 200).communes.map(versCommune),
    dansDepartement: (departement, longitude, latitude) => {
      const contour = contours.get(departement)
      return contour !== undefined && pointDansContour(contour, [longitude, latitude], TOLERANCE_CONTOUR_KM)
    },
  }
}
