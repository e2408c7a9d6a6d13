-- Reviews (avis) and their answers, in the JDMA model: a review exists from its first
-- answer (the smiley) and is completed step by step for one hour.

CREATE TABLE avis (
  id uuid PRIMARY KEY,
  -- the client's Idempotency-Key: the unique constraint makes a replayed POST a no-op
  cle_idempotence uuid NOT NULL UNIQUE,
  -- SHA-256 of the canonical request body, to refuse the same key with other content
  empreinte text NOT NULL,
  demarche text NOT NULL,
  formulaire text NOT NULL REFERENCES formulaires (id),
  bouton text,
  cree_le timestamptz NOT NULL,
  modifie_le timestamptz NOT NULL
);
CREATE INDEX avis_demarche_cree_le ON avis (demarche, cree_le DESC);

CREATE TABLE avis_reponses (
  avis uuid NOT NULL REFERENCES avis (id) ON DELETE CASCADE,
  position integer NOT NULL,
  champ text NOT NULL,
  option_id text,
  texte text,
  parent text,
  intention text CHECK (intention IN ('good', 'medium', 'bad', 'neutral')),
  PRIMARY KEY (avis, position)
);
CREATE INDEX avis_reponses_champ ON avis_reponses (champ, avis);

-- Key of the HMAC that derives each review's jeton from its id: the jeton is never stored,
-- yet a replayed POST can answer with the same one. Shared by every server of the database.
CREATE TABLE secret_serveur (
  id integer PRIMARY KEY CHECK (id = 1),
  cle text NOT NULL
);
