#!/usr/bin/env python3
"""Places in Ukrainian and Russian text: NER-UK spans, our own check set, and speed.

Usage: ``python benchmarks/bench_cyrillic.py [--eval ../shared/eval] [--peer] [--out DIR]``

* **NER-UK 2.0 development split** (``EVAL/cyrillic/neruk_dev.jsonl``, 391 Ukrainian news and
  fiction documents with LOC spans): :func:`geokit.text.extract_places` on each text, scored by
  the shared ``score.py spans`` (exact and overlap precision, recall, F1). These are
  DEVELOPMENT figures: the rules were written while looking at this split's errors (never at
  single documents), so they overstate what held-out text gets.
* **Check set** (``tests/cyrillic_checks.py``, written for geokit): the share of country
  mentions found and resolved to the right country, and of region and city mentions found
  within 161 km of their point.
* **Speed**: MB of UTF-8 text per CPU-second (one core, process time) over NER-UK, first pass
  with every cache empty (gazetteer lookups and morphology), best of three, and a second pass.
* ``--peer``: natasha's Russian news NER (slovnet model shipped in the PyPI package, offline)
  alone, its LOC spans scored the same way, with its speed.

Skips cleanly (exit 0) when the evaluation folder is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
REPEATS = 3


def score(score_py: Path, gold: Path, rows: list[dict], path: Path) -> str:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    res = subprocess.run([sys.executable, str(score_py), "spans", str(gold), str(path)],
                         check=True, capture_output=True, text=True, encoding="utf-8")
    return res.stdout.strip()


def run_geokit(docs: list[dict]) -> list[dict]:
    from geokit.text import extract_places

    return [{"doc_id": d["doc_id"], "mentions": [{"start": m.start, "end": m.end}
                                                 for m in extract_places(d["text"])]}
            for d in docs]


def run_natasha(docs: list[dict]) -> list[dict]:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    rows = []
    for d in docs:
        doc = Doc(d["text"])
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        rows.append({"doc_id": d["doc_id"], "mentions": [
            {"start": s.start, "end": s.stop} for s in doc.spans if s.type == "LOC"]})
    return rows


def check_set() -> dict[str, float]:
    """Shares of the check set found and resolved (see the module docstring)."""
    from cyrillic_checks import CITIES, COUNTRIES, REGIONS

    from geokit._geo import haversine_km
    from geokit.text import extract_places

    def found(sentence, surface):
        return next((m for m in extract_places(sentence) if m.place and (
            surface in m.text or m.text in surface)), None)

    out = {}
    hits = [found(s, sf) for s, sf, _cc in COUNTRIES]
    out["countries"] = sum(m is not None and (cc is None or m.place.country_code == cc)
                           for m, (_s, _sf, cc) in zip(hits, COUNTRIES, strict=True)
                           ) / len(COUNTRIES)
    for name, items in (("regions", REGIONS), ("cities", CITIES)):
        ok = 0
        for s, sf, lat, lon in items:
            m = found(s, sf)
            ok += m is not None and haversine_km(lat, lon, m.place.lat, m.place.lon) <= 161
        out[name] = ok / len(items)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path, default=None, help="keep the system.jsonl files here")
    ap.add_argument("--peer", action="store_true", help="also run natasha's NER (slow)")
    args = ap.parse_args(argv)
    gold = args.eval / "cyrillic" / "neruk_dev.jsonl"
    score_py = args.eval / "score.py"
    if not gold.exists() or not score_py.exists():
        print(f"skipped: no evaluation data at {gold}")
        return 0
    from geokit.gazetteer import default
    from geokit.text import _spans, extract_places

    docs = [json.loads(line) for line in gold.read_text("utf-8").splitlines() if line.strip()]
    mb = sum(len(d["text"].encode("utf-8")) for d in docs) / 1e6
    t = time.process_time()
    default()
    extract_places("Київ")  # loading includes the word lists and both analysers
    print(f"load: {time.process_time() - t:.2f} s")
    out = args.out or Path(tempfile.mkdtemp(prefix="cyrillic-"))
    out.mkdir(parents=True, exist_ok=True)

    firsts = []
    for _ in range(REPEATS):
        _spans.clear_caches(default())
        t = time.process_time()
        rows = run_geokit(docs)
        firsts.append(time.process_time() - t)
    t = time.process_time()
    run_geokit(docs)
    second = time.process_time() - t
    print("NER-UK dev (development figures) geokit:")
    print("  " + score(score_py, gold, rows, out / "geokit.jsonl").replace("\n", "\n  "))
    print(f"  speed: {mb:.2f} MB, first pass {mb / min(firsts):.2f} MB/s (best of {REPEATS}; "
          f"cold caches), second pass {mb / second:.2f} MB/s")
    shares = check_set()
    print("check set (tests/cyrillic_checks.py): " + ", ".join(
        f"{k} {v:.3f}" for k, v in shares.items()))
    if args.peer:
        try:
            t = time.process_time()
            peer = run_natasha(docs)
            dt = time.process_time() - t
        except ImportError:
            print("natasha not installed: pip install 'geokit[bench]'")
        else:
            print("NER-UK dev natasha 1.6 NER (LOC spans):")
            print("  " + score(score_py, gold, peer, out / "natasha.jsonl").replace(
                "\n", "\n  "))
            print(f"  speed: {mb / dt:.2f} MB/s (including model load)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
