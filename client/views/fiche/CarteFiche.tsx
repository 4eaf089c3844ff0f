// The fiche's coverage map: an SVG drawn by d3 (the planner's small-map frame and styles), so that it prints as
// vectors at any resolution, where a WebGL canvas may print blank.
import { useId, useMemo } from 'react'
import type { CollectionCommunes, CollectionLieux, CouvertureCommune } from '../../api/types.ts'
import { COULEURS_CATEGORIES, palette } from '../../map/palette.ts'
import { cadrer, resumeZonesBlanches, styleCommune } from '../../presenters/petites-cartes.ts'

type Props = { titre: string; geometrie: CollectionCommunes; communes: readonly CouvertureCommune[]; lieux: CollectionLieux | undefined }

export function CarteFiche({ titre, geometrie, communes, lieux }: Props) {
  const id = `carte-fiche-${useId().replace(/[^\w-]/g, '')}`
  const cadre = useMemo(() => cadrer(geometrie, 400, 400, 4), [geometrie])
  const statuts = useMemo(() => new Map(communes.map((c) => [c.code, c.couverte ? ('couverte' as const) : ('blanche' as const)])), [communes])
  const resume = resumeZonesBlanches(communes, statuts)
  return (
    <figure className="maillage-fiche__carte" data-carte="fiche">
      <svg viewBox={`0 0 ${cadre.largeur} ${cadre.hauteur}`} role="img" aria-label={`${titre}. ${resume.replace(/\.$/, '')}.`}>
        <defs>
          <pattern id={`${id}-hachures`} width={3} height={3} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={3} height={3} fill={palette.zoneBlanche} />
            <line x1={0} y1={0} x2={0} y2={3} stroke={palette.contourZoneBlanche} strokeWidth={1.4} />
          </pattern>
        </defs>
        {geometrie.features.map((f) => {
          const style = styleCommune(statuts.get(f.properties.code), false)
          return (
            <path key={f.properties.code} d={cadre.chemin(f)} data-code={f.properties.code} fill={style.hachures ? `url(#${id}-hachures)` : style.fill}
              stroke={style.stroke} strokeWidth={style.strokeWidth} strokeLinejoin="round" />
          )
        })}
        {(lieux?.features ?? []).map((l, k) => {
          const [x, y] = cadre.point(l.geometry.coordinates)
          return <circle key={k} cx={x} cy={y} r={1.6} fill={COULEURS_CATEGORIES[l.properties.categorie] ?? palette.selection} stroke="#ffffff" strokeWidth={0.4} />
        })}
      </svg>
      <figcaption>
        <strong>{titre}</strong> — communes couvertes en bleu, zones blanches hachurées de rouge, lieux en points. {resume.replace(/\.$/, '')}.
      </figcaption>
    </figure>
  )
}
