"""Events placed against the control area in force on their own date, with known answers.

The snapshots are boxes over eastern Ukraine: on 1 March the area reaches 38.0°E, from 10 March
it reaches 38.5°E. At 48.5°N a degree of longitude is 73.7 km and a degree of latitude 111.2 km.
"""

import datetime as dt

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, box

from geokit.conflict.attach import CONTROL_VALUES, FRONT_REASONS, Fronts, attach_frontline
from geokit.errors import GeokitValueError

KM_PER_DEG_LON = 73.73  # at 48.5°N
SNAPS = {"2025-03-01": box(36.0, 48.0, 38.0, 49.0), "2025-03-10": box(36.0, 48.0, 38.5, 49.0)}

# name: (date, lat, lon, control, km, reason) with max_age=7, band_km=2
CASES = {
    "inside": ("2025-03-05", 48.5, 37.5, "inside", -0.5 * KM_PER_DEG_LON, None),
    "outside": ("2025-03-05", 48.5, 38.3, "outside", 0.3 * KM_PER_DEG_LON, None),
    "same place, later snapshot": ("2025-03-12", 48.5, 38.3, "inside", -0.2 * KM_PER_DEG_LON, None),
    "on the snapshot's own day": ("2025-03-10", 48.5, 38.3, "inside", -0.2 * KM_PER_DEG_LON, None),
    "on the band, outside": ("2025-03-05", 48.5, 38.01, "contested", 0.01 * KM_PER_DEG_LON, None),
    "on the band, inside": ("2025-03-05", 48.5, 37.99, "contested", -0.01 * KM_PER_DEG_LON, None),
    "before first snapshot": ("2025-02-20", 48.5, 37.5, None, np.nan, "before first snapshot"),
    "stale": ("2025-03-20", 48.5, 37.5, None, np.nan, "snapshot older than max_age"),
    "no date": (None, 48.5, 37.5, None, np.nan, "no date"),
    "no point": ("2025-03-05", np.nan, 37.5, None, np.nan, "no point"),
    "point out of range": ("2025-03-05", 95.0, 37.5, None, np.nan, "no point"),
}


def _events() -> pd.DataFrame:
    rows = [(name, d, la, lo) for name, (d, la, lo, *_rest) in CASES.items()]
    frame = pd.DataFrame(rows, columns=["case", "event_date", "lat", "lon"])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    frame.index = np.arange(100, 100 + len(frame))  # a non-default index is kept
    return frame


def _check(out: pd.DataFrame) -> None:
    for _, row in out.iterrows():
        _, _, _, control, km, reason = CASES[row["case"]]
        where = row["case"]
        if control is None:
            assert pd.isna(row["control"]), where
            assert pd.isna(row["snapshot_date"]), where
            assert np.isnan(row["front_distance_km"]), where
        else:
            assert row["control"] == control, where
            assert row["front_distance_km"] == pytest.approx(km, rel=0.01), where
        if reason is None:
            assert pd.isna(row["front_reason"]), where
        else:
            assert row["front_reason"] == reason, where


def test_known_answers():
    ev = _events()
    out = attach_frontline(ev, SNAPS, max_age=7, band_km=2, border=None)
    assert list(out.index) == list(ev.index)
    assert list(out.columns) == [
        *ev.columns,
        "snapshot_date",
        "control",
        "front_distance_km",
        "front_reason",
    ]
    _check(out)
    assert list(out["control"].cat.categories) == list(CONTROL_VALUES)
    assert list(out["front_reason"].cat.categories) == list(FRONT_REASONS)
    snap = out.set_index("case")["snapshot_date"]
    assert snap["inside"] == pd.Timestamp("2025-03-01")
    assert snap["on the snapshot's own day"] == pd.Timestamp("2025-03-10")
    assert ev.columns.tolist() == ["case", "event_date", "lat", "lon"]  # input untouched


