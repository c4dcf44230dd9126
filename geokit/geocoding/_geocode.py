"""Ranking gazetteer candidates: ``geocode``, ``candidates``, ``geocode_many``, ``reverse``.

How a query is read (:mod:`geokit.geocoding._query`)
----------------------------------------------------
``"Sudzha, Kursk Oblast"`` -> the name ``Sudzha`` with context ``Kursk Oblast``; context parts
(and the ``country``/``admin1``/``admin2`` hints) are resolved to regions and countries first and
then favour candidates inside them. A region word (``region``, ``oblast``, ``raion``, ``область``)
asks for a region rather than a town. Leading noise such as ``near`` or ``village of`` is dropped.

Candidates come from exact names (GeoNames names, alternate names and generated romanisations),
then from phonetic skeletons, then from fuzzy matching for typos. Each is scored from the quality
of its name match, its population, its kind and its agreement with the hints; scores are turned
into confidences that sum to at most 1 across candidates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from .. import _lazy
from .. import gazetteer as _gaz
from .._config import options
from .._geo import CRS, haversine_km, points_from_latlon
from .._progress import progress_iter
from ..errors import GeokitTypeError, GeokitValueError
from ..gazetteer._names import normalize, skeleton
from ..models import KINDS, Place, Results
from . import _settlements as _settle
from ._query import (
    _NOISE_RE,
    _SPLIT_RE,
    _check_kind,
    _check_near,
    _clean_query,
    _Context,
    _resolve_context,
    _spelling_variants,
)
from .online import OnlineGeocoder

gpd = _lazy.module("geopandas")  # tables only: geocode() needs neither
pd = _lazy.module("pandas")

__all__ = ["geocode", "candidates", "geocode_many", "reverse", "STATUSES"]

#: Values of the ``status`` column of :func:`geocode_many`.
STATUSES = ("resolved", "ambiguous", "approximate", "unresolved")
_MATCH_QUALITY = (1.0, 0.96, 0.94, 0.9)  # name, alternate, romanisation, region base name


# -- scoring --------------------------------------------------------------------------------------
def _gather(gaz, key: str, region: str | None, countries: frozenset = frozenset()
            ) -> list[tuple[int, float, str]]:
    """Raw candidates ``(record, name-match quality, how)`` for a normalised key."""
    out: dict[int, tuple[float, str]] = {}

    def keep(rec, q, how):
        if rec not in out or out[rec][0] < q:
            out[rec] = (q, how)

    keys = [key]
    if region:
        base = _gaz.strip_region_words(key)
        if base and base != key:
            keys.append(base)
    for n, k in enumerate(keys):
        for rec, mtype in gaz.lookup(k):
            # the name without its region word ranks below a match of the whole query
            q = _MATCH_QUALITY[mtype] if n == 0 else min(_MATCH_QUALITY[mtype], 0.9)
            keep(rec, q, _gaz.MATCH_TYPES[mtype] if n == 0 else "region base name")
    for k in keys:
        for rec, mtype in gaz.lookup(skeleton(k), level="skel"):
            keep(rec, 0.82 * _MATCH_QUALITY[mtype], "spelling variant")
    if not any(not countries or gaz.country_code(r) in countries for r in out):
        # nothing as written (in the countries asked for): other ways of writing the name
        keys = keys + _spelling_variants(key)
        for k in keys[1:]:
            for rec, mtype in gaz.lookup(k) + gaz.lookup(skeleton(k), level="skel"):
                keep(rec, 0.82 * _MATCH_QUALITY[mtype], "spelling variant")
    if not out and len(key) >= 4:
        for k in keys:
            for rec, score in gaz.fuzzy(k, limit=25, cutoff=84.0 if len(k) > 6 else 90.0):
                keep(rec, 0.75 * score / 100.0, f"close spelling ({score:.0f}%)")
    return [(r, q, how) for r, (q, how) in out.items()]


_REGION_BONUS = {  # (region word in query, kind code) -> bonus; kind codes: 0 town .. 3 country
    "admin1": {0: -4.0, 1: 3.0, 2: 5.0, 3: 0.0},
    "admin2": {0: -4.0, 1: 5.0, 2: 2.0, 3: 0.0},
    # without a region word a bare name means the town ("Kursk": population decides), an oblast
    # when no town fits; districts named after their centre rarely stand for a bare name
    None: {0: 0.0, 1: -0.5, 2: 1.5, 3: 0.0},
}


class _Why:
    """Why a candidate ranked where it did; formatted only for the candidates shown."""

    __slots__ = ("how", "kind", "pop", "region", "notes", "other_name")

    def __init__(self, how: str, kind: int, pop: int, region: bool):
        self.how, self.kind, self.pop, self.region = how, kind, pop, region
        self.notes: list[str] = []
        self.other_name = False  # matched only through an alias unlike its own name

    def text(self) -> str:
        out = f"{self.how} match; {KINDS[self.kind].replace('_', ' ')}"
        if self.pop:
            out += f", population {self.pop:,}"
        for note in self.notes:
            out += f"; {note}"
        if self.region:
            out += "; query names a region"
        return out


def _rank(gaz, cands, ctx: _Context, region: str | None, kind: str | None, key: str = ""):
    """Score candidates; return ``[(record, confidence, why)]`` best first.

    Scores are log-odds style sums (name match, population, kind, agreement with hints);
    plain Python, since a query rarely has more than a few dozen candidates.
    """
    a = gaz._a
    # a record without coordinates (a few GeoNames entities) is no answer
    cands = [c for c in cands if not math.isnan(a.lat.item(c[0]))]
    if ctx.countries:  # a stated country rules out namesakes abroad
        cands = [c for c in cands if gaz.country_code(c[0]) in ctx.countries]
    if not cands:
        return []
    want_kind = _gaz.KIND_CODES[kind] if kind else None
    region_bonus = _REGION_BONUS[region]
    hint1 = set(ctx.admin1) | {int(a.a1[r]) for r in ctx.admin2}
    scored = []
    kind_of, pop_of, a1_of, a2_of = a.kind.item, a.pop.item, a.a1.item, a.a2.item
    for rec, q, how in cands:
        k = kind_of(rec)
        pop = pop_of(rec)
        s = 6.0 * math.log(q) + 0.45 * math.log10(pop + 10.0)  # bigger places are named more
        s += region_bonus[k] + (4.0 if k == 3 else 0.0)
        if want_kind is not None:
            s += 4.0 if k == want_kind else -4.0
        if a.source.item(rec) > 0:
            s += 3.0  # user layers win over bundled data
        why = _Why(how, k, pop, bool(region) and k in (1, 2))
        if ctx.countries:
            s += 3.0
        if ctx.admin1:
            own1 = rec if k == 2 else a1_of(rec)
            if own1 in hint1:
                s += 4.0
                why.notes.append("in the given region")
            else:
                s -= 2.0
        if ctx.admin2:
            own2 = rec if k == 1 else a2_of(rec)
            if own2 in ctx.admin2:
                s += 3.0
                why.notes.append("in the given district")
        lat, lon = a.lat.item(rec), a.lon.item(rec)
        if ctx.near is not None:
            d = float(haversine_km(ctx.near[0], ctx.near[1], lat, lon))
            s -= 1.2 * math.log1p(d / 50.0)
        scored.append((s, rec, q, why))
    if key and (ctx.admin1 or ctx.admin2):
        scored = _settle.demote_other_names(gaz, scored, lambda r: _inside(a, r, ctx), key)
    scored.sort(key=lambda t: -t[0])
    top = scored[0][0]
    weights = [math.exp(t[0] - top) for t in scored]
    total = sum(weights)
    return [(rec, w / total * min(1.0, q / 0.9), why)
            for w, (_s, rec, q, why) in zip(weights, scored, strict=True)]


def _candidates(gaz, query, *, country=None, admin1=None, admin2=None, near=None, kind=None):
    """Ranked ``[(record, conf, why)]``, the context, and a reason when empty."""
    text, reason = _clean_query(query)
    if text is None:
        return [], _Context(), reason
    kind = _check_kind(kind)
    near = _check_near(near)
    parts = [p for p in _SPLIT_RE.split(text) if p.strip()]
    if not parts:
        return [], _Context(), "query has no name in it"
    main = _NOISE_RE.sub("", normalize(parts[0])).strip()
    ctx = _resolve_context(gaz, parts[1:], country, admin1, admin2, near)
    if not main:
        return [], ctx, "query has no name in it"
    region = _gaz.region_level(main)
    raw = _gather(gaz, main, region, ctx.countries)
    code = parts[0].strip()
    if len(code) == 2 and code.isupper() and kind in (None, "country"):
        # "UA", "RU": an upper-case ISO 3166 code is the country, not a town with that alias
        rec = gaz.country_record(code)
        if rec >= 0:
            raw = [(rec, 1.0, "ISO 3166 country code")] + [c for c in raw if c[0] != rec]
            if kind is None:
                raw = [raw[0]] + [(r, q * 0.8, how) for r, q, how in raw[1:]]
    ranked = _rank(gaz, raw, ctx, region, kind, main)
    if not ranked:
        return [], ctx, f"no place called {parts[0]!r} in the gazetteer"
    return ranked, ctx, ""


def candidates(query: Any, *, limit: int = 10, country: str | None = None,
               admin1: str | None = None, admin2: str | None = None,
               near: tuple[float, float] | Place | None = None, kind: str | None = None,
               gazetteer: _gaz.Gazetteer | None = None) -> list[Place]:
    """Ranked candidate places for a name, each with a ``score`` and ``why``.

    Parameters
    ----------
    query : str
        A place name in any common spelling, optionally followed by its region after a comma
        (``"Krasnopillia, Sumy"``). Non-text input gives an empty list.
    limit : int
        Maximum number of candidates.
    country : str, optional
        The country the place is expected to be in: an ISO alpha-2 code (``"UA"``) or a
        country name in any spelling the gazetteer knows (``"Ukraine"``, ``"Україна"``). A
        hint value, never a column name.
    admin1, admin2 : str, optional
        Region / district names that the place is expected to be in.
    near : (lat, lon) or Place, optional
        Favour candidates close to this point.
    kind : {"populated_place", "admin2", "admin1", "country"}, optional
        Favour this kind of place.
    gazetteer : Gazetteer, optional
        Defaults to :func:`geokit.gazetteer.default`.

    Returns
    -------
    list of Place
        Best first; ``score`` values sum to at most 1. Empty when nothing matches.

    Raises
    ------
    GeokitValueError
        ``limit`` is not a positive integer, ``kind`` is unknown, or ``near`` is out of
        range.
    GeokitTypeError
        ``near`` is not a pair or a Place, or a hint is not text.

    Examples
    --------
    >>> [p.admin1 for p in candidates("Krasnopillia, Sumy", limit=1)]
    ['Sumy Oblast']
    """
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise GeokitValueError(f"limit must be a positive integer, not {limit!r}")
    gaz = gazetteer if gazetteer is not None else _gaz.default()
    ranked, _ctx, _reason = _candidates(gaz, query, country=country, admin1=admin1,
                                        admin2=admin2, near=near, kind=kind)
    return Results(gaz.place(r, score=c, why=w.text()) for r, c, w in ranked[:limit])


def _inside(a, rec: int, ctx: _Context) -> bool:
    """Whether record ``rec`` lies in one of the context's regions (or is one of them)."""
    regions = set(ctx.admin1) | set(ctx.admin2)
    regions |= {int(a.a1[r]) for r in ctx.admin2 if a.a1[r] >= 0}
    return bool({int(a.a1[rec]), int(a.a2[rec]), rec} & regions)


