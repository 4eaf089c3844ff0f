import { Link } from 'react-router-dom'
import type { CouvertureCommune } from '../api/types.ts'
import { formatDecimal, formatEntier, formatKm, formatTaux } from '../charts/format.ts'
import { LIBELLES_STATUT, statutCommune } from '../presenters/indicateurs.ts'
import { TableauDsfr } from './TableauDsfr.tsx'

/** The commune map as a table, folded by default because a département has hundreds of communes. */
export function TableauCommunes({ communes, suffixe }: { communes: readonly CouvertureCommune[]; suffixe: string }) {
  return (
    <details className="maillage-details">
      <summary>Tableau des {formatEntier(communes.length)} communes (équivalent de la carte)</summary>
      <TableauDsfr className="fr-table--sm maillage-tableau">
        <table>
          <caption>Couverture des communes</caption>
          <thead>
            <tr>
              <th scope="col">Commune</th>
              <th scope="col">Population</th>
              <th scope="col">Statut</th>
              <th scope="col">Part couverte</th>
              <th scope="col">Habitants non couverts</th>
              <th scope="col">Distance du point central</th>
              <th scope="col">Lieu le plus proche</th>
              <th scope="col">Accessibilité</th>
              <th scope="col">IFN</th>
            </tr>
          </thead>
          <tbody>
            {communes.map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  <Link to={`/communes/${c.code}${suffixe}`}>{c.nom}</Link>
                </th>
                <td className="maillage-nombre">{formatEntier(c.population)}</td>
                <td data-statut={statutCommune(c)}>{LIBELLES_STATUT[statutCommune(c)]}</td>
                <td className="maillage-nombre">{formatTaux(c.partCouverte ?? (c.couverte ? 1 : 0))}</td>
                <td className="maillage-nombre">{formatEntier(c.populationNonCouverte ?? (c.couverte ? 0 : c.population))}</td>
                <td className="maillage-nombre">{formatKm(c.distanceKm)}</td>
                <td>{c.lieuLePlusProche?.nom ?? '—'}</td>
                <td className="maillage-nombre">{formatDecimal(c.accessibilite)}</td>
                <td className="maillage-nombre">{formatDecimal(c.ifn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableauDsfr>
    </details>
  )
}
