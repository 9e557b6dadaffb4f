// Dragoman page. Article text and every value from the API are untrusted: they are only ever put into the page
// with textContent, setAttribute or Leaflet calls given DOM nodes, never as HTML.
'use strict';

const state = { events: [], incidents: null, incidentsKept: true, brush: null, selected: null, map: null, cluster: null, actionsLoaded: false };
const MAX_EVENTS = 5000;
const NOT_OCCURRED = new Set(['expected', 'denied', 'hypothetical', 'negated']);

// ------------------------------------------------------------------ helpers

function el(tag, props, ...children) {
  const e = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = String(v);
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, String(v));
    }
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || `${r.status} ${r.statusText}`);
  return body;
}

function eventDate(e) { return (e.time && e.time.start) || e.published || null; }
function dayMs(iso) { const t = Date.parse(iso + 'T00:00:00Z'); return Number.isNaN(t) ? null : t; }
function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
function occurred(e) { return e.occurred !== false && !NOT_OCCURRED.has(e.modality); }
function who(arg) { return arg && arg.text ? arg.text : ''; }

// ------------------------------------------------------------------ loading

function filterParams() {
  const p = new URLSearchParams();
  const v = id => document.getElementById(id).value.trim();
  if (v('f-actor')) p.set('actor', v('f-actor'));
  if (v('f-place')) p.set('place', v('f-place'));
  if (v('f-action')) p.set('action', v('f-action'));
  if (v('f-modality')) p.set('modality', v('f-modality'));
  if (v('f-from')) p.set('from', v('f-from'));
  if (v('f-to')) p.set('to', v('f-to'));
  if (document.getElementById('f-all').checked) p.set('all', '1'); // else the API lists main events
  return p;
}

// Each load is numbered: a slower, older load that finishes after a newer one (filters changed quickly, a reset then a
// tick) must not overwrite the newer result.
let loadGeneration = 0;

async function loadEvents() {
  const generation = ++loadGeneration;
  const superseded = () => generation !== loadGeneration;
  const p = filterParams();
  p.set('limit', '500');
  const all = [];
  let offset = 0;
  try {
    while (all.length < MAX_EVENTS) {
      p.set('offset', String(offset));
      const page = await getJson('api/events?' + p.toString());
      if (superseded()) return;
      all.push(...page.items);
      if (page.next_offset === null || page.next_offset === undefined) break;
      offset = page.next_offset;
    }
  } catch (err) {
    if (!superseded()) showListError(err.message);
    return;
  }
  const incidents = await loadIncidents();
  if (superseded()) return;
  state.events = all;
  state.incidents = incidents;
  state.brush = null;
  if (!state.actionsLoaded && !p.has('action')) fillActions(all);
  render();
}

// The list shows incidents (main events merged across articles) unless "per-article reports" or "all events" is ticked
// (background events belong to no incident) or the store keeps none.
function listingIncidents() {
  return state.incidentsKept && !document.getElementById('f-reports').checked && !document.getElementById('f-all').checked;
}

// The incidents the list shows for the current filters, or null where it lists events.
async function loadIncidents() {
  if (!listingIncidents()) return null;
  const p = filterParams();
  p.delete('all'); // incidents are made of main events
  p.set('limit', '500');
  const all = [];
  try {
    while (all.length < MAX_EVENTS) {
      const page = await getJson('api/incidents?' + p.toString());
      all.push(...page.items);
      if (!page.next_after) break;
      p.set('after', page.next_after);
    }
  } catch (err) {
    showListError(err.message);
    return null;
  }
  return all;
}

function fillActions(events) {
  const sel = document.getElementById('f-action');
  const actions = [...new Set(events.map(e => e.action))].sort();
  for (const a of actions) sel.append(el('option', { value: a, text: a }));
  state.actionsLoaded = true;
}

async function loadStats() {
  try {
    const s = await getJson('api/stats');
    state.incidentsKept = s.incidents !== false;
    document.getElementById('stats').textContent = `${s.articles} articles · ${s.events} events`;
  } catch (err) { /* the list shows errors */ }
}

