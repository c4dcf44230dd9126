"""Bundled approximate admin areas (geokit.gazetteer.admin)."""

import pytest
from shapely.geometry import Point

from geokit.errors import GeokitValueError
from geokit.gazetteer import admin_areas, admin_lines


def test_oblasts_of_ukraine_cover_their_capitals():
    oblasts = admin_areas(1, countries="UA")
    assert list(oblasts.columns) == ["country_code", "admin1", "admin2", "name", "geonameid",
                                     "level", "geometry"]
    assert oblasts.crs.to_epsg() == 4326
    assert (oblasts["country_code"] == "UA").all() and len(oblasts) >= 25
    by_name = oblasts.set_index("name").geometry
    assert by_name["Sumy Oblast"].contains(Point(34.80, 50.91))  # Sumy
    assert by_name["Kharkiv Oblast"].contains(Point(36.23, 49.99))  # Kharkiv
    assert not by_name["Sumy Oblast"].contains(Point(36.23, 49.99))


def test_area_sizes_are_close_to_official_figures():
    ru = admin_areas(1, countries=["RU"]).set_index("name").to_crs(6933)
    km2 = ru.area / 1e6
    assert km2["Kursk Oblast"] == pytest.approx(29_997, rel=0.1)  # official: 29,997 km²


def test_raions_exist_for_ukraine_and_nest_in_oblasts():
    raions = admin_areas(2, countries=["UA"])
    assert len(raions) > 50
    assert raions["geometry"].contains(Point(34.80, 50.91)).sum() == 1  # Sumy in one raion
    assert (raions["admin2"] == raions["name"]).all()
    assert (raions["admin1"] != "").all()


def test_admin_lines_skip_the_international_border():
    lines = admin_lines(1, countries="UA", bbox=(30, 44, 41, 53))
    assert list(lines["country_code"]) == ["UA"]
    geom = lines.geometry.iloc[0]
    assert geom.length > 10
    # the UA-RU border near Sudzha is not an internal line
    assert geom.distance(Point(35.4, 51.25)) > 0.05


def test_bad_level():
    with pytest.raises(GeokitValueError, match="level"):
        admin_areas(3)


def test_admin_lines_are_lines_where_the_box_only_touches_one():
    # the west edge of this box (33.2°E) meets an oblast line in a single point, which a map
    # would draw as a marker with a missing icon
    lines = admin_lines(1, bbox=(33.2, 48.75, 37.95, 52.4))
    assert len(lines) and set(lines.geom_type) <= {"LineString", "MultiLineString"}
