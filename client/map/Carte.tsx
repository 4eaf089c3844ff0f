// The only owner of the maplibre Map: creates it once, adds every source and layer once, then turns
// props into setData / setFilter / setPaintProperty / setFeatureState calls. Nothing is rebuilt.
import * as maplibregl from 'maplibre-gl'
import 'maplibre-gl/dist/maplibre-gl.css'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { useEffect, useRef, useState } from 'react'
import { URL_TUILES_COMMUNES, urlTuilesCarreaux } from '../api/client.ts'
import type { Bbox, Categorie, CollectionContours, CollectionLieux } from '../api/types.ts'
import { EtatsTerritoires, type Etat } from './etats.ts'
import * as candidatures from './layers/candidatures.ts'
import * as carreaux from './layers/carreaux.ts'
import * as communes from './layers/communes.ts'
import * as departements from './layers/departements.ts'
import * as etiquettes from './layers/etiquettes.ts'
import * as lieux from './layers/lieux.ts'
import * as recrutement from './layers/recrutement.ts'
import * as regions from './layers/regions.ts'
import * as scenario from './layers/scenario.ts'
import { palette } from './palette.ts'
import { Reperes, type Repere } from './Reperes.tsx'
import { styleVierge } from './style.ts'

maplibregl.setWorkerUrl(workerUrl)

export type Choroplethe = { etats: ReadonlyMap<string, Etat>; couleur: unknown }
export type CarteProps = {
  libelle: string
  cadrage: Bbox | null
  contoursDepartements?: CollectionContours | undefined
  contoursRegions?: CollectionContours | undefined
  departements?: (Choroplethe & { selection?: string | undefined }) | undefined
  communes?: (Choroplethe & { departement: string; selection?: string | undefined }) | undefined
  lieux?: CollectionLieux | undefined
  /** The 1 km cells of a département coloured by distance to the nearest lieu of the offre, in the legend's classes. */
  carreaux?: { departement: string; offre: readonly Categorie[]; seuils: readonly number[]; couleurs: readonly string[] } | undefined
  reperes?: readonly Repere[] | undefined
  onSelectDepartement?: ((code: string) => void) | undefined
  onSelectCommune?: ((code: string) => void) | undefined
  /** Planner: unclustered lieux and added postes (see layers/scenario.ts). */
  scenario?: GeoJSON.FeatureCollection | undefined
  /** Planner: a click on the map away from any lieu or added poste, at [lng, lat]; `dansTerritoire` when on a shown commune. */
  onClicCarte?: ((position: [number, number], dansTerritoire: boolean) => void) | undefined
  onSelectLieu?: ((lieuId: number) => void) | undefined
  /** Planner: a click on an added poste, by its index in the scenario. */
  onSelectAjout?: ((index: number) => void) | undefined
  /** Recruitment: lines recruit → structure, recruits and structures (see layers/recrutement.ts). */
  recrutement?: GeoJSON.FeatureCollection | undefined
  /** Candidatures of a département (see layers/candidatures.ts), and a click on one, by its id. */
  candidatures?: GeoJSON.FeatureCollection | undefined
  onSelectCandidature?: ((id: number) => void) | undefined
}

/** Test and benchmark hook: the map and the timestamps of its last state change and idle. */
export type SondeCarte = { carte: maplibregl.Map; idles: number; dernierIdle: number; derniereApplication: number }
declare global {
  interface Window {
    __maillage?: SondeCarte
  }
}

const VIDE: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] }
const HACHURES: [number, number, number] = [206, 5, 0]