// Actors and places across the whole store, most active first; clicking one filters the events by it.
async function loadFacets() {
  const facet = async (url, listId, inputId, label, detail) => {
    const list = document.getElementById(listId);
    try {
      const page = await getJson(url);
      list.replaceChildren(...page.items.map(item => {
        const li = el('li', { tabindex: 0, 'data-name': item.name, title: 'Show only events with ' + item.name },
          el('span', { text: label(item) }), el('span', { class: 'muted', text: detail(item) }),
          el('span', { class: 'badge', text: `${item.events} ev · ${item.articles} art` }));
        const pick = () => { document.getElementById(inputId).value = item.name; loadEvents(); };
        li.addEventListener('click', pick);
        li.addEventListener('keydown', ev => { if (ev.key === 'Enter') pick(); });
        return li;
      }));
      if (!page.items.length) list.replaceChildren(el('li', { class: 'muted', text: 'none yet' }));
    } catch (err) {
      list.replaceChildren(el('li', { class: 'error', text: err.message }));
    }
  };
  await Promise.all([
    facet('api/actors?limit=12', 'actor-list', 'f-actor', a => a.name, a => [a.type, a.actor_code].filter(Boolean).join(' · ')),
    facet('api/places?limit=12', 'place-list', 'f-place', p => p.name, p => [p.admin1, p.country, p.precision].filter(Boolean).join(' · ')),
  ]);
}

// ------------------------------------------------------------------ rendering the overview

function visibleEvents() {
  if (!state.brush) return state.events;
  const [a, b] = state.brush;
  return state.events.filter(e => {
    const t = dayMs(eventDate(e));
    return t !== null && t >= a && t <= b;
  });
}

function render() {
  const visible = visibleEvents();
  renderMap(visible);
  renderTimeline();
  renderList(visible);
}

function showListError(message) {
  const list = document.getElementById('event-list');
  list.replaceChildren(el('li', { class: 'error', text: 'Could not load events: ' + message }));
}

function precisionRadius(p) { return { exact: 6, near: 9, region: 13, country: 18 }[p] || 8; }
function precisionDash(p) { return { exact: null, near: '4 3', region: '2 4', country: '2 4' }[p] || null; }

function initMap() {
  const { map, cluster } = DragomanMap.init('map'); // map.js: shapes, place labels, fitting, the selected ring
  state.map = map;
  state.cluster = cluster;
  state.cells = L.layerGroup().addTo(map); // the server's clusters: one sized circle per map cell
  map.on('moveend', () => loadMapView());
}

// Without a period selected the map shows what the server has in view: where more events are in view than the feed's
// limit, their counts per map cell (GET /api/events.geojson?clusters=1: a sized circle each, a click zooms to the
// cell); else the events themselves. With a period selected it draws the loaded events of that period.
function renderMap(events) {
  if (state.brush) { drawEvents(events); return; }
  const bounds = events.map(e => e.place || {}).filter(p => typeof p.lat === 'number' && typeof p.lon === 'number').map(p => [p.lat, p.lon]);
  const before = state.map.getBounds();
  DragomanMap.fit(bounds);
  if (state.map.getBounds().equals(before)) loadMapView(); // else the move's moveend loads it
}

function drawEvents(events) {
  state.cells.clearLayers();
  state.cluster.clearLayers();
  for (const e of events) {
    const p = e.place || {};
    if (typeof p.lat !== 'number' || typeof p.lon !== 'number') continue;
    const ok = occurred(e);
    const color = ok ? '#b03a2e' : '#6c5ba7';
    const m = L.circleMarker([p.lat, p.lon], {
      radius: precisionRadius(p.precision), color, weight: 2, fillColor: color,
      fillOpacity: p.precision === 'country' ? 0.12 : 0.35, dashArray: precisionDash(p.precision),
      className: 'dm-marker',
    });
    const tip = el('div', null,
      el('strong', { text: e.action }), ' ', who(e.actor), e.target && e.target.text ? ' → ' + e.target.text : '',
      el('br'), (p.name || p.text || '') + (p.precision ? ` (${p.precision})` : ''), ' · ', eventDate(e) || 'date unknown', ' · ', e.modality);
    m.bindTooltip(tip);
    m.on('click', () => openEvent(e.id));
    m.dragomanId = e.id;
    state.cluster.addLayer(m);
  }
}

