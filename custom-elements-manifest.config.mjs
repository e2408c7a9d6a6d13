// custom-elements.json: attributes, properties, events, parts, slots and CSS properties
// of every element, from their JSDoc. Read by Storybook and the README tables.
export default {
  globs: ['src/core/spp-element.ts', 'src/elements/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  litelement: true,
  plugins: [
    {
      name: 'spp-documented-events-only',
      // SppElement.emit() dispatches `new CustomEvent(name)`: the analyzer would list a
      // literal event called "name". Our events are the documented `spp-*` ones.
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name?.startsWith('spp-'));
          }
        }
      },
    },
  ],
};
