// Line of the coverage rate at each date of the evolution: d3 computes the scales and the path, React draws the SVG.
// Points are evenly spaced (two sources two months apart would overlap on a time axis); a table repeats the data.
import { line, scaleLinear, scalePoint } from 'd3'
import { palette } from '../map/palette.ts'
import type { PointPresente } from '../presenters/evolution.ts'
import { formatEntier, formatTaux } from './format.ts'

type Props = {
  titre: string
  points: readonly PointPresente[]
  onChoix?: (date: string) => void
  /** false when the page lists the points' sentences elsewhere (the fiche, in a full-width block). */
  phrases?: boolean
}

const LARGEUR = 360
const HAUTEUR = 170
const MARGE = { haut: 22, droite: 24, bas: 30, gauche: 40 }

export function CourbeEvolution({ titre, points, onChoix, phrases = true }: Props) {
  const x = scalePoint<string>().domain(points.map((p) => p.date)).range([MARGE.gauche, LARGEUR - MARGE.droite]).padding(0.5)
  const y = scaleLinear().domain([0, 1]).range([HAUTEUR - MARGE.bas, MARGE.haut])
  const trace = line<PointPresente>().x((p) => x(p.date)!).y((p) => y(p.taux))(points) ?? ''
  return (
    <figure className="maillage-graphique maillage-evolution" data-graphique="evolution">
      <figcaption className="fr-text--sm fr-mb-1w">
        <strong>{titre}</strong> (part de la population à moins du rayon d’un lieu connu à chaque date)
      </figcaption>
      <svg viewBox={`0 0 ${LARGEUR} ${HAUTEUR}`} width="100%" aria-hidden="true">
        {y.ticks(4).map((t) => (
          <g key={t}>
            <line x1={MARGE.gauche} x2={LARGEUR - MARGE.droite} y1={y(t)} y2={y(t)} stroke={palette.sansDonnee} strokeWidth={0.5} />
            <text x={MARGE.gauche - 4} y={y(t) + 3} textAnchor="end" fontSize={9} fill={palette.axe}>{formatTaux(t)}</text>
          </g>
        ))}
        <path d={trace} fill="none" stroke={palette.barre} strokeWidth={2} />
        {points.map((p) => (
          <g key={p.date} data-date={p.date} onClick={onChoix ? () => onChoix(p.date) : undefined} style={onChoix ? { cursor: 'pointer' } : undefined}>
            <title>{`${p.date} : ${formatTaux(p.taux)} (${formatEntier(p.populationCouverte)} hab.)`}</title>
            <circle cx={x(p.date)} cy={y(p.taux)} r={p.choisi ? 6 : 4} fill={p.choisi ? palette.selection : '#ffffff'} stroke={palette.barre} strokeWidth={2} />
            <text x={x(p.date)} y={y(p.taux) - 9} textAnchor="middle" fontSize={9} fill={palette.axe}>{formatTaux(p.taux)}</text>
            <text x={x(p.date)} y={HAUTEUR - MARGE.bas + 14} textAnchor="middle" fontSize={9} fontWeight={p.choisi ? 700 : 400} fill={palette.axe}>{p.date}</text>
          </g>
        ))}
      </svg>
      <table className="fr-sr-only">
        <caption>{titre}</caption>
        <thead>
          <tr><th scope="col">Date</th><th scope="col">Population couverte</th><th scope="col">Taux de couverture</th></tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.date}>
              <th scope="row">{p.date}</th>
              <td>{formatEntier(p.populationCouverte)}</td>
              <td>{formatTaux(p.taux)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {phrases ? <PhrasesEvolution points={points} /> : null}
    </figure>
  )
}

/** What each point holds, in words: a new source is not new lieux on the ground. */
export function PhrasesEvolution({ points }: { points: readonly PointPresente[] }) {
  return (
    <ol className="fr-text--xs maillage-evolution__sources">
      {points.map((p) => <li key={p.date}>{p.description}</li>)}
    </ol>
  )
}
