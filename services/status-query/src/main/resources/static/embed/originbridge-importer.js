/*
 * <originbridge-importer>: the importer's e-COs inside a buyer's procurement page.
 *
 *   <script type="module" src="https://STATUS-QUERY/embed/originbridge-importer.js"></script>
 *   <originbridge-importer base-url="https://STATUS-QUERY" token-url="/originbridge/token"></originbridge-importer>
 *
 * Authority: the procurement platform's BACKEND holds the importer's OAuth2 client (client_credentials,
 * scope eco.read, e.g. importer-osaka-denki) and hands a short-lived access token to its own page:
 * either at `token-url` (same origin as the page; GET answers {"access_token": "..."}; fetched again
 * once when status-query answers 401) or by setting the element's `accessToken` property. The client
 * secret never reaches the browser. status-query answers the page's origin only when it is listed in
 * STATUS_QUERY_IMPORTER_CORS_ORIGINS (GET, Authorization header, no cookies).
 *
 * Lists GET {base-url}/api/v1/importer/ecos and offers, per issued e-CO, the PDF
 * (/api/v1/importer/declarations/{id}/eco.pdf) and the signed copy (.../eco.signed.json), fetched with
 * the token and saved through a blob URL. Data is written with textContent only. Theme with CSS
 * custom properties: --ob-font, --ob-accent, --ob-border, --ob-text, --ob-background.
 */
const STYLE = `
:host { display: block; font-family: var(--ob-font, system-ui, sans-serif); color: var(--ob-text, #111);
        background: var(--ob-background, #fff); }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--ob-border, #999); padding: .3rem .5rem; text-align: left; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
button { font: inherit; color: var(--ob-accent, #0b4f6c); background: none; border: 1px solid currentColor;
         border-radius: 3px; padding: .1rem .4rem; cursor: pointer; margin-right: .3rem; }
button:focus { outline: 3px solid #f5a623; outline-offset: 1px; }
[role=status] { margin: .3rem 0; }
`;

class OriginBridgeImporter extends HTMLElement {
  static get observedAttributes() { return ['base-url', 'token-url']; }

  constructor() {
    super();
    this._token = null;
    this._root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this._status = document.createElement('p');
    this._status.setAttribute('role', 'status');
    this._status.setAttribute('aria-live', 'polite');
    this._table = document.createElement('div');
    this._root.append(style, this._status, this._table);
  }

  set accessToken(value) { this._token = value || null; if (this.isConnected) this.refresh(); }
  get accessToken() { return this._token; }

  connectedCallback() { this.refresh(); }
  attributeChangedCallback() { if (this.isConnected) this.refresh(); }

  get _base() { return (this.getAttribute('base-url') || '').replace(/\/+$/, ''); }

  async _fetchToken() {
    const url = this.getAttribute('token-url');
    if (!url) return this._token;
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('the procurement platform gave no access token (HTTP ' + response.status + ')');
    const body = await response.json();
    this._token = body.access_token;
    return this._token;
  }

  async _get(path) {
    if (!this._token) await this._fetchToken();
    if (!this._token) throw new Error('no access token: set token-url or the accessToken property');
    const call = () => fetch(this._base + path, { headers: { Authorization: 'Bearer ' + this._token }, credentials: 'omit' });
    let response = await call();
    if (response.status === 401 && this.getAttribute('token-url')) {
      await this._fetchToken();
      response = await call();
    }
    if (!response.ok) throw new Error('status-query answered HTTP ' + response.status);
    return response;
  }

  async refresh() {
    this._status.textContent = 'Loading your certificates of origin...';
    try {
      const body = await (await this._get('/api/v1/importer/ecos')).json();
      this._render(body.items || []);
      this._status.textContent = (body.items || []).length + ' e-CO(s) addressed to you';
    } catch (e) {
      this._table.replaceChildren();
      this._status.textContent = 'Cannot load your e-COs: ' + e.message;
    }
  }

  _render(items) {
    const table = document.createElement('table');
    const caption = document.createElement('caption');
    caption.textContent = 'RCEP certificates of origin addressed to you';
    const head = document.createElement('tr');
    for (const title of ['Reference', 'Exporter', 'Certificate', 'Status', 'Downloads']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = title;
      head.append(th);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    for (const item of items) {
      const row = document.createElement('tr');
      row.dataset.declaration = item.declarationId;
      for (const value of [item.referenceNumber, item.exporterName, item.certificateNumber || '-',
                           item.issuanceStatus || 'waiting for CCPIT']) {
        const td = document.createElement('td');
        td.textContent = value == null ? '-' : String(value);
        row.append(td);
      }
      const downloads = document.createElement('td');
      if (item.issued) {
        const id = encodeURIComponent(item.declarationId);
        downloads.append(
          this._button('PDF', 'pdf', `/api/v1/importer/declarations/${id}/eco.pdf`, `eco-${item.declarationId}.pdf`),
          this._button('Signed copy', 'signed', `/api/v1/importer/declarations/${id}/eco.signed.json`,
                       `eco-${item.declarationId}.signed.json`));
      } else {
        downloads.textContent = 'not issued';
      }
      row.append(downloads);
      tbody.append(row);
    }
    table.append(caption, thead, tbody);
    this._table.replaceChildren(table);
  }

  _button(label, kind, path, fileName) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = kind;
    button.textContent = label;
    button.setAttribute('aria-label', label + ' of ' + fileName);
    button.addEventListener('click', async () => {
      try {
        const blob = await (await this._get(path)).blob();
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = fileName;
        this._root.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
      } catch (e) {
        this._status.textContent = 'Download failed: ' + e.message;
      }
    });
    return button;
  }
}

if (!customElements.get('originbridge-importer')) {
  customElements.define('originbridge-importer', OriginBridgeImporter);
}
