// Angular 20: a standalone component with CUSTOM_ELEMENTS_SCHEMA, so the spp-* tags are
// allowed in its template; `spp-widgets` registers them (or load the CDN snippet in
// index.html). Bind attributes with [attr.…]; with strictTemplates, Angular types $event
// from the elements' own typings (HTMLElementTagNameMap, then the spp-* event map).
// Checked by test/dist/frameworks.test.mjs with ngc against the built package.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import 'spp-widgets';
import type { CompleteDetail, SppOupsSelectDetail } from 'spp-widgets';

@Component({
  selector: 'app-demarche',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Demander une carte d'identité</h1>
      <spp-je-donne-mon-avis
        [attr.demarche]="demarche"
        mode="modal"
        api-base="https://www.example.gouv.fr/api"
        (spp-complete)="avisTermine($event)"
      ></spp-je-donne-mon-avis>
      @if (merci()) {
        <p>Merci pour votre avis.</p>
      }
      <spp-engagements disposition="grille" niveau-titre="2"></spp-engagements>
      <spp-oups-erreurs [attr.evenement]="evenement" recherche (spp-select)="erreurOuverte($event)"></spp-oups-erreurs>
    </main>
  `,
})
export class DemarcheComponent {
  readonly demarche = 'carte-identite';
  readonly evenement = 'demenagement';
  readonly merci = signal(false);

  avisTermine(event: CustomEvent<CompleteDetail>): void {
    this.merci.set(event.detail.avis !== undefined);
  }

  erreurOuverte(event: CustomEvent<SppOupsSelectDetail>): void {
    console.info('Erreur consultée :', event.detail.titre);
  }
}