_EXACT_HOW = tuple(_gaz.MATCH_TYPES[:3])


def _outside_but_unique(gaz, ranked, ctx: _Context):
    """A data-entry slip ("Kursk, Belgorod oblast"): when the name matches exactly one settlement
    in the country, and it is large or close to the named region, trust the name."""
    a = gaz._a
    exact = [c for c in ranked if c[2].how.startswith(_EXACT_HOW) and a.kind[c[0]] == 0
             and (not ctx.countries or gaz.country_code(c[0]) in ctx.countries)]
    if len(exact) != 1:
        return None
    rec = exact[0][0]
    region = ctx.named[-1]
    d = float(haversine_km(a.lat[rec], a.lon[rec], a.lat[region], a.lon[region]))
    return exact[0] if (a.pop[rec] >= 10_000 or d < 150) else None


def _decide(gaz, ranked, ctx: _Context, reason: str) -> tuple[Place | None, str, str]:
    """Pick the answer: ``(place, status, reason)``."""
    a = gaz._a
    if ranked:
        rec, conf, why = ranked[0]
        consistent = True
        if ctx.admin1 or ctx.admin2:
            consistent = _inside(a, rec, ctx)
        if not consistent and ctx.named:
            alt = _outside_but_unique(gaz, ranked, ctx)
            if alt is not None:
                rec, conf, why = alt
                text = why.text() + "; outside the given region (the only place of this name " \
                    "in the country): check the name or the region"
                return (gaz.place(rec, score=min(conf, _settle.SCORE_CLOSE), why=text),
                        "ambiguous", text)
        if consistent or not ctx.named:
            layer = a.source.item(rec)
            if layer > 0:  # the user's own rows: bundled namesakes do not make them ambiguous
                ranked = [c for c in ranked if a.source.item(c[0]) > 0]
            rec, score, status, text = _settle.judge(gaz, ranked, ctx,
                                                     lambda r: _inside(a, r, ctx))
            why = next((w for r, _c, w in ranked if r == rec), why)
            if layer > 0 and not text:
                text = f"from the user layer {gaz.layers[layer]!r}"
            note = why.text() + (f"; {text}" if text else "")
            return gaz.place(rec, score=score, why=note), status, text
        reason = "no place of that name inside the given region"
    if ctx.named:
        rec = ctx.named[-1]
        level = {1: "district", 2: "region", 3: "country"}.get(int(a.kind[rec]), "area")
        # say why the settlement itself was not used: unknown, or known only elsewhere
        why = f"{reason or 'settlement not in the gazetteer'}; placed at the centre of its {level}"
        return gaz.place(rec, score=0.3, why=why), "approximate", reason or why
    return None, "unresolved", reason


