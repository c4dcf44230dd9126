"""The bundled offline gazetteer: loading, name keys and candidate lookup.

The data ships in ``geokit/data/gazetteer.npz`` (built by ``gazetteer/build.py`` from GeoNames
and Natural Earth). Names are found through sorted 64-bit hashes of their normalised and skeleton
keys (:mod:`geokit.gazetteer._names`), so loading is a handful of NumPy arrays and a lookup is a binary search.

Users add their own layers (GeoNames dump files or tables) with ``Gazetteer.load(extra=[...])``;
user places rank above bundled ones for the same name.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .. import _lazy
from ..models import Place
from ._files import data_file as _data_file
from ._files import read_npz
from ._index import NgramIndex
from ._keys import KeyIndex
from ._names import key_hash, normalize, skeleton
from ._points import reference_point

log = logging.getLogger(__name__)

#: Arrays of gazetteer.npz read only when first needed (the typo index), not at load.
_LAZY = ("fuzzy_names", "fuzzy_idx")
#: Arrays of gazetteer.npz that are memory-mapped, not read (stored uncompressed by the build).
MAPPED_ARRAYS = ("exact_hash", "exact_idx", "skel_hash", "skel_idx")
KIND_CODES = {"populated_place": 0, "admin2": 1, "admin1": 2, "country": 3}
#: Words that mark a name as a region ("Kursk region", "Sumy oblast", "Курская область").
ADMIN1_WORDS = ("oblast", "oblasti", "oblastʹ", "region", "province", "krai", "kray", "okrug",
                "republic", "respublika", "voblasts", "voblasc", "autonomous republic of",
                "avtonomna respublika", "gubernia", "governorate", "state", "county",
                "область", "обл", "край", "республика", "республіка", "вобласць", "округ")
ADMIN2_WORDS = ("raion", "rayon", "raiony", "district", "municipality", "hromada",
                "gorodskoy okrug", "municipal district", "район", "громада", "городской округ")
REGION_WORDS = ADMIN1_WORDS + ADMIN2_WORDS
_REGION_RE = re.compile(r"(?:^|\s)(" + "|".join(sorted((re.escape(w) for w in REGION_WORDS),
                                                      key=len, reverse=True)) + r")(?=\s|$)")
MATCH_TYPES = ("name", "alternate name", "romanisation", "region base name")


def strip_region_words(key: str) -> str:
    """Remove region words from a normalised key: ``"kursk oblast"`` -> ``"kursk"``."""
    return re.sub(r"\s+", " ", _REGION_RE.sub(" ", key)).strip()


def region_level(key: str) -> str | None:
    """``"admin1"``/``"admin2"`` when a normalised key names a region, else ``None``.

    Parameters
    ----------
    key : str
        A normalised name (lower case, single spaces; see :func:`normalize`).

    Returns
    -------
    str or None
        ``"admin2"`` when a district word (raion, district, hromada ...) is in it,
        ``"admin1"`` for another region word (oblast, region, krai ...), else ``None``.

    Raises
    ------
    TypeError
        When ``key`` is not a string.

    Examples
    --------
    >>> region_level("sumy oblast"), region_level("okhtyrskyi raion"), region_level("sumy")
    ('admin1', 'admin2', None)
    """
    found = [m.group(1) for m in _REGION_RE.finditer(key)]
    if not found:
        return None
    return "admin2" if any(w in ADMIN2_WORDS for w in found) else "admin1"


@dataclass
class _Arrays:
    gid: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    pop: np.ndarray
    kind: np.ndarray
    cc: np.ndarray
    cc_codes: list[str]
    a1: np.ndarray
    a2: np.ndarray
    names: list[str]
    source: np.ndarray  # 0 = bundled, k = user layer k
    exact: KeyIndex  # normalised name keys -> records
    skel: KeyIndex  # skeleton keys -> records
    fuzzy_blob: np.ndarray | None  # typo-search names: read on the first typo search
    fuzzy_idx: np.ndarray | None
    admin_text: dict[int, tuple[str, str]] = field(default_factory=dict)


class Gazetteer:
    """An in-memory gazetteer: bundled GeoNames places plus optional user layers.

    Use :meth:`load` (or :func:`default`) rather than the constructor.

    Examples
    --------
    >>> gaz = Gazetteer.load()
    >>> gaz.geocode("Sudzha").country_code
    'RU'
    """

    def __init__(self, arrays: _Arrays, layers: list[str] | None = None):
        self._a = arrays
        self.layers = layers or ["geonames"]
        self._fuzzy: NgramIndex | None = None
        self.codifier = None  # geokit.gazetteer.codifier.Codifier once joined
        self._lock = threading.Lock()

    # -- loading -------------------------------------------------------------------------------
    @classmethod
    def load(cls, extra: Iterable[Any] | None = None, *, user_layers: bool = True,
             codifier: bool = True, **layer_options: Any) -> Gazetteer:
        """Load the bundled gazetteer and add user layers.

        Parameters
        ----------
        extra : iterable, optional
            Extra layers: paths to GeoNames dump files (``UA.txt``, ``UA.zip``, ``allCountries``,
            optionally with ``alternateNamesV2``), CSV/GeoJSON tables, or pandas DataFrames. See
            :func:`geokit.gazetteer.layers.read_layer` for the accepted columns.
        user_layers : bool
            Also load the layers saved with ``geokit gazetteer add`` (default True).
        codifier : bool
            Join the settlements of Ukraine's official codifier (default True; see
            :mod:`geokit.gazetteer.codifier`).
        **layer_options
            Column names passed to :func:`geokit.gazetteer.layers.read_layer` (``name=``, ``lat=``...).
        """
        d = read_npz(_data_file("gazetteer.npz"), skip=_LAZY, mmap=MAPPED_ARRAYS)
        arrays = _Arrays(
            gid=d["gid"], lat=d["lat"], lon=d["lon"], pop=d["pop"], kind=d["kind"], cc=d["cc"],
            cc_codes=[str(c) for c in d["cc_codes"]], a1=d["a1"], a2=d["a2"],
            names=d["names"].tobytes().decode("utf-8").split("\x1f"),
            source=np.zeros(len(d["gid"]), dtype=np.int16),
            exact=KeyIndex(d["exact_hash"], d["exact_idx"], d["exact_type"]),
            skel=KeyIndex(d["skel_hash"], d["skel_idx"], d["skel_type"]),
            fuzzy_blob=None, fuzzy_idx=None,
        )
        gaz = cls(arrays)
        if codifier:
            gaz._attach_codifier()
        layers: list[Any] = []
        if user_layers:
            from .layers import saved_layers

            layers.extend(saved_layers())
        layers.extend(extra or [])
        if layers:  # indexed once, then read from the user cache (see _layer_index)
            from ._layer_index import add_layer

            state: list | None = [len(gaz)]  # what the layers' region records refer to
            for layer in layers:
                state = add_layer(gaz, layer, state, **layer_options)
        return gaz

    def _attach_codifier(self) -> None:
        """Add Ukraine's settlement codifier as the build joined it (:mod:`.codifier`)."""
        from . import codifier

        path = _data_file("codifier.npz")
        cod, joined = codifier.load(path)
        if not np.array_equal(joined.get("base", ()), codifier.base(self._a)):
            log.warning("codifier.npz was joined to another gazetteer.npz; joining it now "
                        "(slower). Rebuild with `python gazetteer/build_codifier.py --join`.")
            joined = codifier.join(self._a, cod, codifier.load_keys(path))
        codifier.attach(self._a, cod, joined)
        self.codifier = cod
        new = range(cod.first, len(self._a.gid))
        self._extra_fuzzy = list(new)

    KIND_CODES = KIND_CODES

    def country_code_of(self, name: str) -> str | None:
        """:func:`country_code` of a country name or code, in this gazetteer."""
        return country_code(name, self)

    # -- lookups -------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._a.gid)

    def has_name(self, text: str) -> bool:
        """Whether ``text`` (any spelling geokit knows) names a place in the gazetteer."""
        key = normalize(text) if isinstance(text, str) else ""
        return bool(key) and self._a.exact.count(key_hash(key)) > 0

    def lookup(self, key: str, *, level: str = "exact") -> list[tuple[int, int]]:
        """Records whose normalised (``level="exact"``) or skeleton key equals ``key``.

        Returns ``(record index, match type)`` pairs.
        """
        return (self._a.exact if level == "exact" else self._a.skel).find(key_hash(key))

    def fuzzy(self, key: str, *, limit: int = 5, cutoff: float = 85.0) -> list[tuple[int, float]]:
        """Records whose name is within a small edit distance of ``key`` (typos)."""
        with self._lock:
            if self._fuzzy is None:
                a = self._a
                if a.fuzzy_blob is None:
                    with np.load(_data_file("gazetteer.npz")) as z:
                        a.fuzzy_blob, a.fuzzy_idx = z["fuzzy_names"], z["fuzzy_idx"]
                names = a.fuzzy_blob.tobytes().decode("utf-8").split("\n")
                idx = a.fuzzy_idx
                extra = getattr(self, "_extra_fuzzy", [])  # codifier and layer records
                if extra:
                    names = names + [normalize(a.names[r]) for r in extra]
                    idx = np.concatenate([idx, np.array(extra, dtype=np.int32)])
                self._fuzzy = NgramIndex(names, idx)
        out = []
        for matched, score, rec in self._fuzzy.extract(key, limit=limit, cutoff=cutoff):
            hits = self.lookup(matched)
            out.extend((r, score) for r, _t in hits) if hits else out.append((rec, score))
        return out

    def fuzzy_region(self, key: str, *, limit: int = 10, cutoff: float = 80.0
                     ) -> list[tuple[int, float]]:
        """Regions and countries whose name (without region words) is close to ``key``."""
        with self._lock:
            if getattr(self, "_fuzzy_regions", None) is None:
                a = self._a
                recs = np.flatnonzero(a.kind >= 1)
                keys = [strip_region_words(normalize(a.names[r])) for r in recs]
                self._fuzzy_regions = NgramIndex(keys, recs)
        return [(rec, score) for _m, score, rec in
                self._fuzzy_regions.extract(key, limit=limit, cutoff=cutoff)]

    def _find_admin(self, text: str, cc: str = "", level: str | None = None) -> int:
        """Best admin record for a region name (optionally within a country), or -1."""
        key = normalize(text)
        hits = self.lookup(key) or self.lookup(strip_region_words(key)) or self.lookup(
            skeleton(strip_region_words(key)), level="skeleton")
        a = self._a
        best, best_rank = -1, None
        for rec, mtype in hits:
            k = int(a.kind[rec])
            if k not in (1, 2) or (level and k != KIND_CODES[level]):
                continue
            if cc and a.cc_codes[a.cc[rec]] != cc:
                continue
            rank = (mtype, -k)
            if best_rank is None or rank < best_rank:
                best, best_rank = rec, rank
        return best

    # -- records -> Place -------------------------------------------------------------------------
    def country_code(self, rec: int) -> str:
        return self._a.cc_codes[self._a.cc[rec]]

    def country_record(self, cc: str) -> int:
        """Record index of the country with ISO alpha-2 code ``cc``, or -1."""
        a = self._a
        if cc not in a.cc_codes:
            return -1
        hits = np.flatnonzero((a.kind == 3) & (a.cc == a.cc_codes.index(cc)))
        return int(hits[0]) if len(hits) else -1

    def admin_names(self, rec: int) -> tuple[str, str]:
        """``(admin1, admin2)`` names of a record (its own name for an admin record)."""
        a = self._a
        if rec in a.admin_text:
            return a.admin_text[rec]
        kind = int(a.kind[rec])
        if kind == 2:
            return a.names[rec], ""
        if kind == 3:
            return "", ""
        a1, a2 = int(a.a1[rec]), int(a.a2[rec])
        if kind == 1:
            return (a.names[a1] if a1 >= 0 else ""), a.names[rec]
        return (a.names[a1] if a1 >= 0 else ""), (a.names[a2] if a2 >= 0 else "")

    def place(self, rec: int, *, score: float = 1.0, why: str = "") -> Place:
        """Build the :class:`~geokit.models.Place` for record ``rec``."""
        a = self._a
        admin1, admin2 = self.admin_names(rec)
        gid = int(a.gid[rec])
        src = int(a.source[rec])
        raw = {
            "record": rec, "geonameid": gid, "name": a.names[rec],
            "country_code": self.country_code(rec), "admin1": admin1, "admin2": admin2,
            "population": int(a.pop[rec]), "lat": float(a.lat[rec]), "lon": float(a.lon[rec]),
            "kind": _KIND_NAMES[int(a.kind[rec])],
        }
        lat, lon = float(a.lat[rec]), float(a.lon[rec])
        if a.kind.item(rec) >= KIND_CODES["admin1"]:  # countries and regions: one point each
            lat, lon = reference_point(self, rec)
        source = self.layers[src] if src < len(self.layers) else "user"
        precision = _KIND_PRECISION[int(a.kind[rec])]
        j = self.codifier.settlement(rec) if self.codifier is not None and src == 0 else -1
        if j >= 0:
            raw.update(self.codifier.raw(j))
            precision = self.codifier.precision(rec)
            if rec >= self.codifier.first:
                source = "katottg"
        return Place(
            name=a.names[rec], lat=lat, lon=lon,
            kind=_KIND_NAMES[int(a.kind[rec])], country_code=self.country_code(rec),
            admin1=admin1, admin2=admin2, geonameid=gid if gid >= 0 else None,
            population=int(a.pop[rec]), score=round(float(score), 4), why=why,
            source=source, precision=precision, raw=raw,
        )

    def nearest(self, lat: float, lon: float, *, kind: str = "populated_place") -> int:
        """Record index of the nearest place of ``kind`` to a point (haversine)."""
        a = self._a
        mask = a.kind == KIND_CODES[kind]
        if not hasattr(self, "_near_cache") or self._near_cache[0] != kind or len(
                self._near_cache[1]) != len(a.gid):
            self._near_cache = (kind, mask, np.flatnonzero(mask),
                                np.radians(a.lat[mask]), np.radians(a.lon[mask]))
        _, _, recs, plat, plon = self._near_cache
        la, lo = math.radians(lat), math.radians(lon)
        h = (np.sin((plat - la) / 2) ** 2
             + math.cos(la) * np.cos(plat) * np.sin((plon - lo) / 2) ** 2)
        return int(recs[int(np.nanargmin(h))])

    def info(self) -> dict[str, Any]:
        """Counts per layer and kind (what ``geokit gazetteer info`` prints)."""
        a = self._a
        out: dict[str, Any] = {}
        for no, label in enumerate(self.layers):
            sel = a.source == no
            out[label] = {k: int(((a.kind == c) & sel).sum()) for k, c in KIND_CODES.items()}
        return out

    # -- convenience: the geocoder API on this gazetteer ---------------------------------------
    # The geocoder sits one stage up (geokit.geocoding) and registers its functions here when
    # it is imported (``import geokit`` does), so this stage never imports that one.
    def geocode(self, query, **hints) -> Place | None:
        """:func:`geokit.geocode` on this gazetteer."""
        return _geocoder("geocode")(query, gazetteer=self, **hints)

    def candidates(self, query, *, limit: int = 10, **hints) -> list[Place]:
        """:func:`geokit.candidates` on this gazetteer."""
        return _geocoder("candidates")(query, limit=limit, gazetteer=self, **hints)

    def geocode_many(self, values, **hints):
        """:func:`geokit.geocode_many` on this gazetteer."""
        return _geocoder("geocode_many")(values, gazetteer=self, **hints)

    def reverse(self, lat: float, lon: float) -> Place:
        """:func:`geokit.reverse` on this gazetteer."""
        return _geocoder("reverse")(lat, lon, gazetteer=self)


