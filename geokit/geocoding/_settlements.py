"""Statuses and scores of settlement answers: namesakes, codifier points, district hints.

What each status means (see also docs/geocoding.md):

``resolved``     the name matched this place's own name (as written, an alternate or former
                 name, a romanisation or a spelling variant of it), nothing else of that name fits
                 the hints as well, and the point is the settlement's own.
``approximate``  the right area, not the settlement's own point: a settlement known only from
                 Ukraine's codifier (placed at its hromada or raion centre, ``precision`` says
                 which) or a settlement missing from the gazetteer placed at the district, region
                 or country named beside it.
``ambiguous``    a guess that needs checking: several places of that name fit the hints
                 equally well (the answer is the best ranked; the reason lists them and their
                 count), or only a different, similarly spelt name was found.
``unresolved``   nothing fits; ``lat``/``lon`` are empty.

Scores are calibrated so that a threshold means the same across statuses (measured on the
development half of the CIR/Bellingcat table, see docs/benchmarks.md): ``resolved`` answers
score 0.7-1.0; ``approximate`` codifier answers 0.5 (hromada centre) or 0.35 (raion centre), area
fallbacks 0.3 or less; ``ambiguous`` answers at most 0.45 (namesakes: split between them; close
spellings: at most 0.4).
"""

from __future__ import annotations

import re

from .._geo import haversine_km
from ..gazetteer._names import normalize, skeleton

#: Two places of one name closer than this are taken for one settlement (GeoNames and the
#: codifier may both list it, at slightly different points).
SAME_PLACE_KM = 25.0
_KM_PER_DEG_LAT = 111.19  # a little under 6371 km * pi / 180
#: A namesake this much larger than every other (and a town) is what a bare name means.
DOMINANT_POP = 5_000
#: A place within this distance of a proximity hint (a former raion's centre, ``near=``) fits
#: the hint; namesakes outside it do not compete.
NEAR_KM = 40.0
#: Score given to answers of each kind (see the module docstring).
SCORE_HROMADA, SCORE_RAION, SCORE_CLOSE, SCORE_AMBIGUOUS = 0.5, 0.35, 0.4, 0.45
_ADJ_RE = re.compile(r"(?:ski|ska|ske|sko|skoho|skoi|ci|ca|cka|cki|cke|zki|zka|zke|kii|ki|ka)$")
_UNIT_WORDS_RE = re.compile(
    r"\b(?:raion|rayon|district|hromada|gromada|municipality|"
    r"район|громада|raionu|r n|rn)\b"
)


def adjective_stem(text: str) -> str:
    """Skeleton of a district or hromada adjective without its ending.

    ``"Yahotyns'kyi"``, ``"Yahotynska hromada"`` and ``"Яготинський район"`` share one stem,
    which is also the start of their centre town's skeleton (``Yahotyn``).
    """
    key = _UNIT_WORDS_RE.sub(" ", normalize(text)).strip()
    s = skeleton(key)
    stem = _ADJ_RE.sub("", s)
    return stem if len(stem) >= 3 and stem != s else ""


def _unit_index(cod) -> dict[str, list[int]]:
    idx = getattr(cod, "_stems", None)
    if idx is None:
        idx = {}
        for u, (cat, name) in enumerate(zip(cod.unit_cats.tolist(), cod.unit_latn, strict=True)):
            if cat in ("P", "H"):
                st = adjective_stem(name)
                if st:
                    idx.setdefault(st, []).append(u)
        cod._stems = idx
    return idx


def district_units(gaz, text: str, a1s: frozenset | set = frozenset()) -> list[int]:
    """Codifier hromadas/raions whose adjective name matches a district hint.

    Pre-2020 raions (``Derhachivskyi``) were named after their centre town, which is now
    nearly always a hromada centre of the same name: their hromada stands in for them.
    """
    cod = getattr(gaz, "codifier", None)
    stem = adjective_stem(text) if cod is not None else ""
    if not stem:
        return []
    units = _unit_index(cod).get(stem, [])
    if a1s:
        a = gaz._a
        units = [
            u
            for u in units
            if _unit_oblast_record(gaz, u) in a1s or not any(a.kind[r] == 2 for r in a1s)
        ]
    return units


def _unit_oblast_record(gaz, u: int) -> int:
    cod = gaz.codifier
    c = int(cod.unit_centre[u])
    rec = int(cod.record[c]) if c >= 0 else -1
    return int(gaz._a.a1[rec]) if rec >= 0 else -1


def unit_point(gaz, u: int) -> tuple[float, float] | None:
    """Point of a codifier unit's centre settlement."""
    cod = gaz.codifier
    c = int(cod.unit_centre[u])
    if c < 0 or cod.record[c] < 0:
        return None
    rec = int(cod.record[c])
    return float(gaz._a.lat[rec]), float(gaz._a.lon[rec])


