// Per-run figures from raw measurements, and their summary over runs (median, p95).

/** Linear-interpolated quantile (the usual "type 7"): with 15 runs, p95 lies between the two slowest. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const index = (sorted.length - 1) * q;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return sorted[low] + (sorted[high] - sorted[low]) * (index - low);
}

const round = (value, digits = 1) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** `digits`: 1 suits milliseconds and bytes; a layout-shift score (0.044) needs 4. */
export function summarise(values, digits = 1) {
  const numbers = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (numbers.length === 0) return null;
  return {
    median: round(quantile(numbers, 0.5), digits),
    p95: round(quantile(numbers, 0.95), digits),
    min: round(Math.min(...numbers), digits),
    max: round(Math.max(...numbers), digits),
    n: numbers.length,
  };
}

/** Figures that are scores between 0 and 1, not counts or durations. */
const SCORES = new Set(['cls.window', 'cls.total']);

/** Largest session window of layout shifts (gap < 1 s, window ≤ 5 s), as Core Web Vitals define CLS. */
function clsWindow(shifts) {
  let best = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const shift of [...shifts].sort((a, b) => a.start - b.start)) {
    if (shift.start - last > 1000 || shift.start - first > 5000) {
      current = 0;
      first = shift.start;
    }
    current += shift.value;
    last = shift.start;
    best = Math.max(best, current);
  }
  return best;
}

const sumOf = (list, field) => list.reduce((total, item) => total + item[field], 0);

/** The figures of one measured load. */
export function derive(raw) {
  const { bench, resources } = raw.loaded;
  const startOf = new Map();
  for (const r of resources) if (!startOf.has(r.url)) startOf.set(r.url, r);
  const net = raw.network.filter((n) => n.category !== 'document');
  const bytes = (list, category) =>
    sumOf(
      list.filter((n) => n.category === category),
      'gzip',
    );
  const fcp = bench.paints['first-contentful-paint'] ?? null;
  const loader = resources.find((r) => /\/spp-widgets(-sri)?\.js$/.test(r.url));
  // The deferred loader runs once the document is interactive and the loader has arrived.
  const loaderStart = loader && bench.ready !== null ? Math.max(bench.ready, loader.end) : null;
  const before = (t) => (t === null ? [] : net.filter((n) => startOf.has(n.url) && startOf.get(n.url).start < t));
  const shifts = bench.shifts.filter((s) => !s.recentInput);
  const longtasks = bench.longtasks;
  const counts = Object.values(raw.requests);

  const figures = {
    bytes: {
      code: bytes(net, 'code'),
      fonts: sumOf(
        net.filter((n) => n.category === 'fonts'),
        'bytes',
      ),
      data: bytes(net, 'data'),
      images: bytes(net, 'images'),
      other: bytes(net, 'other'),
      // Requested before the watched button's first frame: what it cost to show it.
      codeBeforePaint: bench.frame === null ? null : bytes(before(bench.frame), 'code'),
      dataBeforePaint: bench.frame === null ? null : bytes(before(bench.frame), 'data'),
      imagesBeforePaint: bench.frame === null ? null : bytes(before(bench.frame), 'images'),
    },
    timing: {
      loaderStart,
      fcp,
      lcp: bench.lcp ?? null,
      buttonFrame: bench.frame,
      // Button pages: nothing else is contentful, so FCP is the button's first paint.
      paintedFromScript: loaderStart !== null && fcp !== null ? fcp - loaderStart : null,
      frameFromScript: loaderStart !== null && bench.frame !== null ? bench.frame - loaderStart : null,
    },
    longTasks: {
      count: longtasks.length,
      max: longtasks.length ? Math.max(...longtasks.map((t) => t.duration)) : 0,
      total: sumOf(longtasks, 'duration'),
      tbt: longtasks
        .filter((t) => fcp === null || t.start >= fcp)
        .reduce((total, t) => total + Math.max(0, t.duration - 50), 0),
    },
    cls: { window: clsWindow(shifts), total: sumOf(shifts, 'value'), shifts: shifts.length },
    requests: {
      total: counts.reduce((a, b) => a + b, 0),
      distinct: counts.length,
      maxPerResource: counts.length ? Math.max(...counts) : 0,
      // The page's own fetch() calls and imports, as Resource Timing saw them (HTTP cache hits included).
      maxPerResourceInPage: Math.max(
        0,
        ...Object.values(resources.reduce((acc, r) => ({ ...acc, [r.url]: (acc[r.url] ?? 0) + 1 }), {})),
      ),
    },
    styles: raw.styles,
    errors: raw.errors.length,
  };
  if (raw.clicked) {
    const later = new Set(raw.clicked.resources.map((r) => r.url));
    const onDemand = net.filter((n) => later.has(n.url));
    figures.click = {
      interactive: raw.clicked.timeout ? null : raw.clicked.interactive,
      frame: raw.clicked.timeout ? null : raw.clicked.frame,
      timeout: raw.clicked.timeout ? 1 : 0,
      codeOnDemand: bytes(onDemand, 'code'),
      dataOnDemand: bytes(onDemand, 'data'),
      requestsOnDemand: onDemand.length,
    };
  }
  return figures;
}

/** Numeric leaves of an object as dot paths. */
function leaves(object, prefix = '', out = {}) {
  for (const [key, value] of Object.entries(object ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) leaves(value, path, out);
    else if (typeof value === 'number' || value === null) out[path] = value;
  }
  return out;
}

/** For each numeric figure: its summary over the runs. */
export function aggregate(runs) {
  const flat = runs.map((run) => leaves(run));
  const paths = [...new Set(flat.flatMap((f) => Object.keys(f)))];
  const result = {};
  for (const path of paths) {
    const summary = summarise(
      flat.map((f) => f[path]),
      SCORES.has(path) ? 4 : 1,
    );
    let node = result;
    const parts = path.split('.');
    for (const part of parts.slice(0, -1)) node = node[part] ??= {};
    node[parts.at(-1)] = summary;
  }
  return result;
}
