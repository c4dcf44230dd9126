"""Place mentions in text (geoparsing): find candidate spans, then resolve them together.

The pipeline is pure Python over the bundled gazetteer:

1. **Spans** — runs of capitalised words (Latin or Cyrillic, with hyphens and apostrophes, up to
   four words, joined by ``of``/``de``/``upon``...), and region forms ``the Kursk region``.
   Inside a run the longest sub-runs that are gazetteer names are kept; inflected Russian and
   Ukrainian forms ("Курска", "у Києві", "Курской области") are mapped to the dictionary form
   (:mod:`geokit.text._cyrillic`).
2. **Filters** — stop words (function words, months, weekdays, titles), people (a run that starts
   with a title or a common first name and is not itself a place: "Vladimir Putin", "Marco Rubio";
   their surnames are then skipped in the rest of the document; common surnames from the US
   Census lists need a place cue), organisations ("Kyiv University" is no mention, though a
   country, region or large city at its head is: "Kyiv"), demonyms ("Russian forces", which bias the country instead), and words that are
   also places ("Reading", "Nice") unless they follow "in", "near", "to"... mid-sentence.
   Hyphenated words that are no name as a whole give their major parts ("London-based").
3. **Resolution with document context** — each name's candidates are scored from population,
   kind and name match, then re-scored in two passes: countries named in the text (or implied by
   demonyms) pull candidates inside them, places that co-occur pull each other (same region,
   short distance), ``Name, Region`` qualifies the name, ``the X region`` asks for a region, and
   one name resolves the same way throughout the document.
"""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable

from .. import gazetteer as _gaz
from .._geo import haversine_km
from ..errors import GeokitTypeError
from ..gazetteer._points import _points, area_population, is_capital, place_of, world_region_point
from ..geocoding._geocode import _candidates
from ..models import Mention, Place, Results
from ._lexicon import (
    CONTEXT_REGIONS,
    CONTINENTS,
    COUNTRY_ALIASES,
    DEMONYMS,
    NAMED_AREAS,
    REGION_ABBREVIATIONS,
    REGION_SUFFIXES,
    WORLD_REGIONS,
)
from ._spans import (
    _EVENT_VERBS,
    _PREP_BEFORE,
    _Doc,
    _memo,
    _Span,
    _strip_possessive,
    normalize,
    spelled_out,
    without_codes,
)
from ._spans import lookup as _lookup

__all__ = ["extract_places", "resolve_spans"]

_MATCH_Q = (1.0, 0.85, 0.8, 0.75)
_KIND_PRIOR = {0: 0.0, 1: -1.0, 2: 0.0, 3: 0.0}
#: Prominence of a record: log10 of its population, at least this much for regions and
#: countries (the gazetteer has no population for them), so that "California" or "Mexico"
#: mean the state and the country unless the text qualifies them.
_MIN_LOGPOP = {0: 0.0, 1: 0.0, 2: 5.5, 3: 8.0}
_POP_WEIGHT = 1.2
_REGION_KIND_PRIOR = {0: -5.0, 1: 3.0, 2: 5.0, 3: -2.0}
_MAX_CANDIDATES = 15
#: Share of a district's (kind 1) settled population counted as its prominence; regions keep
#: the floor above (their summed population would outweigh their capital: "Donetsk").
_AREA_POP_SHARE = {0: 1.0, 1: 1.0, 2: 0.0, 3: 0.0}
#: A district or region named like a town inside it loses this much ("Kursk" is the city).
_SEAT_PENALTY = 3.0
#: A town known under this name only as an alternate, abroad, loses this much.
_ALIAS_PENALTY = 2.5
#: A country's capital gains this much ("Paris", "Washington").
_CAPITAL_BONUS = 2.0
#: An area that holds a place qualified by it gains this much ("Tacoma, Washington").
_HOLDS_BONUS = 3.0
#: A place the text already names under another name gains this much.
_SAME_PLACE_BONUS = 2.0
#: A country the caller names outweighs population, capital status and most context.
_HINT_BONUS = 6.0


