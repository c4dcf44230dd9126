#!/usr/bin/env python3
"""Events at scale: rows/s and peak memory of ``geocode_events`` + ``assign_admin`` on 1M and 10M
synthetic rows, partition by partition on a local dask cluster, against whole-table pandas and
plain geopandas ``sjoin`` measured in the same run.

Usage::

    python benchmarks/bench_scale.py [--rows 1000000 10000000] [--partition-rows 250000]
        [--workers 2] [--peer-rows 1000000] [--level 1] [--scheduler tcp://host:8786]

Rows are drawn from a pool of real UA/RU/BY settlements of the bundled gazetteer (names with
their region and country), plus unknown names and blank names; a third of the rows already
have coordinates near their place, and some of those are swapped. Each partition is generated
on its worker, geocoded, joined to the admin polygons and reduced to counts, so no process holds
the whole table. For each row count a fresh cluster is started and the peak resident memory
(``ru_maxrss``) of every worker process is read at the end: it depends on the partition size,
not on the number of rows. The pandas peers run in a fresh child process each, so their peak
memory is theirs alone.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def place_pool(n: int = 4000, seed: int = 0) -> pd.DataFrame:
    """``n`` random settlements of Ukraine, Russia and Belarus from the bundled gazetteer."""
    from geokit.gazetteer import KIND_CODES, default

    gaz = default()
    a = gaz._a
    cc = np.array(a.cc_codes, dtype=object)[a.cc]
    recs = np.flatnonzero((a.kind == KIND_CODES["populated_place"]) & np.isin(
        cc, ["UA", "RU", "BY"]) & (a.lat > 44) & (a.lat < 57) & (a.lon > 22) & (a.lon < 42))
    rng = np.random.default_rng(seed)
    pick = rng.choice(recs, size=min(n, len(recs)), replace=False)
    rows = []
    for r in pick:
        p = gaz.place(int(r))
        rows.append((p.name, p.admin1, p.country_code, p.lat, p.lon))
    return pd.DataFrame(rows, columns=["location", "admin1", "country_code", "plat", "plon"])


class Synthetic:
    """Callable making partition ``i`` of a synthetic events table (runs on the worker)."""

    def __init__(self, pool: pd.DataFrame, rows: int) -> None:
        self.pool, self.rows = pool, rows

    def __call__(self, i: int) -> pd.DataFrame:
        n, pool = self.rows, self.pool
        rng = np.random.default_rng(1000 + i)
        pick = rng.integers(0, len(pool), n)
        loc = pool["location"].to_numpy(object)[pick].copy()
        # Villages missing from the gazetteer: 500 of them, each always in the same region.
        unknown = np.flatnonzero(rng.random(n) < 0.05)
        village = rng.integers(0, 500, unknown.size)
        loc[unknown] = [f"Khutir-{k}" for k in village]
        pick[unknown] = village
        loc[rng.random(n) < 0.02] = ""
        has = rng.random(n) < 1 / 3
        lat = np.where(has, pool["plat"].to_numpy(float)[pick] + rng.normal(0, 0.02, n), np.nan)
        lon = np.where(has, pool["plon"].to_numpy(float)[pick] + rng.normal(0, 0.02, n), np.nan)
        swap = has & (rng.random(n) < 0.02)
        lat[swap], lon[swap] = lon[swap], lat[swap].copy()
        return pd.DataFrame({
            "event_id": [f"p{i}-{k}" for k in range(n)], "location": loc,
            "admin1": pool["admin1"].to_numpy(object)[pick],
            "country_code": pool["country_code"].to_numpy(object)[pick],
            "lat": lat, "lon": lon, "fatalities": rng.integers(0, 5, n)})


def load_areas(level: int):
    """The bundled admin areas, or (before geokit.gazetteer.admin exists) a 0.5-degree grid."""
    try:
        from geokit.gazetteer import admin_areas
    except ImportError:
        import geopandas as gpd
        from shapely.geometry import box

        cells = [(x, y) for x in np.arange(22, 42, 0.5) for y in np.arange(44, 57, 0.5)]
        print("  (geokit.gazetteer.admin not available: using a 0.5-degree grid of boxes)")
        return gpd.GeoDataFrame({"name": [f"{x:.1f},{y:.1f}" for x, y in cells]},
                                geometry=[box(x, y, x + 0.5, y + 0.5) for x, y in cells],
                                crs=4326), "0.5-degree grid"
    areas = admin_areas(level=level)
    return areas, f"bundled admin level {level}"


# -- pandas peers, each in a fresh process --------------------------------------------------------
def _peer(kind: str, pool: pd.DataFrame, rows: int, part: int, level: int, q) -> None:
    import geopandas as gpd

    import geokit.events as ev
    from geokit.gazetteer import default

    default()
    areas, _ = load_areas(level)
    df = pd.concat([Synthetic(pool, part)(i) for i in range(-(-rows // part))],
                   ignore_index=True).iloc[:rows]
    t = time.perf_counter()
    geo = ev.geocode_events(df)
    t_geo = time.perf_counter() - t
    t = time.perf_counter()
    if kind == "geokit":
        out = ev.assign_admin(geo, areas)
        n_out = len(out)
    else:
        pts = gpd.GeoDataFrame(geo, geometry=gpd.points_from_xy(geo["lon"], geo["lat"]),
                               crs=4326)
        out = gpd.sjoin(pts, areas[["name", "geometry"]], how="left", predicate="within")
        n_out = len(out)
    t_admin = time.perf_counter() - t
    q.put((t_geo, t_admin, n_out, peak_rss_mb()))


def run_peer(kind: str, pool, rows: int, part: int, level: int) -> tuple:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_peer, args=(kind, pool, rows, part, level, q))
    p.start()
    res = q.get()
    p.join()
    return res


# -- the partitioned run ---------------------------------------------------------------------------
def _worker_peak() -> float:
    import resource as r

    return r.getrusage(r.RUSAGE_SELF).ru_maxrss / 1024


def run_dask(pool, rows: int, part: int, workers: int, areas, scheduler: str | None):
    import dask.dataframe as dd
    import distributed

    import geokit.events as ev

    if scheduler:
        cluster, client = None, distributed.Client(scheduler)
    else:
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                           dashboard_address=":0")
        client = distributed.Client(cluster)
    try:
        client.run(lambda: __import__("geokit.gazetteer").gazetteer.default() and None)
        base = client.run(_worker_peak)
        nparts = -(-rows // part)
        ddf = dd.from_map(Synthetic(pool, part), list(range(nparts)), enforce_metadata=False)
        out = ev.assign_admin(ev.geocode_events(ddf), areas)
        t = time.perf_counter()
        counts = ev.count_events(out, ["geocode_status", "area_status"]).compute()
        dt = time.perf_counter() - t
        peaks = client.run(_worker_peak)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return nparts * part, dt, counts, base, peaks


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, nargs="*", default=[1_000_000, 10_000_000],
                    help="row counts for the partitioned runs (none: peers only)")
    ap.add_argument("--partition-rows", type=int, default=250_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--peer-rows", type=int, default=1_000_000,
                    help="rows for the whole-table pandas peers (0 = skip)")
    ap.add_argument("--level", type=int, default=1, help="admin level of the bundled areas")
    ap.add_argument("--scheduler", default=None, help="address of an existing dask scheduler")
    args = ap.parse_args(argv)

    pool = place_pool()
    areas, label = load_areas(args.level)
    print(f"pool: {len(pool)} settlements; areas: {len(areas)} polygons ({label}); "
          f"partitions of {args.partition_rows:,} rows; {args.workers} workers x 1 thread")
    results = []
    if args.peer_rows:
        for kind in ("geokit", "sjoin"):
            t_geo, t_admin, n_out, rss = run_peer(kind, pool, args.peer_rows,
                                                  args.partition_rows, args.level)
            name = ("pandas, whole table: geocode_events + assign_admin" if kind == "geokit"
                    else "pandas, whole table: geocode_events + geopandas.sjoin")
            n = args.peer_rows
            print(f"{name:<56} {n:>11,} rows  geocode {n / t_geo:>9,.0f} rows/s  admin "
                  f"{n / t_admin:>10,.0f} rows/s  total {n / (t_geo + t_admin):>9,.0f} rows/s  "
                  f"rows out {n_out:,}  peak RSS {rss:,.0f} MB")
            results.append((name, n, n / (t_geo + t_admin), rss))
    for rows in args.rows:
        n, dt, counts, base, peaks = run_dask(pool, rows, args.partition_rows, args.workers,
                                              areas, args.scheduler)
        worst = max(peaks.values())
        print(f"{'dask, partitioned: geocode_events + assign_admin':<56} {n:>11,} rows  "
              f"{dt:7.1f} s  {n / dt:>9,.0f} rows/s  worker peak RSS "
              f"{', '.join(f'{v:,.0f}' for v in peaks.values())} MB (after loading "
              f"{max(base.values()):,.0f} MB)  client peak {peak_rss_mb():,.0f} MB")
        total = int(counts["events"].sum())
        by = counts.groupby("geocode_status")["events"].sum().to_dict()
        adm = counts.groupby("area_status")["events"].sum().to_dict()
        print(f"  rows accounted for: {total:,} of {n:,}; geocode {by}; admin {adm}")
        results.append(("dask", n, n / dt, worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
