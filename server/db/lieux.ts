import type Database from 'better-sqlite3'
import type { LieuExporte } from '../domain/lieu-vers-schema.ts'
import { categoriesDuMasque, type Categorie } from '../domain/offre.ts'

export type Lieu = Readonly<{
  id: number
  nom: string
  categorie: Categorie
  categories: Categorie[]
  adresse: string | null
  codePostal: string | null
  commune: string
  codeInsee: string
  departement: string
  longitude: number
  latitude: number
  /** How the position is known: from the source, from a record of the same SIRET, or only the commune's centre. */
  localisation: 'source' | 'siret' | 'centre-commune'
  siret: string | null
  postes: number
  typeStructure: string | null
  itinerant: boolean
  horaires: string | null
  horairesTexte: string | null
  telephone: string | null
  siteWeb: string | null
  services: string[]
  actif: boolean
  dateMaj: string | null
  sources: string[]
}>

export type SourceLieu = Readonly<{ jeu: string; idSource: string; ligne: number; fusion: string | null; donnees: Record<string, unknown> }>

type LigneLieu = {
  id: number; nom: string; categorie: Categorie; categories: number; adresse: string | null; code_postal: string | null; nom_commune: string
  code_insee: string; departement: string; longitude: number; latitude: number; localisation: Lieu['localisation']; siret: string | null; postes: number
  type_structure: string | null; itinerant: number; horaires: string | null; horaires_texte: string | null; telephone: string | null
  site_web: string | null; services: string; actif: number; date_maj: string | null; jeux: string
}

type LigneExport = {
  id: number; nom: string; siret: string | null; adresse: string | null; code_postal: string | null; code_insee: string; commune: string
  codes_postaux: string; longitude: number; latitude: number; telephone: string | null; site_web: string | null; courriel: string | null
  horaires: string | null; services: string; itinerant: number; categories: number; date_maj: string | null
}

const COLONNES = `l.id, l.nom, l.categorie, l.categories, l.adresse, l.code_postal, c.nom AS nom_commune, l.code_insee, l.departement,
  l.longitude, l.latitude, l.localisation, l.siret, l.postes, l.type_structure, l.itinerant, l.horaires, l.horaires_texte,
  l.telephone, l.site_web, l.services, l.actif, l.date_maj,
  (SELECT group_concat(DISTINCT s.jeu) FROM lieu_source s WHERE s.lieu_id = l.id) AS jeux`

const versLieu = (r: LigneLieu): Lieu => ({
  id: r.id, nom: r.nom, categorie: r.categorie, categories: categoriesDuMasque(r.categories), adresse: r.adresse, codePostal: r.code_postal,
  commune: r.nom_commune, codeInsee: r.code_insee, departement: r.departement, longitude: r.longitude, latitude: r.latitude,
  localisation: r.localisation, siret: r.siret, postes: r.postes, typeStructure: r.type_structure, itinerant: r.itinerant === 1,
  horaires: r.horaires, horairesTexte: r.horaires_texte, telephone: r.telephone, siteWeb: r.site_web,
  services: JSON.parse(r.services) as string[], actif: r.actif === 1, dateMaj: r.date_maj, sources: r.jeux.split(','),
})

/** Reads lieux for the API; statements are prepared once. */
export function lieuxDb(db: Database.Database) {
  // Every lieu is read once: they only change with a new import, and /api/lieux/proches is the hot public route.
  const parId = new Map(
    (db.prepare(`SELECT ${COLONNES} FROM lieu l JOIN commune c ON c.code = l.code_insee`).all() as LigneLieu[]).map((r) => [r.id, Object.freeze(versLieu(r))]),
  )
  const sources = db.prepare('SELECT jeu, id_source, ligne, fusion, donnees FROM lieu_source WHERE lieu_id = ? ORDER BY rowid')
  const duDepartement = db.prepare(`SELECT id, nom, categorie, categories, longitude, latitude, itinerant FROM lieu
    WHERE departement = ? AND actif = 1 AND (categories & ?) != 0 ORDER BY id`)
  const pourExport = db.prepare(`SELECT l.id, l.nom, l.siret, l.adresse, l.code_postal, l.code_insee, c.nom AS commune, c.codes_postaux,
    l.longitude, l.latitude, l.telephone, l.site_web, l.courriel, l.horaires, l.services, l.itinerant, l.categories, l.date_maj
    FROM lieu l JOIN commune c ON c.code = l.code_insee WHERE l.actif = 1 AND (@departement IS NULL OR l.departement = @departement) ORDER BY l.id`)
  // Each lieu's JSON in UTF-8 without its closing brace, serialised and encoded once: the nearest-lieux answers are
  // assembled from these bytes, appending the distance to each.
  const debutsJson = new Map<number, Buffer>()
  return {
    /** id, nom, catégorie of a lieu, to name the nearest lieu of 35,000 communes. */
    resume: (id: number): Pick<Lieu, 'id' | 'nom' | 'categorie'> | undefined => parId.get(id),
    lieu: (id: number): Lieu | undefined => parId.get(id),
    /** The UTF-8 bytes of `JSON.stringify(lieu(id))` but its final `}`, computed once per lieu. */
    debutJsonUtf8: (id: number): Buffer | undefined => {
      let octets = debutsJson.get(id)
      if (octets === undefined) {
        const lieu = parId.get(id)
        if (lieu === undefined) return undefined
        octets = Buffer.from(JSON.stringify(lieu).slice(0, -1))
        debutsJson.set(id, octets)
      }
      return octets
    },
    sources: (id: number): SourceLieu[] =>
      (sources.all(id) as { jeu: string; id_source: string; ligne: number; fusion: string | null; donnees: string }[]).map((s) => ({
        jeu: s.jeu, idSource: s.id_source, ligne: s.ligne, fusion: s.fusion, donnees: JSON.parse(s.donnees) as Record<string, unknown>,
      })),
    /**
     * Every active lieu, of one département or of all, with what the schéma des lieux de médiation numérique asks for.
     * Inactive lieux are no offre, and the schéma has no field to say so: a re-import would make them active.
     */
    exportables: (departement: string | null): LieuExporte[] =>
      (pourExport.all({ departement }) as LigneExport[]).map((r) => ({
        id: r.id, nom: r.nom, siret: r.siret, adresse: r.adresse, codePostal: r.code_postal, codeInsee: r.code_insee, commune: r.commune,
        codesPostaux: JSON.parse(r.codes_postaux) as string[], longitude: r.longitude, latitude: r.latitude, telephone: r.telephone,
        siteWeb: r.site_web, courriel: r.courriel, horaires: r.horaires, services: JSON.parse(r.services) as string[],
        itinerant: r.itinerant === 1, categories: categoriesDuMasque(r.categories), dateMaj: r.date_maj,
      })),
    /** Active lieux of a département in the offre, as GeoJSON points for the map. */
    geojsonDepartement: (code: string, masque: number): GeoJSON.FeatureCollection => ({
      type: 'FeatureCollection',
      features: (duDepartement.all(code, masque) as { id: number; nom: string; categorie: string; categories: number; longitude: number; latitude: number; itinerant: number }[])
        .map((l) => ({
          type: 'Feature',
          id: l.id,
          geometry: { type: 'Point', coordinates: [l.longitude, l.latitude] },
          properties: { id: l.id, nom: l.nom, categorie: l.categorie, categories: categoriesDuMasque(l.categories).join(','), itinerant: l.itinerant === 1 },
        })),
    }),
  }
}
export type LieuxDb = ReturnType<typeof lieuxDb>
