import type { Lieu } from '../api/types.ts'
import { formatKm } from '../charts/format.ts'
import { LIBELLES_CATEGORIES } from '../../server/domain/offre.ts'
import { etatOuverture, libelleOuverture } from '../presenters/horaires.ts'

type Props = { lieu: Lieu; numero: number; maintenant: Date; actif: boolean; onActiver: () => void }

const lienSite = (url: string) => (/^https?:\/\//i.test(url) ? url : `https://${url}`)

/** One lieu of a "nearest lieux" list; focusing or hovering it highlights its numbered marker. */
export function CarteLieu({ lieu, numero, maintenant, actif, onActiver }: Props) {
  const ouverture = libelleOuverture(etatOuverture(lieu.horaires, maintenant, lieu), maintenant)
  return (
    <li
      className={`maillage-lieu${actif ? ' maillage-lieu--actif' : ''}`}
      data-lieu={lieu.id}
      data-distance-km={lieu.distanceKm}
      data-code-insee={lieu.codeInsee ?? undefined}
      onMouseEnter={onActiver}
      onFocus={onActiver}
    >
      <h3 className="fr-h6 fr-mb-1v">
        <span className="maillage-lieu__numero" aria-hidden="true">{numero}</span> {lieu.nom}
      </h3>
      <p className="fr-text--sm fr-mb-1v">
        <strong>{lieu.localisation === 'centre-commune' ? `≈ ${formatKm(lieu.distanceKm)}` : formatKm(lieu.distanceKm)}</strong> · {lieu.categories.map((c) => LIBELLES_CATEGORIES[c] ?? c).join(', ')}
        {lieu.localisation === 'centre-commune' ? <span className="fr-text--xs"> (position approchée : centre de la commune)</span> : null}
      </p>
      <p className="fr-text--sm fr-mb-1v">
        {[lieu.adresse, [lieu.codePostal, lieu.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
      </p>
      {ouverture ? (
        <p className={`fr-badge fr-badge--sm ${ouverture.startsWith('Ouvert') ? 'fr-badge--success' : 'fr-badge--info'} fr-mb-1v`}>{ouverture}</p>
      ) : null}
      {lieu.horairesTexte || lieu.horaires ? <p className="fr-text--xs fr-mb-1v">Horaires : {lieu.horairesTexte ?? lieu.horaires}</p> : null}
      <p className="fr-text--sm fr-mb-1v">
        {lieu.telephone ? (
          <a className="fr-link fr-mr-2w" href={`tel:${lieu.telephone.replace(/\s/g, '')}`}>
            {lieu.telephone}
          </a>
        ) : null}
        {lieu.siteWeb ? (
          <a className="fr-link" href={lienSite(lieu.siteWeb)} target="_blank" rel="noopener noreferrer" title={`Site de ${lieu.nom} — nouvelle fenêtre`}>
            Site internet
          </a>
        ) : null}
      </p>
      {lieu.services.length > 0 ? (
        <ul className="fr-tags-group">
          {lieu.services.slice(0, 8).map((s) => (
            <li key={s}>
              <p className="fr-tag fr-tag--sm">{s}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}
