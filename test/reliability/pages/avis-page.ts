// The page held in an iframe by the reliability tests: one avis button against the test
// platform. Its outbox is created here first, with timeouts short enough for a test run
// (the injected « slow » answers come later than this timeout); a reload of the iframe is a
// real page reload, and the new page's outbox resumes from localStorage.
import { outbox } from '../../../src/core/api/outbox.js';
import { SppAvisQuestionnaire } from '../../../src/elements/je-donne-mon-avis/spp-avis-questionnaire.js';
import type { SppJeDonneMonAvis } from '../../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import '../../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';

const params = new URLSearchParams(location.search);
const number = (name: string, fallback: number) => Number(params.get(name) ?? fallback);

const box = outbox({
  timeoutMs: number('timeout', 1000),
  baseDelayMs: number('delai', 100),
  maxDelayMs: number('delaiMax', 1500),
});
// Free text typed faster than a person can is dropped as a bot's: the test types fast.
SppAvisQuestionnaire.delaiTexteMs = 0;

export interface AvisPage {
  /** Puts a new button on the page (in place of the previous one). */
  monter(mode: 'modal' | 'inline', bouton: string): SppJeDonneMonAvis;
  /** Requests still waiting in the outbox. */
  enAttente(): number;
}

const page: AvisPage = {
  monter(mode, bouton) {
    const el = document.createElement('spp-je-donne-mon-avis');
    el.setAttribute('demarche', params.get('demarche') ?? 'test');
    el.setAttribute('api-base', `${location.origin}/api`);
    el.setAttribute('mode', mode);
    el.setAttribute('bouton', bouton);
    (document.getElementById('emplacement') ?? document.body).replaceChildren(el);
    return el;
  },
  enAttente: () => box.pending(),
};
(window as unknown as { avisPage: AvisPage }).avisPage = page;