function installer(carte: maplibregl.Map) {
  carte.addImage(communes.IMAGE_HACHURES, communes.imageHachures(HACHURES), { pixelRatio: 2 })
  carte.addSource(departements.SOURCE_DEPARTEMENTS, departements.sourceDepartements())
  carte.addSource(regions.SOURCE_REGIONS, regions.sourceRegions())
  carte.addSource(communes.SOURCE_COMMUNES, communes.sourceCommunes(`${location.origin}${URL_TUILES_COMMUNES}`))
  // A département's cells: its URL is set when a view shows them (no tile is asked while the layer is hidden).
  carte.addSource(carreaux.SOURCE_CARREAUX, carreaux.sourceCarreaux(`${location.origin}${urlTuilesCarreaux('')}`))
  carte.addSource(lieux.SOURCE_LIEUX, lieux.sourceLieux())
  carte.addSource(scenario.SOURCE_SCENARIO, scenario.sourceScenario())
  carte.addSource(recrutement.SOURCE_RECRUTEMENT, recrutement.sourceRecrutement())
  carte.addSource(candidatures.SOURCE_CANDIDATURES, candidatures.sourceCandidatures())
  for (const couche of [
    departements.remplissageDepartements(),
    communes.remplissageCommunes(),
    communes.hachuresZonesBlanches(),
    carreaux.remplissageCarreaux(),
    communes.contourCommunes(),
    communes.contourZonesBlanches(),
    communes.contourCommunesChangees(),
    communes.limitesCommunes(),
    departements.contourDepartements(),
    regions.contourRegions(),
    // Names over the fills and borders, under the lieux and the planner's points that one clicks. maplibre places
    // the symbols of the highest layer first: département names, then préfectures, then the other communes.
    etiquettes.etiquettesCommunes(),
    etiquettes.etiquettesPrefectures(),
    etiquettes.etiquettesDepartements(),
    lieux.clustersLieux(),
    lieux.pointsLieux(),
    scenario.lieuxScenario(),
    scenario.ajoutsScenario(),
    recrutement.liensRecrutement(),
    recrutement.structuresRecrutement(),
    recrutement.recruesRecrutement(),
    candidatures.pointsCandidatures(),
  ])
    carte.addLayer(couche)
}

function definirDonnees(carte: maplibregl.Map, source: string, donnees: GeoJSON.FeatureCollection | undefined) {
  carte.getSource<maplibregl.GeoJSONSource>(source)?.setData(donnees ?? VIDE)
}

/** Sets a source's data whenever it changes, and stamps the change for the tests' and benches' probe. */
function useDonneesAppliquees(carte: maplibregl.Map | null, source: string, donnees: GeoJSON.FeatureCollection | undefined) {
  useEffect(() => {
    if (!carte) return
    definirDonnees(carte, source, donnees)
    window.__maillage!.derniereApplication = performance.now()
  }, [carte, source, donnees])
}

