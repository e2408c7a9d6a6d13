/* global window, document, location, getComputedStyle, performance, PerformanceObserver, EventTarget, Node, NodeFilter, MutationObserver, ResizeObserver, IntersectionObserver */
// Loaded first by every host page (a same-origin classic script, so it runs under the
// strictest CSP): records what the tests check from outside, in window.__sppHost.
//  - errors: console.error calls, uncaught errors and rejections, failed resources and fonts
//  - violations: securitypolicyviolation events
//  - requests: every resource the page fetched (PerformanceObserver)
//  - live listeners, observers and intervals (instrumented before any other script runs)
//  - a snapshot of the host page's own elements, taken before the deferred loader runs
(() => {
  const state = {
    errors: [],
    warnings: [],
    violations: [],
    requests: [],
    snapshots: {},
  };
  window.__sppHost = state;

  // Console and uncaught errors.
  const originalError = console.error;
  console.error = (...args) => {
    state.errors.push(`console.error: ${args.map(describe).join(' ')}`);
    originalError.apply(console, args);
  };
  const originalWarn = console.warn;
  console.warn = (...args) => {
    state.warnings.push(args.map(describe).join(' '));
    originalWarn.apply(console, args);
  };
  window.addEventListener(
    'error',
    (event) => {
      const target = event.target;
      if (target && target !== window && target.nodeType === 1) {
        state.errors.push(`resource failed: <${target.localName}> ${target.src || target.href || ''}`);
      } else {
        state.errors.push(`uncaught: ${event.message}`);
      }
    },
    true,
  );
  window.addEventListener('unhandledrejection', (event) => {
    state.errors.push(`unhandled rejection: ${describe(event.reason)}`);
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    state.violations.push(
      `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
    );
  });
  document.fonts.addEventListener('loadingerror', (event) => {
    for (const face of event.fontfaces) state.errors.push(`font failed: ${face.family} ${face.weight}`);
  });

  // Every request, with its status (0: network error or blocked).
  performance.setResourceTimingBufferSize(100000);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      state.requests.push({ url: entry.name, type: entry.initiatorType, status: entry.responseStatus ?? -1 });
      if (entry.responseStatus >= 400) state.errors.push(`HTTP ${entry.responseStatus}: ${entry.name}`);
    }
  }).observe({ type: 'resource', buffered: true });

  function describe(value) {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (typeof value === 'string') return value;
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }

  // Live event listeners: registrations not removed yet (once-listeners that fired and
  // aborted signals count as removed). Counted only on targets that outlive an element:
  // non-nodes (window, MediaQueryList…) and nodes still in the document.
  // Held weakly: the tests also check that unmounted elements can be garbage-collected, and a
  // registry of ours must not be what keeps them alive.
  const live = new WeakMap(); // target → Map(key → wrapper-or-listener)
  const liveTargets = new Set(); // WeakRef(target), to enumerate them
  const keyOf = (type, listener, options) => {
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
    return { type, listener, capture };
  };
  const registrations = (target) => {
    let map = live.get(target);
    if (!map) {
      live.set(target, (map = new Map()));
      liveTargets.add(new WeakRef(target));
    }
    return map;
  };
  const find = (map, { type, listener, capture }) => {
    for (const [entry, value] of map) {
      if (entry.type === type && entry.listener === listener && entry.capture === capture) return [entry, value];
    }
    return undefined;
  };
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (!listener) return add.call(this, type, listener, options);
    const key = keyOf(type, listener, options);
    const map = registrations(this);
    if (find(map, key)) return add.call(this, type, listener, options);
    const forget = () => {
      const found = find(map, key);
      if (found) map.delete(found[0]);
    };
    let actual = listener;
    if (typeof options === 'object' && options?.once) {
      actual = function (...args) {
        forget();
        return typeof listener === 'function' ? listener.apply(this, args) : listener.handleEvent(...args);
      };
    }
    map.set(key, actual);
    if (typeof options === 'object' && options?.signal) add.call(options.signal, 'abort', forget);
    return add.call(this, type, actual, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const map = live.get(this);
    const found = map && find(map, keyOf(type, listener, options));
    if (found) {
      map.delete(found[0]);
      return remove.call(this, type, found[1], options);
    }
    return remove.call(this, type, listener, options);
  };
  const outlives = (target) => !(target instanceof Node) || target.isConnected;

  // Live observers: observing at least one target still in the document, not disconnected.
  const observers = new WeakMap(); // observer → { kind, targets: Set of WeakRef(node) }
  const observerRefs = new Set(); // WeakRef(observer), to enumerate them
  function instrument(Observer, kind) {
    const observe = Observer.prototype.observe;
    const disconnect = Observer.prototype.disconnect;
    const unobserve = Observer.prototype.unobserve;
    Observer.prototype.observe = function (target, ...rest) {
      let entry = observers.get(this);
      if (!entry) {
        observers.set(this, (entry = { kind, targets: new Set() }));
        observerRefs.add(new WeakRef(this));
      }
      if (![...entry.targets].some((ref) => ref.deref() === target)) entry.targets.add(new WeakRef(target));
      return observe.call(this, target, ...rest);
    };
    Observer.prototype.disconnect = function () {
      observers.delete(this);
      return disconnect.call(this);
    };
    if (unobserve) {
      Observer.prototype.unobserve = function (target) {
        const targets = observers.get(this)?.targets;
        for (const ref of targets ?? []) if (ref.deref() === target) targets.delete(ref);
        return unobserve.call(this, target);
      };
    }
  }
  instrument(MutationObserver, 'MutationObserver');
  instrument(ResizeObserver, 'ResizeObserver');
  instrument(IntersectionObserver, 'IntersectionObserver');

  const intervals = new Set();
  const setIntervalOriginal = window.setInterval;
  const clearIntervalOriginal = window.clearInterval;
  window.setInterval = (...args) => {
    const id = setIntervalOriginal(...args);
    intervals.add(id);
    return id;
  };
  window.clearInterval = (id) => {
    intervals.delete(id);
    return clearIntervalOriginal(id);
  };

  /** What is alive now and would leak if it grew with each mount/unmount cycle. */
  state.alive = () => {
    const listeners = {};
    let listenerCount = 0;
    for (const ref of liveTargets) {
      const target = ref.deref();
      const map = target && live.get(target);
      if (!map || map.size === 0 || !outlives(target)) continue;
      const name = target === window ? 'window' : target === document ? 'document' : target.constructor.name;
      for (const { type } of map.keys()) {
        listeners[`${name}:${type}`] = (listeners[`${name}:${type}`] ?? 0) + 1;
        listenerCount += 1;
      }
    }
    const observing = {};
    let observerCount = 0;
    for (const ref of observerRefs) {
      const observer = ref.deref();
      const entry = observer && observers.get(observer);
      if (!entry) continue;
      const { kind, targets } = entry;
      if (![...targets].some((t) => t.deref()?.isConnected)) continue;
      observing[kind] = (observing[kind] ?? 0) + 1;
      observerCount += 1;
    }
    return { listenerCount, listeners, observerCount, observing, intervals: intervals.size };
  };

  // The host page's own state: computed styles that do not depend on layout, text,
  // attributes of <html>/<body>, what <head> holds, the URL.
  const PROPERTIES = [
    'display',
    'position',
    'box-sizing',
    'visibility',
    'opacity',
    'z-index',
    'overflow-x',
    'overflow-y',
    'font-family',
    'font-size',
    'font-weight',
    'font-style',
    'line-height',
    'letter-spacing',
    'text-transform',
    'text-align',
    'direction',
    'color',
    'background-color',
    'background-image',
    'margin-top',
    'margin-right',
    'margin-bottom',
    'margin-left',
    'padding-top',
    'padding-right',
    'padding-bottom',
    'padding-left',
    'border-top-width',
    'border-top-style',
    'border-top-color',
    'border-radius',
    'outline-style',
    'scroll-behavior',
    'cursor',
    'color-scheme',
  ];
  const isWidget = (element) => element.localName.startsWith('spp-');
  const hostElements = () => {
    const result = [document.documentElement, document.body];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT, {
      acceptNode: (node) => (isWidget(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    while (walker.nextNode()) result.push(walker.currentNode);
    return result;
  };
  const attributes = (element) => [...element.attributes].map((a) => `${a.name}=${a.value}`).join(' ');
  // The loader's one sheet of its own in the document (src/loader/reservations.ts): every
  // rule, in a media query or not, only matches spp-* elements that are not defined yet.
  const reservesOurPlace = (sheet) => {
    const rules = [...sheet.cssRules].flatMap((rule) => (rule.cssRules ? [...rule.cssRules] : [rule]));
    return (
      rules.length > 0 &&
      rules.every((rule) =>
        (rule.selectorText ?? '')
          .split(',')
          .every((selector) => /^spp-[\w-]+(\[[^\]]+\])*:not\(:defined\)/.test(selector.trim())),
      )
    );
  };
  state.snapshot = (name) => {
    const elements = {};
    hostElements().forEach((element, index) => {
      const style = getComputedStyle(element);
      const path = `${index}:${element.localName}${element.id ? `#${element.id}` : ''}`;
      elements[path] = {
        style: Object.fromEntries(PROPERTIES.map((p) => [p, style.getPropertyValue(p)])),
        attributes: attributes(element),
        text: element.children.length === 0 ? element.textContent : undefined,
      };
    });
    const snapshot = {
      url: location.href,
      title: document.title,
      head: [...document.head.children].map((e) => `${e.localName} ${attributes(e)}`),
      documentSheets: document.styleSheets.length,
      adoptedSheets: document.adoptedStyleSheets.filter((sheet) => !reservesOurPlace(sheet)).length,
      reservationSheets: document.adoptedStyleSheets.filter(reservesOurPlace).length,
      elements,
    };
    if (name) state.snapshots[name] = snapshot;
    return snapshot;
  };
  // Parsing is over; deferred scripts (the loader) have not run yet: the page as its
  // author made it.
  document.addEventListener('readystatechange', () => {
    if (document.readyState === 'interactive') state.snapshot('before');
  });
})();
