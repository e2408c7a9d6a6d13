// Half of the variants (each test file has its own time budget in web-test-runner).
import { N } from './harness.js';
import { decrireTout } from './tout.js';

decrireTout(Math.ceil(N / 2), N);
