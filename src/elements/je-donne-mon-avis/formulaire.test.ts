import { expect } from '@open-wc/testing';
import formulaireRoot from '~spp/data/formulaire-root';
import {
  basculer,
  blocsVisibles,
  etapesVisibles,
  occurrences,
  problemes,
  reponsesEtape,
  saisieVide,
  type Formulaire,
  type Saisie,
} from './formulaire.js';

const form = formulaireRoot as Formulaire;
const etape = (id: string) => form.etapes.find((e) => e.id === id)!;
const bloc = (champ: string) => form.etapes.flatMap((e) => e.blocs).find((b) => b.champ === champ)!;
const aucun = new Set<string>();

describe('questionnaire logic (JDMA « root »)', () => {
  it('keeps JDMA field codes, in four steps', () => {
    expect(form.etapes.map((e) => e.id)).to.deep.equal(['experience', 'clarte', 'aides', 'commentaire']);
    expect(form.etapes.flatMap((e) => e.blocs.map((b) => b.champ))).to.deep.equal([
      'satisfaction',
      'comprehension',
      'contact_tried',
      'contact_reached',
      'contact_satisfaction',
      'verbatim',
      'contact_email',
    ]);
  });

  it('hides contact_email unless the page asks for it', () => {
    expect(blocsVisibles(etape('commentaire'), aucun).map((b) => b.champ)).to.deep.equal(['verbatim']);
    expect(blocsVisibles(etape('commentaire'), new Set(['contact_email'])).map((b) => b.champ)).to.deep.equal([
      'verbatim',
      'contact_email',
    ]);
    expect(etapesVisibles(form, aucun)).to.have.length(4);
  });

  it('asks « reached » and « quality » once per administration channel ticked, and not for other help', () => {
    const saisie: Saisie = {
      ...saisieVide(),
      cases: { contact_tried: ['proche', 'telephone', 'internet', 'guichet'] },
    };
    expect(occurrences(bloc('contact_reached'), saisie)).to.deep.equal(['guichet', 'telephone']);
    expect(occurrences(bloc('contact_satisfaction'), saisie)).to.deep.equal(['guichet', 'telephone']);
    expect(
      occurrences(bloc('contact_reached'), { ...saisieVide(), cases: { contact_tried: ['proche'] } }),
    ).to.deep.equal([]);
  });

  it('makes « Je n’ai pas eu besoin d’aide » exclusive, both ways', () => {
    const tried = bloc('contact_tried');
    let saisie: Saisie = { ...saisieVide(), cases: { contact_tried: ['guichet', 'autre'] } };
    saisie = { ...saisie, cases: { contact_tried: basculer(tried, saisie, 'aucune', true) } };
    expect(saisie.cases.contact_tried).to.deep.equal(['aucune']);
    saisie = { ...saisie, cases: { contact_tried: basculer(tried, saisie, 'chat', true) } };
    expect(saisie.cases.contact_tried).to.deep.equal(['chat']);
    expect(basculer(tried, saisie, 'chat', false)).to.deep.equal([]);
  });

  it('sends conditional answers with their parent, « autre » with its text, and only for ticked options', () => {
    const saisie: Saisie = {
      choix: {
        'contact_reached|telephone': 'oui',
        'contact_reached|guichet': 'non',
        'contact_satisfaction|telephone': 'bonne',
      },
      cases: { contact_tried: ['telephone', 'autre'] },
      textes: { 'contact_tried:autre': '  un forum  ' },
    };
    expect(reponsesEtape(etape('aides'), saisie, aucun)).to.deep.equal([
      { champ: 'contact_tried', optionId: 'telephone' },
      { champ: 'contact_tried', optionId: 'autre', texte: 'un forum' },
      { champ: 'contact_reached', parent: 'telephone', optionId: 'oui' },
      { champ: 'contact_satisfaction', parent: 'telephone', optionId: 'bonne' },
    ]);
  });

  it('requires the smiley, and a valid e-mail when one is typed', () => {
    expect([...problemes(etape('experience'), saisieVide(), aucun)]).to.deep.equal([['satisfaction', 'obligatoire']]);
    expect(problemes(etape('experience'), { ...saisieVide(), choix: { satisfaction: 'good' } }, aucun).size).to.equal(
      0,
    );
    const avecEmail = new Set(['contact_email']);
    const saisie = (email: string): Saisie => ({ ...saisieVide(), textes: { contact_email: email } });
    expect([...problemes(etape('commentaire'), saisie('nom@'), avecEmail)]).to.deep.equal([['contact_email', 'email']]);
    expect(problemes(etape('commentaire'), saisie('nom@exemple.fr'), avecEmail).size).to.equal(0);
    expect(reponsesEtape(etape('commentaire'), saisie('nom@'), avecEmail)).to.deep.equal([]);
  });
});
