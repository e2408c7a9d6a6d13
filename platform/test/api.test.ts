/**
 * The HTTP API, end to end on an in-memory database. Every response goes through the contract
 * check of contrat.ts; the last test fails if an operation of openapi.yaml was never exercised.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createPlatform, type InfosClient, type Plateforme } from '../src/app.js';
import { openDatabase } from '../src/db.js';
import type {
  AvisCree,
  AvisEnregistre,
  Erreur,
  Evenement,
  Formulaire,
  ListeEngagements,
  Probleme,
  Resultat,
  Statistiques,
  Structure,
  StructureResume,
} from '../src/types.js';
import { clientContrat, type ClientContrat } from './contrat.js';

const CLE_AGENT = 'cle-agent-de-test';
let instant = new Date('2025-06-02T09:00:00.000Z');
const avancer = (minutes: number) => {
  instant = new Date(instant.getTime() + minutes * 60_000);
};

let plateforme: Plateforme;
let api: ClientContrat;
/** Same database, rate limit on: 2 per minute per client, 3 per minute per démarche. */
let limitee: ClientContrat;

before(async () => {
  const db = await openDatabase({ memory: true });
  plateforme = await createPlatform({ db, apiKeys: [CLE_AGENT], rateLimit: false, now: () => instant });
  api = clientContrat(plateforme);
  limitee = clientContrat(
    await createPlatform({ db, rateLimit: { avisParMinute: 2, avisParMinuteParDemarche: 3 }, now: () => instant }),
  );
});
after(() => plateforme.close());

const lire = async <T>(reponse: Response): Promise<T> => (await reponse.json()) as T;

async function probleme(reponse: Response, statut: number, champ?: string): Promise<Probleme> {
  const corps = await lire<Probleme>(reponse);
  assert.equal(reponse.status, statut, JSON.stringify(corps));
  if (champ !== undefined) {
    assert.ok(
      corps.errors?.some((e) => e.champ === champ),
      `champ ${champ} attendu dans ${JSON.stringify(corps.errors)}`,
    );
  }
  return corps;
}

type Reponse = { champ: string; optionId?: string; texte?: string; parent?: string };
const avis = (demarche: string, reponses: Reponse[] = [{ champ: 'satisfaction', optionId: 'good' }]) => ({
  demarche,
  formulaire: 'root',
  reponses,
});

function poster(corps: unknown, cle: string = randomUUID(), client?: InfosClient, cible = api): Promise<Response> {
  return cible.requete(
    '/v1/avis',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': cle },
      body: JSON.stringify(corps),
    },
    client,
  );
}

function completer(id: string, jeton: string | null, reponses: Reponse[], cible = api, client?: InfosClient) {
  return cible.requete(
    `/v1/avis/${id}`,
    {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', ...(jeton === null ? {} : { Authorization: `Bearer ${jeton}` }) },
      body: JSON.stringify({ reponses }),
    },
    client,
  );
}

async function creer(demarche: string, reponses?: Reponse[]): Promise<AvisCree> {
  const reponse = await poster(avis(demarche, reponses));
  assert.equal(reponse.status, 201);
  return lire<AvisCree>(reponse);
}

async function reponsesEnregistrees(demarche: string): Promise<AvisEnregistre[]> {
  const reponse = await api.requete(`/v1/demarches/${demarche}/avis`, {
    headers: { Authorization: `Bearer ${CLE_AGENT}` },
  });
  assert.equal(reponse.status, 200);
  return (await lire<{ avis: AvisEnregistre[] }>(reponse)).avis;
}

const compter = async (sql: string, params: unknown[]) =>
  ((await plateforme.db.query<{ n: number }>(sql, params))[0] as { n: number }).n;

