-- Logins under way, by OIDC state: kept here rather than in one process's memory so that the
-- provider's return may reach another instance than the one that sent the browser away.
CREATE TABLE demande_connexion (
  etat          TEXT PRIMARY KEY,
  contenu       TEXT NOT NULL,               -- JSON { verificateur, etat, nonce, retour }
  expire_le     INTEGER NOT NULL             -- ms since epoch
) STRICT;
CREATE INDEX demande_connexion_expire ON demande_connexion (expire_le);
