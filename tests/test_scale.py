"""Events at scale: the whole pipeline on a dask ``distributed`` cluster equals pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import geokit.events as ev
from geokit.io import read_events

pytest.importorskip("dask_geopandas")
distributed = pytest.importorskip("distributed")

_PLACES = [("Sudzha", "Kursk Oblast", "RU"), ("Sumy", "Sumy Oblast", "UA"),
           ("Kharkiv", "", "UA"), ("Nowhere-Village", "Sumy Oblast", "UA"),
           ("", "Donetsk Oblast", "UA"), ("Kupiansk", "Kharkiv Oblast", "")]


def _csv(path, n: int = 240) -> None:
    rng = np.random.default_rng(1)
    rows = []
    for i in range(n):
        name, adm1, cc = _PLACES[i % len(_PLACES)]
        lat, lon = ("", "") if i % 3 else (f"{rng.uniform(46, 53):.4f}",
                                           f"{rng.uniform(30, 39):.4f}")
        if i % 29 == 0:
            lat, lon = lon, lat  # swapped: kept, explained, geocoded from the name
        rows.append(f"e{i // 2},{name},{adm1},{cc},{lat},{lon},{i % 4}")
    path.write_text("event_id,location,admin1,country_code,lat,lon,fatalities\n"
                    + "\n".join(rows) + "\n", encoding="utf-8")


def _areas():
    import geopandas as gpd
    from shapely.geometry import box

    return gpd.GeoDataFrame(
        {"country_code": ["UA", "UA", "RU"], "admin1": ["North", "South", "Border"],
         "name": ["North", "South", "Border"]},
        geometry=[box(30, 49.5, 35.0, 53), box(30, 44, 40, 49.5), box(35.0, 49.5, 40, 53)],
        crs=4326)


def _plain(frame) -> pd.DataFrame:
    frame = pd.DataFrame(frame.drop(columns="geometry")).reset_index(drop=True).astype(object)
    return frame.where(frame.notna(), None)


@pytest.mark.slow
def test_pipeline_on_local_cluster_matches_pandas(tmp_path):
    src = tmp_path / "events.csv"
    _csv(src)
    areas = _areas()
    expected = ev.assign_admin(ev.geocode_events(read_events(src)), areas)
    expected_counts = ev.count_events(expected, "area_admin1")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster):
        lazy = read_events(src, blocksize=2000)
        assert lazy.npartitions >= 3
        out = ev.assign_admin(ev.geocode_events(lazy), areas)
        out["border_km"] = ev.distance_to_border_km(out, "UA")
        got, counts = out.compute(), ev.count_events(out, "area_admin1").compute()
        out.to_parquet(tmp_path / "out")  # partitions written as GeoParquet by the workers
    import geopandas as gpd

    border = got.pop("border_km")
    written = gpd.read_parquet(tmp_path / "out")
    assert len(written) == len(expected) and written.crs == "EPSG:4326"
    assert written["area_status"].tolist() == expected["area_status"].tolist()
    pd.testing.assert_frame_equal(_plain(got), _plain(expected))
    assert got.geometry.reset_index(drop=True).equals(expected.geometry)
    pd.testing.assert_frame_equal(counts.reset_index(drop=True), expected_counts)
    np.testing.assert_allclose(border.to_numpy(), ev.distance_to_border_km(expected, "UA"))
    # nothing lost: every row is placed or says why not
    assert len(got) == 240
    assert set(got["geocode_status"]) <= {"existing", "suspect", "resolved", "ambiguous",
                                          "approximate", "unresolved"}
    assert got.loc[got["lat"].isna(), "geocode_reason"].str.len().gt(0).all()
    assert got.loc[got["area_status"] != "inside", "area_reason"].str.len().gt(0).all()
