import type { AjoutPoste } from '../../api/types.ts'
import { formatEntier } from '../../charts/format.ts'
import { MAX_CONSEILLERS_AJOUT } from '../../../server/domain/planification.ts'

type Props = {
  ajouts: readonly AjoutPoste[]
  retraits: readonly number[]
  nomsLieux: ReadonlyMap<number, string>
  onConseillers: (index: number, conseillers: number) => void
  onSupprimer: (index: number) => void
  onRetablir: (lieuId: number) => void
}

const coordonnees = (a: AjoutPoste) =>
  `${a.lat.toFixed(4).replace('.', ',')}° N, ${Math.abs(a.lon).toFixed(4).replace('.', ',')}° ${a.lon < 0 ? 'O' : 'E'}`

/** The scenario as lists: every map action has its keyboard equivalent here (change, remove, put back). */
export function ListeScenario({ ajouts, retraits, nomsLieux, onConseillers, onSupprimer, onRetablir }: Props) {
  return (
    <section className="maillage-scenario" aria-labelledby="titre-scenario">
      <h2 className="fr-h6" id="titre-scenario">
        Scénario : {formatEntier(ajouts.length)} poste{ajouts.length > 1 ? 's' : ''} ajouté{ajouts.length > 1 ? 's' : ''}, {formatEntier(retraits.length)} lieu{retraits.length > 1 ? 'x' : ''} retiré{retraits.length > 1 ? 's' : ''}
      </h2>
      {ajouts.length === 0 && retraits.length === 0 ? (
        <p className="fr-text--sm">
          Cliquez sur la carte pour ajouter un poste, sur un lieu pour le retirer, ou utilisez les listes « Ajouter sans la carte ».
        </p>
      ) : null}
      {ajouts.length > 0 ? (
        <ol className="maillage-liste-scenario" data-liste="ajouts">
          {ajouts.map((a, k) => (
            <li key={`${a.lon},${a.lat}`} className="maillage-liste-scenario__ligne">
              <span>
                <strong>Poste n° {k + 1}</strong>
                <span className="fr-text--xs maillage-discret maillage-bloc">{coordonnees(a)}</span>
              </span>
              <label className="maillage-conseillers">
                <span className="fr-sr-only">Conseillers du poste n° {k + 1}</span>
                <input
                  className="fr-input"
                  type="number"
                  min={1}
                  max={MAX_CONSEILLERS_AJOUT}
                  value={a.conseillers}
                  onChange={(e) => e.target.value !== '' && onConseillers(k, Number(e.target.value))}
                />
                <span aria-hidden="true" className="fr-text--xs">cons.</span>
              </label>
              <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-delete-bin-line" title={`Supprimer le poste n° ${k + 1}`} onClick={() => onSupprimer(k)}>
                Supprimer le poste n° {k + 1}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {retraits.length > 0 ? (
        <ul className="maillage-liste-scenario" data-liste="retraits">
          {retraits.map((id) => (
            <li key={id} className="maillage-liste-scenario__ligne">
              <span>
                <strong>Retiré</strong> : {nomsLieux.get(id) ?? `lieu ${id}`}
              </span>
              <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" onClick={() => onRetablir(id)}>
                Rétablir<span className="fr-sr-only"> {nomsLieux.get(id) ?? `le lieu ${id}`}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
