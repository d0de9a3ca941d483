// Regenerates Meridian's offline base map: data/basemap/world.mbm
//
//   cd tools/basemap && npm ci && node prepare-basemap.mjs
//
// Node.js 20+, ES module. Inputs are the exact npm versions pinned in package.json /
// package-lock.json (world-atlas 2.0.2 = Natural Earth 1:110m, 1:50m and 1:10m land and
// admin-0 countries as TopoJSON; topojson-client 3.1.0; polygon-clipping 0.15.7;
// polylabel 2.0.1). The sea and ocean labels are hand-written constants below.
//
// What it does, per level of detail (110m, 50m, 10m):
//  * land-*: every ring is unwrapped across ±180° (the data is split at the antimeridian,
//    but points on it carry either sign), projected to normalised Web Mercator
//    (x, y in [0, 1], y down, latitude clamped to ±85.0511287798°) and cut into the
//    [k, k+1] world copies it covers, which are shifted back into [0, 1]. Antarctica's
//    ring winds once around the pole (it ends 360° from where it starts); it is closed
//    along the clamp latitude (y = 1) so it becomes a proper polygon, not a band.
//  * The land is cut into a grid of square cells over the Mercator square (a quadtree of
//    polygon-clipping intersections). Each cell stores its land as rings (fill) and the
//    true coastline as polylines (stroke). Every artificial edge - cell sides, the
//    antimeridian, the clamp latitude - lies exactly on a cell side, so the coastline is
//    the runs of ring edges that are not on a cell side; those runs are sub-ranges of the
//    ring's own vertices, so coast and fill share one vertex array.
//  * countries-*: the mesh of boundaries shared by two different countries
//    (topojson-client mesh(topology, countries, (a, b) => a !== b)), unwrapped, projected
//    and clipped to the same cells (Liang-Barsky) as border polylines.
//  * No simplification: world-atlas is already simplified per scale, and every named
//    Kuril island in land-10m survives (checked below).
//  * Rivers and lake centrelines from Natural Earth 1:10m (natural-earth/gazetteer.json.gz,
//    made by extract-natural-earth.mjs), simplified per level (Douglas-Peucker, half a pixel
//    at the level's RIVER_TOLERANCE_ZOOM), clipped to the cells like borders. Each river
//    part keeps its line's Natural Earth min_zoom in the level's part zoom table, so that
//    the painter draws it from that zoom, not from the level's.
// Labels: one per country of countries-50m at the pole of inaccessibility (polylabel)
// of its largest piece in Mercator, with a minimum zoom from its on-screen size; plus the
// SEA_LABELS below; plus the gazetteer: Natural Earth's populated places, islands, marine
// areas and named rivers, with the names and extra features of data/gazetteer/curated.json.
//
// The output is deterministic: same inputs, same bytes (no timestamps, fixed order).
// After writing, the script reads the file back and checks it (see verify()).
// The byte layout is documented in docs/basemap-format.md.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';
import polygonClipping from 'polygon-clipping';
import polylabel from 'polylabel';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT_FILE = path.resolve(HERE, '../../data/basemap/world.mbm');
const GAZETTEER_FILE = path.join(HERE, 'natural-earth', 'gazetteer.json.gz');
const CURATED_FILE = path.resolve(HERE, '../../data/gazetteer/curated.json');

// ---------------------------------------------------------------- pinned inputs

const PINNED = {
  'world-atlas': '2.0.2',
  'topojson-client': '3.1.0',
  'polygon-clipping': '0.15.7',
  'polylabel': '2.0.1',
};
for (const [name, version] of Object.entries(PINNED)) {
  const installed = require(`${name}/package.json`).version;
  if (installed !== version) {
    throw new Error(`${name} ${installed} is installed but ${version} is pinned; run "npm ci"`);
  }
}

// ---------------------------------------------------------------- parameters

// Levels in increasing detail. min_zoom: the painter uses a level from this zoom on
// (mer_basemap_level_for_zoom picks the last level whose min_zoom <= zoom).
// grid: cells per side of the Mercator square (a power of two). A 256-px tile at zoom z
// covers 1/2^z of the side, so at 10m (128 × 128) a zoom-7 tile is exactly one cell, a
// zoom-5 tile 4 × 4 cells and a zoom-8 tile a quarter of one. Measured with a plain cairo
// loop (fill, coast, dashed borders) over 200 tiles of Japan: a 128 grid draws zoom 5-8
// tiles in a median 1.3 / 0.45 / 0.07 / 0.01 ms, a 64 grid in 1.8 / 0.65 / 0.14 / 0.04 ms,
// for 0.5 MB more.
// Rivers: a level draws the rivers whose Natural Earth min_zoom is below riverMaxZoom,
// simplified to half a pixel at riverZoom.
const LEVELS = [
  { scale: 110, minZoom: 0, grid: 8, riverMaxZoom: 3, riverZoom: 3 },
  { scale: 50, minZoom: 3, grid: 32, riverMaxZoom: 5, riverZoom: 5 },
  { scale: 10, minZoom: 5, grid: 128, riverMaxZoom: 10, riverZoom: 7 },
];

const MAX_LAT = 85.0511287798;

const FORMAT_VERSION = 2;
const HEADER_SIZE = 64;
const LEVEL_RECORD_SIZE = 64;
const LABEL_RECORD_SIZE = 32;
const N_LAYERS = 4;          // land, coast, border, river
const NO_NAME = 0xffffffff;  // a label without a name in that language

const LABEL_COUNTRY = 0;
const LABEL_SEA = 1;
const LABEL_CITY = 2;
const LABEL_ISLAND = 3;
const LABEL_RIVER = 4;

const FLAG_CAPITAL = 1;      // a national capital
const FLAG_DISPUTED = 2;     // disputed: named in its sides' languages when zoomed in
const FLAG_GROUP = 4;        // an island group, not one island
// The sides of a dispute, by language (bit 3 + name index - 1: ja, ru, zh).
const FLAG_PARTY = { ja: 8, ru: 16, zh: 32 };

// Which kinds win at equal rank: seas and countries, then cities, islands, rivers.
const KIND_ORDER = [1, 0, 2, 3, 4];

