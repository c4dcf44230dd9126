import math

import numpy as np
import pandas as pd
import pytest

import geokit
from geokit.errors import GeokitTypeError, GeokitValueError


def near(place, lat, lon, km=25):
    dlat = math.radians(place.lat - lat)
    dlon = math.radians(place.lon - lon) * math.cos(math.radians(lat))
    return 6371 * math.hypot(dlat, dlon) <= km


@pytest.mark.parametrize("query", ["Sudzha", "Sudja", "Суджа", "Sudscha", "Soudja", "Sudža",
                                   "Sudzha, Kursk Oblast", "sudzha"])
def test_sudzha_in_every_spelling(query):
    p = geokit.geocode(query)
    assert p.name == "Sudzha" and p.country_code == "RU"
    assert near(p, 51.19, 35.27)


def test_city_versus_region():
    city = geokit.geocode("Kursk")
    assert city.kind == "populated_place" and near(city, 51.73, 36.19)
    for q in ("Kursk region", "Kursk Oblast", "Kurskaya oblast'", "Курская область"):
        region = geokit.geocode(q)
        assert region.kind == "admin1" and region.country_code == "RU", q
    for q in ("Sumy oblast", "Sumshchyna"):
        assert geokit.geocode(q).kind == "admin1"
        assert geokit.geocode(q).country_code == "UA"


def test_context_after_comma_picks_the_namesake_in_that_region():
    p = geokit.geocode("Krasnopillia, Sumy")
    assert p.country_code == "UA" and "Sumy" in p.admin1
    assert near(p, 50.77, 35.26)


def test_a_settlement_named_so_beats_a_larger_one_known_by_that_alias():
    # GeoNames lists "Oleksandrivka" among Donetsk's alternate names; with the oblast given the
    # villages that bear the name come first and Donetsk is not counted among the namesakes
    for query in ("Oleksandrivka, Donetsk oblast", "Aleksandrovka, Donetsk Oblast"):
        top = geokit.candidates(query, limit=3)
        assert all(p.name != "Donetsk" for p in top), query
        row = geokit.geocode_many([query]).iloc[0]
        assert row["status"] == "ambiguous" and row["name"] != "Donetsk"
        assert "Donetsk (" not in row["reason"]
    donetsk = [p for p in geokit.candidates("Oleksandrivka, Donetsk oblast", limit=40)
               if p.name == "Donetsk"]
    assert donetsk and "only an alias" in donetsk[0].why
    # an alias still finds its place when nothing in the region bears the name itself
    assert geokit.geocode("Artemivsk, Donetsk oblast").name == "Bakhmut"
    assert geokit.geocode("Kharkov, Kharkiv oblast").name == "Kharkiv"


@pytest.mark.parametrize("query,lat,lon", [
    ("Kharkov", 49.98, 36.25), ("Kiev", 50.45, 30.52), ("Artemivsk", 48.59, 38.0),
    ("Severodontsk", 48.95, 38.49), ("Vorzel',", 50.54, 30.15), ("Lysychans'k", 48.91, 38.43),
    ("Tsjernihiv", 51.5, 31.29), ("near Saltivka", 50.02, 36.35),
])
def test_old_names_typos_and_noise(query, lat, lon):
    assert near(geokit.geocode(query), lat, lon)


def test_unknown_village_with_region_is_approximate():
    df = geokit.geocode_many(["Nonexistentovka, Sumy Oblast"])
    row = df.iloc[0]
    assert row["status"] == "approximate"
    assert row["kind"] == "admin1" and row["country_code"] == "UA"
    place = geokit.geocode("Nonexistentovka", admin1="Sumy Oblast")
    assert place.kind == "admin1" and "region" in place.why


def test_country_hint_rules_out_namesakes_abroad():
    p = geokit.geocode("Rechytsa", country="Belarus", admin1="Gomel")
    assert p.country_code == "BY" and near(p, 52.36, 30.39)


def test_candidates_ranked_with_scores_and_reasons():
    cands = geokit.candidates("Ivanivka", limit=5)
    assert 1 < len(cands) <= 5
    scores = [c.score for c in cands]
    assert scores == sorted(scores, reverse=True)
    assert all(c.why for c in cands)
    assert sum(scores) <= 1.0 + 1e-6


@pytest.mark.parametrize("bad", [None, float("nan"), 12, "", "   ", "x" * 10_000,
                                 "\x00\x01", b"\xff\xfe", pd.NA])
def test_bad_queries_are_unresolved_with_reason(bad):
    assert geokit.geocode(bad) is None
    row = geokit.geocode_many([bad]).iloc[0]
    assert row["status"] == "unresolved" and row["reason"]


def test_wrong_argument_types_raise_clearly():
    with pytest.raises(GeokitValueError, match="kind"):
        geokit.geocode("Sumy", kind="village")
    with pytest.raises(GeokitValueError, match="limit"):
        geokit.candidates("Sumy", limit=0)
    with pytest.raises(GeokitTypeError):
        geokit.geocode_many("Sumy")
    with pytest.raises(GeokitTypeError):
        geokit.geocode("Sumy", near="north")
    with pytest.raises(GeokitTypeError):
        geokit.geocode("Sumy", admin1=5)
    with pytest.raises(ValueError):  # builtins still catch geokit errors
        geokit.reverse(120, 0)


