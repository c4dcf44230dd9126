"""User layers as gazetteer records: indexing a layer table, and a cache of the result.

Adding a layer means reading the file (pandas), finding each row's country and regions (admin
lookups, point-in-area tests for rows that give none) and hashing every spelling of every name.
For a GeoNames country dump of 100,000 places that takes many seconds at every start, so the
result (:class:`IndexedLayer`) of a layer read from a file is cached in the user cache
directory (``options.cache_dir / "layers"``, one ``.npz`` per source file and column options)
and the next load reads it back.

Why a cached layer is safe to use: the cache file stores the key it was made for and is used
only when that key equals the key of the load in progress, which holds

* the source file's resolved path, size and modification time (in nanoseconds), and those of
  its ``alternate_names`` file: rewriting, replacing or touching a layer invalidates it;
* the column options and the label;
* geokit's version, the cache format, and the size and modification time of the bundled data
  files (``gazetteer.npz``, ``codifier.npz``, ``admin_areas.npz``): a layer's region links are
  record numbers of the bundled data, so a cache from another geokit or other data is never
  used;
* what the gazetteer held before the layer: its record count and the keys of the layers added
  before it in the same load (their records are numbered before this one's). After a layer that
  is a DataFrame (no identity to check) nothing is cached.

Cache files are written to a temporary name and renamed, so a crash leaves no half file; they
are read with ``allow_pickle=False``, so a planted file cannot run code; a file that cannot be
read (damaged, truncated, another format) is ignored, logged and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ._files import data_file
from ._names import key_hash, normalize, skeleton

log = logging.getLogger(__name__)

__all__ = ["IndexedLayer", "add_layer", "append_layer", "index_layer"]

#: Bumped whenever what the cache holds changes meaning.
CACHE_FORMAT = 1
_DATA_FILES = ("gazetteer.npz", "codifier.npz", "admin_areas.npz")
_SEP = "\x1f"  # joins the strings of a cached layer (layers holding it are not cached)


@dataclass
class IndexedLayer:
    """One layer's records and name keys, ready to append; rows are numbered from 0."""

    gid: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    pop: np.ndarray
    kind: np.ndarray
    cc: list[str]
    a1: np.ndarray  # region records of the gazetteer the layer was indexed against (-1: none)
    a2: np.ndarray
    names: list[str]
    admin_text: dict[int, str]  # row -> its region's name when the gazetteer lacks the region
    exact_hash: np.ndarray
    exact_row: np.ndarray
    skel_hash: np.ndarray
    skel_row: np.ndarray

    def __len__(self) -> int:
        return len(self.gid)


def index_layer(gaz, frame) -> IndexedLayer:
    """Index a normalised layer table (see :mod:`geokit.gazetteer.layers`) against ``gaz``."""
    kinds = frame["kind"].map(gaz.KIND_CODES).fillna(0).astype(np.int8).to_numpy()
    # a layer may name its countries ("Ukraine"); this gazetteer reads them as codes
    ccs = [
        c.upper() if len(c) == 2 and c.isalpha() else (gaz.country_code_of(c) or "")
        for c in (str(v or "").strip() for v in frame["country_code"])
    ]
    a1 = np.full(len(frame), -1, dtype=np.int32)
    admin_text: dict[int, str] = {}
    found: dict[tuple[str, str], int] = {}  # a dump repeats a few dozen region names
    for j, (adm, c) in enumerate(zip(frame["admin1"], ccs, strict=True)):
        if adm:
            hit = found.get((str(adm), c))
            if hit is None:
                hit = found[(str(adm), c)] = gaz._find_admin(str(adm), c, "admin1")
            if hit >= 0:
                a1[j] = hit
            else:
                admin_text[j] = str(adm)
    a2 = _place_in_areas(gaz, frame, ccs, a1, admin_text)
    names = [str(x) for x in frame["name"]]
    eh, er, sh, sr = [], [], [], []
    for j, (name, aliases) in enumerate(zip(names, frame["aliases"], strict=True)):
        for variant in [name, *aliases]:
            key = normalize(variant)
            if key:
                eh.append(key_hash(key))
                er.append(j)
                sh.append(key_hash(skeleton(key)))
                sr.append(j)
    eh, er = _sorted(eh, er)  # stored sorted, so adding the layer needs no sort
    sh, sr = _sorted(sh, sr)
    return IndexedLayer(
        gid=frame["geonameid"].fillna(-1).astype(np.int64).to_numpy(),
        lat=frame["lat"].astype(float).to_numpy(),
        lon=frame["lon"].astype(float).to_numpy(),
        pop=frame["population"].fillna(0).astype(np.int64).to_numpy(),
        kind=kinds,
        cc=ccs,
        a1=a1,
        a2=a2,
        names=names,
        admin_text=admin_text,
        exact_hash=eh,
        exact_row=er,
        skel_hash=sh,
        skel_row=sr,
    )


