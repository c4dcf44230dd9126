#!/usr/bin/env python3
"""Map benchmark: N synthetic events as a geokit event map vs plain folium, same run.

Usage: ``python benchmarks/bench_maps.py [--events 100000] [--skip-circlemarkers]``

Prints build time, HTML size and first render in headless Chromium (until Leaflet has drawn) for
geokit's offline event map, folium with one CircleMarker per event, and folium's
FastMarkerCluster, with ratios.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd


def synthetic(n: int):
    import geopandas as gpd

    rng = np.random.default_rng(0)
    lat = 48 + rng.random(n) * 4
    lon = 30 + rng.random(n) * 8
    types = np.array(["Battles", "Explosions/Remote violence", "Strategic developments",
                      "Violence against civilians", "Evacuation"])
    return gpd.GeoDataFrame({
        "event_date": pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 365, n), "D"),
        "event_type": types[rng.integers(0, len(types), n)],
        "location": [f"Place {i % 5000}" for i in range(n)], "loc_precision": "exact",
        "source": "synthetic",
    }, geometry=gpd.points_from_xy(lon, lat), crs=4326)


def render_ms(path: Path) -> float:
    from geokit._browser import chromium_page

    with chromium_page() as page:
        t0 = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load", timeout=120_000)
        page.wait_for_function("typeof L === 'object'", timeout=120_000)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(1)))")
        return (time.perf_counter() - t0) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--skip-circlemarkers", action="store_true")
    args = ap.parse_args()
    import folium
    from folium.plugins import FastMarkerCluster

    from geokit import maps

    gdf = synthetic(args.events)
    tmp = Path(tempfile.mkdtemp())
    rows = []
    t0 = time.perf_counter()
    m = maps.event_map(gdf)
    path = maps.save_html(m, tmp / "geokit.html", offline=True)
    rows.append(("geokit event_map (offline)", time.perf_counter() - t0, path))

    pts = list(zip(gdf.geometry.y, gdf.geometry.x, strict=True))
    t0 = time.perf_counter()
    fm = folium.Map(location=[50, 34], zoom_start=6)
    FastMarkerCluster(pts).add_to(fm)
    fm.save(tmp / "fastcluster.html")
    rows.append(("folium FastMarkerCluster", time.perf_counter() - t0, tmp / "fastcluster.html"))
    if not args.skip_circlemarkers:
        t0 = time.perf_counter()
        fm = folium.Map(location=[50, 34], zoom_start=6, prefer_canvas=True)
        for la, lo in pts:
            folium.CircleMarker([la, lo], radius=3).add_to(fm)
        fm.save(tmp / "circles.html")
        rows.append(("folium CircleMarker each", time.perf_counter() - t0, tmp / "circles.html"))
    base_build, base_size = rows[0][1], rows[0][2].stat().st_size
    print(f"{args.events:,} events")
    for label, build, p in rows:
        size = p.stat().st_size
        try:
            ms = render_ms(p)
        except Exception as exc:  # the peer pages load their libraries from the network
            ms = float("nan")
            print(f"  ({label}: render not measured: {type(exc).__name__})")
        print(f"{label:<28} build {build:6.2f} s ({build / base_build:4.1f}x)  "
              f"HTML {size / 1e6:6.1f} MB ({size / base_size:4.1f}x)  first render {ms:7.0f} ms")


if __name__ == "__main__":
    main()
