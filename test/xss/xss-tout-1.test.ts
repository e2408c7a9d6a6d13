// Half of the variants (each test file has its own time budget in web-test-runner).
import { N } from './harness.js';
import { decrireTout } from './tout.js';

decrireTout(0, Math.ceil(N / 2));
