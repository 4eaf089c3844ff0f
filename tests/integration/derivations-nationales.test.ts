import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ouvrirBase } from '../../server/db/open.ts'
import { bitCategorie, OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { buildMoteur } from '../../server/spatial/moteur.ts'
import { pointDansGeometrie } from '../../scripts/lib/point-dans-polygone.ts'
import { donneesNationales } from '../spatial/simulation-donnees.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import type Database from 'better-sqlite3'

/**
 * The former staged files the build now derives, kept compressed as references: commune centres
 * (computed outside the project, 5 decimals) and région outlines (dissolved with mapshaper 0.7.70).
 */
const REFERENCES = resolve(import.meta.dirname, '../reference')
type CentreReference = { code: string; longitude: string; latitude: string }
const centresReference = parse(gunzipSync(readFileSync(`${REFERENCES}/communes-centres-2026.csv.gz`)), { columns: true }) as CentreReference[]
const regionsReference = JSON.parse(gunzipSync(readFileSync(`${REFERENCES}/regions-2026.geojson.gz`)).toString()) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { code: string }>

const aire = (g: GeoJSON.Polygon | GeoJSON.MultiPolygon) =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat().reduce((s, a) => s + a.slice(0, -1).reduce((t, p, i) => t + p[0]! * a[i + 1]![1]! - a[i + 1]![0]! * p[1]!, 0) / 2, 0)

describe('what the build derives from the bundled polygons', () => {
  let db: Database.Database
  let centres: Map<string, { longitude: number; latitude: number; geometrie: GeoJSON.Geometry }>
  beforeAll(() => {
    db = ouvrirBase(CHEMIN_BASE_NATIONALE)
    const lignes = db.prepare(`SELECT p.code, p.longitude, p.latitude, g.geojson FROM
      (SELECT code, longitude, latitude FROM commune UNION ALL SELECT code, longitude, latitude FROM arrondissement) p
      JOIN commune_geometrie g ON g.code = p.code`).all() as { code: string; longitude: number; latitude: number; geojson: string }[]
    centres = new Map(lignes.map((l) => [l.code, { longitude: l.longitude, latitude: l.latitude, geometrie: JSON.parse(l.geojson) as GeoJSON.Geometry }]))
  })
  afterAll(() => db?.close())

  it('gives every commune and arrondissement the reference centre, to its 5 decimals', () => {
    expect(centres.size).toBe(35_014)
    expect(centresReference).toHaveLength(35_014)
    const differents = centresReference.filter((r) => {
      const c = centres.get(r.code)
      return !c || c.longitude !== Number(r.longitude) || c.latitude !== Number(r.latitude)
    })
    expect(differents.map((r) => r.code)).toEqual([])
  })

  it('puts every centre inside its polygon, except the two polygons of zero area', () => {
    const dehors = [...centres].filter(([, c]) => !pointDansGeometrie(c.longitude, c.latitude, c.geometrie)).map(([code]) => code)
    expect(dehors.sort()).toEqual(['39140', '41284'])
  })

  it('dissolves the départements into the 18 régions of the reference, to the same area', () => {
    const regions = new Map((db.prepare('SELECT code, geojson FROM region_geometrie').all() as { code: string; geojson: string }[])
      .map((r) => [r.code, JSON.parse(r.geojson) as GeoJSON.Polygon | GeoJSON.MultiPolygon]))
    expect([...regions.keys()].sort()).toEqual(regionsReference.features.map((f) => f.properties.code).sort())
    for (const f of regionsReference.features) {
      // mapshaper drops one 4e-6 deg² sliver of Guadeloupe; everything else matches to the vertex
      expect(Math.abs(aire(regions.get(f.properties.code)!)), f.properties.code).toBeCloseTo(Math.abs(aire(f.geometry)), 4)
    }
  })

  it('leaves the national coverage figures unchanged from those counted at the reference centres', () => {
    const d = donneesNationales()
    const rang = new Map(d.communes.code.map((c, i) => [c, i] as const))
    const longitude = Float64Array.from(d.communes.longitude)
    const latitude = Float64Array.from(d.communes.latitude)
    for (const r of centresReference) {
      const i = rang.get(r.code)
      if (i === undefined) continue
      longitude[i] = Number(r.longitude)
      latitude[i] = Number(r.latitude)
    }
    const derive = buildMoteur(d.communes, d.lieux, d.territoires)
    const reference = buildMoteur({ ...d.communes, longitude, latitude }, d.lieux, d.territoires)
    for (const masque of [OFFRE_COMPLETE, bitCategorie('france-services')])
      for (const rayonKm of [5, 10, 20]) {
        const figures = (m: typeof derive) => m.chiffresDepartements({ rayonKm, masque }).map((c) =>
          [c.code, c.chiffres.populationCouverte, c.chiffres.populationZonesBlanches, c.chiffres.communesZonesBlanches])
        expect(figures(derive), `offre ${masque}, ${rayonKm} km`).toEqual(figures(reference))
      }
  })
})
