// Imported before the elements, so they find the platform when they first connect.
import { configure } from '../src/core/api/config.js';

configure({ apiBase: '/api' });
