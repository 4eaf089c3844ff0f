-- Logins under way, by OIDC state, shared by every instance (the provider's return may reach another one).
CREATE TABLE demande_connexion (
  etat          text PRIMARY KEY,
  contenu       text NOT NULL,               -- JSON { verificateur, etat, nonce, retour }
  expire_le     bigint NOT NULL
);
CREATE INDEX demande_connexion_expire ON demande_connexion (expire_le);
