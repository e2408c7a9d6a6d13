// XSS, mode `a` (affichage), run by xss-affichage-*.test.ts: every element against a hostile API whose every free-text and
// URL field carries one of the payloads (ids and enums stay valid, so everything is shown),
// and against hostile attributes. Over the N variants every payload reaches every field;
// each variant checks that none ran, that no shadow root holds a handler, a script, a frame
// or a non-http(s) link or image, and that every shown field is there as text.
import { expect } from '@open-wc/testing';
import {
  ATTRIBUTS,
  MONTRES,
  N,
  absents,
  altsFaux,
  attendre,
  lirePlan,
  monter,
  nettoyer,
  parcourir,
  runs,
  violations,
} from './harness.js';
import { PAYLOADS } from './payloads.mjs';

/** Mode `a`, variants `debut` to `fin - 1`; `controles`: also the checks of the harness itself. */
export function decrireAffichage(debut: number, fin: number, controles: boolean): void {
  describe(`XSS: hostile API text and URLs, hostile attributes (a${debut}–a${fin - 1})`, function () {
    this.timeout(60_000);
    const perVariant: { variante: string; champs: number; montres: number }[] = [];

    before(() => {
      localStorage.clear();
      runs.length = 0;
    });

    if (controles) {
      it(`has at least 50 payloads, each calling the canary with its own number (${N})`, () => {
        expect(N).to.be.at.least(50);
        for (const p of PAYLOADS) {
          const base64 = /^data:text\/html;base64,(.*)$/.exec(p.texte)?.[1];
          expect(base64 ? atob(base64) : p.texte).to.include(`__xssCanary(${p.index})`);
        }
        expect(new Set(PAYLOADS.map((p) => p.texte)).size).to.equal(N);
      });

      it('the canary works: a payload parsed as HTML does call it', async () => {
        const sandbox = document.createElement('div');
        sandbox.innerHTML = PAYLOADS.find((p) => p.texte.startsWith('<img src=x onerror'))?.texte ?? '';
        document.body.append(sandbox);
        await attendre(() => runs.length > 0, 3000);
        sandbox.remove();
        expect(runs.length).to.be.greaterThan(0);
        runs.length = 0;
      });

      it('the checks find what they look for', async () => {
        const m = monter();
        const host = document.createElement('div');
        m.container.append(host);
        // Harmless stand-ins for what an injection would leave behind.
        host.attachShadow({ mode: 'open' }).innerHTML =
          '<a href="javascript:void 0">a</a><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onclick="">' +
          '<svg><use href="data:image/svg+xml,x"></use></svg><p style="background:url(javascript:void 0)">p</p>' +
          '<form action="vbscript:x"></form><iframe></iframe>';
        const found = violations(m.container);
        nettoyer(m);
        expect(found.length, found.join('\n')).to.be.at.least(6);
        const plan = await lirePlan('a0');
        expect(absents(plan, m, 0).length).to.be.greaterThan(100);
      });

      it('across the variants, every payload reaches every string field of every endpoint', async () => {
        const { n, modes } = (await (await fetch('/xss/couverture')).json()) as {
          n: number;
          modes: Record<'a' | 't', Record<string, { nature: string; payloads: number }>>;
        };
        expect(n).to.equal(N);
        const incomplets = Object.values(modes)
          .flatMap((champs) => Object.entries(champs))
          .filter(([, c]) => c.payloads !== N)
          .map(([champ]) => champ);
        expect(incomplets).to.deep.equal([]);
        const ops = new Set(Object.keys(modes.t).map((c) => c.slice(0, c.lastIndexOf(':'))));
        // Every GET operation of the contract that has strings, the avis answers and both open-data datasets.
        for (const op of [
          'listerStructures',
          'lireStructure',
          'lireResultats',
          'listerEngagements',
          'listerEvenements',
          'listerErreurs',
          'lireFormulaire',
          'lireStatistiques',
          'listerAvisDemarche',
          'creerAvis',
          'completerAvis',
          'ods:export-resultats',
          'ods:export-indicateurs',
        ]) {
          expect([...ops], op).to.include(op);
        }
        const a = Object.keys(modes.a).length;
        const t = Object.keys(modes.t).length;
        const montres = Object.keys(modes.a).filter((c) => MONTRES.some(([motif]) => motif.test(c))).length;
        console.log(
          `[xss] ${N} payloads, ${ops.size} endpoints. Mode a: ${a} text/URL fields × ${N} = ${a * N} pairs ` +
            `(${montres} fields shown by an element, checked as text). Mode t: ${t} string fields × ${N} = ${t * N} pairs. ` +
            `Attributes: ${ATTRIBUTS.length} × ${N} = ${ATTRIBUTS.length * N}.`,
        );
      });
    }

    for (let v = debut; v < fin; v++) {
      it(`variant a${v}: shows every payload as text, runs none, links none`, async () => {
        const debut = performance.now();
        const plan = await lirePlan(`a${v}`);
        const m = await parcourir(`a${v}`, v, true);
        console.log(`a${v} ${Math.round(performance.now() - debut)} ms`, m.timings.join(' '));
        try {
          const compte = { verifies: 0 };
          const missing = absents(plan, m, v, compte);
          const alts = altsFaux(m, v, plan);
          perVariant.push({ variante: `a${v}`, champs: plan.entrees.length, montres: compte.verifies });
          expect(runs, 'canary').to.deep.equal([]);
          expect(m.problems, 'unsafe DOM or states not reached').to.deep.equal([]);
          expect(missing, 'payloads not shown as text').to.deep.equal([]);
          expect(alts, 'alternative texts').to.deep.equal([]);
        } finally {
          nettoyer(m);
        }
      });
    }

    after(() => {
      if (perVariant.length) {
        const montres = perVariant.reduce((n, x) => n + x.montres, 0);
        console.log(`[xss] mode a: ${perVariant.length} variants, ${montres} shown strings checked as text`);
      }
    });
  });
}