def _prior(gaz: _gaz.Gazetteer, span: _Span, fallback: bool = False
           ) -> list[tuple]:
    a = gaz._a
    best: dict[int, float] = {}
    if span.key in NAMED_AREAS:
        return []
    if span.key in REGION_ABBREVIATIONS and span.key not in COUNTRY_ALIASES:
        name, cc = REGION_ABBREVIATIONS[span.key]
        rec = gaz._find_admin(name, cc, "admin1")
        if rec >= 0 and (fallback or span.abbreviation):
            best[rec] = 20.0
    keys = [span.key]
    if span.suffix:
        keys.append(normalize(f"{span.key} {span.suffix}"))
    if span.region:
        base = _gaz.strip_region_words(span.key)
        if base and base != span.key:
            keys.append(base)
    area_pop = area_population(gaz)
    pts = _points(gaz)
    # (record, match type, own name?): the spelled-out form ("Saint Petersburg" for "St.
    # Petersburg") matches one step less well than the text's own form
    hits = [] if span.abbreviation else without_codes(
        [(r, t, t == 0) for key in keys for r, t in _lookup(gaz, key)], span.key, span.text)
    other = spelled_out(span.key)
    if other and not span.abbreviation:
        hits += [(r, min(t + 1, 3), t == 0) for r, t in _lookup(gaz, other)
                 if a.kind.item(r) == 0]  # towns only: "St. Thomas" is no Barbados parish
    # a town whose own name this is beats a town in another country that only has it among
    # its alternate names (translations such as Casablanca's "White House") unless that one is
    # far bigger
    named = {a.cc.item(rec) for rec, _t, own in hits if own and a.kind.item(rec) == 0}
    own_named = {rec for rec, _t, own in hits if own}
    for rec, mtype, _own in hits:
        k = int(a.kind[rec])
        if math.isnan(pts[rec][0] if rec in pts else a.lat.item(rec)):
            continue
        pop = float(a.pop[rec]) if k == 0 else area_pop.item(rec) * _AREA_POP_SHARE[k]
        s = 6.0 * math.log(_MATCH_Q[mtype]) + _POP_WEIGHT * max(
            math.log10(pop + 10.0), _MIN_LOGPOP[k])
        if named and rec not in own_named and k == 0 and a.cc.item(rec) not in named:
            s -= _ALIAS_PENALTY
        if k == 0 and rec in own_named and is_capital(gaz, rec):
            s += _CAPITAL_BONUS  # "Washington", "Paris", "Rome" mean the capital by default
        s += (_REGION_KIND_PRIOR if span.region else _KIND_PRIOR)[k]
        if int(a.source[rec]) > 0:
            s += 3.0
        if rec not in best or best[rec] < s:
            best[rec] = s
    if not span.region:
        # "Kursk", "New York": a district or region named like a town inside it means the town
        # unless the text says "region"
        towns = [r for r in best if a.kind.item(r) == 0]
        for rec in list(best):
            k = a.kind.item(rec)
            if k in (1, 2) and any((a.a1.item(t) if k == 2 else a.a2.item(t)) == rec
                                   for t in towns):
                best[rec] -= _SEAT_PENALTY
    if not best and fallback and span.key not in COUNTRY_ALIASES and span.key not in DEMONYMS:
        ranked, _ctx, _reason = _candidates(gaz, span.text)
        for rec, conf, _why in ranked[:10]:
            k = int(a.kind[rec])
            best[rec] = (math.log(max(conf, 1e-6)) + _KIND_PRIOR[k] + _POP_WEIGHT * max(
                math.log10(float(a.pop[rec]) + 10.0), _MIN_LOGPOP[k]))
    cc = COUNTRY_ALIASES.get(span.key) or (DEMONYMS.get(span.key) if fallback else None)
    if cc:
        rec = _country_rec(gaz, cc)
        if rec >= 0:
            best[rec] = max(best.values(), default=0.0) + 3.0
    ranked = sorted(best.items(), key=lambda t: -t[1])[:_MAX_CANDIDATES]
    out = []
    for rec, sc in ranked:
        k = int(a.kind[rec])
        out.append((rec, sc, gaz.country_code(rec), k, rec if k == 2 else int(a.a1[rec]),
                    int(a.a2[rec]), *(pts[rec] if rec in pts else (a.lat.item(rec),
                                                                   a.lon.item(rec)))))
    return out


def _country_rec(gaz: _gaz.Gazetteer, cc: str) -> int:
    memo = _memo(gaz, "country")
    rec = memo.get(cc)
    if rec is None:
        rec = memo[cc] = gaz.country_record(cc)
    return rec


_EMPTY: Counter = Counter()


