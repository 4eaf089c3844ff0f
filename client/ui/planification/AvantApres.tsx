import type { LigneAvantApres } from '../../presenters/simulation.ts'
import { TableauDsfr } from '../TableauDsfr.tsx'

const LIBELLE_SENS = { mieux: 'amélioration', 'moins-bien': 'dégradation', egal: '' } as const

/** Today and the scenario side by side; `data-chiffre` names each row for tests and print. */
export function AvantApres({ lignes, enCalcul, titre }: { lignes: readonly LigneAvantApres[]; enCalcul: boolean; titre: string }) {
  return (
    <TableauDsfr className="fr-table--sm fr-table--no-scroll fr-table--no-caption maillage-tableau maillage-avant-apres" aria-busy={enCalcul}>
      <table>
        <caption>{titre}</caption>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            <th scope="col" className="maillage-nombre">Aujourd’hui</th>
            <th scope="col" className="maillage-nombre">Scénario</th>
            <th scope="col" className="maillage-nombre">Écart</th>
          </tr>
        </thead>
        <tbody>
          {lignes.map((l) => (
            <tr key={l.cle} data-chiffre={l.cle}>
              <th scope="row">{l.libelle}</th>
              <td className="maillage-nombre" data-colonne="avant">{l.avant}</td>
              <td className="maillage-nombre" data-colonne="apres">{l.apres}</td>
              <td className={`maillage-nombre maillage-ecart maillage-ecart--${l.sens}`} data-colonne="ecart">
                {l.ecart}
                {l.sens !== 'egal' ? <span className="fr-sr-only"> ({LIBELLE_SENS[l.sens]})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableauDsfr>
  )
}
