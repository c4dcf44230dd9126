#!/usr/bin/env python3
"""Events against the front line on their own date: ``attach_frontline`` on 1M events and a year
of daily control-area snapshots, against the naive per-event ``geopandas.sjoin`` loop measured in
the same run on a subsample.

Usage::

    python benchmarks/bench_frontline.py [--events 1000000] [--days 365] [--naive 1000]
        [--snapshots ../shared/eval/frontline/deepstate] [--dask 4]

Snapshots: when the DeepStateMap folder is present (development data, not shipped), the daily
series is built from its real shapes: each day takes the latest real snapshot on or before it,
shifted by a few metres so that every day is a distinct polygon with the real number of vertices
(nothing can be reused between days). Without the folder a generated series is used: a ragged
polygon with a few thousand vertices whose edge moves every day.

Events: half scattered within ~30 km of the front line, half uniform over the region, dates
uniform over the year, 1 % without a date and 1 % without a point.

The naive loop is what one writes by hand: for each event, pick its snapshot, build a one-row
GeoDataFrame, ``gpd.sjoin`` it with the snapshot and measure the distance to the snapshot's
outline. It gets the benefit of snapshots projected once beforehand. It runs on a subsample; its
time for all events is an extrapolation (per-event time x events) and is labelled as such. Both
answers are compared on the subsample (with ``border=None``, so both measure to the whole
outline).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# the shared eval folder sits beside the main checkout (../shared) or beside a worktree's parent
DEEPSTATE = next(
    (
        p
        for p in (
            ROOT.parent / "shared" / "eval" / "frontline" / "deepstate",
            ROOT.parent.parent / "shared" / "eval" / "frontline" / "deepstate",
        )
        if p.is_dir()
    ),
    ROOT.parent / "shared" / "eval" / "frontline" / "deepstate",
)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def daily_from_real(folder: Path, days: int) -> tuple[dict, str]:
    import shapely

    from geokit.conflict.frontline import read_snapshots

    real = read_snapshots(folder, simplify_m=0)
    dates = list(real)
    start = dates[-1] - pd.Timedelta(days=days - 1)
    out = {}
    for k in range(days):
        day = start + pd.Timedelta(days=k)
        base = real[max(d for d in dates if d <= day)] if day >= dates[0] else real[dates[0]]
        out[day] = shapely.affinity.translate(base, xoff=1e-5 * (k % 7), yoff=1e-5 * (k % 5))
    return out, f"DeepStateMap ({len(dates)} real snapshots, {folder})"


def daily_generated(days: int, vertices: int = 4000, seed: int = 0) -> tuple[dict, str]:
    """A ragged blob over eastern Ukraine whose edge moves a little every day."""
    from shapely.geometry import Polygon

    rng = np.random.default_rng(seed)
    theta = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
    base = 1.0 + 0.15 * np.sin(5 * theta) + 0.05 * rng.standard_normal(vertices).cumsum() / 30
    out = {}
    start = pd.Timestamp("2025-08-01").date()
    for k in range(days):
        r = base * (1 + 0.0005 * k) + 0.01 * rng.standard_normal(vertices)
        ring = np.column_stack([37.5 + 2.2 * r * np.cos(theta), 48.0 + 1.4 * r * np.sin(theta)])
        out[start + pd.Timedelta(days=k)] = Polygon(ring).buffer(0)
    return out, f"generated ({vertices} vertices a day)"


def make_events(snaps: dict, n: int, seed: int = 1) -> pd.DataFrame:
    import shapely

    rng = np.random.default_rng(seed)
    dates = np.array(list(snaps), dtype="datetime64[D]")
    day = rng.choice(dates, size=n)
    last = snaps[list(snaps)[-1]]
    x0, y0, x1, y1 = last.bounds
    half = n // 2
    lon = rng.uniform(x0 - 2, x1 + 2, n)
    lat = rng.uniform(y0 - 1, y1 + 1, n)
    outline = shapely.get_coordinates(last.boundary)
    pick = outline[rng.integers(0, len(outline), half)]
    lon[:half] = pick[:, 0] + rng.normal(0, 0.3, half)
    lat[:half] = pick[:, 1] + rng.normal(0, 0.2, half)
    frame = pd.DataFrame(
        {
            "event_date": day.astype("datetime64[ns]"),
            "lat": lat,
            "lon": lon,
            "fatalities": rng.integers(0, 5, n),
        }
    )
    frame.loc[rng.random(n) < 0.01, "event_date"] = pd.NaT
    frame.loc[rng.random(n) < 0.01, ["lat", "lon"]] = np.nan
    return frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)


def naive(events: pd.DataFrame, fronts, band_km: float) -> tuple[pd.DataFrame, float]:
    """Per-event sjoin loop; snapshots projected once beforehand (the naive loop's only help)."""
    import geopandas as gpd

    crs = fronts.crs
    polys = {
        i: gpd.GeoDataFrame({"snap": [i]}, geometry=[g], crs=4326).to_crs(crs)
        for i, g in enumerate(fronts.geoms)
    }
    t0 = time.perf_counter()
    rows = []
    for ev in events.itertuples():
        if pd.isna(ev.event_date) or np.isnan(ev.lat):
            rows.append((None, np.nan))
            continue
        i = int(np.searchsorted(fronts.dates, np.datetime64(ev.event_date, "D"), "right") - 1)
        if i < 0:
            rows.append((None, np.nan))
            continue
        pt = gpd.GeoDataFrame(geometry=gpd.points_from_xy([ev.lon], [ev.lat]), crs=4326).to_crs(crs)
        hit = gpd.sjoin(pt, polys[i], predicate="within")
        d = float(pt.distance(polys[i].boundary.iloc[0]).iloc[0]) / 1000
        inside = len(hit) > 0
        control = "contested" if d <= band_km else ("inside" if inside else "outside")
        rows.append((control, -d if inside else d))
    return pd.DataFrame(rows, columns=["control", "km"]), time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--naive", type=int, default=1000, help="events in the naive subsample")
    ap.add_argument("--snapshots", type=Path, default=DEEPSTATE)
    ap.add_argument("--band-km", type=float, default=2.0)
    ap.add_argument(
        "--dask",
        type=int,
        default=0,
        metavar="PARTITIONS",
        help="also run through dask with this many partitions (threads)",
    )
    args = ap.parse_args(argv)

    from geokit.conflict.attach import Fronts, attach_frontline

    t0 = time.perf_counter()
    if args.snapshots.is_dir() and any(args.snapshots.glob("*.geojson")):
        snaps, source = daily_from_real(args.snapshots, args.days)
    else:
        snaps, source = daily_generated(args.days)
    vertices = int(
        np.median([len(__import__("shapely").get_coordinates(g)) for g in snaps.values()])
    )
    events = make_events(snaps, args.events)
    print(f"snapshots: {len(snaps)} daily, {source}; median {vertices} vertices")
    print(f"events: {len(events):,} (made in {time.perf_counter() - t0:.1f} s)")
    rss0 = peak_rss_mb()

    t0 = time.perf_counter()
    fronts = Fronts(snaps)
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    out = attach_frontline(events, fronts, max_age=1, band_km=args.band_km)
    t_fast = time.perf_counter() - t0
    print(
        f"geokit attach_frontline: {t_fast:.1f} s for {len(events):,} events "
        f"({len(events) / t_fast:,.0f} events/s; snapshots checked in {t_read:.1f} s); "
        f"peak memory {peak_rss_mb():.0f} MB (before attaching: {rss0:.0f} MB)"
    )
    print(out["control"].value_counts(dropna=False).to_string())
    print(out["front_reason"].value_counts().to_string())

    if args.dask:
        import dask.dataframe as dd

        ddf = dd.from_pandas(events, npartitions=args.dask)
        t0 = time.perf_counter()
        dout = attach_frontline(ddf, Fronts(snaps), max_age=1, band_km=args.band_km).compute(
            scheduler="threads"
        )
        t_dask = time.perf_counter() - t0
        same = (
            dout["control"].astype(object).fillna("-").to_numpy()
            == out["control"].astype(object).fillna("-").to_numpy()
        ).all()
        print(
            f"dask ({args.dask} partitions, threads, snapshots prepared afresh): "
            f"{t_dask:.1f} s; same answer: {same}"
        )

    sub = events.iloc[: args.naive]
    whole = Fronts(snaps, border=None)
    ref, t_naive = naive(sub, whole, args.band_km)
    t0 = time.perf_counter()
    mine = attach_frontline(sub, whole, max_age=None, band_km=args.band_km)
    t_sub = time.perf_counter() - t0
    per = t_naive / len(sub)
    extrapolated = per * len(events)
    ok = ref["control"].notna().to_numpy()
    agree = mine["control"].astype(object).to_numpy()[ok] == ref["control"].to_numpy()[ok]
    diff = np.nanmax(np.abs(mine["front_distance_km"].to_numpy()[ok] - ref["km"].to_numpy()[ok]))
    print(
        f"naive per-event sjoin loop: {t_naive:.1f} s for {len(sub):,} events "
        f"({per * 1000:.1f} ms/event); EXTRAPOLATED to {len(events):,} events: "
        f"{extrapolated / 60:.0f} min"
    )
    print(f"ratio (naive extrapolated / geokit measured): {extrapolated / t_fast:,.0f}x")
    print(
        f"same subsample through geokit: {t_sub:.2f} s; control agrees on "
        f"{agree.mean():.2%} of {ok.sum()} events; largest distance difference {diff:.4f} km"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
