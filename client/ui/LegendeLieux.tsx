import { CATEGORIES, LIBELLES_CATEGORIES } from '../../server/domain/offre.ts'
import { COULEURS_CATEGORIES, palette } from '../map/palette.ts'

export function LegendeLieux() {
  return (
    <figure className="maillage-legende" aria-label="Légende : lieux">
      <figcaption>
        <strong>Lieux</strong> <span className="fr-text--xs">(regroupés quand la carte est éloignée)</span>
      </figcaption>
      <ul>
        {CATEGORIES.map((c) => (
          <li key={c}>
            <span className="maillage-legende__point" style={{ background: COULEURS_CATEGORIES[c] }} aria-hidden="true" />
            {LIBELLES_CATEGORIES[c]}
          </li>
        ))}
        <li>
          <span className="maillage-legende__point maillage-legende__point--groupe" style={{ background: palette.cluster }} aria-hidden="true" />
          Groupe de lieux
        </li>
      </ul>
    </figure>
  )
}
