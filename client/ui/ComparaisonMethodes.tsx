import type { Chiffres } from '../api/types.ts'
import { comparerMethodes, LIBELLES_METHODE, PHRASE_METHODES } from '../presenters/methodes.ts'
import { TableauDsfr } from './TableauDsfr.tsx'

type Props = { carreaux: Chiffres; centres: Chiffres | undefined; rayonKm: number; territoire: string }

/** The coverage of a territory counted where people live and at commune centres, with what differs. */
export function ComparaisonMethodes({ carreaux, centres, rayonKm, territoire }: Props) {
  if (!centres) return null
  return (
    <details className="maillage-details" data-comparaison="methodes">
      <summary>Deux façons de compter : carreaux de 1 km ou points centraux</summary>
      <p className="fr-text--sm fr-mb-1w">{PHRASE_METHODES}</p>
      <TableauDsfr className="fr-table--sm maillage-tableau">
        <table>
          <caption>{territoire} : couverture à {rayonKm}&nbsp;km selon la façon de compter les habitants</caption>
          <thead>
            <tr>
              <th scope="col">Chiffre</th>
              <th scope="col">{LIBELLES_METHODE.carreaux}</th>
              <th scope="col">{LIBELLES_METHODE.centres}</th>
            </tr>
          </thead>
          <tbody>
            {comparerMethodes(carreaux, centres, rayonKm).map((l) => (
              <tr key={l.cle} data-chiffre={l.cle}>
                <th scope="row">{l.libelle}</th>
                <td className="maillage-nombre">{l.carreaux}</td>
                <td className="maillage-nombre">{l.centres}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableauDsfr>
    </details>
  )
}
