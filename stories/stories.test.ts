// Every story, rendered as Storybook renders it (its args over the component's, its loaders,
// its render function, the decorators: story, component, then preview's), once its elements
// have settled: accessible (axe), silent in the console, nothing thrown into the page, and
// no request past the stories' own platform stubs. test/node/stories.test.mjs checks that
// every *.stories.ts file is imported here.
import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { Args, Decorator, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { attributeArgTypes, elementDoc } from './manifest-args.js';
import { decorators as previewDecorators } from './preview-shared.js';
import * as introduction from './introduction.stories.js';
import * as blocMarque from '../src/elements/bloc-marque/spp-bloc-marque.stories.js';
import * as engagements from '../src/elements/engagements/spp-engagements.stories.js';
import * as jeDonneMonAvis from '../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.stories.js';
import * as oupsErreurs from '../src/elements/oups-erreurs/spp-oups-erreurs.stories.js';
import * as resultats from '../src/elements/resultats/spp-resultats.stories.js';

type StoryModule = Record<string, unknown> & { default: Meta };

export const STORY_MODULES: Record<string, StoryModule> = {
  'stories/introduction.stories.ts': introduction,
  'src/elements/bloc-marque/spp-bloc-marque.stories.ts': blocMarque,
  'src/elements/engagements/spp-engagements.stories.ts': engagements,
  'src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.stories.ts': jeDonneMonAvis,
  'src/elements/oups-erreurs/spp-oups-erreurs.stories.ts': oupsErreurs,
  'src/elements/resultats/spp-resultats.stories.ts': resultats,
};

/**
 * What a story logs on purpose (a failure state it shows): each entry must be logged, and
 * nothing else may be. `parameters: { expectedConsole: [/…/] }` on the story.
 */
interface ConsoleParameters {
  expectedConsole?: RegExp[];
}

const logged: string[] = [];
const thrown: string[] = [];
const escaped: string[] = [];
let rendered = 0;

function spyConsole() {
  for (const level of ['error', 'warn'] as const) {
    const original = console[level].bind(console);
    console[level] = (...data: unknown[]) => {
      logged.push(`console.${level}: ${data.map(String).join(' ')}`);
      original(...data);
    };
  }
  window.addEventListener('error', (event) => thrown.push(`error: ${event.message}`));
  window.addEventListener('unhandledrejection', (event) => thrown.push(`unhandled rejection: ${String(event.reason)}`));
}

/**
 * Installed before any story loader: the stories' fetch stubs wrap it, so whatever reaches
 * it went past them — towards a network the stories must not need.
 */
function guardNetwork() {
  const network = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    escaped.push(input instanceof Request ? input.url : String(input));
    return network(input, init);
  };
}

/** Every element under `root`, through open shadow roots. */
function deepElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...deepElements(element.shadowRoot));
  }
  return found;
}

/** Still loading: an aria-busy region, a reserved box, an element not yet rendered. */
function busy(elements: Element[]): boolean {
  return elements.some(
    (e) =>
      e.getAttribute('aria-busy') === 'true' ||
      e.hasAttribute('data-attente') ||
      /\bspp-[\w-]*(attente|chargement)\b/.test(e.getAttribute('class') ?? '') ||
      (e.localName.startsWith('spp-') && !e.shadowRoot),
  );
}