_GEOCODER: dict[str, Any] = {}


def register_geocoder(**functions: Any) -> None:
    """Plug the geocoding functions into :class:`Gazetteer`'s convenience methods."""
    _GEOCODER.update(functions)


def _geocoder(name: str):
    if name not in _GEOCODER:
        _lazy.demand("geokit.geocoding")  # the package root imports the geocoder lazily
    try:
        return _GEOCODER[name]
    except KeyError:
        raise RuntimeError("the geocoder is not loaded; `import geokit` first") from None


_KIND_NAMES = {v: k for k, v in KIND_CODES.items()}
#: Place.precision of a record's own point, by kind code.
_KIND_PRECISION = {0: "settlement", 1: "admin2", 2: "admin1", 3: "country"}


_default: Gazetteer | None = None
_default_lock = threading.Lock()


def default() -> Gazetteer:
    """The process-wide gazetteer (bundled data plus saved user layers), loaded once.

    Thread-safe; :func:`reset_default` makes the next call load it again.

    Returns
    -------
    Gazetteer
        The same object on every call.

    Raises
    ------
    DataMissingError
        When the bundled gazetteer data files are missing from the installation.
    InputFileError
        When a saved user layer can no longer be read.

    Examples
    --------
    >>> default() is default()
    True
    >>> default().geocode("Sudzha").country_code
    'RU'
    """
    global _default
    with _default_lock:
        if _default is None:
            _default = Gazetteer.load()
        return _default


