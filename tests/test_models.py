"""Result objects (geokit.models)."""

import dataclasses

import geopandas as gpd
import pytest

from geokit.models import KINDS, Place


def test_place_geometry_is_in_shapely_order():
    p = Place("Sumy", lat=50.9, lon=34.8)
    assert p.point == (50.9, 34.8)  # (lat, lon), as written
    assert (p.geometry.x, p.geometry.y) == (34.8, 50.9)  # shapely: x = lon
    assert p.__geo_interface__["geometry"]["coordinates"] == [34.8, 50.9]
    gdf = gpd.GeoDataFrame.from_features([p], crs=4326)
    assert gdf.geometry.iloc[0].equals(p.geometry) and gdf.loc[0, "name"] == "Sumy"


def test_place_is_frozen_and_documents_every_kind():
    p = Place("Sumy", lat=50.9, lon=34.8)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.lat = 0.0  # type: ignore[misc]
    for kind in KINDS:
        assert f"``{kind}``" in Place.__doc__
