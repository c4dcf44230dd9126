#!/usr/bin/env python3
"""Settlement benchmark: geokit against ``localis`` on the distinct places of the CIR events file.

Usage: ``python benchmarks/bench_settlements.py [--eval ../shared/eval] [--errors N]``

Each distinct (town/city, district, province, country) of ``conflict/cir_events_dev.csv`` is
geocoded once with :func:`geokit.geocode_many` (town as the query, the rest as hints) and once
with ``localis.cities.search`` filtered to the row's country (the peer of ``bench_geocode.py``).
Prints, for both, the shared scorer's within-10/25/50 km shares, and for geokit the answers per
status and precision, the share of each status within 25 km (``resolved precision`` is that
share for ``resolved``), and the same within score bands, so that a user can see what filtering
on ``score`` buys. Figures on this file are DEVELOPMENT figures: the file was used while the rules
were written (never tuned to single rows). Skips cleanly when the file is absent.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PLACE_COLS = ["town/city", "district", "province", "country"]


def _haversine(lat1, lon1, lat2, lon2) -> float:
    from geokit._geo import haversine_km

    return float(haversine_km(lat1, lon1, lat2, lon2))


def cir_places(events_csv: Path):
    """Distinct places with a town, and the median gold point of each (as score.py takes it)."""
    gold: dict[tuple, list[tuple[float, float]]] = {}
    with events_csv.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if not r["town/city"].strip():
                continue
            try:
                pt = (float(r["lat"]), float(r["lon"]))
            except ValueError:
                continue
            gold.setdefault(tuple(r[c].strip() for c in PLACE_COLS), []).append(pt)
    return {
        k: (statistics.median(p[0] for p in v), statistics.median(p[1] for p in v))
        for k, v in sorted(gold.items())
    }


def run_geokit(places):
    import geokit

    keys = list(places)
    t0 = time.perf_counter()
    df = geokit.geocode_many(
        [k[0] for k in keys],
        admin2=[k[1] or None for k in keys],
        admin1=[k[2] or None for k in keys],
        country=[k[3] or None for k in keys],
        progress=False,
    )
    dt = time.perf_counter() - t0
    return df, dt


def run_table(events_csv: Path, context: bool = True):
    """``geocode_events`` over the whole table without its coordinates: namesakes may be chosen
    by the table's other rows (same source link, same day, +-3 days, whole table). One point per
    distinct place: the most frequent; ``chosen`` holds the places the table context placed."""
    import geokit

    df = pd.read_csv(events_csv, dtype=str, keep_default_na=False)
    df = df[df["town/city"].str.strip() != ""].reset_index(drop=True)
    table = pd.DataFrame(
        {
            "location": df["town/city"].str.strip(),
            "admin2": df["district"].str.strip(),
            "admin1": df["province"].str.strip(),
            "country_code": df["country"].str.strip(),
            "event_date": pd.to_datetime(df["date"], errors="coerce"),
            "link": df["link"].str.strip(),
        }
    ).replace("", None)
    t0 = time.perf_counter()
    out = geokit.geocode_events(
        table,
        location_col="location",
        check_existing=False,
        progress=False,
        context=context,
        group_cols=["link"],
    )
    dt = time.perf_counter() - t0
    keys = [tuple(r[c].strip() for c in PLACE_COLS) for _i, r in df.iterrows()]
    votes: dict = {}
    cols = (out["lat"], out["lon"], out["geocode_status"], out["geocode_reason"])
    for k, la, lo, st, why in zip(keys, *cols, strict=True):
        pt = (round(la, 5), round(lo, 5)) if la == la and st != "unresolved" else None
        votes.setdefault(k, []).append((pt, st, "chosen by proximity" in str(why)))
    points, status, chosen = {}, {}, set()
    for k, v in votes.items():
        (pt, st, by_context), _n = Counter(v).most_common(1)[0]
        points[k], status[k] = pt, st
        if by_context:
            chosen.add(k)
    return points, status, chosen, dt


def run_localis(places):
    import localis

    from geokit.gazetteer import country_code

    out = {}
    for k in places:
        cc = country_code(k[3], loose=True) if k[3] else None
        hits = [h for h, _score in localis.cities.search(k[0])]
        out[k] = _localis_point([h for h in hits if not cc or h.country.alpha2 == cc])
    return out


def _localis_point(hits):
    return (float(hits[0].lat), float(hits[0].lng)) if hits else None


def score(events: Path, eval_dir: Path, points: dict) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as fh:
        w = csv.writer(fh)
        w.writerow([*PLACE_COLS, "lat", "lon"])
        for k, pt in points.items():
            w.writerow([*k, *(pt if pt else ("", ""))])
    res = subprocess.run(
        [sys.executable, str(eval_dir / "score.py"), "places", str(events), fh.name],
        capture_output=True,
        text=True,
    )
    return res.stdout.strip() or res.stderr.strip()


def miss_kind(key, row, status: str, by_context: bool, gold) -> str:
    """What limits one place missed by more than 25 km in the whole-table run (a class of
    cause, for the breakdown in docs/benchmarks.md)."""
    from geokit.geocoding._geocode import namesake_places

    country = key[3].strip().lower()
    if country.startswith(("russ", "bela")):
        return "Russian/Belarusian place (villages not in the bundled data)"
    if status == "ambiguous" and "places of this name fit" in str(row.reason):
        hints = dict(admin2=key[1] or None, admin1=key[2] or None, country=key[3] or None)
        near = [_haversine(p.lat, p.lon, *gold) for p in namesake_places(key[0], **hints)]
        fits = "one of them within 25 km" if min(near, default=1e9) <= 25 else "none within 25 km"
        how = "placed by the table context" if by_context else "ranker's first"
        return f"Ukrainian namesakes the row does not separate ({how}; {fits})"
    if status == "ambiguous":
        return "Ukrainian name not found as written (close spelling or outside the region)"
    if row.precision in ("hromada", "raion") and status != "resolved":
        return f"Ukrainian village placed at its {row.precision} centre, > 25 km from it"
    if status == "resolved":
        return "Ukrainian name resolved to another place (or the gold point is elsewhere)"
    return f"Ukrainian row answered at {row.precision} level (name not found in the region)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--errors", type=int, default=0, help="print N resolved answers > 25 km off")
    ap.add_argument("--skip-peer", action="store_true")
    args = ap.parse_args()
    events = args.eval / "conflict" / "cir_events_dev.csv"
    if not events.exists():
        print(f"skipped: {events} not found")
        return
    places = cir_places(events)
    df, dt = run_geokit(places)
    points, rows = {}, []
    for k, r in zip(places, df.itertuples(index=False), strict=True):
        ok = r.lat == r.lat and r.status != "unresolved"
        points[k] = (r.lat, r.lon) if ok else None
        d = _haversine(r.lat, r.lon, *places[k]) if ok else float("inf")
        rows.append((k, r, d))
    print(f"CIR dev (DEVELOPMENT figures): {len(places)} distinct places")
    print(f"geokit  {score(events, args.eval, points)}  ({dt:.2f} s)")
    tpoints, tstatus, chosen, tdt = run_table(events)
    print(
        f"geokit, whole table with table context {score(events, args.eval, tpoints)}  ({tdt:.2f} s)"
    )
    if chosen:
        near = [_haversine(*tpoints[k], *places[k]) <= 25 for k in chosen]
        print(
            f"  namesakes placed by the table context: {len(chosen)} places, "
            f"{sum(near) / len(near):.1%} of them within 25 km (they stay ambiguous)"
        )
    res = [
        (_haversine(*tpoints[k], *places[k]) if tpoints.get(k) else float("inf"))
        for k in places
        if tstatus.get(k) == "resolved"
    ]
    if res:
        print(
            f"  resolved {len(res) / len(places):.1%} of places, "
            f"{sum(d <= 25 for d in res) / len(res):.1%} of them within 25 km"
        )
    misses = Counter(
        miss_kind(k, r, tstatus.get(k, "unresolved"), k in chosen, places[k])
        for k, r, _d in rows
        if not tpoints.get(k) or _haversine(*tpoints[k], *places[k]) > 25
    )
    print(f"  misses (> 25 km) of the whole-table run: {sum(misses.values())}")
    for kind, count in sorted(misses.items(), key=lambda t: -t[1]):
        print(f"    {count:4d}  {kind}")
    if not args.skip_peer:
        print(f"localis {score(events, args.eval, run_localis(places))}")
    n = len(rows)
    print("\ngeokit by status (share of places; share of them within 25 km):")
    for st in ("resolved", "approximate", "ambiguous", "unresolved"):
        sel = [d for _k, r, d in rows if r.status == st]
        if sel:
            print(
                f"  {st:<12} {len(sel) / n:6.1%}  within 25 km {sum(d <= 25 for d in sel) / len(sel):6.1%}"
                f"  within 50 km {sum(d <= 50 for d in sel) / len(sel):6.1%}"
            )
    print("approximate by precision:")
    for pr in ("settlement", "hromada", "raion", "admin2", "admin1", "country"):
        sel = [d for _k, r, d in rows if r.status == "approximate" and r.precision == pr]
        if sel:
            print(
                f"  {pr:<12} {len(sel):4d}  within 25 km {sum(d <= 25 for d in sel) / len(sel):6.1%}"
                f"  median {statistics.median(sel):6.1f} km"
            )
    print("score bands (all placed answers): share within 25 km")
    for lo, hi in ((0.9, 1.01), (0.7, 0.9), (0.5, 0.7), (0.3, 0.5), (0.0, 0.3)):
        sel = [d for _k, r, d in rows if r.status != "unresolved" and lo <= r.score < hi]
        if sel:
            print(
                f"  score {lo:.1f}-{min(hi, 1.0):.1f}  n={len(sel):4d}  "
                f"within 25 km {sum(d <= 25 for d in sel) / len(sel):6.1%}"
            )
    if args.errors:
        bad = sorted(
            ((d, k, r) for k, r, d in rows if r.status == "resolved" and d > 25),
            key=lambda t: -t[0],
        )
        for d, k, r in bad[: args.errors]:
            print(f"  {d:7.1f} km  {k} -> {r.name} ({r.admin1}) {r.reason or ''}")


if __name__ == "__main__":
    main()
