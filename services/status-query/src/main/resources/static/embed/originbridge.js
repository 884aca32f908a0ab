// OriginBridge embeddable verification module: <originbridge-verification reference="..." code="..." lang="...">
//
//   <script type="module" src="https://STATUS-QUERY/embed/originbridge.js"></script>
//   <originbridge-verification reference="RCEP-CN-2026-..." code="7K3M-9QXT-2BF"></originbridge-verification>
//
// Shows the verification status, the short code, the issuer, the issuance status, the QR code and (when
// <originbridge-route> is defined on the page) the delivery route, and updates live from the card's
// Server-Sent Events stream. The page's origin must be one of status-query's CORS allowed origins.
// No dependency, nothing fetched but status-query's public card stream; all data is written with
// textContent (never parsed as HTML). Theme with CSS custom properties on the element (--ob-accent,
// --ob-font, --ob-background, --ob-text, --ob-muted, --ob-border, --ob-radius, --ob-verified,
// --ob-pending, --ob-invalid and their -bg variants) or ::part(card|status|facts|qr|checks|link|route).

const STYLE = `
:host { display: block; container-type: inline-size; font-family: var(--ob-font, system-ui, sans-serif);
  color: var(--ob-text, #1b1f24); line-height: 1.45; }
:host([hidden]) { display: none; }
.card { background: var(--ob-background, #fff); border: 1px solid var(--ob-border, #c9ced6);
  border-radius: var(--ob-radius, 10px); padding: 1rem; }
.status { border-radius: calc(var(--ob-radius, 10px) - 4px); padding: .6rem .8rem; }
.state-VERIFIED .status { background: var(--ob-verified-bg, #e6f4ea); color: var(--ob-verified, #0b6b2f); }
.state-PENDING .status, .state-LOADING .status { background: var(--ob-pending-bg, #fff3dc); color: var(--ob-pending, #7a4a00); }
.state-NOT_VERIFIED .status, .state-ERROR .status { background: var(--ob-invalid-bg, #fdeaea); color: var(--ob-invalid, #a3131b); }
.headline { margin: 0; font-size: 1.2rem; font-weight: 700; }
.explanation { margin: .2rem 0 0; color: var(--ob-text, #1b1f24); }
.body { display: flex; gap: 1rem; align-items: flex-start; margin-top: .8rem; }
dl { flex: 1 1 auto; display: grid; grid-template-columns: max-content 1fr; gap: .25rem .8rem; margin: 0; }
dt { color: var(--ob-muted, #4a5160); }
dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.code { font-family: ui-monospace, Menlo, Consolas, monospace; letter-spacing: .05em; }
img { flex: 0 0 auto; width: 132px; height: 132px; border: 1px solid var(--ob-border, #c9ced6); border-radius: 6px;
  image-rendering: pixelated; }
ul { list-style: none; margin: .8rem 0 0; padding: 0; }
li { border-top: 1px solid var(--ob-border, #c9ced6); padding: .4rem 0; }
.check-title { font-weight: 600; }
.VALID .mark { color: var(--ob-verified, #0b6b2f); }
.INVALID .mark { color: var(--ob-invalid, #a3131b); }
.SKIPPED .mark { color: var(--ob-pending, #7a4a00); }
.check-explanation { display: block; color: var(--ob-muted, #4a5160); font-size: .92rem; }
.foot { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem; margin-top: .6rem; font-size: .9rem; }
a { color: var(--ob-accent, #0b4f8a); }
a:focus-visible { outline: 3px solid var(--ob-accent, #0b4f8a); outline-offset: 2px; }
.live { color: var(--ob-muted, #4a5160); }
.route { margin-top: .8rem; }
@container (max-width: 26rem) {
  .body { flex-direction: column; }
  dl { grid-template-columns: 1fr; }
  dd { margin-bottom: .25rem; }
}
`;

const MARKS = { VALID: '\u2713', INVALID: '\u2717', SKIPPED: '\u2026' };
const STATE_MARKS = { VERIFIED: '\u2713', NOT_VERIFIED: '\u2717', PENDING: '\u2026', LOADING: '\u2026', ERROR: '\u2717' };
const FACTS = [
  ['reference', (c) => c.reference, false],
  ['shortCode', (c) => c.facts.shortCode, true],
  ['exporter', (c) => c.facts.exporterName, false],
  ['issuer', (c) => c.facts.issuingBody, false],
  ['issuance', (c) => c.facts.issuanceStatus, false],
  ['certificate', (c) => c.facts.certificateNumber, false],
  ['consistency', (c) => c.facts.consistency, false],
];

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function sheet() {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    const s = new CSSStyleSheet();
    s.replaceSync(STYLE);
    return s;
  }
  return null;
}

const SHARED_SHEET = sheet();
const MODULE_BASE = new URL('..', import.meta.url).href.replace(/\/$/, '');

