// Regenerates Meridian's points of view: data/basemap/pov.mbm
//
//   cd tools/basemap && npm ci && node prepare-pov.mjs
//
// Node.js 20+, ES module. A point of view is the set of borders one government draws
// where they differ from Natural Earth's de facto lines, which the base map
// (data/basemap/world.mbm) draws. The file holds, for each point of view, those lines
// only; the app draws them over the base map when the user picks that point of view.
//
// Inputs (all public domain, Natural Earth):
//  * world-atlas 2.0.2 (pinned in package.json): land-10m.json, Natural Earth 4.1.0
//    1:10m land, for the Taman peninsula opposite Crimea.
//  * data/events/regions/{hokkaido,southern-kurils,kuril-islands,crimea}.geojson, which
//    tools/regions/prepare-regions.mjs derives from Natural Earth 10m land and admin-1
//    (see docs/data-sources.md).
//  * ne/ne_10m_admin_0_boundary_lines_maritime_indicator_chn.geojson: Natural Earth
//    5.1's own line for China's point of view (its nine dashes), taken from
//    nvkelso/natural-earth-vector (commit recorded in that file and in
//    docs/data-sources.md).
//
// Maritime borders are median lines: the points equally far from the two sides' land
// (the zero contour of dA - dB on a grid, traced by marching squares), kept only where
// both coasts are within MAX_REACH_KM, so the line spans the strait and stops. Which side
// each government puts the islands on is in POVS below, with the reason.
//
// The output is deterministic: same inputs, same bytes (fixed order, microdegree
// integers, no timestamps). The byte layout is documented in docs/basemap-format.md,
// "Points of view"; the script reads the file back and checks it.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REGIONS = path.resolve(HERE, '../../data/events/regions');
const OUT_FILE = path.resolve(HERE, '../../data/basemap/pov.mbm');

for (const [name, version] of Object.entries({ 'world-atlas': '2.0.2', 'topojson-client': '3.1.0' })) {
  const installed = require(`${name}/package.json`).version;
  if (installed !== version) {
    throw new Error(`${name} ${installed} is installed but ${version} is pinned; run "npm ci"`);
  }
}

const GRID_STEP = 0.01;     // degrees of latitude between grid points
const MAX_REACH_KM = 45;    // a median point farther than this from either coast is open sea
const SIMPLIFY_KM = 0.3;    // Douglas-Peucker tolerance for the traced lines

// ---------------------------------------------------------------- geometry helpers

function polygonsOf(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`unexpected geometry ${geometry.type}`);
}

function readRegion(id) {
  const feature = JSON.parse(fs.readFileSync(path.join(REGIONS, `${id}.geojson`), 'utf8'));
  return polygonsOf(feature.geometry);
}

// Every vertex of the outer rings of the polygons that pass keep(bbox).
function vertices(polygons, keep = () => true) {
  const out = [];
  for (const polygon of polygons) {
    const ring = polygon[0];
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const box = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    if (keep(box)) out.push(...ring);
  }
  return out;
}

function insideRing(ring, lon, lat) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// Distances in km on a local equirectangular plane: good to well under 1% over a strait.
function kmBetween(lat0, a, b) {
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  const dx = (a[0] - b[0]) * kx;
  const dy = (a[1] - b[1]) * 110.57;
  return Math.hypot(dx, dy);
}

function nearest(lat0, points, p) {
  let best = Infinity;
  for (const q of points) best = Math.min(best, kmBetween(lat0, p, q));
  return best;
}

function simplify(line, lat0, tolerance) {
  if (line.length < 3) return line;
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop();
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const d = distanceToSegment(lat0, line[i], line[a], line[b]);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return line.filter((_, i) => keep[i]);
}