// Hand-written sea, ocean and strait labels: [name, lon, lat, min_zoom, rank].
// rank: 1 oceans, 2 large seas, 3 seas, 4 small seas, 5 straits (lower = more important).
// Each point is checked to be on water at every level that draws it.
const SEA_LABELS = [
  ['Pacific Ocean', 165.0, 30.0, 1, 1],
  ['Pacific Ocean', -140.0, 0.0, 1, 1],
  ['Atlantic Ocean', -40.0, 30.0, 1, 1],
  ['Atlantic Ocean', -15.0, -25.0, 2, 1],
  ['Indian Ocean', 80.0, -20.0, 1, 1],
  ['Arctic Ocean', 170.0, 80.0, 1, 1],
  ['Southern Ocean', 20.0, -62.0, 2, 1],
  ['Sea of Okhotsk', 150.0, 53.5, 3, 2],
  ['Sea of Japan (East Sea)', 134.5, 40.5, 3, 2],
  ['Bering Sea', -178.0, 58.0, 3, 2],
  ['Philippine Sea', 132.0, 20.0, 3, 2],
  ['South China Sea', 114.0, 14.0, 3, 2],
  ['Mediterranean Sea', 18.0, 34.5, 3, 2],
  ['Arabian Sea', 64.0, 15.0, 3, 2],
  ['Bay of Bengal', 88.0, 15.0, 3, 2],
  ['East China Sea', 126.0, 29.0, 4, 3],
  ['Yellow Sea', 123.5, 36.0, 4, 3],
  ['Black Sea', 34.0, 43.3, 3, 3],
  ['Caspian Sea', 51.0, 42.0, 4, 3],
  ['Baltic Sea', 19.5, 56.0, 4, 3],
  ['North Sea', 3.0, 56.0, 4, 3],
  ['Barents Sea', 40.0, 73.0, 4, 3],
  ['Kara Sea', 72.0, 75.5, 4, 3],
  ['Laptev Sea', 125.0, 76.0, 4, 3],
  ['East Siberian Sea', 163.0, 73.5, 4, 3],
  ['Chukchi Sea', -170.0, 69.5, 4, 3],
  ['Red Sea', 38.5, 20.5, 4, 3],
  ['Sea of Azov', 36.6, 46.1, 5, 4],
  ['Tatar Strait', 141.2, 50.0, 6, 5],
  ['La Pérouse Strait', 142.0, 45.7, 7, 5],
  ['Tsugaru Strait', 140.6, 41.5, 7, 5],
  ['Korea Strait', 129.3, 34.6, 6, 5],
  ['Nemuro Strait', 145.3, 44.1, 8, 5],
  ['Kerch Strait', 36.6, 45.25, 8, 5],
  ['Bering Strait', -169.0, 65.8, 6, 5],
];

// Country labels: shown from the zoom at which the country (its Mercator area) is about
// COUNTRY_LABEL_PX pixels across; clamped to [1, 9] and rounded to 0.1.
const COUNTRY_LABEL_PX = 40;

// Rings smaller than this (normalised Mercator units squared) are dropped: land-10m has 23
// polygons that its quantisation collapsed to zero area, and polygon-clipping now and then
// leaves a ~1e-17 sliver along a cell side. The smallest real islet in land-10m is
// 2.3e-11 (one pixel at zoom 10, world size 262,144 px, is 1.5e-11).
const MIN_RING_AREA = 1e-12;

// Points the checks use (lon, lat).
const ITURUP = [147.8, 45.0];
const OKHOTSK = [150.0, 50.0];
const PACIFIC = [160.0, 40.0];
const KURIL_BOX = { lon0: 145, lon1: 157, lat0: 43, lat1: 51 };
const KURIL_MIN_POLYGONS = 22;  // land-10m polygons in KURIL_BOX

// ---------------------------------------------------------------- projection

function mercX(lon) {
  return (lon + 180) / 360;
}

function mercY(lat) {
  if (lat >= MAX_LAT) return 0;
  if (lat <= -MAX_LAT) return 1;
  const phi = lat * Math.PI / 180;
  const y = (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
  return Math.min(1, Math.max(0, y));
}

function project(lon, lat) {
  return [mercX(lon), mercY(lat)];
}

// ---------------------------------------------------------------- geometry helpers

function signedArea(ring) {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return a / 2;
}

function polygonArea(poly) {
  let a = Math.abs(signedArea(poly[0]));
  for (let i = 1; i < poly.length; i++) a -= Math.abs(signedArea(poly[i]));
  return a;
}

function bboxOfRings(rings) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const r of rings) {
    for (const [x, y] of r) {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return { x0, y0, x1, y1 };
}

function boxPolygon(x0, y0, x1, y1) {
  return [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];
}

function closeRing(ring) {
  const a = ring[0], b = ring[ring.length - 1];
  if (a[0] !== b[0] || a[1] !== b[1]) ring.push([a[0], a[1]]);
  return ring;
}

// Longitudes made continuous: a step of more than 180° is a crossing of ±180°.
function unwrap(coords) {
  const out = [];
  let offset = 0;
  let prev = null;
  for (const [lon, lat] of coords) {
    if (prev !== null) {
      const d = lon - prev;
      if (d > 180) offset -= 360;
      else if (d < -180) offset += 360;
    }
    out.push([lon + offset, lat]);
    prev = lon;
  }
  return out;
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygonsOf);
  throw new Error(`unexpected geometry ${geometry.type}`);
}

// One lon/lat polygon -> Mercator polygons inside [0, 1]^2.
function polygonToMercator(poly, stats) {
  const isPolar = r => Math.abs(r[r.length - 1][0] - r[0][0]) > 1e-9;
  let unwrapped = poly.map(unwrap).filter(r => {
    if (!isPolar(r)) return true;
    if (Math.abs(Math.abs(r[r.length - 1][0] - r[0][0]) - 360) > 1e-6) throw new Error('ring does not close');
    // Natural Earth 50m gives Antarctica a ring around the South Pole at 89.999°S (a hole
    // in land-50m, the outer ring in countries-50m); beyond the clamp it is off the map.
    if (r.every(([, lat]) => Math.abs(lat) >= MAX_LAT)) {
      stats.polarCaps++;
      return false;
    }
    return true;
  });
  if (unwrapped.length === 0) return [];
  const polar = unwrapped.filter(isPolar);
  if (polar.length > 1) throw new Error('polygon with two rings around a pole');
  if (polar.length === 1) unwrapped = polar.concat(unwrapped.filter(r => r !== polar[0]));

  const outer = unwrapped[0];
  const merc = outer.map(([lon, lat]) => project(lon, lat));
  if (polar.length === 1) {
    // A ring around a pole (Antarctica) ends 360° from where it starts. Close it along
    // the clamp latitude on its side of the equator.
    const meanLat = outer.reduce((sum, p) => sum + p[1], 0) / outer.length;
    const poleY = meanLat < 0 ? 1 : 0;
    const last = merc[merc.length - 1];
    merc.push([last[0], poleY], [merc[0][0], poleY], [merc[0][0], merc[0][1]]);
    stats.polar++;
  }
  const rings = [merc];
  const bb0 = bboxOfRings([merc]);
  const mid = (bb0.x0 + bb0.x1) / 2;
  for (let i = 1; i < unwrapped.length; i++) {
    const hole = unwrapped[i].map(([lon, lat]) => project(lon, lat));
    const shift = Math.round(mid - hole[0][0]);
    rings.push(hole.map(([x, y]) => [x + shift, y]));
  }
  const bb = bboxOfRings(rings);
  const k0 = Math.floor(bb.x0);
  const k1 = Math.ceil(bb.x1) - 1;
  if (k0 === k1) {
    if (k0 === 0) return [rings];
    stats.shifted++;
    return [rings.map(r => r.map(([x, y]) => [x - k0, y]))];
  }
  stats.split++;
  const out = [];
  for (let k = k0; k <= k1; k++) {
    for (const piece of polygonClipping.intersection(rings, boxPolygon(k, 0, k + 1, 1))) {
      out.push(piece.map(r => r.map(([x, y]) => [x - k, y])));
    }
  }
  return out;
}

