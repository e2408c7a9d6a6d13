// A page with nothing pending never loads the outbox (nor the questionnaire) for a link.
// (Lit is on this page anyway: the test framework uses it; the build's size check covers it.)
import { expect } from '@open-wc/testing';

describe('a page with nothing pending', () => {
  it('does not load the outbox', async () => {
    localStorage.clear();
    localStorage.setItem('spp-widgets:outbox:v1', JSON.stringify({ queue: [], receipts: {}, refused: {} }));
    await import('./spp-je-donne-mon-avis.js');
    const el = document.createElement('spp-je-donne-mon-avis');
    el.setAttribute('demarche', '3842');
    el.setAttribute('mode', 'lien');
    document.body.append(el);
    try {
      await new Promise((resolve) => setTimeout(resolve, 800));
      const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
      expect(loaded.some((name) => name.includes('/elements/je-donne-mon-avis/spp-je-donne-mon-avis.ts'))).to.equal(
        true,
      );
      expect(loaded.filter((name) => name.includes('/core/api/outbox'))).to.deep.equal([]);
      expect(loaded.filter((name) => name.includes('spp-avis-questionnaire'))).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });
});
