// The button's own sheet, complete by itself: a page with only the button loads this and no
// other style (DSFR's core alone is 3.2 kB gzip; the whole button page has a 6 kB budget).
// Plain CSS text for one constructed sheet shared by every button (no CSSResult, so not even
// Lit's css-tag is loaded). It resets what the host page could pass down (`all: initial`,
// which also fixes the size to the user's default font size: `em` here is immune to a
// host's `html { font-size: 62.5% }`), then sets the DSFR colours the button uses (blue
// France action, its hover and active states), light, dark and neutral, in a few custom
// properties a page can also set on the element. The questionnaire, loaded on click, has
// the real DSFR sheets. A host's `* { all: unset }` beats `:host`, so the button and the
// message are reset too (`all: initial`, which leaves `direction` alone: it is set here),
// and everything they show is declared after it (font-size stays the host's: a documented hook).
// The host is a flex container rather than a line holding the button: on a line, Chromium
// reported the label as shifting when Marianne replaced the fallback font (bench CLS).
// Each line ends with `\`: a line continuation, so the text itself has no line breaks (14 B).
const CSS = `\
:host{all:initial;display:inline-flex;vertical-align:middle;min-height:2.5em;color-scheme:light;font:medium/1.5 Marianne,arial,sans-serif;color:#3a3a3a;--spp-police:Marianne,arial,sans-serif;\
--spp-couleur:#000091;--spp-couleur-survol:#1212ff;--spp-couleur-actif:#2323ff;--spp-texte:#f5f5fe;--spp-fond-survol:#f6f6f6;--spp-fond-actif:#ededed;--spp-erreur:#ce0500}\
:host([data-fr-theme=dark]){color-scheme:dark;color:#cecece;\
--spp-couleur:#8585f6;--spp-couleur-survol:#b1b1f9;--spp-couleur-actif:#c6c6fb;--spp-texte:#000091;--spp-fond-survol:#343434;--spp-fond-actif:#474747;--spp-erreur:#ff5655}\
:host([marque=neutre]){font-family:system-ui,arial,sans-serif;--spp-police:system-ui,arial,sans-serif;\
--spp-couleur:#3a3a3a;--spp-couleur-survol:#616161;--spp-couleur-actif:#777;--spp-texte:#fff}\
:host([marque=neutre][data-fr-theme=dark]){--spp-couleur:#cecece;--spp-couleur-survol:#a8a8a8;--spp-couleur-actif:#939393;--spp-texte:#161616}\
:host([hidden]){display:none}\
:host([data-mode=inline]){display:block;min-height:0;container-type:inline-size}\
.spp-bouton,.spp-erreur{all:initial;font-family:var(--spp-police);line-height:1.5;direction:ltr}\
.spp-bouton{display:inline-flex;align-items:center;gap:.5em;box-sizing:border-box;width:fit-content;max-width:100%;min-height:2.5em;\
margin:0;padding:.5em 1em;border:0;border-radius:0;font-size:1em;font-weight:500;text-align:start;text-decoration:none;cursor:pointer;\
color:var(--spp-texte);background:var(--spp-couleur)}\
.spp-bouton:hover{background:var(--spp-couleur-survol)}\
.spp-bouton:active{background:var(--spp-couleur-actif)}\
.spp-bouton:focus-visible{outline:2px solid #0a76f6;outline-offset:2px}\
.spp-bouton--outline,.spp-bouton--ghost{color:var(--spp-couleur);background:transparent}\
.spp-bouton--outline{box-shadow:inset 0 0 0 1px}\
.spp-bouton--outline:hover,.spp-bouton--ghost:hover{background:var(--spp-fond-survol)}\
.spp-bouton--outline:active,.spp-bouton--ghost:active{background:var(--spp-fond-actif)}\
@media (forced-colors:active){.spp-bouton{border:1px solid}}\
.spp-icone{flex-shrink:0;width:1em;height:1em}\
:host([data-attente]) .spp-bouton{visibility:hidden}\
.spp-lecteur{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\
.spp-attente{min-height:17.25em}\
@container (max-width:25em){.spp-attente{min-height:18.75em}}\
@container (max-width:21.25em){.spp-attente{min-height:20.25em}}\
.spp-erreur{display:inline-block;margin:0;padding:.5em .75em;border-left:.25em solid;color:var(--spp-erreur);font-size:.875em}\
`;

let sheet: CSSStyleSheet | undefined;

/** One sheet object for every button of the page, parsed once. */
export function buttonSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
