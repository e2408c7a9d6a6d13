/* global window */
// Runs after the page's own deferred scripts and before the loader (document order): the
// page as its own scripts left it is the "before" the tests compare with (DSFR's JavaScript
// sets the theme and its marks on <html> once it runs).
window.__sppHost.snapshot('before');
