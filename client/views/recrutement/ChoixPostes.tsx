import type { Candidature } from '../../api/types.ts'
import { LIBELLE_AVIS } from '../../presenters/candidatures.ts'
import { candidaturesFavorables } from '../../presenters/recrutement.ts'

type Props = { candidatures: readonly Candidature[]; choisies: ReadonlySet<number>; onChange: (ids: ReadonlySet<number>) => void }

/** The postes to fill: one checkbox per candidature (its postes and avis), the favourable ones ticked first. */
export function ChoixPostes({ candidatures, choisies, onChange }: Props) {
  const basculer = (id: number) => {
    const suivantes = new Set(choisies)
    if (!suivantes.delete(id)) suivantes.add(id)
    onChange(suivantes)
  }
  const postes = candidatures.filter((c) => choisies.has(c.id)).reduce((s, c) => s + c.postes, 0)
  return (
    <fieldset className="fr-fieldset" aria-labelledby="legende-postes">
      <legend className="fr-fieldset__legend" id="legende-postes">
        Postes à pourvoir
        <span className="fr-hint-text">{choisies.size} candidature{choisies.size > 1 ? 's' : ''} cochée{choisies.size > 1 ? 's' : ''}, {postes} poste{postes > 1 ? 's' : ''}.</span>
      </legend>
      <div className="fr-fieldset__element">
        <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
          <li><button type="button" className="fr-btn fr-btn--secondary" onClick={() => onChange(new Set(candidaturesFavorables(candidatures)))}>Avis favorables seulement</button></li>
          <li><button type="button" className="fr-btn fr-btn--secondary" onClick={() => onChange(new Set(candidatures.map((c) => c.id)))}>Toutes</button></li>
          <li><button type="button" className="fr-btn fr-btn--tertiary" onClick={() => onChange(new Set())}>Aucune</button></li>
        </ul>
      </div>
      {candidatures.map((c) => (
        <div className="fr-fieldset__element" key={c.id}>
          <div className="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id={`poste-${c.id}`} checked={choisies.has(c.id)} onChange={() => basculer(c.id)} />
            <label className="fr-label" htmlFor={`poste-${c.id}`}>
              {c.nom} — {c.postes} poste{c.postes > 1 ? 's' : ''}
              <span className="fr-hint-text">{c.avis === null ? 'Pas encore d’avis' : `Avis ${LIBELLE_AVIS[c.avis.avis].toLowerCase()}`} · {c.codeInsee}</span>
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  )
}