def reset_default() -> None:
    """Forget the loaded default gazetteer (after adding a layer with the CLI, say)."""
    global _default
    with _default_lock:
        _default = None


# -- country names and codes -> ISO 3166-1 alpha-2: the one resolver every module uses -------
_COUNTRY = 3  # kind code of a country record
#: Minimum similarity (0-100) for a misspelt country name ("Ukriane") to count.
_FUZZY_CUTOFF = 90.0


def country_code(value: object, gazetteer: Gazetteer | None = None, *, loose: bool = False
                 ) -> str | None:
    """The ISO alpha-2 code a country name or code stands for, or ``None``.

    Parameters
    ----------
    value : str
        ``"UA"``, ``"ua"``, ``"Ukraine"``, ``"Україна"``, ``"Russian Federation"`` ...
        Anything that is not text gives ``None``.
    gazetteer : Gazetteer, optional
        Whose country records to use; defaults to :func:`geokit.gazetteer.default`.
    loose : bool
        Also accept spelling variants and close misspellings of a country name (for columns
        typed by hand). Off by default: a hint must name a country exactly.

    Returns
    -------
    str or None
        Upper-case ISO 3166-1 alpha-2 code, or ``None`` when no country has that name.

    Examples
    --------
    >>> country_code("Ukraine"), country_code("ru"), country_code("Atlantis")
    ('UA', 'RU', None)
    """
    if not isinstance(value, str):
        return None
    v = value.strip()
    if not v:
        return None
    gaz = gazetteer if gazetteer is not None else default()
    if len(v) == 2 and v.isalpha():
        code = v.upper()
        return code if code in gaz._a.cc_codes else None
    key = normalize(v)
    if not key:
        return None
    kind = gaz._a.kind
    for rec, _t in gaz.lookup(key):
        if kind[rec] == _COUNTRY:
            return gaz.country_code(rec)
    if not loose:
        return None
    for rec, _t in gaz.lookup(skeleton(key), level="skeleton"):
        if kind[rec] == _COUNTRY:
            return gaz.country_code(rec)
    if len(key) >= 5:
        for rec, _score in gaz.fuzzy_region(key, cutoff=_FUZZY_CUTOFF):
            if kind[rec] == _COUNTRY:
                return gaz.country_code(rec)
    return None
