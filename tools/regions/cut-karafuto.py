#!/usr/bin/env python3
# Cuts Karafuto, the part of Sakhalin south of 50°N that was Japanese from
# 1905 to 1945 (Treaty of Portsmouth, article 9), from the Sakhalin outline
# that prepare-regions.mjs cuts from Natural Earth, by clipping each ring to
# the half-plane lat <= 50 (Sutherland–Hodgman).
#
#   tools/regions/cut-karafuto.py data/events/regions/sakhalin.geojson \
#       > data/events/regions/karafuto.geojson
import json
import sys

BORDER = 50.0


def clip(ring):
    out = []
    for i in range(len(ring) - 1):
        a, b = ring[i], ring[i + 1]
        a_in, b_in = a[1] <= BORDER, b[1] <= BORDER
        if a_in:
            out.append(a)
        if a_in != b_in:
            t = (BORDER - a[1]) / (b[1] - a[1])
            out.append([round(a[0] + t * (b[0] - a[0]), 4), BORDER])
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


sakhalin = json.load(open(sys.argv[1]))
polygons = []
for polygon in sakhalin["geometry"]["coordinates"]:
    rings = [clip(ring) for ring in polygon]
    if rings[0] is not None:
        polygons.append([r for r in rings if r is not None])

feature = {
    "type": "Feature",
    "properties": {
        "id": "karafuto",
        "name": "Karafuto (Sakhalin south of 50°N)",
        "source": "cut at 50°N from sakhalin.geojson by tools/regions/cut-karafuto.py; "
                  "Made with Natural Earth (public domain)",
    },
    "geometry": {"type": "MultiPolygon", "coordinates": polygons},
}
print(json.dumps(feature, separators=(",", ":")))