// Liang-Barsky clipping of a polyline to a closed box. Returns the pieces inside; points
// on the box sides are snapped exactly onto them.
function clipPolyline(pts, x0, y0, x1, y1) {
  const out = [];
  let cur = null;
  for (let i = 0; i + 1 < pts.length; i++) {
    const [ax, ay] = pts[i];
    const [bx, by] = pts[i + 1];
    const dx = bx - ax, dy = by - ay;
    const p = [-dx, dx, -dy, dy];
    const q = [ax - x0, x1 - ax, ay - y0, y1 - ay];
    let t0 = 0, t1 = 1, e0 = -1, e1 = -1, ok = true;
    for (let j = 0; j < 4 && ok; j++) {
      if (p[j] === 0) {
        if (q[j] < 0) ok = false;
      } else {
        const r = q[j] / p[j];
        if (p[j] < 0) {
          if (r > t1) ok = false;
          else if (r > t0) { t0 = r; e0 = j; }
        } else {
          if (r < t0) ok = false;
          else if (r < t1) { t1 = r; e1 = j; }
        }
      }
    }
    if (!ok) { cur = null; continue; }
    const at = (t, e) => {
      if (e < 0) return t === 0 ? [ax, ay] : [bx, by];
      const pt = [ax + t * dx, ay + t * dy];
      if (e === 0) pt[0] = x0;
      else if (e === 1) pt[0] = x1;
      else if (e === 2) pt[1] = y0;
      else pt[1] = y1;
      pt[0] = Math.min(x1, Math.max(x0, pt[0]));
      pt[1] = Math.min(y1, Math.max(y0, pt[1]));
      return pt;
    };
    const a = at(t0, e0);
    const b = at(t1, e1);
    if (cur === null || e0 >= 0) {
      cur = [a];
      out.push(cur);
    }
    cur.push(b);
    if (e1 >= 0) cur = null;
  }
  return out;
}

// Polyline in lon/lat -> Mercator polylines inside [0, 1]^2.
function lineToMercator(coords) {
  const merc = unwrap(coords).map(([lon, lat]) => project(lon, lat));
  const bb = bboxOfRings([merc]);
  const k0 = Math.floor(bb.x0);
  const k1 = Math.max(k0, Math.ceil(bb.x1) - 1);
  const out = [];
  for (let k = k0; k <= k1; k++) {
    const pieces = (k0 === k1) ? [merc] : clipPolyline(merc, k, 0, k + 1, 1);
    for (const piece of pieces) out.push(piece.map(([x, y]) => [x - k, y]));
  }
  return out;
}

// Douglas-Peucker: the points of @pts that keep the line within @tol, ends kept.
function simplify(pts, tol) {
  if (pts.length <= 2) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop();
    const [ax, ay] = pts[a], [bx, by] = pts[b];
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1, worstD = tol * tol;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = pts[i];
      let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
      t = Math.max(0, Math.min(1, t));
      const ex = ax + t * dx - px, ey = ay + t * dy - py;
      const d = ex * ex + ey * ey;
      if (d > worstD) { worstD = d; worst = i; }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

// ---------------------------------------------------------------- cutting into cells

// Quadtree over the Mercator square: each node passes its items on to the four
// quadrants, clipping only those that cross a quadrant's sides. Leaves are cells.
function cutIntoCells(items, grid, clipItems) {
  const cells = new Array(grid * grid);
  const depth = Math.log2(grid);
  if (!Number.isInteger(depth)) throw new Error(`grid ${grid} is not a power of two`);

  const visit = (list, col, row, size) => {
    if (list.length === 0) return;
    const x0 = col / grid, y0 = row / grid, x1 = (col + size) / grid, y1 = (row + size) / grid;
    if (size === 1) {
      cells[row * grid + col] = clipItems(list, x0, y0, x1, y1, true);
      return;
    }
    const half = size / 2;
    for (const [dc, dr] of [[0, 0], [half, 0], [0, half], [half, half]]) {
      const cx0 = (col + dc) / grid, cy0 = (row + dr) / grid;
      const cx1 = (col + dc + half) / grid, cy1 = (row + dr + half) / grid;
      const inside = [], crossing = [];
      for (const it of list) {
        const b = it.bbox;
        if (b.x1 <= cx0 || b.x0 >= cx1 || b.y1 <= cy0 || b.y0 >= cy1) continue;
        if (b.x0 >= cx0 && b.x1 <= cx1 && b.y0 >= cy0 && b.y1 <= cy1) inside.push(it);
        else crossing.push(it);
      }
      const clipped = crossing.length ? clipItems(crossing, cx0, cy0, cx1, cy1, false) : [];
      visit(inside.concat(clipped), col + dc, row + dr, half);
    }
  };
  visit(items, 0, 0, grid);
  return cells;
}

function clipPolygons(list, x0, y0, x1, y1, leaf) {
  // At a leaf every polygon goes through polygon-clipping, even those already inside, so
  // that a cell's rings never overlap and are wound consistently (outer rings positive,
  // holes negative shoelace area).
  const result = polygonClipping.intersection(list.map(it => it.rings), boxPolygon(x0, y0, x1, y1));
  if (leaf) return result;
  return result.map(rings => ({ rings, bbox: bboxOfRings([rings[0]]) }));
}

// Rivers keep their Natural Earth min_zoom through the cut, for the part zoom table.
function clipRiverLines(list, x0, y0, x1, y1, leaf) {
  if (leaf) return list;
  const out = [];
  for (const it of list) {
    for (const pts of clipPolyline(it.pts, x0, y0, x1, y1)) {
      out.push({ pts, bbox: bboxOfRings([pts]), minZoom: it.minZoom });
    }
  }
  return out;
}

function clipLines(list, x0, y0, x1, y1, leaf) {
  if (leaf) return list.map(it => it.pts);
  const out = [];
  for (const it of list) {
    for (const pts of clipPolyline(it.pts, x0, y0, x1, y1)) {
      out.push({ pts, bbox: bboxOfRings([pts]) });
    }
  }
  return out;
}

// ---------------------------------------------------------------- per-cell encoding

// A closed ring -> { pts: float32-rounded closed ring, coast: [[start, count], ...] }.
// Edges lying on a cell side are artificial; the coast is the runs of the other edges.
// The ring is rotated so that no coast run wraps around its end.
function encodeRing(ring, x0, y0, x1, y1) {
  closeRing(ring);
  let n = ring.length - 1;
  const onSide = (a, b) =>
    (a[0] === b[0] && (a[0] === x0 || a[0] === x1)) ||
    (a[1] === b[1] && (a[1] === y0 || a[1] === y1));
  let pts = [];
  let art = [];
  for (let i = 0; i < n; i++) {
    pts.push([Math.fround(ring[i][0]), Math.fround(ring[i][1])]);
    art.push(onSide(ring[i], ring[i + 1]));
  }
  // Drop points that coincide with the next one after rounding to float32; the merged
  // edge keeps the flag of the surviving (longer) edge.
  for (let changed = true; changed && pts.length > 0;) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length > 1; i++) {
      const j = (i + 1) % pts.length;
      if (pts[i][0] === pts[j][0] && pts[i][1] === pts[j][1]) {
        art[i] = art[j];
        pts.splice(j, 1);
        art.splice(j, 1);
        changed = true;
        i--;
      }
    }
  }
  n = pts.length;
  if (n < 3) return null;
  let start = 0;
  const nArt = art.filter(Boolean).length;
  if (nArt > 0 && nArt < n) {
    for (let i = 0; i < n; i++) {
      if (art[(i + n - 1) % n] && !art[i]) { start = i; break; }
    }
    pts = pts.slice(start).concat(pts.slice(0, start));
    art = art.slice(start).concat(art.slice(0, start));
  }
  pts.push(pts[0]);
  const coast = [];
  if (nArt === 0) {
    coast.push([0, n + 1]);
  } else {
    for (let i = 0; i < n;) {
      if (art[i]) { i++; continue; }
      let j = i;
      while (j < n && !art[j]) j++;
      coast.push([i, j - i + 1]);
      i = j;
    }
  }
  return { pts, coast };
}

