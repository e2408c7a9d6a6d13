// The policy of test/hosts/csp.mjs is the least a host needs: the elements work under it
// (test/hostile/hosts.test.ts, page "csp-strictest"), and each of its sources is needed —
// served with one directive emptied, the page reports a violation of that directive.
import { expect } from '@open-wc/testing';
import { hostCsp, STRICTEST_TEST_CSP } from '../hosts/csp.mjs';
import { attendre, openHost, renderState, waitForWidgets, type Host } from './harness.js';

const directives = (policy: string) => policy.split(';').map((d) => d.trim().split(' ')[0]);
const violated = (host: Host) => host.monitor.violations.map((v) => v.split(' ')[0]);

describe('the Content-Security-Policy a host needs', function () {
  this.timeout(60_000);

  it('is written from where the code, the API, the open data and the images come from', () => {
    expect(hostCsp({ cdn: 'https://cdn.example.fr', api: 'https://api.example.fr' })).to.equal(
      "default-src 'none'; script-src https://cdn.example.fr; connect-src https://api.example.fr; " +
        "font-src https://cdn.example.fr; require-trusted-types-for 'script'; trusted-types lit-html",
    );
    expect(
      hostCsp({
        cdn: 'https://cdn.example.fr',
        api: 'https://api.example.fr',
        opendata: true,
        images: ['https://logos.example.fr', 'https://logos.example.fr'],
      }),
    ).to.equal(
      "default-src 'none'; script-src https://cdn.example.fr; " +
        'connect-src https://api.example.fr https://opendata.plus.transformation.gouv.fr; ' +
        'font-src https://cdn.example.fr; img-src https://logos.example.fr; ' +
        "require-trusted-types-for 'script'; trusted-types lit-html",
    );
  });

  it('is what the strict page is served with, and that page really forbids inline styles and untrusted HTML', async () => {
    const response = await fetch('/hosts/page/csp-strictest.html');
    expect(response.headers.get('Content-Security-Policy')).to.equal(STRICTEST_TEST_CSP);
    const host = await openHost('csp-strictest');
    try {
      await waitForWidgets(host.doc);
      expect(host.monitor.violations).to.deep.equal([]);
      // What the monitor records when something breaks the policy (so "no violation" means something).
      const probe = host.doc.createElement('p');
      probe.setAttribute('style', 'color: red');
      expect(() => {
        probe.innerHTML = '<b>x</b>';
      }).to.throw(/TrustedHTML/);
      await attendre(() => host.monitor.violations.length >= 2, 2000);
      expect(violated(host).sort()).to.deep.equal(['require-trusted-types-for', 'style-src-attr']);
    } finally {
      host.close();
    }
  });

  for (const directive of directives(STRICTEST_TEST_CSP)) {
    if (directive === 'default-src' || directive === 'require-trusted-types-for') continue;
    it(`needs ${directive}: without it, something is blocked`, async () => {
      const host = await openHost('csp-strictest', { query: `without=${directive}` });
      try {
        if (directive === 'script-src') {
          // Nothing runs, the monitor included: no element is ever defined.
          await new Promise((resolve) => setTimeout(resolve, 1000));
          expect(host.win.customElements.get('spp-engagements')).to.equal(undefined);
          expect(renderState(host.doc)).to.deep.include({ 'spp-je-donne-mon-avis': false });
          return;
        }
        await attendre(() => violated(host).includes(directive), 15_000).catch(() => undefined);
        expect(violated(host)).to.include(directive);
      } finally {
        host.close();
      }
    });
  }
});
