"""Tests for geokit.events: schema, validation, accessor and geocode_events."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geokit.events as ev
from geokit.errors import GeokitValueError


def _events(**cols) -> gpd.GeoDataFrame:
    base = {"event_id": ["a", "b"], "event_date": ["2024-08-06", "2024-08-07"],
            "lat": [51.19, 50.0], "lon": [35.27, 30.5]}
    base.update(cols)
    return ev.conform(pd.DataFrame(base), dataset="test")


def test_empty_events_has_schema():
    gdf = ev.empty_events()
    assert list(gdf.columns) == [*ev.EVENT_COLUMNS, "geometry"]
    assert gdf.crs == ev.CRS
    assert str(gdf["event_date"].dtype) == "datetime64[ns]"
    assert str(gdf["fatalities"].dtype) == "Int64"
    assert ev.validate_events(gdf).empty


def test_points_from_latlon_order_and_bad_values():
    pts = ev.points_from_latlon([51.19, np.nan, 95.0], [35.27, 1.0, 10.0])
    assert (pts[0].x, pts[0].y) == (35.27, 51.19)
    assert pts[1] is None and pts[2] is None
    with pytest.raises(GeokitValueError):
        ev.points_from_latlon([1, 2], [3])


@settings(max_examples=50, deadline=None)
@given(st.floats(-90, 90), st.floats(-180, 180))
def test_points_from_latlon_roundtrip(lat, lon):
    p = ev.points_from_latlon([lat], [lon])[0]
    assert (p.y, p.x) == (lat, lon)


def test_conform_keeps_extra_columns_and_order():
    gdf = _events(extra=["x", "y"])
    assert list(gdf.columns[: len(ev.EVENT_COLUMNS)]) == list(ev.EVENT_COLUMNS)
    assert gdf["extra"].tolist() == ["x", "y"]
    assert gdf["dataset"].tolist() == ["test", "test"]
    assert gdf.geometry.iloc[0].y == 51.19


def test_validate_reports_all_problems_at_once():
    gdf = _events(event_id=["a", "a"], lat=[95.0, np.nan], lon=[30.0, 30.0],
                  fatalities=[-1, 2], loc_precision=["exact", "street"],
                  country_code=["UA", "Ukraine"])
    probs = ev.validate_events(gdf)
    assert list(probs.columns) == ["row", "column", "value", "why"]
    got = set(zip(probs["row"], probs["column"], strict=True))
    assert {(0, "event_id"), (1, "event_id"), (0, "lat"), (1, "lat"), (0, "fatalities"),
            (1, "loc_precision"), (1, "country_code")} <= got
    swapped = probs[(probs["row"] == 0) & (probs["column"] == "lat")]["why"].iloc[0]
    assert "swapped" in swapped


def test_validate_missing_columns_and_crs():
    probs = ev.validate_events(pd.DataFrame({"lat": [1.0], "lon": [2.0]}))
    assert "event_id" in set(probs["column"])
    gdf = _events().to_crs(3857)
    assert "geometry" in set(ev.validate_events(gdf)["column"])


def test_validate_flags_geometry_that_disagrees_with_latlon():
    gdf = _events()
    gdf.loc[0, "lat"] = 10.0
    probs = ev.validate_events(gdf)
    assert ((probs["column"] == "geometry") & (probs["row"] == 0)).any()
    assert ev.validate_events(gdf.geokit.with_points())["column"].ne("geometry").all()


def test_accessor_counts_and_validate():
    gdf = _events(admin1=["Kursk", "Kursk"], fatalities=[1, 2])
    assert gdf.geokit.is_valid()
    counts = gdf.geokit.counts("admin1")
    assert counts.to_dict("records") == [{"admin1": "Kursk", "events": 2, "fatalities": 3}]


# -- geocode_events with a fake geocoder -----------------------------------------------------------
FAKE = {
    ("Sudzha", "populated_place"): (51.19, 35.27),
    ("Sumy Oblast", "admin1"): (51.0, 34.3),
    ("Kursk", "populated_place"): (51.73, 36.19),
}


def _fake_geocode_many(values, *, country=None, admin1=None, admin2=None, kind=None,
                       progress=None, **_):
    rows = []
    for v in values:
        hit = None
        for (name, k), pt in FAKE.items():
            if v == name and (kind is None or kind == k):
                hit = (name, k, pt)
        if hit:
            rows.append({"query": v, "name": hit[0], "lat": hit[2][0], "lon": hit[2][1],
                         "kind": hit[1], "status": "resolved", "reason": ""})
        else:
            rows.append({"query": v, "name": None, "lat": np.nan, "lon": np.nan, "kind": None,
                         "status": "unresolved", "reason": f"no place called {v!r}"})
    return pd.DataFrame(rows, columns=["query", "name", "lat", "lon", "kind", "status",
                                       "reason"])


@pytest.fixture
def fake_geocoder(monkeypatch):
    import importlib

    mod = importlib.import_module("geokit.geocoding")
    monkeypatch.setattr(mod, "geocode_many", _fake_geocode_many)


def _table():
    return pd.DataFrame({
        "event_id": ["1", "2", "3", "4", "5", "6"],
        "location": ["Sudzha", "Nowhere", None, "Kursk", "Kursk", "Sudzha"],
        "admin1": [None, "Sumy Oblast", None, None, None, None],
        "lat": [np.nan, np.nan, np.nan, 36.19, 51.70, 1000.0],
        "lon": [np.nan, np.nan, np.nan, 51.73, 36.20, 35.0],
    }, index=[10, 11, 12, 13, 14, 15])


def test_geocode_events_hierarchy_and_status(fake_geocoder):
    df = _table()
    out = ev.geocode_events(df)
    assert out.index.tolist() == df.index.tolist()
    assert out["event_id"].tolist() == df["event_id"].tolist()
    assert out.loc[10, ["lat", "lon"]].tolist() == [51.19, 35.27]
    assert out.loc[10, "loc_precision"] == "exact"
    assert out.loc[10, "geocode_status"] == "resolved"
    assert out.loc[11, "loc_precision"] == "admin1"
    assert out.loc[11, "geocode_status"] == "approximate"
    assert "Nowhere" in out.loc[11, "geocode_reason"]
    assert out.loc[12, "geocode_status"] == "unresolved" and np.isnan(out.loc[12, "lat"])
    assert out.loc[12, "geocode_reason"]
    # existing coordinates kept; the swapped pair is flagged, the good pair is not
    assert out.loc[13, ["lat", "lon"]].tolist() == [36.19, 51.73]
    assert out.loc[13, "geocode_status"] == "suspect"
    assert "swapped" in out.loc[13, "geocode_reason"]
    assert out.loc[14, "geocode_status"] == "existing"
    # out-of-range coordinates are replaced by geocoding and explained
    assert out.loc[15, "lat"] == 51.19
    assert "out of range" in out.loc[15, "geocode_reason"]
    assert set(out["geocode_status"]) <= set(ev_statuses())


def ev_statuses():
    from geokit.events._geocode import GEOCODE_STATUSES

    return GEOCODE_STATUSES


def test_geocode_events_wrong_sign(fake_geocoder):
    df = pd.DataFrame({"location": ["Kursk"], "lat": [51.73], "lon": [-36.19]})
    out = ev.geocode_events(df)
    assert out.loc[0, "geocode_status"] == "suspect"
    assert "longitude has the wrong sign" in out.loc[0, "geocode_reason"]
    assert ev.geocode_events(df, check_existing=False).loc[0, "geocode_status"] == "existing"


def test_geocode_events_hints_scalar_and_sequence(fake_geocoder, monkeypatch):
    seen = {}

    def spy(values, **kw):
        seen.update(kw)
        return _fake_geocode_many(values, **kw)

    import importlib

    monkeypatch.setattr(importlib.import_module("geokit.geocoding"), "geocode_many", spy)
    df = pd.DataFrame({"location": ["Sudzha", "Kursk"]})
    ev.geocode_events(df, country="RU", admin1=["Kursk Oblast", "Kursk Oblast"])
    assert seen["country"] == ["RU", "RU"]
    assert seen["admin1"] == ["Kursk Oblast", "Kursk Oblast"]
    with pytest.raises(GeokitValueError):
        ev.geocode_events(df, location_col="town")
    with pytest.raises(GeokitValueError):
        ev.geocode_events(df, admin1=["only one"])


def test_geocode_events_remembers_distinct_queries(fake_geocoder, monkeypatch):
    import importlib

    mod = importlib.import_module("geokit.geocoding")
    asked = []

    def make_spy():
        def spy(values, **kw):
            asked.append(list(values))
            return _fake_geocode_many(values, **kw)
        return spy

    monkeypatch.setattr(mod, "geocode_many", make_spy())
    df = pd.DataFrame({"location": ["Sudzha", "Kursk", "Sudzha", "Nowhere"],
                       "admin1": [None, None, None, "Sumy Oblast"]})
    first = ev.geocode_events(df)
    assert sorted(asked[0]) == ["Kursk", "Nowhere", "Sudzha"]  # each distinct query once
    asked.clear()
    again = ev.geocode_events(df.iloc[::-1])  # a second partition with the same names
    assert asked == []
    pd.testing.assert_frame_equal(again.iloc[::-1], first)
    monkeypatch.setattr(mod, "geocode_many", make_spy())  # another geocoder: no reuse
    ev.geocode_events(df)
    assert asked  # the cache was dropped when the geocoder changed


def test_geocode_events_geodataframe_geometry(fake_geocoder):
    gdf = ev.conform(pd.DataFrame({"location": ["Sudzha"]}))
    out = gdf.geokit.geocode()
    assert isinstance(out, gpd.GeoDataFrame)
    assert (out.geometry.iloc[0].x, out.geometry.iloc[0].y) == (35.27, 51.19)


def test_geocode_events_empty(fake_geocoder):
    out = ev.geocode_events(pd.DataFrame({"location": pd.Series([], dtype=object)}))
    assert len(out) == 0 and "geocode_status" in out.columns


# -- the real geocoder -----------------------------------------------------------------------------
def test_geocode_events_real_sudzha():
    df = pd.DataFrame({"location": ["Sudzha", "Sudzha"], "admin1": ["Kursk Oblast", None],
                       "lat": [np.nan, 35.27], "lon": [np.nan, 51.19]})
    out = ev.geocode_events(df)
    assert abs(out.loc[0, "lat"] - 51.19) < 0.05 and abs(out.loc[0, "lon"] - 35.27) < 0.05
    assert out.loc[0, "loc_precision"] == "exact"
    assert out.loc[1, "geocode_status"] == "suspect"


# -- dask ------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_geocode_events_dask_matches_pandas_on_local_cluster():
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    df = pd.DataFrame({"location": ["Sudzha", "Kursk", "Nowhere", "Sumy"] * 5,
                       "admin1": ["Kursk Oblast", None, "Sumy Oblast", None] * 5,
                       "lat": [np.nan] * 20, "lon": [np.nan] * 20})
    expected = ev.geocode_events(df)
    with distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=":0") as cl, \
            distributed.Client(cl):
        ddf = dd.from_pandas(df, npartitions=3)
        got = ev.geocode_events(ddf).compute()
    pd.testing.assert_frame_equal(got, pd.DataFrame(expected.drop(columns="geometry")),
                                  check_dtype=False)


def test_geocode_events_dask_geopandas(fake_geocoder):
    dask_geopandas = pytest.importorskip("dask_geopandas")
    gdf = ev.conform(pd.DataFrame({"location": ["Sudzha", "Nowhere", "Kursk", None]}))
    expected = ev.geocode_events(gdf)
    got = ev.geocode_events(dask_geopandas.from_geopandas(gdf, npartitions=2)).compute()
    assert isinstance(got, gpd.GeoDataFrame) and got.crs == ev.CRS

    def plain(frame):  # dask stores text as pyarrow strings (NA instead of None)
        frame = pd.DataFrame(frame.drop(columns="geometry")).astype(object)
        return frame.where(frame.notna(), None)

    pd.testing.assert_frame_equal(plain(got), plain(expected))
    assert got.geometry.equals(expected.geometry)


# -- admin assignment ------------------------------------------------------------------------------
def test_assign_admin_from_coordinates():
    df = pd.DataFrame({"lat": [51.19, 51.1901, np.nan, 49.99, 95.0],
                       "lon": [35.27, 35.2701, 1.0, 36.23, 1.0]}, index=list("abcde"))
    out = ev.assign_admin(df, method="nearest")
    assert out.index.tolist() == list("abcde")
    assert out.loc["a", "area_country_code"] == "RU"
    assert out.loc["a", "area_admin1"] == "Kursk Oblast"
    assert out.loc["a", "area_status"] == "nearest_settlement"
    assert out.loc["a", "area_reason"].startswith("nearest settlement Sudzha")
    assert out.loc["d", ["area_country_code", "area_admin1"]].tolist() == \
        ["UA", "Kharkiv Oblast"]
    assert out.loc["c", "area_admin1"] is None and out.loc["e", "area_status"] == "no_coordinates"
    counts = out.geokit.counts("area_admin1", fatalities=False)
    assert counts.set_index("area_admin1").loc["Kursk Oblast", "events"] == 2


def test_assign_admin_dask_matches_pandas():
    dd = pytest.importorskip("dask.dataframe")
    df = pd.DataFrame({"lat": [51.19, 49.99, np.nan, 50.45], "lon": [35.27, 36.23, 1.0, 30.52]})
    expected = ev.assign_admin(df, method="nearest")
    got = ev.assign_admin(dd.from_pandas(df, npartitions=2), method="nearest").compute()
    assert got["area_admin1"].astype(object).where(got["area_admin1"].notna(), None
                                                    ).tolist() == expected["area_admin1"].tolist()
    assert got["area_reason"].astype(object).tolist() == expected["area_reason"].tolist()


def test_assign_admin_same_columns_whatever_the_method():
    df = pd.DataFrame({"lat": [51.19, np.nan], "lon": [35.27, 1.0]})
    polygon = ev.assign_admin(df, countries=["RU", "UA"])
    nearest = ev.assign_admin(df, method="nearest")
    assert list(polygon.columns) == list(nearest.columns) == ["lat", "lon", *ev.ADMIN_COLUMNS]
    assert polygon.loc[0, "area_admin1"] == nearest.loc[0, "area_admin1"] == "Kursk Oblast"
    assert set(polygon["area_status"]) | set(nearest["area_status"]) <= set(ev.ADMIN_STATUSES)


# -- distances -------------------------------------------------------------------------------------
def test_distance_to_km_point_and_line():
    from shapely.geometry import LineString, Point

    df = pd.DataFrame({"lat": [50.0, np.nan, 50.0], "lon": [30.0, 1.0, 31.0]})
    d = ev.distance_to_km(df, Point(31.0, 50.0))
    assert abs(d.iloc[0] - 71.7) < 1.0 and np.isnan(d.iloc[1]) and d.iloc[2] < 1e-6
    line = gpd.GeoSeries([LineString([(30.5, 40.0), (30.5, 60.0)])], crs=4326).to_crs(3857)
    d2 = df.geokit.distance_to(line)
    assert abs(d2.iloc[0] - 35.8) < 1.0
    with pytest.raises(GeokitValueError):
        ev.distance_to_km(df, LineString())


def test_distance_to_border():
    df = pd.DataFrame({"lat": [51.19, 50.45], "lon": [35.27, 30.52]})  # Sudzha, Kyiv
    d = ev.distance_to_border_km(df, "UA")
    assert 3 < d.iloc[0] < 25
    assert 50 < d.iloc[1] < 130
    with pytest.raises(GeokitValueError, match="available"):
        ev.distance_to_border_km(df, "FR")


def test_conform_takes_latlon_from_point_geometry():
    from shapely.geometry import LineString, Point

    g = gpd.GeoDataFrame({"location": ["a", "b", "c"]},
                         geometry=[Point(30, 50), None, LineString([(0, 0), (1, 1)])],
                         crs=4326)
    out = ev.conform(g)
    assert out.loc[0, ["lat", "lon"]].tolist() == [50.0, 30.0]
    assert out[["lat", "lon"]].iloc[1:].isna().all().all()
    assert out.geometry.iloc[0] == Point(30, 50)
    assert ev.conform(g.iloc[:0]).shape == (0, len(ev.EVENT_COLUMNS) + 1)


_names = st.sampled_from(["Sudzha", "Kursk", "Nowhere", "", None])
_coord = st.one_of(st.just(np.nan), st.floats(-200, 200))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_names, _names, _coord, _coord), max_size=12))
def test_geocode_events_never_drops_or_reorders(rows):
    import importlib

    mod = importlib.import_module("geokit.geocoding")
    real = mod.geocode_many
    mod.geocode_many = _fake_geocode_many
    try:
        df = pd.DataFrame(rows, columns=["location", "admin1", "lat", "lon"])
        df.index = [f"r{i}" for i in range(len(df))]
        out = ev.geocode_events(df)
    finally:
        mod.geocode_many = real
    assert out.index.tolist() == df.index.tolist()
    assert out["location"].tolist() == df["location"].tolist()
    assert set(out["geocode_status"]) <= set(ev_statuses())
    valid = df["lat"].abs().le(90) & df["lon"].abs().le(180)
    pd.testing.assert_series_equal(out.loc[valid, "lat"], df.loc[valid, "lat"], check_dtype=False)
    filled = out["lat"].notna()
    assert (out.loc[~filled, "geocode_status"] == "unresolved").all()
    assert out.loc[~filled, "geocode_reason"].str.len().gt(0).all()


# -- admin assignment by polygons ------------------------------------------------------------------
def _areas() -> gpd.GeoDataFrame:
    """Two regions side by side, one with a hole, and a district-like third polygon."""
    from shapely.geometry import Polygon, box

    west = Polygon([(30, 45), (35, 45), (35, 52), (30, 52)],
                   holes=[[(31, 46), (32, 46), (32, 47), (31, 47)]])
    return gpd.GeoDataFrame(
        {"country_code": ["UA", "UA", "RU"], "admin1": ["W", "E", "K"],
         "name": ["West", "East", "Kursk"], "shape_id": ["w1", "e1", "k1"]},
        geometry=[west, box(35, 45, 40, 52), box(34, 52, 38, 53)], crs=4326)


def _points() -> pd.DataFrame:
    return pd.DataFrame({
        "lat": [50.0, 50.0, 46.5, 52.5, 60.0, np.nan, 50.01, 95.0, 50.0],
        "lon": [31.0, 35.0, 31.5, 36.0, 36.0, 1.0, 40.01, 1.0, 36.0],
        "fatalities": [1, 2, None, 3, 4, 5, 6, 7, 8],
    }, index=[f"r{i}" for i in range(9)])


def test_assign_admin_polygons_keeps_rows_and_explains():
    df = _points()
    out = ev.assign_admin(df, _areas(), columns=["shape_id"])
    assert out.index.tolist() == df.index.tolist()
    assert out[["lat", "lon"]].equals(df[["lat", "lon"]])
    assert out["area_name"].tolist() == ["West", "West", None, "Kursk", None, None, "East",
                                          None, "East"]
    # a shared edge goes to the first area in the table; a hole is outside
    assert out.loc["r1", "area_status"] == "inside"
    assert out.loc["r2", "area_status"] == "outside" and "outside every area" in \
        out.loc["r2", "area_reason"]
    assert out.loc["r3", ["area_country_code", "area_admin1", "area_shape_id"]].tolist() == \
        ["RU", "K", "k1"]
    assert out.loc["r5", "area_status"] == "no_coordinates"
    assert out.loc["r7", "area_status"] == "no_coordinates"
    # just outside the east edge: the nearest area, within max_km, says how far
    assert out.loc["r6", "area_status"] == "nearest"
    assert "0.7 km from East" in out.loc["r6", "area_reason"]
    assert ev.assign_admin(df, _areas(), max_km=0).loc["r6", "area_status"] == "outside"
    assert out["area_admin2"].isna().all()
    assert set(out["area_status"]) <= {"inside", "nearest", "outside", "no_coordinates"}
    assert (out.loc[out["area_status"] != "inside", "area_reason"].str.len() > 0).all()


def test_assign_admin_polygons_user_file_crs_and_name_column(tmp_path):
    areas = _areas().rename(columns={"name": "shapeName"}).to_crs(3857)
    path = tmp_path / "areas.gpkg"
    areas.to_file(path)
    out = ev.assign_admin(_points(), str(path), name_column="shapeName")
    assert out.loc["r0", "area_name"] == "West" and out.loc["r3", "area_name"] == "Kursk"
    with pytest.raises(GeokitValueError, match="shapeName"):
        ev.assign_admin(_points(), _areas(), name_column="shapeName")
    from geokit.errors import InputFileError

    with pytest.raises(InputFileError, match="not found"):
        ev.assign_admin(_points(), tmp_path / "missing.gpkg")
    lines = gpd.GeoDataFrame({"name": ["l"]}, geometry=[_areas().boundary.iloc[0]], crs=4326)
    with pytest.raises(GeokitValueError, match="polygons"):
        ev.assign_admin(_points(), lines)
    with pytest.raises(GeokitValueError, match="polygon, nearest"):
        ev.assign_admin(_points(), method="voronoi")


def test_assign_admin_polygons_geodataframe_and_accessor():
    gdf = ev.conform(_points())
    out = gdf.geokit.assign_admin(_areas())
    assert isinstance(out, gpd.GeoDataFrame) and out.crs == ev.CRS
    assert out["area_name"].iloc[0] == "West"
    empty = ev.assign_admin(_points().iloc[:0], _areas())
    assert len(empty) == 0 and "area_status" in empty.columns


def test_assign_admin_bundled_areas_by_default(monkeypatch):
    from shapely.geometry import box

    seen = []

    def admin_areas(level=1, countries=None):
        seen.append((level, countries))
        if level == 1:
            return _areas()
        return gpd.GeoDataFrame({"country_code": ["UA"], "admin1": ["W"], "admin2": ["w-1"],
                                 "name": ["District w-1"]}, geometry=[box(30, 49, 31.5, 51)],
                                crs=4326)

    from geokit.events import _spatial
    from geokit.events._spatial import _bundled

    monkeypatch.setattr(_spatial, "admin_areas", admin_areas)
    _bundled.cache_clear()  # built once per process: forget the real areas, then the fake
    try:
        _check_fake_bundled(seen)
    finally:
        _bundled.cache_clear()


def _check_fake_bundled(seen):
    out = ev.assign_admin(_points(), level=1, countries=["UA"])
    assert seen == [(1, ["UA"])]
    assert "bundled admin level 1" in out.loc["r4", "area_reason"]
    # districts cover less than regions: outside them, country and region come from level 1
    out = ev.assign_admin(_points(), level=2, countries=["UA"])
    assert seen[1:] == [(2, ["UA"]), (1, ["UA"])]
    assert out.loc["r0", ["area_admin2", "area_name", "area_status"]].tolist() == \
        ["w-1", "District w-1", "inside"]
    assert out.loc["r8", ["area_admin1", "area_admin2", "area_status"]].tolist() == \
        ["E", None, "admin1_only"]
    assert "level 1" in out.loc["r8", "area_reason"]
    assert out.loc["r4", "area_status"] == "outside"
    with pytest.raises(GeokitValueError, match="level"):
        ev.assign_admin(_points(), level=3)


def test_assign_admin_real_bundled_areas():
    df = pd.DataFrame({"lat": [51.19, 49.99, 43.0], "lon": [35.27, 36.23, 33.0]})
    regions = ev.assign_admin(df)
    assert regions["area_admin1"].tolist()[:2] == ["Kursk Oblast", "Kharkiv Oblast"]
    assert regions["area_country_code"].tolist()[:2] == ["RU", "UA"]
    assert regions["area_status"].tolist() == ["inside", "inside", "outside"]  # Black Sea
    districts = ev.assign_admin(df, level=2, countries=["UA", "RU"])
    assert districts.loc[1, "area_admin2"] == "Kharkiv Raion"


def test_count_events_pandas_and_dask_agree():
    dd = pytest.importorskip("dask.dataframe")
    out = ev.assign_admin(_points(), _areas())
    expected = ev.count_events(out, "area_admin1")
    assert expected.to_dict("records")[0] == {"area_admin1": "E", "events": 2,
                                              "fatalities": 14}
    assert expected["events"].sum() == len(out)
    got = ev.count_events(ev.assign_admin(dd.from_pandas(_points(), npartitions=3), _areas()),
                          "area_admin1").compute()
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected)
    two = ev.count_events(out, ["area_country_code", "area_status"], fatalities=False)
    assert list(two.columns) == ["area_country_code", "area_status", "events"]
    with pytest.raises(GeokitValueError, match="no column"):
        ev.count_events(out, "oblast")


def test_assign_admin_and_distances_dask_match_pandas():
    dd = pytest.importorskip("dask.dataframe")
    from shapely.geometry import LineString

    df, areas = _points(), _areas()
    ddf = dd.from_pandas(df, npartitions=3)
    expected = ev.assign_admin(df, areas, columns=["shape_id"])
    got = ev.assign_admin(ddf, areas, columns=["shape_id"]).compute()
    pd.testing.assert_frame_equal(got.astype(object).where(got.notna(), None),
                                  expected.astype(object).where(expected.notna(), None),
                                  check_index_type=False)
    front = LineString([(36.5, 47.0), (37.5, 49.0), (37.0, 51.0)])
    pd.testing.assert_series_equal(ev.distance_to_km(ddf, front).compute(),
                                   ev.distance_to_km(df, front), check_index_type=False)
    pd.testing.assert_series_equal(ev.distance_to_border_km(ddf, "UA").compute(),
                                   ev.distance_to_border_km(df, "UA"), check_index_type=False)


def test_geocode_events_progress_bar_over_rows(fake_geocoder, capsys, monkeypatch):
    import geokit.events._geocode as ge

    monkeypatch.setattr(ge, "_PROGRESS_ROWS", 10)
    n = 25_000
    df = pd.DataFrame({"location": np.resize(["Sudzha", "Kursk", None, "Nowhere"], n),
                       "lat": np.nan, "lon": np.nan})
    admin1 = np.resize(["Kursk Oblast", None], n).tolist()
    quiet = ev.geocode_events(df, admin1=admin1, progress=False)
    assert "geocoding events" not in capsys.readouterr().err
    shown = ev.geocode_events(df, admin1=admin1, progress=True)
    err = capsys.readouterr().err
    assert "geocoding events" in err and "25000/25000" in err
    pd.testing.assert_frame_equal(shown, quiet)


def test_distance_to_land_border_and_frontline_pandas_and_dask():
    dd = pytest.importorskip("dask.dataframe")
    from shapely.geometry import box

    from geokit.conflict import front_line

    df = pd.DataFrame({"lat": [51.19, 46.48, 48.5, np.nan], "lon": [35.27, 30.73, 38.5, 1.0]})
    land = ev.distance_to_border_km(df, "UA-RU")
    assert land.iloc[0] < 20  # Sudzha
    assert land.iloc[1] > 300  # Odesa: far from Russia by land, near the coast
    assert ev.distance_to_border_km(df, "UA").iloc[1] < 30  # ... which counts as UA's outline
    with pytest.raises(GeokitValueError, match="no bundled border"):
        ev.distance_to_border_km(df, "UA-FR")
    # a control area east of 38 E inside Ukraine: the frontline is its western edge
    line = front_line(box(38.0, 46.0, 41.0, 50.5))
    d = ev.distance_to_km(df, line)
    assert abs(d.iloc[2] - 36.9) < 1.5  # half a degree of longitude at 48.5 N
    lazy = dd.from_pandas(df, npartitions=2)
    np.testing.assert_allclose(ev.distance_to_km(lazy, line).compute(), d)
    np.testing.assert_allclose(ev.distance_to_border_km(lazy, "UA-RU").compute(), land)


def test_geocode_events_column_names_end_in_col(fake_geocoder):
    df = pd.DataFrame({"town": ["Sudzha"], "land": ["RU"]})
    new = ev.geocode_events(df, location_col="town", country_col="land")
    with pytest.warns(DeprecationWarning, match="country_col"):
        old = ev.geocode_events(df, location_col="town", country="land")
    with pytest.warns(DeprecationWarning, match="location_col"):
        older = ev.geocode_events(df, location="town", country_col="land")
    pd.testing.assert_frame_equal(new, old)
    pd.testing.assert_frame_equal(new, older)
    # a value that is not a column is a hint for every row, as in geocode_many
    hinted = ev.geocode_events(df, location_col="town", country="RU")
    assert hinted.loc[0, "geocode_status"] == new.loc[0, "geocode_status"]
