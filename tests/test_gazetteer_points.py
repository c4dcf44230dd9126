"""One point per country and region, whichever function returns it (geokit.gazetteer._points)."""

import csv
from importlib import resources

import pandas as pd
import pytest

import geokit
from geokit._geo import haversine_km
from geokit.gazetteer import default


def _geonames_point(cc):
    text = resources.files("geokit").joinpath("data/country_points.csv").read_text("utf-8")
    row = next(r for r in csv.DictReader(text.splitlines()) if r["country_code"] == cc)
    return float(row["geonames_lat"]), float(row["geonames_lon"])


@pytest.mark.parametrize("name", ["Russia", "Ukraine", "Alberta", "Kursk Oblast", "Queensland"])
def test_geocode_geocode_many_and_extract_places_agree(name):
    one = geokit.geocode(name)
    table = geokit.geocode_many([name])
    text = f"Officials in {name} said on Monday that the talks would resume."
    found = [m.place for m in geokit.extract_places(text) if m.place is not None]
    assert one.kind in ("country", "admin1")
    assert [p.name for p in found] == [one.name]
    assert (found[0].lat, found[0].lon) == (one.lat, one.lon)
    assert (table.loc[0, "lat"], table.loc[0, "lon"]) == (one.lat, one.lon)


def test_countries_sit_at_geonames_own_point():
    for cc, name in (("RU", "Russia"), ("CA", "Canada"), ("UA", "Ukraine")):
        p = geokit.geocode(name, kind="country")
        assert (p.lat, p.lon) == pytest.approx(_geonames_point(cc), abs=1e-4)
    # the stored polygon point stays in the raw record (Russia's is over 400 km away)
    russia = geokit.geocode("Russia")
    assert haversine_km(russia.lat, russia.lon, russia.raw["lat"], russia.raw["lon"]) > 300


def test_region_point_is_not_the_settlement_mean():
    """Alberta's settlements crowd into the south; its point follows the area instead."""
    gaz = default()
    p = geokit.geocode("Alberta")
    assert p.lat > p.raw["lat"] + 1.0
    assert gaz.place(p.raw["record"]).lat == p.lat


def test_events_tables_use_the_same_points():
    df = pd.DataFrame({"location": [None], "admin1": ["Alberta"], "country_code": ["CA"]})
    out = geokit.geocode_events(df)
    p = geokit.geocode("Alberta")
    assert (out.loc[0, "lat"], out.loc[0, "lon"]) == (p.lat, p.lon)
    assert out.loc[0, "loc_precision"] == "admin1"