def _resolve(gaz: _gaz.Gazetteer, spans: list[_Span], demonyms: Counter[str],
             country: str | None, admin1_rec: int, fallback: bool = False
             ) -> list[tuple[int, float, list[int]]]:
    """Pick a record per span: ``(record or -1, confidence, alternative records)``."""
    a = gaz._a
    cache = _memo(gaz, "prior")
    for sp in spans:
        ck = (sp.key, sp.region, fallback, sp.abbreviation)
        if ck not in cache:
            cache[ck] = _prior(gaz, sp, fallback)
        sp.cands = cache[ck]
    choice = [sp.cands[0][0] if sp.cands else -1 for sp in spans]
    kind_of, a1_of = a.kind.item, a.a1.item
    # "Tacoma, Washington": the qualifying name prefers an area that holds the qualified one
    holds: dict[int, set[tuple[int, object]]] = {}
    for sp in spans:
        if sp.qualifier >= 0:
            holds[sp.qualifier] = {(k, x) for _r, _s, cc, k, a1, a2, _y, _x in sp.cands
                                   for k, x in ((3, cc), (2, a1), (1, a2))}
    for rnd in range(2):
        # evidence from every name, kept per name so that a name does not vote for itself
        countries: Counter[str] = Counter()
        admin1s: Counter[int] = Counter()
        own_cc: defaultdict[str, Counter[str]] = defaultdict(Counter)
        own_a1: defaultdict[str, Counter[int]] = defaultdict(Counter)
        points: Counter[tuple[str, float, float]] = Counter()
        if rnd == 0:
            # first round: every likely sense of the other names counts as nearby evidence,
            # by its share of the prior, so that namesakes that lie together (Edmonton and
            # Enfield in London) can find each other before any is chosen
            for sp in spans:
                if not sp.cands:
                    continue
                top = sp.cands[0][1]
                shares = [math.exp(c[1] - top) for c in sp.cands]
                total = sum(shares)
                for c, sh in zip(sp.cands, shares, strict=True):
                    if c[3] < 2 and sh / total >= 0.05:
                        points[(sp.key, c[6], c[7])] += sh / total
        named_by: dict[int, set[str]] = {}  # record -> the names chosen for it
        for sp, rec in zip(spans, choice, strict=True):
            if rec < 0:
                continue
            named_by.setdefault(rec, set()).add(sp.key)
            cc = gaz.country_code(rec)
            k = kind_of(rec)
            w = 2 if k == 3 else 1
            countries[cc] += w
            own_cc[sp.key][cc] += w
            a1 = rec if k == 2 else a1_of(rec)
            if a1 >= 0:
                admin1s[a1] += 1
                own_a1[sp.key][a1] += 1
            if k < 2 and rnd > 0:
                points[(sp.key, a.lat.item(rec), a.lon.item(rec))] += 1
        for cc, n in demonyms.items():
            countries[cc] += 0.5 * n
        # the points sorted by latitude, so that each candidate looks only at its own band
        near_pts = sorted((y, x, key, times) for (key, y, x), times in points.items())
        near_lat = [p[0] for p in near_pts]
        by_key: dict[tuple[str, bool, str], tuple[int, float, list[int]]] = {}
        out: list = [None] * len(spans)
        # one sense per name per document: a qualified occurrence ("Paris, Missouri") is
        # resolved first and the plain ones ("Paris") follow it; a qualifying one ("Utah" in
        # "Price, Utah") is resolved on its own
        for n in sorted(range(len(spans)), key=lambda n: spans[n].qualifier < 0):
            sp = spans[n]
            inner = holds.get(n)
            role = "q" if sp.qualifier >= 0 else "h" if inner is not None else ""
            ck = (sp.key, sp.region, role)
            if not role and (sp.key, sp.region, "q") in by_key:
                ck = (sp.key, sp.region, "q")
            if ck in by_key:
                out[n] = by_key[ck]
                continue
            scored = []
            qual = choice[sp.qualifier] if sp.qualifier >= 0 else -1
            mine_cc = own_cc.get(sp.key, _EMPTY)
            mine_a1 = own_a1.get(sp.key, _EMPTY)
            total = (sum(countries.values()) - sum(mine_cc.values())) or 1.0
            for rec, s, cc, k, a1, a2, lat, lon in sp.cands:
                own = countries[cc] - mine_cc[cc]
                s += 3.0 * own / total + (1.0 if own > 0 else 0.0)
                if country and cc == country:
                    s += _HINT_BONUS
                if admin1_rec >= 0 and a1 == admin1_rec:
                    s += 4.0
                if a1 >= 0 and admin1s[a1] - mine_a1[a1] > 0:
                    s += 1.5
                if k < 2 and near_pts:
                    # places within ~150 km (equirectangular distance is close enough here)
                    coslat = math.cos(math.radians(lat))
                    near = 0
                    for i in range(bisect_right(near_lat, lat - 1.4),
                                   bisect_left(near_lat, lat + 1.4)):
                        y, x, key, times = near_pts[i]
                        if key != sp.key:
                            dy = y - lat
                            dx = ((x - lon + 180.0) % 360.0 - 180.0) * coslat
                            if dx * dx + dy * dy < 1.82:  # (150 km / 111.2 km)^2
                                near += times
                    s += 1.0 * math.log1p(near)
                if inner and k > 0 and (k, cc if k == 3 else rec) in inner:
                    s += _HOLDS_BONUS
                names = named_by.get(rec)
                if names and (len(names) > 1 or sp.key not in names):
                    # the text already names this very place another way ("Wash." for the
                    # state, "Kiev" for Kyiv)
                    s += _SAME_PLACE_BONUS
                if qual >= 0:
                    qk = int(a.kind[qual])
                    if (qk == 3 and cc == gaz.country_code(qual)) or (
                            qk == 2 and a1 == qual) or (qk == 1 and a2 == qual):
                        s += 6.0
                scored.append((s, rec))
            if not scored:
                res = (-1, 0.0, [])
            else:
                scored.sort(key=lambda t: -t[0])
                top = scored[0][0]
                w = [math.exp(t[0] - top) for t in scored]
                res = (scored[0][1], 1.0 / sum(w), [r for _, r in scored[1:4]])
            by_key[ck] = res
            out[n] = res
        new_choice = [r[0] for r in out]
        if new_choice == choice:
            break  # the context no longer changes any answer
        choice = new_choice
    return out


