import { Link } from 'react-router-dom'
import { useTitre } from '../ui/useTitre.ts'

export function VueIntrouvable() {
  useTitre('Page introuvable')
  return (
    <div className="fr-container fr-py-6w">
      <h1>Page introuvable</h1>
      <p>L’adresse demandée ne correspond à aucune page de Maillage.</p>
      <Link className="fr-btn" to="/">Revenir au tableau de bord</Link>
    </div>
  )
}