function distanceToSegment(lat0, p, a, b) {
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  const px = p[0] * kx, py = p[1] * 110.57;
  const ax = a[0] * kx, ay = a[1] * 110.57;
  const bx = b[0] * kx, by = b[1] * 110.57;
  const dx = bx - ax, dy = by - ay;
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

// ---------------------------------------------------------------- median lines

// The line of points as far from a's coasts as from b's, inside box = [west, south,
// east, north], where both are within MAX_REACH_KM. Returns the longest traced piece.
function medianLine(name, a, b, box) {
  const [west, south, east, north] = box;
  const lat0 = (south + north) / 2;
  const stepLon = GRID_STEP / Math.cos((lat0 * Math.PI) / 180);
  const nx = Math.round((east - west) / stepLon) + 1;
  const ny = Math.round((north - south) / GRID_STEP) + 1;
  const near = (points) => points.filter((p) => p[0] > west - 1 && p[0] < east + 1 && p[1] > south - 1 && p[1] < north + 1);
  const na = near(a), nb = near(b);
  const f = new Float64Array(nx * ny);
  const ok = new Uint8Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const p = [west + i * stepLon, south + j * GRID_STEP];
      const da = nearest(lat0, na, p);
      const db = nearest(lat0, nb, p);
      f[j * nx + i] = da - db;
      ok[j * nx + i] = da < MAX_REACH_KM && db < MAX_REACH_KM ? 1 : 0;
    }
  }

  // Marching squares: one segment per cell the contour crosses (saddles split by the
  // cell's mean), with its ends on the cell's edges, keyed for joining.
  const point = (i, j) => [west + i * stepLon, south + j * GRID_STEP];
  const cross = (i0, j0, i1, j1) => {
    const f0 = f[j0 * nx + i0], f1 = f[j1 * nx + i1];
    const t = f0 / (f0 - f1);
    const p0 = point(i0, j0), p1 = point(i1, j1);
    return { key: `${i0},${j0},${i1},${j1}`, at: [p0[0] + t * (p1[0] - p0[0]), p0[1] + t * (p1[1] - p0[1])] };
  };
  const segments = [];
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      const corners = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
      if (!corners.every(([ci, cj]) => ok[cj * nx + ci])) continue;
      const edges = [];
      for (let k = 0; k < 4; k++) {
        const [i0, j0] = corners[k];
        const [i1, j1] = corners[(k + 1) % 4];
        const s0 = f[j0 * nx + i0] > 0, s1 = f[j1 * nx + i1] > 0;
        if (s0 !== s1) {
          // The key names the edge the same way from both cells that share it.
          edges.push(i0 < i1 || j0 < j1 ? cross(i0, j0, i1, j1) : cross(i1, j1, i0, j0));
        }
      }
      if (edges.length === 2) segments.push([edges[0], edges[1]]);
      else if (edges.length === 4) {
        const mean = corners.reduce((s, [ci, cj]) => s + f[cj * nx + ci], 0) / 4;
        const first = f[j * nx + i] > 0 === mean > 0;
        segments.push(first ? [edges[0], edges[3]] : [edges[0], edges[1]]);
        segments.push(first ? [edges[1], edges[2]] : [edges[2], edges[3]]);
      }
    }
  }

  // Join the segments at shared edges into polylines.
  const byKey = new Map();
  segments.forEach((s, n) => {
    for (const end of s) {
      if (!byKey.has(end.key)) byKey.set(end.key, []);
      byKey.get(end.key).push(n);
    }
  });
  const used = new Uint8Array(segments.length);
  const lines = [];
  for (let n = 0; n < segments.length; n++) {
    if (used[n]) continue;
    used[n] = 1;
    const line = [segments[n][0], segments[n][1]];
    for (const forward of [true, false]) {
      for (;;) {
        const end = forward ? line[line.length - 1] : line[0];
        const next = (byKey.get(end.key) || []).find((m) => !used[m]);
        if (next === undefined) break;
        used[next] = 1;
        const s = segments[next];
        const other = s[0].key === end.key ? s[1] : s[0];
        if (forward) line.push(other);
        else line.unshift(other);
      }
    }
    lines.push(line.map((e) => e.at));
  }
  if (lines.length === 0) throw new Error(`${name}: no median line in the box`);
  lines.sort((x, y) => y.length - x.length || x[0][0] - y[0][0]);
  const line = simplify(lines[0], lat0, SIMPLIFY_KM);
  console.log(`${name}: ${segments.length} cells, ${lines.length} pieces, longest ${lines[0].length} -> ${line.length} points`);
  return line;
}

// ---------------------------------------------------------------- the sides

const hokkaido = vertices(readRegion('hokkaido'));
const southernKurils = readRegion('southern-kurils');
const kurilIslands = readRegion('kuril-islands');
// Iturup is the southern Kurils' polygon that reaches north of 44.4N; Urup the Kurils'
// polygon south of 46.3N and west of 150.6E (see the region files' bounding boxes).
const iturup = vertices(southernKurils, (box) => box[3] > 45);
const southOfIturup = vertices(southernKurils, (box) => box[3] <= 45);
const urup = vertices(kurilIslands, (box) => box[3] < 46.3 && box[2] < 150.6);

const crimea = readRegion('crimea');
const crimeaRing = crimea[0][0];
const land = feature(require('world-atlas/land-10m.json'), require('world-atlas/land-10m.json').objects.land);
const KERCH = [36.2, 44.9, 37.0, 45.6];
// The mainland opposite Crimea: land vertices near the Kerch Strait that are neither
// in Crimea nor within 2 km of its outline (the two data sets trace the coast apart).
const taman = [];
for (const f of land.features) {
  for (const [lon, lat] of vertices(polygonsOf(f.geometry))) {
    if (lon < KERCH[0] - 0.5 || lon > KERCH[2] + 0.5 || lat < KERCH[1] - 0.5 || lat > KERCH[3] + 0.5) continue;
    if (insideRing(crimeaRing, lon, lat) || nearest(45.3, crimeaRing, [lon, lat]) < 2) continue;
    taman.push([lon, lat]);
  }
}