def extract_places(text: str, *, country: str | None = None, admin1: str | None = None,
                   gazetteer: _gaz.Gazetteer | None = None) -> list[Mention]:
    """Find and resolve the place names in a text.

    Parameters
    ----------
    text : str
        Any text (news article, report). Offsets in the result index into it.
    country : str, optional
        ISO alpha-2 code or country name the text is mostly about (a hint, not a filter).
    admin1 : str, optional
        Region the text is mostly about (a hint).
    gazetteer : Gazetteer, optional
        Defaults to :func:`geokit.gazetteer.default`.

    Returns
    -------
    list of Mention
        In text order; ``text[m.start:m.end] == m.text``. ``place`` is the chosen
        :class:`~geokit.models.Place` and ``alternatives`` up to three runners-up; ``place`` is
        None for a street in Ukrainian or Russian text ("вул. Горького"), which the gazetteer
        does not hold. Continents
        ("Africa", "Europe"), which the gazetteer lacks, come back as places of kind
        ``"continent"`` at GeoNames' representative points.

    Raises
    ------
    GeokitTypeError
        When ``text`` is not a string (also a ``TypeError``).

    Examples
    --------
    >>> ms = extract_places("Russian forces recaptured Sudzha in the Kursk region.")
    >>> [(m.text, m.place.country_code) for m in ms]
    [('Sudzha', 'RU'), ('Kursk', 'RU')]
    """
    if not isinstance(text, str):
        raise GeokitTypeError(f"text must be a str, not {type(text).__name__}")
    if not text.strip():
        return Results()
    gaz = gazetteer if gazetteer is not None else _gaz.default()
    doc = _Doc(text, gaz)
    spans = doc.find()
    if not spans:
        return Results()
    cc, a1 = _hints(gaz, country, admin1)
    resolved = _resolve(gaz, spans, doc.demonym_cc, cc, a1)
    keep = _supported(gaz, doc, spans, resolved, cc)
    return Results(_mentions(gaz, [sp for sp, k in zip(spans, keep, strict=True) if k],
                             [r for r, k in zip(resolved, keep, strict=True) if k]))


#: A single word that resolves to a town below this population needs support from the text.
SMALL_TOWN = 100_000


