"""User layers that give only name/lat/lon: country and regions come from the point.

The tables are made here; the villages are real (points rounded), so the bundled admin areas
place them, but the names are checked as the layer's own rows, not bundled ones.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import geokit
from geokit import gazetteer
from geokit.gazetteer import Gazetteer
from geokit.gazetteer.admin import locate

# name, lat, lon: villages of Zaporizhzhia and Kharkiv oblasts, a made-up hamlet, a Cyrillic row
ROWS = [
    ("Novoprokopivka", 47.4933, 35.9119),
    ("Verbove", 47.4567, 35.9525),
    ("Khutir Pryklad", 49.6100, 37.1300),  # made up: in no bundled data
    ("Садове Тестове", 47.6000, 35.5000),  # made up, Cyrillic only
]


@pytest.fixture(scope="module")
def table():
    return pd.DataFrame(ROWS, columns=["name", "lat", "lon"])


@pytest.fixture(scope="module")
def gaz(table):
    return Gazetteer.load(extra=[table], user_layers=False)


def test_locate_is_vectorised():
    recs = locate([47.49, 50.45, 0.0, np.nan], [35.91, 30.52, 0.0, 30.0], 1)
    g = gazetteer.default()
    assert [g.country_code(r) for r in recs[:2]] == ["UA", "UA"]
    assert recs[2] == -1 and recs[3] == -1  # open sea, missing coordinate
    assert g.place(int(recs[0])).name.startswith("Zapori")


def test_rows_get_country_and_regions(gaz):
    p = gaz.candidates("Khutir Pryklad", limit=1)[0]
    assert p.source == "user table"
    assert (p.country_code, p.admin1) == ("UA", "Kharkiv Oblast")
    assert p.admin2  # the bundled districts cover Ukraine


def test_region_hint_finds_the_layer_row(gaz):
    p = gaz.geocode("Novoprokopivka, Zaporizhzhia Oblast")
    assert p.source == "user table" and p.kind == "populated_place"
    assert (p.lat, p.lon) == (47.4933, 35.9119)
    assert "user layer 'user table'" in p.why
    out = gaz.geocode_many(
        ["Khutir Pryklad", "Khutir Pryklad", "Khutir Pryklad"],
        admin1=["Kharkivska oblast", "Sumy Oblast", None],
    )
    assert list(out["status"]) == ["resolved", "approximate", "resolved"]
    assert out.loc[0, "source"] == "user table"
    assert "user layer" in out.loc[0, "reason"]
    # the reason says the name is known, only not in that region
    assert out.loc[1, "reason"] == "no place of that name inside the given region"
    assert out.loc[1, "kind"] == "admin1"


def test_cyrillic_rows_and_queries(gaz):
    p = gaz.geocode("Садове Тестове, Запорізька область")
    assert p.source == "user table" and p.admin1 == "Zaporizhzhia Oblast"
    assert gaz.geocode("Sadove Testove, Zaporizhzhia").source == "user table"


def test_layer_wins_over_bundled_namesakes(gaz):
    """Bundled data also lists Novoprokopivka (more than one in the oblast); the user's row is
    what the user meant, and bundled namesakes do not make it ambiguous."""
    bundled = Gazetteer.load(user_layers=False).candidates("Novoprokopivka, Zaporizhzhia Oblast")
    assert bundled and all(c.source != "user table" for c in bundled)
    out = gaz.geocode_many(["Novoprokopivka"], admin1="Zaporizhzhia Oblast")
    assert out.loc[0, "status"] == "resolved" and out.loc[0, "source"] == "user table"


def test_a_given_country_is_kept():
    t = pd.DataFrame(
        {"name": ["Pogranichnoe Testovoe"], "lat": [50.30], "lon": [35.60], "country": ["RU"]}
    )  # a point just inside Ukraine, filed under Russia
    g = Gazetteer.load(extra=[t], user_layers=False)
    p = g.candidates("Pogranichnoe Testovoe", limit=1)[0]
    assert p.country_code == "RU" and p.admin1 == ""


def test_rows_far_from_any_area_keep_no_region():
    t = pd.DataFrame({"name": ["Ocean Buoy Testpoint"], "lat": [-40.0], "lon": [-30.0]})
    g = Gazetteer.load(extra=[t], user_layers=False)
    p = g.geocode("Ocean Buoy Testpoint")
    assert p.source == "user table" and p.country_code == "" and p.admin1 == ""


@pytest.fixture
def saved_layer(table, tmp_path, monkeypatch):
    """The table saved as a user layer, so the default gazetteer (and every function that
    uses it) loads it."""
    from geokit import options

    monkeypatch.setattr(options, "data_dir", tmp_path)
    path = tmp_path / "villages.csv"
    table.to_csv(path, index=False)
    gazetteer.save_layer(path)
    gazetteer.reset_default()
    yield
    gazetteer.reset_default()


def test_geocode_events_and_extract_places_use_layer_rows(saved_layer):
    events = pd.DataFrame(
        {
            "location": ["Khutir Pryklad", "Novoprokopivka"],
            "admin1": ["Kharkiv Oblast", "Zaporizhzhia Oblast"],
            "country_code": ["UA", "UA"],
        }
    )
    out = geokit.geocode_events(events)
    assert out["lat"].round(4).tolist() == [49.61, 47.4933]
    text = "Shelling was reported near Khutir Pryklad in Kharkiv Oblast overnight."
    found = [m for m in geokit.extract_places(text) if m.place is not None]
    assert any(m.place.source == "villages.csv" for m in found), found
