// XSS, mode `t` (tout), run by xss-tout-*.test.ts: every string of every response hostile, ids, codes, enums and dates
// included, so the elements meet data they cannot make sense of. Over the N variants every
// payload reaches every string field; each variant checks that none ran and that no shadow
// root holds a handler, a script, a frame or a non-http(s) link or image.
import { expect } from '@open-wc/testing';
import { nettoyer, parcourir, runs } from './harness.js';

/** Mode `t`, variants `debut` to `fin - 1`. */
export function decrireTout(debut: number, fin: number): void {
  describe(`XSS: every string hostile, ids and enums included (t${debut}–t${fin - 1})`, function () {
    this.timeout(60_000);
    before(() => {
      localStorage.clear();
      runs.length = 0;
    });

    for (let v = debut; v < fin; v++) {
      it(`variant t${v}: runs none, links none`, async () => {
        const m = await parcourir(`t${v}`, v, false);
        try {
          expect(runs, 'canary').to.deep.equal([]);
          // The states themselves may not be reached with such data; what is shown must be safe.
          expect(m.problems.filter((p) => !/never showed|stuck|never reached/.test(p))).to.deep.equal([]);
        } finally {
          nettoyer(m);
        }
      });
    }
  });
}
