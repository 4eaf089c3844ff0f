-- Reference database of Maillage, built offline by scripts/build-db.ts and served read-only.
-- SQL is snake_case; codes INSEE are TEXT.

CREATE TABLE import (
  id TEXT PRIMARY KEY,          -- build id, also the HTTP ETag seed
  date TEXT NOT NULL,           -- ISO date-time of the build
  duree_ms INTEGER NOT NULL,
  sources TEXT NOT NULL         -- JSON: per-source accounting and manifest entry
);

CREATE TABLE region (
  code TEXT PRIMARY KEY,
  nom TEXT NOT NULL
);

CREATE TABLE departement (
  code TEXT PRIMARY KEY,
  nom TEXT NOT NULL,
  region TEXT NOT NULL,
  com INTEGER NOT NULL,          -- 1 for a collectivité d'outre-mer (COM)
  zone TEXT NOT NULL,            -- metro | drom | com
  chef_lieu TEXT                 -- code INSEE of the préfecture (COG chefLieu)
);

CREATE TABLE epci (
  code TEXT PRIMARY KEY,
  nom TEXT NOT NULL,
  type TEXT NOT NULL
);

CREATE TABLE commune (
  rang INTEGER PRIMARY KEY,      -- dense 0-based index, stable within one import (spatial arrays use it)
  code TEXT NOT NULL UNIQUE,
  nom TEXT NOT NULL,
  nom_recherche TEXT NOT NULL,   -- lower case, no accents, hyphens as spaces
  departement TEXT NOT NULL REFERENCES departement(code),
  region TEXT NOT NULL,
  epci TEXT,
  population INTEGER NOT NULL,
  codes_postaux TEXT NOT NULL,   -- JSON array
  longitude REAL NOT NULL,       -- centre point inside the commune
  latitude REAL NOT NULL,
  methode_centre TEXT NOT NULL,
  min_lng REAL NOT NULL, min_lat REAL NOT NULL, max_lng REAL NOT NULL, max_lat REAL NOT NULL,
  com INTEGER NOT NULL,
  demande TEXT NOT NULL          -- where its inhabitants are counted: carreaux | centre-sans-carreau | centre-outre-mer
);
CREATE INDEX commune_departement ON commune(departement);
CREATE INDEX commune_nom_recherche ON commune(nom_recherche);

CREATE TABLE commune_code_postal (
  code_postal TEXT NOT NULL,
  commune TEXT NOT NULL,
  PRIMARY KEY (code_postal, commune)
) WITHOUT ROWID;

-- Anciennes communes and arrondissements municipaux: codes that point to a current commune.
CREATE TABLE code_historique (
  code TEXT PRIMARY KEY,
  nom TEXT NOT NULL,
  type TEXT NOT NULL,            -- commune-deleguee | commune-associee | arrondissement-municipal
  commune TEXT NOT NULL          -- current commune (COG 2026)
);

CREATE TABLE arrondissement (
  code TEXT PRIMARY KEY,
  nom TEXT NOT NULL,
  commune TEXT NOT NULL,
  population INTEGER NOT NULL,
  longitude REAL NOT NULL,
  latitude REAL NOT NULL
);

CREATE TABLE commune_geometrie (
  code TEXT PRIMARY KEY,
  type TEXT NOT NULL,            -- commune | arrondissement
  geojson TEXT NOT NULL          -- GeoJSON geometry
);
CREATE VIRTUAL TABLE commune_rtree USING rtree(rang, min_lng, max_lng, min_lat, max_lat);

CREATE TABLE departement_geometrie (code TEXT PRIMARY KEY, geojson TEXT NOT NULL,
  min_lng REAL NOT NULL, min_lat REAL NOT NULL, max_lng REAL NOT NULL, max_lat REAL NOT NULL);
CREATE TABLE region_geometrie (code TEXT PRIMARY KEY, geojson TEXT NOT NULL);

CREATE TABLE commune_indicateur (
  code TEXT PRIMARY KEY REFERENCES commune(code),
  ifn_total REAL, ifn_thd REAL, ifn_4g REAL, ifn_pauvrete REAL, ifn_65_ans REAL, ifn_sans_diplome REAL,
  densite TEXT,
  ruralite TEXT,
  centralite TEXT,
  frr TEXT,                      -- classement FRR 2025, NULL where unknown
  montagne INTEGER,              -- 1 in a zone de montagne, 0 not (metro and DROM), NULL unknown (COM)
  massif TEXT,
  revenu_median REAL,            -- Filosofi 2021 MED21, euros per UC
  taux_pauvrete REAL             -- Filosofi 2021 TP6021, percent
);