def _supported(gaz: _gaz.Gazetteer, doc: _Doc, spans: list[_Span], resolved,
               country: str | None) -> list[bool]:
    """Which mentions to keep. A lone capitalised word that names only a small town ("Wang",
    "Allen", "Salah") is more often a person or a brand than a place, so it is kept only with
    support: a locative cue ("in", "near", "from"...) before one of its occurrences, a
    qualifier ("Springfield, Illinois"), or another place of the text within 150 km or in the
    same first-level region."""
    a = gaz._a
    cue_keys = set()
    for sp in spans:
        head = doc.text[max(0, sp.start - 16):sp.start].split()
        if (head and head[-1].lower() in _PREP_BEFORE | _EVENT_VERBS) or sp.qualifier >= 0 \
                or sp.region or sp.cue:
            cue_keys.add(sp.key)
    hinted = {country} | {c for c, n in doc.demonym_cc.items() if n >= 1} | doc.language_cc
    chosen = [(sp.key, rec) for sp, (rec, _c, _a) in zip(spans, resolved, strict=True) if rec >= 0]
    keep = []
    for sp, (rec, _conf, _alts) in zip(spans, resolved, strict=True):
        if rec < 0 and sp.key not in NAMED_AREAS:
            # a span no record answers (its only names were codes); a street's name (empty
            # key: "вул. Горького") stays, unresolved
            keep.append(not sp.key)
            continue
        if rec < 0 or " " in sp.text.strip() or sp.key in cue_keys or a.kind.item(rec) != 0 \
                or a.pop.item(rec) >= SMALL_TOWN or any(ch.isdigit() for ch in sp.text):
            keep.append(True)
            continue
        lat, lon, a1 = a.lat.item(rec), a.lon.item(rec), a.a1.item(rec)
        ok = gaz.country_code(rec) in hinted
        for key, other in chosen:
            if ok:
                break
            if key == sp.key:
                continue
            k = a.kind.item(other)
            if k == 3:
                continue
            own1 = other if k == 2 else a.a1.item(other)
            if (a1 >= 0 and own1 == a1) or (k < 2 and haversine_km(
                    lat, lon, a.lat.item(other), a.lon.item(other)) < 150):
                ok = True
                break
        keep.append(ok)
    return keep


def _hints(gaz: _gaz.Gazetteer, country: str | None, admin1: str | None) -> tuple[str | None, int]:
    cc = None
    if country:
        cc = country.upper() if len(country) == 2 else None
        if cc is None:
            hits = [r for r, _ in gaz.lookup(normalize(country)) if int(gaz._a.kind[r]) == 3]
            cc = gaz.country_code(hits[0]) if hits else None
    a1 = gaz._find_admin(admin1, cc or "", "admin1") if admin1 else -1
    return cc, a1


def _continent(key: str) -> Place | None:
    """The continent or world region named by ``key`` (None when it is neither)."""
    if key in CONTINENTS:
        name, lat, lon = CONTINENTS[key]
        return Place(name=name, lat=lat, lon=lon, kind="continent", score=1.0,
                     why="continent", source="geokit")
    if key in WORLD_REGIONS:
        name, codes = WORLD_REGIONS[key]
        lat, lon = world_region_point(codes)
        return Place(name=name, lat=lat, lon=lon, kind="world_region", score=1.0,
                     why="world region: mean of its countries' points", source="geokit")
    return None


def _mentions(gaz: _gaz.Gazetteer, spans: list[_Span], resolved) -> list[Mention]:
    out = []
    named_cc = {gaz.country_code(rec) for rec, _c, _a in resolved if rec >= 0}
    for sp, (rec, conf, alts) in zip(spans, resolved, strict=True):
        place: Place | None = None
        area = _continent(sp.key)
        region = CONTEXT_REGIONS.get(sp.key)
        if area is None and region and named_cc & set(WORLD_REGIONS[region][1]):
            area = _continent(region)  # "the Gulf" in a text that names Qatar or Iran
        if area is not None:
            out.append(Mention(sp.start, sp.end, sp.text, area, 1.0, ()))
            continue
        if rec >= 0:
            place = place_of(gaz, rec, score=conf, why="resolved with document context")
        out.append(Mention(sp.start, sp.end, sp.text, place, round(conf, 4),
                           tuple(place_of(gaz, r, score=0.0) for r in alts)))
    return out


