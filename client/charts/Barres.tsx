// Horizontal bars: d3 computes the scale, React draws the SVG. A screen-reader table repeats the data.
import { scaleLinear } from 'd3'
import { palette } from '../map/palette.ts'

type Props = { titre: string; barres: readonly { libelle: string; valeur: number }[]; format: (n: number) => string; unite: string }

const LARGEUR = 320
const MARGE_GAUCHE = 96
const MARGE_DROITE = 92
const HAUTEUR_BARRE = 22

export function Barres({ titre, barres, format, unite }: Props) {
  const maximum = Math.max(1, ...barres.map((b) => b.valeur))
  const x = scaleLinear().domain([0, maximum]).range([0, LARGEUR - MARGE_GAUCHE - MARGE_DROITE])
  const hauteur = barres.length * HAUTEUR_BARRE + 4
  return (
    <figure className="maillage-graphique">
      <figcaption className="fr-text--sm fr-mb-1w">
        <strong>{titre}</strong> ({unite})
      </figcaption>
      <svg viewBox={`0 0 ${LARGEUR} ${hauteur}`} width="100%" aria-hidden="true">
        {barres.map((b, i) => (
          <g key={b.libelle} transform={`translate(0, ${i * HAUTEUR_BARRE + 2})`}>
            <text x={MARGE_GAUCHE - 6} y={HAUTEUR_BARRE / 2 + 4} textAnchor="end" fontSize={11} fill={palette.axe}>
              {b.libelle}
            </text>
            <rect x={MARGE_GAUCHE} y={3} width={x(b.valeur)} height={HAUTEUR_BARRE - 6} fill={palette.barre} />
            <text x={MARGE_GAUCHE + x(b.valeur) + 4} y={HAUTEUR_BARRE / 2 + 4} fontSize={11} fill={palette.axe}>
              {format(b.valeur)}
            </text>
          </g>
        ))}
      </svg>
      <table className="fr-sr-only">
        <caption>{titre}</caption>
        <tbody>
          {barres.map((b) => (
            <tr key={b.libelle}>
              <th scope="row">{b.libelle}</th>
              <td>{`${format(b.valeur)} ${unite}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