def test_band_and_max_age_are_options():
    ev = _events().set_index("case")
    out = attach_frontline(ev, SNAPS, max_age=None, band_km=0.5, border=None)
    assert out.loc["on the band, outside", "control"] == "outside"
    assert out.loc["on the band, inside", "control"] == "inside"
    assert out.loc["stale", "control"] == "inside"  # any age accepted
    assert out.loc["stale", "snapshot_date"] == pd.Timestamp("2025-03-10")
    out = attach_frontline(ev, SNAPS, max_age="3D", border=None)
    assert out.loc["inside", "front_reason"] == "snapshot older than max_age"  # 4 days old


def test_dask_gives_the_same_answer_as_pandas():
    dd = pytest.importorskip("dask.dataframe")
    ev = _events()
    expected = attach_frontline(ev, SNAPS, max_age=7, border=None)
    lazy = attach_frontline(dd.from_pandas(ev, npartitions=3), SNAPS, max_age=7, border=None)
    got = lazy.compute()
    _check(got)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    for col in ("control", "front_reason", "snapshot_date", "front_distance_km"):
        assert got[col].dtype == expected[col].dtype, col


def test_geodataframe_points_and_snapshot_files(tmp_path):
    for day, geom in SNAPS.items():
        gpd.GeoDataFrame(geometry=[geom], crs=4326).to_file(
            tmp_path / f"{day.replace('-', '')}.geojson"
        )
    ev = _events()
    gdf = gpd.GeoDataFrame(
        ev.drop(columns=["lat", "lon"]), geometry=gpd.points_from_xy(ev["lon"], ev["lat"]), crs=4326
    )
    gdf.loc[gdf["case"] == "point out of range", "geometry"] = None
    out = attach_frontline(gdf.to_crs(3857), tmp_path, max_age=7, border=None)
    assert isinstance(out, gpd.GeoDataFrame)
    out = out.assign(lat=ev["lat"], lon=ev["lon"])
    _check(out)


def test_front_line_leaves_out_the_country_border():
    """An area that reaches the Ukraine-Russia border: next to the border is deep inside."""
    from geokit.conflict.frontline import borders

    ua = borders().set_index("iso_a2").geometry["UA"]
    area = ua.intersection(box(38.5, 47.8, 41.0, 49.2))
    east = LineString([(38.0, 48.5), (42.0, 48.5)]).intersection(area).bounds[2]  # border
    ev = pd.DataFrame(
        {"event_date": pd.to_datetime(["2025-03-05"]), "lat": [48.5], "lon": [east - 0.01]}
    )
    snaps = {dt.date(2025, 3, 1): area}
    whole = attach_frontline(ev, snaps, border=None).iloc[0]
    front = attach_frontline(ev, snaps, border="UA").iloc[0]
    assert whole["control"] == "contested"
    assert front["control"] == "inside"
    # nearest front: the box's north and south edges, 0.7° of latitude away (the west edge at
    # 38.5°E is further)
    assert front["front_distance_km"] == pytest.approx(-0.7 * 111.2, rel=0.01)


def test_prepared_fronts_are_reused_and_picklable():
    import pickle

    fronts = Fronts(SNAPS, border=None)
    ev = _events()
    first = attach_frontline(ev, fronts, max_age=7)
    again = attach_frontline(ev, pickle.loads(pickle.dumps(fronts)), max_age=7)
    pd.testing.assert_frame_equal(first, again)


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        ({"max_age": "soon"}, "max_age must be"),
        ({"max_age": -1}, "max_age must be >= 0"),
        ({"band_km": -2}, "band_km must be"),
        ({"date": "when"}, "no date column 'when'"),
        ({"border": "XX"}, "no bundled border for 'XX'"),
    ],
)
def test_bad_options_say_what_was_wrong(kw, match):
    with pytest.raises(GeokitValueError, match=match):
        attach_frontline(_events(), SNAPS, **kw)


def test_no_snapshots_is_an_error():
    with pytest.raises(GeokitValueError, match="no control-area snapshots"):
        attach_frontline(_events(), {})