// The view as the API's bbox (south,west,north,east): longitudes wrapped into -180..180, the whole width where the view
// crosses the antimeridian or spans the world.
function viewBox() {
  const b = state.map.wrapLatLngBounds(state.map.getBounds());
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  let west = clamp(b.getWest(), -180, 180), east = clamp(b.getEast(), -180, 180);
  if (b.getEast() - b.getWest() >= 360 || west >= east) { west = -180; east = 180; }
  return [clamp(b.getSouth(), -90, 90), west, clamp(b.getNorth(), -90, 90), east].map(v => v.toFixed(4)).join(',');
}

let viewGeneration = 0;

async function loadMapView() {
  if (state.brush) return;
  const generation = ++viewGeneration;
  const p = filterParams();
  p.set('bbox', viewBox());
  p.set('limit', String(MAX_EVENTS));
  // at the closest zoom a cell cannot be zoomed into: the newest events themselves, even where more are in view
  if (state.map.getZoom() < state.map.getMaxZoom()) p.set('clusters', '1');
  let body;
  try { body = await getJson('api/events.geojson?' + p.toString()); }
  catch (err) { return; } // the list shows the filters' errors
  if (generation !== viewGeneration || state.brush) return;
  if (body.clusters) drawCells(body.clusters);
  else drawEvents((body.features || []).map(fromFeature));
}

// A feature of the GeoJSON feed in the shape the list's events have (what a marker shows of one).
function fromFeature(f) {
  const q = f.properties, [lon, lat] = f.geometry.coordinates;
  return {
    id: q.id, action: q.action, actor: q.actor ? { text: q.actor } : null, target: q.target ? { text: q.target } : null,
    place: { lat, lon, name: q.place, precision: q.precision }, time: { start: q.date }, modality: q.modality, occurred: q.occurred,
  };
}

// One circle per cell, its area in proportion to its events (the largest cell in view 30 px across), its count on it.
function drawCells(cells) {
  state.cluster.clearLayers();
  state.cells.clearLayers();
  const most = Math.max(1, ...cells.map(c => c.count));
  for (const c of cells) {
    const radius = 6 + 24 * Math.sqrt(c.count / most);
    const m = L.circleMarker([c.lat, c.lon], { radius, color: '#b03a2e', weight: 1, fillColor: '#b03a2e', fillOpacity: 0.3, className: 'dm-cell' });
    m.bindTooltip(el('div', null, `${c.count} events`, el('br'), 'click to zoom in'));
    m.on('click', () => state.map.fitBounds([[c.south, c.west], [c.north, c.east]], { padding: [30, 30], maxZoom: 12 }));
    m.dragomanCount = c.count;
    state.cells.addLayer(m);
  }
}

function incidentDay(i) { return i.date && (i.date.to || i.date.from); }

function tollText(k) { return !k ? '' : k.min === k.max ? `${k.min} killed` : `${k.min}–${k.max} killed`; }

