// Rendering in slices: when many elements render in the same task (50 on a page, all fed
// by one shared response), the browser could not paint or answer input until the last one
// is done. Each update runs at once while the current task has spent less than SLICE_MS on
// updates; after that, updates wait their turn in later tasks, a slice at a time.

const SLICE_MS = 10;

let sliceStart: number | undefined;
const waiting: (() => void)[] = [];
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : undefined;
let posted = false;

/** A new task soon (a message: not clamped like nested timers). */
function post(): void {
  if (posted) return;
  posted = true;
  if (channel) channel.port2.postMessage(0);
  else setTimeout(nextTask, 0);
}

function nextTask(): void {
  posted = false;
  sliceStart = undefined;
  while (waiting.length > 0 && !sliceSpent()) waiting.shift()?.();
  if (waiting.length > 0) post();
}

if (channel) channel.port1.onmessage = nextTask;

function sliceSpent(): boolean {
  const now = performance.now();
  if (sliceStart === undefined) {
    sliceStart = now;
    // The message arrives once this task is over: the next update starts a new slice.
    post();
  }
  return now - sliceStart >= SLICE_MS;
}

/**
 * Runs `update` now if this task's slice has time left (and nobody is waiting), else in a
 * later task; resolves with its result either way.
 */
export function inSlice<T>(update: () => T): T | Promise<T> {
  if (waiting.length === 0 && !sliceSpent()) return update();
  return new Promise<T>((resolve, reject) => {
    waiting.push(() => {
      try {
        resolve(update());
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}
