import type Database from 'better-sqlite3'
import { cleRecherche } from '../../server/domain/texte.ts'
import type { Cog } from './cog.ts'
import type { ArrondissementImporte, CommuneImportee } from './communes.ts'
import type { Indicateurs } from './indicateurs-communes.ts'
import type { Emprise } from '../lib/emprise.ts'

export type ContourTerritoire = Readonly<{ code: string; geometrie: GeoJSON.Geometry; emprise: Emprise }>

/** Writes régions, départements, EPCI, communes (with their rang, the index of spatial arrays), geometries and R*Tree. */
export function ecrireTerritoires(
  db: Database.Database,
  cog: Cog,
  communes: readonly CommuneImportee[],
  arrondissements: readonly ArrondissementImporte[],
  contours: { departements: readonly ContourTerritoire[]; regions: readonly ContourTerritoire[] },
): void {
  const insertRegion = db.prepare('INSERT INTO region (code, nom) VALUES (?, ?)')
  for (const r of cog.regions) insertRegion.run(r.code, r.nom)
  const insertDepartement = db.prepare('INSERT INTO departement (code, nom, region, com, zone, chef_lieu) VALUES (?, ?, ?, ?, ?, ?)')
  for (const d of cog.departements) insertDepartement.run(d.code, d.nom, d.region, d.com ? 1 : 0, d.zone, d.chefLieu)
  const insertEpci = db.prepare('INSERT INTO epci (code, nom, type) VALUES (?, ?, ?)')
  for (const e of cog.epcis) insertEpci.run(e.code, e.nom, e.type)

  const insertCommune = db.prepare(`INSERT INTO commune (rang, code, nom, nom_recherche, departement, region, epci, population,
    codes_postaux, longitude, latitude, methode_centre, min_lng, min_lat, max_lng, max_lat, com, demande)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'centre-sans-carreau')`)
  const insertCodePostal = db.prepare('INSERT OR IGNORE INTO commune_code_postal (code_postal, commune) VALUES (?, ?)')
  const insertGeometrie = db.prepare('INSERT INTO commune_geometrie (code, type, geojson) VALUES (?, ?, ?)')
  const insertRtree = db.prepare('INSERT INTO commune_rtree (rang, min_lng, max_lng, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)')
  const tries = [...communes].sort((a, b) => (a.code < b.code ? -1 : 1))
  tries.forEach((c, rang) => {
    const [minLng, minLat, maxLng, maxLat] = c.emprise
    insertCommune.run(rang, c.code, c.nom, cleRecherche(c.nom), c.departement, c.region, c.epci, c.population,
      JSON.stringify(c.codesPostaux), c.longitude, c.latitude, c.methodeCentre, minLng, minLat, maxLng, maxLat, c.com ? 1 : 0)
    for (const cp of c.codesPostaux) insertCodePostal.run(cp, c.code)
    if (c.geometrie) insertGeometrie.run(c.code, 'commune', JSON.stringify(c.geometrie))
    insertRtree.run(rang, minLng, maxLng, minLat, maxLat)
  })

  const insertArrondissement = db.prepare('INSERT INTO arrondissement (code, nom, commune, population, longitude, latitude) VALUES (?, ?, ?, ?, ?, ?)')
  const insertHistorique = db.prepare('INSERT OR IGNORE INTO code_historique (code, nom, type, commune) VALUES (?, ?, ?, ?)')
  for (const a of arrondissements) {
    insertArrondissement.run(a.code, a.nom, a.commune, a.population, a.longitude, a.latitude)
    insertHistorique.run(a.code, a.nom, 'arrondissement-municipal', a.commune)
    if (a.geometrie) insertGeometrie.run(a.code, 'arrondissement', JSON.stringify(a.geometrie))
  }
  for (const h of cog.historiques) insertHistorique.run(h.code, h.nom, h.type, h.commune)

  const insertContourDepartement = db.prepare('INSERT INTO departement_geometrie (code, geojson, min_lng, min_lat, max_lng, max_lat) VALUES (?, ?, ?, ?, ?, ?)')
  for (const d of contours.departements) insertContourDepartement.run(d.code, JSON.stringify(d.geometrie), ...d.emprise)
  const insertContourRegion = db.prepare('INSERT INTO region_geometrie (code, geojson) VALUES (?, ?)')
  for (const r of contours.regions) insertContourRegion.run(r.code, JSON.stringify(r.geometrie))
}

/** Writes one row of indicators per commune; a value a source does not give stays NULL. */
export function ecrireIndicateurs(db: Database.Database, communes: readonly CommuneImportee[], ind: Indicateurs): void {
  const insert = db.prepare(`INSERT INTO commune_indicateur (code, ifn_total, ifn_thd, ifn_4g, ifn_pauvrete, ifn_65_ans, ifn_sans_diplome,
    densite, ruralite, centralite, frr, montagne, massif, revenu_median, taux_pauvrete) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  for (const c of communes) {
    const ifn = ind.ifn.get(c.code)
    const filosofi = ind.filosofi.get(c.code)
    const massif = ind.montagne.get(c.code) ?? null
    // The list of zones de montagne names only classified communes: absence means "not classified", except in COM (not covered).
    const montagne = ind.montagne.has(c.code) ? 1 : c.com ? null : 0
    insert.run(c.code, ifn?.total ?? null, ifn?.thd ?? null, ifn?.quatreG ?? null, ifn?.pauvrete ?? null, ifn?.plus65ans ?? null,
      ifn?.sansDiplome ?? null, ind.densite.get(c.code) ?? null, ind.ruralite.get(c.code) ?? null, ind.centralite.get(c.code) ?? null,
      ind.frr.get(c.code) ?? null, montagne, massif, filosofi?.revenuMedian ?? null, filosofi?.tauxPauvrete ?? null)
  }
}