CREATE TABLE lieu (
  id INTEGER PRIMARY KEY,
  nom TEXT NOT NULL,
  categorie TEXT NOT NULL,       -- main catégorie
  categories INTEGER NOT NULL,   -- bitmask (server/domain/offre.ts)
  adresse TEXT,
  code_postal TEXT,
  code_insee TEXT NOT NULL REFERENCES commune(code),
  departement TEXT NOT NULL,
  longitude REAL NOT NULL,
  latitude REAL NOT NULL,
  localisation TEXT NOT NULL,    -- source | siret | centre-commune
  siret TEXT,
  conseillers REAL,              -- supply for accessibility (NULL unknown)
  postes INTEGER NOT NULL,       -- postes de conseillers numériques validés
  type_structure TEXT,           -- publique | privee
  financement_euros INTEGER NOT NULL,
  itinerant INTEGER NOT NULL,
  france_services_type TEXT,     -- Principal | Antenne
  france_services_format TEXT,
  zrr INTEGER, qpv INTEGER,
  horaires TEXT,                 -- OSM opening_hours
  horaires_texte TEXT,           -- free text (France services)
  telephone TEXT,
  site_web TEXT,
  courriel TEXT,
  services TEXT NOT NULL,        -- JSON array
  actif INTEGER NOT NULL,
  date_maj TEXT
);
CREATE INDEX lieu_departement ON lieu(departement);
CREATE INDEX lieu_siret ON lieu(siret);

CREATE TABLE lieu_source (
  lieu_id INTEGER NOT NULL REFERENCES lieu(id),
  jeu TEXT NOT NULL,
  id_source TEXT NOT NULL,
  ligne INTEGER NOT NULL,
  fusion TEXT,                   -- NULL for the record that created the lieu, else why it was merged
  categories INTEGER NOT NULL,   -- bitmask of the catégories this record gave the lieu
  donnees TEXT NOT NULL          -- JSON of the source row
);
CREATE INDEX lieu_source_lieu ON lieu_source(lieu_id);

CREATE TABLE rejet (
  jeu TEXT NOT NULL,
  fichier TEXT NOT NULL,
  ligne INTEGER NOT NULL,
  champ TEXT NOT NULL,
  motif TEXT NOT NULL
);

CREATE TABLE source_compte (
  jeu TEXT PRIMARY KEY,
  fichier TEXT NOT NULL,
  lus INTEGER NOT NULL,
  gardes INTEGER NOT NULL,
  fusionnes INTEGER NOT NULL,
  rejetes INTEGER NOT NULL
);

-- Cells of the 1 km population grid (Eurostat census 2021), métropole and Corse, sorted by commune rang:
-- a commune's cells are contiguous. population is scaled so that a commune's cells sum to its légale population.
CREATE TABLE carreau (
  rang INTEGER PRIMARY KEY,      -- dense 0-based index, commune rang then source line
  commune INTEGER NOT NULL,      -- commune.rang
  code_commune TEXT NOT NULL REFERENCES commune(code),
  x3035 INTEGER NOT NULL,        -- lower-left corner, metres, EPSG:3035
  y3035 INTEGER NOT NULL,
  longitude REAL NOT NULL,       -- centre, WGS84
  latitude REAL NOT NULL,
  population INTEGER NOT NULL,   -- scaled to the commune's légale population
  population_recensee INTEGER NOT NULL,
  rattachement TEXT NOT NULL     -- polygone | bord (centre off every polygon, within 1.5 km of this commune's edge)
);
CREATE INDEX carreau_commune ON carreau(commune);
-- Nearest active lieu of each catégorie for every cell, computed once by the build (the engine no longer does it at
-- start): one row per catégorie, each BLOB holds one entry per cell in carreau.rang order, little-endian.
CREATE TABLE carreau_plus_proche (
  categorie TEXT PRIMARY KEY,    -- slug of the catégorie (server/domain/offre.ts CATEGORIES)
  lieu BLOB NOT NULL,            -- Int32 lieu.id, -1 when the catégorie has no active lieu
  distance_km BLOB NOT NULL      -- Float64 great-circle km to it, Infinity when none
);
-- Evolution of the maillage (GET /api/evolution). Each lieux source has a date (YYYY-MM, from its millésime, else its
-- latest date_maj). The lieux known at a date D are those a build reading only the sources dated D or before would
-- give (their own merge and positions): rows here for every date but the latest, whose lieux are the `lieu` table.
CREATE TABLE evolution_source (
  jeu TEXT PRIMARY KEY,
  date TEXT NOT NULL,            -- YYYY-MM
  categories INTEGER NOT NULL    -- bitmask of the catégories its records give
);
CREATE TABLE evolution_lieu (
  date TEXT NOT NULL,
  id INTEGER NOT NULL,           -- rank in that date's merge, not a lieu.id
  lieu_id INTEGER NOT NULL REFERENCES lieu(id), -- today's lieu holding its first record (for links)
  nom TEXT NOT NULL,
  categorie TEXT NOT NULL,       -- main catégorie at that date (its first record's)
  categories INTEGER NOT NULL,
  longitude REAL NOT NULL,
  latitude REAL NOT NULL,
  conseillers REAL,
  postes INTEGER NOT NULL,
  financement_euros INTEGER NOT NULL,
  departement TEXT NOT NULL,
  actif INTEGER NOT NULL,
  PRIMARY KEY (date, id)
) WITHOUT ROWID;
