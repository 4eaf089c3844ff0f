import { Link } from 'react-router-dom'
import type { CommuneChangee } from '../../api/types.ts'
import { formatEntier, pluriel } from '../../charts/format.ts'

/** The communes whose status the scenario changes; the map outlines the same ones. */
export function CommunesChangees({ communes, suffixe }: { communes: readonly CommuneChangee[]; suffixe: string }) {
  return (
    <section className="maillage-communes-changees" aria-labelledby="titre-communes-changees">
      <h2 className="fr-h6" id="titre-communes-changees">
        Communes dont le statut change ({formatEntier(communes.length)})
      </h2>
      {communes.length === 0 ? (
        <p className="fr-text--sm">Aucune commune ne change de statut avec ce scénario.</p>
      ) : (
        <ul className="maillage-liste-simple" data-liste="communes-changees">
          {communes.map((c) => (
            <li key={c.code} data-code={c.code}>
              <Link to={`/communes/${c.code}${suffixe}`}>{c.nom}</Link>{' '}
              <span className="fr-text--xs maillage-discret">({pluriel(c.population, 'hab.', 'hab.')})</span>{' '}
              {c.apres === 'couverte' ? (
                <span className="fr-badge fr-badge--sm fr-badge--success fr-badge--no-icon">devient couverte</span>
              ) : (
                <span className="fr-badge fr-badge--sm fr-badge--error fr-badge--no-icon">passe en zone blanche</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
