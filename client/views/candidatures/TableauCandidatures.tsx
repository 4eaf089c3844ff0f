import type { CandidatureEvaluee as Candidature } from '../../api/types.ts'
import { formatEntier, formatEuros } from '../../charts/format.ts'
import { LIBELLE_TYPE, libelleAvis } from '../../presenters/candidatures.ts'
import { FormulaireAvis } from './FormulaireAvis.tsx'

type Props = { candidatures: readonly Candidature[]; agit: boolean; selection: number | null; onSelect: (id: number) => void; onAvisDonne: () => void }

/** The ranked candidatures (DSFR table): each row opens its detail with a button, and takes an avis when the agent may give one. */
export function TableauCandidatures({ candidatures, agit, selection, onSelect, onAvisDonne }: Props) {
  return (
    <div className="fr-table fr-table--no-caption">
      <table>
        <caption>Candidatures du département</caption>
        <thead>
          <tr>
            <th scope="col">Rang</th><th scope="col">Structure</th><th scope="col">Postes</th><th scope="col">Coût État</th>
            <th scope="col">Habitants couverts</th><th scope="col">Coût par habitant</th><th scope="col">Avis</th>
          </tr>
        </thead>
        <tbody>
          {candidatures.map((c, k) => (
            <tr key={c.id} aria-current={c.id === selection ? 'true' : undefined}>
              <td>{k + 1}</td>
              <th scope="row">
                {c.nom}<br /><span className="fr-text--xs">{LIBELLE_TYPE[c.type]} · SIRET {c.siret} · {c.adresse} ({c.codeInsee})</span><br />
                <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" onClick={() => onSelect(c.id)}>
                  Voir le détail<span className="fr-sr-only"> de « {c.nom} »</span>
                </button>
              </th>
              <td>{c.postes}</td>
              <td>{formatEuros(c.coutEtatEuros)}</td>
              <td>{formatEntier(c.gain)}</td>
              <td>{c.coutParHabitantEuros === null ? '—' : formatEuros(c.coutParHabitantEuros)}</td>
              <td>
                <span className="fr-text--sm">{libelleAvis(c)}</span>
                {agit && <FormulaireAvis candidature={c} onDonne={onAvisDonne} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