def test_geocode_many_keeps_every_row_in_order():
    values = ["Sumy", None, "Kursk region", "Qwxzzzq", "Sumy", float("nan"), "Суджа"]
    df = geokit.geocode_many(pd.Series(values))
    assert len(df) == len(values)
    assert list(df.columns) == ["query", "name", "lat", "lon", "kind", "country_code", "admin1",
                                "admin2", "geonameid", "population", "score", "status",
                                "reason", "source", "precision", "geometry"]
    assert df["query"].iloc[0] == "Sumy" and df["name"].iloc[4] == "Sumy"
    assert set(df["status"]) <= set(geokit.geocoding.STATUSES)
    assert df.loc[1, "status"] == "unresolved"
    assert df.loc[6, "name"] == "Sudzha"


def test_geocode_many_per_row_hints_and_length_check():
    df = geokit.geocode_many(["Krasnopillia", "Krasnopillia"],
                             admin1=["Sumy Oblast", "Kharkiv Oblast"])
    assert df.loc[0, "admin1"] != df.loc[1, "admin1"]
    with pytest.raises(GeokitValueError, match="2 values"):
        geokit.geocode_many(["a", "b", "c"], admin1=["x", "y"])


def test_geocode_many_empty_input():
    df = geokit.geocode_many([])
    assert len(df) == 0 and "status" in df


def test_reverse_returns_nearest_settlement_with_admin():
    p = geokit.reverse(51.19, 35.27)
    assert p.name == "Sudzha" and p.admin1 and p.country_code == "RU"
    assert "km" in p.why
    p2 = geokit.reverse(np.float64(50.45), np.float64(30.52))
    assert p2.country_code == "UA"


def test_place_is_immutable_and_keeps_raw():
    p = geokit.geocode("Sumy")
    with pytest.raises(AttributeError):
        p.lat = 0
    assert p.raw["geonameid"] == p.geonameid
    assert p.to_dict()["name"] == "Sumy"


def test_geopy_compatible_geocoder():
    geopandas = pytest.importorskip("geopandas")
    from geopy.extra.rate_limiter import RateLimiter

    from geokit.geocoding.geopy_geocoder import GeokitGeocoder

    gdf = geopandas.tools.geocode(["Sudzha", "Qwxzzzq"], provider=GeokitGeocoder)
    assert abs(gdf.geometry.iloc[0].y - 51.19) < 0.05
    assert gdf.geometry.iloc[1].is_empty
    loc = RateLimiter(GeokitGeocoder().geocode, min_delay_seconds=0)("Kharkov")
    assert loc.raw["name"] == "Kharkiv"
    assert GeokitGeocoder().reverse("51.19, 35.27").raw["name"] == "Sudzha"


@pytest.mark.parametrize("name,cc", [("Syria", "SY"), ("Moldova", "MD"), ("Iran", "IR"),
                                     ("South Korea", "KR"), ("Russia", "RU"), ("UK", "GB")])
def test_common_country_names(name, cc):
    p = geokit.geocode(name)
    assert p.kind == "country" and p.country_code == cc


def test_records_without_coordinates_are_never_answers():
    # "NC" once matched a GeoNames country entity that has no coordinates (found by hypothesis)
    p = geokit.geocode("NC")
    assert p is None or not math.isnan(p.lat)


def test_upper_case_iso_codes_are_countries():
    import geokit

    out = geokit.geocode_many(["RU", "UA", "US"], kind="country")
    assert list(out["country_code"]) == ["RU", "UA", "US"]
    assert (out["kind"] == "country").all() and (out["status"] == "resolved").all()
    assert geokit.geocode("UA").country_code == "UA"  # not Ouagadougou


def test_regular_respellings_when_nothing_matches_as_written():
    from geokit.geocoding._geocode import _spelling_variants

    assert "novyi korotich" in _spelling_variants("new korotich")
    assert _spelling_variants("moschun") == ["moshchun"]
    assert _spelling_variants("rabotino") == ["rabotyne"]
    assert "blahodatne" in _spelling_variants("blahodatnoye")
    assert "yasinovata" in _spelling_variants("yasinovataya")
    assert _spelling_variants("kyiv") == []
    cases = [("New Korotich", "Kharkiv Oblast", "Novyi Korotych"),
             ("Moschun", "Kyiv Oblast", "Moshchun")]
    for query, oblast, name in cases:
        row = geokit.geocode_many([query], admin1=oblast).iloc[0]
        assert (row["name"], row["status"]) == (name, "resolved"), query
    # an irregular Russian spelling comes close enough for a lead, never an answer
    row = geokit.geocode_many(["Rabotino"], admin1="Zaporizhzhia Oblast").iloc[0]
    assert (row["name"], row["status"]) == ("Robotyne", "ambiguous")