// Russia–Japan, as held since 1945: between Hokkaido and Kunashir, Shikotan and the
// Habomai islets (Nemuro and Notsuke straits, the Goyomai strait).
const nemuro = medianLine('nemuro', hokkaido, [...southOfIturup, ...iturup], [144.9, 43.0, 146.4, 44.75]);
// As Japan draws it: between Iturup and Urup (the Vries/Friza strait), the line of the
// 1855 Treaty of Shimoda, with the four islands Japanese.
const friza = medianLine('friza', iturup, urup, [148.6, 45.05, 150.0, 46.25]);
// Crimea as part of Ukraine: between the Kerch peninsula and Taman.
const kerch = medianLine('kerch', crimeaRing, taman, KERCH);

const nineDash = JSON.parse(
  fs.readFileSync(path.join(HERE, 'ne/ne_10m_admin_0_boundary_lines_maritime_indicator_chn.geojson'), 'utf8'),
).features.filter((f) => f.properties.FCLASS_CN === 'International boundary (verify)').map((f) => f.geometry.coordinates);

// Ids are Natural Earth's point-of-view suffixes. Each government's lines differ from the
// de facto set only where listed; the reasons are in docs/data-sources.md.
const POVS = [
  // Japan: the four islands are Japan's (the Northern Territories); Crimea is Ukraine's
  // (Japan does not recognise the 2014 annexation).
  { id: 'jpn', name: 'Japan', seat: 'Tokyo', lines: [friza, kerch] },
  // Russia: the islands are Russia's; Crimea is Russia's, as the de facto base map
  // already draws it.
  { id: 'rus', name: 'Russia', seat: 'Moscow', lines: [nemuro] },
  // Ukraine: Crimea is Ukraine's.
  { id: 'ukr', name: 'Ukraine', seat: 'Kyiv', lines: [kerch] },
  // China: Natural Earth's own line for China's point of view, the nine dashes.
  { id: 'chn', name: 'China', seat: 'Beijing', lines: nineDash },
];

// ---------------------------------------------------------------- writing

function micro(value) {
  return Math.round(value * 1e6);
}

function encode(povs) {
  const parts = [Buffer.from('MERPOV\0\x01', 'latin1')];
  const u32 = (v) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    return b;
  };
  const str = (s) => {
    const b = Buffer.from(s, 'utf8');
    if (b.length > 255) throw new Error(`${s}: too long`);
    return Buffer.concat([Buffer.from([b.length]), b]);
  };
  parts.push(u32(povs.length));
  for (const pov of povs) {
    parts.push(str(pov.id), str(pov.name), str(pov.seat), u32(pov.lines.length));
    for (const line of pov.lines) {
      parts.push(u32(line.length));
      for (const [lon, lat] of line) {
        const b = Buffer.alloc(8);
        b.writeInt32LE(micro(lon), 0);
        b.writeInt32LE(micro(lat), 4);
        parts.push(b);
      }
    }
  }
  return Buffer.concat(parts);
}

function verify(bytes, povs) {
  let at = 8;
  const u32 = () => {
    const v = bytes.readUInt32LE(at);
    at += 4;
    return v;
  };
  const str = () => {
    const n = bytes[at];
    const s = bytes.toString('utf8', at + 1, at + 1 + n);
    at += 1 + n;
    return s;
  };
  if (bytes.toString('latin1', 0, 8) !== 'MERPOV\0\x01') throw new Error('bad magic');
  if (u32() !== povs.length) throw new Error('bad count');
  for (const pov of povs) {
    if (str() !== pov.id || str() !== pov.name || str() !== pov.seat) throw new Error(`${pov.id}: bad names`);
    if (u32() !== pov.lines.length) throw new Error(`${pov.id}: bad line count`);
    for (const line of pov.lines) {
      if (u32() !== line.length) throw new Error(`${pov.id}: bad point count`);
      at += 8 * line.length;
    }
  }
  if (at !== bytes.length) throw new Error('trailing bytes');
}

// The Friza line must lie between Iturup (east tip about 148.9E) and Urup (west tip
// about 149.4E), the Nemuro line west of Kunashir's east end: a wrong side would be the
// error that matters most here.
const meanLon = (line) => line.reduce((s, p) => s + p[0], 0) / line.length;
if (!(meanLon(friza) > 148.8 && meanLon(friza) < 149.6)) throw new Error(`friza line at ${meanLon(friza)}E`);
if (!(meanLon(nemuro) > 145.0 && meanLon(nemuro) < 146.2)) throw new Error(`nemuro line at ${meanLon(nemuro)}E`);
if (!(meanLon(kerch) > 36.3 && meanLon(kerch) < 36.9)) throw new Error(`kerch line at ${meanLon(kerch)}E`);

const bytes = encode(POVS);
verify(bytes, POVS);
fs.writeFileSync(OUT_FILE, bytes);
console.log(`wrote ${path.relative(process.cwd(), OUT_FILE)}: ${bytes.length} bytes, ${POVS.length} points of view`);
