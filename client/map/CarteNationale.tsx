// The national choropleth: metropolitan départements drawn in SVG by d3-geo, React renders the paths.
// 101 départements do not need WebGL: an SVG is drawn at once, when creating a WebGL context alone
// costs 0.4–1.8 s in a software-rendered browser, and a new indicator or rayonKm only changes fills.
// The DROM are in the insets beside it (EncartsOutreMer), COM are not drawn.
import { geoPath, geoTransform } from 'd3'
import { useLayoutEffect, useMemo, useRef } from 'react'
import type { CollectionContours } from '../api/types.ts'
import { palette } from './palette.ts'

const LARGEUR = 720
const HAUTEUR = 720
const MARGE = 8
const SEUIL_PX = 0.8
/** Latitude where the equirectangular plane keeps angles: the middle of metropolitan France. */
const LATITUDE_MOYENNE = 46.5

/** Test and benchmark hook: when fills were last changed and when the browser had painted them. */
export type SondeNationale = { applications: number; derniereApplication: number; dernierDessin: number; projeter: (p: [number, number]) => [number, number] }
declare global {
  interface Window {
    __maillageNational?: SondeNationale
  }
}

const metropolitain = (code: string) => /^(\d{2}|2A|2B)$/.test(code)

type Props = {
  libelle: string
  departements: CollectionContours | undefined
  regions: CollectionContours | undefined
  couleurs: ReadonlyMap<string, string> | undefined
  libelles: ReadonlyMap<string, string>
  onSelect: (code: string) => void
}

/**
 * Plane projection fitted to the metropolitan départements: longitudes shrunk by cos(46.5°), y down.
 * Planar, so ring winding does not matter (d3's spherical paths need clockwise rings).
 */
function ajuster(entites: CollectionContours['features']) {
  const k0 = Math.cos((LATITUDE_MOYENNE * Math.PI) / 180)
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
  const parcourir = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [lon, lat] = c as [number, number]
      x0 = Math.min(x0, lon * k0); x1 = Math.max(x1, lon * k0); y0 = Math.min(y0, -lat); y1 = Math.max(y1, -lat)
    } else for (const s of c as unknown[]) parcourir(s)
  }
  for (const e of entites) parcourir(e.geometry.coordinates)
  const echelle = Math.min((LARGEUR - 2 * MARGE) / (x1 - x0), (HAUTEUR - 2 * MARGE) / (y1 - y0))
  const dx = (LARGEUR - echelle * (x1 - x0)) / 2 - echelle * x0
  const dy = (HAUTEUR - echelle * (y1 - y0)) / 2 - echelle * y0
  const projeter = ([lon, lat]: [number, number]): [number, number] => [echelle * lon * k0 + dx, echelle * -lat + dy]
  // Points closer than SEUIL_PX to the last one kept add nothing at this scale: dropping them divides
  // the vertices by ~3 and so the work of every repaint. A ring always keeps its first and last points.
  let dernier: [number, number] | null = null
  let enAttente: [number, number] | null = null
  const transformation = geoTransform({
    lineStart() {
      dernier = enAttente = null
      this.stream.lineStart()
    },
    point(lon: number, lat: number) {
      const p = projeter([lon, lat])
      if (dernier && Math.hypot(p[0] - dernier[0], p[1] - dernier[1]) < SEUIL_PX) {
        enAttente = p
        return
      }
      dernier = p
      enAttente = null
      this.stream.point(p[0], p[1])
    },
    lineEnd() {
      if (enAttente) this.stream.point(enAttente[0], enAttente[1])
      this.stream.lineEnd()
    },
  })
  return { projeter, chemin: geoPath(transformation).digits(1) }
}

export function CarteNationale({ libelle, departements, regions, couleurs, libelles, onSelect }: Props) {
  const svg = useRef<SVGSVGElement>(null)
  const dessin = useMemo(() => {
    const entites = (departements?.features ?? []).filter((f) => metropolitain(f.properties.code))
    if (entites.length === 0) return null
    const { projeter, chemin } = ajuster(entites)
    return {
      projeter,
      departements: entites.map((f) => ({ code: f.properties.code, nom: f.properties.nom, d: chemin(f) ?? '' })),
      regions: (regions?.features ?? []).filter((f) => !f.properties.code.startsWith('0')).map((f) => chemin(f) ?? '').join(''),
    }
  }, [departements, regions])

  // The fills are in the DOM once committed; two animation frames later the browser has painted them.
  useLayoutEffect(() => {
    if (!dessin || !couleurs) return
    const sonde = (window.__maillageNational ??= { applications: 0, derniereApplication: 0, dernierDessin: 0, projeter: dessin.projeter })
    sonde.projeter = dessin.projeter
    sonde.applications++
    sonde.derniereApplication = performance.now()
    let image = requestAnimationFrame(() => {
      image = requestAnimationFrame(() => {
        sonde.dernierDessin = performance.now()
        svg.current?.setAttribute('data-dessin', String(sonde.applications))
      })
    })
    return () => cancelAnimationFrame(image)
  }, [dessin, couleurs])

  return (
    <div className="maillage-carte maillage-carte-nationale" role="region" aria-label={libelle}>
      <svg ref={svg} viewBox={`0 0 ${LARGEUR} ${HAUTEUR}`} data-dessin="0" aria-hidden="true" focusable="false" shapeRendering="crispEdges">
        <rect width={LARGEUR} height={HAUTEUR} fill={palette.fond} />
        {dessin?.departements.map((d) => (
          <path
            key={d.code}
            data-code={d.code}
            d={d.d}
            fill={couleurs?.get(d.code) ?? palette.sansDonnee}
            stroke={palette.contourDepartement}
            strokeWidth={0.6}
            onClick={() => onSelect(d.code)}
          >
            <title>{`${d.nom} (${d.code})${libelles.get(d.code) ? ` : ${libelles.get(d.code)}` : ''}`}</title>
          </path>
        ))}
        {dessin ? <path d={dessin.regions} fill="none" stroke={palette.contourRegion} strokeWidth={1.2} pointerEvents="none" /> : null}
      </svg>
    </div>
  )
}
