import { expect } from '@open-wc/testing';
import { detectPii, isIban } from './pii.js';

describe('personal data in free text', () => {
  const cases: [string, string, string[]][] = [
    ['an e-mail address', 'Écrivez-moi à jean.dupont@example.fr, merci', ['email']],
    ['a mobile number with spaces', 'Rappelez-moi au 06 12 34 56 78', ['telephone']],
    ['a landline number with dots', 'mon fixe : 01.23.45.67.89', ['telephone']],
    ['a number without separators', 'appelez le 0612345678 svp', ['telephone']],
    ['an international number', 'tel +33 6 12 34 56 78', ['telephone']],
    ['an international number with (0)', 'tel +33 (0)1 23 45 67 89', ['telephone']],
    ['a NIR with spaces and key', 'NIR 1 85 05 78 006 084 36', ['nir']],
    ['a NIR in one block', 'ma sécu 185057800608436', ['nir']],
    ['a Corsican NIR', 'né en Corse : 2 85 05 2A 006 084', ['nir']],
    ['a French IBAN grouped by four', 'IBAN FR76 3000 6000 0112 3456 7890 189 merci', ['iban']],
    ['an IBAN in lower case, in one block', 'iban fr7630006000011234567890189', ['iban']],
    ['a case number after « dossier n° »', 'Mon dossier n° 2023-123456 est bloqué', ['dossier']],
    ['a « numéro de dossier »', 'numéro de dossier : AB12345', ['dossier']],
    ['a reference', 'référence 123456789', ['dossier']],
    ['an allocataire number alone', 'allocataire 1234567', ['dossier']],
    ['a long bare number', 'voici le 98765432', ['dossier']],
  ];
  for (const [what, text, kinds] of cases) {
    it(`warns about ${what}`, () => {
      for (const kind of kinds) expect(detectPii(text), text).to.include(kind);
    });
  }

  it('says nothing about ordinary text: dates, hours, prices, counts, years, versions, postcodes', () => {
    for (const text of [
      "J'ai attendu 3 semaines et appelé 2 fois, le 12/03/2024 à 14h30. Coût 150 €, 1 200 euros.",
      "Mon dossier est incomplet depuis 2023, j'ai envoyé 12 documents.",
      'Le numéro vert ne répond pas, 3 fois de suite',
      'En 2022 et 2023 le site était lent ; version 1.15.3',
      'Très bien, merci ! Rapide et clair.',
      'code postal 75001 Paris, bâtiment B 2e étage',
      'Le montant était de 1500000 euros',
      'Je suis à 100 % satisfait, 5 étoiles',
      '',
    ]) {
      expect(detectPii(text), text).to.deep.equal([]);
    }
  });

  it('checks IBAN keys (ISO 13616), so a look-alike is not taken for one', () => {
    expect(isIban('FR76 3000 6000 0112 3456 7890 189')).to.equal(true);
    expect(isIban('DE89 3704 0044 0532 0130 00')).to.equal(true);
    expect(isIban('FR76 3000 6000 0112 3456 7890 188')).to.equal(false);
    expect(detectPii('code FR12 3456 7890 1234 5678 9012 345')).to.not.include('iban');
  });
});
