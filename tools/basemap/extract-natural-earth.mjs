// Extracts the gazetteer inputs of Meridian's base map from Natural Earth's own GeoJSON
// layers into tools/basemap/natural-earth/gazetteer.json.gz, which is committed so that
// prepare-basemap.mjs needs no download. Natural Earth is public domain.
//
//   node extract-natural-earth.mjs DIR
//
// DIR holds these Natural Earth 1:10m layers as GeoJSON (the exact files used are listed
// in docs/data-sources.md):
//   ne_10m_populated_places.json, ne_10m_geography_regions_polys.json,
//   ne_10m_geography_marine_polys.json, ne_10m_rivers_lake_centerlines.json
//
// Only names, ranks, minimum zooms and positions are kept. Islands and marine areas are
// reduced to one label point each (the pole of inaccessibility of their largest polygon,
// polylabel 2.0.1, in degrees); rivers and lake centrelines keep their lines with
// coordinates rounded to 10⁻⁴° (about 10 m). The output is deterministic: features are
// kept in source order and the gzip stream has no timestamp.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import polylabel from 'polylabel';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT_FILE = path.join(HERE, 'natural-earth', 'gazetteer.json.gz');

const dir = process.argv[2];
if (!dir) throw new Error('usage: node extract-natural-earth.mjs DIR');

const load = name => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')).features;
const round = (v, d) => Math.round(v * 10 ** d) / 10 ** d;
const str = v => (typeof v === 'string' && v.length > 0 ? v : null);

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function ringArea(ring) {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(s) / 2;
}

function labelPoint(geometry) {
  let best = null, bestArea = -1;
  for (const poly of polygonsOf(geometry)) {
    const a = ringArea(poly[0]);
    if (a > bestArea) { bestArea = a; best = poly; }
  }
  if (!best) return null;
  const p = polylabel(best, 1e-3);
  return [round(p[0], 4), round(p[1], 4)];
}

const places = load('ne_10m_populated_places.json').map(f => {
  const p = f.properties;
  const capital = p.FEATURECLA === 'Admin-0 capital' ? 2 : /^Admin-1 /.test(p.FEATURECLA) ? 1 : 0;
  return [p.NAME, str(p.NAME_RU), str(p.NAME_ZH), round(p.LONGITUDE, 4), round(p.LATITUDE, 4),
          p.min_zoom, p.LABELRANK, p.SCALERANK, capital, p.POP_MAX];
});

const islands = [];
for (const f of load('ne_10m_geography_regions_polys.json')) {
  const p = f.properties;
  if (p.featurecla !== 'Island' && p.featurecla !== 'Island group') continue;
  const pt = labelPoint(f.geometry);
  if (pt && str(p.name)) islands.push([p.name, p.featurecla === 'Island group' ? 1 : 0, pt[0], pt[1], p.min_label, p.scalerank]);
}

const MARINE = new Set(['sea', 'bay', 'gulf', 'strait', 'channel', 'sound']);
const marine = [];
for (const f of load('ne_10m_geography_marine_polys.json')) {
  const p = f.properties;
  if (!MARINE.has(p.featurecla) || !str(p.name)) continue;
  const pt = labelPoint(f.geometry);
  if (pt) marine.push([p.name, p.featurecla, pt[0], pt[1], p.min_label, p.scalerank]);
}

const rivers = [];
for (const f of load('ne_10m_rivers_lake_centerlines.json')) {
  const p = f.properties;
  const g = f.geometry;
  if (!g) continue;
  const lines = (g.type === 'LineString' ? [g.coordinates] : g.coordinates)
    .map(line => line.flatMap(([lon, lat]) => [round(lon, 4), round(lat, 4)]));
  rivers.push([str(p.name), p.featurecla === 'Lake Centerline' ? 1 : 0, p.min_zoom, p.min_label, p.scalerank, lines]);
}

const out = {
  source: 'Natural Earth 1:10m (public domain): populated places, geography regions polys, ' +
          'geography marine polys, rivers and lake centerlines; see docs/data-sources.md',
  places, islands, marine, rivers,
};
fs.mkdirSync(path.dirname(OUT_FILE), { recursive: true });
fs.writeFileSync(OUT_FILE, zlib.gzipSync(Buffer.from(JSON.stringify(out)), { level: 9 }));
console.log(`Wrote ${OUT_FILE}: ${places.length} places, ${islands.length} islands, ` +
            `${marine.length} marine areas, ${rivers.length} river lines`);
