// Imported for its effect by a page that finds avis a previous page could not send: the
// outbox, once created, sends them. (Nothing to pick from a namespace: the smallest import.)
import { outbox } from './outbox.js';

outbox();
