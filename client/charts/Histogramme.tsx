// Vertical histogram of a distribution: d3 scales and ticks, React SVG, and a screen-reader table.
import { scaleLinear } from 'd3'
import { palette } from '../map/palette.ts'
import { formatDecimal, formatEntier } from './format.ts'

type Props = { titre: string; classes: readonly { min: number; max: number; effectif: number }[]; unite: string }

const LARGEUR = 320
const HAUTEUR = 150
const MARGE = { haut: 8, droite: 8, bas: 28, gauche: 36 }

export function Histogramme({ titre, classes, unite }: Props) {
  if (classes.length === 0) return <p className="fr-text--sm">{titre} : aucune donnée.</p>
  const x = scaleLinear().domain([classes[0]!.min, classes[classes.length - 1]!.max]).range([MARGE.gauche, LARGEUR - MARGE.droite])
  const y = scaleLinear().domain([0, Math.max(1, ...classes.map((c) => c.effectif))]).nice().range([HAUTEUR - MARGE.bas, MARGE.haut])
  return (
    <figure className="maillage-graphique">
      <figcaption className="fr-text--sm fr-mb-1w">
        <strong>{titre}</strong> (nombre de communes par {unite})
      </figcaption>
      <svg viewBox={`0 0 ${LARGEUR} ${HAUTEUR}`} width="100%" aria-hidden="true">
        {y.ticks(4).map((t) => (
          <g key={t}>
            <line x1={MARGE.gauche} x2={LARGEUR - MARGE.droite} y1={y(t)} y2={y(t)} stroke={palette.sansDonnee} />
            <text x={MARGE.gauche - 4} y={y(t) + 4} textAnchor="end" fontSize={10} fill={palette.axe}>
              {formatEntier(t)}
            </text>
          </g>
        ))}
        {classes.map((c) => (
          <rect key={c.min} x={x(c.min) + 1} width={Math.max(1, x(c.max) - x(c.min) - 2)} y={y(c.effectif)} height={y(0) - y(c.effectif)} fill={palette.barreSecondaire} />
        ))}
        {x.ticks(5).map((t) => (
          <text key={t} x={x(t)} y={HAUTEUR - MARGE.bas + 14} textAnchor="middle" fontSize={10} fill={palette.axe}>
            {formatDecimal(t)}
          </text>
        ))}
      </svg>
      <table className="fr-sr-only">
        <caption>{titre}</caption>
        <tbody>
          {classes.map((c) => (
            <tr key={c.min}>
              <th scope="row">{`de ${formatDecimal(c.min)} à ${formatDecimal(c.max)}`}</th>
              <td>{`${formatEntier(c.effectif)} communes`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
