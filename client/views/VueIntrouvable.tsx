import { Link } from 'react-router-dom'
import { useTitre } from '../ui/useTitre.ts'

export function VueIntrouvable() {
  useTitre('Page introuvable')
  return (
    <div className="fr-container fr-py-6w" data-erreur="404">
      <h1>Page introuvable</h1>
      <p className="fr-text--sm fr-mb-3w">Erreur 404</p>
      <p className="fr-text--lead">L’adresse demandée ne correspond à aucune page de Maillage.</p>
      <Link className="fr-btn" to="/">Revenir au tableau de bord</Link>
    </div>
  )
}
