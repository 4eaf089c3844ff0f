import { Outlet, useLocation } from 'react-router-dom'

/**
 * The frame of an embedded map (an <iframe> on a mairie's or a département's site): no header, no footer, one link
 * back to the full dashboard, opened outside the iframe.
 */
export function GabaritIntegre() {
  const { pathname, search } = useLocation()
  const complet = pathname.replace(/^\/integrer/, '') + search
  return (
    <div className="maillage-integre" data-gabarit="integre">
      <main id="contenu" className="maillage-principal">
        <Outlet />
      </main>
      <p className="fr-text--xs fr-px-2w fr-mb-1w">
        <a className="fr-link fr-link--sm" href={complet} target="_blank" rel="noopener">
          Voir sur Maillage, la couverture territoriale de la médiation numérique (nouvelle fenêtre)
        </a>
      </p>
    </div>
  )
}