function renderIncidents() {
  const list = document.getElementById('event-list');
  let shown = state.incidents;
  if (state.brush) {
    const [a, b] = state.brush;
    shown = shown.filter(i => { const t = dayMs(incidentDay(i)); return t !== null && t >= a && t <= b; });
  }
  list.replaceChildren(...shown.slice(0, 1000).map(i => {
    const li = el('li', { 'data-id': i.id, tabindex: 0, class: state.selected === i.id ? 'selected' : null },
      el('span', { class: 'muted', text: i.date && i.date.from ? (i.date.from === i.date.to ? i.date.from : `${i.date.from}…${i.date.to}`) : 'undated' }),
      el('strong', { text: (i.type || i.action).replace(/\//g, '/\u200b') }), // may break after the slash: "Explosions/Remote violence"
      el('span', null, i.actors.join('; ') || '—', i.targets.length ? ' → ' + i.targets.join('; ') : '', i.place && i.place.name ? ' · ' + i.place.name : '',
        i.killed ? ' · ' + tollText(i.killed) : ''),
      el('span', { class: 'badge', title: i.outlet_names.join('; '), text: `${i.articles} art · ${i.outlets} outlets` }));
    li.addEventListener('click', () => openIncident(i.id));
    li.addEventListener('keydown', ev => { if (ev.key === 'Enter') openIncident(i.id); });
    return li;
  }));
  document.getElementById('list-count').textContent = state.brush
    ? `${shown.length} of ${state.incidents.length} incidents in the selected period`
    : `${state.incidents.length} incidents from ${state.events.length} events`;
}

// An incident with every report and their figures: differing tolls are shown side by side, never averaged.
async function openIncident(id) {
  state.selected = id;
  for (const li of document.querySelectorAll('#event-list li')) li.classList.toggle('selected', li.getAttribute('data-id') === id);
  history.replaceState(null, '', '#incident=' + encodeURIComponent(id));
  const detail = document.getElementById('detail');
  let data;
  try { data = await getJson('api/incidents/' + encodeURIComponent(id)); }
  catch (err) { detail.replaceChildren(el('p', { class: 'error', text: err.message })); return; }
  const i = data.incident;
  DragomanMap.highlight(i);
  const facts = [
    ['Type', [i.type, i.action].filter(Boolean).join(' · ')],
    ['Date', i.date.from ? `${i.date.from}${i.date.to !== i.date.from ? ' – ' + i.date.to : ''} (${i.date.precision}; ${i.date.basis})` : 'undated'],
    ['Place', i.place ? [i.place.name, i.place.admin1, i.place.country].filter(Boolean).join(', ') + (i.place.precision ? ` [${i.place.precision}]` : '') : '—'],
    ['Actors', [i.actors.join('; '), i.targets.join('; ')].filter(Boolean).join(' → ') || '—'],
    ['Killed', i.killed ? `${tollText(i.killed)} (conservative ${i.killed.conservative})` : '—'],
    ['Reported by', `${i.articles} articles, ${i.outlets} outlets: ${i.outlet_names.join('; ')}`],
  ];
  const figures = data.figures.length > 1
    ? el('p', { class: 'figures' }, 'Figures differ by source: ', data.figures.map(f => `${f.outlet} ${f.killed}`).join(' · '))
    : null;
  const reports = el('table', { class: 'reports' },
    el('thead', null, el('tr', null, ...['Report', 'Outlet', 'Published', 'Modality', 'Killed', 'Sources', 'Link'].map(h => el('th', { text: h })))),
    el('tbody', null, ...data.reports.map(r => {
      const open = el('a', { href: '#event=' + encodeURIComponent(r.event), text: r.event, title: r.title || '' });
      open.addEventListener('click', ev => { ev.preventDefault(); openEvent(r.event); });
      const link = r.link && r.link.partner
        ? `${r.link.partner} (${r.link.score.toFixed(1)}): ${r.link.reasons.map(x => x.feature + ' ' + (x.weight >= 0 ? '+' : '') + x.weight.toFixed(1)).join(', ')}`
        : 'first report';
      return el('tr', null, el('td', null, open), el('td', { text: r.outlet || '?' }), el('td', { text: r.published || '?' }),
        el('td', { text: r.modality }), el('td', { class: r.killed !== null && data.figures.length > 1 ? 'differs' : null, text: r.killed ?? '' }),
        el('td', { text: r.sources.map(x => x.name + (x.location ? ' in ' + x.location : '')).join(' < ') }), el('td', { class: 'muted', text: link }));
    })));
  detail.replaceChildren(el('h2', { text: `Incident ${i.id}: ${i.reported_by}` }),
    el('dl', null, ...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })])), figures,
    el('h3', { text: `Reports (${data.reports.length})` }), reports);
}

function renderList(events) {
  if (state.incidents && listingIncidents()) { renderIncidents(); return; }
  const list = document.getElementById('event-list');
  const shown = events.slice(0, 1000);
  const items = shown.map(e => {
    const li = el('li', { 'data-id': e.id, tabindex: 0, class: state.selected === e.id ? 'selected' : null },
      el('span', { class: 'muted', text: eventDate(e) || '?' }),
      el('strong', { text: e.action }),
      el('span', null, who(e.actor) || '—', e.target && e.target.text ? ' → ' + e.target.text : '',
        (e.place && (e.place.name || e.place.text)) ? ' · ' + (e.place.name || e.place.text) : ''),
      el('span', { class: 'badge' + (occurred(e) ? '' : ' not-occurred'), text: `${e.modality} ${Math.round((e.confidence || 0) * 100)}%` }));
    li.addEventListener('click', () => openEvent(e.id));
    li.addEventListener('keydown', ev => { if (ev.key === 'Enter') openEvent(e.id); });
    return li;
  });
  list.replaceChildren(...items);
  const total = state.events.length;
  document.getElementById('list-count').textContent = state.brush
    ? `${events.length} of ${total} events in the selected period`
    : `${total} events${total >= MAX_EVENTS ? ' (first ' + MAX_EVENTS + ')' : ''}`;
}

