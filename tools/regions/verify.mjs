// Verification for Meridian's bundled region geometry (data/events/regions/*.geojson).
//
// Usage:  cd tools/regions && node verify.mjs
// (prepare-regions.mjs also runs this automatically after writing its output.)
//
// Re-reads every output file and checks what the app's loader enforces:
//   - a GeoJSON Feature (or bare geometry) whose geometry is a Polygon or MultiPolygon,
//   - every ring closed (first position == last position) with >= 4 positions,
//   - lon in [-180, 180], lat in [-90, 90], all numbers finite,
//   - at most 4 decimal places, no consecutive duplicate positions,
//   - RFC 7946 winding (exterior rings counter-clockwise, holes clockwise),
//   - file size below the 150 KB budget.
// For the two Kuril files it prints every polygon's centroid and area and labels it
// with the island it represents (see ISLAND_REFERENCE), failing if a named island
// is missing or an unexpected polygon appears. It also prints a one-line summary
// for every other file.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = path.resolve(HERE, '../../data/events/regions');
export const MAX_BYTES = 150 * 1024;

export const EXPECTED_FILES = [
  'amur-islands.geojson',
  'crimea.geojson',
  'donetsk.geojson',
  'fukushima.geojson',
  'hokkaido.geojson',
  'kuril-islands.geojson',
  'luhansk.geojson',
  'sakhalin.geojson',
  'southern-kurils.geojson',
];

// Approximate real-world island centres [lon, lat] (gazetteer values, ~0.05 deg),
// used only to put a name on each Natural Earth polygon and to prove that every
// island Natural Earth 10m has is present. A polygon is matched to the nearest
// reference centre; the match must be within MATCH_TOLERANCE_DEG and unique.
//
// Natural Earth 10m land (world-atlas 2.0.2) has NO polygon for these smaller
// Kuril islands, so they are not listed: Ushishir (47.52N 152.82E), Raikoke
// (48.29N 153.25E), Chirinkotan (48.98N 153.48E), Broutona (46.72N 150.73E),
// Shirinki (50.20N 154.98E), one of the two Chernye Bratya islands, and the
// smaller Habomai islets (Anuchina, Demina, Storozhevoy, Signalny, ...).
export const MATCH_TOLERANCE_DEG = 0.1;
export const ISLAND_REFERENCE = {
  'kuril-islands.geojson': [
    ['Atlasov (Alaid)', [155.56, 50.86]],
    ['Shumshu', [156.35, 50.75]],
    ['Paramushir', [155.72, 50.38]],
    ['Makanrushi', [154.43, 49.77]],
    ['Onekotan', [154.77, 49.44]],
    ['Kharimkotan', [154.52, 49.13]],
    ['Ekarma', [153.95, 48.95]],
    ['Shiashkotan', [154.10, 48.82]],
    ['Matua', [153.23, 48.08]],
    ['Rasshua', [153.02, 47.75]],
    ['Ketoi', [152.48, 47.35]],
    ['Simushir', [152.00, 46.96]],
    ['Chernye Bratya (Chirpoi / Brat Chirpoyev; NE has one polygon)', [150.84, 46.48]],
    ['Urup', [149.93, 45.89]],
  ],
  'southern-kurils.geojson': [
    ['Iturup (Etorofu)', [147.75, 45.03]],
    ['Kunashir (Kunashiri)', [145.94, 44.13]],
    ['Shikotan', [146.77, 43.79]],
    ['Habomai: Polonsky (Taraku)', [146.32, 43.63]],
    ['Habomai: Zelyony (Shibotsu)', [146.16, 43.51]],
    ['Habomai: Yuri', [146.07, 43.43]],
    ['Habomai: Tanfilyev (Suisho)', [145.91, 43.44]],
  ],
  'amur-islands.geojson': [
    ['Tarabarov (Yinlong)', [134.51, 48.38]],
    ['Bolshoi Ussuriysky (Heixiazi)', [134.80, 48.36]],
  ],
};

// ---------------------------------------------------------------- geometry helpers

/** Signed planar area of a closed ring in deg^2 (positive = counter-clockwise). */
export function signedArea(ring) {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return a / 2;
}

/** Approximate area in km^2 of a closed ring (equirectangular at the ring's mean latitude). */
export function ringAreaKm2(ring) {
  let lat0 = 0;
  for (const p of ring) lat0 += p[1];
  lat0 /= ring.length;
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110.57;
  return Math.abs(signedArea(ring)) * kx * ky;
}

/** Area-weighted planar centroid [lon, lat] of a closed ring. */
export function ringCentroid(ring) {
  let a = 0, x = 0, y = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const c = x0 * y1 - x1 * y0;
    a += c;
    x += (x0 + x1) * c;
    y += (y0 + y1) * c;
  }
  if (a === 0) return ring[0].slice();
  return [x / (3 * a), y / (3 * a)];
}

/** Polygon area in km^2 (exterior minus holes). */
export function polygonAreaKm2(poly) {
  return poly.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * ringAreaKm2(ring), 0);
}

