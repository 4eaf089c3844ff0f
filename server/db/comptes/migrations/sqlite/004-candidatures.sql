-- Candidatures of structures for funded postes, imported by a préfecture, and the préfet's avis on them.
-- A structure is its SIRET within a département: a re-import of the same SIRET changes the row, never adds one.
CREATE TABLE candidature (
  id            INTEGER PRIMARY KEY,
  departement   TEXT NOT NULL,
  siret         TEXT NOT NULL,
  nom           TEXT NOT NULL,
  type          TEXT NOT NULL CHECK (type IN ('collectivite', 'privee')),
  adresse       TEXT NOT NULL,
  code_insee    TEXT NOT NULL,               -- current commune (COG of the reference database)
  postes        INTEGER NOT NULL CHECK (postes >= 1),
  longitude     REAL NOT NULL,
  latitude      REAL NOT NULL,
  localisation  TEXT NOT NULL CHECK (localisation IN ('coordonnees', 'commune')),  -- given, or the commune's centre
  date_depot    TEXT,                        -- YYYY-MM-DD, when the file gives it
  importe_par   TEXT NOT NULL,               -- e-mail of the agent of the last import
  cree_le       TEXT NOT NULL,
  modifie_le    TEXT NOT NULL,
  UNIQUE (departement, siret)
) STRICT;

-- Every avis given, never overwritten: the current one is the latest.
CREATE TABLE avis_candidature (
  id            INTEGER PRIMARY KEY,
  candidature   INTEGER NOT NULL,            -- deleted with its candidature (by the store, in one transaction)
  avis          TEXT NOT NULL CHECK (avis IN ('favorable', 'reserve', 'defavorable')),
  commentaire   TEXT NOT NULL,
  auteur        TEXT NOT NULL,
  donne_le      TEXT NOT NULL
) STRICT;
CREATE INDEX avis_candidature_candidature ON avis_candidature (candidature, id);
