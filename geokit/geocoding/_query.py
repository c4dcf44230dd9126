"""Reading a query: cleaning it, splitting off its context, resolving hints to regions.

``"Sudzha, Kursk Oblast"`` -> the name ``Sudzha`` with context ``Kursk Oblast``; context parts
(and the ``country``/``admin1``/``admin2`` hints) are resolved to regions and countries first and
then favour candidates inside them. Leading noise such as ``near`` or ``village of`` is dropped.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import _lazy
from .. import gazetteer as _gaz
from ..errors import GeokitTypeError, GeokitValueError
from ..gazetteer import country_code as _country_code
from ..gazetteer._names import normalize, skeleton
from ..models import Place
from . import _settlements as _settle

pd = _lazy.module("pandas")

MAX_QUERY_CHARS = 256
_NOISE_RE = re.compile(
    r"^(?:(?:near|nr|outskirts of|outside|around|vicinity of|the|in|at|of|from|to|village of|"
    r"town of|city of|settlement of|village|town|city|settlement|vil|v|s|smt|selo|pgt|"
    r"urban type settlement|urban-type settlement|north of|south of|east of|west of|"
    r"northeast of|northwest of|southeast of|southwest of|n of|s of|e of|w of|"
    r"с|село|пгт|смт|г|м|місто|город|селище|поселок|посёлок)\s+)+"
)
_SPLIT_RE = re.compile(r"\s*[,;(]\s*|\s*\)\s*")

@dataclass(frozen=True)
class _Context:
    countries: frozenset[str] = frozenset()
    admin1: frozenset[int] = frozenset()
    admin2: frozenset[int] = frozenset()
    near: tuple[float, float] | None = None
    named: tuple[int, ...] = ()  # the most specific resolved context records, for "approximate"
    hromadas: frozenset[int] = frozenset()  # codifier hromadas named by a hint


# -- argument checking ---------------------------------------------------------------------------
def _check_kind(kind: str | None) -> str | None:
    if kind is None:
        return None
    if kind not in _gaz.KIND_CODES:
        raise GeokitValueError(f"kind={kind!r} is not valid; choose one of "
                               f"{', '.join(_gaz.KIND_CODES)}")
    return kind


def _check_near(near) -> tuple[float, float] | None:
    if near is None:
        return None
    if isinstance(near, Place):
        return (near.lat, near.lon)
    try:
        lat, lon = (float(v) for v in near)
    except (TypeError, ValueError):
        raise GeokitTypeError(f"near must be a (lat, lon) pair or a Place, not {near!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GeokitValueError(f"near=({lat}, {lon}) is not a valid (lat, lon) pair")
    return (lat, lon)


def _clean_query(query: Any) -> tuple[str | None, str]:
    """Return ``(clean text, reason)``; text is None when the query cannot be geocoded."""
    if query is None:
        return None, "empty query (None)"
    if isinstance(query, float) and math.isnan(query):
        return None, "empty query (NaN)"
    if _lazy.loaded("pandas") and (query is pd.NA or query is pd.NaT):
        return None, "empty query (missing value)"
    if isinstance(query, bytes):
        try:
            query = query.decode("utf-8")
        except UnicodeDecodeError:
            return None, "query is bytes that are not UTF-8 text"
    if not isinstance(query, str):
        return None, f"query is a {type(query).__name__}, not text"
    text = re.sub(r"[\x00-\x1f\x7f]", " ", query).strip()
    if not text:
        return None, "empty query"
    if len(text) > MAX_QUERY_CHARS:
        return None, f"query is {len(text)} characters long; place names are under {MAX_QUERY_CHARS}"
    return text, ""


# -- context --------------------------------------------------------------------------------------
def _resolve_context(gaz, parts: Sequence[str], country, admin1, admin2, near) -> _Context:
    countries: set[str] = set()
    a1s: set[int] = set()
    a2s: set[int] = set()
    named: list[int] = []
    hromadas: set[int] = set()
    for value, level in ((country, "country"), (admin1, "admin1"), (admin2, "admin2")):
        if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
            continue
        if not isinstance(value, str):
            raise GeokitTypeError(f"{level} hint must be a string, not {value!r}")
        if level == "country":
            cc = _country_code(value, gaz)
            if cc:
                countries.add(cc)
            continue
        parts = [*parts, value]
    a = gaz._a
    for part in parts:
        key = normalize(part)
        if not key:
            continue
        cc = _country_code(part, gaz)
        if cc:
            countries.add(cc)
            continue
        base = _gaz.strip_region_words(key)
        hits = gaz.lookup(key) or gaz.lookup(base) or gaz.lookup(skeleton(base), level="skel")
        admins = [r for r, _ in hits if a.kind[r] in (1, 2)]
        if not hits and len(base) >= 5:  # a misspelt region ("Belogrod Oblast")
            hits = [(r, 0) for r, _sc in gaz.fuzzy_region(base)]
            admins = [r for r, _ in hits if a.kind[r] in (1, 2)]
        level = _gaz.region_level(key)
        want = 1 if level == "admin2" else 2  # a bare region name means the oblast, not a raion
        if any(a.kind[r] == want for r in admins):
            admins = [r for r in admins if a.kind[r] == want]
        if countries:  # a stated country rules out regions abroad
            admins = [r for r in admins if gaz.country_code(r) in countries]
        if admins:
            for r in admins:
                (a1s if a.kind[r] == 2 else a2s).add(r)
            best = min(admins, key=lambda r: -a.kind[r])
            named.append(best)
            continue
        towns = sorted((r for r, _ in hits if a.kind[r] == 0
                        and (not countries or gaz.country_code(r) in countries)),
                       key=lambda r: -a.pop[r])
        if towns:  # "Krasnopillia, Sumy": a city as context stands for its regions
            t = towns[0]
            if a.a1[t] >= 0:
                a1s.add(int(a.a1[t]))
            if a.a2[t] >= 0:
                a2s.add(int(a.a2[t]))
            if near is None:
                near = (float(a.lat[t]), float(a.lon[t]))
            continue
        # a hromada, or a pre-2020 raion named after its centre town ("Derhachivskyi")
        units = _settle.district_units(gaz, part, a1s)
        if len(units) == 1 or (units and "hromad" in key):
            hromadas.update(u for u in units if gaz.codifier.unit_cats[u] == "H")
            pt = _settle.unit_point(gaz, units[0])
            if near is None and pt is not None and len(units) == 1:
                near = pt
    for r in list(a1s) + list(a2s):
        countries.add(gaz.country_code(r))
    if not named and len(countries) == 1:
        cc = next(iter(countries))
        rec = gaz.country_record(cc)
        named = [rec] if rec >= 0 else named
    if hromadas and "hromad" not in " ".join(normalize(p) for p in parts):
        hromadas = set()  # a former raion is larger than the hromada: only its centre counts
    return _Context(frozenset(countries), frozenset(a1s), frozenset(a2s), near, tuple(named),
                    frozenset(hromadas))


# -- respellings -----------------------------------------------------------------------------------
#: Query spellings that differ from every key the gazetteer holds in a regular way, tried only
#: when a name matches nothing as written: English words for the adjectives that begin many
#: names ("New Korotich" for Novyi Korotych), "sch" for the letter shch (German and Polish
#: habit: "Moschun"), and the Russian-language endings of Ukrainian names (the inverse of the
#: build's Ukrainian -> Russian rules: Rabotino -> Rabotyne, Yasinovataya -> Yasinovata,
#: Blagodatnoye -> Blagodatne), after which the skeleton and typo searches do the rest.
_ENGLISH_PREFIXES = {
    "new": ("novyi", "nova", "nove"),
    "old": ("staryi", "stara", "stare"),
    "great": ("velykyi", "velyka", "velyke"),
    "big": ("velykyi", "velyka", "velyke"),
    "little": ("malyi", "mala", "male"),
    "small": ("malyi", "mala", "male"),
    "upper": ("verkhnii", "verkhnia", "verkhnie"),
    "lower": ("nyzhnii", "nyzhnia", "nyzhnie"),
}
_RUSSIAN_ENDINGS = (
    ("skoye", "ske"), ("skoe", "ske"), ("tskoye", "tske"), ("tskoe", "tske"),
    ("oye", "e"), ("oe", "e"), ("aya", "a"), ("yaya", "ia"), ("ino", "yne"), ("ovo", "ove"),
    ("evo", "eve"), ("yevka", "ivka"), ("eevka", "iivka"), ("evka", "ivka"), ("ovka", "ivka"),
)


def _spelling_variants(key: str) -> list[str]:
    """Other spellings of a normalised query key (see :data:`_RUSSIAN_ENDINGS`)."""
    words = key.split()
    if not words:
        return []
    heads = [[w] for w in words]
    heads[0] = [words[0], *_ENGLISH_PREFIXES.get(words[0], ())]
    for n, w in enumerate(words):
        for old, new in sorted(_RUSSIAN_ENDINGS, key=lambda e: -len(e[0])):
            if w.endswith(old) and len(w) > len(old) + 2:
                heads[n].append(w[: -len(old)] + new)
                break
    out = {" ".join(combo) for combo in itertools.product(*heads)}
    out |= {k.replace("sch", "shch") for k in out if "sch" in k and "shch" not in k}
    out.discard(key)
    return sorted(out)