def _hromada_of(gaz, rec: int) -> int:
    cod = getattr(gaz, "codifier", None)
    j = cod.settlement(rec) if cod is not None else -1
    return int(cod.unit[j, 2]) if j >= 0 else -1


def _label(gaz, rec: int) -> str:
    a = gaz._a
    cod = getattr(gaz, "codifier", None)
    j = cod.settlement(rec) if cod is not None else -1
    where = cod.hromada(j) if j >= 0 else ""
    a1, a2 = gaz.admin_names(rec)
    where = where or a2 or a1
    return f"{a.names[rec]} ({where})" if where else a.names[rec]


def namesakes(gaz, ranked, ctx, inside) -> list[int]:
    """Other places that fit the query and its hints as well as the best one.

    ``ranked`` is the ranker's ``[(record, confidence, why)]``; ``inside(rec)`` says whether a
    record lies in the hinted regions. Namesakes must match the name as well as the best one
    (exact/alternate/romanised vs spelling variant), be of the same kind, fit the hints (region,
    hromada, proximity) and lie more than :data:`SAME_PLACE_KM` from it and from each other.
    A town much larger than all its namesakes (:data:`DOMINANT_POP`) is not ambiguous.
    """
    a = gaz._a
    rec0, _c, why0 = ranked[0]
    kind0 = int(a.kind[rec0])
    cls0 = _match_class(why0.how)
    hroms = getattr(ctx, "hromadas", frozenset())
    peers = [rec0]
    d0 = (
        float(haversine_km(ctx.near[0], ctx.near[1], a.lat[rec0], a.lon[rec0]))
        if ctx.near is not None
        else 0.0
    )
    for rec, _conf, why in ranked[1:40]:
        if int(a.kind[rec]) != kind0 or _match_class(why.how) != cls0:
            continue
        if getattr(why, "other_name", False) and not getattr(why0, "other_name", False):
            continue  # reached only through an alias unlike its own name
        if (ctx.admin1 or ctx.admin2) and not inside(rec):
            continue
        if ctx.admin2 and int(a.a2[rec]) not in ctx.admin2:
            continue  # a named district rules out namesakes outside it (or not known in it)
        if ctx.countries and gaz.country_code(rec) not in ctx.countries:
            continue
        if hroms and _hromada_of(gaz, rec) not in hroms:
            continue
        if (
            ctx.near is not None and d0 <= NEAR_KM
        ):  # a hint far from every candidate decides nothing
            d = float(haversine_km(ctx.near[0], ctx.near[1], a.lat[rec], a.lon[rec]))
            if d > NEAR_KM or d > 2 * d0 + 10:  # clearly further from the hinted point
                continue
        lat, lon = a.lat.item(rec), a.lon.item(rec)
        # a latitude gap alone puts a peer far enough (R * dlat <= great-circle distance);
        # only peers in the same band need the haversine
        if all(
            abs(a.lat.item(p) - lat) * _KM_PER_DEG_LAT > SAME_PLACE_KM
            or haversine_km(a.lat.item(p), a.lon.item(p), lat, lon) > SAME_PLACE_KM
            for p in peers
        ):
            peers.append(rec)
    own = why0.how.startswith("name") or _own_name(gaz, rec0, peers)
    if len(peers) > 1 and own:  # by its own name, not an alias
        pops = sorted((int(a.pop[p]) for p in peers), reverse=True)
        if (
            pops[0] >= DOMINANT_POP
            and int(a.pop[rec0]) == pops[0]
            and pops[0] >= 10 * max(pops[1], 1)
        ):
            return [rec0]
    return peers


#: An alias at least this similar (``fuzz.ratio`` of the keys or of their skeletons) to a
#: place's own name is a spelling of it (Kharkov/Kharkiv 86, Aleksandrovka/Oleksandrivka 85,
#: Nikolaev/Mykolaiv 62); below, another name (Oleksandrivka for Donetsk 40, Artemivsk for
#: Bakhmut 25).
OWN_SPELLING_RATIO = 60.0


def own_spelling(gaz, rec: int, key: str) -> bool:
    """Whether the query key is a spelling of the place's own name (its name or, for a codifier
    settlement, its national romanisation) rather than another name it is also known by."""
    from rapidfuzz import fuzz

    names = [gaz._a.names[rec]]
    cod = getattr(gaz, "codifier", None)
    j = cod.settlement(rec) if cod is not None else -1
    if j >= 0:
        names.append(cod.names_latn[j])
    skel = skeleton(key)
    for name in names:
        own = normalize(name)
        if fuzz.ratio(own, key) >= OWN_SPELLING_RATIO:
            return True
        if fuzz.ratio(skeleton(own), skel) >= OWN_SPELLING_RATIO:
            return True
    return False


