#!/usr/bin/env python3
"""Write ``geokit/data/common_words.txt``: ordinary English words that are also place names.

Usage: ``python gazetteer/common_words.py [WORDLIST]`` (default ``/usr/share/dict/american-english``
from Debian's ``wamerican`` package: ``apt-get install wamerican``).

The SCOWL word list that Debian ships keeps proper nouns capitalised ("London") and ordinary
words in lower case ("reading", "summit", "gulf"). We keep the lower-case words that the bundled
gazetteer also knows as a place name ("Summit", "Salt", "Harbor"), sorted, one a line. The
geoparser (:mod:`geokit._text_spans`) keeps such a capitalised word as a place only when the
text uses it as one ("in Summit") or when it names a country, a region or a city of 100,000+.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "geokit" / "data" / "common_words.txt"
WORDLIST = Path("/usr/share/dict/american-english")


def main(argv: list[str]) -> int:
    from geokit.gazetteer import default

    src = Path(argv[0]) if argv else WORDLIST
    if not src.exists():
        sys.exit(f"{src} is missing: apt-get install wamerican (or give a word list)")
    gaz = default()
    words = set()
    for line in src.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if len(w) >= 3 and w.isalpha() and w.islower() and gaz.has_name(w):
            words.add(w)
    OUT.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