class OriginBridgeVerification extends HTMLElement {
  static get observedAttributes() { return ['reference', 'code', 'lang', 'base']; }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    if (SHARED_SHEET) {
      this.shadowRoot.adoptedStyleSheets = [SHARED_SHEET];
    } else {
      this.shadowRoot.append(el('style', {}, STYLE));
    }
    this.root = el('section', { class: 'card state-LOADING', part: 'card', role: 'region', 'aria-label': 'Verification' });
    this.status = el('div', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.headline = el('p', { class: 'headline' }, '\u2026');
    this.explanation = el('p', { class: 'explanation' });
    this.status.append(this.headline, this.explanation);
    this.body = el('div', { class: 'body' });
    this.checks = el('ul', { part: 'checks' });
    this.foot = el('p', { class: 'foot' });
    this.routeSlot = el('div', { class: 'route', part: 'route' });
    this.root.append(this.status, this.body, this.checks, this.routeSlot, this.foot);
    this.shadowRoot.append(this.root);
    this.events = null;
    this.route = null;
  }

  connectedCallback() { this.start(); }

  disconnectedCallback() { this.stop(); }

  attributeChangedCallback(name, before, after) {
    if (before !== after && this.isConnected) this.start();
  }

  base() {
    return (this.getAttribute('base') || MODULE_BASE).replace(/\/$/, '');
  }

  url(kind) {
    const reference = this.getAttribute('reference') || '';
    const url = new URL(this.base() + '/api/v1/public/verifications/' + encodeURIComponent(reference) + '/' + kind);
    url.searchParams.set('code', this.getAttribute('code') || '');
    const lang = this.getAttribute('lang');
    if (lang) url.searchParams.set('lang', lang);
    return url.href;
  }

  start() {
    this.stop();
    if (!this.getAttribute('reference') || !this.getAttribute('code')) {
      this.renderError('reference and code attributes are required');
      return;
    }
    let received = false;
    this.events = new EventSource(this.url('events'));
    this.events.addEventListener('card', (event) => {
      received = true;
      this.render(JSON.parse(event.data));
    });
    this.events.addEventListener('error', () => {
      // the stream ends for a code that does not match (after its card) and when the server is unreachable;
      // EventSource reconnects by itself unless closed; without a card yet, read the card once instead
      if (!received && this.events && this.events.readyState === EventSource.CLOSED) {
        this.fetchOnce();
      }
    });
  }

  async fetchOnce() {
    try {
      const response = await fetch(this.url('card'), { credentials: 'omit', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      this.render(await response.json());
    } catch (e) {
      this.renderError(String(e));
    }
  }

  stop() {
    if (this.events) {
      this.events.close();
      this.events = null;
    }
  }

  renderError(message) {
    this.root.className = 'card state-ERROR';
    this.headline.textContent = '\u2717 OriginBridge';
    this.explanation.textContent = message;
    this.setAttribute('state', 'ERROR');
  }

  render(card) {
    const labels = card.labels || {};
    this.root.className = 'card state-' + card.state;
    this.root.setAttribute('aria-label', labels.status || 'Verification');
    this.root.setAttribute('lang', card.lang);
    this.headline.textContent = (STATE_MARKS[card.state] || '') + ' ' + card.headline;
    this.explanation.textContent = card.explanation;

    const facts = el('dl', { part: 'facts' });
    for (const [key, read, code] of FACTS) {
      const value = read(card);
      if (!value) continue;
      facts.append(el('dt', {}, labels[key]), el('dd', code ? { class: 'code' } : {}, value));
    }
    const body = [facts];
    if (card.qrUrl) {
      body.push(el('img', { src: card.qrUrl, alt: labels.qr, width: '132', height: '132', part: 'qr' }));
    }
    this.body.replaceChildren(...body);

    this.checks.setAttribute('aria-label', labels.checks || '');
    this.checks.replaceChildren(...card.checks.map((check) => {
      const item = el('li', { class: check.state });
      const title = el('span', { class: 'check-title' });
      title.append(el('span', { class: 'mark', 'aria-hidden': 'true' }, MARKS[check.state] || ''), ' ' + check.title);
      item.append(title, el('span', { class: 'check-explanation' }, check.explanation));
      return item;
    }));

    const link = el('a', { href: card.pageUrl, target: '_blank', rel: 'noopener noreferrer', part: 'link' }, labels.open);
    const live = el('span', { class: 'live' }, this.events && this.events.readyState !== EventSource.CLOSED
      ? labels.live + ' \u00b7 ' + labels.poweredBy : labels.poweredBy);
    this.foot.replaceChildren(link, live);

    this.renderRoute(card);
    const changed = this.getAttribute('state') !== card.state;
    this.setAttribute('state', card.state);
    if (changed) {
      this.dispatchEvent(new CustomEvent('originbridge-verification-change', { detail: { state: card.state }, bubbles: true }));
    }
  }

  renderRoute(card) {
    if (this.route || !card.qrUrl) return;
    const place = () => {
      if (this.route) return;
      this.route = document.createElement('originbridge-route');
      for (const name of ['reference', 'code', 'lang', 'base']) {
        const value = name === 'base' ? this.base() : this.getAttribute(name);
        if (value) this.route.setAttribute(name, value);
      }
      this.routeSlot.replaceChildren(el('h3', {}, card.labels.route), this.route);
    };
    if (customElements.get('originbridge-route')) {
      place();
    } else {
      customElements.whenDefined('originbridge-route').then(place);
    }
  }
}

if (!customElements.get('originbridge-verification')) {
  customElements.define('originbridge-verification', OriginBridgeVerification);
}
