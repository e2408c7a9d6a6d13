// An avis a previous page could not send is delivered by the next page that shows the
// button: once the page is idle, the button loads the outbox, only when something is pending.
import { expect } from '@open-wc/testing';
import { Outbox } from '../../core/api/outbox.js';
import { API_BASE, setFaults, storedAvis, uniqueDemarche } from '../../test-support/platform.js';
import { waitFor } from '../../test-support/page.js';

describe('avis left unsent by a previous page', () => {
  after(() => setFaults());

  it('are sent as soon as a button appears on the next page', async () => {
    localStorage.clear();
    const demarche = uniqueDemarche('page-suivante');
    // The previous page: the platform was unreachable, the avis stayed in the queue.
    await setFaults({ rules: [{ match: '/api/v1/avis', kind: 'drop', times: 100 }] });
    const previous = new Outbox({ timeoutMs: 2000 });
    const state = await previous.create(API_BASE, crypto.randomUUID(), {
      demarche,
      formulaire: 'root',
      reponses: [{ champ: 'satisfaction', optionId: 'good' }],
    });
    expect(state).to.equal('queued');
    expect(JSON.parse(localStorage.getItem('spp-widgets:outbox:v1')!).queue).to.have.length(1);
    await setFaults();

    // This page: only a link-mode button, which loads nothing else by itself.
    await import('./spp-je-donne-mon-avis.js');
    const el = document.createElement('spp-je-donne-mon-avis');
    el.setAttribute('demarche', demarche);
    el.setAttribute('mode', 'lien');
    // Not read before the button is painted (a page's first localStorage read costs ~3 ms).
    const getItem = Storage.prototype.getItem;
    const reads: string[] = [];
    Storage.prototype.getItem = function (this: Storage, key: string) {
      reads.push(key);
      return getItem.call(this, key);
    };
    try {
      document.body.append(el);
      expect(el.shadowRoot!.querySelector('a.spp-bouton'), 'drawn at once').to.exist;
      expect(reads, 'read when the button is drawn').to.deep.equal([]);
      await waitFor(() => reads.length > 0, 8000);
    } finally {
      Storage.prototype.getItem = getItem;
    }
    try {
      await waitFor(() => JSON.parse(localStorage.getItem('spp-widgets:outbox:v1')!).queue.length === 0, 8000);
      const stored = await storedAvis(demarche);
      expect(stored).to.have.length(1);
      expect(stored[0].champs).to.deep.equal(['satisfaction']);
    } finally {
      el.remove();
    }
  });
});
