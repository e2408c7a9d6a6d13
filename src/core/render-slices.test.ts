import { expect, fixtureCleanup } from '@open-wc/testing';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { SppElement } from './spp-element.js';
import { inSlice } from './render-slices.js';

/** Shows a loading box, then its data slowly, as a long list would: 4 ms of work per render. */
class SppTestSlow extends SppElement {
  static renders: number[] = [];
  @property({ type: Boolean }) donnees = false;
  override render() {
    if (!this.donnees) return html`<p class="spp-root">chargement</p>`;
    const start = performance.now();
    while (performance.now() - start < 4) {
      // busy: the cost of a big template
    }
    SppTestSlow.renders.push(start);
    return html`<p class="spp-root">lent</p>`;
  }
}
SppTestSlow.define('spp-test-slow');

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => {
  longTasks.push(...list.getEntries());
}).observe({ type: 'longtask' });

/**
 * Long tasks in which one of these renders ran (not the test runner's, nor a GC pause's).
 * Chromium reports a long task some time after it ends: this task makes itself long, then
 * waits for its report, so the earlier ones are all in.
 */
async function longTasksRendering(renders: number[]): Promise<number[]> {
  const marker = performance.now();
  while (performance.now() - marker < 60) {
    // a long task of our own
  }
  const reported = () => longTasks.some((task) => task.startTime + task.duration >= marker + 50);
  const deadline = marker + 3000;
  while (!reported() && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return longTasks
    .filter((task) => task.duration > 50)
    .filter((task) => renders.some((t) => t >= task.startTime && t <= task.startTime + task.duration))
    .map((task) => task.duration);
}

/** Resolves in a later task. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('render slices', () => {
  afterEach(() => fixtureCleanup());

  it('renders an element at once the first time: its loading box is there in the frame where it is defined', async () => {
    const box = document.createElement('div');
    for (let i = 0; i < 30; i++) box.append(document.createElement('spp-test-slow'));
    document.body.append(box);
    // Start this task's slice and spend it: first renders must not wait for the next one.
    inSlice(() => undefined);
    const start = performance.now();
    while (performance.now() - start < 12) {
      // busy
    }
    await Promise.resolve();
    await Promise.resolve();
    expect([...box.children].filter((el) => el.shadowRoot?.textContent?.includes('chargement'))).to.have.length(30);
    box.remove();
  });

  it('30 elements rendering their data at once share the main thread: no long task, every one rendered', async () => {
    const box = document.createElement('div');
    for (let i = 0; i < 30; i++) box.append(document.createElement('spp-test-slow'));
    document.body.append(box);
    const elements = [...box.children] as SppTestSlow[];
    await Promise.all(elements.map((el) => el.updateComplete));
    await nextTask();
    SppTestSlow.renders = [];
    longTasks.length = 0;
    for (const el of elements) el.donnees = true;
    // One task later, only a few slices' worth have rendered (30 × 4 ms would be 120 ms).
    await Promise.resolve();
    await Promise.resolve();
    const inFirstTask = SppTestSlow.renders.length;
    expect(inFirstTask).to.be.within(1, 5);
    await Promise.all(elements.map((el) => el.updateComplete));
    expect(SppTestSlow.renders).to.have.length(30);
    expect([...box.children].every((el) => el.shadowRoot?.textContent?.includes('lent'))).to.equal(true);
    await nextTask();
    expect(await longTasksRendering(SppTestSlow.renders)).to.deep.equal([]);
    box.remove();
  });

  it('runs an update at once while the slice has time, and in order after it', async () => {
    await nextTask();
    const order: string[] = [];
    expect(inSlice(() => order.push('a'))).to.equal(1);
    const start = performance.now();
    while (performance.now() - start < 12) {
      // spend this task's slice
    }
    const later = inSlice(() => order.push('b'));
    const last = inSlice(() => order.push('c'));
    expect(order).to.deep.equal(['a']);
    expect(await later).to.equal(2);
    expect(await last).to.equal(3);
    expect(order).to.deep.equal(['a', 'b', 'c']);
  });

  it('passes a failing update on to its caller, and goes on with the next ones', async () => {
    await nextTask();
    // A slice starts with the first update of a task.
    inSlice(() => undefined);
    const start = performance.now();
    while (performance.now() - start < 12) {
      // spend this task's slice
    }
    const failing = inSlice(() => {
      throw new Error('boom');
    });
    const next = inSlice(() => 'suivant');
    let message = '';
    await (failing as Promise<never>).catch((error: Error) => (message = error.message));
    expect(message).to.equal('boom');
    expect(await next).to.equal('suivant');
  });
});