describe('structures', () => {
  it('liste les structures d’exemple, marquées comme telles, dans au moins quatre réseaux', async () => {
    const { structures } = await lire<{ structures: StructureResume[] }>(await api.requete('/v1/structures'));
    assert.ok(structures.length >= 5);
    assert.ok(new Set(structures.map((s) => s.reseau)).size >= 4);
    for (const s of structures) {
      assert.equal(s.exemple, true);
      assert.match(s.mention ?? '', /exemple/i);
    }
  });

  it('cherche sans tenir compte des accents ni de la casse, et filtre par réseau', async () => {
    const parTexte = await lire<{ structures: StructureResume[] }>(await api.requete('/v1/structures?q=PREFECTURE'));
    assert.deepEqual(
      parTexte.structures.map((s) => s.code),
      ['EX-PREF-35'],
    );
    const parReseau = await lire<{ structures: StructureResume[] }>(
      await api.requete(`/v1/structures?reseau=${encodeURIComponent('Caisses d’allocations familiales')}`),
    );
    assert.deepEqual(parReseau.structures.map((s) => s.code).sort(), ['EX-CAF-33', 'EX-CNAF']);
    const aucune = await lire<{ structures: StructureResume[] }>(
      await api.requete('/v1/structures?q=caf&reseau=Pr%C3%A9fectures'),
    );
    assert.deepEqual(aucune.structures, []);
  });

  it('rend une structure avec son bloc marque sur plusieurs lignes', async () => {
    const reponse = await api.requete('/v1/structures/EX-CAF-33');
    assert.equal(reponse.headers.get('cache-control'), 'public, max-age=300, stale-while-revalidate=3600');
    const structure = await lire<Structure>(reponse);
    assert.equal(structure.parent, 'EX-CNAF');
    assert.ok(structure.marque.ministere.split('\n').length >= 3);
  });

  it('répond 404 pour un code inconnu et 400 pour un code mal formé', async () => {
    await probleme(await api.requete('/v1/structures/EX-INCONNU'), 404);
    await probleme(await api.requete('/v1/structures/EX-INCONNU/resultats'), 404);
    await probleme(await api.requete('/v1/structures/code%20avec%20espace'), 400, 'code');
  });

  it('rend les résultats avec historique, niveau calculé et valeur absente motivée', async () => {
    const { structure, resultats } = await lire<{ structure: StructureResume; resultats: Resultat[] }>(
      await api.requete('/v1/structures/EX-CAF-33/resultats'),
    );
    assert.equal(structure.code, 'EX-CAF-33');
    assert.ok(resultats.length >= 6 && resultats.length <= 8);
    const parCode = new Map(resultats.map((r) => [r.indicateur.code, r]));
    for (const r of resultats) {
      assert.ok(r.historique.length >= 4 && r.historique.length <= 8);
      assert.deepEqual(r.historique.at(-1), { periode: r.periode, valeur: r.valeur });
      assert.equal(r.exemple, true);
    }
    // 81.3 % for a target of 80 %: met.
    assert.deepEqual(parCode.get('IND-27')?.niveau, {
      couleur: 'vert',
      libelle: 'Objectif atteint',
      objectifAtteint: true,
    });
    // 83.1 % for 85 %: missed by 2 %.
    assert.equal(parCode.get('IND-02')?.niveau?.couleur, 'orange');
    // 14 days for at most 15: met although lower.
    assert.equal(parCode.get('IND-05')?.niveau?.objectifAtteint, true);

    const prefecture = await lire<{ resultats: Resultat[] }>(await api.requete('/v1/structures/EX-PREF-35/resultats'));
    // 31 days for at most 15.
    assert.equal(prefecture.resultats.find((r) => r.indicateur.code === 'IND-05')?.niveau?.couleur, 'rouge');

    const franceServices = await lire<{ resultats: Resultat[] }>(
      await api.requete('/v1/structures/EX-FS-23096/resultats'),
    );
    const absent = franceServices.resultats.find((r) => r.valeur === null);
    assert.ok(absent?.motifAbsence);
    assert.equal(absent.niveau, undefined);
  });
});