def resolve_spans(text: str, spans: Iterable[tuple[int, int]], *, country: str | None = None, admin1: str | None = None,
                  gazetteer: _gaz.Gazetteer | None = None) -> list[Mention]:
    """Resolve given spans of ``text`` as place names, using the whole document as context.

    For when another tool (or a person) has already found the names: ``spans`` is a sequence of
    ``(start, end)`` character offsets. Names the gazetteer does not know exactly are looked up
    by spelling variants, then by a known name inside them ("Kentucky" in "Kentucky State
    Police"). A span that still matches nothing (a street, a building) is placed at the place
    the text names most often, with confidence 0.05 and ``place.why`` saying so. Takes the same
    hints as :func:`extract_places`.

    Parameters
    ----------
    text : str
        The whole document; the spans index into it.
    spans : iterable of (int, int)
        ``(start, end)`` character offsets of the names, in any order.
    country : str, optional
        ISO alpha-2 code or country name the text is mostly about (a hint, not a filter).
    admin1 : str, optional
        Region the text is mostly about (a hint).
    gazetteer : Gazetteer, optional
        Defaults to :func:`geokit.gazetteer.default`.

    Returns
    -------
    list of Mention
        One per span, in the order given (``place`` is None only when no span of the text
        resolved at all).

    Raises
    ------
    GeokitTypeError
        When ``text`` is not a string (also a ``TypeError``).

    Examples
    --------
    >>> text = "Shelling hit Sudzha and Kurakhove overnight."
    >>> ms = resolve_spans(text, [(13, 19), (24, 33)])
    >>> [(m.text, m.place.country_code) for m in ms]
    [('Sudzha', 'RU'), ('Kurakhove', 'UA')]
    """
    if not isinstance(text, str):
        raise GeokitTypeError(f"text must be a str, not {type(text).__name__}")
    gaz = gazetteer if gazetteer is not None else _gaz.default()
    doc = _Doc(text, gaz)
    doc.find()  # for the demonym and country evidence
    given = []
    for s, e in spans:
        surface = text[int(s):int(e)]
        sp = _Span(int(s), int(e), surface, normalize(_strip_possessive(surface)))
        sp.region = bool(re.match(rf"\s+(?:{'|'.join(REGION_SUFFIXES)})\b", text[int(e):]))
        given.append(sp)
    for x, y in zip(given, given[1:], strict=False):
        if text[x.end:y.start] in (", ", ","):
            x.qualifier = given.index(y)
    cc, a1 = _hints(gaz, country, admin1)
    resolved = _resolve(gaz, given, doc.demonym_cc, cc, a1, fallback=True)
    # a name the gazetteer lacks may contain one it knows: "University of Arizona", "Kentucky
    # State Police"; resolve that inner name in the same document context
    inner = {n: _inner_name(gaz, sp) for n, (sp, r) in enumerate(zip(given, resolved,
                                                                    strict=True))
             if r[0] < 0 and sp.key not in NAMED_AREAS}
    inner = {n: sp for n, sp in inner.items() if sp is not None}
    if inner:
        again = _resolve(gaz, [inner.get(n, sp) for n, sp in enumerate(given)],
                         doc.demonym_cc, cc, a1, fallback=True)
        resolved = [again[n] if n in inner else r for n, r in enumerate(resolved)]
    mentions = _mentions(gaz, given, resolved)
    focus = _focus(gaz, resolved)
    if focus < 0:
        return mentions
    # what is still unknown (a street, a building, a river) is placed at the document's focus,
    # with a low confidence and a reason, rather than dropped
    place = place_of(gaz, focus, score=_FOCUS_CONFIDENCE,
                     why="not in the gazetteer; placed at the place the text is mostly about")
    return [dataclasses.replace(m, place=place, confidence=_FOCUS_CONFIDENCE)
            if m.place is None else m for m in mentions]


_FOCUS_CONFIDENCE = 0.05


def _inner_name(gaz: _gaz.Gazetteer, span: _Span) -> _Span | None:
    """The first known place name inside ``span`` (shifted to its offsets), or None."""
    inner = _Doc(span.text, gaz).find()
    for sp in inner:
        if sp.start == 0 and sp.end == len(span.text):
            continue  # the span itself, already tried
        return _Span(span.start + sp.start, span.start + sp.end, sp.text, sp.key,
                     region=sp.region, suffix=sp.suffix)
    return None


def _focus(gaz: _gaz.Gazetteer, resolved) -> int:
    """The record a text is mostly about: its most often named town or district, else its
    most often named region, else country; -1 when nothing resolved."""
    a = gaz._a
    for kinds in ((0, 1), (2,), (3,)):
        counts = Counter(r for r, _c, _alts in resolved if r >= 0 and a.kind.item(r) in kinds)
        if counts:
            return counts.most_common(1)[0][0]
    return -1
