// React 19: the elements are plain tags in JSX. `spp-widgets` registers them (or load the
// CDN snippet in index.html instead); `spp-widgets/react` types their attributes and events.
// Checked by test/dist/frameworks.test.mjs with tsc against the built package.
import { useState } from 'react';
import 'spp-widgets';
import type {} from 'spp-widgets/react';

export function PageDemarche({ demarche }: { demarche: string }) {
  const [merci, setMerci] = useState(false);
  return (
    <main>
      <h1>Demander une carte d'identité</h1>
      <spp-je-donne-mon-avis
        demarche={demarche}
        mode="modal"
        libelle="remarque"
        api-base="https://www.example.gouv.fr/api"
        // React 19 listens for `on` + the event name exactly as written.
        onspp-complete={(event) => setMerci(event.detail.avis !== undefined)}
      />
      {merci && <p>Merci pour votre avis.</p>}
      <spp-engagements disposition="liste" niveau-titre={3} sans-titre />
      <spp-resultats
        structure="SP-0042"
        disposition="compact"
        onspp-error={(event) => console.warn(event.detail.message)}
      />
      {/* @ts-expect-error: « graphique » is not one of spp-resultats' dispositions. */}
      <spp-resultats structure="SP-0042" disposition="graphique" />
    </main>
  );
}