function tiny(ring, encoded) {
  return Math.abs(signedArea(ring)) < MIN_RING_AREA || Math.abs(signedArea(encoded.pts)) < MIN_RING_AREA;
}

function encodeLine(pts) {
  const out = [];
  for (const [x, y] of pts) {
    const p = [Math.fround(x), Math.fround(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 2 ? out : null;
}

// ---------------------------------------------------------------- building a level

function loadTopology(name) {
  return JSON.parse(fs.readFileSync(require.resolve(`world-atlas/${name}.json`), 'utf8'));
}

function riverItems(spec, gazetteer) {
  const tol = 0.5 / (256 * 2 ** spec.riverZoom);
  const items = [];
  for (const [, , minZoom, , , lines] of gazetteer.rivers) {
    if (minZoom >= spec.riverMaxZoom) continue;
    for (const flat of lines) {
      const coords = [];
      for (let i = 0; i + 1 < flat.length; i += 2) coords.push([flat[i], flat[i + 1]]);
      for (const merc of lineToMercator(coords)) {
        const pts = simplify(merc, tol);
        if (pts.length >= 2) items.push({ pts, bbox: bboxOfRings([pts]), minZoom });
      }
    }
  }
  return items;
}

function buildLevel(spec, gazetteer) {
  const t0 = Date.now();
  const { scale, grid } = spec;
  const land = loadTopology(`land-${scale}m`);
  const countries = loadTopology(`countries-${scale}m`);

  const stats = { polar: 0, polarCaps: 0, shifted: 0, split: 0 };
  const landFeatures = feature(land, land.objects.land);
  const sourcePolygons = (landFeatures.features ?? [landFeatures]).flatMap(f => polygonsOf(f.geometry));
  let sourceVertices = 0;
  for (const p of sourcePolygons) for (const r of p) sourceVertices += r.length;

  const landItems = [];
  for (const poly of sourcePolygons) {
    for (const rings of polygonToMercator(poly, stats)) {
      landItems.push({ rings, bbox: bboxOfRings([rings[0]]) });
    }
  }

  const borderMesh = mesh(countries, countries.objects.countries, (a, b) => a !== b);
  const lineItems = [];
  let borderSourceVertices = 0;
  for (const line of borderMesh.coordinates) {
    borderSourceVertices += line.length;
    for (const pts of lineToMercator(line)) lineItems.push({ pts, bbox: bboxOfRings([pts]) });
  }

  const riverLines = riverItems(spec, gazetteer);
  const landCells = cutIntoCells(landItems, grid, clipPolygons);
  const lineCells = cutIntoCells(lineItems, grid, clipLines);
  const riverCells = cutIntoCells(riverLines, grid, clipRiverLines);

  // Flatten: per cell, LAND parts, then COAST, BORDER and RIVER parts.
  const vertices = [];   // [x, y] float32 values
  const parts = [];      // [first_vertex, n_points]
  const partZooms = [];  // per part: its minimum zoom × 10 (rivers), else 0
  const index = [];      // (grid * grid * N_LAYERS + 1) part indices
  const counts = { land: 0, coast: 0, border: 0, river: 0, cells: 0, dropped: 0 };
  const cellRings = new Array(grid * grid);  // for the checks below
  for (let row = 0; row < grid; row++) {
    for (let col = 0; col < grid; col++) {
      const c = row * grid + col;
      const x0 = col / grid, y0 = row / grid, x1 = (col + 1) / grid, y1 = (row + 1) / grid;
      const rings = [];
      for (const poly of landCells[c] ?? []) {
        // Outer rings positive, holes negative: nonzero and even-odd fills agree.
        const outer = encodeRing(poly[0].map(p => [p[0], p[1]]), x0, y0, x1, y1);
        if (!outer || tiny(poly[0], outer)) { counts.dropped++; continue; }
        check(signedArea(outer.pts) > 0, `${scale}m outer ring winding in cell ${col},${row}`);
        rings.push(outer);
        for (let i = 1; i < poly.length; i++) {
          const hole = encodeRing(poly[i].map(p => [p[0], p[1]]), x0, y0, x1, y1);
          if (!hole || tiny(poly[i], hole)) { counts.dropped++; continue; }
          check(signedArea(hole.pts) < 0, `${scale}m hole winding in cell ${col},${row}`);
          rings.push(hole);
        }
      }
      const landParts = [], coastParts = [];
      for (const r of rings) {
        const first = vertices.length;
        for (const p of r.pts) vertices.push(p);
        landParts.push([first, r.pts.length]);
        for (const [s, n] of r.coast) coastParts.push([first + s, n]);
      }
      const borderParts = [];
      for (const pts of lineCells[c] ?? []) {
        const enc = encodeLine(pts);
        if (!enc) continue;
        borderParts.push([vertices.length, enc.length]);
        for (const p of enc) vertices.push(p);
      }
      index.push(parts.length);
      parts.push(...landParts);
      index.push(parts.length);
      parts.push(...coastParts);
      index.push(parts.length);
      parts.push(...borderParts);
      const riverParts = [], riverZooms = [];
      for (const it of riverCells[c] ?? []) {
        const enc = encodeLine(it.pts);
        if (!enc) continue;
        riverParts.push([vertices.length, enc.length]);
        riverZooms.push(Math.round(it.minZoom * 10));
        for (const p of enc) vertices.push(p);
      }
      for (let k = partZooms.length; k < parts.length; k++) partZooms.push(0);
      index.push(parts.length);
      parts.push(...riverParts);
      partZooms.push(...riverZooms);
      counts.river += riverParts.length;
      counts.land += landParts.length;
      counts.coast += coastParts.length;
      counts.border += borderParts.length;
      if (landParts.length + borderParts.length > 0) counts.cells++;
      cellRings[c] = rings.map(r => r.pts);
    }
  }
  index.push(parts.length);

  console.log(`  ${scale}m: ${sourcePolygons.length} land polygons (${sourceVertices} vertices; ` +
              `${stats.polar} around a pole, ${stats.polarCaps} polar caps dropped, ${stats.split} split at ±180°, ` +
              `${stats.shifted} shifted by 360°), ` +
              `${borderMesh.coordinates.length} border lines (${borderSourceVertices} vertices) -> ` +
              `grid ${grid}x${grid}, ${counts.cells} cells with data, ${vertices.length} vertices, ` +
              `${counts.land} land rings, ${counts.coast} coast lines, ${counts.border} border lines, ` +
              `${counts.river} river lines, ` +
              `${counts.dropped} slivers dropped ` +
              `(${Date.now() - t0} ms)`);

  return {
    spec, vertices, parts, partZooms, index, counts, cellRings, landItems, lineItems, riverLines, sourcePolygons,
  };
}

// ---------------------------------------------------------------- labels

// Countries are named in English by world-atlas; the curated file gives those the
// bundled stories show their Japanese, Russian and Chinese names.
function countryLabels(curated) {
  const topo = loadTopology('countries-50m');
  const names = new Map(curated.names.filter(e => e.kind === 'country').map(e => [e.ne, e]));
  const labels = [];
  for (const f of feature(topo, topo.objects.countries).features) {
    const e = names.get(f.properties.name) ?? { en: f.properties.name };
    names.delete(f.properties.name);
    const name = e.en;
    const stats = { polar: 0, polarCaps: 0, shifted: 0, split: 0 };
    let best = null, bestArea = -1, total = 0;
    for (const poly of polygonsOf(f.geometry)) {
      for (const piece of polygonToMercator(poly, stats)) {
        const a = polygonArea(piece);
        total += a;
        if (a > bestArea) { bestArea = a; best = piece; }
      }
    }
    if (!best) throw new Error(`country ${name} has no geometry`);
    const p = polylabel(best, 1e-5);
    const raw = Math.log2(COUNTRY_LABEL_PX / 256 / Math.sqrt(total));
    const minZoom = Math.round(Math.min(9, Math.max(1, raw)) * 10) / 10;
    const rank = Math.min(10, Math.max(1, Math.floor(raw) + 2));
    labels.push({ name, ja: e.ja ?? null, ru: e.ru ?? null, zh: e.zh ?? null, kind: LABEL_COUNTRY, x: p[0], y: p[1],
                  minZoom, rank, size: total, flags: 0 });
  }
  if (names.size > 0) throw new Error(`curated country ${[...names.keys()][0]} matches nothing`);
  return labels;
}

function seaLabels(curated) {
  return SEA_LABELS.map(([name, lon, lat, minZoom, rank]) => {
    const [x, y] = project(lon, lat);
    const e = curated.names.find(n => n.kind === 'sea' && n.ne === name) ?? {};
    return { name, ja: e.ja ?? null, ru: e.ru ?? null, zh: e.zh ?? null, kind: LABEL_SEA, x, y,
             minZoom, rank, size: 0, lon, lat, flags: 0 };
  });
}

function loadGazetteer() {
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(GAZETTEER_FILE)).toString('utf8'));
}

function loadCurated() {
  const curated = JSON.parse(fs.readFileSync(CURATED_FILE, 'utf8'));
  for (const e of curated.names.concat(curated.features)) {
    check(typeof e.source === 'string' && e.source.startsWith('https://'), `curated ${e.en} has a source`);
  }
  return curated;
}

function partyFlags(e) {
  if (!e.parties) return 0;
  return e.parties.reduce((f, lang) => f | FLAG_PARTY[lang], FLAG_DISPUTED);
}

const clampRank = v => Math.min(10, Math.max(1, Math.round(v)));

// Natural Earth writes large islands in capitals with a diaeresis for a macron
// ("HOKKAIDÖ"); the curated names fix the ones the stories show, the rest are title-cased.
function titleCase(name) {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (m, sep, c) => sep + c.toUpperCase());
}

