#!/usr/bin/env python3
"""Events-table benchmark: rows/s of ``geocode_events`` (pandas and dask) and of CSV
read/write on synthetic data.

Usage: ``python benchmarks/bench_events.py [--rows 1000000] [--partitions 8] [--workers 2]
[--no-dask] [--scheduler tcp://host:8786]``

Rows are drawn from a pool of place names with region hints; a third already has coordinates
(some swapped) so the existing-coordinate check is exercised too. Prints rows/s and the peak
resident memory of this process. ``--scheduler`` points the dask run at an existing
multi-machine cluster instead of a local one.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLACES = [
    ("Sudzha", "Kursk Oblast", "RU"), ("Kursk", "Kursk Oblast", "RU"),
    ("Sumy", "Sumy Oblast", "UA"), ("Krasnopillia", "Sumy Oblast", "UA"),
    ("Kharkiv", "Kharkiv Oblast", "UA"), ("Chuhuiv", "Kharkiv Oblast", "UA"),
    ("Kupiansk", "Kharkiv Oblast", "UA"), ("Izium", "Kharkiv Oblast", "UA"),
    ("Bakhmut", "Donetsk Oblast", "UA"), ("Pokrovsk", "Donetsk Oblast", "UA"),
    ("Avdiivka", "Donetsk Oblast", "UA"), ("Kramatorsk", "Donetsk Oblast", "UA"),
    ("Kherson", "Kherson Oblast", "UA"), ("Zaporizhzhia", "Zaporizhzhia Oblast", "UA"),
    ("Odesa", "Odesa Oblast", "UA"), ("Kyiv", "Kyiv City", "UA"),
    ("Belgorod", "Belgorod Oblast", "RU"), ("Nowhere-Village", "Sumy Oblast", "UA"),
    ("", "Donetsk Oblast", "UA"), ("Vovchansk", "", "UA"),
]


def synthetic(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` synthetic event rows built from :data:`PLACES`."""
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(PLACES), n)
    names = np.array([p[0] for p in PLACES], dtype=object)[pick]
    admin1 = np.array([p[1] for p in PLACES], dtype=object)[pick]
    cc = np.array([p[2] for p in PLACES], dtype=object)[pick]
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    has = rng.random(n) < 1 / 3
    lat[has] = rng.uniform(44, 52, has.sum())
    lon[has] = rng.uniform(30, 40, has.sum())
    return pd.DataFrame({"event_id": np.arange(n).astype(str), "location": names,
                         "admin1": admin1, "country_code": cc, "lat": lat, "lon": lon})


def timed(label: str, n: int, fn):
    t = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t
    print(f"{label:<42} {n:>10,} rows {dt:8.2f} s {n / dt:>12,.0f} rows/s")
    return out


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--scheduler", default=None, help="address of an existing dask scheduler")
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args(argv)

    from geokit.events import geocode_events
    from geokit.gazetteer import default
    from geokit.io import read_events, write_events

    timed("load gazetteer", 1, default)
    df = synthetic(args.rows)
    print(f"synthetic table: {len(df):,} rows, peak RSS {peak_rss_mb():,.0f} MB")
    out = timed("geocode_events (pandas)", len(df), lambda: geocode_events(df))
    print("  status:", out["geocode_status"].value_counts().to_dict())
    print(f"  peak RSS {peak_rss_mb():,.0f} MB")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.csv"
        df.to_csv(path, index=False)
        gdf = timed("read_events (CSV)", len(df), lambda: read_events(path))
        timed("write_events (CSV)", len(df), lambda: write_events(gdf, Path(tmp) / "o.csv"))

    print(f"  peak RSS {peak_rss_mb():,.0f} MB")

    if args.no_dask:
        return 0
    import dask.dataframe as dd
    import distributed

    if args.scheduler:
        client = distributed.Client(args.scheduler)
        cluster = None
    else:
        cluster = distributed.LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                           dashboard_address=":0")
        client = distributed.Client(cluster)
    try:
        # Each partition is generated on its worker, so no process holds the whole table.
        per = args.rows // args.partitions
        ddf = dd.from_map(lambda i: synthetic(per, seed=i), list(range(args.partitions)),
                          enforce_metadata=False)
        got = timed(f"geocode_events (dask, {args.partitions} partitions)",
                    per * args.partitions,
                    lambda: geocode_events(ddf)["geocode_status"].value_counts().compute())
        ref = geocode_events(pd.concat([synthetic(per, seed=i)
                                        for i in range(min(2, args.partitions))]))
        print("  status:", got.to_dict())
        print(f"  pandas on the first partitions agrees: "
              f"{set(ref['geocode_status']) <= set(got.index)}")

        def rss_mb():
            import psutil

            return psutil.Process().memory_info().rss / 2**20

        mem = client.run(rss_mb)
        print("  worker RSS MB after the run:", {k: round(v) for k, v in mem.items()})
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
