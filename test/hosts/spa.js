/* global window, document, location, URLSearchParams */
// A single-page application's view: the host adds and removes a section with the
// elements as the usager navigates (window.spa.mount() / unmount()).
(() => {
  const ELEMENTS = [
    [
      'spp-je-donne-mon-avis',
      { demarche: new URLSearchParams(location.search).get('demarche') ?? 'hote', bouton: 'spa' },
    ],
    ['spp-bloc-marque', { ministere: 'Ministère\nde l’Exemple' }],
    ['spp-engagements', { 'niveau-titre': '2' }],
    ['spp-resultats', { structure: 'EX-CAF-33', 'niveau-titre': '2' }],
    ['spp-oups-erreurs', { 'niveau-titre': '2' }],
  ];
  let section;
  window.spa = {
    mount() {
      if (section) return;
      section = document.createElement('section');
      for (const [tag, attributes] of ELEMENTS) {
        const element = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
        section.append(element);
      }
      document.getElementById('widgets').append(section);
    },
    unmount() {
      section?.remove();
      section = undefined;
    },
  };
})();