export function Carte(props: CarteProps) {
  const conteneur = useRef<HTMLDivElement>(null)
  const [carte, setCarte] = useState<maplibregl.Map | null>(null)
  const rappels = useRef(props)
  rappels.current = props
  const etatsDepartements = useRef(new EtatsTerritoires({ source: departements.SOURCE_DEPARTEMENTS }))
  const etatsCommunes = useRef(
    new EtatsTerritoires({ source: communes.SOURCE_COMMUNES, sourceLayer: communes.SOURCE_LAYER_COMMUNES }),
  )

  useEffect(() => {
    // Creating the WebGL context is the slowest step of a first view (0.4–1.2 s under SwiftShader). It waits
    // one task, so that the views' queries, whose fetches start in this same commit, are on the wire meanwhile.
    let m: maplibregl.Map | undefined
    let sonde: SondeCarte | undefined
    const differe = setTimeout(() => {
      const nouvelle = new maplibregl.Map({
        container: conteneur.current!,
        style: styleVierge(),
        bounds: rappels.current.cadrage ?? [-5.3, 41.3, 9.7, 51.2],
        fitBoundsOptions: { padding: 16 },
        attributionControl: false,
        // Kept so tests can read pixels and so the canvas prints.
        canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
        dragRotate: false,
        pitchWithRotate: false,
        // No label fade-in: `idle` (and so a redraw, as the user sees it) would wait 300 ms for it.
        fadeDuration: 0,
      })
      nouvelle.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right')
      nouvelle.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: 'IGN, Etalab, ANCT' }))
      const s = { carte: nouvelle, idles: 0, dernierIdle: 0, derniereApplication: 0 }
      m = nouvelle
      sonde = s
      window.__maillage = s
      nouvelle.on('idle', () => {
        s.idles++
        s.dernierIdle = performance.now()
        conteneur.current?.setAttribute('data-idle', String(s.idles))
      })
      nouvelle.on('load', () => {
        installer(nouvelle)
        brancherInteractions(nouvelle, departements.ID_DEPARTEMENTS_REMPLISSAGE, departements.SOURCE_DEPARTEMENTS, undefined, (code) =>
          rappels.current.onSelectDepartement?.(code),
        )
        brancherInteractions(nouvelle, communes.ID_COMMUNES_REMPLISSAGE, communes.SOURCE_COMMUNES, communes.SOURCE_LAYER_COMMUNES, (code) =>
          rappels.current.onSelectCommune?.(code),
        )
        brancherPlanification(nouvelle, () => rappels.current)
        brancherCandidatures(nouvelle, () => rappels.current)
        setCarte(nouvelle)
      })
    }, 0)
    return () => {
      clearTimeout(differe)
      if (sonde && window.__maillage === sonde) delete window.__maillage
      m?.remove()
    }
  }, [])

  const { cadrage, contoursDepartements, contoursRegions, lieux: pointsLieux, scenario: pointsScenario, recrutement: reseauRecrutement, candidatures: pointsCandidatures } = props
  useEffect(() => {
    if (carte && cadrage) carte.fitBounds(cadrage, { padding: 24, animate: false })
  }, [carte, cadrage])
  useEffect(() => {
    if (carte) definirDonnees(carte, departements.SOURCE_DEPARTEMENTS, contoursDepartements)
  }, [carte, contoursDepartements])
  useEffect(() => {
    if (carte) definirDonnees(carte, regions.SOURCE_REGIONS, contoursRegions)
  }, [carte, contoursRegions])
  useEffect(() => {
    if (carte) definirDonnees(carte, lieux.SOURCE_LIEUX, pointsLieux)
  }, [carte, pointsLieux])
  useDonneesAppliquees(carte, scenario.SOURCE_SCENARIO, pointsScenario)
  useDonneesAppliquees(carte, recrutement.SOURCE_RECRUTEMENT, reseauRecrutement)
  useDonneesAppliquees(carte, candidatures.SOURCE_CANDIDATURES, pointsCandidatures)

  const choroDep = props.departements
  useEffect(() => {
    if (!carte) return
    const etats = avecSelection(choroDep?.etats, choroDep?.selection)
    etatsDepartements.current.appliquer(carte, etats)
    carte.setPaintProperty(departements.ID_DEPARTEMENTS_REMPLISSAGE, 'fill-color', (choroDep?.couleur ?? palette.horsSelection) as never)
    window.__maillage!.derniereApplication = performance.now()
  }, [carte, choroDep])

  const choroCom = props.communes
  useEffect(() => {
    if (!carte) return
    const filtre = choroCom ? communes.filtreDepartement(choroCom.departement) : communes.FILTRE_AUCUNE_COMMUNE
    for (const id of [communes.ID_COMMUNES_REMPLISSAGE, communes.ID_COMMUNES_CONTOUR, communes.ID_ZONES_BLANCHES_HACHURES, communes.ID_ZONES_BLANCHES_CONTOUR, communes.ID_COMMUNES_CHANGEES])
      carte.setFilter(id, filtre)
    const etats = avecSelection(choroCom?.etats, choroCom?.selection)
    etatsCommunes.current.appliquer(carte, etats)
    carte.setPaintProperty(communes.ID_COMMUNES_REMPLISSAGE, 'fill-color', (choroCom?.couleur ?? palette.sansDonnee) as never)
    window.__maillage!.derniereApplication = performance.now()
  }, [carte, choroCom])

  const grille = props.carreaux
  useEffect(() => {
    if (!carte) return
    // The département's URL first, so that no tile of the placeholder URL is ever asked.
    if (grille) {
      carte.getSource<maplibregl.VectorTileSource>(carreaux.SOURCE_CARREAUX)?.setTiles([`${location.origin}${urlTuilesCarreaux(grille.departement)}`])
      carte.setPaintProperty(carreaux.ID_CARREAUX, 'fill-color', carreaux.couleurCarreaux(grille.offre, grille.seuils, grille.couleurs))
    }
    carte.setLayoutProperty(carreaux.ID_CARREAUX, 'visibility', grille ? 'visible' : 'none')
    window.__maillage!.derniereApplication = performance.now()
  }, [carte, grille])

  return (
    <div className="maillage-carte" role="region" aria-label={props.libelle}>
      <div ref={conteneur} className="maillage-carte__canevas" data-idle="0" />
      {carte && props.reperes ? <Reperes carte={carte} reperes={props.reperes} /> : null}
    </div>
  )
}

/** Every state carries `selection` so that a deselected territory is reset, not merged. */
function avecSelection(etats: ReadonlyMap<string, Etat> | undefined, selection: string | undefined): Map<string, Etat> {
  const resultat = new Map<string, Etat>()
  for (const [code, etat] of etats ?? []) resultat.set(code, { ...etat, selection: code === selection })
  if (selection !== undefined && !resultat.has(selection)) resultat.set(selection, { selection: true })
  return resultat
}

