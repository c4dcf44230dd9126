#!/usr/bin/env python3
"""Write ``geokit/data/country_points.csv``: one reference point per country.

Usage: ``python gazetteer/country_points.py`` (needs ``pip install 'geokit[build]'``).

Input: the PyPI package ``countryinfo`` (pinned in the ``build`` extra), whose per-country JSON
files carry the CIA World Factbook's "geographic coordinates" of each country (``latlng``, whole
or half degrees) and the position of its capital (``capital_latlng``). GeoNames took most of
its country points from the same field, so these are a closer match to what gazetteers and geoparsing corpora give for a country than a centroid of
its polygon. The output is small (about 250 rows of
``country_code,lat,lon,capital_lat,capital_lon``) and sorted, so the same input gives the same
file. :mod:`geokit.extract` reads it (see ``_text_points.py``).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geokit" / "data" / "country_points.csv"


def factbook_points() -> dict[str, tuple[float, float, float | None, float | None]]:
    """ISO alpha-2 code -> (lat, lon, capital lat, capital lon) from countryinfo's data files
    (the capital's point is None where the package has none)."""
    try:
        import countryinfo
    except ImportError:
        sys.exit("countryinfo is missing: pip install 'geokit[build]'")
    out: dict[str, tuple[float, float, float | None, float | None]] = {}
    for path in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        code = (rec.get("ISO") or {}).get("alpha2")
        latlng = rec.get("latlng")
        if not code or not latlng or len(latlng) != 2:
            continue
        lat, lon = float(latlng[0]), float(latlng[1])
        cap = rec.get("capital_latlng") or [None, None]
        clat, clon = (float(cap[0]), float(cap[1])) if len(cap) == 2 and None not in cap \
            else (None, None)
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            out[code.upper()] = (lat, lon, clat, clon)
    return out


def main() -> int:
    points = factbook_points()
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["country_code", "lat", "lon", "capital_lat", "capital_lon"])
        for code in sorted(points):
            lat, lon, clat, clon = points[code]
            w.writerow([code, f"{lat:g}", f"{lon:g}", "" if clat is None else f"{clat:.4f}",
                        "" if clon is None else f"{clon:.4f}"])
    print(f"wrote {len(points)} countries to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
