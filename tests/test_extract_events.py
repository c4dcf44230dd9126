"""Tests for geokit.text.events (texts written for these tests)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from geokit.events import CRS, EVENT_COLUMNS
from geokit.text.events import TEXT_EVENT_COLUMNS, extract_events, resolve_date

SAMPLES = Path(__file__).resolve().parent.parent / "geokit" / "data" / "samples" / "articles"
PUB = dt.date(2025, 3, 15)  # a Saturday


def test_columns_and_crs():
    gdf = extract_events("Russian forces recaptured Sudzha on Thursday.", published=PUB,
                         source="unit")
    assert list(gdf.columns) == [*EVENT_COLUMNS, *TEXT_EVENT_COLUMNS, "geometry"]
    assert gdf.crs.to_string() == CRS
    row = gdf.iloc[0]
    assert row["location"] == "Sudzha" and row["country_code"] == "RU"
    assert row["event_type"] == "Battles"
    assert row["sub_event_type"] == "Government regains territory"
    assert row["event_date"] == dt.datetime(2025, 3, 13)
    assert row["actor1"] == "Military Forces of Russia"
    assert row["source"] == "unit"
    assert row["geometry"].x == pytest.approx(row["lon"])


@pytest.mark.parametrize("text", ["", "The weather was mild and nobody went anywhere.",
                                  "Talks were held."])
def test_empty_frame_keeps_columns(text):
    gdf = extract_events(text, published=PUB)
    assert len(gdf) == 0
    assert list(gdf.columns) == [*EVENT_COLUMNS, *TEXT_EVENT_COLUMNS, "geometry"]


def test_non_str_raises_type_error():
    with pytest.raises(TypeError):
        extract_events(None)


def test_bad_published_raises_value_error():
    with pytest.raises(ValueError):
        extract_events("Drones hit Sumy.", published="not a date")


def test_offsets_and_fatalities():
    text = ("Officials met in the morning. A missile struck the centre of Sumy on Sunday, "
            "killing 35 people.")
    gdf = extract_events(text, published=PUB)
    row = gdf.iloc[0]
    assert text[row["start"]:row["end"]] == row["sentence"]
    assert row["fatalities"] == 35
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert row["event_date"] == dt.datetime(2025, 3, 9)


def test_air_defence_and_region_precision():
    gdf = extract_events("Overnight, 77 drones were shot down over the Kursk region.",
                         published=PUB)
    row = gdf.iloc[0]
    assert row["sub_event_type"] == "Air defence"
    assert row["loc_precision"] == "admin1" and row["country_code"] == "RU"
    assert row["event_date"] == dt.datetime(2025, 3, 15)


def test_evacuation():
    gdf = extract_events("Eight villages in the Sumy region were ordered to evacuate yesterday.",
                         published=PUB)
    assert gdf.iloc[0]["sub_event_type"] == "Evacuation/displacement"
    assert gdf.iloc[0]["event_date"] == dt.datetime(2025, 3, 14)


@pytest.mark.parametrize("sentence, expected, precision", [
    ("It happened yesterday.", dt.date(2025, 3, 14), "day"),
    ("It happened on Thursday.", dt.date(2025, 3, 13), "day"),
    ("It happened last Saturday.", dt.date(2025, 3, 8), "day"),
    ("It happened last August.", dt.date(2024, 8, 1), "month"),
    ("It happened on 6 August 2024.", dt.date(2024, 8, 6), "day"),
    ("It happened on March 2.", dt.date(2025, 3, 2), "day"),
    ("It happened last week.", dt.date(2025, 3, 8), "week"),
    ("It happened.", dt.date(2025, 3, 15), "days"),
])
def test_resolve_date(sentence, expected, precision):
    assert resolve_date(sentence, PUB) == (expected, precision)


def test_sample_articles_give_events():
    files = sorted(SAMPLES.glob("*.txt"))
    assert files
    for f in files:
        gdf = extract_events(f.read_text(encoding="utf-8"), published="2025-04-15",
                             source=f.name)
        assert len(gdf) >= 2, f.name
        assert set(gdf["country_code"]) <= {"RU", "UA"}


def test_government_actor_and_order_to_leave():
    gdf = extract_events("Russian authorities told residents of Sudzha to leave on Monday.",
                         published=PUB)
    row = gdf.iloc[0]
    assert row["actor1"] == "Government of Russia"
    assert row["sub_event_type"] == "Evacuation/displacement"
    assert row["event_date"] == dt.datetime(2025, 3, 10)


def test_civilians_killed_by_shelling_are_a_strike_as_in_acled():
    ev = extract_events("Two civilians were killed when shelling hit Krasnopillia yesterday.",
                        published="2025-03-14")
    assert (ev.event_type[0], ev.sub_event_type[0]) == ("Explosions/Remote violence",
                                                      "Shelling/artillery/missile attack")
    assert ev.fatalities[0] == 2
    ev = extract_events("Soldiers executed three civilians in Bucha.", published="2025-03-14")
    assert (ev.event_type[0], ev.fatalities[0]) == ("Violence against civilians", 3)


def test_injured_column_in_english():
    row = extract_events("Russian forces shelled Krasnopillia in the Sumy region on Sunday, "
                         "killing two and injuring five.", published=PUB).iloc[0]
    assert (row["fatalities"], row["injured"]) == (2, 5)
    row = extract_events("Drones hit Sumy yesterday.", published=PUB).iloc[0]
    assert row["injured"] is pd.NA or pd.isna(row["injured"])


@pytest.mark.parametrize("text, location, actor", [
    # the administration names the region: its place when the sentence names no other
    ("Сумська ОВА оголосила обов'язкову евакуацію з дев'яти сіл.", "Sumy Oblast",
     "Government of Ukraine"),
    ("По данным Курской областной администрации, беспилотник атаковал подстанцию.",
     "Kursk Oblast", "Government of Russia"),
    # a town the sentence names is more specific than the region of the authorities
    ("Влада Харківської області повідомила про обстріл Куп'янська.", "Kupyansk",
     "Government of Ukraine"),
    ("Власти Белгородской области сообщили, что дрон атаковал Шебекино.", "Shebekino",
     "Government of Russia"),
])
def test_regional_authorities_place_and_actor(text, location, actor):
    row = extract_events(text, published=PUB).iloc[0]
    assert (row["location"], row["actor1"]) == (location, actor)


def test_day_and_month_soon_after_publication_stay_in_its_year():
    gdf = extract_events("Переговоры в Стамбуле возобновятся 18 марта.", published=PUB)
    assert gdf.iloc[0]["event_date"] == dt.datetime(2025, 3, 18)
    gdf = extract_events("14 квітня росіяни обстріляли Суми.", published=PUB)
    assert gdf.iloc[0]["event_date"] == dt.datetime(2024, 4, 14)


@pytest.mark.parametrize("text, location, precision", [
    ("Бої тривають біля Торецька, ворог атакував позиції.", "Toretsk", "near"),
    ("Противник штурмовал позиции под Курахово.", "Kurakhove", "near"),
    ("На Покровському напрямку ЗСУ відбили 40 атак.", "Pokrovsk", "near"),
    ("Вчора росіяни обстріляли Херсон.", "Kherson", "exact"),
])
def test_cyrillic_near_and_directions(text, location, precision):
    row = extract_events(text, published=PUB).iloc[0]
    assert (row["location"], row["loc_precision"]) == (location, precision)
