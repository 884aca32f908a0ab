/*
 * <originbridge-route reference="RCEP-..." code="..."> : the delivery route of a published
 * declaration on a map, from OriginBridge status-query.
 *
 *   <script src="https://STATUS-QUERY/embed/originbridge-route.js" defer></script>
 *   <originbridge-route reference="RCEP-CN-2026-000101" code="ABCD-EFGH-JK2"></originbridge-route>
 *
 * Attributes: reference, code (the verification code or short code), lang (en | zh | vi | ms),
 * base (the status-query origin; default: where this script came from), tile-url and
 * tile-attribution (optional XYZ tiles; default: the shipped Natural Earth coastline only, no tile
 * server). Everything it loads (Leaflet from its WebJar, the coastline, topojson-client) comes from
 * status-query. It marks Yangshan, Cai Mep and Port Klang, draws the legs (planned dashed, done
 * solid), the current position and the ETA, and follows the declaration's event stream
 * (/api/v1/public/verifications/{ref}/events): a 'route' event (a new port event moved the cargo or
 * its ETA) or a 'card' event re-reads the route and redraws it at once, no reload. Only a browser
 * without EventSource re-reads the route every 30 s instead. Theme with CSS custom properties: --ob-route-land, --ob-route-sea, --ob-route-line,
 * --ob-route-done, --ob-route-position, --ob-route-landmark, --ob-route-height, --ob-route-font.
 */
