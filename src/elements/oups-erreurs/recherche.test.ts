import { expect } from '@open-wc/testing';
import { correspond, filtrer, normaliser, termes } from './recherche.js';
import type { Erreur, Evenement } from './types.js';

const evenement = (id: string, pub: Evenement['public']): Evenement => ({
  id,
  libelle: id,
  public: pub,
  nombreErreurs: 1,
  exemple: false,
});
const erreur = (id: string, evenement: string, textes: Partial<Erreur> = {}): Erreur => ({
  id,
  titre: id,
  description: '',
  conseils: [],
  evenement,
  administrations: [],
  liens: [],
  miseAJour: '2025-01-01',
  exemple: false,
  ...textes,
});

describe('oups search and filters', () => {
  it('ignores case, accents, ligatures and the kind of apostrophe', () => {
    expect(normaliser('Déménagement À L’ŒUVRE')).to.equal("demenagement a l'oeuvre");
    expect(termes('  Caf   IMPÔTS ')).to.deep.equal(['caf', 'impots']);
  });

  it('finds every word in the title, the description or the conseils', () => {
    const e = erreur('x', 'a', {
      titre: 'Déclarer son déménagement',
      description: 'La Caisse d’allocations familiales',
      conseils: ['Prévenez les impôts'],
    });
    expect(correspond(e, termes('demenagement'))).to.equal(true);
    expect(correspond(e, termes("d'allocations impots"))).to.equal(true);
    expect(correspond(e, termes('demenagement passeport'))).to.equal(false);
    expect(correspond(e, [])).to.equal(true);
  });

  it('applies public and administration first, then the search and the selected événement', () => {
    const evenements = [evenement('a', 'particulier'), evenement('b', 'professionnel'), evenement('c', 'particulier')];
    const caf = [{ nom: 'Caisse d’allocations familiales (Caf)', url: 'https://www.caf.fr' }];
    const erreurs = [
      erreur('a1', 'a', { administrations: caf, description: 'Allocation logement' }),
      erreur('a2', 'a'),
      erreur('b1', 'b', { administrations: caf }),
      erreur('c1', 'c'),
    ];
    const tout = filtrer(evenements, erreurs, { saisie: '' });
    expect(tout.resultats.map((e) => e.id)).to.deep.equal(['a1', 'a2', 'b1', 'c1']);
    const particulier = filtrer(evenements, erreurs, { saisie: '', public: 'particulier' });
    expect(particulier.evenements.map((e) => e.id)).to.deep.equal(['a', 'c']);
    expect(particulier.resultats.map((e) => e.id)).to.deep.equal(['a1', 'a2', 'c1']);
    // Only the événements that keep an error get a tag.
    const cafParticulier = filtrer(evenements, erreurs, { saisie: '', public: 'particulier', administration: 'CAF' });
    expect(cafParticulier.evenements.map((e) => e.id)).to.deep.equal(['a']);
    expect(cafParticulier.resultats.map((e) => e.id)).to.deep.equal(['a1']);
    // The search narrows the counts of every événement; the tag narrows the list.
    const choisi = filtrer(evenements, erreurs, { saisie: '1', choisi: 'a' });
    expect(choisi.choisi).to.equal('a');
    expect(choisi.trouvees.map((e) => e.id)).to.deep.equal(['a1', 'b1', 'c1']);
    expect(choisi.resultats.map((e) => e.id)).to.deep.equal(['a1']);
    expect(filtrer(evenements, erreurs, { saisie: 'ALLOCATION' }).resultats.map((e) => e.id)).to.deep.equal(['a1']);
    // An unknown or out-of-scope événement selects nothing.
    expect(filtrer(evenements, erreurs, { saisie: '', choisi: 'b', public: 'particulier' }).choisi).to.equal(undefined);
    // An unknown public is ignored.
    expect(filtrer(evenements, erreurs, { saisie: '', public: 'autre' }).resultats).to.have.length(4);
  });
});
