// The date whose lieux the map shows: one option per point of the evolution, the last being today's import.
import { useId } from 'react'
import type { PointEvolution } from '../api/types.ts'
import { dateDeVue, libelleMois } from '../presenters/evolution.ts'

type Props = { points: readonly PointEvolution[]; date: string | null; onDate: (date: string | null) => void }

export function ControleDate({ points, date, onDate }: Props) {
  const id = useId()
  const derniere = points.at(-1)?.date
  const point = points.find((p) => p.date === (date ?? derniere))
  if (points.length < 2) return null
  return (
    <div className="fr-select-group maillage-controle-date">
      <label className="fr-label" htmlFor={id}>
        Lieux connus à la date
        <span className="fr-hint-text">La carte et les chiffres montrent la couverture par les sources connues à cette date</span>
      </label>
      <select className="fr-select" id={id} name="date" value={date ?? derniere} onChange={(e) => onDate(dateDeVue(points, e.target.value))}>
        {points.map((p) => (
          <option key={p.date} value={p.date}>
            {libelleMois(p.date)}{p.date === derniere ? ' (aujourd’hui)' : ''}
          </option>
        ))}
      </select>
      {point && date !== null ? <p className="fr-text--xs fr-mt-1w" role="status">{point.description}</p> : null}
    </div>
  )
}
