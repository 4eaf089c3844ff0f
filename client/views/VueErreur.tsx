import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom'
import { useTitre } from '../ui/useTitre.ts'

/**
 * The router's error page (DSFR "page d'erreur" pattern): an unknown address, or a part of the application that did
 * not load (a lazy chunk refused by the network, or gone after a new deployment), which a reload usually fixes.
 */
export function VueErreur() {
  const erreur = useRouteError()
  const introuvable = isRouteErrorResponse(erreur) && erreur.status === 404
  useTitre(introuvable ? 'Page introuvable' : 'Erreur de chargement')
  return (
    <div className="fr-container fr-py-6w" data-erreur={introuvable ? '404' : 'chargement'}>
      <h1>{introuvable ? 'Page introuvable' : 'Cette page n’a pas pu être chargée'}</h1>
      <p className="fr-text--sm fr-mb-3w">{introuvable ? 'Erreur 404' : 'Erreur de chargement'}</p>
      <p className="fr-text--lead fr-mb-3w">
        {introuvable
          ? 'L’adresse demandée ne correspond à aucune page de Maillage.'
          : 'Une partie de l’application n’a pas pu être téléchargée : la connexion a peut-être été interrompue, ou une nouvelle version de Maillage vient d’être mise en ligne.'}
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {introuvable ? null : (
          <li>
            <button type="button" className="fr-btn" onClick={() => location.reload()}>Recharger la page</button>
          </li>
        )}
        <li>
          <Link className={introuvable ? 'fr-btn' : 'fr-btn fr-btn--secondary'} to="/">Revenir au tableau de bord</Link>
        </li>
      </ul>
    </div>
  )
}
