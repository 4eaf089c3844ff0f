import type { LigneComparaison } from '../presenters/departement.ts'
import { TableauDsfr } from './TableauDsfr.tsx'

export function Comparaison({ colonnes, lignes }: { colonnes: readonly string[]; lignes: readonly LigneComparaison[] }) {
  return (
    <TableauDsfr className="fr-table--sm maillage-tableau">
      <table>
        <caption>Comparaison avec la région et la France</caption>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            {colonnes.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lignes.map((l) => (
            <tr key={l.libelle}>
              <th scope="row">{l.libelle}</th>
              {l.valeurs.map((v, i) => (
                <td key={i} className="maillage-nombre">
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableauDsfr>
  )
}