// ------------------------------------------------------------------ timeline with brushing

const SVG = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

function timelineScale() {
  const days = state.events.map(e => dayMs(eventDate(e))).filter(t => t !== null);
  if (!days.length) return null;
  let min = Math.min(...days), max = Math.max(...days);
  const DAY = 86400000;
  const span = Math.max(1, (max - min) / DAY);
  const binDays = span <= 120 ? 1 : span <= 730 ? 7 : 30;
  min -= binDays * DAY; max += binDays * DAY;
  return { min, max, binMs: binDays * DAY, days };
}

function renderTimeline() {
  const svg = document.getElementById('timeline-svg');
  svg.replaceChildren();
  const width = svg.clientWidth || 600, height = svg.clientHeight || 90, pad = 16;
  const sc = timelineScale();
  const label = document.getElementById('timeline-range');
  document.getElementById('timeline-clear').hidden = !state.brush;
  label.textContent = state.brush ? `${isoDay(state.brush[0])} – ${isoDay(state.brush[1])}` : '';
  if (!sc) {
    // (append returns nothing: the note is made, then appended; setting text on append's result threw, and the list of
    // a filter whose events are all undated was never drawn)
    const none = svgEl('text', { x: 8, y: 20, class: 'axis' });
    none.textContent = 'no dated events';
    svg.append(none);
    return;
  }
  state.scale = { ...sc, width, pad };
  const x = t => pad + (t - sc.min) / (sc.max - sc.min) * (width - 2 * pad);
  const bins = new Map();
  for (const t of sc.days) {
    const b = Math.floor((t - sc.min) / sc.binMs);
    bins.set(b, (bins.get(b) || 0) + 1);
  }
  const maxCount = Math.max(...bins.values());
  for (const [b, count] of bins) {
    const t0 = sc.min + b * sc.binMs, t1 = t0 + sc.binMs;
    const inside = !state.brush || (t1 > state.brush[0] && t0 <= state.brush[1]);
    const h = Math.max(2, (height - 2 * pad) * count / maxCount);
    const r = svgEl('rect', { x: x(t0), y: height - pad - h, width: Math.max(2, x(t1) - x(t0) - 1), height: h, class: 'bin' + (inside ? '' : ' out') });
    const title = svgEl('title');
    title.textContent = `${isoDay(t0)}: ${count} event(s)`;
    r.append(title);
    svg.append(r);
  }
  const a0 = svgEl('text', { x: pad, y: height - 3, class: 'axis' }); a0.textContent = isoDay(sc.min + sc.binMs);
  const a1 = svgEl('text', { x: width - pad, y: height - 3, class: 'axis', 'text-anchor': 'end' }); a1.textContent = isoDay(sc.max - sc.binMs);
  svg.append(a0, a1);
  if (state.brush) {
    const bx0 = x(state.brush[0]), bx1 = x(state.brush[1] + 86400000);
    svg.append(svgEl('rect', { x: bx0, y: 2, width: Math.max(1, bx1 - bx0), height: height - pad, class: 'brush' }));
  }
}

