import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { departements as requeteDepartements } from '../../api/queries/territoires.ts'
import { codeIntegration, type CarteIntegrable } from '../../presenters/integration.ts'
import { useTitre } from '../../ui/useTitre.ts'

/** "Intégrer cette carte": the snippet a mairie or a département pastes to show a Maillage map on its own site. */
export function VueIntegration() {
  useTitre('Intégrer cette carte')
  const departements = useQuery(requeteDepartements())
  const [choix, setChoix] = useState<string>('trouver')
  const [hauteur, setHauteur] = useState(600)
  const id = useId()
  const carte: CarteIntegrable = choix === 'trouver' ? { type: 'trouver' } : { type: 'departement', code: choix }
  const nom = departements.data?.find((d) => d.code === choix)?.nom
  const titre = carte.type === 'trouver' ? 'Trouver un lieu de médiation numérique près de chez soi' : `Couverture de la médiation numérique : ${nom ?? choix}`
  const code = codeIntegration(location.origin, carte, titre, hauteur)
  return (
    <div className="fr-container fr-py-4w" data-vue="integration">
      <h1 className="fr-h3">Intégrer cette carte</h1>
      <p>
        Une mairie, un département ou une structure peut afficher une carte de Maillage sur son propre site : copiez le
        code ci-dessous dans une page. La carte s’affiche seulement sur les sites que l’équipe de Maillage a déclarés
        (variable <code>MAILLAGE_INTEGRATION_ORIGINES</code>) ; écrivez-lui pour ajouter le vôtre. La carte intégrée ne
        dépose aucun cookie.
      </p>
      <div className="fr-select-group">
        <label className="fr-label" htmlFor={`${id}-carte`}>Carte à intégrer</label>
        <select className="fr-select" id={`${id}-carte`} name="carte" value={choix} onChange={(e) => setChoix(e.target.value)}>
          <option value="trouver">Trouver un lieu près de chez soi</option>
          {(departements.data ?? []).map((d) => (
            <option key={d.code} value={d.code}>Couverture du département : {d.nom} ({d.code})</option>
          ))}
        </select>
      </div>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={`${id}-hauteur`}>Hauteur en pixels (300 à 2 000)</label>
        <input className="fr-input" id={`${id}-hauteur`} name="hauteur" type="number" min={300} max={2000} step={50} value={hauteur} onChange={(e) => setHauteur(Number(e.target.value) || 600)} />
      </div>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={`${id}-code`}>Code à copier dans votre page</label>
        <textarea className="fr-input" id={`${id}-code`} data-code-integration readOnly rows={4} value={code} onFocus={(e) => e.currentTarget.select()} />
      </div>
    </div>
  )
}
