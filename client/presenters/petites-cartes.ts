// The planner's two small maps, "Aujourd’hui" and "Scénario": each commune's status on both sides,
// the style it is drawn with (the main map's colours), their text alternative, and the projection.
import { geoIdentity, geoPath, geoTransform } from 'd3'
import type { CollectionLieux, CommuneChangee, CouvertureCommune, StatutCommune } from '../api/types.ts'
import { pluriel } from '../charts/format.ts'
import { palette } from '../map/palette.ts'
import { statutCommune } from './indicateurs.ts'

export type StatutsAvantApres = {
  avant: ReadonlyMap<string, StatutCommune>
  apres: ReadonlyMap<string, StatutCommune>
  /** Communes of the département whose status the scenario changes. */
  changees: ReadonlySet<string>
}

/**
 * Today's status of each commune of the département (couverte, partielle or blanche on the cells; couverte or blanche
 * at centres), and the scenario's: today's with the simulated status of the changed communes. Changes in
 * neighbouring départements are left out.
 */
export function statutsAvantApres(communes: readonly CouvertureCommune[], communesChangees: readonly CommuneChangee[] | undefined): StatutsAvantApres {
  const avant = new Map<string, StatutCommune>(communes.map((c) => [c.code, statutCommune(c)]))
  const apres = new Map(avant)
  const changees = new Set<string>()
  for (const c of communesChangees ?? []) {
    if (!avant.has(c.code)) continue
    apres.set(c.code, c.apres)
    if (avant.get(c.code) !== c.apres) changees.add(c.code)
  }
  return { avant, apres, changees }
}

export type StyleCommune = { fill: string; hachures: boolean; stroke: string; strokeWidth: number }

/**
 * As on the main map: covered communes filled, communes covered in part lightly filled, zones blanches hatched and
 * outlined in red, a commune without figures grey; a commune the scenario changes gets the thick "changed" outline.
 * Widths are in the small map's viewBox units (about 200 wide).
 */
export function styleCommune(statut: StatutCommune | undefined, changee: boolean): StyleCommune {
  const base: StyleCommune =
    statut === 'couverte'
      ? { fill: palette.couverte, hachures: false, stroke: palette.contourCommune, strokeWidth: 0.3 }
      : statut === 'partielle'
        ? { fill: palette.partielle, hachures: false, stroke: palette.contourCommune, strokeWidth: 0.3 }
      : statut === 'blanche'
        ? { fill: palette.zoneBlanche, hachures: true, stroke: palette.contourZoneBlanche, strokeWidth: 0.5 }
        : { fill: palette.sansDonnee, hachures: false, stroke: palette.contourCommune, strokeWidth: 0.3 }
  return changee ? { ...base, stroke: palette.communeChangee, strokeWidth: 1.6 } : base
}

/** "Zones blanches : 17 communes, 10 541 hab.": the count and population of the white-zone communes. */
export function resumeZonesBlanches(communes: readonly CouvertureCommune[], statuts: ReadonlyMap<string, StatutCommune>): string {
  let nombre = 0
  let population = 0
  for (const c of communes)
    if (statuts.get(c.code) === 'blanche') {
      nombre += 1
      population += c.population
    }
  return `Zones blanches : ${pluriel(nombre, 'commune')}, ${pluriel(population, 'hab.', 'hab.')}`
}

/** What the scenario map draws besides the communes, in words, for its text alternative. */
export function descriptionScenario(ajouts: number, retraits: number, changees: number): string {
  const postes = `${pluriel(ajouts, 'poste ajouté', 'postes ajoutés')}, ${pluriel(retraits, 'lieu retiré', 'lieux retirés')}`
  const statuts = changees === 0 ? 'aucune commune ne change de statut' : `${pluriel(changees, 'commune change', 'communes changent')} de statut (contour vert)`
  return `${postes} ; ${statuts}.`
}

/** [lng, lat] of the withdrawn lieux that the département's lieux layer holds. */
export function positionsRetraits(lieux: CollectionLieux | undefined, retraits: readonly number[]): [number, number][] {
  const retires = new Set(retraits)
  return (lieux?.features ?? []).filter((l) => retires.has(Number(l.properties.id))).map((l) => [l.geometry.coordinates[0], l.geometry.coordinates[1]])
}

export type Cadre = {
  largeur: number
  hauteur: number
  /** SVG path of a GeoJSON object, or '' for an empty one. */
  chemin: (objet: GeoJSON.GeoJsonObject) => string
  /** [x, y] in the small map of a [lng, lat] position. */
  point: (position: readonly [number, number]) => [number, number]
}

/**
 * Fits `objet` into at most `largeurMax` × `hauteurMax` (marge included) with an equirectangular
 * projection whose standard parallel crosses its middle: planar, so immune to the ring winding d3's
 * spherical paths depend on, and undistorted enough over one département. The frame is cut to the
 * objet's shape, so a tall département gives a narrow map.
 */
export function cadrer(objet: GeoJSON.GeoJsonObject, largeurMax: number, hauteurMax: number, marge: number): Cadre {
  const [[minLng, minLat], [maxLng, maxLat]] = geoPath(geoIdentity()).bounds(objet as GeoJSON.FeatureCollection)
  if (![minLng, minLat, maxLng, maxLat].every(Number.isFinite)) throw new Error('cadrer : objet sans coordonnées')
  const cosinus = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const etendueX = Math.max((maxLng - minLng) * cosinus, 1e-9)
  const etendueY = Math.max(maxLat - minLat, 1e-9)
  const echelle = Math.min((largeurMax - 2 * marge) / etendueX, (hauteurMax - 2 * marge) / etendueY)
  const point = ([lng, lat]: readonly [number, number]): [number, number] => [marge + (lng - minLng) * cosinus * echelle, marge + (maxLat - lat) * echelle]
  const projection = geoTransform({
    point(lng, lat) {
      const [x, y] = point([lng, lat])
      this.stream.point(x, y)
    },
  })
  const path = geoPath(projection).digits(1)
  return {
    // Rounded to the paths' precision (one decimal), for a tidy viewBox.
    largeur: Math.round((etendueX * echelle + 2 * marge) * 10) / 10,
    hauteur: Math.round((etendueY * echelle + 2 * marge) * 10) / 10,
    chemin: (o) => path(o as GeoJSON.Feature) ?? '',
    point,
  }
}
