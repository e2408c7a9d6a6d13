// The quality bars of the brief, judged on the measured figures, and the markdown block that
// goes between <!-- auto:bench --> markers in the README « Performances » section.

const KB = 1000;
const nf = (digits) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const kb = (bytes) => (bytes === null || bytes === undefined ? '—' : `${nf(1).format(bytes / KB)} ko`);
const ms = (value) => (value === null || value === undefined ? '—' : `${nf(value < 10 ? 1 : 0).format(value)} ms`);
const num = (value, digits = 0) => (value === null || value === undefined ? '—' : nf(digits).format(value));
const ratio = (a, b) =>
  a === null || b === null || a === undefined || b === undefined || b === 0 ? '—' : `× ${nf(1).format(a / b)}`;

const at = (results, scenario, path) =>
  path.split('.').reduce((node, key) => node?.[key], results.scenarios[scenario]?.summary) ?? null;

/**
 * Each bar: the figure it is judged on, its limit, and the verdict. "Size" and "time" bars
 * pass when the median and the p95 are within the limit ("médiane seulement" when only the
 * median is); "every run" bars (requests, style sheets, long tasks, CLS) look at the worst run.
 */
export function judgeBars(results) {
  const bars = [];
  const range = (id, label, scenario, path, limit, unit) => {
    const s = at(results, scenario, path);
    if (!s) return;
    const verdict = s.p95 <= limit ? 'ok' : s.median <= limit ? 'median' : 'fail';
    bars.push({ id, label, scenario, path, limit, unit, median: s.median, p95: s.p95, verdict });
  };
  const everyRun = (id, label, scenario, path, limit, unit) => {
    const s = at(results, scenario, path);
    if (!s) return;
    bars.push({
      id,
      label,
      scenario,
      path,
      limit,
      unit,
      median: s.median,
      p95: s.p95,
      max: s.max,
      verdict: s.max <= limit ? 'ok' : 'fail',
    });
  };
  range(
    'bouton',
    'Bouton seul : JS+CSS chargés avant son affichage (chargeur léger `spp-widgets.js`)',
    'avis',
    'bytes.codeBeforePaint',
    6 * KB,
    'B',
  );
  range(
    'bouton-sri',
    'Bouton seul : JS+CSS chargés avant son affichage (chargeur vérifié `spp-widgets-sri.js`, celui de l’extrait)',
    'avis-sri',
    'bytes.codeBeforePaint',
    6 * KB,
    'B',
  );
  range('questionnaire', 'Questionnaire chargé au clic (à froid)', 'clic-a-froid', 'click.codeOnDemand', 25 * KB, 'B');
  range(
    'engagements',
    '`<spp-engagements>` seul : tout ce que la page charge',
    'engagements',
    'bytes.code',
    20 * KB,
    'B',
  );
  range('resultats', '`<spp-resultats>` seul : tout ce que la page charge', 'resultats', 'bytes.code', 20 * KB, 'B');
  range('oups', '`<spp-oups-erreurs>` seul : tout ce que la page charge', 'oups', 'bytes.code', 20 * KB, 'B');
  range(
    'tous',
    'Les quatre éléments : tout ce que la page charge (questionnaire préchargé compris)',
    'tous',
    'bytes.code',
    60 * KB,
    'B',
  );
  range(
    'affichage',
    'Bouton affiché après le démarrage du script (chargeur léger)',
    'avis',
    'timing.paintedFromScript',
    50,
    'ms',
  );
  range(
    'affichage-sri',
    'Bouton affiché après le démarrage du script (chargeur vérifié)',
    'avis-sri',
    'timing.paintedFromScript',
    50,
    'ms',
  );
  range(
    'clic-precharge',
    'Clic → questionnaire interactif (préchargé)',
    'clic-precharge',
    'click.interactive',
    100,
    'ms',
  );
  range('clic-froid', 'Clic → questionnaire interactif (à froid)', 'clic-a-froid', 'click.interactive', 100, 'ms');
  everyRun(
    'requetes',
    '50 éléments : requêtes par ressource distincte (réseau)',
    'cinquante',
    'requests.maxPerResource',
    1,
    'n',
  );
  everyRun(
    'requetes-page',
    '50 éléments : chargements par ressource vus par la page',
    'cinquante',
    'requests.maxPerResourceInPage',
    1,
    'n',
  );
  everyRun('taches', '50 éléments : tâches longues (> 50 ms)', 'cinquante', 'longTasks.count', 0, 'n');
  everyRun('cls', '50 éléments : décalage de mise en page (CLS)', 'cinquante', 'cls.window', 0, 'cls');
  // One sheet object per chunk: as many objects as distinct contents (no chunk parsed twice).
  const census = results.runs.cinquante ?? [];
  if (census.length) {
    const worst = Math.max(...census.map((r) => r.styles.distinctSheets - r.styles.distinctContents));
    const sheets = at(results, 'cinquante', 'styles.distinctSheets');
    bars.push({
      id: 'feuilles',
      label: '50 éléments : objets CSSStyleSheet (un par contenu distinct)',
      scenario: 'cinquante',
      path: 'styles.distinctSheets',
      limit: 0,
      unit: 'duplicates',
      median: sheets?.median ?? null,
      p95: sheets?.p95 ?? null,
      duplicates: worst,
      verdict: worst <= 0 && census.every((r) => r.styles.styleElements === 0) ? 'ok' : 'fail',
    });
  }
  return bars;
}

