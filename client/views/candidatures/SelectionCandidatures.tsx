import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { api } from '../../api/client.ts'
import { formatEntier, formatEuros, pluriel } from '../../charts/format.ts'
import type { Candidature, Parametres } from '../../api/types.ts'
import { lienPlanificateur } from '../../presenters/candidatures.ts'

type Props = { code: string; parametres: Parametres; candidatures: readonly Candidature[] }

/** The best set of candidatures within a State budget, and the planner opened on it as a scenario. */
export function SelectionCandidatures({ code, parametres, candidatures }: Props) {
  const [budgetEuros, setBudget] = useState(200_000)
  const [seulementFavorables, setFavorables] = useState(false)
  const selection = useMutation({ mutationFn: () => api.selectionCandidatures(code, { ...parametres, budgetEuros, seulementFavorables }) })
  const s = selection.data
  const noms = s ? s.retenues.map((id) => candidatures.find((c) => c.id === id)?.nom ?? `n° ${id}`) : []
  return (
    <section aria-labelledby="titre-selection-candidatures" className="fr-mb-4w">
      <h2 id="titre-selection-candidatures" className="fr-h5">Meilleure sélection pour un budget</h2>
      <form onSubmit={(e) => { e.preventDefault(); selection.mutate() }}>
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="budget-candidatures">Budget de l’État (euros)</label>
          <input id="budget-candidatures" className="fr-input" type="number" min={1_000} step={1_000} value={budgetEuros} onChange={(e) => setBudget(Math.max(1, Math.round(Number(e.target.value) || 1)))} />
        </div>
        <div className="fr-checkbox-group">
          <input id="seulement-favorables" type="checkbox" checked={seulementFavorables} onChange={(e) => setFavorables(e.target.checked)} />
          <label className="fr-label" htmlFor="seulement-favorables">Seulement les candidatures à l’avis favorable</label>
        </div>
        <button type="submit" className="fr-btn fr-mt-1w" disabled={selection.isPending}>Proposer la meilleure sélection</button>
      </form>
      {selection.error && <p className="fr-error-text" role="alert">{selection.error.message}</p>}
      {s && (
        <div className="fr-mt-2w" role="status">
          <p>
            {pluriel(s.retenues.length, 'candidature retenue', 'candidatures retenues')} sur {s.candidaturesConsiderees} : {formatEntier(s.gainPopulation)} habitants
            des zones blanches couverts, pour {formatEuros(s.coutEuros)} ({pluriel(s.postes, 'poste')}).{' '}
            {s.optimal ? 'Optimum prouvé.' : `Non prouvé optimal (au plus ${formatEntier(Math.floor(s.borneSuperieure))}).`}
          </p>
          {noms.length > 0 && <ul>{noms.map((n, k) => <li key={k}>{n}</li>)}</ul>}
          {s.ajouts.length > 0 && (
            <Link className="fr-btn fr-btn--secondary fr-icon-map-pin-2-line fr-btn--icon-left" to={lienPlanificateur(code, parametres, s)}>
              Ouvrir cette sélection dans le planificateur
            </Link>
          )}
        </div>
      )}
    </section>
  )
}
