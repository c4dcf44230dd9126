#!/usr/bin/env python3
"""Map benchmark: geokit's event and frontline maps vs plain folium, measured in the same run.

Usage::

    python benchmarks/bench_maps.py [--events 100000] [--skip-circlemarkers]
                                    [--frontline ../shared/eval/frontline/deepstate] [--only X]

Events: N synthetic events as a geokit event map (``auto`` = clusters above 10k, ``markers`` =
canvas circles, ``heatmap``), folium's FastMarkerCluster and folium with one CircleMarker per
event. Frontline: every snapshot of a folder as a geokit frontline map with its time slider,
and plain folium with one GeoJson layer per raw snapshot file.

Each page is opened in headless Chromium from a file. The folium pages load Leaflet and their
plugins from CDNs, which this machine cannot reach, so their CDN links are replaced by the same
pinned local files geokit inlines (``geokit.maps._offline.inline_assets``); folium's
markercluster 1.1.0 is then run as 1.5.3. Measured: build (Python, until the HTML is written),
HTML size, first render (navigation until Leaflet has drawn and a frame has been painted; for
clusters also until every chunk is clustered), and panning redraw (median of 6
``map.panBy(300 px)`` calls, from the call until the next animation frame after ``moveend``
and its redraw handlers have run).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
MAP_JS = "Object.values(window).find(v => v instanceof L.Map)"
PAN_JS = f"""async () => {{
  const map = {MAP_JS};
  const frame = () => new Promise(r => requestAnimationFrame(r));
  await frame(); await frame();
  const times = [];
  for (let k = 0; k < 6; k++) {{
    const t0 = performance.now();
    const done = new Promise(r => map.once('moveend', () => frame().then(r)));
    map.panBy([k % 2 ? -300 : 300, k % 3 ? 150 : -150], {{animate: false}});
    await done;
    times.push(performance.now() - t0);
  }}
  return times;
}}"""
SLIDER_JS = """async () => {
  const input = document.querySelector('.geokit-snapshot-slider input');
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const times = [];
  for (let k = 0; k <= parseInt(input.max, 10); k++) {
    const t0 = performance.now();
    input.value = k; input.dispatchEvent(new Event('input'));
    await frame();
    times.push(performance.now() - t0);
  }
  return times;
}"""


def synthetic(n: int):
    """``n`` events spread over central and eastern Ukraine, 5 types, 365 days."""
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


def measure(path: Path, *, pan: bool = True, slider: bool = False) -> dict[str, float]:
    """First render (and clustering), panning redraw and snapshot-slider step in Chromium."""
    from geokit._browser import chromium_page

    out: dict[str, float] = {}
    with chromium_page() as page:
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        t0 = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load", timeout=180_000)
        page.wait_for_function("typeof L === 'object'", timeout=180_000)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(1)))")
        out["render_ms"] = (time.perf_counter() - t0) * 1000
        if page.evaluate("window.geokitMode === 'cluster'"):
            page.wait_for_function("window.geokitReady === true", timeout=180_000,
                                   polling=50)
            out["clustered_ms"] = (time.perf_counter() - t0) * 1000
        if pan:
            times = page.evaluate(PAN_JS)
            out["pan_ms"] = statistics.median(times)
            out["pan_max_ms"] = max(times)
        if slider:
            times = page.evaluate(SLIDER_JS)
            out["slider_ms"] = statistics.median(times)
            out["slider_max_ms"] = max(times)
        if errors:
            out["errors"] = len(errors)
    return out


def localise(path: Path) -> Path:
    """A folium page with its CDN files replaced by the pinned local copies (see module doc)."""
    from geokit.maps._offline import inline_assets

    path.write_text(inline_assets(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def bench_events(n: int, tmp: Path, *, circlemarkers: bool) -> list[tuple]:
    import folium
    from folium.plugins import FastMarkerCluster

    from geokit import maps

    gdf = synthetic(n)
    maps.event_map(synthetic(10), mode="markers")  # load the gazetteer outside the timing
    from geokit.maps import _json
    from geokit.maps._basemap import basemap_data

    bounds = (float(gdf.geometry.y.min()), float(gdf.geometry.x.min()),
              float(gdf.geometry.y.max()), float(gdf.geometry.x.max()))
    t0 = time.perf_counter()
    parts = basemap_data(bounds, offline=True)
    took = time.perf_counter() - t0
    sizes = ", ".join(f"{k} {len(_json(v)) / 1e3:.0f} kB" for k, v in parts.items()
                      if k != "offline")
    print(f"offline basemap for these events: {len(_json(parts)) / 1e3:.0f} kB ({sizes}; "
          f"{len(parts['labels']['name']):,} labels), built in {took:.2f} s")
    rows = []
    for mode in ("auto", "markers", "heatmap"):
        t0 = time.perf_counter()
        path = maps.save_html(maps.event_map(gdf, mode=mode), tmp / f"geokit_{mode}.html",
                              offline=True)
        rows.append((f"geokit event_map mode={mode}", time.perf_counter() - t0, path))
    pts = list(zip(gdf.geometry.y, gdf.geometry.x, strict=True))
    t0 = time.perf_counter()
    # no tiles (geokit's offline pages have none either) and plain Leaflet markers: folium's
    # default callback needs Leaflet.awesome-markers, which is not pinned here
    fm = folium.Map(location=[50, 34], zoom_start=7, tiles=None)
    fm.options["max_zoom"] = 18  # markercluster needs it; without tiles nothing else sets it
    FastMarkerCluster(pts, callback="function (row) { return L.marker(new L.LatLng(row[0], "
                                    "row[1])); }").add_to(fm)
    fm.save(tmp / "fastcluster.html")
    rows.append(("folium FastMarkerCluster", time.perf_counter() - t0,
                 localise(tmp / "fastcluster.html")))
    if circlemarkers:
        t0 = time.perf_counter()
        fm = folium.Map(location=[50, 34], zoom_start=7, prefer_canvas=True, tiles=None)
        for la, lo in pts:
            folium.CircleMarker([la, lo], radius=3).add_to(fm)
        fm.save(tmp / "circles.html")
        rows.append(("folium CircleMarker each", time.perf_counter() - t0,
                     localise(tmp / "circles.html")))
    return rows


def bench_frontline(folder: Path, tmp: Path) -> list[tuple]:
    import folium

    from geokit import maps

    files = sorted(folder.glob("*.geojson"))
    t0 = time.perf_counter()
    path = maps.save_html(maps.frontline_map(folder), tmp / "frontline.html", offline=True)
    rows = [(f"geokit frontline_map, {len(files)} snapshots", time.perf_counter() - t0, path)]
    t0 = time.perf_counter()
    fm = folium.Map(location=[48, 36], zoom_start=6, tiles=None)
    for i, f in enumerate(files):
        folium.GeoJson(f.read_text(encoding="utf-8"), name=f.stem, show=(i == len(files) - 1)
                       ).add_to(fm)
    folium.LayerControl().add_to(fm)
    fm.save(tmp / "folium_frontline.html")
    rows.append(("folium GeoJson per raw file", time.perf_counter() - t0,
                 localise(tmp / "folium_frontline.html")))
    return rows


def simplification_error_m(folder: Path) -> float:
    """Largest Hausdorff distance (metres, UTM 37N) between a raw and a drawn snapshot outline
    (simplified to 100 m, coordinates rounded to 1e-4 degrees)."""
    import geopandas as gpd

    from geokit.conflict import read_snapshots
    from geokit.maps import _rounded

    raw, drawn = read_snapshots(folder, simplify_m=0), read_snapshots(folder)
    worst = 0.0
    for day, geom in raw.items():
        pair = gpd.GeoSeries([geom.boundary, _rounded(drawn[day]).boundary],
                             crs=4326).to_crs(32637)
        worst = max(worst, pair.iloc[0].hausdorff_distance(pair.iloc[1]))
    return worst


def report(title: str, rows: list[tuple], *, slider: bool = False) -> None:
    print(f"\n{title}")
    base_build, base_size = rows[0][1], rows[0][2].stat().st_size
    for label, build, path in rows:
        size = path.stat().st_size
        r = measure(path, slider=slider and label.startswith("geokit"))
        extra = "".join(f"  {k} {v:7.0f}" for k, v in r.items() if k != "render_ms")
        print(f"{label:<36} build {build:6.2f} s ({build / base_build:5.2f}x)  "
              f"HTML {size / 1e6:6.2f} MB ({size / base_size:5.2f}x)  "
              f"render {r['render_ms']:7.0f} ms{extra}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--skip-circlemarkers", action="store_true")
    ap.add_argument("--frontline", type=Path,
                    default=ROOT.parent / "shared" / "eval" / "frontline" / "deepstate")
    ap.add_argument("--only", choices=("events", "frontline"))
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="geokit-bench-maps-"))
    if args.only != "frontline":
        report(f"{args.events:,} events",
               bench_events(args.events, tmp, circlemarkers=not args.skip_circlemarkers))
    if args.only != "events" and args.frontline.is_dir():
        report(f"frontline snapshots from {args.frontline}", bench_frontline(args.frontline, tmp),
               slider=True)
        print(f"largest distance between a raw and a drawn outline: "
              f"{simplification_error_m(args.frontline):.0f} m")


if __name__ == "__main__":
    main()