/** Hover highlight through feature-state and click to select; the pointer shows what is clickable. */
function brancherInteractions(
  m: maplibregl.Map,
  couche: string,
  source: string,
  sourceLayer: string | undefined,
  choisir: (code: string) => void,
) {
  let survole: string | number | undefined
  const cible = (id: string | number) => (sourceLayer ? { source, sourceLayer, id } : { source, id })
  m.on('mousemove', couche, (e) => {
    const id = e.features?.[0]?.id
    if (id === survole) return
    if (survole !== undefined) m.setFeatureState(cible(survole), { survol: false })
    survole = id
    if (id !== undefined) m.setFeatureState(cible(id), { survol: true })
    m.getCanvas().style.cursor = id === undefined ? '' : 'pointer'
  })
  m.on('mouseleave', couche, () => {
    if (survole !== undefined) m.setFeatureState(cible(survole), { survol: false })
    survole = undefined
    m.getCanvas().style.cursor = ''
  })
  m.on('click', couche, (e) => {
    const id = e.features?.[0]?.id
    if (id !== undefined) choisir(String(id))
  })
}

/** Pixels around the pointer in which a lieu or an added poste counts as clicked: the dots are small. */
const TOLERANCE_CLIC_PX = 6

/**
 * Planner clicks, registered after the layer handlers so its cursor wins: on a lieu or an added
 * poste the pointer says "select", elsewhere the crosshair says "add a poste here".
 */
function brancherPlanification(m: maplibregl.Map, props: () => CarteProps) {
  const sous = (point: maplibregl.Point) => {
    const t = TOLERANCE_CLIC_PX
    const boite: [maplibregl.PointLike, maplibregl.PointLike] = [[point.x - t, point.y - t], [point.x + t, point.y + t]]
    // Lieux often share a building: take the dot nearest the pointer, not the one drawn on top.
    let plusProche: maplibregl.MapGeoJSONFeature | undefined
    let meilleure = Infinity
    for (const f of m.queryRenderedFeatures(boite, { layers: [scenario.ID_SCENARIO_AJOUTS, scenario.ID_SCENARIO_LIEUX] })) {
      if (f.geometry.type !== 'Point') continue
      const q = m.project(f.geometry.coordinates as [number, number])
      // Added postes are drawn over lieux and win ties.
      const d = Math.hypot(q.x - point.x, q.y - point.y) - (f.layer.id === scenario.ID_SCENARIO_AJOUTS ? 0.5 : 0)
      if (d < meilleure) [plusProche, meilleure] = [f, d]
    }
    return plusProche
  }
  m.on('mousemove', (e) => {
    if (!props().onClicCarte) return
    m.getCanvas().style.cursor = sous(e.point) ? 'pointer' : 'crosshair'
  })
  m.on('click', (e) => {
    const p = props()
    if (!p.onClicCarte && !p.onSelectLieu && !p.onSelectAjout) return
    const cible = sous(e.point)
    const id = Number(cible?.properties.id)
    if (cible?.layer.id === scenario.ID_SCENARIO_AJOUTS && Number.isInteger(id)) p.onSelectAjout?.(id)
    else if (cible?.layer.id === scenario.ID_SCENARIO_LIEUX && Number.isInteger(id)) p.onSelectLieu?.(id)
    else {
      const dansTerritoire = m.queryRenderedFeatures(e.point, { layers: [communes.ID_COMMUNES_REMPLISSAGE] }).length > 0
      p.onClicCarte?.([e.lngLat.lng, e.lngLat.lat], dansTerritoire)
    }
  })
}

/** A click on a candidature's disc selects it; the pointer says it can be clicked. */
function brancherCandidatures(m: maplibregl.Map, props: () => CarteProps) {
  m.on('mouseenter', candidatures.ID_CANDIDATURES, () => (m.getCanvas().style.cursor = 'pointer'))
  m.on('mouseleave', candidatures.ID_CANDIDATURES, () => (m.getCanvas().style.cursor = ''))
  m.on('click', candidatures.ID_CANDIDATURES, (e) => {
    const id = Number(e.features?.[0]?.properties.id)
    if (Number.isInteger(id)) props().onSelectCandidature?.(id)
  })
}