def _sorted(hashes: list[int], rows: list[int]) -> tuple[np.ndarray, np.ndarray]:
    h = np.array(hashes, dtype=np.uint64)
    order = np.argsort(h, kind="stable")
    return h[order], np.array(rows, dtype=np.int32)[order]


def _place_in_areas(
    gaz, frame, ccs: list[str], a1: np.ndarray, admin_text: dict[int, str]
) -> np.ndarray:
    """Fill in the country and regions a layer row does not give from its point.

    Rows without a country, or without a region the gazetteer knows, take those of the
    bundled admin area holding their point (:func:`geokit.gazetteer.admin.locate`); a row's
    own country wins when the area disagrees (a point just across a border). Updates
    ``ccs``, ``a1`` and ``admin_text`` in place and returns the rows' district records.
    """
    a = gaz._a
    a2 = np.full(len(frame), -1, dtype=np.int32)
    rows = np.flatnonzero(np.array([not c for c in ccs], dtype=bool) | (a1 < 0))
    if not len(rows):
        return a2
    from ._areas import locate

    lat = frame["lat"].astype(float).to_numpy()[rows]
    lon = frame["lon"].astype(float).to_numpy()[rows]
    in1, in2 = locate(lat, lon, 1), locate(lat, lon, 2)
    for j, r1, r2 in zip(rows.tolist(), in1.tolist(), in2.tolist(), strict=True):
        if r1 < 0:
            continue
        cc = a.cc_codes[a.cc[r1]]
        if ccs[j] and ccs[j] != cc:
            continue
        ccs[j] = cc
        if a1[j] < 0:
            a1[j] = r1
            admin_text.pop(j, None)
        if r2 >= 0 and int(a.a1[r2]) == int(a1[j]):
            a2[j] = r2
    return a2


def append_layer(gaz, ix: IndexedLayer, label: str) -> None:
    """Append an indexed layer's records and keys to ``gaz`` (no lookups, no hashing)."""
    a = gaz._a
    n0 = len(a.gid)
    layer_no = len(gaz.layers)
    gaz.layers.append(label)
    code_no = {c: i for i, c in enumerate(a.cc_codes)}
    for c in dict.fromkeys(ix.cc):
        if c not in code_no:
            code_no[c] = len(a.cc_codes)
            a.cc_codes.append(c)
    a.gid = np.concatenate([a.gid, ix.gid])
    a.lat = np.concatenate([a.lat, ix.lat])
    a.lon = np.concatenate([a.lon, ix.lon])
    a.pop = np.concatenate([a.pop, ix.pop])
    a.kind = np.concatenate([a.kind, ix.kind])
    a.cc = np.concatenate([a.cc, np.array([code_no[c] for c in ix.cc], dtype=np.int16)])
    a.a1 = np.concatenate([a.a1, ix.a1])
    a.a2 = np.concatenate([a.a2, ix.a2])
    a.source = np.concatenate([a.source, np.full(len(ix), layer_no, dtype=np.int16)])
    a.names.extend(ix.names)
    for j, text in ix.admin_text.items():
        a.admin_text[n0 + j] = (text, "")
    a.exact.add_layer(ix.exact_hash, ix.exact_row + n0)
    a.skel.add_layer(ix.skel_hash, ix.skel_row + n0)
    gaz._fuzzy = None
    gaz._extra_fuzzy = getattr(gaz, "_extra_fuzzy", []) + list(range(n0, len(a.gid)))
    log.info("added layer %s with %d places", label, len(ix))


def add_layer(gaz, layer: Any, state: list | None, **options: Any) -> list | None:
    """Add one layer (a path or a DataFrame) to ``gaz``, through the cache when it is a file.

    ``state`` lists what the gazetteer held before (see the module docstring); the state
    after this layer is returned (``None``: later layers are not cached).
    """
    from .layers import read_layer

    path = Path(layer) if isinstance(layer, str | os.PathLike) else None
    key = _key(path, options, state) if path is not None and state is not None else None
    if key is not None:
        cache = _cache_file(path, options)
        ix = _read_cache(cache, key)
        if ix is not None:
            append_layer(gaz, ix, options.get("label") or path.name)
            return [*state, key]
    frame, label = read_layer(layer, **options)
    ix = index_layer(gaz, frame)
    if key is not None:
        _write_cache(cache, key, ix)
    append_layer(gaz, ix, label)
    return [*state, key] if key is not None else None


