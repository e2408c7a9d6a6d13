-- Reference data: loaded from data/ by the seed, read by the GET endpoints.
-- JSON columns hold documents that are always read whole with their row; `json` rather than
-- `jsonb` keeps their text, key order included, as written in data/.

CREATE TABLE structures (
  code text PRIMARY KEY,
  intitule text NOT NULL,
  typologie text NOT NULL,
  reseau text NOT NULL,
  parent text,
  marque json NOT NULL,
  exemple boolean NOT NULL,
  mention text,
  -- code, intitulé and typologie in lower case without accents, for `q`
  recherche text NOT NULL
);
CREATE INDEX structures_reseau ON structures (reseau);

CREATE TABLE indicateurs (
  code text PRIMARY KEY,
  libelle text NOT NULL,
  libelle_original text,
  type text NOT NULL CHECK (type IN ('performance', 'satisfaction')),
  unite text NOT NULL,
  sens text NOT NULL CHECK (sens IN ('hausse', 'baisse')),
  cible double precision
);

CREATE TABLE resultats (
  structure text NOT NULL REFERENCES structures (code) ON DELETE CASCADE,
  indicateur text NOT NULL REFERENCES indicateurs (code),
  position integer NOT NULL,
  valeur double precision,
  motif_absence text,
  frequence text NOT NULL,
  periode_debut date NOT NULL,
  periode_fin date NOT NULL,
  mise_a_jour date NOT NULL,
  historique json NOT NULL,
  exemple boolean NOT NULL,
  mention text,
  PRIMARY KEY (structure, indicateur),
  -- a missing value must say why
  CHECK (valeur IS NOT NULL OR motif_absence IS NOT NULL)
);

CREATE TABLE piliers (
  id text PRIMARY KEY,
  titre text NOT NULL,
  position integer NOT NULL
);

CREATE TABLE engagements (
  version text NOT NULL,
  numero integer NOT NULL,
  pilier text NOT NULL REFERENCES piliers (id),
  titre text NOT NULL,
  mots_cles json NOT NULL,
  details json NOT NULL,
  url text,
  PRIMARY KEY (version, numero)
);

CREATE TABLE oups_evenements (
  id text PRIMARY KEY,
  libelle text NOT NULL,
  public text NOT NULL CHECK (public IN ('particulier', 'professionnel')),
  position integer NOT NULL,
  exemple boolean NOT NULL,
  mention text
);

CREATE TABLE oups_erreurs (
  id text PRIMARY KEY,
  evenement text NOT NULL REFERENCES oups_evenements (id) ON DELETE CASCADE,
  position integer NOT NULL,
  titre text NOT NULL,
  description text NOT NULL,
  conseils json NOT NULL,
  administrations json NOT NULL,
  liens json NOT NULL,
  mise_a_jour date NOT NULL,
  exemple boolean NOT NULL,
  mention text,
  -- titre, description and conseils / administration names, lower case without accents
  recherche text NOT NULL,
  recherche_administrations text NOT NULL
);
CREATE INDEX oups_erreurs_evenement ON oups_erreurs (evenement);

-- Questionnaires are documents read whole (GET) and walked in memory to validate answers.
CREATE TABLE formulaires (
  id text PRIMARY KEY,
  document json NOT NULL
);

-- Fingerprint of the data/ files last loaded, so that a restart only reloads what changed.
CREATE TABLE seed_etat (
  id integer PRIMARY KEY CHECK (id = 1),
  empreinte text NOT NULL,
  charge_le timestamptz NOT NULL
);