describe('engagements', () => {
  it('rend les 9 engagements en 3 piliers, avec les mots clés présents dans les titres', async () => {
    const reponse = await api.requete('/v1/engagements');
    assert.equal(reponse.headers.get('cache-control'), 'public, max-age=3600, stale-while-revalidate=86400');
    const liste = await lire<ListeEngagements>(reponse);
    assert.equal(liste.version, '2020');
    assert.deepEqual(
      liste.piliers.map((p) => p.id),
      ['proche', 'efficace', 'simple'],
    );
    assert.equal(liste.piliers[0]?.titre, 'Des services publics + proches');
    assert.deepEqual(
      liste.engagements.map((e) => e.numero),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    for (const e of liste.engagements) {
      assert.ok(e.details.length > 0);
      for (const mot of e.motsCles) assert.ok(e.titre.includes(mot), `${mot} dans ${e.titre}`);
    }
    assert.equal(liste.structure, undefined);
  });

  it('ajoute la structure demandée, ou répond 404 si elle est inconnue', async () => {
    const liste = await lire<ListeEngagements>(await api.requete('/v1/engagements?structure=EX-PREF-35'));
    assert.equal(liste.structure?.marque.ministere, 'PRÉFET\nD’ILLE-ET-VILAINE');
    await probleme(await api.requete('/v1/engagements?structure=EX-NULLE-PART'), 404);
  });
});

describe('oups', () => {
  it('liste les événements de vie des particuliers puis des professionnels, avec leur nombre d’erreurs', async () => {
    const { evenements } = await lire<{ evenements: Evenement[] }>(await api.requete('/v1/oups/evenements'));
    assert.ok(evenements.length >= 8);
    const publics = evenements.map((e) => e.public);
    assert.deepEqual(
      publics,
      [...publics].sort((a, b) => (a === b ? 0 : a === 'particulier' ? -1 : 1)),
    );
    const { erreurs } = await lire<{ erreurs: Erreur[] }>(await api.requete('/v1/oups/erreurs'));
    assert.ok(erreurs.length >= 30);
    assert.equal(
      evenements.reduce((somme, e) => somme + e.nombreErreurs, 0),
      erreurs.length,
    );
  });

  it('filtre par événement, public, texte (sans accents) et administration', async () => {
    const cherche = async (requete: string) =>
      (await lire<{ erreurs: Erreur[] }>(await api.requete(`/v1/oups/erreurs?${requete}`))).erreurs;
    const demenagement = await cherche('evenement=demenagement');
    assert.equal(demenagement.length, 3);
    assert.ok(demenagement.every((e) => e.evenement === 'demenagement'));
    assert.ok(
      (await cherche('public=professionnel')).every((e) =>
        ['creation-entreprise', 'embauche', 'tva', 'cessation'].includes(e.evenement),
      ),
    );
    assert.ok((await cherche('q=declaration%20prealable')).some((e) => e.id === 'embauche-dpae'));
    const urssaf = await cherche('administration=URSSAF&public=professionnel');
    assert.ok(urssaf.length > 0 && urssaf.every((e) => e.administrations.some((a) => a.nom === 'Urssaf')));
    assert.deepEqual(await cherche('evenement=tva&q=demenagement'), []);
  });

  it('répond 404 pour un événement inconnu et 400 pour un public inconnu', async () => {
    await probleme(await api.requete('/v1/oups/erreurs?evenement=inconnu'), 404);
    await probleme(await api.requete('/v1/oups/erreurs?public=association'), 400, 'public');
  });
});

describe('questionnaire', () => {
  it('rend le modèle JDMA root avec ses codes de champs', async () => {
    const formulaire = await lire<Formulaire>(await api.requete('/v1/formulaires/root'));
    const blocs = formulaire.etapes.flatMap((e) => e.blocs);
    assert.deepEqual(
      blocs.map((b) => b.champ),
      [
        'satisfaction',
        'comprehension',
        'contact_tried',
        'contact_reached',
        'contact_satisfaction',
        'verbatim',
        'contact_email',
      ],
    );
    assert.equal(blocs.find((b) => b.champ === 'contact_email')?.masque, true);
    assert.deepEqual(blocs.find((b) => b.champ === 'contact_reached')?.condition?.optionIds, [
      'guichet',
      'telephone',
      'email',
      'chat',
    ]);
  });

  it('répond 404 pour un questionnaire inconnu et 400 pour un identifiant mal formé', async () => {
    await probleme(await api.requete('/v1/formulaires/bug'), 404);
    await probleme(await api.requete('/v1/formulaires/Root!'), 400, 'id');
  });
});

describe('validation des requêtes', () => {
  const corpsValide = avis('validation');

  it('refuse un champ inconnu, un type faux et un tableau vide', async () => {
    await probleme(await poster({ ...corpsValide, note: 5 }), 400, 'note');
    await probleme(await poster({ ...corpsValide, reponses: 'good' }), 400, 'reponses');
    await probleme(await poster({ ...corpsValide, reponses: [] }), 400, 'reponses');
    await probleme(
      await poster(avis('validation', [{ champ: 'satisfaction', optionId: 'good', note: 1 } as Reponse])),
      400,
      'reponses[0].note',
    );
    await probleme(await poster({ formulaire: 'root', reponses: corpsValide.reponses }), 400, 'demarche');
  });

  it('refuse une clé d’idempotence absente ou qui n’est pas un UUID', async () => {
    await probleme(await poster(corpsValide, 'pas-un-uuid'), 400, 'Idempotency-Key');
    const sansCle = await api.requete('/v1/avis', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(corpsValide),
    });
    await probleme(sansCle, 400, 'Idempotency-Key');
  });

  it('applique les limites de longueur : verbatim 1000, texte « autre » 250', async () => {
    const satisfait = { champ: 'satisfaction', optionId: 'good' };
    assert.equal(
      (await poster(avis('validation', [satisfait, { champ: 'verbatim', texte: 'é'.repeat(1000) }]))).status,
      201,
    );
    await probleme(
      await poster(avis('validation', [satisfait, { champ: 'verbatim', texte: 'é'.repeat(1001) }])),
      400,
      'reponses[1].texte',
    );
    const autre = (texte: string) => ({ champ: 'contact_tried', optionId: 'autre', texte });
    assert.equal((await poster(avis('validation', [satisfait, autre('x'.repeat(250))]))).status, 201);
    await probleme(await poster(avis('validation', [satisfait, autre('x'.repeat(251))])), 400, 'reponses[1].texte');
  });

  it('refuse une option, un champ ou un texte qui n’appartient pas au questionnaire', async () => {
    await probleme(
      await poster(avis('validation', [{ champ: 'satisfaction', optionId: 'excellent' }])),
      400,
      'reponses[0].optionId',
    );
    await probleme(
      await poster(
        avis('validation', [
          { champ: 'satisfaction', optionId: 'good' },
          { champ: 'humeur', optionId: 'x' },
        ]),
      ),
      400,
      'reponses[1].champ',
    );
    await probleme(
      await poster(avis('validation', [{ champ: 'satisfaction', optionId: 'good', texte: 'bof' }])),
      400,
      'reponses[0].texte',
    );
    await probleme(
      await poster(
        avis('validation', [
          { champ: 'satisfaction', optionId: 'good' },
          { champ: 'verbatim', optionId: 'good', texte: 'a' },
        ]),
      ),
      400,
      'reponses[1].optionId',
    );
    await probleme(
      await poster(
        avis('validation', [
          { champ: 'satisfaction', optionId: 'good' },
          { champ: 'contact_email', texte: 'pas une adresse' },
        ]),
      ),
      400,
      'reponses[1].texte',
    );
    await probleme(await poster({ ...corpsValide, formulaire: 'inconnu' }), 400, 'formulaire');
  });

  it('exige la réponse obligatoire de la première étape', async () => {
    await probleme(await poster(avis('validation', [{ champ: 'comprehension', optionId: '4' }])), 400, 'reponses');
  });

  it('vérifie les règles entre réponses : doublon, option exclusive, option parente', async () => {
    const satisfait = { champ: 'satisfaction', optionId: 'good' };
    await probleme(
      await poster(avis('validation', [satisfait, { champ: 'satisfaction', optionId: 'bad' }])),
      400,
      'reponses[1]',
    );
    const aucune = { champ: 'contact_tried', optionId: 'aucune' };
    await probleme(
      await poster(avis('validation', [satisfait, aucune, { champ: 'contact_tried', optionId: 'proche' }])),
      400,
      'reponses[1].optionId',
    );
    await probleme(
      await poster(avis('validation', [satisfait, { champ: 'contact_reached', optionId: 'oui' }])),
      400,
      'reponses[1].parent',
    );
    await probleme(
      await poster(avis('validation', [satisfait, { champ: 'contact_reached', optionId: 'oui', parent: 'telephone' }])),
      400,
      'reponses[1].parent',
    );
    await probleme(await poster(avis('validation', [{ ...satisfait, parent: 'guichet' }])), 400, 'reponses[0].parent');
  });

  it('refuse un paramètre de requête inconnu, répété ou hors bornes', async () => {
    await probleme(await api.requete('/v1/oups/evenements?public=particulier'), 400, 'public');
    await probleme(await api.requete('/v1/structures?q=a&q=b'), 400, 'q');
    const agent = { headers: { Authorization: `Bearer ${CLE_AGENT}` } };
    await probleme(await api.requete('/v1/demarches/validation/avis?limite=0', agent), 400, 'limite');
    await probleme(await api.requete('/v1/demarches/validation/avis?limite=dix', agent), 400, 'limite');
  });

  it('refuse un corps qui n’est pas du JSON (415), du JSON invalide ou de l’UTF-8 invalide (400)', async () => {
    const envoyer = (type: string, corps: string) =>
      api.requete('/v1/avis', {
        method: 'POST',
        headers: { 'Content-Type': type, 'Idempotency-Key': randomUUID() },
        body: corps,
      });
    await probleme(await envoyer('text/plain', JSON.stringify(corpsValide)), 415);
    await probleme(await envoyer('application/json', '{"demarche":'), 400, '(corps)');
    const latin1 = await api.requete('/v1/avis', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]),
    });
    await probleme(latin1, 400, '(corps)');
  });

  it('refuse un corps de plus de 16 Kio, annoncé ou non par Content-Length (413)', async () => {
    // Announced: refused on the header alone, before any byte is read.
    const annonce = await api.requete('/v1/avis', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': randomUUID(),
        'Content-Length': String(16 * 1024 + 1),
      },
      body: JSON.stringify(corpsValide),
    });
    await probleme(annonce, 413);
    assert.equal(annonce.headers.get('connection'), 'close');
    await probleme(await poster({ ...corpsValide, bouton: 'x'.repeat(17 * 1024) }), 413);
    // Streamed without Content-Length: the platform counts the bytes as they come.
    let envoyes = 0;
    const flux = new ReadableStream<Uint8Array>({
      pull(controleur) {
        envoyes += 4096;
        controleur.enqueue(new TextEncoder().encode(' '.repeat(4096)));
        if (envoyes >= 1024 * 1024) controleur.close();
      },
    });
    const requete = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: flux,
      duplex: 'half',
    };
    await probleme(await api.requete('/v1/avis', requete as RequestInit), 413);
    assert.ok(envoyes < 64 * 1024, `lecture arrêtée après ${envoyes} octets`);
  });
});