function initBrush() {
  const svg = document.getElementById('timeline-svg');
  let start = null, rect = null;
  const toTime = px => {
    const s = state.scale;
    const f = Math.min(1, Math.max(0, (px - s.pad) / (s.width - 2 * s.pad)));
    return s.min + f * (s.max - s.min);
  };
  const localX = ev => ev.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener('mousedown', ev => {
    if (!state.scale) return;
    start = localX(ev);
    rect = svgEl('rect', { x: start, y: 2, width: 1, height: (svg.clientHeight || 90) - 16, class: 'brush' });
    svg.append(rect);
    ev.preventDefault();
  });
  window.addEventListener('mousemove', ev => {
    if (start === null) return;
    const cur = localX(ev);
    rect.setAttribute('x', Math.min(start, cur));
    rect.setAttribute('width', Math.max(1, Math.abs(cur - start)));
  });
  window.addEventListener('mouseup', ev => {
    if (start === null) return;
    const end = localX(ev);
    const a = Math.min(start, end), b = Math.max(start, end);
    start = null;
    if (b - a < 3) { state.brush = null; }
    else {
      const DAY = 86400000;
      state.brush = [Math.floor(toTime(a) / DAY) * DAY, Math.floor(toTime(b) / DAY) * DAY];
    }
    render();
  });
  document.getElementById('timeline-clear').addEventListener('click', () => { state.brush = null; render(); });
}

// ------------------------------------------------------------------ annotated text

/**
 * Renders text with annotations [{start, end, cls, key}] as text nodes inside spans (never HTML).
 * Overlapping annotations split the text at every boundary; each piece carries the classes of all that cover it.
 */
function annotatedText(text, annotations) {
  const container = el('div', { class: 'article-text', id: 'article-text' });
  const anns = annotations.filter(a => Number.isInteger(a.start) && Number.isInteger(a.end) && a.end > a.start && a.start >= 0 && a.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const a of anns) { cuts.add(a.start); cuts.add(a.end); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i], e = points[i + 1];
    const piece = text.slice(s, e);
    const covering = anns.filter(a => a.start <= s && a.end >= e);
    if (!covering.length) { container.append(document.createTextNode(piece)); continue; }
    const span = el('span', { class: [...new Set(covering.map(a => a.cls))].join(' '), text: piece });
    const keys = covering.filter(a => a.key).map(a => a.key);
    if (keys.length) span.setAttribute('data-keys', keys.join(' '));
    const titles = covering.filter(a => a.title).map(a => a.title);
    if (titles.length) span.setAttribute('title', titles.join('\n'));
    container.append(span);
  }
  return container;
}

