#!/usr/bin/env python3
"""Loading a large user layer: the first load (read, index, write the cache) against later ones.

Usage: ``python benchmarks/bench_layers.py [--places 100000] [--repeat 3]``

Generates a GeoNames-format country dump of ``--places`` populated places (the format
``geokit gazetteer download`` stores: 19 tab-separated columns in a zip, alternate names in the
fourth column) with made-up village names (two to four syllables, 0-8 alternate spellings each,
Latin and Cyrillic), points scattered over Ukraine, 24 oblast rows and their admin1 codes, and a
few hundred rows without a region. Nothing in it is real data. Each measurement is a fresh
process timing ``Gazetteer.load(extra=[dump], user_layers=False)`` with its own cache directory:

* **first load**: no cache yet (what every load cost before the cache), the cache is written;
* **cached load**: the same file again, read from the cache;
* **after touching the file**: its modification time changed, so the cache is rebuilt.

It also checks that the cached gazetteer answers like the uncached one for 2,000 of the names.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OBLASTS = (
    "Cherkasy",
    "Chernihiv",
    "Chernivtsi",
    "Dnipropetrovsk",
    "Donetsk",
    "Ivano-Frankivsk",
    "Kharkiv",
    "Kherson",
    "Khmelnytskyi",
    "Kirovohrad",
    "Kyiv",
    "Luhansk",
    "Lviv",
    "Mykolaiv",
    "Odesa",
    "Poltava",
    "Rivne",
    "Sumy",
    "Ternopil",
    "Vinnytsia",
    "Volyn",
    "Zakarpattia",
    "Zaporizhzhia",
    "Zhytomyr",
)
SYLLABLES = (
    "ka",
    "lo",
    "vo",
    "ny",
    "ri",
    "sha",
    "pe",
    "tro",
    "mi",
    "khai",
    "liv",
    "ka",
    "dub",
    "sos",
    "no",
    "ve",
    "ho",
    "ro",
    "dok",
    "zel",
    "ene",
    "bi",
    "lo",
    "ya",
    "hor",
)
CYR = str.maketrans("aeiouyklmnprstvdzbh", "аеіоуиклмнпрствдзбг")


def make_dump(path: Path, places: int, seed: int = 13) -> list[str]:
    """Write a GeoNames-format zip of ``places`` villages; returns their names."""
    rng = random.Random(seed)
    rows, names = [], []
    for i, oblast in enumerate(OBLASTS):
        rows.append(
            [
                str(9_000_000 + i),
                f"{oblast} Oblast",
                f"{oblast} Oblast",
                "",
                "49.0",
                "32.0",
                "A",
                "ADM1",
                "UA",
                "",
                f"{i + 1:02d}",
                "",
                "",
                "",
                "0",
                "",
                "",
                "Europe/Kyiv",
                "2024-01-01",
            ]
        )
    for i in range(places):
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if rng.random() < 0.3:
            name += rng.choice(("ivka", "ne", "ove", "e"))
        aliases = {name.translate(CYR)}
        for _ in range(rng.randint(0, 7)):
            aliases.add(name + rng.choice(("a", "e", "o", "y", "ka", "yi", "ske")))
        lat, lon = rng.uniform(45.0, 52.0), rng.uniform(23.0, 40.0)
        code = f"{rng.randint(1, 24):02d}" if rng.random() > 0.003 else "99"
        rows.append(
            [
                str(10_000_000 + i),
                name,
                name,
                ",".join(sorted(aliases)),
                f"{lat:.5f}",
                f"{lon:.5f}",
                "P",
                "PPL",
                "UA",
                "",
                code,
                "",
                "",
                "",
                str(rng.choice((0, 0, 0, 120, 800))),
                "",
                "",
                "Europe/Kyiv",
                "2024-01-01",
            ]
        )
        names.append(name)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("UA.txt", "\n".join("\t".join(r) for r in rows) + "\n")
    return names


def timed_load(dump: Path, cache: Path, check: Path | None = None) -> float:
    code = (
        "import sys, time, pickle\n"
        "t = time.perf_counter()\n"
        "from geokit.gazetteer import Gazetteer\n"
        f"g = Gazetteer.load(extra=[{str(dump)!r}], user_layers=False)\n"
        "print(time.perf_counter() - t)\n"
        f"if {str(check)!r} != 'None':\n"
        "    import geokit\n"
        f"    names = open({str(check)!r}, encoding='utf-8').read().split('\\n')\n"
        "    out = [(p.name, p.lat, p.lon, p.admin1, p.score) if p else None\n"
        "           for p in (geokit.geocode(n, gazetteer=g) for n in names)]\n"
        f"    pickle.dump(out, open({str(check)!r} + '.out', 'wb'))\n"
    )
    env = dict(os.environ, GEOKIT_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return float(out.stdout.split()[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--places", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    t0 = time.perf_counter()
    sum(i * i for i in range(2_000_000))  # the machine's speed now (shared cores vary 2-3x)
    print(f"reference loop: {time.perf_counter() - t0:.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        dump = tmp / "geonames-UA.zip"
        names = make_dump(dump, args.places)
        print(f"generated layer: {args.places:,} places, {dump.stat().st_size / 1e6:.1f} MB zip")
        first, cached, touched = [], [], []
        for r in range(args.repeat):
            cache = tmp / f"cache{r}"
            first.append(timed_load(dump, cache))
            cached.append(timed_load(dump, cache))
            os.utime(dump)  # a new modification time: the cache must be rebuilt
            touched.append(timed_load(dump, cache))
        base = tmp / "nolayer"
        plain = [
            float(
                subprocess.run(
                    [
                        sys.executable,
                        "-c",
                        "import time; t = time.perf_counter(); from geokit.gazetteer "
                        "import Gazetteer; Gazetteer.load(user_layers=False); print(time.perf_counter()-t)",
                    ],
                    env=dict(os.environ, GEOKIT_CACHE_DIR=str(base), PYTHONPATH=str(ROOT)),
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            for _ in range(args.repeat)
        ]
        for label, xs in (
            ("bundled data only", plain),
            ("first load (no cache)", first),
            ("cached load", cached),
            ("after touching the file", touched),
        ):
            print(
                f"  {label:<26} median {statistics.median(xs):6.2f} s  "
                f"[{min(xs):.2f}-{max(xs):.2f}]"
            )
        check = tmp / "names.txt"
        check.write_text(
            "\n".join(random.Random(5).sample(names, min(2000, len(names)))), encoding="utf-8"
        )
        timed_load(dump, tmp / "fresh", check)  # no cache: computed
        fresh = (tmp / "names.txt.out").read_bytes()
        timed_load(dump, tmp / "fresh", check)  # from the cache
        print(
            f"answers for {min(2000, len(names))} names identical with and without the "
            f"cache: {fresh == (tmp / 'names.txt.out').read_bytes()}"
        )


if __name__ == "__main__":
    main()
