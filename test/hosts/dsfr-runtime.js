/* global window */
// DSFR's own configuration, read by its script: start as soon as it is evaluated ("runtime"
// mode, documented by the design system) instead of at DOMContentLoaded.
window.dsfr = { mode: 'runtime' };
