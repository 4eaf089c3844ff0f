import type { LigneComparaison } from '../presenters/departement.ts'

export function Comparaison({ colonnes, lignes }: { colonnes: readonly string[]; lignes: readonly LigneComparaison[] }) {
  return (
    <div className="fr-table fr-table--sm maillage-tableau">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
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
          </div>
        </div>
      </div>
    </div>
  )
}