/**
 * What every page with a Lit element loads whatever the element: the loader, the small
 * shared modules, and the chunk holding Lit, the base class and the DSFR core sheet.
 */
const SHARED_BASE = /^(spp-widgets(-sri)?\.js|chunks\/(define|locale|localization|spp-element)-)/;
/** The API client and the avis outbox (timeouts, retries, cache, never-lost sending). */
const API_CLIENT = /^chunks\/(api|outbox|send-pending)-/;

/**
 * The JS+CSS a size bar counts, split by what it is: the shared base, the API client,
 * published content (DSFR pictograms and artwork, the official texts, translations: their
 * share of each file, as the build measured it) and the code that is the element's own.
 * `room` is what the bar leaves for the element's own code once the rest is paid:
 * negative, the bar cannot hold whatever that code weighs.
 */
export function composition(results, bar) {
  const scenario = results.scenarios[bar.scenario];
  const files = scenario?.diagnostics?.files?.filter(
    (f) => f.category === 'code' && (bar.path !== 'click.codeOnDemand' || f.onDemand),
  );
  if (!files?.length) return null;
  const parts = { shared: 0, api: 0, content: 0, own: 0 };
  for (const { file, gzip } of files) {
    const content = gzip * (results.static?.files?.[file]?.contentShare ?? 0);
    parts.content += content;
    const rest = gzip - content;
    if (SHARED_BASE.test(file)) parts.shared += rest;
    else if (API_CLIENT.test(file)) parts.api += rest;
    else parts.own += rest;
  }
  const total = parts.shared + parts.api + parts.content + parts.own;
  return { ...parts, total, room: bar.limit - (parts.shared + parts.api + parts.content) };
}

const VERDICT = { ok: '✅', median: '⚠️ médiane seulement', fail: '❌' };

/** A layout-shift score, to 4 decimals: a 3 px move of one line is 0,0000x, not nothing. */
const cls = (value) => num(value, 4);

function figure(bar, value) {
  if (value === null || value === undefined) return '—';
  if (bar.unit === 'B') return kb(value);
  if (bar.unit === 'ms') return ms(value);
  if (bar.unit === 'cls') return cls(value);
  return num(value, value % 1 ? 1 : 0);
}

function limitText(bar) {
  if (bar.unit === 'B') return `≤ ${kb(bar.limit)}`;
  if (bar.unit === 'ms') return `≤ ${bar.limit} ms`;
  if (bar.id === 'feuilles') return 'aucun doublon';
  if (bar.unit === 'cls') return '0';
  return bar.limit === 0 ? '0' : `≤ ${bar.limit}`;
}

const date = (iso) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

function machineLine(results) {
  const m = results.machine;
  const samples = m.loadAverage.samples;
  const during = samples.length ? Math.max(...samples) : m.loadAverage.start[0];
  return (
    `Mesuré le ${date(results.date)} par \`npm run bench\` (${results.durationS} s) sur ${m.cpus} cœurs ` +
    `(${m.cpuModel.trim()}), ${m.memoryGiB} Gio, ${m.os} ; Node ${m.node} ; ${m.chromium.replace('HeadlessChrome/', 'Chromium ')} ` +
    `headless, sans bridage du processeur, fenêtre ${m.viewport}. Charge moyenne de la machine : ` +
    `${num(m.loadAverage.start[0], 2)} au départ, jusqu’à ${num(during, 2)} pendant la mesure` +
    // The bench itself (Chromium, its server and the platform) keeps about 2 cores busy.
    (during > m.cpus
      ? ` (plus que ses ${m.cpus} cœurs : le banc lui-même en occupe environ 2` +
        `${m.loadAverage.start[0] > 1 ? ', et d’autres tâches tournaient au départ' : ''} ; les temps sont pessimistes). `
      : '. ') +
    `${results.method.runs} passages par scénario (contexte de navigateur neuf à chaque fois, cache vide) : médiane et p95. ` +
    'Tout est servi en local sur une seule origine, sans compression ; les tailles sont le gzip -9 de chaque réponse ' +
    'reçue par la page (JS et CSS ; polices à part).'
  );
}

