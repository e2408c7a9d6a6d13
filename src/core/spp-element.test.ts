import { expect, fixture, fixtureCleanup, html as fixtureHtml } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { SppElement } from './spp-element.js';
import { observerState } from './document-observer.js';
import { dsfrCore, dsfrLogo } from './styles/dsfr.js';
import { SppBlocMarque } from '../elements/bloc-marque/spp-bloc-marque.js';
import { setHtmlAttribute, settle, waitFor } from '../test-support/page.js';

/** A minimal element to exercise the base class. */
class SppTestProbe extends SppElement {
  @property({ type: Boolean }) broken = false;
  override render() {
    if (this.broken) throw new Error('render exploded');
    return html`<p class="spp-root">${msg('Ce contenu ne peut pas être affiché pour le moment.')}</p>`;
  }
}
SppTestProbe.define('spp-test-probe');

const text = (el: Element) => el.shadowRoot!.textContent!.trim();
const EN_FALLBACK = 'This content cannot be displayed at the moment.';
const FR_FALLBACK = 'Ce contenu ne peut pas être affiché pour le moment.';

describe('SppElement', () => {
  afterEach(() => fixtureCleanup());

  describe('shared styles', () => {
    it('10 instances adopt the same CSSStyleSheet object for each chunk', async () => {
      const parent = await fixture(
        fixtureHtml`<div>${Array.from({ length: 10 }, () => fixtureHtml`<spp-bloc-marque></spp-bloc-marque>`)}</div>`,
      );
      const sheets = [...parent.querySelectorAll('spp-bloc-marque')].map((el) => el.shadowRoot!.adoptedStyleSheets);
      expect(sheets).to.have.length(10);
      const [first] = sheets;
      expect(first).to.include(dsfrCore.styleSheet!);
      expect(first).to.include(dsfrLogo.styleSheet!);
      for (const adopted of sheets) {
        expect(adopted).to.have.length(first.length);
        adopted.forEach((sheet, i) => expect(sheet).to.equal(first[i]));
      }
    });

    it('ships no url() at all: nothing can resolve against the host page', () => {
      for (const chunk of [dsfrCore, dsfrLogo]) expect(chunk.cssText).not.to.match(/url\(/i);
    });
  });

  describe('fonts', () => {
    it('declares Marianne regular and bold once in the document for 10 instances, with font-display swap', async () => {
      await fixture(
        fixtureHtml`<div>${Array.from({ length: 10 }, () => fixtureHtml`<spp-test-probe></spp-test-probe>`)}</div>`,
      );
      const faces = [...document.fonts].filter((f) => f.family === 'Marianne');
      expect(faces.map((f) => f.weight).sort()).to.deep.equal(['400', '700']);
      faces.forEach((f) => expect(f.display).to.equal('swap'));
    });
  });

  describe('define()', () => {
    it('is silent when the same version defines a tag again, and never throws', () => {
      const warn = console.warn;
      const warnings: unknown[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        SppTestProbe.define('spp-test-probe');
        class SameVersionCopy extends SppTestProbe {}
        SameVersionCopy.define('spp-test-probe');
      } finally {
        console.warn = warn;
      }
      expect(warnings).to.deep.equal([]);
    });

    it('warns once per page when another version is already defined', () => {
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (message: string) => warnings.push(message);
      try {
        class OtherVersion extends SppTestProbe {
          static override readonly version = '0.0.0-other';
        }
        OtherVersion.define('spp-test-probe');
        OtherVersion.define('spp-bloc-marque');
      } finally {
        console.warn = warn;
      }
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('0.0.0-other');
      expect(customElements.get('spp-test-probe')).to.equal(SppTestProbe);
    });

    it('loading the element module a second time throws nothing and keeps the first definition', async () => {
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.error);
      window.addEventListener('error', onError);
      try {
        const copy = (await import(
          /* @vite-ignore */ `../elements/bloc-marque/spp-bloc-marque.ts?copy=${Date.now()}`
        )) as {
          SppBlocMarque: typeof SppBlocMarque;
        };
        expect(copy.SppBlocMarque).not.to.equal(SppBlocMarque);
        expect(customElements.get('spp-bloc-marque')).to.equal(SppBlocMarque);
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(errors).to.deep.equal([]);
    });
  });

  describe('theme', () => {
    it('follows <html data-fr-theme> live, unless the theme attribute forces one', async () => {
      const followed = await fixture<SppTestProbe>(fixtureHtml`<spp-test-probe></spp-test-probe>`);
      const forced = await fixture<SppTestProbe>(fixtureHtml`<spp-test-probe theme="light"></spp-test-probe>`);
      expect(followed.getAttribute('data-fr-theme')).to.equal('light');
      const restore = setHtmlAttribute('data-fr-theme', 'dark');
      try {
        await settle();
        expect(followed.getAttribute('data-fr-theme')).to.equal('dark');
        expect(forced.getAttribute('data-fr-theme')).to.equal('light');
        const background = getComputedStyle(followed).backgroundColor;
        expect(background).to.equal('rgb(22, 22, 22)');
      } finally {
        restore();
      }
      await settle();
      expect(followed.getAttribute('data-fr-theme')).to.equal('light');
      expect(getComputedStyle(followed).backgroundColor).to.equal('rgb(255, 255, 255)');
    });

    it('switches when the theme attribute changes', async () => {
      const el = await fixture<SppTestProbe>(fixtureHtml`<spp-test-probe></spp-test-probe>`);
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      expect(el.getAttribute('data-fr-theme')).to.equal('dark');
      el.removeAttribute('theme');
      await el.updateComplete;
      expect(el.getAttribute('data-fr-theme')).to.equal('light');
    });

    it('theme="system" follows prefers-color-scheme live', async () => {
      const el = await fixture<SppTestProbe>(fixtureHtml`<spp-test-probe theme="system"></spp-test-probe>`);
      try {
        await emulateMedia({ colorScheme: 'dark' });
        await waitFor(() => el.getAttribute('data-fr-theme') === 'dark');
        await emulateMedia({ colorScheme: 'light' });
        await waitFor(() => el.getAttribute('data-fr-theme') === 'light');
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });
  });

  describe('language', () => {
    it('renders in the language of <html lang>, live', async () => {
      const el = await fixture<SppTestProbe>(fixtureHtml`<spp-test-probe></spp-test-probe>`);
      expect(text(el)).to.equal(FR_FALLBACK);
      const restore = setHtmlAttribute('lang', 'en-GB');
      try {
        await settle();
        await el.updateComplete;
        await waitFor(() => text(el) === EN_FALLBACK);
      } finally {
        restore();
      }
      await waitFor(() => text(el) === FR_FALLBACK);
    });

    it('prefers its own lang, then the closest [lang] ancestor, and mixes languages on one page', async () => {
      const parent = await fixture(fixtureHtml`<div lang="en">
        <spp-test-probe id="inherits"></spp-test-probe>
        <spp-test-probe id="own" lang="fr"></spp-test-probe>
      </div>`);
      const inherits = parent.querySelector('#inherits')!;
      const own = parent.querySelector('#own') as SppTestProbe;
      await waitFor(() => text(inherits) === EN_FALLBACK);
      expect(text(own)).to.equal(FR_FALLBACK);
      own.setAttribute('lang', 'en');
      await waitFor(() => text(own) === EN_FALLBACK);
      parent.setAttribute('lang', 'fr');
      await waitFor(() => text(inherits) === FR_FALLBACK);
    });

    it('falls back to French for languages it does not ship', async () => {
      const el = await fixture<SppTestProbe>(fixtureHtml`<spp-test-probe lang="de"></spp-test-probe>`);
      await settle();
      expect(text(el)).to.equal(FR_FALLBACK);
    });
  });

  describe('error boundary', () => {
    it('shows a fallback and reports spp-error when rendering fails, and nothing reaches window.onerror', async () => {
      const pageErrors: unknown[] = [];
      const previous = window.onerror;
      window.onerror = (...args) => void pageErrors.push(args);
      const warn = console.warn;
      console.warn = () => {};
      try {
        const el = await fixture<SppTestProbe>(fixtureHtml`<spp-test-probe></spp-test-probe>`);
        const reported: CustomEvent[] = [];
        el.addEventListener('spp-error', (e) => reported.push(e));
        el.broken = true;
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('.spp-failure')).to.exist;
        expect(reported).to.have.length(1);
        expect(reported[0].detail.phase).to.equal('render');
        expect(reported[0].detail.message).to.equal('render exploded');
        expect(reported[0].bubbles && reported[0].composed).to.equal(true);
        await expect(el).to.be.accessible();
        el.broken = false;
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('.spp-failure')).to.equal(null);
        expect(text(el)).to.equal(FR_FALLBACK);
      } finally {
        window.onerror = previous;
        console.warn = warn;
      }
      expect(pageErrors).to.deep.equal([]);
    });
  });

  describe('marque', () => {
    it('marque="neutre" uses system fonts instead of Marianne', async () => {
      const el = await fixture<SppTestProbe>(fixtureHtml`<spp-test-probe marque="neutre"></spp-test-probe>`);
      const p = el.shadowRoot!.querySelector('p')!;
      expect(getComputedStyle(p).fontFamily).not.to.contain('Marianne');
      el.marque = 'etat';
      await el.updateComplete;
      expect(getComputedStyle(p).fontFamily).to.match(/^Marianne/);
    });
  });

  it('leaves no observer behind when every element is removed', async () => {
    const parent = await fixture(
      fixtureHtml`<div><spp-test-probe></spp-test-probe><spp-test-probe></spp-test-probe></div>`,
    );
    expect(observerState().observing).to.equal(true);
    parent.remove();
    fixtureCleanup();
    expect(observerState()).to.deep.equal({ listeners: 0, observing: false });
  });
});