describe('idempotence de POST /v1/avis', () => {
  it('rejoue la même requête : 200, même corps, un seul avis', async () => {
    const cle = randomUUID();
    const premiere = await poster(avis('idempotence'), cle);
    assert.equal(premiere.status, 201);
    const seconde = await poster(avis('idempotence'), cle);
    assert.equal(seconde.status, 200);
    assert.deepEqual(await lire(seconde), await lire(premiere));
    assert.equal(await compter('SELECT count(*)::int AS n FROM avis WHERE cle_idempotence = $1', [cle]), 1);
  });

  it('20 requêtes simultanées avec une clé : un seul avis enregistré', async () => {
    const cle = randomUUID();
    const corps = avis('concurrence', [
      { champ: 'satisfaction', optionId: 'medium' },
      { champ: 'verbatim', texte: 'Envoyé vingt fois.' },
    ]);
    const reponses = await Promise.all(Array.from({ length: 20 }, () => poster(corps, cle)));
    assert.deepEqual(reponses.map((r) => r.status).sort(), [200, ...Array<number>(18).fill(200), 201].sort());
    const corpsRecus = await Promise.all(reponses.map((r) => lire<AvisCree>(r)));
    assert.equal(new Set(corpsRecus.map((c) => JSON.stringify(c))).size, 1);
    assert.equal(await compter('SELECT count(*)::int AS n FROM avis WHERE demarche = $1', ['concurrence']), 1);
    assert.equal(
      await compter('SELECT count(*)::int AS n FROM avis_reponses WHERE avis = $1', [(corpsRecus[0] as AvisCree).id]),
      2,
    );
  });

  it('compare le contenu et non le texte : l’ordre des clés ne compte pas', async () => {
    const cle = randomUUID();
    await poster(
      { demarche: 'ordre', formulaire: 'root', reponses: [{ champ: 'satisfaction', optionId: 'bad' }] },
      cle,
    );
    const rejouee = await poster(
      { reponses: [{ optionId: 'bad', champ: 'satisfaction' }], formulaire: 'root', demarche: 'ordre' },
      cle,
    );
    assert.equal(rejouee.status, 200);
  });

  it('refuse la même clé avec un autre contenu (422)', async () => {
    const cle = randomUUID();
    await poster(avis('idempotence'), cle);
    await probleme(
      await poster(avis('idempotence', [{ champ: 'satisfaction', optionId: 'bad' }]), cle),
      422,
      'Idempotency-Key',
    );
  });
});