function highlight(container, key) {
  for (const s of container.querySelectorAll('.field')) s.classList.remove('field');
  let first = null;
  for (const s of container.querySelectorAll('[data-keys]')) {
    if (s.getAttribute('data-keys').split(' ').includes(key)) { s.classList.add('field'); first = first || s; }
  }
  if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

// ------------------------------------------------------------------ event view

async function openEvent(id) {
  state.selected = id;
  DragomanMap.highlight(state.events.find(e => e.id === id));
  for (const li of document.querySelectorAll('#event-list li')) li.classList.toggle('selected', li.getAttribute('data-id') === id);
  history.replaceState(null, '', '#event=' + encodeURIComponent(id));
  const detail = document.getElementById('detail');
  let data;
  try { data = await getJson('api/events/' + encodeURIComponent(id)); }
  catch (err) { detail.replaceChildren(el('p', { class: 'error', text: err.message })); return; }
  const ev = data.event, d = data.detail || {}, article = data.article || {};
  const text = article.text || '';
  const anns = [];
  (d.evidence || []).forEach(s => anns.push({ start: s.start, end: s.end, cls: 'evidence', key: 'evidence' }));
  const rows = [];
  const add = (label, value, span, key) => {
    if (span && Number.isInteger(span.start) && Number.isInteger(span.end)) anns.push({ start: span.start, end: span.end, cls: 'fieldspan', key });
    rows.push({ label, value, key: span ? key : null });
  };
  add('Action', `${ev.action}${d.trigger ? ' — "' + d.trigger.text + '"' : ''}`, d.trigger, 'trigger');
  add('Actor', d.actor ? `${d.actor.text}${d.actor.code ? ' [' + d.actor.code + ']' : ''}` : '—', d.actor, 'actor');
  add('Target', d.target ? `${d.target.text}${d.target.code ? ' [' + d.target.code + ']' : ''}` : '—', d.target, 'target');
  const pl = ev.place || {};
  const placeText = d.place ? `${d.place.text}${pl.name && pl.name !== d.place.text ? ' → ' + pl.name : ''}`
    + (pl.lat !== null && pl.lat !== undefined ? ` (${pl.lat.toFixed(3)}, ${pl.lon.toFixed(3)}; ${pl.precision || '?'}${pl.geonameid ? '; GeoNames ' + pl.geonameid : ''})` : ' (not resolved)') : '—';
  add('Place', placeText, d.place, 'place');
  const t = d.time || {};
  const timeText = d.time ? `${t.text || '(no expression)'} — ${t.start || '?'}${t.end && t.end !== t.start ? ' … ' + t.end : ''} (${t.precision || '?'}${t.inherited ? ', inherited from publication' : ''}${t.relative ? ', ' + t.relative : ''})` : '—';
  add('Time', timeText, Number.isInteger(t.start_char) ? { start: t.start_char, end: t.end_char } : null, 'time');
  (d.counts || []).forEach((c, i) => add(i ? 'Count (alt.)' : 'Count',
    `${c.text || ''} → ${c.min ?? '?'}${c.max !== null && c.max !== undefined && c.max !== c.min ? '–' + c.max : '+'}${c.kind ? ' ' + c.kind : ''}${c.who ? ' (' + c.who + ')' : ''}`,
    { start: c.start, end: c.end }, 'count' + i));
  rows.push({ label: 'Modality', value: `${ev.modality}${occurred(ev) ? '' : ' — not counted as having happened'}` });
  rows.push({ label: 'Confidence', value: `${Math.round((ev.confidence || 0) * 100)}%` });
  const codes = ev.codes || {};
  rows.push({ label: 'Codes', value: [codes.cameo && 'CAMEO ' + codes.cameo, codes.plover && codes.plover.event && 'PLOVER ' + codes.plover.event,
    codes.acled && codes.acled.event_type && 'ACLED ' + codes.acled.event_type + (codes.acled.sub_event_type ? ' / ' + codes.acled.sub_event_type : '')].filter(Boolean).join(' · ') || '—' });
  (d.sources || []).forEach((s, i) => { if (Number.isInteger(s.start)) anns.push({ start: s.start, end: s.end, cls: 'fieldspan', key: 'source' + i }); });

  const textView = annotatedText(text, anns);
  const table = el('table', { class: 'fields' });
  for (const r of rows) {
    const tr = el('tr', { class: r.key ? 'linked' : null, 'data-field': r.key },
      el('th', { text: r.label }), el('td', null, r.value, r.key ? el('span', { class: 'to-text', text: '↧ sentence' }) : null));
    if (r.key) tr.addEventListener('click', () => {
      for (const x of table.querySelectorAll('tr.active')) x.classList.remove('active');
      tr.classList.add('active');
      highlight(textView, r.key);
    });
    table.append(tr);
  }
  const sources = el('ol', { class: 'sources' });
  (d.sources || []).forEach((s, i) => {
    const li = el('li', null, `${s.name || '?'}${s.location ? ' in ' + s.location : ''} `, el('span', { class: 'muted', text: `(${s.kind || 'source'})` }));
    if (Number.isInteger(s.start)) { li.classList.add('linked'); li.addEventListener('click', () => highlight(textView, 'source' + i)); }
    sources.append(li);
  });
  const related = el('ul');
  for (const r of data.related || []) {
    related.append(el('li', null, el('button', { class: 'link', type: 'button', text: r.title || r.article, onclick: () => openEvent(r.id) }),
      ` ${r.published || ''} · ${r.modality}${r.sources ? ' · ' + r.sources : ''}`));
  }
  detail.replaceChildren(
    el('h2', { text: `${ev.action}: ${who(ev.actor) || '—'}${ev.target && ev.target.text ? ' → ' + ev.target.text : ''}` }),
    el('p', { class: 'muted' }, 'Event ', el('code', { text: ev.id }), ' in ',
      el('button', { class: 'link', type: 'button', text: article.title || article.id, onclick: () => openArticle(article.id) }),
      article.published ? ` (${article.published})` : ''),
    table,
    el('h3', { text: 'Source chain (nearest first)' }),
    (d.sources || []).length ? sources : el('p', { class: 'muted', text: 'No attribution: the article states it in its own voice.' }),
    el('h3', { text: 'Other articles reporting it' }),
    (data.related || []).length ? related : el('p', { class: 'muted', text: 'None found (same action, place and time).' }),
    el('h3', { text: 'Evidence in the article' }),
    el('p', { class: 'muted', text: 'The supporting sentence is highlighted; click a field above to see its words.' }),
    textView);
  const firstEvidence = textView.querySelector('.evidence');
  if (firstEvidence) firstEvidence.scrollIntoView({ block: 'center' });
}

// ------------------------------------------------------------------ article view

function entityClass(ent) {
  if (ent.place || ent.type === 'GPE' || ent.type === 'LOC' || ent.type === 'FAC') return 'ent-place';
  if (ent.type === 'PERSON') return 'ent-person';
  if (ent.type === 'ORG' || ent.type === 'NORP') return 'ent-org';
  return 'ent-other';
}

async function openArticle(id) {
  history.replaceState(null, '', '#article=' + encodeURIComponent(id));
  const detail = document.getElementById('detail');
  let data;
  try { data = await getJson('api/articles/' + encodeURIComponent(id)); }
  catch (err) { detail.replaceChildren(el('p', { class: 'error', text: err.message })); return; }
  const a = data.article || {};
  const anns = [];
  for (const ent of data.entities || []) {
    for (const m of ent.mentions || []) anns.push({ start: m.start, end: m.end, cls: entityClass(ent), title: `${ent.type}: ${ent.name}${ent.actor ? ' [' + ent.actor.code + ']' : ''}` });
  }
  for (const t of data.times || []) anns.push({ start: t.start_char, end: t.end_char, cls: 'time', title: `time: ${t.value || t.relative || ''} (${t.precision || '?'})` });
  for (const e of data.events || []) {
    if (e.trigger) anns.push({ start: e.trigger.start, end: e.trigger.end, cls: 'trigger', key: e.key, title: `event: ${e.action} (${e.modality})` });
  }
  const textView = annotatedText(a.text || '', anns);
  const events = el('ul');
  for (const e of data.events || []) {
    events.append(el('li', null, el('button', { class: 'link', type: 'button', text: `${e.action}: ${who(e.actor) || '—'}${e.target && e.target.text ? ' → ' + e.target.text : ''}`, onclick: () => openEvent(e.key) }),
      ` (${e.modality})`));
  }
  const credits = (a.credits || []).map(c => `${c.role}: ${c.name}`).join(' · ');
  detail.replaceChildren(
    el('h2', { text: a.title || a.id }),
    el('p', { class: 'muted', text: [a.published || 'date unknown', a.publisher, credits, a.uri].filter(Boolean).join(' · ') }),
    el('p', { class: 'legend-row' }, el('span', { class: 'ent-person', text: 'person' }), el('span', { class: 'ent-org', text: 'organisation / group' }),
      el('span', { class: 'ent-place', text: 'place' }), el('span', { class: 'time', text: 'time' }), el('span', { class: 'trigger', text: 'event' })),
    el('h3', { text: `Events (${(data.events || []).length})` }), events,
    textView);
}

// ------------------------------------------------------------------ start

function start() {
  initMap();
  initBrush();
  document.getElementById('filters').addEventListener('submit', ev => { ev.preventDefault(); loadEvents(); });
  document.getElementById('f-all').addEventListener('change', () => loadEvents());
  document.getElementById('f-reports').addEventListener('change', () => loadEvents());
  document.getElementById('f-reset').addEventListener('click', () => { document.getElementById('filters').reset(); loadEvents(); });
  window.addEventListener('resize', () => renderTimeline());
  loadFacets();
  const query = new URLSearchParams(location.search);
  if (query.get('all') === '1') document.getElementById('f-all').checked = true;
  if (query.get('reports') === '1') document.getElementById('f-reports').checked = true;
  // stats first: they say whether the store keeps incidents (the list's default)
  loadStats().then(loadEvents).then(() => {
    const h = new URLSearchParams(location.hash.slice(1));
    if (h.get('incident')) openIncident(h.get('incident'));
    else if (h.get('event')) openEvent(h.get('event'));
    else if (h.get('article')) openArticle(h.get('article'));
  });
}

start();
