/* global btoa -- Node 20 and browsers have it */
// Hostile strings for the XSS tests. Each one calls the page's canary, `__xssCanary(n)` with
// its own number, if it ever runs: as markup, as an event handler, as a URL that is followed
// or loaded, as a template expression or as CSS. `CANARY` in a template stands for that call.
// Shared by the hostile API route (test/server/hostile-api.mjs), which serves them, and the
// browser tests, which read them back from the route's plan.

/** [category, template]: `CANARY` becomes `top.__xssCanary(<index>)`. */
const TEMPLATES = [
  // Script elements, and ways out of the contexts a string might be pasted into.
  ['script', '<script>CANARY</script>'],
  ['script', '<SCRIPT SRC=data:text/javascript,CANARY></SCRIPT>'],
  ['script', '"><script>CANARY</script>'],
  ['script', "'><script>CANARY</script><'"],
  ['script', '</p></h2></span></li><script>CANARY</script>'],
  ['script', '<scr<script>ipt>CANARY</scr</script>ipt>'],
  ['script', '</script><script>CANARY</script>'],
  ['script', '</textarea></title></style></noscript><script>CANARY</script>'],
  ['script', '<script type="module">CANARY</script>'],
  // Event-handler attributes.
  ['handler', '<img src=x onerror="CANARY">'],
  ['handler', '<IMG SRC=/ OnErRoR  =  CANARY>'],
  ['handler', '<svg onload=CANARY>'],
  ['handler', '<body onload=CANARY>'],
  ['handler', '<details open ontoggle=CANARY>'],
  ['handler', '<input autofocus onfocus=CANARY>'],
  ['handler', '" onmouseover="CANARY" autofocus onfocus="CANARY" x="'],
  ['handler', "' onfocus='CANARY' autofocus='"],
  ['handler', '<video><source onerror="CANARY"></video>'],
  ['handler', '<iframe srcdoc="<script>parent.CANARY</script>"></iframe>'],
  ['handler', '<div style="animation:spin 1s" onanimationstart="CANARY">x</div>'],
  ['handler', '<x contenteditable onfocusin=CANARY autofocus>x</x>'],
  // URLs: javascript:, data:, vbscript:, with case, whitespace, control characters, entities.
  ['url', 'javascript:CANARY'],
  ['url', 'JaVaScRiPt:CANARY'],
  ['url', ' \t\n javascript:CANARY'],
  ['url', 'java\tscript:CANARY'],
  ['url', 'java\nscript:CANARY'],
  ['url', '\u0001javascript:CANARY'],
  ['url', 'javascript://%0ACANARY'],
  ['url', '&#106;avascript:CANARY'],
  ['url', 'javascript&colon;CANARY'],
  ['url', '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;CANARY'],
  ['url', 'jav&#x09;ascript:CANARY'],
  ['url', 'data:text/html,<script>CANARY</script>'],
  ['url', (canary) => `data:text/html;base64,${btoa(`<script>${canary}</script>`)}`],
  ['url', 'DATA:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="CANARY"/>'],
  ['url', 'vbscript:CANARY'],
  ['url', 'VbScRiPt:CANARY'],
  ['url', 'blob:https://example.gouv.fr/00000000-0000-4000-8000-000000000000#CANARY'],
  ['url', 'https:javascript:CANARY'],
  ['url', '<a href="javascript:CANARY">cliquez ici</a>'],
  ['url', '<form action="javascript:CANARY"><button>Envoyer</button></form>'],
  ['url', '<object data="javascript:CANARY"></object><embed src="javascript:CANARY">'],
  ['url', '<base href="javascript:CANARY//"><meta http-equiv="refresh" content="0;url=javascript:CANARY">'],
  // SVG and MathML.
  ['svg', '<svg><script>CANARY</script></svg>'],
  ['svg', '<svg><a xlink:href="javascript:CANARY"><text x="0" y="20">x</text></a></svg>'],
  ['svg', '<svg><animate onbegin=CANARY attributeName=x dur=1s></svg>'],
  ['svg', '<svg><image href=x onerror=CANARY></image></svg>'],
  [
    'svg',
    "<svg><use href=\"data:image/svg+xml,&lt;svg id='x' xmlns='http://www.w3.org/2000/svg'&gt;&lt;image href='1' onerror='CANARY'/&gt;&lt;/svg&gt;#x\"/></svg>",
  ],
  ['svg', '<math><mtext><table><mglyph><style><img src=x onerror=CANARY>'],
  ['svg', '<math href="javascript:CANARY"><mi>x</mi></math>'],
  ['svg', '<noscript><p title="</noscript><img src=x onerror=CANARY>">'],
  // Template-injection strings (Lit, Angular, Vue, Handlebars, ERB…).
  ['template', '${CANARY}'],
  ['template', '`${CANARY}`'],
  ['template', "{{constructor.constructor('CANARY')()}}"],
  ['template', "{{$on.constructor('CANARY')()}}"],
  ['template', '<%= CANARY %>#{CANARY}'],
  ['template', '[[${CANARY}]]{{{CANARY}}}'],
  // Strings shaped like Lit's own markers.
  ['lit', '<?lit$123456789$>CANARY'],
  ['lit', 'lit$123456789$<!--?lit$123456789$--><img src=x onerror=CANARY>'],
  ['lit', '<!---->${CANARY}<!--?-->lit$0$'],
  // CSS.
  ['css', '<div style="background:url(javascript:CANARY)">x</div>'],
  ['css', '<style>@import "javascript:CANARY";*{background:url("javascript:CANARY")}</style>'],
  ['css', 'x;background-image:url("javascript:CANARY");width:expression(CANARY)'],
  ['css', 'expression(CANARY)'],
  // Unicode tricks.
  ['unicode', '\u202e<img src=x onerror=CANARY>'],
  ['unicode', '\uff1cscript\uff1eCANARY\uff1c/script\uff1e'],
  ['unicode', '\ufe64script\ufe65CANARY\ufe64/script\ufe65'],
  ['unicode', '\u0000<script>CANARY</script>'],
  ['unicode', '<scr\u200bipt>CANARY</scr\u200bipt>'],
  ['unicode', '%3Cscript%3ECANARY%3C%2Fscript%3E'],
  ['unicode', '&lt;script&gt;CANARY&lt;/script&gt;'],
  ['unicode', '\\u003cscript\\u003eCANARY\\u003c/script\\u003e'],
  ['unicode', '\u2028\u2029<script>CANARY</script>'],
  ['unicode', '\ud835\udcb6\u0301<img src=x onerror=CANARY>\u00a0MINISTÈRE\nDE L’EXEMPLE'],
];

/** The payloads: `{ index, categorie, texte }`, `texte` calling `top.__xssCanary(index)`. */
export const PAYLOADS = TEMPLATES.map(([categorie, template], index) => {
  const canary = `top.__xssCanary(${index})`;
  const texte = typeof template === 'function' ? template(canary) : template.replaceAll('CANARY', canary);
  return { index, categorie, texte };
});
