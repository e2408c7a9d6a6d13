import { expect } from '@open-wc/testing';
import { startAutoloader } from './autoloader.js';
import { waitFor } from '../test-support/page.js';

const MANIFEST = { 'spp-alpha': ['elements/alpha.js'], 'spp-beta': ['elements/beta.js'] };
const BASE = 'https://cdn.example.test/spp/1.0.0/spp-widgets.js';

/** The console errors and what reaches the page (errors, unhandled rejections) until `restore()`. */
function captureErrors() {
  const errors: unknown[][] = [];
  const pageErrors: unknown[] = [];
  const error = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  const onError = (e: Event) => pageErrors.push(e);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onError);
  const restore = () => {
    console.error = error;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  };
  return { errors, pageErrors, restore };
}

describe('autoloader', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());

  it('loads only the elements present, each once, relative to the loader’s URL', async () => {
    container.innerHTML = '<spp-alpha></spp-alpha><spp-alpha></spp-alpha><p>texte</p>';
    const imported: string[] = [];
    const loader = startAutoloader({ manifest: MANIFEST, base: BASE, importModule: async (url) => imported.push(url) });
    try {
      expect(imported).to.deep.equal(['https://cdn.example.test/spp/1.0.0/elements/alpha.js']);
      expect([...loader.requested]).to.deep.equal(['spp-alpha']);
    } finally {
      loader.stop();
    }
  });

  it('loads elements added later, also deep inside added subtrees (SPA)', async () => {
    const imported: string[] = [];
    const loader = startAutoloader({ manifest: MANIFEST, base: BASE, importModule: async (url) => imported.push(url) });
    try {
      expect(imported).to.deep.equal([]);
      const section = document.createElement('section');
      section.innerHTML = '<div><spp-beta></spp-beta></div>';
      container.append(section);
      await waitFor(() => imported.length === 1);
      expect(imported[0]).to.equal('https://cdn.example.test/spp/1.0.0/elements/beta.js');
      container.append(document.createElement('spp-beta'));
      await new Promise((r) => setTimeout(r, 20));
      expect(imported).to.have.length(1);
    } finally {
      loader.stop();
    }
  });

  it('requests an element’s module and its imports at once, and reports only the element', async () => {
    container.innerHTML = '<spp-alpha></spp-alpha>';
    const imported: string[] = [];
    const { errors, pageErrors, restore } = captureErrors();
    try {
      const loader = startAutoloader({
        manifest: { 'spp-alpha': ['elements/alpha.js', 'chunks/base.js', 'chunks/define.js'] },
        base: BASE,
        // The shared chunk is unreachable: the element's own import fails with it.
        importModule: (url) => {
          imported.push(url);
          return url.endsWith('/base.js') || url.endsWith('/alpha.js')
            ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
            : Promise.resolve();
        },
      });
      // All three in the same task, before any of them has answered.
      expect(imported.map((url) => url.replace(/.*\/1\.0\.0\//, ''))).to.have.members([
        'elements/alpha.js',
        'chunks/base.js',
        'chunks/define.js',
      ]);
      await waitFor(() => errors.length === 1);
      loader.stop();
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      restore();
    }
    expect(errors).to.have.length(1);
    expect(String(errors[0][0])).to.contain('<spp-alpha>');
    expect(pageErrors).to.deep.equal([]);
  });

  it('reports a module that fails to load without throwing into the page', async () => {
    container.innerHTML = '<spp-alpha></spp-alpha>';
    const { errors, pageErrors, restore } = captureErrors();
    try {
      const loader = startAutoloader({
        manifest: MANIFEST,
        base: BASE,
        importModule: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
      });
      await waitFor(() => errors.length === 1);
      loader.stop();
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      restore();
    }
    expect(String(errors[0][0])).to.contain('<spp-alpha>');
    expect(pageErrors).to.deep.equal([]);
  });
});