/** Waits until nothing is loading and the rendered trees stay the same for 150 ms. */
async function settleStory(root: Element, name: string): Promise<void> {
  const start = performance.now();
  let previous = '';
  let stable = 0;
  for (;;) {
    const elements = deepElements(root);
    await Promise.all(elements.map((e) => (e as Partial<{ updateComplete: Promise<unknown> }>).updateComplete));
    const signature = elements
      .map(
        (e) =>
          `${e.localName}[${[...e.attributes].map((a) => `${a.name}=${a.value}`).join(',')}]${e.childNodes.length}`,
      )
      .join('|');
    stable = !busy(elements) && signature === previous ? stable + 1 : 0;
    if (stable >= 3) return;
    if (performance.now() - start > 8000) throw new Error(`${name}: the story did not settle in 8 s`);
    previous = signature;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Renders a story the way Storybook's web-components renderer does, into `canvas`, then plays it. */
async function renderStory(meta: Meta, story: StoryObj, exportName: string, canvas: HTMLElement) {
  const args: Args = { ...meta.args, ...story.args };
  const context = {
    id: `${meta.title}--${exportName}`,
    name: story.name ?? exportName,
    title: meta.title,
    args,
    argTypes: { ...meta.argTypes, ...story.argTypes },
    parameters: { ...meta.parameters, ...story.parameters },
    globals: {},
    viewMode: 'story',
    loaded: {},
    canvasElement: canvas,
  } as unknown as StoryContext;
  for (const loader of [...[meta.loaders ?? []].flat(), ...[story.loaders ?? []].flat()]) {
    Object.assign(context.loaded, await loader(context));
  }
  const renderer = story.render ?? meta.render;
  if (!renderer) throw new Error(`${context.id}: no render function`);
  let storyFn = () => renderer(context.args, context);
  const decorators: Decorator[] = [
    ...[story.decorators ?? []].flat(),
    ...[meta.decorators ?? []].flat(),
    ...previewDecorators,
  ];
  for (const decorator of decorators) {
    const inner = storyFn;
    storyFn = () => decorator(inner as never, context);
  }
  const result = storyFn() as unknown;
  if (result instanceof Node) canvas.replaceChildren(result);
  else if (typeof result === 'string') canvas.innerHTML = result;
  else render(result as TemplateResult, canvas);
  // Storybook runs the play function once the story is rendered.
  await (story.play ?? meta.play)?.(context as never);
  return context;
}

before(() => {
  spyConsole();
  guardNetwork();
});

after(() => {
  console.log(`stories rendered and checked: ${rendered}`);
});

for (const [file, module] of Object.entries(STORY_MODULES)) {
  const meta = module.default;
  describe(`${file} (${meta.title})`, () => {
    const stories = Object.entries(module).filter(([name]) => name !== 'default' && name !== '__namedExportsOrder');

    it('has stories, and a control for every attribute of its element', () => {
      expect(stories.length).to.be.greaterThan(0);
      if (typeof meta.component !== 'string') return;
      const argTypes = meta.argTypes ?? {};
      const expected = Object.keys(attributeArgTypes(meta.component));
      const attributesWithoutControl = (elementDoc(meta.component).attributes ?? [])
        .map((a) => a.name)
        .filter((name) => !argTypes[name]?.control);
      expect(attributesWithoutControl, 'attributes without a control').to.deep.equal([]);
      expect(Object.keys(argTypes)).to.include.members(expected);
    });

    for (const [exportName, story] of stories as [string, StoryObj][]) {
      it(`${exportName}: renders accessibly, silently, without the network`, async () => {
        const canvas = document.createElement('div');
        canvas.id = 'storybook-root';
        document.body.append(canvas);
        logged.length = 0;
        thrown.length = 0;
        escaped.length = 0;
        try {
          const context = await renderStory(meta, story, exportName, canvas);
          const root = canvas.firstElementChild;
          expect(root, 'the story rendered something').to.exist;
          await settleStory(canvas, context.id);
          await expect(root).to.be.accessible();
          const expectedConsole = (context.parameters as ConsoleParameters).expectedConsole ?? [];
          const unexpected = logged.filter((line) => !expectedConsole.some((re) => re.test(line)));
          const missing = expectedConsole.filter((re) => !logged.some((line) => re.test(line))).map(String);
          expect(unexpected, 'console errors and warnings').to.deep.equal([]);
          expect(missing, 'expected console messages').to.deep.equal([]);
          expect(thrown, 'errors thrown into the page').to.deep.equal([]);
          expect(escaped, 'requests past the stories’ stubs').to.deep.equal([]);
          rendered++;
        } finally {
          render(null, canvas);
          canvas.remove();
        }
      });
    }
  });
}
