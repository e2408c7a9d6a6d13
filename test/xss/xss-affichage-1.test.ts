// Half of the variants (each test file has its own time budget in web-test-runner).
import { N } from './harness.js';
import { decrireAffichage } from './affichage.js';

decrireAffichage(0, Math.ceil(N / 2), true);
