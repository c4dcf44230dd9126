#!/usr/bin/env python3
"""Events from text in Ukrainian, Russian and English: event-type, date and place accuracy on
a small labelled set the geokit team wrote (``benchmarks/data/text_events_mini.csv``).

Usage: ``python benchmarks/bench_text_events.py [--errors] [--english] [--eval ../shared/eval]``

Each row of the set is one sentence with its publication date and the gold ACLED
``sub_event_type`` (empty: the sentence reports no event), event date and precision, and place.
Scored per sentence:

* language — ``detect_language`` gives the row's language;
* event type — the sub-event type of the sentence (``sentence_event``), "no event" included;
* date — date and precision (``clause_date``) of the sentences that report an event;
* place — ``extract_events`` gives a row within 25 km of the gold place (geocoded with
  geokit's own gazetteer; this also measures the place finder, which another part of the
  project owns).

``--english`` also runs ``extract_events`` on the English event descriptions of the CIR
development file (``EVAL/conflict/cir_events_dev.csv``, when present) and prints the
share of descriptions that give an event and the share of those placed within 25 km of the
gold point: a development figure, for checking that English results do not get worse.

The labelled set is small and self-written: read its figures as a check, not as a measure of
accuracy on real news.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "benchmarks" / "data" / "text_events_mini.csv"
KM = 25.0


def _near(place_row, gold: str, geocode, haversine_km) -> bool:
    if place_row is None:
        return False
    if place_row["location"] == gold:
        return True
    ref = geocode(gold)
    return ref is not None and haversine_km(ref.lat, ref.lon, place_row["lat"],
                                            place_row["lon"]) <= KM


def mini_set(show_errors: bool) -> None:
    from geokit._geo import haversine_km
    from geokit.geocoding import geocode
    from geokit.text import extract_events
    from geokit.text.events import _to_date, clause_date, detect_language, sentence_event

    rows = list(csv.DictReader(DATA.open(encoding="utf-8")))
    counts: dict[str, dict[str, list[int]]] = {}
    t0 = time.perf_counter()
    for r in rows:
        c = counts.setdefault(r["lang"], {k: [0, 0] for k in ("lang", "type", "date", "place")})
        text, pub = r["text"], _to_date(r["published"])
        got_lang = detect_language(text)
        c["lang"][0] += got_lang == r["lang"]
        c["lang"][1] += 1
        kind, clauses = sentence_event(text, r["lang"])
        got_type = kind[1] if kind else ""
        ok = got_type == r["sub_event_type"]
        c["type"][0] += ok
        c["type"][1] += 1
        errors = [] if ok else [f"type {got_type!r} != {r['sub_event_type']!r}"]
        if r["sub_event_type"]:
            d, p = clause_date(text, pub, r["lang"], clauses)
            gold = (dt.date.fromisoformat(r["event_date"]), r["date_precision"])
            c["date"][0] += (d, p) == gold
            c["date"][1] += 1
            if (d, p) != gold:
                errors.append(f"date {d} {p} != {gold[0]} {gold[1]}")
            gdf = extract_events(text, published=pub, lang=r["lang"])
            row = gdf.iloc[0] if len(gdf) else None
            hit = _near(row, r["location"], geocode, haversine_km)
            c["place"][0] += hit
            c["place"][1] += 1
            if not hit:
                errors.append(f"place {None if row is None else row['location']!r} "
                              f"!= {r['location']!r}")
        if show_errors and errors:
            print(f"  [{r['lang']}] {text[:70]}...: " + "; ".join(errors))
    secs = time.perf_counter() - t0
    print(f"labelled mini-set: {len(rows)} sentences ({DATA.name}, self-written), {secs:.1f} s")
    print(f"{'lang':<6}{'n':>4}  {'language':>10}  {'event type':>11}  {'date':>11}  "
          f"{'place 25 km':>12}")
    for lang, c in counts.items():
        def cell(k, c=c):
            ok, n = c[k]
            return f"{ok}/{n} {ok / n:.2f}" if n else "-"
        print(f"{lang:<6}{c['lang'][1]:>4}  {cell('lang'):>10}  {cell('type'):>11}  "
              f"{cell('date'):>11}  {cell('place'):>12}")


def english_cir(eval_dir: Path) -> None:
    cir = eval_dir / "conflict" / "cir_events_dev.csv"
    if not cir.exists():
        print(f"{cir} not found: skipping the English CIR check")
        return
    from geokit._geo import haversine_km
    from geokit.text import extract_events

    rows = list(csv.DictReader(cir.open(encoding="utf-8")))
    found = near = 0
    t0 = time.perf_counter()
    for r in rows:
        gdf = extract_events(r["brief description"], published=r["date"])
        if len(gdf):
            found += 1
            near += haversine_km(float(r["lat"]), float(r["lon"]), gdf.iloc[0]["lat"],
                                 gdf.iloc[0]["lon"]) <= KM
    secs = time.perf_counter() - t0
    print(f"CIR dev descriptions (English, development data): {len(rows)} texts, "
          f"{found} give an event ({found / len(rows):.3f}), {near} of those within {KM:.0f} km "
          f"({near / max(found, 1):.3f}); {secs:.1f} s")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print each sentence scored wrong")
    ap.add_argument("--english", action="store_true", help="also run the English CIR check")
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    args = ap.parse_args(argv)
    mini_set(args.errors)
    if args.english:
        english_cir(args.eval)
    return 0


if __name__ == "__main__":
    sys.exit(main())
