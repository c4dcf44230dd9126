"""Namesakes chosen by the rest of an events table (geokit/events/_context.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import geokit
from geokit._geo import haversine_km
from geokit.errors import GeokitValueError
from geokit.geocoding._geocode import namesake_places

OBLAST = "Donetsk Oblast"
DAY = pd.Timestamp("2022-05-01")


@pytest.fixture(scope="module")
def pair():
    """A village name two places of the oblast share, 60+ km apart (found in the codifier)."""
    cod = geokit.gazetteer.default().codifier
    unit = cod.unit_uk.index("Донецька")
    sel = np.flatnonzero(cod.unit[:, 0] == unit)
    counts = pd.Series([cod.names_latn[j] for j in sel]).value_counts()
    for name in counts[counts == 2].index[:300]:
        places = namesake_places(name, admin1=OBLAST)
        if (
            len(places) == 2
            and haversine_km(places[0].lat, places[0].lon, places[1].lat, places[1].lon) > 60
        ):
            return name, places[0], places[1]
    pytest.skip("no pair of namesakes found")


def _anchors(place, n, *, day=DAY, step=1, admin1=OBLAST, **extra):
    """``n`` rows with coordinates at distinct points a few km from ``place``."""
    return pd.DataFrame(
        {
            "location": [f"anchor {k}" for k in range(n)],
            "admin1": admin1,
            "event_date": [day + pd.Timedelta(days=step * k) for k in range(n)],
            "lat": [place.lat + 0.02 * (k + 1) for k in range(n)],
            "lon": [place.lon for _ in range(n)],
            **extra,
        }
    )


def _row(name, day=DAY, **extra):
    return pd.DataFrame(
        {
            "location": [name],
            "admin1": [OBLAST],
            "event_date": [day],
            "lat": [np.nan],
            "lon": [np.nan],
            **extra,
        }
    )


def _run(*parts, check_existing=False, **kw):
    table = pd.concat(parts, ignore_index=True)
    return geokit.geocode_events(table, check_existing=check_existing, **kw)


def _at(out, i, place):
    return (out["lat"].iloc[i], out["lon"].iloc[i]) == (place.lat, place.lon)


def test_the_table_chooses_the_namesake_its_events_cluster_around(pair):
    name, a, b = pair
    out = _run(_row(name), _anchors(b, 2, day=DAY + pd.Timedelta(days=30), step=20))
    assert _at(out, 0, b)
    assert out["geocode_status"].iloc[0] == "ambiguous"  # a guess, never "resolved"
    reason = out["geocode_reason"].iloc[0]
    assert "chosen by proximity to 2 places of events in the table within 20 km" in reason
    assert b.raw.get("hromada", b.name) in reason
    # without the table's help the ranker's first namesake stays
    alone = _run(_row(name), _anchors(b, 2, day=DAY + pd.Timedelta(days=30)), context=False)
    assert _at(alone, 0, a)
    assert "chosen by proximity" not in alone["geocode_reason"].iloc[0]


def test_nearer_circles_come_first(pair):
    name, a, b = pair
    later = DAY + pd.Timedelta(days=40)
    table_near_a = _anchors(a, 3, day=later, step=10)
    out = _run(_row(name), table_near_a, _anchors(b, 2, step=0))  # two places the same day
    assert _at(out, 0, b)
    assert "of the same day" in out["geocode_reason"].iloc[0]
    out = _run(_row(name), table_near_a, _anchors(b, 2, day=DAY + pd.Timedelta(days=2), step=0))
    assert _at(out, 0, b)
    assert "within 3 days" in out["geocode_reason"].iloc[0]
    # one place the same day is not enough: the whole table decides
    out = _run(_row(name), table_near_a, _anchors(b, 1))
    assert _at(out, 0, a)
    assert "in the table" in out["geocode_reason"].iloc[0]
    # a narrower window leaves the day-2 rows to the table
    out = _run(
        _row(name),
        table_near_a,
        _anchors(b, 2, day=DAY + pd.Timedelta(days=2), step=0),
        window_days=1,
    )
    assert _at(out, 0, a)


def test_event_id_and_group_columns(pair):
    name, a, b = pair
    table_near_b = _anchors(b, 3, day=DAY, step=0, event="e0", link="x")
    one_near_a = _anchors(a, 1, day=DAY + pd.Timedelta(days=50), event="e1", link="y")
    row = _row(name, event="e1", link="y")
    out = _run(row, table_near_b, one_near_a, event_id_col="event")
    assert _at(out, 0, a)
    assert "of the same event" in out["geocode_reason"].iloc[0]
    out = _run(row, table_near_b, one_near_a, group_cols="link")
    assert _at(out, 0, a)
    assert "sharing its link" in out["geocode_reason"].iloc[0]
    out = _run(row, table_near_b, one_near_a)  # without them the same day's rows decide
    assert _at(out, 0, b)


def test_weak_margins_and_other_regions_decide_nothing(pair):
    name, a, b = pair
    later = DAY + pd.Timedelta(days=30)
    out = _run(_row(name), _anchors(a, 1, day=later), _anchors(b, 1, day=later))
    assert _at(out, 0, a)
    assert "chosen by proximity" not in out["geocode_reason"].iloc[0]
    # rows said to be in another region do not speak for this region's namesakes
    out = _run(_row(name), _anchors(b, 3, day=later, admin1="Kharkiv Oblast"))
    assert "chosen by proximity" not in out["geocode_reason"].iloc[0]


def test_a_resolved_row_is_never_changed(pair):
    _name, _a, b = pair
    out = _run(_row("Kramatorsk"), _anchors(b, 3))
    assert out["geocode_status"].iloc[0] == "resolved"
    assert "chosen by proximity" not in out["geocode_reason"].iloc[0]


def test_bad_context_arguments():
    table = _row("Kramatorsk")
    with pytest.raises(GeokitValueError, match="not a column"):
        geokit.geocode_events(table, event_id_col="nope")
    with pytest.raises(GeokitValueError, match="not a column"):
        geokit.geocode_events(table, group_cols=["location", "nope"])
    with pytest.raises(GeokitValueError, match="window_days"):
        geokit.geocode_events(table, window_days=-1)


def test_suspect_coordinates_are_no_anchors(pair):
    name, a, b = pair
    far = _anchors(b, 3, admin1="Lviv Oblast", link="x").assign(location="Lviv")
    row = _row(name, link="x")
    out = _run(row, far, group_cols="link")  # coordinates not checked: they count
    assert _at(out, 0, b)
    out = _run(row, far, group_cols="link", check_existing=True)  # far from Lviv: suspect
    assert (out["geocode_status"].iloc[1:] == "suspect").all()
    assert _at(out, 0, a)
