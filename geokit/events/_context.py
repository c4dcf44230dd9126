"""Namesakes chosen by the rest of the table: the other rows as a hint.

A report that names "Kamianka, Donetsk Oblast" in a table whose other rows put events at
Avdiivka and Ocheretyne most likely means the Kamianka beside them, not the one 80 km away: events
cluster in space, so the places a table confidently puts on the map are a prior for the places it
leaves open (the "spatial minimality" / density heuristic of toponym resolution).

For each row the geocoder left ``ambiguous`` because several places of that name fit its hints,
the rows placed with confidence (``resolved`` at a settlement's own point, or coordinates given)
become **anchors**, asked in widening circles, nearest first:

1. rows of the same event (``event_id_col``), then rows sharing the ``group_cols`` values (a
   source, a report, an article): these speak about the same events wherever they are;
2. rows of the same day, then within ``window_days`` of it, then the whole table: only anchors
   in the same region (oblast) as the namesakes count.

At each circle every namesake counts the distinct anchor *places* within :data:`ANCHOR_KM` of
it (a city hit a hundred times is one place: the prior is where the table's events are, not how
often one town is named). The first circle where one namesake has clearly more (:func:`_clear`;
in the day and time-window circles at least :data:`MIN_LOCAL` places, as one event somewhere in
the oblast that day lies near one namesake by chance) chooses it; otherwise the next circle is
asked. Names with more than :data:`MAX_NAMESAKES` namesakes in the region keep the ranker's
answer.

The choice moves the row's point and says why, but the row stays ``ambiguous``: measured on the
development half of the CIR/Bellingcat table (docs/benchmarks.md), about two in three such
choices are within 25 km of the true place, far from the 97 % that ``resolved`` promises.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._geo import haversine_km
from ..geocoding._geocode import namesake_places

#: ``Place.precision`` of a codifier settlement -> ``loc_precision``: a hromada centre stands
#: within ~10-25 km of the village (ACLED geo_precision 2), a raion centre for the raion (3).
CODIFIER_PRECISION = {"hromada": "near", "raion": "admin2"}

#: An anchor place this close to a namesake speaks for it (namesakes are at least 25 km apart; a
#: hromada centre stands a median 10-12 km from its villages).
ANCHOR_KM = 20.0
#: Anchor places a namesake needs in the day and time-window circles.
MIN_LOCAL = 2
#: With more namesakes than this one lies near some event by chance.
MAX_NAMESAKES = 12
#: Default half-width of the time window, in days.
WINDOW_DAYS = 3.0
_DATE_COLUMNS = ("event_date", "date")
_LEVELS = ("event", "group", "day", "window", "table")
_LEVEL_TEXT = {
    "event": "of the same event",
    "group": "sharing its {groups}",
    "day": "of the same day",
    "window": "within {days:g} days",
    "table": "in the table",
}


def _days(df: pd.DataFrame) -> np.ndarray | None:
    """Day numbers (float, NaN where unknown) from the first date column present."""
    for col in _DATE_COLUMNS:
        if col in df.columns:
            d = pd.to_datetime(df[col], errors="coerce")
            if getattr(d.dt, "tz", None) is not None:
                d = d.dt.tz_localize(None)
            days = d.dt.normalize().to_numpy("datetime64[D]").astype("float64")
            days[pd.isna(d).to_numpy()] = np.nan
            return days
    return None


def _keys(df: pd.DataFrame, cols: Sequence[str]) -> np.ndarray | None:
    """One group code per row from ``cols`` (-1 where any is missing), or None."""
    if not cols:
        return None
    code = np.zeros(len(df), dtype=np.int64)
    missing = np.zeros(len(df), dtype=bool)
    for col in cols:
        s = df[col]
        missing |= s.isna().to_numpy() | (s.astype(str).str.strip() == "").to_numpy()
        c, u = pd.factorize(s.astype(object), use_na_sentinel=True)
        code = pd.factorize(code * (len(u) + 1) + c)[0]
    return np.where(missing, -1, code)


def _clear(counts: np.ndarray, least: int = 1) -> bool:
    """Whether the best namesake has clearly more anchor places near it than the second: at
    least ``least``, and more than twice as many as the second (one against none, three against
    one...)."""
    top, second = _two_best(counts)
    return top >= least and top > 2 * second


def _two_best(counts: np.ndarray) -> tuple[int, int]:
    s = np.sort(counts)[::-1]
    return int(s[0]), int(s[1]) if len(s) > 1 else 0


def choose_by_context(
    df: pd.DataFrame,
    loc,
    a2,
    a1,
    cc,
    la,
    lo,
    prec,
    status,
    reason,
    region,
    *,
    event_id_col: str | None = None,
    group_cols: Sequence[str] = (),
    window_days: float = WINDOW_DAYS,
) -> None:
    """Re-decide ``ambiguous`` namesake rows from the table's anchors (arrays changed in place).

    ``region`` holds each row's region (admin1) name as placed (None where unknown); anchors
    further than the event/group circles must share it with the namesakes.
    """
    if loc is None:
        return
    amb = np.flatnonzero((status == "ambiguous") & pd.notna(loc))
    amb = np.array([i for i in amb if "places of this name fit" in str(reason[i])], dtype=int)
    if not amb.size:
        return
    anchor = ((status == "resolved") & (prec == "exact")) | (status == "existing")
    anchor &= np.isfinite(la) & np.isfinite(lo)
    if not anchor.any():
        return
    days = _days(df)
    event = _keys(df, [event_id_col] if event_id_col else [])
    group = _keys(df, list(group_cols))
    region = np.asarray(region, dtype=object)
    alat, alon = la[anchor], lo[anchor]
    arow = np.flatnonzero(anchor)
    spot = pd.factorize(pd.Series(list(zip(np.round(alat, 3), np.round(alon, 3), strict=True))))[0]
    near_cache: dict = {}
    decided: dict = {}
    for i in amb:
        key = (loc[i], *(None if v is None else v[i] for v in (a2, a1, cc)))
        if key not in near_cache:
            near_cache[key] = _near_matrix(key, alat, alon, region[arow])
        found = near_cache[key]
        if found is None:
            continue
        places, sub, near, same_region = found  # near[j, k]: anchor sub[k] near namesake j
        day = days[i] if days is not None and np.isfinite(days[i]) else None
        circles = {
            "event": None if event is None or event[i] < 0 else event[i],
            "group": None if group is None or group[i] < 0 else group[i],
            "day": day,
            "window": day,
            "table": 0,
        }
        for level in _LEVELS:
            value = circles[level]
            if value is None:
                continue
            if (key, level, value) not in decided:
                if level == "event":
                    mask = event[arow[sub]] == value
                elif level == "group":
                    mask = group[arow[sub]] == value
                else:
                    mask = same_region.copy()
                    if level != "table":
                        gap = np.abs(days[arow[sub]] - value)
                        mask &= gap == 0 if level == "day" else gap <= window_days
                decided[key, level, value] = np.array(
                    [np.unique(spot[sub[mask & row]]).size for row in near]
                )
            counts = decided[key, level, value]
            if _clear(counts, MIN_LOCAL if level in ("day", "window") else 1):
                _apply(
                    i,
                    places,
                    counts,
                    level,
                    la,
                    lo,
                    prec,
                    reason,
                    groups=list(group_cols),
                    days=window_days,
                )
                break


def _near_matrix(key, alat, alon, aregion):
    """The namesakes of a row's query, the anchors near any of them (indices into the anchors),
    which of those lie near each namesake, and which lie in the namesakes' region; or None."""
    name, a2, a1, cc = key
    places = namesake_places(name, admin2=a2, admin1=a1, country=cc)
    if not 2 <= len(places) <= MAX_NAMESAKES:
        return None
    plat = np.array([p.lat for p in places])[:, None]
    plon = np.array([p.lon for p in places])[:, None]
    near = haversine_km(plat, plon, alat[None, :], alon[None, :]) <= ANCHOR_KM
    sub = np.flatnonzero(near.any(axis=0))
    if not sub.size:
        return None
    return places, sub, near[:, sub], aregion[sub] == places[0].admin1


def _apply(i, places, counts, level, la, lo, prec, reason, *, groups, days) -> None:
    j = int(np.argmax(counts))
    place = places[j]
    la[i], lo[i] = place.lat, place.lon
    own_point = place.precision in ("settlement", "")
    prec[i] = "exact" if own_point else CODIFIER_PRECISION.get(place.precision, "admin2")
    where = place.raw.get("hromada") or place.admin2 or place.admin1
    n, rest = _two_best(counts)
    circle = _LEVEL_TEXT[level].format(groups="/".join(groups) or "group", days=days)
    reason[i] = (
        f"{len(places)} places of this name; placed at {place.name} ({where}), chosen by "
        f"proximity to {n} place{'s' if n != 1 else ''} of events {circle} within "
        f"{ANCHOR_KM:g} km (the next namesake has {rest}); check it"
    )
