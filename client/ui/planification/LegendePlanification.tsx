import { palette } from '../../map/palette.ts'

/** Legend of the planner map; the swatches are drawn with the map's own colours. */
export function LegendePlanification({ sitesProposes }: { sitesProposes: boolean }) {
  return (
    <ul className="maillage-legende-planification" aria-label="Légende de la carte">
      <li>
        <span className="maillage-legende__pastille" style={{ background: palette.couverte }} aria-hidden="true" />
        Commune couverte
      </li>
      <li>
        <span className="maillage-legende__pastille" style={{ background: palette.zoneBlanche, borderColor: palette.contourZoneBlanche }} aria-hidden="true" />
        Zone blanche
      </li>
      <li>
        <span className="maillage-legende__pastille" style={{ background: palette.zoneBlanche, border: `3px solid ${palette.communeChangee}` }} aria-hidden="true" />
        Statut changé par le scénario
      </li>
      <li>
        <span className="maillage-legende__point maillage-legende__point--ajout" style={{ background: palette.ajout, boxShadow: `0 0 0 2px ${palette.contourAjout}, 0 0 0 3px ${palette.axe}` }} aria-hidden="true" />
        Poste ajouté
      </li>
      <li>
        <span className="maillage-legende__point" style={{ background: palette.lieuRetire, border: `2px solid ${palette.contourLieuRetire}` }} aria-hidden="true" />
        Lieu retiré
      </li>
      {sitesProposes ? (
        <li>
          <span className="maillage-repere maillage-repere--propose maillage-repere--legende" aria-hidden="true">1</span>
          Site proposé (placement optimal)
        </li>
      ) : null}
    </ul>
  )
}
