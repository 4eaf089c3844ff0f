// The DROM as insets next to the main map, drawn in SVG by d3-geo (React renders the paths): one
// WebGL map is enough, and each inset is a keyboard-reachable link.
import { geoIdentity, geoPath } from 'd3'
import { useMemo } from 'react'
import { useNavigate } from 'react-router-dom'
import type { CollectionContours } from '../api/types.ts'
import { palette } from './palette.ts'

const DROM = ['971', '972', '973', '974', '976'] as const
const TAILLE = 96

type Props = { contours: CollectionContours; couleurs: ReadonlyMap<string, string>; suffixe: string; libelles: ReadonlyMap<string, string> }

export function EncartsOutreMer({ contours, couleurs, suffixe, libelles }: Props) {
  const naviguer = useNavigate()
  // The paths depend on the contours only: a new rayonKm or indicator changes fills, not shapes.
  const encarts = useMemo(() => DROM.flatMap((code) => {
    const entite = contours.features.find((f) => f.properties.code === code)
    if (!entite) return []
    // Planar projection: immune to ring winding (d3's spherical paths need clockwise rings), and the
    // distortion over an island is negligible.
    const projection = geoIdentity().reflectY(true).fitExtent([[4, 4], [TAILLE - 4, TAILLE - 4]], entite)
    return [{ code, nom: entite.properties.nom, d: geoPath(projection)(entite) ?? '' }]
  }), [contours])
  if (encarts.length === 0) return null
  return (
    <ul className="maillage-encarts" aria-label="Départements et régions d’outre-mer">
      {encarts.map((e) => {
        const href = `/departements/${e.code}${suffixe}`
        return (
          <li key={e.code}>
            <a
              href={href}
              data-code={e.code}
              onClick={(ev) => {
                ev.preventDefault()
                naviguer(href)
              }}
            >
              <svg width={TAILLE} height={TAILLE} viewBox={`0 0 ${TAILLE} ${TAILLE}`} aria-hidden="true">
                <rect width={TAILLE} height={TAILLE} fill={palette.fond} />
                <path d={e.d} fill={couleurs.get(e.code) ?? palette.sansDonnee} stroke={palette.contourDepartement} strokeWidth={0.8} />
              </svg>
              <span className="maillage-encarts__nom">
                {e.nom}
                {libelles.get(e.code) ? <span className="fr-text--xs"> · {libelles.get(e.code)}</span> : null}
              </span>
            </a>
          </li>
        )
      })}
    </ul>
  )
}
