// Puts the OriginBridge snippet on this demo page, as an exporter would paste it:
//   <script type="module" src="BASE/embed/originbridge.js"></script>
//   <originbridge-verification reference="..." code="..."></originbridge-verification>
// and the iframe variant. BASE, reference and code come from this page's address.
const params = new URLSearchParams(window.location.search);
const reference = params.get('reference') || '';
const code = params.get('code') || '';
let base;
try {
  const url = new URL(params.get('base') || '');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  base = url.origin + url.pathname.replace(/\/$/, '');
} catch (e) {
  document.getElementById('module').textContent = 'Open this page with ?base=STATUS_QUERY_URL&reference=...&code=... '
    + '(bin/originbridge demo prints it).';
}
if (base) {
  for (const file of ['originbridge.js', 'originbridge-route.js']) {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = base + '/embed/' + file;   // the route element ships with status-query when present
    document.head.append(script);
  }
  const element = document.createElement('originbridge-verification');
  element.setAttribute('reference', reference);
  element.setAttribute('code', code);
  document.getElementById('module').append(element);
  const frame = document.createElement('iframe');
  const src = new URL(base + '/embed/frame');
  src.searchParams.set('reference', reference);
  src.searchParams.set('code', code);
  frame.src = src.href;
  frame.title = 'RCEP certificate of origin ' + reference + ' verification';
  document.getElementById('frame').append(frame);
}