#: Score taken from a place matched only through an alias unlike its own name (Donetsk, also
#: listed as "Oleksandrivka") when a place in the hinted region bears the name itself.
OTHER_NAME_PENALTY = 3.0


def demote_other_names(gaz, scored, inside, key: str):
    """With a region hint, a settlement of the region that bears the queried name as its own
    outranks one that the name reaches only through an alias unlike its own name: in
    "Oleksandrivka, Donetsk Oblast" the village, not the oblast's capital (one of whose GeoNames
    alternate names is Oleksandrivka), however much larger the capital is."""
    towns = [t for t in scored if t[3].kind == 0 and inside(t[1])]
    if len(towns) < 2:
        return scored
    own = {t[1]: own_spelling(gaz, t[1], key) for t in towns}
    if all(own.values()) or not any(own.values()):
        return scored
    out = []
    for s, rec, q, why in scored:
        if rec in own and not own[rec]:
            s -= OTHER_NAME_PENALTY
            why.other_name = True
            why.notes.append("the name is only an alias of it")
        out.append((s, rec, q, why))
    return out


def _own_name(gaz, rec0: int, peers: list[int]) -> bool:
    """Whether the best place's own name is spelt like its namesakes' ("Zaporizhzhya" and the
    village "Zaporizhzhia"), not one of its aliases (Donetsk is also listed as "Oleksandrivka")."""
    names = gaz._a.names
    own = skeleton(normalize(names[rec0]))
    return any(skeleton(normalize(names[p])) == own for p in peers[1:])


def _match_class(how: str) -> int:
    if how.startswith(("name", "alternate name", "romanisation", "ISO")):
        return 0
    if how.startswith("spelling variant"):
        return 1
    if how.startswith("region base name"):
        return 2
    return 3


def own_points_first(gaz, peers: list[int]) -> list[int]:
    """Namesakes with a point of their own (GeoNames lists them) before villages known only
    from the codifier, each group in ranking order: the answer to an ambiguous query is the
    former, as a listed settlement is more often the one reports name (on the CIR dev half the
    ranker's first namesake was within 25 km for 41 % of ambiguous rows, the first with its
    own point for 46 %)."""
    cod = getattr(gaz, "codifier", None)
    if cod is None:
        return peers
    return sorted(peers, key=lambda r: cod.precision(r) != "settlement")


def hromada_first(gaz, ranked, ctx):
    """The ranking with the places of a named hromada first (it outranks every other hint)."""
    hroms = getattr(ctx, "hromadas", frozenset())
    if hroms:
        ranked = sorted(ranked, key=lambda c: _hromada_of(gaz, c[0]) not in hroms)
    return ranked


def judge(gaz, ranked, ctx, inside):
    """``(record, score, status, reason)`` for the best candidate of a consistent ranking."""
    a = gaz._a
    ranked = hromada_first(gaz, ranked, ctx)
    rec, conf, why = ranked[0]
    close = re.search(r"close spelling \((\d+)%\)", why.how)
    if close:  # a different name spelt alike is a lead, never an answer
        return (
            rec,
            min(conf, SCORE_CLOSE),
            "ambiguous",
            f"no place called that; the closest name is {a.names[rec]!r} "
            f"({close.group(1)}% similar)",
        )
    peers = namesakes(gaz, ranked, ctx, inside)
    if len(peers) > 1:
        peers = own_points_first(gaz, peers)
        rec = peers[0]
        conf = next(c for r, c, _w in ranked if r == rec)
        shown = "; ".join(_label(gaz, r) for r in peers[:5])
        more = f" and {len(peers) - 5} more" if len(peers) > 5 else ""
        hint = "district or hromada" if gaz.country_code(rec) == "UA" else "district"
        return (
            rec,
            min(conf, SCORE_AMBIGUOUS, 1.0 / len(peers)),
            "ambiguous",
            f"{len(peers)} places of this name fit: {shown}{more}; give the {hint} to choose",
        )
    cod = getattr(gaz, "codifier", None)
    j = cod.settlement(rec) if cod is not None else -1
    if j >= 0 and cod.prec[j] in (1, 2):
        score = SCORE_HROMADA if cod.prec[j] == 1 else SCORE_RAION
        return (rec, score, "approximate", f"{cod.describe(j)} (the codifier has no coordinates)")
    if int(a.kind[rec]) in (1, 2) and not why.region:  # a name answered by a whole district
        return (
            rec,
            min(conf, SCORE_RAION),
            "approximate",
            f"the name matches the {'district' if a.kind[rec] == 1 else 'region'} "
            f"{a.names[rec]!r}; its point stands for the whole area",
        )
    score = conf if conf >= 0.7 else 0.7 + 0.3 * conf  # a sole fitting place is a confident one
    return rec, score, "resolved", ""