# -- the cache --------------------------------------------------------------------------------
def _stamp(path: Path) -> list:
    st = path.stat()
    return [str(path.resolve()), st.st_size, st.st_mtime_ns]


def _key(path: Path, options: dict[str, Any], state: list) -> str | None:
    """The cache key of a layer file, or None when it cannot be stated (file missing...)."""
    from .._version import __version__

    try:
        alt = options.get("alternate_names")
        return json.dumps(
            {
                "format": CACHE_FORMAT,
                "geokit": __version__,
                "data": [_stamp(data_file(name)) for name in _DATA_FILES],
                "source": _stamp(path),
                "alternate_names": _stamp(Path(alt)) if alt else None,
                "options": {k: str(v) for k, v in sorted(options.items())},
                "state": state,
            },
            sort_keys=True,
        )
    except OSError:
        return None  # read_layer says what is wrong with the file


def _cache_file(path: Path, options: dict[str, Any]) -> Path:
    from .._config import options as config

    ident = json.dumps([str(path.resolve()), sorted((k, str(v)) for k, v in options.items())])
    name = hashlib.sha256(ident.encode()).hexdigest()[:32]
    return Path(config.cache_dir) / "layers" / f"{name}.npz"


def _blob(strings: list[str]) -> np.ndarray:
    return np.frombuffer(_SEP.join(strings).encode("utf-8"), dtype=np.uint8)


def _strings(blob: np.ndarray, n: int) -> list[str]:
    out = blob.tobytes().decode("utf-8").split(_SEP) if n else []
    if len(out) != n:
        raise ValueError("string count does not match")
    return out


def _write_cache(cache: Path, key: str, ix: IndexedLayer) -> None:
    texts = [*ix.names, *ix.cc, *ix.admin_text.values()]
    if any(_SEP in t for t in texts):
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            np.savez(
                fh,
                key=np.array([key]),
                gid=ix.gid,
                lat=ix.lat,
                lon=ix.lon,
                pop=ix.pop,
                kind=ix.kind,
                cc=_blob(ix.cc),
                a1=ix.a1,
                a2=ix.a2,
                names=_blob(ix.names),
                admin_rows=np.array(list(ix.admin_text), dtype=np.int64),
                admin_names=_blob(list(ix.admin_text.values())),
                exact_hash=ix.exact_hash,
                exact_row=ix.exact_row,
                skel_hash=ix.skel_hash,
                skel_row=ix.skel_row,
            )
        os.replace(tmp, cache)
    except OSError as exc:  # a read-only or full cache directory only costs speed
        log.warning("could not cache layer index in %s: %s", cache.parent, exc)
        if "tmp" in locals():
            Path(tmp).unlink(missing_ok=True)


def _read_cache(cache: Path, key: str) -> IndexedLayer | None:
    if not cache.is_file():
        return None
    try:
        with np.load(cache, allow_pickle=False) as z:
            if str(z["key"][0]) != key:
                return None  # made for another file, version or gazetteer: rebuilt below
            d = {k: z[k] for k in z.files}
        n = len(d["gid"])
        rows = d["admin_rows"].tolist()
        ix = IndexedLayer(
            gid=d["gid"],
            lat=d["lat"],
            lon=d["lon"],
            pop=d["pop"],
            kind=d["kind"],
            cc=_strings(d["cc"], n),
            a1=d["a1"],
            a2=d["a2"],
            names=_strings(d["names"], n),
            admin_text=dict(zip(rows, _strings(d["admin_names"], len(rows)), strict=True)),
            exact_hash=d["exact_hash"],
            exact_row=d["exact_row"],
            skel_hash=d["skel_hash"],
            skel_row=d["skel_row"],
        )
        if not all(len(v) == n for v in (ix.lat, ix.lon, ix.pop, ix.kind, ix.a1, ix.a2)):
            raise ValueError("column lengths differ")
        if len(ix.exact_row) and not (0 <= ix.exact_row.min() and ix.exact_row.max() < n):
            raise ValueError("key rows out of range")
        if len(ix.skel_row) and not (0 <= ix.skel_row.min() and ix.skel_row.max() < n):
            raise ValueError("key rows out of range")
        return ix
    except Exception as exc:  # noqa: BLE001 - any unreadable cache is rebuilt, never trusted
        log.warning("ignoring unreadable layer cache %s (%s); rebuilding it", cache, exc)
        return None