def namesake_places(query: Any, *, country: str | None = None, admin1: str | None = None,
                    admin2: str | None = None, gazetteer: _gaz.Gazetteer | None = None
                    ) -> list[Place]:
    """The places an ``ambiguous`` answer hesitates between (the namesakes its reason lists),
    best ranked first; empty when the query is not ambiguous between namesakes."""
    gaz = gazetteer if gazetteer is not None else _gaz.default()
    ranked, ctx, _reason = _candidates(gaz, query, country=country, admin1=admin1,
                                       admin2=admin2)
    if not ranked:
        return []
    a = gaz._a
    if (ctx.admin1 or ctx.admin2) and not _inside(a, ranked[0][0], ctx):
        return []
    if a.source.item(ranked[0][0]) > 0:
        ranked = [c for c in ranked if a.source.item(c[0]) > 0]
    ranked = _settle.hromada_first(gaz, ranked, ctx)
    if "close spelling" in ranked[0][2].how:
        return []
    peers = _settle.own_points_first(gaz, _settle.namesakes(gaz, ranked, ctx,
                                                            lambda r: _inside(a, r, ctx)))
    conf = {r: c for r, c, _w in ranked}
    return [gaz.place(r, score=conf[r]) for r in peers] if len(peers) > 1 else []


def geocode(query: Any, *, country: str | None = None, admin1: str | None = None,
            admin2: str | None = None, near: tuple[float, float] | Place | None = None,
            kind: str | None = None, gazetteer: _gaz.Gazetteer | None = None) -> Place | None:
    """The best place for a name, or ``None`` when nothing fits.

    When the settlement itself is unknown but its district or region is given, returns the
    region's place (``why`` says so), like ACLED's geo-precision 2/3. Use
    :func:`geocode_many` to also get a status and reason per query.

    Parameters
    ----------
    query : str
        A place name in any common spelling, optionally followed by its region after a comma
        (``"Sudzha, Kursk Oblast"``). Non-text input gives ``None``.
    country, admin1, admin2, near, kind, gazetteer
        As in :func:`candidates`: ``country`` is an ISO code or a country name (a hint
        value), ``admin1``/``admin2`` region and district names, ``near`` a (lat, lon) pair
        or Place, ``kind`` the preferred kind of place.

    Returns
    -------
    Place or None
        The best match; a country or region is at its one reference point (the same point
        :func:`geokit.extract_places` gives it). ``None`` when no place fits.

    Raises
    ------
    GeokitValueError
        ``kind`` is not one of the kinds above, or ``near`` is out of range.
    GeokitTypeError
        ``near`` is not a pair or a Place, or a hint is not text.

    Examples
    --------
    >>> geocode("Sudzha, Kursk Oblast").country_code
    'RU'
    >>> geocode("Kursk region").kind
    'admin1'
    """
    gaz = gazetteer if gazetteer is not None else _gaz.default()
    ranked, ctx, reason = _candidates(gaz, query, country=country, admin1=admin1,
                                      admin2=admin2, near=near, kind=kind)
    place, _status, _reason = _decide(gaz, ranked, ctx, reason)
    return place