describe('PATCH /v1/avis/{id}', () => {
  it('complète l’avis étape par étape et ne duplique rien quand une étape est rejouée', async () => {
    const { id, jeton, creeLe } = await creer('parcours');
    const aides: Reponse[] = [
      { champ: 'contact_tried', optionId: 'guichet' },
      { champ: 'contact_tried', optionId: 'autre', texte: 'Un voisin' },
      { champ: 'contact_reached', optionId: 'oui', parent: 'guichet' },
      { champ: 'contact_satisfaction', optionId: 'bonne', parent: 'guichet' },
    ];
    avancer(5);
    const premiere = await completer(id, jeton, aides);
    assert.equal(premiere.status, 200);
    const modifie = await lire<{ id: string; creeLe: string; modifieLe: string }>(premiere);
    assert.equal(modifie.creeLe, creeLe);
    assert.equal(modifie.modifieLe, instant.toISOString());
    assert.equal((await completer(id, jeton, aides)).status, 200);
    assert.equal((await completer(id, jeton, [{ champ: 'verbatim', texte: 'Merci pour l’accueil.' }])).status, 200);

    const [enregistre] = await reponsesEnregistrees('parcours');
    assert.deepEqual(enregistre?.reponses, [
      { champ: 'satisfaction', optionId: 'good', intention: 'good' },
      { champ: 'contact_tried', optionId: 'guichet', intention: 'neutral' },
      { champ: 'contact_tried', optionId: 'autre', texte: 'Un voisin', intention: 'neutral' },
      { champ: 'contact_reached', optionId: 'oui', parent: 'guichet', intention: 'good' },
      { champ: 'contact_satisfaction', optionId: 'bonne', parent: 'guichet', intention: 'good' },
      { champ: 'verbatim', texte: 'Merci pour l’accueil.' },
    ]);
  });

  it('remplace un champ et retire les réponses dont l’option parente n’est plus cochée', async () => {
    const { id, jeton } = await creer('changement', [
      { champ: 'satisfaction', optionId: 'bad' },
      { champ: 'contact_tried', optionId: 'telephone' },
      { champ: 'contact_reached', optionId: 'non', parent: 'telephone' },
    ]);
    assert.equal((await completer(id, jeton, [{ champ: 'contact_tried', optionId: 'aucune' }])).status, 200);
    const [enregistre] = await reponsesEnregistrees('changement');
    assert.deepEqual(
      enregistre?.reponses.map((r) => `${r.champ}:${r.optionId}`),
      ['satisfaction:bad', 'contact_tried:aucune'],
    );
  });

  it('exige le jeton de l’avis : 401 sans ou mal formé, 403 s’il est faux, 404 pour un avis inconnu', async () => {
    const { id, jeton } = await creer('jeton');
    const { jeton: autreJeton } = await creer('jeton');
    const verbatim = [{ champ: 'verbatim', texte: 'ok' }];
    const sans = await completer(id, null, verbatim);
    assert.equal(sans.headers.get('www-authenticate'), 'Bearer realm="jetonAvis"');
    await probleme(sans, 401, 'Authorization');
    await probleme(
      await api.requete(`/v1/avis/${id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: `Basic ${jeton}` },
        body: JSON.stringify({ reponses: verbatim }),
      }),
      401,
    );
    await probleme(await completer(id, autreJeton, verbatim), 403);
    await probleme(await completer(randomUUID(), jeton, verbatim), 404);
    await probleme(await completer('42', jeton, verbatim), 400, 'id');
  });

  it('refuse de compléter un avis de plus d’une heure (409)', async () => {
    const { id, jeton } = await creer('delai');
    avancer(59);
    assert.equal((await completer(id, jeton, [{ champ: 'comprehension', optionId: '5' }])).status, 200);
    avancer(2);
    await probleme(await completer(id, jeton, [{ champ: 'comprehension', optionId: '4' }]), 409);
  });
});

describe('statistiques', () => {
  it('applique le barème JDMA : good 10, medium 5, bad 0, note sur 10 au dixième', async () => {
    for (const optionId of ['good', 'good', 'good', 'medium', 'medium', 'bad']) {
      await creer('stats', [{ champ: 'satisfaction', optionId }]);
    }
    const reponse = await api.requete('/v1/demarches/stats/statistiques');
    assert.equal(reponse.headers.get('cache-control'), 'public, max-age=60');
    assert.deepEqual(await lire<Statistiques>(reponse), {
      demarche: 'stats',
      nombreAvis: 6,
      // (3 × 10 + 2 × 5 + 0) / 6 = 6.67
      satisfaction: { note: 6.7, repartition: { bad: 1, medium: 2, good: 3 } },
    });
  });

  it('rend une note nulle pour une démarche sans avis', async () => {
    assert.deepEqual(await lire<Statistiques>(await api.requete('/v1/demarches/sans-avis/statistiques')), {
      demarche: 'sans-avis',
      nombreAvis: 0,
      satisfaction: { note: null, repartition: { bad: 0, medium: 0, good: 0 } },
    });
  });
});

describe('avis pour les agents (clé API)', () => {
  it('rend les derniers avis, du plus récent au plus ancien, avec leurs verbatims', async () => {
    await creer('agents', [
      { champ: 'satisfaction', optionId: 'bad' },
      { champ: 'verbatim', texte: 'Premier' },
    ]);
    avancer(1);
    await creer('agents', [
      { champ: 'satisfaction', optionId: 'good' },
      { champ: 'verbatim', texte: 'Second' },
    ]);
    const reponse = await api.requete('/v1/demarches/agents/avis?limite=1', {
      headers: { Authorization: `Bearer ${CLE_AGENT}` },
    });
    assert.equal(reponse.headers.get('cache-control'), 'no-store');
    const { avis: liste } = await lire<{ avis: AvisEnregistre[] }>(reponse);
    assert.equal(liste.length, 1);
    assert.equal(liste[0]?.reponses.find((r) => r.champ === 'verbatim')?.texte, 'Second');
    assert.equal((await reponsesEnregistrees('agents')).length, 2);
  });

  it('refuse sans clé (401), avec une autre clé (403), et toujours quand aucune clé n’est configurée', async () => {
    await probleme(await api.requete('/v1/demarches/agents/avis'), 401, 'Authorization');
    await probleme(
      await api.requete('/v1/demarches/agents/avis', { headers: { Authorization: 'Bearer mauvaise-cle' } }),
      403,
    );
    await probleme(
      await limitee.requete('/v1/demarches/agents/avis', { headers: { Authorization: `Bearer ${CLE_AGENT}` } }),
      403,
    );
  });
});

describe('limitation de débit', () => {
  it('répond 429 avec Retry-After au-delà du débit d’un poste, puis accepte à nouveau', async () => {
    const poste = { ip: '203.0.113.7' };
    assert.equal((await poster(avis('debit-poste'), undefined, poste, limitee)).status, 201);
    assert.equal((await poster(avis('debit-poste'), undefined, poste, limitee)).status, 201);
    const refusee = await poster(avis('debit-poste'), undefined, poste, limitee);
    assert.equal(refusee.headers.get('retry-after'), '30');
    await probleme(refusee, 429);
    // Another client is not affected.
    assert.equal((await poster(avis('debit-poste'), undefined, { ip: '203.0.113.8' }, limitee)).status, 201);
    avancer(0.5);
    assert.equal((await poster(avis('debit-poste'), undefined, poste, limitee)).status, 201);
  });

  it('limite aussi chaque démarche, quel que soit le poste, et compte les PATCH', async () => {
    const cree = await lire<AvisCree>(await poster(avis('debit-demarche'), undefined, { ip: '198.51.100.1' }, limitee));
    assert.equal((await poster(avis('debit-demarche'), undefined, { ip: '198.51.100.2' }, limitee)).status, 201);
    assert.equal(
      (
        await completer(cree.id, cree.jeton, [{ champ: 'comprehension', optionId: '3' }], limitee, {
          ip: '198.51.100.3',
        })
      ).status,
      200,
    );
    const refusee = await poster(avis('debit-demarche'), undefined, { ip: '198.51.100.4' }, limitee);
    assert.ok(Number(refusee.headers.get('retry-after')) >= 1);
    await probleme(refusee, 429);
    assert.equal((await poster(avis('autre-demarche'), undefined, { ip: '198.51.100.4' }, limitee)).status, 201);
  });
});

describe('CORS et cache', () => {
  it('répond au pré-vol de toute origine avec les en-têtes nécessaires, sans identifiants', async () => {
    const reponse = await api.requete('/v1/avis/00000000-0000-4000-8000-000000000000', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://www.exemple.gouv.fr',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'content-type, authorization',
      },
    });
    assert.equal(reponse.headers.get('access-control-allow-methods'), 'GET,POST,PATCH,OPTIONS');
    assert.equal(reponse.headers.get('access-control-allow-headers'), 'Content-Type,Idempotency-Key,Authorization');
    assert.equal(reponse.headers.get('access-control-max-age'), '86400');
  });

  it('ouvre aussi les réponses d’erreur et expose Retry-After', async () => {
    const reponse = await api.requete('/v1/inconnu', { headers: { Origin: 'https://www.exemple.gouv.fr' } });
    await probleme(reponse, 404);
    assert.equal(reponse.headers.get('access-control-expose-headers'), 'Retry-After');
    assert.equal(reponse.headers.get('cache-control'), 'no-store');
  });
});

describe('journal', () => {
  it('écrit une ligne par requête, sans adresse, jeton ni texte libre', async () => {
    const lignes: string[] = [];
    const journalisee = clientContrat(
      await createPlatform({
        db: plateforme.db,
        rateLimit: false,
        now: () => instant,
        logger: { info: (l) => lignes.push(l), error: (l) => lignes.push(l) },
      }),
    );
    const cree = await lire<AvisCree>(
      await poster(
        avis('journal', [
          { champ: 'satisfaction', optionId: 'good' },
          { champ: 'verbatim', texte: 'secret-verbatim' },
        ]),
        undefined,
        { ip: '192.0.2.55' },
        journalisee,
      ),
    );
    await completer(cree.id, cree.jeton, [{ champ: 'verbatim', texte: 'autre-secret' }], journalisee, {
      ip: '192.0.2.55',
    });
    await journalisee.requete('/v1/oups/erreurs?q=recherche-secrete');
    assert.equal(lignes.length, 3);
    assert.match(lignes[0] ?? '', /^POST \/v1\/avis 201 \d+\.\dms$/);
    assert.match(lignes[1] ?? '', /^PATCH \/v1\/avis\/\{id\} 200 \d+\.\dms$/);
    assert.match(lignes[2] ?? '', /^GET \/v1\/oups\/erreurs 200 \d+\.\dms$/);
    const tout = lignes.join('\n');
    for (const secret of ['192.0.2.55', cree.jeton, cree.id, 'secret']) assert.ok(!tout.includes(secret), secret);
  });
});

it('exerce chaque opération du contrat avec succès', (t) => {
  t.diagnostic(`statuts vus : ${JSON.stringify(api.statutsVus())}`);
  assert.deepEqual(api.nonExercees(), []);
});
