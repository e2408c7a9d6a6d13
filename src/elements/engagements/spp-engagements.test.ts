import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SppEngagements } from './spp-engagements.js';
import './spp-engagements.js';
import { piliersSeed } from './fixtures/seed.js';
import { API_BASE, setFaults } from '../../test-support/platform.js';
import { waitFor } from '../../test-support/page.js';
import { all, collectErrors, loaded, read, shadow, text } from './fixtures/helpers.js';

/** Records the requests the element makes to the platform. */
function spyRequests() {
  const urls: string[] = [];
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return original(input, init);
  };
  return { urls, restore: () => (window.fetch = original) };
}

let host = 1;
/**
 * The platform under another loopback address each time: the page's API client keeps
 * responses in memory per base URL (clearing localStorage is not enough), and these
 * tests need a request that really reaches the (faulty) platform.
 */
function freshApiBase() {
  host += 1;
  return `http://127.0.0.${host}:${location.port}/api`;
}

function clearApiCache() {
  for (const key of Object.keys(localStorage))
    if (key.startsWith('spp-widgets:cache:v1:')) localStorage.removeItem(key);
}

describe('<spp-engagements>', () => {
  beforeEach(() => clearApiCache());
  afterEach(() => setFaults());

  describe('content', () => {
    it('shows the 9 engagements in their 3 pillars, worded and emphasised exactly as in the seed document', async () => {
      const spy = spyRequests();
      try {
        const el = await fixture<SppEngagements>(html`<spp-engagements></spp-engagements>`);
        const errors = collectErrors(el);
        await loaded(el);
        expect(read(el)).to.deep.equal(piliersSeed());
        expect(text(shadow(el).querySelector('.spp-titre'))).to.equal('Nos engagements Services Publics +');
        // Without a platform: the bundled official list, no request, no error.
        expect(spy.urls.filter((u) => u.includes('/v1/'))).to.deep.equal([]);
        expect(errors).to.deep.equal([]);
      } finally {
        spy.restore();
      }
    });

    it('reads the list from the platform when one is configured', async () => {
      const spy = spyRequests();
      try {
        const el = await fixture<SppEngagements>(html`<spp-engagements api-base=${API_BASE}></spp-engagements>`);
        const errors = collectErrors(el);
        await loaded(el);
        expect(spy.urls).to.include(`${API_BASE}/v1/engagements`);
        expect(read(el)).to.deep.equal(piliersSeed());
        expect(errors).to.deep.equal([]);
      } finally {
        spy.restore();
      }
    });

    it('shows what the platform says, as text, and links an engagement only to an http(s) page', async () => {
      const official = await (await fetch(`${API_BASE}/v1/engagements`)).json();
      official.engagements[0].titre = 'Un titre <img src=x onerror="window.piege=1"> venu de la plateforme';
      official.engagements[0].motsCles = ['venu'];
      official.engagements[0].url = 'https://www.plus.transformation.gouv.fr/engagement/1';
      official.engagements[1].url = 'javascript:alert(1)';
      const original = window.fetch;
      window.fetch = async (input: RequestInfo | URL, init?: RequestInit) =>
        String(input).endsWith('/v1/engagements')
          ? new Response(JSON.stringify(official), { headers: { 'content-type': 'application/json' } })
          : original(input, init);
      try {
        const el = await fixture<SppEngagements>(html`<spp-engagements api-base=${freshApiBase()}></spp-engagements>`);
        await loaded(el);
        await waitFor(() => read(el)[0].engagements[0].titre.startsWith('Un titre'));
        const first = read(el)[0].engagements[0];
        expect(first.titre).to.equal('Un titre <img src=x onerror="window.piege=1"> venu de la plateforme');
        expect(first.gras).to.deep.equal(['venu']);
        expect(shadow(el).querySelector('.spp-engagement img')).to.equal(null);
        const links = all<HTMLAnchorElement>(el, '.spp-engagement a');
        expect(links.map((a) => a.href)).to.deep.equal(['https://www.plus.transformation.gouv.fr/engagement/1']);
        await expect(el).to.be.accessible();
      } finally {
        window.fetch = original;
      }
    });

    it('reserves the place of the pictograms, which are decorative', async () => {
      const el = await loaded(await fixture<SppEngagements>(html`<spp-engagements></spp-engagements>`));
      const pictos = all<SVGSVGElement>(el, '.spp-pictogramme');
      expect(pictos).to.have.length(9);
      for (const svg of pictos) {
        expect(svg.getAttribute('aria-hidden')).to.equal('true');
        expect(svg.getBoundingClientRect().width).to.be.greaterThan(30);
        expect(svg.querySelector('.fr-artwork-major')).to.exist;
      }
      // Nine different drawings.
      expect(new Set(pictos.map((svg) => svg.innerHTML)).size).to.equal(9);
    });
  });

  describe('headings', () => {
    const levels = (el: SppEngagements) => all(el, 'h1, h2, h3, h4, h5, h6').map((h) => h.localName);

    it('puts the title at h2 and the pillars at h3 by default', async () => {
      const el = await loaded(await fixture<SppEngagements>(html`<spp-engagements></spp-engagements>`));
      expect(levels(el)).to.deep.equal(['h2', 'h3', 'h3', 'h3']);
    });

    it('follows niveau-titre, and sans-titre gives the pillars that level', async () => {
      const el = await loaded(
        await fixture<SppEngagements>(html`<spp-engagements niveau-titre="4"></spp-engagements>`),
      );
      expect(levels(el)).to.deep.equal(['h4', 'h5', 'h5', 'h5']);
      el.sansTitre = true;
      await el.updateComplete;
      expect(levels(el)).to.deep.equal(['h4', 'h4', 'h4']);
      expect(shadow(el).querySelector('.spp-titre')).to.equal(null);
    });

    it('ignores levels outside 2–6', async () => {
      const el = await loaded(
        await fixture<SppEngagements>(html`<spp-engagements niveau-titre="1"></spp-engagements>`),
      );
      expect(levels(el)[0]).to.equal('h2');
      el.setAttribute('niveau-titre', '9');
      await el.updateComplete;
      expect(levels(el)[0]).to.equal('h2');
      el.setAttribute('niveau-titre', '6');
      await el.updateComplete;
      expect(levels(el)).to.deep.equal(['h6', 'h6', 'h6', 'h6']);
    });

    it('in accordeon: title, pillars, engagements, then their sections', async () => {
      const el = await loaded(
        await fixture<SppEngagements>(
          html`<spp-engagements disposition="accordeon" niveau-titre="3"></spp-engagements>`,
        ),
      );
      const pilier = shadow(el).querySelector('.spp-pilier')!;
      expect(shadow(el).querySelector('.spp-titre')!.localName).to.equal('h3');
      expect(pilier.querySelector('.spp-pilier__titre')!.localName).to.equal('h4');
      expect(pilier.querySelector('.fr-accordion__title')!.localName).to.equal('h5');
      expect(pilier.querySelector('.fr-accordion__title button')).to.exist;
      expect(pilier.querySelector('.spp-detail__titre')!.localName).to.equal('h6');
    });
  });

  describe('engagements="…"', () => {
    it('highlights the chosen engagements in grille, with words and not only colour', async () => {
      const el = await loaded(
        await fixture<SppEngagements>(html`<spp-engagements engagements="1, 7"></spp-engagements>`),
      );
      expect(all(el, '.spp-engagement')).to.have.length(9);
      const highlighted = all(el, '[part~="mis-en-avant"]');
      expect(highlighted.map((e) => text(e.querySelector('.spp-numero')))).to.deep.equal([
        'Engagement 1',
        'Engagement 7',
      ]);
      for (const e of highlighted) expect(text(e.querySelector('.spp-en-avant'))).to.equal('Mis en avant');
      const background = (e: Element) => getComputedStyle(e).backgroundColor;
      expect(background(highlighted[0])).not.to.equal(background(all(el, '.spp-engagement')[1]));
      await expect(el).to.be.accessible();
    });

    it('shows only the chosen engagements in liste and accordeon', async () => {
      for (const disposition of ['liste', 'accordeon']) {
        const el = await loaded(
          await fixture<SppEngagements>(
            html`<spp-engagements disposition=${disposition} engagements="7,1,42"></spp-engagements>`,
          ),
        );
        const shown = read(el);
        expect(
          shown.map((p) => p.titre),
          disposition,
        ).to.deep.equal(['Des services publics + proches', 'Des services publics + simples']);
        expect(shown.flatMap((p) => p.engagements.map((e) => e.numero))).to.deep.equal([1, 7]);
        expect(all(el, '.spp-en-avant')).to.have.length(0);
      }
    });

    it('shows everything when the list is empty or unusable', async () => {
      const el = await loaded(
        await fixture<SppEngagements>(
          html`<spp-engagements disposition="liste" engagements="aucun"></spp-engagements>`,
        ),
      );
      expect(all(el, '.spp-engagement')).to.have.length(9);
    });
  });

  describe('accordeon', () => {
    const buttons = (el: SppEngagements) => all<HTMLButtonElement>(el, '.fr-accordion__btn');
    const region = (el: SppEngagements, button: HTMLButtonElement) =>
      shadow(el).getElementById(button.getAttribute('aria-controls')!)!;
    const visible = (node: HTMLElement) => node.checkVisibility({ visibilityProperty: true }) && node.offsetHeight > 0;

    it('opens and closes with Enter and Space, and the focus stays on the button', async () => {
      const before = document.createElement('button');
      before.textContent = 'avant';
      const el = await loaded(
        await fixture<SppEngagements>(html`<spp-engagements disposition="accordeon"></spp-engagements>`),
      );
      el.before(before);
      try {
        const [first, second] = buttons(el);
        expect(first.getAttribute('aria-expanded')).to.equal('false');
        expect(visible(region(el, first))).to.equal(false);

        before.focus();
        await sendKeys({ press: 'Tab' });
        expect(shadow(el).activeElement).to.equal(first);
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(first.getAttribute('aria-expanded')).to.equal('true');
        expect(visible(region(el, first))).to.equal(true);
        expect(shadow(el).activeElement).to.equal(first);
        await expect(el).to.be.accessible();

        await sendKeys({ press: 'Space' });
        await el.updateComplete;
        expect(first.getAttribute('aria-expanded')).to.equal('false');
        await waitFor(() => !visible(region(el, first))); // after DSFR's 0.3 s transition
        expect(shadow(el).activeElement).to.equal(first);

        await sendKeys({ press: 'Tab' });
        expect(shadow(el).activeElement).to.equal(second);
        await sendKeys({ press: 'Space' });
        await el.updateComplete;
        expect(second.getAttribute('aria-expanded')).to.equal('true');
        expect(first.getAttribute('aria-expanded')).to.equal('false');
      } finally {
        before.remove();
      }
    });

    it('lets find-in-page reach the closed panels, and opens the one it finds', async () => {
      const el = await loaded(
        await fixture<SppEngagements>(html`<spp-engagements disposition="accordeon"></spp-engagements>`),
      );
      const third = buttons(el)[2];
      const panel = region(el, third);
      expect(panel.getAttribute('hidden')).to.equal('until-found');
      expect(panel.textContent).to.contain('France Services');
      // What the browser does when its search matches text in the closed panel.
      panel.removeAttribute('hidden');
      panel.dispatchEvent(new Event('beforematch'));
      await el.updateComplete;
      expect(third.getAttribute('aria-expanded')).to.equal('true');
      expect(panel.hasAttribute('hidden')).to.equal(false);
    });

    it('shows the detailed commitments as nested lists, with their notes', async () => {
      const el = await loaded(
        await fixture<SppEngagements>(html`<spp-engagements disposition="accordeon"></spp-engagements>`),
      );
      const first = buttons(el)[0];
      first.click();
      await el.updateComplete;
      const details = region(el, first);
      const titles = [...details.querySelectorAll('.spp-detail__titre')].map((h) => text(h));
      expect(titles).to.deep.equal(['Accueil', "Droit à l'erreur", 'Conduite du changement']);
      // « Les locaux accueillant du public : » and its four sub-points (seed 001).
      const nested = [...details.querySelectorAll('.spp-points .spp-points')];
      expect(nested).to.have.length(1);
      expect(nested[0].parentElement!.textContent).to.contain('Les locaux accueillant du public :');
      expect([...nested[0].children].map((li) => text(li))).to.deep.equal([
        'sont bien éclairés, propres et rangés',
        'permettent aux usagers de s’asseoir en cas d’attente',
        'répondent aux besoins de confidentialité des usagers (par exemple : démarcation au sol à une distance suffisante, dispositifs d’isolation sonore, etc.)',
        'répondent à des conditions garantissant le confort des usagers (accès aux toilettes, etc.)',
      ]);
      const notes = [...details.querySelectorAll('.spp-notes li')].map((li) => text(li));
      expect(notes[0]).to.equal(
        'Sauf exceptions prévues par la loi pour un Etat au service d’une société de confiance (ESSOC)',
      );
    });
  });

  describe('languages', () => {
    it('in English: marked unofficial translations of the titles, details kept in French', async () => {
      const el = await fixture<SppEngagements>(
        html`<spp-engagements lang="en" disposition="accordeon" engagements="5"></spp-engagements>`,
      );
      await loaded(el);
      await waitFor(() => read(el)[0]?.engagements[0]?.titre.startsWith('You receive'));
      const [efficace] = read(el);
      expect(efficace.titre).to.equal('More efficient public services');
      expect(efficace.engagements[0]).to.deep.equal({
        numero: 5,
        titre:
          'You receive an answer to your requests within the announced time and you are kept informed of the progress of your case',
        gras: ['answer', 'informed'],
      });
      expect(text(shadow(el).querySelector('.spp-mention-traduction'))).to.match(/^Unofficial English translation/);
      expect(text(shadow(el).querySelector('.spp-titre'))).to.equal('Our Services Publics + commitments');
      // The English titles take the element's language; the French details say they are French.
      expect(shadow(el).querySelector('.spp-titre-engagement')!.hasAttribute('lang')).to.equal(false);
      expect(shadow(el).querySelector('.spp-detail')!.getAttribute('lang')).to.equal('fr');
      await expect(el).to.be.accessible();
    });

    it('switches back to the official French wording live', async () => {
      const el = await fixture<SppEngagements>(html`<spp-engagements lang="en"></spp-engagements>`);
      await loaded(el);
      await waitFor(() => read(el)[0]?.titre === 'Closer public services');
      el.lang = 'fr';
      await waitFor(() => read(el)[0]?.titre === 'Des services publics + proches');
      expect(read(el)).to.deep.equal(piliersSeed());
      expect(shadow(el).querySelector('.spp-mention-traduction')).to.equal(null);
    });
  });

  describe('accessibility', () => {
    for (const disposition of ['grille', 'liste', 'accordeon', 'affiche']) {
      for (const theme of ['light', 'dark']) {
        it(`is accessible in ${disposition}, ${theme}`, async () => {
          const el = await fixture<SppEngagements>(
            html`<spp-engagements disposition=${disposition} theme=${theme} engagements="2"></spp-engagements>`,
          );
          await loaded(el);
          await expect(el).to.be.accessible();
          if (disposition === 'accordeon') {
            all<HTMLButtonElement>(el, '.fr-accordion__btn')[0].click();
            await el.updateComplete;
            await expect(el).to.be.accessible();
          }
        });
      }
    }

    for (const disposition of ['grille', 'liste', 'accordeon', 'affiche']) {
      it(`reflows at 320 px without horizontal scrolling, in ${disposition}`, async () => {
        const wrapper = await fixture<HTMLDivElement>(
          html`<div style="width: 320px"><spp-engagements disposition=${disposition}></spp-engagements></div>`,
        );
        const el = await loaded(wrapper.querySelector('spp-engagements')!);
        await el.updateComplete;
        expect(el.scrollWidth).to.be.at.most(320);
        const piliers = all(el, '.spp-pilier');
        expect(piliers[1].getBoundingClientRect().top).to.be.greaterThan(piliers[0].getBoundingClientRect().bottom - 1);
        // Text keeps a readable size: the poster is not shrunk to fit.
        expect(parseFloat(getComputedStyle(all(el, '.spp-engagement__texte')[0]).fontSize)).to.be.at.least(14);
      });
    }
  });

  it('renders an unknown disposition as grille', async () => {
    const el = await loaded(
      await fixture<SppEngagements>(html`<spp-engagements disposition=${'inconnue'}></spp-engagements>`),
    );
    expect(shadow(el).querySelector('.spp-grille')).to.exist;
  });
});
