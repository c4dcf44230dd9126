"""Namesakes chosen by the other places of the same day: the table as a hint.

A report that names "Kamianka, Donetsk Oblast" on a day when the same table places events at
Avdiivka and Ocheretyne means the Kamianka beside them, not the one 80 km away. For each row the
geocoder left ``ambiguous`` because several places of that name fit, the places of the other rows
of the same day (rows placed at a settlement's own point, or with coordinates given) become
anchors: the namesake within :data:`ANCHOR_KM` of an anchor is chosen when every other namesake
is clearly further from all of them. Anchors come from rows of the same day that give the same
region; names with more than :data:`MAX_NAMESAKES` namesakes in the region are left ambiguous
(one of them lies near some place of the day by chance).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import geocoding
from .._geo import haversine_km

#: ``Place.precision`` of a codifier settlement -> ``loc_precision``: a hromada centre stands
#: within ~10-25 km of the village (ACLED geo_precision 2), a raion centre for the raion (3).
CODIFIER_PRECISION = {"hromada": "near", "raion": "admin2"}

#: A namesake this close to a place of the same day is the one meant...
ANCHOR_KM = 20.0
#: ... when every other namesake is at least this far from all of them (and twice as far).
OTHERS_KM = 40.0
#: A pick is ``resolved`` only between two namesakes and this close to a place of the day;
#: otherwise the row stays ``ambiguous`` with the picked point (a better guess, still a guess).
SURE_KM = 15.0
#: With more namesakes than this one lies near some place of the day by chance.
MAX_NAMESAKES = 6
_DATE_COLUMNS = ("event_date", "date")
_NAME_CLASSES = ("name", "alternate name", "romanisation")


def _day(df: pd.DataFrame) -> np.ndarray | None:
    for col in _DATE_COLUMNS:
        if col in df.columns:
            days = pd.to_datetime(df[col], errors="coerce").dt.normalize()
            return days.to_numpy()
    return None


def _how(why: str) -> str:
    head = why.split(" match", 1)[0]
    return "name" if head in _NAME_CLASSES else head


def choose_by_day(df: pd.DataFrame, loc, a2, a1, cc, la, lo, prec, status, reason) -> None:
    """Re-decide ``ambiguous`` namesake rows from the same day's placed rows (arrays in place)."""
    if loc is None:
        return
    days = _day(df)
    amb = np.flatnonzero((status == "ambiguous") & pd.notna(loc))
    if days is None or not amb.size:
        return
    own = ((status == "resolved") & (prec == "exact")) | (status == "existing")
    region = a1 if a1 is not None else np.full(len(df), None, dtype=object)
    anchors_of: dict = {}
    for i in np.flatnonzero(own & pd.notna(days)):  # anchors: same day, same region given
        anchors_of.setdefault((days[i], region[i]), []).append(i)
    done: dict = {}
    for i in amb:
        if "places of this name fit" not in str(reason[i]) or pd.isna(days[i]):
            continue
        anchors = anchors_of.get((days[i], region[i]))
        if not anchors:
            continue
        key = (
            loc[i],
            None if a2 is None else a2[i],
            None if a1 is None else a1[i],
            None if cc is None else cc[i],
            days[i],
        )
        if key not in done:
            done[key] = _pick(loc[i], a2, a1, cc, i, la[anchors], lo[anchors])
        pick = done[key]
        if pick is None:
            continue
        place, d, n = pick
        la[i], lo[i] = place.lat, place.lon
        own_point = place.precision in ("settlement", "")
        prec[i] = "exact" if own_point else CODIFIER_PRECISION.get(place.precision, "admin2")
        where = place.raw.get("hromada") or place.admin2 or place.admin1
        sure = n == 2 and d <= SURE_KM
        if sure:  # one other namesake, and this one beside a place of the day
            status[i] = "resolved" if own_point else "approximate"
        reason[i] = (
            f"{n} places of this name; {'chose' if sure else 'placed at'} {place.name} "
            f"({where}), {d:.0f} km from a place reported the same day"
        )


def _pick(name, a2, a1, cc, i, alat, alon):
    hints = {
        "admin2": None if a2 is None else a2[i],
        "admin1": None if a1 is None else a1[i],
        "country": None if cc is None else cc[i],
    }
    cands = geocoding.candidates(name, limit=40, **hints)
    if not cands:
        return None
    top = _how(cands[0].why)
    same: list = []
    for p in cands:  # one entry per settlement (GeoNames and the codifier may both list it)
        if hints["admin1"] and p.admin1 != cands[0].admin1:
            continue  # the ranker puts places in the given region first; only they compete
        if (
            p.kind == cands[0].kind
            and _how(p.why) == top
            and all(haversine_km(q.lat, q.lon, p.lat, p.lon) > ANCHOR_KM for q in same)
        ):
            same.append(p)
    if not 2 <= len(same) <= MAX_NAMESAKES:
        return None
    dist = [float(np.min(haversine_km(alat, alon, p.lat, p.lon))) for p in same]
    order = np.argsort(dist)
    best, second = dist[order[0]], dist[order[1]]
    if best > ANCHOR_KM or second < max(OTHERS_KM, 2 * best + 10):
        return None
    return same[order[0]], best, len(same)