function polylineLength(pts) {
  let s = 0;
  for (let i = 0; i + 1 < pts.length; i++) s += Math.hypot(pts[i + 1][0] - pts[i][0], pts[i + 1][1] - pts[i][1]);
  return s;
}

function pointAlong(pts, at) {
  for (let i = 0; i + 1 < pts.length; i++) {
    const d = Math.hypot(pts[i + 1][0] - pts[i][0], pts[i + 1][1] - pts[i][1]);
    if (d >= at && d > 0) {
      const t = at / d;
      return [pts[i][0] + t * (pts[i + 1][0] - pts[i][0]), pts[i][1] + t * (pts[i + 1][1] - pts[i][1])];
    }
    at -= d;
  }
  return pts[pts.length - 1];
}

const normalise = name => name.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s*\(.*\)/, '').toLowerCase();

// The gazetteer: populated places, islands, marine areas and rivers from Natural Earth,
// renamed and completed by the curated file. @isWater(x, y) tells a marine label point
// that is on water at 10m (Natural Earth's marine polygons follow another coastline).
function gazetteerLabels(gazetteer, curated, countryNames, isWater, stats) {
  const names = new Map(curated.names.map(e => [`${e.kind}:${e.ne}`, e]));
  const used = new Set();
  const named = (kind, neName, fallback) => {
    const e = names.get(`${kind}:${neName}`);
    if (e) used.add(`${kind}:${neName}`);
    return e ?? { en: fallback };
  };
  const label = (e, kind, lon, lat, minZoom, rank, size, flags) => {
    const [x, y] = project(lon, lat);
    return { name: e.en, ja: e.ja ?? null, ru: e.ru ?? null, zh: e.zh ?? null, kind, x, y,
             minZoom: Math.round(minZoom * 10) / 10, rank, size, flags: flags | partyFlags(e), lon, lat };
  };
  const labels = [];

  for (const [name, ru, zh, lon, lat, minZoom, , , capital, pop] of gazetteer.places) {
    const e = named('city', name, name);
    const full = { ru, zh, ...e };
    labels.push(label(full, LABEL_CITY, lon, lat, minZoom, clampRank(minZoom), pop, capital === 2 ? FLAG_CAPITAL : 0));
  }
  stats.places = gazetteer.places.length;

  const seaNames = new Set(SEA_LABELS.map(([n]) => normalise(n)));
  for (const [name, group, lon, lat, minLabel] of gazetteer.islands) {
    const e = named('island', name, titleCase(name));
    if (countryNames.has(e.en)) continue;  // "JAPAN", "NEW ZEALAND": the country label says it
    labels.push(label(e, LABEL_ISLAND, lon, lat, minLabel, clampRank(minLabel), 0, group ? FLAG_GROUP : 0));
    stats.islands++;
  }
  for (const [name, , lon, lat, minLabel] of gazetteer.marine) {
    if (seaNames.has(normalise(name))) continue;
    const [x, y] = project(lon, lat);
    if (!isWater(x, y)) { stats.marineOnLand++; continue; }
    labels.push(label(named('sea', name, name), LABEL_SEA, lon, lat, Math.max(minLabel, 4), clampRank(minLabel + 1), 0, 0));
    stats.marine++;
  }

  // One label per river name, halfway along its longest line.
  const best = new Map();
  for (const [name, , minZoom, minLabel, , lines] of gazetteer.rivers) {
    if (!name) continue;
    const e = named('river', name, name);
    for (const flat of lines) {
      const coords = [];
      for (let i = 0; i + 1 < flat.length; i += 2) coords.push([flat[i], flat[i + 1]]);
      const len = polylineLength(coords);
      const prev = best.get(e.en);
      if (!prev || len > prev.len) best.set(e.en, { e, coords, len, minZoom: Math.max(minZoom, minLabel) });
    }
  }
  for (const [, r] of [...best.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const [lon, lat] = pointAlong(r.coords, r.len / 2);
    labels.push(label(r.e, LABEL_RIVER, lon, lat, r.minZoom, clampRank(r.minZoom + 1), r.len, 0));
    stats.rivers++;
  }

  for (const e of curated.features) {
    const kind = e.kind === 'city' ? LABEL_CITY : LABEL_ISLAND;
    labels.push(label(e, kind, e.lon, e.lat, e.min_zoom, clampRank(e.min_zoom), 0,
                      e.kind === 'island-group' ? FLAG_GROUP : 0));
    stats.curated++;
  }

  for (const e of curated.names) {
    const hand = (e.kind === 'sea' && SEA_LABELS.some(([n]) => n === e.ne)) || e.kind === 'country';
    if (!used.has(`${e.kind}:${e.ne}`) && !hand) throw new Error(`curated name ${e.ne} matches nothing`);
  }
  return labels;
}

// Sorted so that placing labels in file order and skipping collisions gives priority to
// the more important ones: by rank, then seas, countries, cities, islands and rivers,
// then larger first, then by name (byte order) for determinism.
function sortLabels(labels) {
  const cmpStr = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  return labels.sort((a, b) =>
    (a.rank - b.rank) || (KIND_ORDER[a.kind] - KIND_ORDER[b.kind]) || (b.size - a.size) ||
    (a.minZoom - b.minZoom) || cmpStr(a.name, b.name) || (a.x - b.x) || (a.y - b.y));
}

// ---------------------------------------------------------------- writing

const align8 = n => (n + 7) & ~7;

function writeFile(levels, labels) {
  // Strings: NUL-terminated UTF-8, deduplicated, in label order.
  const stringOffsets = new Map();
  const stringChunks = [];
  let stringsSize = 0;
  for (const l of labels) {
    for (const name of [l.name, l.ja, l.ru, l.zh]) {
      if (name === null || stringOffsets.has(name)) continue;
      const b = Buffer.from(name + '\0', 'utf8');
      stringOffsets.set(name, stringsSize);
      stringChunks.push(b);
      stringsSize += b.length;
    }
  }

  let off = HEADER_SIZE;
  const levelTableOffset = off;
  off = align8(off + LEVEL_RECORD_SIZE * levels.length);
  const labelTableOffset = off;
  off = align8(off + LABEL_RECORD_SIZE * labels.length);
  const stringsOffset = off;
  off = align8(off + stringsSize);
  for (const lv of levels) {
    lv.indexOffset = off;
    off = align8(off + 4 * lv.index.length);
    lv.partsOffset = off;
    off = align8(off + 8 * lv.parts.length);
    lv.verticesOffset = off;
    off = align8(off + 8 * lv.vertices.length);
    lv.partZoomsOffset = off;
    off = align8(off + lv.partZooms.length);
  }
  const fileSize = off;

  const buf = Buffer.alloc(fileSize);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u32 = (o, v) => dv.setUint32(o, v, true);
  const f32 = (o, v) => dv.setFloat32(o, v, true);

  buf.write('MERBMAP1', 0, 'ascii');
  u32(8, FORMAT_VERSION);
  u32(12, HEADER_SIZE);
  u32(16, fileSize);
  u32(20, levels.length);
  u32(24, levelTableOffset);
  u32(28, labels.length);
  u32(32, labelTableOffset);
  u32(36, stringsOffset);
  u32(40, stringsSize);
  // 44..63: zero (flags and reserved)

  levels.forEach((lv, i) => {
    const o = levelTableOffset + i * LEVEL_RECORD_SIZE;
    u32(o + 0, lv.spec.scale);
    f32(o + 4, lv.spec.minZoom);
    u32(o + 8, lv.spec.grid);
    u32(o + 12, lv.indexOffset);
    u32(o + 16, lv.parts.length);
    u32(o + 20, lv.partsOffset);
    u32(o + 24, lv.vertices.length);
    u32(o + 28, lv.verticesOffset);
    u32(o + 32, lv.counts.land);
    u32(o + 36, lv.counts.coast);
    u32(o + 40, lv.counts.border);
    u32(o + 44, lv.counts.river);
    u32(o + 48, lv.partZoomsOffset);
    // 52..63: zero (reserved)
    lv.index.forEach((v, j) => u32(lv.indexOffset + 4 * j, v));
    lv.parts.forEach(([first, n], j) => {
      u32(lv.partsOffset + 8 * j, first);
      u32(lv.partsOffset + 8 * j + 4, n);
    });
    lv.vertices.forEach(([x, y], j) => {
      f32(lv.verticesOffset + 8 * j, x);
      f32(lv.verticesOffset + 8 * j + 4, y);
    });
    lv.partZooms.forEach((z, j) => dv.setUint8(lv.partZoomsOffset + j, z));
  });

  labels.forEach((l, i) => {
    const o = labelTableOffset + i * LABEL_RECORD_SIZE;
    f32(o + 0, l.x);
    f32(o + 4, l.y);
    f32(o + 8, l.minZoom);
    u32(o + 12, stringOffsets.get(l.name));
    u32(o + 16, l.ja === null ? NO_NAME : stringOffsets.get(l.ja));
    u32(o + 20, l.ru === null ? NO_NAME : stringOffsets.get(l.ru));
    u32(o + 24, l.zh === null ? NO_NAME : stringOffsets.get(l.zh));
    dv.setUint8(o + 28, l.kind);
    dv.setUint8(o + 29, l.rank);
    dv.setUint8(o + 30, l.flags);
    // 31: zero (reserved)
  });

  let so = stringsOffset;
  for (const b of stringChunks) { b.copy(buf, so); so += b.length; }

  fs.mkdirSync(path.dirname(OUT_FILE), { recursive: true });
  fs.writeFileSync(OUT_FILE, buf);
  return buf;
}

// ---------------------------------------------------------------- reading back and checks

function readFile(buf) {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u32 = o => dv.getUint32(o, true);
  const f32 = o => dv.getFloat32(o, true);
  if (buf.toString('ascii', 0, 8) !== 'MERBMAP1') throw new Error('bad magic');
  if (u32(16) !== buf.length) throw new Error('bad size');
  const levels = [];
  for (let i = 0; i < u32(20); i++) {
    const o = u32(24) + i * LEVEL_RECORD_SIZE;
    const lv = {
      scale: u32(o), minZoom: f32(o + 4), grid: u32(o + 8), indexOffset: u32(o + 12),
      nParts: u32(o + 16), partsOffset: u32(o + 20), nVertices: u32(o + 24), verticesOffset: u32(o + 28),
      nRiver: u32(o + 44), partZoomsOffset: u32(o + 48),
    };
    lv.partZoom = p => dv.getUint8(lv.partZoomsOffset + p);
    // parts(cell, layer) -> array of point arrays
    lv.cellParts = (col, row, layer) => {
      const k = (row * lv.grid + col) * N_LAYERS + layer;
      const a = u32(lv.indexOffset + 4 * k), b = u32(lv.indexOffset + 4 * k + 4);
      const out = [];
      for (let p = a; p < b; p++) {
        const first = u32(lv.partsOffset + 8 * p), n = u32(lv.partsOffset + 8 * p + 4);
        const pts = [];
        for (let v = first; v < first + n; v++) {
          pts.push([f32(lv.verticesOffset + 8 * v), f32(lv.verticesOffset + 8 * v + 4)]);
        }
        out.push(pts);
      }
      return out;
    };
    levels.push(lv);
  }
  const labels = [];
  for (let i = 0; i < u32(28); i++) {
    const o = u32(32) + i * LABEL_RECORD_SIZE;
    const str = at => {
      if (u32(at) === NO_NAME) return null;
      const so = u32(36) + u32(at);
      return buf.toString('utf8', so, buf.indexOf(0, so));
    };
    labels.push({
      x: f32(o), y: f32(o + 4), minZoom: f32(o + 8), name: str(o + 12), ja: str(o + 16), ru: str(o + 20),
      zh: str(o + 24), kind: dv.getUint8(o + 28), rank: dv.getUint8(o + 29), flags: dv.getUint8(o + 30),
    });
  }
  return { levels, labels };
}

function pointInRings(rings, x, y) {
  let inside = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i], [xj, yj] = r[j];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function isLand(lv, lon, lat) {
  const [x, y] = project(lon, lat);
  const col = Math.min(lv.grid - 1, Math.floor(x * lv.grid));
  const row = Math.min(lv.grid - 1, Math.floor(y * lv.grid));
  return pointInRings(lv.cellParts(col, row, 0), x, y);
}

function check(cond, message) {
  if (!cond) throw new Error(`check failed: ${message}`);
}

function lengthOf(pts) {
  let s = 0;
  for (let i = 0; i + 1 < pts.length; i++) s += Math.hypot(pts[i + 1][0] - pts[i][0], pts[i + 1][1] - pts[i][1]);
  return s;
}

function verify(buf, built) {
  const { levels, labels } = readFile(buf);
  check(levels.length === LEVELS.length, 'level count');

  levels.forEach((lv, li) => {
    const b = built[li];
    const g = lv.grid;
    let landArea = 0, coastLength = 0, borderLength = 0, riverLength = 0, maxSpan = 0;
    for (let row = 0; row < g; row++) {
      for (let col = 0; col < g; col++) {
        const x0 = col / g, x1 = (col + 1) / g, y0 = row / g, y1 = (row + 1) / g;
        for (const layer of [0, 1, 2, 3]) {
          for (const pts of lv.cellParts(col, row, layer)) {
            const bb = bboxOfRings([pts]);
            check(bb.x0 >= x0 && bb.x1 <= x1 && bb.y0 >= y0 && bb.y1 <= y1,
                  `${lv.scale}m part outside its cell ${col},${row}`);
            maxSpan = Math.max(maxSpan, bb.x1 - bb.x0);
            if (layer === 0) {
              check(pts.length >= 4 && pts[0][0] === pts[pts.length - 1][0] &&
                    pts[0][1] === pts[pts.length - 1][1], 'land ring closed');
              landArea += signedArea(pts);
            } else if (layer === 1) {
              coastLength += lengthOf(pts);
            } else if (layer === 2) {
              borderLength += lengthOf(pts);
            } else {
              riverLength += lengthOf(pts);
            }
          }
        }
      }
    }
    // Nothing lost or added by cutting: same land area, same coastline length, same
    // border length as the projected input. The source coastline leaves out polygons that
    // are dropped as too small and edges that two polygons share; what remains differs
    // only by float32 rounding and the spikes and overlaps polygon-clipping cleans up
    // (6e-5 of the length at 10m, mostly skerries in land-10m).
    let srcArea = 0, srcCoast = 0, srcBorder = 0;
    const edges = new Map();
    for (const it of b.landItems) {
      const area = polygonArea(it.rings);
      if (Math.abs(area) < MIN_RING_AREA) continue;
      srcArea += area;
      for (const r of it.rings) {
        for (let i = 0; i + 1 < r.length; i++) {
          const [ax, ay] = r[i], [bx, by] = r[i + 1];
          const artificial = (ax === bx && (ax === 0 || ax === 1)) || (ay === by && (ay === 0 || ay === 1));
          if (artificial) continue;
          const len = Math.hypot(bx - ax, by - ay);
          const back = `${bx},${by},${ax},${ay}`;
          if (edges.has(back)) {
            edges.delete(back);
            srcCoast -= len;
          } else {
            edges.set(`${ax},${ay},${bx},${by}`, true);
            srcCoast += len;
          }
        }
      }
    }
    for (const it of b.lineItems) srcBorder += lengthOf(it.pts);
    let srcRiver = 0;
    for (const it of b.riverLines) srcRiver += lengthOf(it.pts);
    const rel = (a, s) => Math.abs(a - s) / Math.abs(s);
    console.log(`  check ${lv.scale}m: land area ${landArea.toFixed(6)} (source ${srcArea.toFixed(6)}), ` +
                `coast length ${coastLength.toFixed(4)} (source ${srcCoast.toFixed(4)}), ` +
                `border length ${borderLength.toFixed(4)} (source ${srcBorder.toFixed(4)}), ` +
                `river length ${riverLength.toFixed(4)} (simplified source ${srcRiver.toFixed(4)}), ` +
                `widest part ${maxSpan.toFixed(4)}`);
    check(rel(landArea, srcArea) < 1e-4, `${lv.scale}m land area`);
    check(rel(coastLength, srcCoast) < 1e-4, `${lv.scale}m coast length`);
    check(rel(borderLength, srcBorder) < 1e-4, `${lv.scale}m border length`);
    check(rel(riverLength, srcRiver) < 1e-4, `${lv.scale}m river length`);
    check(maxSpan <= 1 / g, `${lv.scale}m part wider than a cell`);

    // Every river part carries its river's minimum zoom, below the level's river limit;
    // no other part has one.
    let zoned = 0;
    for (let p = 0; p < lv.nParts; p++) {
      check(lv.partZoom(p) === b.partZooms[p], `${lv.scale}m part ${p} minimum zoom`);
      if (lv.partZoom(p) > 0) zoned++;
      check(lv.partZoom(p) < b.spec.riverMaxZoom * 10, `${lv.scale}m part ${p} minimum zoom past the level's rivers`);
    }
    check(b.partZooms.length === lv.nParts && zoned === lv.nRiver, `${lv.scale}m minimum zooms of the river parts`);
  });

  const lv10 = levels[levels.length - 1];
  check(lv10.scale === 10, 'last level is 10m');
  check(isLand(lv10, ...ITURUP), 'Iturup is land at 10m');
  check(!isLand(lv10, ...OKHOTSK), 'Sea of Okhotsk is water at 10m');
  check(!isLand(lv10, ...PACIFIC), 'Pacific is water at 10m');

  // Kurils: land-10m polygons in the box (by bbox centre) and, after cutting, rings.
  const centreIn = (bb, toLon, toLat) => {
    const lon = toLon((bb.x0 + bb.x1) / 2), lat = toLat((bb.y0 + bb.y1) / 2);
    return lon >= KURIL_BOX.lon0 && lon <= KURIL_BOX.lon1 && lat >= KURIL_BOX.lat0 && lat <= KURIL_BOX.lat1;
  };
  const id = v => v;
  const kurilSource = built[built.length - 1].sourcePolygons
    .filter(p => centreIn(bboxOfRings([p[0]]), id, id)).length;
  check(kurilSource >= KURIL_MIN_POLYGONS, `land-10m has ${kurilSource} Kuril polygons`);
  const [bx0, by1] = project(KURIL_BOX.lon0, KURIL_BOX.lat0);
  const [bx1, by0] = project(KURIL_BOX.lon1, KURIL_BOX.lat1);
  let kurilRings = 0;
  for (let row = 0; row < lv10.grid; row++) {
    for (let col = 0; col < lv10.grid; col++) {
      for (const pts of lv10.cellParts(col, row, 0)) {
        const bb = bboxOfRings([pts]);
        const cx = (bb.x0 + bb.x1) / 2, cy = (bb.y0 + bb.y1) / 2;
        if (cx >= bx0 && cx <= bx1 && cy >= by0 && cy <= by1) kurilRings++;
      }
    }
  }
  console.log(`  check Kurils: ${kurilSource} land-10m polygons in 43-51N 145-157E, ` +
              `${kurilRings} LAND rings at 10m with their bbox centre in the box`);
  check(kurilRings >= kurilSource, 'Kuril rings at 10m');

  // Each Kuril source polygon still has land at its pole of inaccessibility.
  for (const p of built[built.length - 1].sourcePolygons) {
    if (!centreIn(bboxOfRings([p[0]]), id, id)) continue;
    const [lon, lat] = polylabel(p, 1e-6);
    check(isLand(lv10, lon, lat), `Kuril island at ${lon.toFixed(3)}E ${lat.toFixed(3)}N kept`);
  }

  for (const s of SEA_LABELS) {
    const [name, lon, lat, minZoom] = s;
    for (const lv of levels) {
      if (lv.scale === 110 && minZoom >= 3) continue;
      check(!isLand(lv, lon, lat), `sea label ${name} at ${lon}E ${lat}N is on water at ${lv.scale}m`);
    }
  }
  for (const name of ['Sea of Okhotsk', 'Sea of Japan (East Sea)', 'Japan', 'Russia', 'La Pérouse Strait',
                      'Kunashir', 'Iturup', 'Shikotan', 'Habomai Islands', 'Shumshu', 'Paramushir', 'Urup',
                      'Sakhalin', 'Hokkaido', 'Tsushima', 'Amur', 'Ussuri', 'Songhua', 'Dnieper',
                      'Khabarovsk', 'Nemuro', 'Yuzhno-Kurilsk', 'Tokyo', 'Kyiv', 'Bolshoi Ussuriysky Island',
                      'Zhenbao (Damansky) Island']) {
    check(labels.some(l => l.name === name), `label ${name}`);
  }
  const kunashir = labels.find(l => l.name === 'Kunashir');
  check(kunashir.ja === '国後島' && kunashir.ru === 'Кунашир' &&
        kunashir.flags === (FLAG_DISPUTED | FLAG_PARTY.ja | FLAG_PARTY.ru),
        'Kunashir has its Japanese and Russian names');
  // Curated islands marked as land are land at 10m, within 0.05° of their point.
  for (const e of loadCurated().features) {
    if (!e.land) continue;
    let found = false;
    for (let dy = -0.05; dy <= 0.05 && !found; dy += 0.025) {
      for (let dx = -0.05; dx <= 0.05 && !found; dx += 0.025) found = isLand(lv10, e.lon + dx, e.lat + dy);
    }
    check(found, `curated island ${e.en} at ${e.lon}E ${e.lat}N is land at 10m`);
  }
  const byKind = k => labels.filter(l => l.kind === k).length;
  console.log(`  check labels: ${labels.length} (${byKind(LABEL_COUNTRY)} countries, ${byKind(LABEL_SEA)} seas, ` +
              `${byKind(LABEL_CITY)} cities, ${byKind(LABEL_ISLAND)} islands, ${byKind(LABEL_RIVER)} rivers)`);
}

// ---------------------------------------------------------------- main

function main() {
  console.log('Preparing the base map');
  const gazetteer = loadGazetteer();
  const curated = loadCurated();
  const built = LEVELS.map(spec => buildLevel(spec, gazetteer));
  const countries = countryLabels(curated);
  const lv10 = built[built.length - 1];
  const g = lv10.spec.grid;
  const isWater = (x, y) => !pointInRings(lv10.cellRings[Math.min(g - 1, Math.floor(y * g)) * g +
                                                         Math.min(g - 1, Math.floor(x * g))], x, y);
  const stats = { places: 0, islands: 0, marine: 0, marineOnLand: 0, rivers: 0, curated: 0 };
  const labels = sortLabels(countries.concat(seaLabels(curated),
                                             gazetteerLabels(gazetteer, curated, new Set(countries.map(l => l.name)),
                                                             isWater, stats)));
  console.log(`  gazetteer: ${stats.places} places, ${stats.islands} islands, ${stats.marine} marine areas ` +
              `(${stats.marineOnLand} whose label point is on land at 10m dropped), ${stats.rivers} named rivers, ` +
              `${stats.curated} curated features`);
  const buf = writeFile(built, labels);
  console.log(`Wrote ${path.relative(process.cwd(), OUT_FILE)}: ${buf.length} bytes`);
  for (const lv of built) {
    const bytes = 4 * lv.index.length + 8 * lv.parts.length + 8 * lv.vertices.length;
    console.log(`  ${lv.spec.scale}m: ${bytes} bytes (index ${4 * lv.index.length}, parts ${8 * lv.parts.length}, ` +
                `vertices ${8 * lv.vertices.length})`);
  }
  verify(buf, built);
  console.log('All checks passed');
}

main();