GEOCODE_COLUMNS = ["query", "name", "lat", "lon", "kind", "country_code", "admin1", "admin2",
                   "geonameid", "population", "score", "status", "reason", "source", "precision"]


def _per_row(value, n: int, label: str) -> list:
    if value is None or isinstance(value, str):
        return [value] * n
    if isinstance(value, pd.Series | pd.Index | np.ndarray | list | tuple):
        seq = list(value)
        if len(seq) != n:
            raise GeokitValueError(f"{label} has {len(seq)} values but there are {n} queries")
        return [None if (isinstance(v, float) and math.isnan(v)) else v for v in seq]
    raise GeokitTypeError(f"{label} must be a string or one value per query, not {value!r}")


def _near_per_row(near, n: int) -> list:
    """One proximity hint per row from one ``(lat, lon)`` pair or a sequence of pairs."""
    if near is None:
        return [None] * n
    if isinstance(near, Place) or (isinstance(near, tuple | list) and len(near) == 2
                                   and all(isinstance(v, int | float) for v in near)):
        return [_check_near(near)] * n
    seq = _per_row(list(near) if not isinstance(near, list) else near, n, "near")
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else _check_near(v)
            for v in seq]


def geocode_many(values: Sequence[Any] | pd.Series | np.ndarray, *,
                 country: str | Sequence[str | None] | None = None,
                 admin1: str | Sequence[str | None] | None = None,
                 admin2: str | Sequence[str | None] | None = None, kind: str | None = None,
                 gazetteer: _gaz.Gazetteer | None = None, progress: bool | None = None,
                 online: bool | OnlineGeocoder | None = None,
                 near: Any = None) -> gpd.GeoDataFrame:
    """Geocode a column of names; one output row per input, in input order.

    Parameters
    ----------
    values : sequence of str (list, Series, array)
        Place names. Missing or non-text values come back ``unresolved`` with a reason.
    country, admin1, admin2 : str or sequence, optional
        Hint values (as in :func:`geocode`; ``country`` an ISO code or a name): one for all
        rows, or one per row. Never column names.
    near : (lat, lon) or sequence of (lat, lon) or None, optional
        A proximity hint for all rows, or one per row (None where there is none): among
        namesakes the one near it is chosen (see :func:`candidates`).
    kind : str, optional
        Preferred kind of place for all rows.
    progress : bool, optional
        Show a progress bar (default: :data:`geokit.options.progress`).
    gazetteer : Gazetteer, optional
        Defaults to :func:`geokit.gazetteer.default`.
    online : bool or geokit.geocoding.OnlineGeocoder, optional
        Ask an online geocoder (Nominatim by default) for names the gazetteer leaves
        unresolved or only approximate. Off unless given or :data:`geokit.options.online` is set.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``query, name, lat, lon, kind, country_code, admin1, admin2, geonameid,
        population, score, status, reason, source, precision`` and a point ``geometry``
        (EPSG:4326, empty where unresolved); ``status`` (:data:`STATUSES`) and ``score`` are
        explained in docs/geocoding.md; ``source`` is the layer (or online service) that placed
        the row, ``precision`` what the point stands for (``settlement``, ``hromada``...).

    Raises
    ------
    GeokitTypeError
        ``values`` is one string, a DataFrame or not a sequence; a hint has the wrong type.
    GeokitValueError
        A per-row hint has a different length from ``values``, or ``kind`` is unknown.

    Examples
    --------
    >>> table = geocode_many(["Sumy", "Kharkiv", "Nowhere-at-all"])
    >>> table["status"].tolist()
    ['resolved', 'resolved', 'unresolved']
    >>> bool(table.geometry.iloc[0].x == table.loc[0, "lon"])  # shapely order: x = lon
    True
    """
    if isinstance(values, str):
        raise GeokitTypeError("geocode_many takes a sequence of names; use geocode() for one name")
    if isinstance(values, pd.DataFrame):
        raise GeokitTypeError("geocode_many takes one column (a Series), not a DataFrame; "
                              "use geokit.geocode_events for tables")
    try:
        queries = list(values)
    except TypeError:
        raise GeokitTypeError(f"geocode_many needs a sequence of names, not {values!r}") from None
    _check_kind(kind)
    n = len(queries)
    gaz = gazetteer if gazetteer is not None else _gaz.default()
    hint_cols = [_per_row(country, n, "country"), _per_row(admin1, n, "admin1"),
                 _per_row(admin2, n, "admin2"), _near_per_row(near, n)]
    if any(h is not None for h in (country, admin1, admin2, near)):
        keys = pd.Series(["\x1e".join("" if v is None else str(v) for v in row)
                          for row in zip(queries, *hint_cols, strict=True)], dtype=object)
    else:
        keys = pd.Series([q if isinstance(q, str) else repr(q) for q in queries], dtype=object)
    codes, uniques = pd.factorize(keys)
    first = pd.Series(np.arange(n)).groupby(codes).first().to_numpy() if n else np.array([], int)
    rows = []
    show = options.progress if progress is None else progress
    fallback = _online_geocoder(online)
    for i in progress_iter(first, total=len(first), enabled=show, desc="geocoding"):
        ranked, ctx, reason = _candidates(gaz, queries[i], country=hint_cols[0][i],
                                          admin1=hint_cols[1][i], admin2=hint_cols[2][i],
                                          near=hint_cols[3][i], kind=kind)
        place, status, reason = _decide(gaz, ranked, ctx, reason)
        if fallback is not None and status in ("unresolved", "approximate"):
            text, _why = _clean_query(queries[i])
            if text:
                cc = next(iter(ctx.countries)) if len(ctx.countries) == 1 else None
                answer = fallback.lookup(text, cc)
                if answer.place is not None:
                    place, status, reason = answer.place, "resolved", "placed by the online geocoder"
                else:
                    reason = f"{reason}; {answer.reason}" if reason else answer.reason
        if place is None:
            rows.append((None, np.nan, np.nan, None, None, None, None, pd.NA, pd.NA, 0.0,
                         status, reason, None, None))
        else:
            rows.append((place.name, place.lat, place.lon, place.kind, place.country_code,
                         place.admin1, place.admin2,
                         place.geonameid if place.geonameid is not None else pd.NA,
                         place.population, place.score, status, reason, place.source,
                         place.precision or None))
    uniq = pd.DataFrame(rows, columns=GEOCODE_COLUMNS[1:])
    points = points_from_latlon(uniq["lat"], uniq["lon"])  # one point per distinct query
    out = uniq.iloc[codes].reset_index(drop=True) if n else uniq
    out.insert(0, "query", pd.Series(queries, dtype=object))
    out["geonameid"] = out["geonameid"].astype("Int64")
    out["population"] = out["population"].astype("Int64")
    out["score"] = out["score"].astype(float)
    return gpd.GeoDataFrame(out, geometry=points.take(codes) if n else points, crs=CRS)


