-- Maillage's writable database: agents, their sessions and their saved scenarios.
-- Kept apart from the reference database, which is rebuilt by each import and served read-only.
-- IF NOT EXISTS: databases made before versioned migrations already hold these tables; this one is then only recorded.
CREATE TABLE IF NOT EXISTS agent (
  email         TEXT PRIMARY KEY,            -- lower case
  nom           TEXT,
  role          TEXT NOT NULL CHECK (role IN ('prefet', 'planificateur', 'admin')),
  departements  TEXT NOT NULL DEFAULT '[]',  -- JSON array of codes, for préfets
  modifie_le    TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS session (
  empreinte     TEXT PRIMARY KEY,            -- SHA-256 of the cookie's value: a stolen database holds no usable session
  sujet         TEXT NOT NULL,               -- the identity provider's `sub`
  email         TEXT NOT NULL,
  nom           TEXT,
  jeton_id      TEXT,                        -- id_token, sent back as id_token_hint at logout
  cree_le       INTEGER NOT NULL,            -- ms since epoch
  expire_le     INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS session_expire ON session (expire_le);

CREATE TABLE IF NOT EXISTS scenario (
  id            INTEGER PRIMARY KEY,
  titre         TEXT NOT NULL,
  departement   TEXT NOT NULL,
  contenu       TEXT NOT NULL,               -- JSON { rayonKm, offre, ajouts, retraits }
  auteur        TEXT NOT NULL,               -- e-mail of the agent who saved it
  cree_le       TEXT NOT NULL,
  modifie_le    TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS scenario_departement ON scenario (departement);
