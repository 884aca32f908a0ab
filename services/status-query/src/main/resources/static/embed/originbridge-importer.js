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
 *
 * Language: the `lang` attribute (en, zh, vi, ms), else the page's <html lang>, else the browser's
 * languages, else English; the same four languages as the verification module and the portal.
 */
const TEXTS = {
  en: { loading: 'Loading your certificates of origin...', count: n => n + ' e-CO(s) addressed to you',
        failed: 'Cannot load your e-COs: ', caption: 'RCEP certificates of origin addressed to you',
        columns: ['Reference', 'Exporter', 'Certificate', 'Status', 'Downloads'], waiting: 'waiting for CCPIT',
        notIssued: 'not issued', pdf: 'PDF', signed: 'Signed copy', of: ' of ', downloadFailed: 'Download failed: ',
        status: { ISSUED: 'Issued', REQUESTED: 'Requested', SUBMITTED: 'Submitted', UNDER_REVIEW: 'Under review',
                  REJECTED: 'Rejected', REVOKED: 'Revoked', FAILED: 'Failed', UNKNOWN: 'Unknown' } },
  zh: { loading: '正在加载您的原产地证书...', count: n => '共 ' + n + ' 份发给您的电子原产地证书',
        failed: '无法加载您的电子原产地证书：', caption: '发给您的 RCEP 原产地证书',
        columns: ['编号', '出口商', '证书', '状态', '下载'], waiting: '等待贸促会签发',
        notIssued: '未签发', pdf: 'PDF', signed: '签名副本', of: '：', downloadFailed: '下载失败：',
        status: { ISSUED: '已签发', REQUESTED: '已申请', SUBMITTED: '已提交', UNDER_REVIEW: '审核中',
                  REJECTED: '已拒绝', REVOKED: '已撤销', FAILED: '失败', UNKNOWN: '未知' } },
  vi: { loading: 'Đang tải giấy chứng nhận xuất xứ của bạn...', count: n => n + ' e-CO gửi cho bạn',
        failed: 'Không tải được e-CO của bạn: ', caption: 'Giấy chứng nhận xuất xứ RCEP gửi cho bạn',
        columns: ['Số tham chiếu', 'Nhà xuất khẩu', 'Giấy chứng nhận', 'Trạng thái', 'Tải xuống'],
        waiting: 'đang chờ CCPIT', notIssued: 'chưa cấp', pdf: 'PDF', signed: 'Bản sao có chữ ký', of: ' của ',
        downloadFailed: 'Tải xuống thất bại: ',
        status: { ISSUED: 'Đã cấp', REQUESTED: 'Đã yêu cầu', SUBMITTED: 'Đã nộp', UNDER_REVIEW: 'Đang xem xét',
                  REJECTED: 'Bị từ chối', REVOKED: 'Bị thu hồi', FAILED: 'Thất bại', UNKNOWN: 'Không rõ' } },
  ms: { loading: 'Memuatkan sijil asal anda...', count: n => n + ' e-CO dialamatkan kepada anda',
        failed: 'Tidak dapat memuatkan e-CO anda: ', caption: 'Sijil asal RCEP yang dialamatkan kepada anda',
        columns: ['Rujukan', 'Pengeksport', 'Sijil', 'Status', 'Muat turun'], waiting: 'menunggu CCPIT',
        notIssued: 'belum dikeluarkan', pdf: 'PDF', signed: 'Salinan bertandatangan', of: ' bagi ',
        downloadFailed: 'Muat turun gagal: ',
        status: { ISSUED: 'Dikeluarkan', REQUESTED: 'Dimohon', SUBMITTED: 'Dihantar', UNDER_REVIEW: 'Dalam semakan',
                  REJECTED: 'Ditolak', REVOKED: 'Dibatalkan', FAILED: 'Gagal', UNKNOWN: 'Tidak diketahui' } },
};

/** The first supported language of: the lang attribute, the page's lang, the browser's languages. */
function languageOf(element) {
  const candidates = [element.getAttribute('lang'), document.documentElement.getAttribute('lang'),
                      ...(navigator.languages || [navigator.language])];
  for (const candidate of candidates) {
    const language = String(candidate || '').toLowerCase().split(/[-_]/)[0];
    if (Object.prototype.hasOwnProperty.call(TEXTS, language)) return language;
  }
  return 'en';
}
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
  static get observedAttributes() { return ['base-url', 'token-url', 'lang']; }

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

  get _texts() { return TEXTS[languageOf(this)]; }

  async refresh() {
    const t = this._texts;
    this._root.host.dataset.language = languageOf(this);
    this._status.textContent = t.loading;
    try {
      const body = await (await this._get('/api/v1/importer/ecos')).json();
      this._render(body.items || []);
      this._status.textContent = t.count((body.items || []).length);
    } catch (e) {
      this._table.replaceChildren();
      this._status.textContent = t.failed + e.message;
    }
  }

  _render(items) {
    const t = this._texts;
    const table = document.createElement('table');
    const caption = document.createElement('caption');
    caption.textContent = t.caption;
    const head = document.createElement('tr');
    for (const title of t.columns) {
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
                           item.issuanceStatus ? (t.status[item.issuanceStatus] || item.issuanceStatus) : t.waiting]) {
        const td = document.createElement('td');
        td.textContent = value == null ? '-' : String(value);
        row.append(td);
      }
      const downloads = document.createElement('td');
      if (item.issued) {
        const id = encodeURIComponent(item.declarationId);
        downloads.append(
          this._button(t.pdf, 'pdf', `/api/v1/importer/declarations/${id}/eco.pdf`, `eco-${item.declarationId}.pdf`),
          this._button(t.signed, 'signed', `/api/v1/importer/declarations/${id}/eco.signed.json`,
                       `eco-${item.declarationId}.signed.json`));
      } else {
        downloads.textContent = t.notIssued;
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
    button.setAttribute('aria-label', label + this._texts.of + fileName);
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
        this._status.textContent = this._texts.downloadFailed + e.message;
      }
    });
    return button;
  }
}

if (!customElements.get('originbridge-importer')) {
  customElements.define('originbridge-importer', OriginBridgeImporter);
}