(() => {
  if (customElements.get('originbridge-route')) {
    return;
  }
  const SCRIPT_ORIGIN = (() => {
    try {
      return new URL(document.currentScript.src).origin;
    } catch (e) {
      return window.location.origin;
    }
  })();
  const LEAFLET = '/webjars/leaflet/1.9.4/dist/';
  const TOPOJSON = '/vendor/topojson-client/topojson-client.min.js';
  const LAND = '/maps/land-50m.json';
  const REFRESH_MS = 30000;

  const TEXT = {
    en: { title: 'Delivery route', loading: 'Loading the route…', none: 'No route is shown for this reference number and code.',
      error: 'The route could not be loaded.', notStarted: 'Not departed yet from {0}', at: 'At {0}',
      onLeg: 'On the way from {0} to {1}', arrived: 'Arrived at {0}', eta: 'ETA {0}: {1}',
      PLN: 'planned', EST: 'estimated', ACT: 'actual', position: 'Current position', map: 'Map of the delivery route',
      loading_role: 'port of loading', transshipment: 'transshipment', discharge: 'port of discharge', live: 'live' },
    zh: { title: '运输路线', loading: '正在加载路线…', none: '此参考号和验证码没有可显示的路线。',
      error: '无法加载路线。', notStarted: '尚未从{0}出发', at: '位于{0}', onLeg: '从{0}驶往{1}途中', arrived: '已抵达{0}',
      eta: '预计到达{0}：{1}', PLN: '计划', EST: '预计', ACT: '实际', position: '当前位置', map: '运输路线地图',
      loading_role: '装货港', transshipment: '中转港', discharge: '卸货港', live: '实时' },
    vi: { title: 'Lộ trình giao hàng', loading: 'Đang tải lộ trình…', none: 'Không có lộ trình cho số tham chiếu và mã này.',
      error: 'Không tải được lộ trình.', notStarted: 'Chưa rời {0}', at: 'Đang ở {0}', onLeg: 'Đang đi từ {0} đến {1}',
      arrived: 'Đã đến {0}', eta: 'Dự kiến đến {0}: {1}', PLN: 'kế hoạch', EST: 'ước tính', ACT: 'thực tế',
      position: 'Vị trí hiện tại', map: 'Bản đồ lộ trình giao hàng', loading_role: 'cảng xếp hàng',
      transshipment: 'cảng chuyển tải', discharge: 'cảng dỡ hàng', live: 'trực tiếp' },
    ms: { title: 'Laluan penghantaran', loading: 'Memuatkan laluan…', none: 'Tiada laluan untuk nombor rujukan dan kod ini.',
      error: 'Laluan tidak dapat dimuatkan.', notStarted: 'Belum bertolak dari {0}', at: 'Di {0}',
      onLeg: 'Dalam perjalanan dari {0} ke {1}', arrived: 'Tiba di {0}', eta: 'ETA {0}: {1}', PLN: 'dirancang',
      EST: 'anggaran', ACT: 'sebenar', position: 'Kedudukan semasa', map: 'Peta laluan penghantaran',
      loading_role: 'pelabuhan muat', transshipment: 'pelabuhan pindah kapal', discharge: 'pelabuhan punggah', live: 'langsung' }
  };

  const loaded = {};
  function loadScript(url) {
    if (!loaded[url]) {
      loaded[url] = new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = url;
        s.onload = resolve;
        s.onerror = () => reject(new Error('could not load ' + url));
        document.head.appendChild(s);
      });
    }
    return loaded[url];
  }
  const landCache = {};
  function landOf(base) {
    if (!landCache[base]) {
      landCache[base] = fetch(base + LAND).then((r) => {
        if (!r.ok) throw new Error('coastline: HTTP ' + r.status);
        return r.json();
      }).then((topology) => window.topojson.feature(topology, topology.objects.land));
    }
    return landCache[base];
  }


  class OriginBridgeRoute extends HTMLElement {
    static get observedAttributes() { return ['reference', 'code', 'lang']; }

    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
    }

    get base() { return (this.getAttribute('base') || SCRIPT_ORIGIN).replace(/\/+$/, ''); }
    get t() { return TEXT[(this.getAttribute('lang') || document.documentElement.lang || 'en').slice(0, 2)] || TEXT.en; }

    connectedCallback() {
      this.render();
    }

    disconnectedCallback() {
      this.stopLive();
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (this.isConnected && oldValue !== newValue && this.shadowRoot.childElementCount) {
        this.render();
      }
    }

    stopLive() {
      if (this.events) { this.events.close(); this.events = null; }
      if (this.timer) { clearInterval(this.timer); this.timer = null; }
    }

    async render() {
      this.stopLive();
      this.lastBody = null;
      const t = this.t;
      const root = this.shadowRoot;
      root.innerHTML = '';
      const sheet = (href) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        link.loaded = new Promise((resolve) => { link.onload = resolve; link.onerror = resolve; });
        return link;
      };
      const css = sheet(this.base + LEAFLET + 'leaflet.css');
      const style = sheet(this.base + '/embed/originbridge-route-element.css');
      const summary = document.createElement('p');
      summary.className = 'summary';
      summary.setAttribute('aria-live', 'polite');
      summary.textContent = t.loading;
      const mapEl = document.createElement('div');
      mapEl.className = 'map';
      // a labelled region, not an image: it holds focusable controls (zoom, markers); axe: nested-interactive
      mapEl.setAttribute('role', 'region');
      mapEl.setAttribute('aria-label', t.map);
      const legend = document.createElement('div');
      legend.className = 'legend';
      legend.innerHTML = '<span class="done"></span><span class="planned"></span>';
      legend.children[0].textContent = t.ACT;
      legend.children[1].textContent = t.PLN + ' / ' + t.EST;
      const status = document.createElement('p');
      status.className = 'status';
      root.append(css, style, summary, mapEl, legend, status);
      this.parts = { summary, mapEl, status };
      try {
        await Promise.all([loadScript(this.base + LEAFLET + 'leaflet.js'), loadScript(this.base + TOPOJSON),
          css.loaded, style.loaded]);
        this.map = window.L.map(mapEl, { worldCopyJump: false, attributionControl: true, zoomSnap: 0.25 });
        const tiles = this.getAttribute('tile-url');
        if (tiles && /^https:\/\//.test(tiles)) {
          window.L.tileLayer(tiles, { attribution: this.getAttribute('tile-attribution') || '' }).addTo(this.map);
        } else {
          const land = await landOf(this.base);
          window.L.geoJSON(land, { interactive: false, style: () => ({
            color: getComputedStyle(this).getPropertyValue('--ob-route-coast').trim() || '#7c8a7a', weight: 0.6,
            fillColor: getComputedStyle(this).getPropertyValue('--ob-route-land').trim() || '#eef0e6', fillOpacity: 1 }) })
            .addTo(this.map);
          this.map.attributionControl.addAttribution('Natural Earth');
        }
        this.layer = window.L.layerGroup().addTo(this.map);
        this.map.setView([18, 112], 4);
        await this.refresh(true);
        this.live();
      } catch (e) {
        summary.textContent = t.error;
        summary.setAttribute('role', 'alert');
      }
    }

    url(path) {
      return this.base + path + encodeURIComponent(this.getAttribute('reference') || '') + '?code='
        + encodeURIComponent(this.getAttribute('code') || '');
    }

    async refresh(fit) {
      const t = this.t;
      const response = await fetch(this.url('/api/v1/public/routes/'), { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        this.parts.summary.textContent = response.status === 404 ? t.none : t.error;
        this.parts.summary.setAttribute('role', 'alert');
        this.dataset.state = 'none';
        return;
      }
      const body = await response.text();
      if (body === this.lastBody) {
        return; // nothing changed: keep the drawn layers
      }
      this.lastBody = body;
      const route = JSON.parse(body);
      this.draw(route, fit);
      this.dataset.state = route.position ? route.position.kind : 'NONE';
      this.dispatchEvent(new CustomEvent('originbridge-route', { detail: route, bubbles: true, composed: true }));
    }

    live() {
      // the read side's event stream: status-query pushes a 'route' event when the delivery route
      // changed (a new DCSA / EDIFACT port event: position, ETA) and a 'card' event when the
      // verification changed; either re-reads the route and redraws only if it changed
      if (window.EventSource) {
        const source = new EventSource(this.base + '/api/v1/public/verifications/'
          + encodeURIComponent(this.getAttribute('reference') || '') + '/events?code='
          + encodeURIComponent(this.getAttribute('code') || ''));
        const redraw = () => this.refresh(false).catch(() => {});
        ['route', 'card', 'message'].forEach((n) => source.addEventListener(n, redraw));
        source.onopen = () => { this.parts.status.textContent = '● ' + this.t.live; };
        source.onerror = () => {
          if (source.readyState === EventSource.CLOSED) {
            this.parts.status.textContent = '';
          }
        };
        this.events = source;
        return;
      }
      // no EventSource in this browser: re-read the route while the page is visible
      this.timer = setInterval(() => {
        if (document.visibilityState !== 'hidden') {
          this.refresh(false).catch(() => {});
        }
      }, REFRESH_MS);
    }

    draw(route, fit) {
      const L = window.L;
      const t = this.t;
      const css = (name, fallback) => getComputedStyle(this).getPropertyValue(name).trim() || fallback;
      const done = css('--ob-route-done', '#0b6e4f');
      const planned = css('--ob-route-line', '#4a5568');
      const landmarkColour = css('--ob-route-landmark', '#1f4e9a');
      this.layer.clearLayers();
      const points = [];
      const byCode = {};
      (route.stops || []).forEach((s) => { byCode[s.unLocode] = s; });
      const name = (code) => (byCode[code] && byCode[code].name) || code;
      const label = (value) => { const span = document.createElement('span'); span.textContent = value; return span; };
      const when = (ts) => ts ? new Date(ts).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '-';

      (route.landmarks || []).forEach((p) => {
        L.circleMarker([p.latitude, p.longitude], { radius: 7, color: landmarkColour, weight: 2, fillOpacity: 0.15,
          className: 'ob-landmark' })
          .bindTooltip(label(p.name + ' (' + p.unLocode + ')'), { permanent: true, direction: 'right', className: 'ob-landmark-label' })
          .addTo(this.layer);
        points.push([p.latitude, p.longitude]);
      });
      (route.legs || []).forEach((leg) => {
        const a = byCode[leg.from];
        const b = byCode[leg.to];
        if (!a || !b || a.latitude == null || b.latitude == null) return;
        const from = [a.latitude, a.longitude];
        const to = [b.latitude, b.longitude];
        const solid = { color: done, weight: 4, className: 'ob-leg-done' };
        const dashed = { color: planned, weight: 3, dashArray: '8 8', className: 'ob-leg-planned' };
        if (leg.status === 'DONE') {
          L.polyline([from, to], solid).addTo(this.layer);
        } else if (leg.status === 'UNDERWAY' && route.position && route.position.latitude != null) {
          const here = [route.position.latitude, route.position.longitude];
          L.polyline([from, here], solid).addTo(this.layer);
          L.polyline([here, to], dashed).addTo(this.layer);
        } else {
          L.polyline([from, to], dashed).addTo(this.layer);
        }
      });
      (route.stops || []).forEach((s) => {
        if (s.latitude == null) return;
        const role = s.role === 'LOADING' ? t.loading_role : s.role === 'DISCHARGE' ? t.discharge : t.transshipment;
        const line = (label, x) => label + ': ' + [x.planned, x.estimated, x.actual].map(when).join(' / ');
        L.circleMarker([s.latitude, s.longitude], { radius: 5, color: '#222', weight: 1, fillColor: '#fff', fillOpacity: 1,
          className: 'ob-stop' })
          .bindPopup('<strong></strong><br><span></span>')
          .on('popupopen', (e) => {
            const el = e.popup.getElement();
            el.querySelector('strong').textContent = (s.name || s.unLocode) + ' (' + s.unLocode + '), ' + role;
            el.querySelector('span').textContent = line('ARR', s.arrival) + ' | ' + line('DEP', s.departure)
              + ' (' + t.PLN + ' / ' + t.EST + ' / ' + t.ACT + ')';
          })
          .addTo(this.layer);
        points.push([s.latitude, s.longitude]);
      });
      const p = route.position;
      if (p && p.latitude != null) {
        const marker = L.marker([p.latitude, p.longitude], {
          icon: L.divIcon({ className: 'ob-position-icon', html: '<div class="ob-position"></div>', iconSize: [24, 24] }),
          title: t.position, alt: t.position, keyboard: true, zIndexOffset: 1000 });
        marker.addTo(this.layer);
        marker.getElement && marker.getElement() && marker.getElement().setAttribute('data-position', p.kind);
      }
      let text;
      if (!p || p.kind === 'NOT_STARTED') text = t.notStarted.replace('{0}', name(p && p.at));
      else if (p.kind === 'AT_NODE') text = t.at.replace('{0}', name(p.at));
      else if (p.kind === 'ON_LEG') text = t.onLeg.replace('{0}', name(p.from)).replace('{1}', name(p.to))
        + (p.progress == null ? '' : ' (' + Math.round(p.progress * 100) + '%)');
      else text = t.arrived.replace('{0}', name(p.at)) + ' ' + when(p.since);
      const summary = this.parts.summary;
      summary.removeAttribute('role');
      summary.textContent = '';
      const strong = document.createElement('strong');
      strong.textContent = text;
      summary.appendChild(strong);
      if (route.eta && route.eta.at && (!p || p.kind !== 'ARRIVED')) {
        summary.appendChild(document.createTextNode(' · ' + t.eta.replace('{0}', name(route.eta.unLocode))
          .replace('{1}', when(route.eta.at)) + ' (' + (t[route.eta.basis] || route.eta.basis) + ')'));
      }
      this.parts.mapEl.setAttribute('aria-label', t.map + ': ' + summary.textContent);
      if (fit && points.length) {
        this.map.fitBounds(L.latLngBounds(points).pad(0.15), { maxZoom: 6 });
      }
    }
  }

  customElements.define('originbridge-route', OriginBridgeRoute);
})();