export function renderMarkdown(results) {
  const bars = results.bars ?? judgeBars(results);
  const lines = [machineLine(results), ''];

  lines.push('### Seuils du cahier des charges', '');
  lines.push('| seuil | mesure | médiane | p95 | verdict |', '| --- | --- | --- | --- | --- |');
  for (const bar of bars) {
    const p95 =
      bar.id === 'feuilles'
        ? `${bar.duplicates} doublon(s)`
        : figure(bar, bar.unit === 'n' || bar.unit === 'cls' ? bar.max : bar.p95);
    lines.push(`| ${limitText(bar)} | ${bar.label} | ${figure(bar, bar.median)} | ${p95} | ${VERDICT[bar.verdict]} |`);
  }
  lines.push('', 'Pour les seuils « 0 » et « 1 », la colonne p95 donne le pire passage.', '');

  const sized = bars
    // Whole pages and the click's load (the button's bars count only what precedes its paint).
    .filter((bar) => bar.path === 'bytes.code' || bar.path === 'click.codeOnDemand')
    .map((bar) => ({ bar, parts: composition(results, bar) }))
    .filter(({ parts }) => parts);
  if (sized.length) {
    lines.push('### De quoi sont faits ces octets', '');
    lines.push(
      '| mesure | total | socle commun | client d’API et file d’envoi | contenu publié | code propre | reste au code propre sous le seuil |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const { bar, parts } of sized) {
      lines.push(
        `| ${bar.label} | ${kb(parts.total)} | ${kb(parts.shared)} | ${kb(parts.api)} | ${kb(parts.content)} | ` +
          `${kb(parts.own)} | ${kb(parts.room)} sur ${kb(bar.limit)} |`,
      );
    }
    lines.push(
      '',
      'Premier passage mesuré, fichier par fichier. **Socle commun** : le chargeur, les petits modules partagés et le ' +
        'morceau qui porte Lit, la classe de base et la feuille DSFR commune (`core`), que toute page avec un élément Lit ' +
        'charge. **Contenu publié** : la part des pictogrammes et de l’artwork du DSFR, des textes officiels et des ' +
        'traductions dans chaque fichier, telle que la construction la mesure. **Reste au code propre** : ce que le ' +
        'seuil laisse à l’élément une fois payés le socle, le client d’API et le contenu ; négatif, le seuil ne peut pas ' +
        'être tenu, quel que soit le poids du code de l’élément.',
      '',
    );
  }

  if (results.static?.entries) {
    lines.push('### Par point d’entrée', '');
    lines.push(
      '| point d’entrée | son fichier (gzip) | avec ses imports statiques et le chargeur (gzip) | fichiers |',
      '| --- | --- | --- | --- |',
    );
    lines.push(
      `| chargeur \`spp-widgets.js\` | ${kb(results.static.loader.gzip)} | ${kb(results.static.loader.gzip)} | 1 |`,
    );
    for (const [tag, entry] of Object.entries(results.static.entries)) {
      lines.push(
        `| \`<${tag}>\` | ${kb(entry.entryGzip)} | ${kb(entry.staticClosureWithLoader)} | ${num(entry.files)} |`,
      );
    }
    lines.push(
      '',
      'Lu dans le dossier construit, sans navigateur : ce que le chargeur demande d’un coup pour chaque balise, avant ' +
        'son premier rendu (ce que `npm run size` juge) ; ce que l’élément importe ensuite à la demande n’y est pas.',
      '',
    );
  }

  lines.push('### Ce que chaque page charge', '');
  lines.push(
    '| page | JS+CSS (gzip) | dont avant l’affichage du bouton | données de l’API (gzip) | polices (woff2) | requêtes | tâches longues | CLS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const [id, scenario] of Object.entries(results.scenarios)) {
    if (scenario.click) continue;
    const s = scenario.summary;
    const before = (id.startsWith('temoin') ? s.bytes.imagesBeforePaint : s.bytes.codeBeforePaint)?.median ?? null;
    const payload = id.startsWith('temoin') ? `image : ${kb(s.bytes.images.median)}` : kb(s.bytes.code.median);
    lines.push(
      `| ${results.pages[scenario.page].replace(/</g, '&lt;')} | ${payload} | ${before === null ? '' : kb(before)} | ${kb(s.bytes.data.median)} | ` +
        `${kb(s.bytes.fonts.median)} | ${num(s.requests.distinct.median)} | ${num(s.longTasks.count.max)} | ${cls(s.cls.window.max)} |`,
    );
  }
  const mix = Object.entries(results.mix)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
  lines.push(
    '',
    `La page de 50 éléments mêle ${mix}, chacun entre deux paragraphes de la page hôte. ` +
      '« Requêtes », « tâches longues » et « CLS » : médiane, pire passage et pire passage.',
    '',
  );

  const a = (id, path) => at(results, id, path);
  lines.push('### Face au bouton témoin `<a href><img></a>`', '');
  lines.push('| mesure | spp-widgets | témoin | rapport |', '| --- | --- | --- | --- |');
  const row = (label, mine, theirs, format) =>
    lines.push(`| ${label} | ${format(mine)} | ${format(theirs)} | ${ratio(mine, theirs)} |`);
  row(
    'Bouton affiché (FCP depuis la navigation, médiane)',
    a('avis', 'timing.fcp')?.median,
    a('temoin', 'timing.fcp')?.median,
    ms,
  );
  row('Bouton affiché (FCP, p95)', a('avis', 'timing.fcp')?.p95, a('temoin', 'timing.fcp')?.p95, ms);
  const avisBytes = (s) => (s ? s.median : null);
  row(
    'Octets pour afficher le bouton (gzip, hors document et polices)',
    avisBytes(a('avis', 'bytes.codeBeforePaint')) + (avisBytes(a('avis', 'bytes.dataBeforePaint')) ?? 0),
    avisBytes(a('temoin', 'bytes.imagesBeforePaint')),
    kb,
  );
  row(
    'Octets une fois la page au repos (gzip, questionnaire préchargé compris)',
    avisBytes(a('avis', 'bytes.code')) + avisBytes(a('avis', 'bytes.data')),
    avisBytes(a('temoin', 'bytes.images')),
    kb,
  );
  for (const [id, label] of [
    ['cinquante-boutons', '50 boutons'],
    ['cinquante', '50 éléments mêlés'],
  ]) {
    if (!results.scenarios[id]) continue;
    row(
      `${label} : requêtes (médiane)`,
      a(id, 'requests.total')?.median,
      a('temoin-cinquante', 'requests.total')?.median,
      num,
    );
    row(
      `${label} : tâches longues (pire passage)`,
      a(id, 'longTasks.count')?.max,
      a('temoin-cinquante', 'longTasks.count')?.max,
      num,
    );
    row(
      `${label} : temps de blocage total (p95)`,
      a(id, 'longTasks.tbt')?.p95,
      a('temoin-cinquante', 'longTasks.tbt')?.p95,
      ms,
    );
    row(`${label} : CLS (pire passage)`, a(id, 'cls.window')?.max, a('temoin-cinquante', 'cls.window')?.max, (v) =>
      cls(v),
    );
  }
  lines.push(
    '',
    'Le témoin est une image SVG de 196 × 40 px dans un lien, dimensions déclarées ; cliquer dessus quitte la page ' +
      '(le formulaire JDMA s’ouvre ailleurs), d’où l’absence de comparaison pour le clic.',
    '',
  );

  if (results.platform) {
    const p = results.platform;
    lines.push('### Plateforme de référence', '');
    lines.push(
      `20 clients simultanés pendant ${num(p.get.dureeS)} s par route, en boucle locale (autocannon ; la plateforme dans son propre processus, PGlite en mémoire, sans limite de débit).`,
      '',
    );
    lines.push(
      '| route | requêtes/s | latence p50 | latence p99 | réponses 2xx | erreurs |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const r of [p.get, p.post]) {
      lines.push(
        `| \`${r.route}\` | ${num(r.requetesParSeconde)} | ${ms(r.latenceMs.p50)} | ${ms(r.latenceMs.p99)} | ${num(r.reponses2xx)} | ${num(r.erreurs + r.autres + r.delaisDepasses)} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