def _online_geocoder(online):
    """The online fallback to use, or None (the default: nothing leaves the machine)."""
    if online is None:
        online = options.online
    if online is False:
        return None
    return online if isinstance(online, OnlineGeocoder) else OnlineGeocoder()


def reverse(lat: float, lon: float, *, gazetteer: _gaz.Gazetteer | None = None) -> Place:
    """The settlement nearest to a point, with its region and country.

    Parameters
    ----------
    lat, lon : float
        The point, in degrees (WGS84).
    gazetteer : Gazetteer, optional
        Defaults to :func:`geokit.gazetteer.default`.

    Returns
    -------
    Place
        The nearest populated place; ``why`` gives the distance.

    Raises
    ------
    GeokitTypeError
        ``lat``/``lon`` are not numbers.
    GeokitValueError
        The pair is outside -90..90 / -180..180 (``GeokitValueError`` is a ``ValueError``).

    Examples
    --------
    >>> reverse(51.19, 35.27).name
    'Sudzha'
    """
    try:
        la, lo = float(lat), float(lon)
    except (TypeError, ValueError):
        raise GeokitTypeError(f"reverse needs numeric lat, lon, not {lat!r}, {lon!r}") from None
    if not (-90 <= la <= 90 and -180 <= lo <= 180) or math.isnan(la) or math.isnan(lo):
        raise GeokitValueError(f"({lat}, {lon}) is not a valid latitude/longitude pair")
    gaz = gazetteer if gazetteer is not None else _gaz.default()
    rec = gaz.nearest(la, lo)
    d = float(haversine_km(la, lo, gaz._a.lat[rec], gaz._a.lon[rec]))
    return gaz.place(rec, score=1.0, why=f"nearest settlement, {d:.1f} km away")
