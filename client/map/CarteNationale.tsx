// The national choropleth: metropolitan départements drawn by d3-geo on a 2D canvas. 96 départements do
// not need WebGL: creating a WebGL context alone costs 0.4–1.8 s in a browser without GPU, and a new
// indicator or rayonKm only repaints fills.
// The DROM are in the insets beside it (EncartsOutreMer), COM are not drawn.
import { geoPath, geoTransform } from 'd3'
import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react'
import type { CollectionContours } from '../api/types.ts'
import { palette } from './palette.ts'

const LARGEUR = 720
const HAUTEUR = 720
const MARGE = 8
const SEUIL_PX = 0.8
/** Latitude where the equirectangular plane keeps angles: the middle of metropolitan France. */
const LATITUDE_MOYENNE = 46.5

/** Test and benchmark hook: when fills were last changed and when the browser had painted them. */
export type SondeNationale = {
  applications: number
  derniereApplication: number
  dernierDessin: number
  /** Départements drawn. */
  departements: number
  projeter: (p: [number, number]) => [number, number]
}
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
  /** Asked to zoom in (wheel forward, or the button): around [lng, lat], or the middle of the map. */
  onZoom?: ((autour: [number, number] | null) => void) | undefined
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
  const deprojeter = ([x, y]: [number, number]): [number, number] => [(x - dx) / (echelle * k0), -(y - dy) / echelle]
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
  return { projeter, deprojeter, chemin: geoPath(transformation).digits(1) }
}

export function CarteNationale({ libelle, departements, regions, couleurs, libelles, onSelect, onZoom }: Props) {
  const toile = useRef<HTMLCanvasElement>(null)
  const [survol, setSurvol] = useState<string | null>(null)
  const ratio = useMemo(() => Math.min(2, window.devicePixelRatio || 1), [])
  const dessin = useMemo(() => {
    const entites = (departements?.features ?? []).filter((f) => metropolitain(f.properties.code))
    if (entites.length === 0) return null
    const { projeter, deprojeter, chemin } = ajuster(entites)
    return {
      projeter,
      deprojeter,
      departements: entites.map((f) => ({ code: f.properties.code, nom: f.properties.nom, chemin: new Path2D(chemin(f) ?? '') })),
      regions: new Path2D((regions?.features ?? []).filter((f) => !f.properties.code.startsWith('0')).map((f) => chemin(f) ?? '').join('')),
    }
  }, [departements, regions])

  // Drawn on a CPU-backed canvas (willReadFrequently): the browser then only uploads a bitmap, instead of
  // rasterising 96 complex paths on the GPU at each change (slow when the GPU is emulated, as in CI).
  useLayoutEffect(() => {
    const ctx = toile.current?.getContext('2d', { willReadFrequently: true })
    if (!ctx || !dessin) return
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    ctx.fillStyle = palette.fond
    ctx.fillRect(0, 0, LARGEUR, HAUTEUR)
    ctx.strokeStyle = palette.contourDepartement
    ctx.lineWidth = 0.6
    for (const d of dessin.departements) {
      ctx.globalAlpha = d.code === survol ? 0.75 : 1
      ctx.fillStyle = couleurs?.get(d.code) ?? palette.sansDonnee
      ctx.fill(d.chemin)
      ctx.globalAlpha = 1
      ctx.stroke(d.chemin)
    }
    ctx.strokeStyle = palette.contourRegion
    ctx.lineWidth = 1.2
    ctx.stroke(dessin.regions)
  }, [dessin, couleurs, survol, ratio])

  // The colours are on the canvas once committed; two animation frames later the browser has painted them.
  useLayoutEffect(() => {
    if (!dessin || !couleurs) return
    const sonde = (window.__maillageNational ??= { applications: 0, derniereApplication: 0, dernierDessin: 0, departements: 0, projeter: dessin.projeter })
    sonde.projeter = dessin.projeter
    sonde.departements = dessin.departements.length
    sonde.applications++
    sonde.derniereApplication = performance.now()
    let image = requestAnimationFrame(() => {
      image = requestAnimationFrame(() => {
        sonde.dernierDessin = performance.now()
        toile.current?.setAttribute('data-dessin', String(sonde.applications))
      })
    })
    return () => cancelAnimationFrame(image)
  }, [dessin, couleurs])

  /** The département under the pointer, from the canvas's CSS pixels to the drawing's coordinates. */
  const sousPointeur = (e: MouseEvent<HTMLCanvasElement>) => {
    const ctx = toile.current?.getContext('2d', { willReadFrequently: true })
    if (!ctx || !dessin) return undefined
    const boite = e.currentTarget.getBoundingClientRect()
    const x = ((e.clientX - boite.left) / boite.width) * LARGEUR * ratio
    const y = ((e.clientY - boite.top) / boite.height) * HAUTEUR * ratio
    return dessin.departements.find((d) => ctx.isPointInPath(d.chemin, x, y))
  }
  const survole = dessin?.departements.find((d) => d.code === survol)

  return (
    <div className="maillage-carte maillage-carte-nationale" role="region" aria-label={libelle}>
      <canvas
        ref={toile}
        width={LARGEUR * ratio}
        height={HAUTEUR * ratio}
        data-dessin="0"
        aria-hidden="true"
        style={{ cursor: survol ? 'pointer' : 'default' }}
        title={survole ? `${survole.nom} (${survole.code})${libelles.get(survole.code) ? ` : ${libelles.get(survole.code)}` : ''}` : undefined}
        onMouseMove={(e) => setSurvol(sousPointeur(e)?.code ?? null)}
        onMouseLeave={() => setSurvol(null)}
        onClick={(e) => {
          const d = sousPointeur(e)
          if (d) onSelect(d.code)
        }}
        onWheel={(e) => {
          // Only a wheel forward (zoom in) opens the zoomable map; backward still scrolls the page.
          if (!onZoom || !dessin || e.deltaY >= 0) return
          const boite = e.currentTarget.getBoundingClientRect()
          onZoom(dessin.deprojeter([((e.clientX - boite.left) / boite.width) * LARGEUR, ((e.clientY - boite.top) / boite.height) * HAUTEUR]))
        }}
      />
      {onZoom ? (
        <div className="maillage-carte-nationale__zoom">
          <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-add-line" title="Zoomer sur la carte (noms des communes)" onClick={() => onZoom(null)}>
            Zoomer sur la carte
          </button>
        </div>
      ) : null}
    </div>
  )
}
