// Finds a Chromium for the browser tests and benchmarks, or says plainly how to get one.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** @returns {string | undefined} */
export function findChromium({ quiet = false } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    if (!quiet) console.error(`CHROME_PATH points to ${fromEnv}, which does not exist.`);
    return undefined;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found && !quiet) {
    console.error(
      [
        '',
        'No Chromium found: the tests run in a real headless Chromium.',
        '  Debian/Ubuntu:  sudo apt-get install chromium',
        '  macOS:          install Google Chrome or Chromium',
        '  Or point to any Chrome/Chromium binary:  CHROME_PATH=/path/to/chrome npm test',
        '',
      ].join('\n'),
    );
  }
  return found;
}
