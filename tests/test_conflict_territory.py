"""Territory held, gained and lost per period, with areas checked against geopandas."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from geokit.conflict.territory import TOTAL, territory_series
from geokit.errors import GeokitValueError

# Monday 3 March: 1°x1°; Wednesday 12 March: half a degree more to the east; Thursday 20 March:
# back to 37.2°E. Two made-up areas split at 37°E.
SNAPS = {
    "2025-03-03": box(36, 48, 37, 49),
    "2025-03-12": box(36, 48, 37.5, 49),
    "2025-03-20": box(36, 48, 37.2, 49),
}
AREAS = gpd.GeoDataFrame(
    {"admin1": ["West", "East"]}, geometry=[box(30, 40, 37, 55), box(37, 40, 45, 55)], crs=4326
)


def km2(geom) -> float:
    return float(gpd.GeoSeries([geom], crs=4326).to_crs(6933).area.iloc[0] / 1e6)


def test_weekly_totals():
    t = territory_series(SNAPS, by=None, freq="W")
    assert list(t.columns) == [
        "period",
        "snapshot_date",
        "held_km2",
        "gained_km2",
        "lost_km2",
        "net_km2",
    ]
    assert list(t["period"]) == list(pd.to_datetime(["2025-03-03", "2025-03-10", "2025-03-17"]))
    assert list(t["snapshot_date"]) == list(
        pd.to_datetime(["2025-03-03", "2025-03-12", "2025-03-20"])
    )
    for row, day in zip(t.itertuples(), SNAPS, strict=True):
        assert row.held_km2 == pytest.approx(km2(SNAPS[day]), rel=1e-3)
    assert np.isnan(t["gained_km2"].iloc[0])
    assert t["gained_km2"].iloc[1] == pytest.approx(km2(box(37, 48, 37.5, 49)), rel=1e-3)
    assert t["lost_km2"].iloc[1] == pytest.approx(0, abs=0.01)
    assert t["lost_km2"].iloc[2] == pytest.approx(km2(box(37.2, 48, 37.5, 49)), rel=1e-3)
    assert t["net_km2"].iloc[2] == pytest.approx(-t["lost_km2"].iloc[2], abs=0.01)


def test_daily_periods_carry_the_snapshot_in_force():
    t = territory_series(SNAPS, by=None, freq="D")
    assert len(t) == 18  # 3 to 20 March
    held = t.set_index("period")["held_km2"]
    assert held["2025-03-11"] == held["2025-03-03"]
    assert t.set_index("period").loc["2025-03-11", "gained_km2"] == 0


def test_per_area_rows():
    t = territory_series(SNAPS, by="admin1", freq="W", areas=AREAS)
    assert set(t["admin1"]) == {TOTAL, "West", "East"}
    second = t[t["period"] == "2025-03-10"].set_index("admin1")
    assert second.loc["East", "gained_km2"] == pytest.approx(km2(box(37, 48, 37.5, 49)), rel=1e-3)
    assert second.loc["West", "gained_km2"] == pytest.approx(0, abs=0.01)
    assert second.loc["West", "held_km2"] + second.loc["East", "held_km2"] == pytest.approx(
        second.loc[TOTAL, "held_km2"], rel=1e-6
    )


def test_bundled_oblasts():
    t = territory_series({"2025-03-01": box(36.0, 49.8, 36.4, 50.1)}, freq="W")
    assert "Kharkiv Oblast" in set(t["admin1"])


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        ({"freq": "fortnightly"}, "not a pandas frequency"),
        ({"by": "oblast"}, "bundled areas give 'admin1' or 'admin2'"),
        ({"by": "name", "areas": AREAS}, "no column 'name'"),
    ],
)
def test_bad_options(kw, match):
    with pytest.raises(GeokitValueError, match=match):
        territory_series(SNAPS, **kw)


def test_series_ends_with_the_period_of_the_last_snapshot():
    # nothing is known of the control area after 20 March: no later day is carried forward
    daily = territory_series(SNAPS, by=None, freq="D")
    assert daily["period"].max() == pd.Timestamp("2025-03-20")
    # a period that ends after the last snapshot is described by that snapshot
    monthly = territory_series(SNAPS, by=None, freq="MS")
    assert list(monthly["period"]) == [pd.Timestamp("2025-03-01")]
    assert monthly["snapshot_date"].iloc[0] == pd.Timestamp("2025-03-20")
    # to stop earlier, select the snapshots up to the end date
    early = territory_series(
        {d: g for d, g in SNAPS.items() if d <= "2025-03-15"}, by=None, freq="D"
    )
    assert early["period"].max() == pd.Timestamp("2025-03-12")