/** Even-odd point-in-ring test. */
export function pointInRing(pt, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i], b = ring[j];
    if ((a[1] > pt[1]) !== (b[1] > pt[1]) &&
        pt[0] < ((b[0] - a[0]) * (pt[1] - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside;
}

export function pointInPolygon(pt, poly) {
  if (!pointInRing(pt, poly[0])) return false;
  for (let i = 1; i < poly.length; i++) if (pointInRing(pt, poly[i])) return false;
  return true;
}

export function polygonsOf(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`unsupported geometry type ${geometry.type}`);
}

// ---------------------------------------------------------------- checks

function fail(file, msg) {
  throw new Error(`${file}: ${msg}`);
}

function decimals(v) {
  const s = String(v);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Structural checks that mirror the app's loader (plus a few stricter ones). */
export function checkGeoJSON(file, gj, bytes) {
  if (bytes > MAX_BYTES) fail(file, `${bytes} bytes exceeds the ${MAX_BYTES}-byte budget`);
  let geometry = gj;
  if (gj.type === 'Feature') {
    const p = gj.properties;
    if (!p || typeof p.id !== 'string' || typeof p.name !== 'string' || typeof p.source !== 'string') {
      fail(file, 'Feature must have string properties id, name and source');
    }
    geometry = gj.geometry;
  }
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    fail(file, 'geometry must be a Polygon or MultiPolygon');
  }
  const polys = polygonsOf(geometry);
  if (polys.length === 0) fail(file, 'no polygons');
  let vertices = 0;
  polys.forEach((poly, pi) => {
    if (!Array.isArray(poly) || poly.length === 0) fail(file, `polygon ${pi} has no rings`);
    poly.forEach((ring, ri) => {
      const where = `polygon ${pi} ring ${ri}`;
      if (!Array.isArray(ring) || ring.length < 4) fail(file, `${where} has fewer than 4 positions`);
      for (const [k, pos] of ring.entries()) {
        if (!Array.isArray(pos) || pos.length !== 2) fail(file, `${where} position ${k} is not [lon, lat]`);
        const [lon, lat] = pos;
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) fail(file, `${where} position ${k} not finite`);
        if (lon < -180 || lon > 180) fail(file, `${where} position ${k} lon ${lon} out of range`);
        if (lat < -90 || lat > 90) fail(file, `${where} position ${k} lat ${lat} out of range`);
        if (decimals(lon) > 4 || decimals(lat) > 4) fail(file, `${where} position ${k} has more than 4 decimals`);
        if (k > 0 && ring[k - 1][0] === lon && ring[k - 1][1] === lat) {
          fail(file, `${where} has consecutive duplicate position at ${k}`);
        }
      }
      const first = ring[0], last = ring[ring.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) fail(file, `${where} is not closed`);
      const a = signedArea(ring);
      if (a === 0) fail(file, `${where} has zero area`);
      if (ri === 0 && a < 0) fail(file, `${where} exterior ring is not counter-clockwise (RFC 7946)`);
      if (ri > 0 && a > 0) fail(file, `${where} hole is not clockwise (RFC 7946)`);
      vertices += ring.length;
    });
  });
  return { polygons: polys.length, vertices, polys };
}

/** Match each polygon of a file to its named island; returns rows for printing. */
export function labelIslands(file, polys) {
  const refs = ISLAND_REFERENCE[file];
  const used = new Map();
  const rows = polys.map((poly, i) => {
    const c = ringCentroid(poly[0]);
    let best = null, bestD = Infinity;
    for (const [name, ref] of refs) {
      const d = Math.hypot(ref[0] - c[0], ref[1] - c[1]);
      if (d < bestD) { bestD = d; best = name; }
    }
    if (bestD > MATCH_TOLERANCE_DEG) {
      fail(file, `polygon ${i} (centroid ${c[0].toFixed(3)}, ${c[1].toFixed(3)}) matches no named island`);
    }
    if (used.has(best)) fail(file, `polygons ${used.get(best)} and ${i} both match ${best}`);
    used.set(best, i);
    return { i, name: best, centroid: c, areaKm2: polygonAreaKm2(poly), vertices: poly[0].length };
  });
  for (const [name] of refs) if (!used.has(name)) fail(file, `named island missing: ${name}`);
  return rows;
}

export function verifyAll({ quiet = false } = {}) {
  const log = quiet ? () => {} : (...a) => console.log(...a);
  const present = fs.readdirSync(OUT_DIR).filter((f) => f.endsWith('.geojson')).sort();
  for (const f of EXPECTED_FILES) {
    if (!present.includes(f)) throw new Error(`missing output file ${f}`);
  }
  for (const f of present) {
    if (!EXPECTED_FILES.includes(f)) throw new Error(`unexpected output file ${f}`);
  }
  const summary = [];
  for (const file of EXPECTED_FILES) {
    const buf = fs.readFileSync(path.join(OUT_DIR, file));
    const gj = JSON.parse(buf.toString('utf8'));
    const { polygons, vertices, polys } = checkGeoJSON(file, gj, buf.length);
    const area = polys.reduce((s, p) => s + polygonAreaKm2(p), 0);
    summary.push({ file, bytes: buf.length, polygons, vertices, area });
    if (ISLAND_REFERENCE[file]) {
      log(`\n${file}: ${polygons} polygon(s)`);
      for (const r of labelIslands(file, polys)) {
        log(`  #${String(r.i).padStart(2)}  ${r.centroid[1].toFixed(3)}N ${r.centroid[0].toFixed(3)}E` +
            `  ${r.areaKm2.toFixed(1).padStart(8)} km2  ${String(r.vertices).padStart(4)} pts  ${r.name}`);
      }
    }
  }
  log('\nfile                          bytes  polygons  vertices     area km2');
  for (const s of summary) {
    log(`${s.file.padEnd(26)} ${String(s.bytes).padStart(8)} ${String(s.polygons).padStart(9)} ` +
        `${String(s.vertices).padStart(9)} ${s.area.toFixed(0).padStart(12)}`);
  }
  log('\nverify: all checks passed');
  return summary;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    verifyAll();
  } catch (e) {
    console.error(`verify: FAILED: ${e.message}`);
    process.exit(1);
  }
}
