"""The clause that reports an event gives its date and place (geokit.text._clauses), in
English, Ukrainian and Russian. Texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from geokit.text import extract_events
from geokit.text._clauses import mask, subordinate_spans

PUB = dt.date(2025, 3, 15)  # a Saturday


def test_spans_and_mask():
    s = "Troops left Sudzha on Wednesday, which they had held since last August."
    spans = subordinate_spans(s)
    assert [(s[a:b], kind) for a, b, kind in spans] == [
        ("which they had held since last August.", "background")]
    masked = mask(s, spans)
    assert len(masked) == len(s) and "August" not in masked and "Wednesday" in masked
    s = "Two people died when a drone hit a car on Monday, officials said."
    assert [(s[a:b], k) for a, b, k in subordinate_spans(s)] == [
        ("when a drone hit a car on Monday", "secondary")]
    assert mask(s, subordinate_spans(s), keep="secondary") == s


@pytest.mark.parametrize("text, date, precision", [
    ("Russian forces recaptured Sudzha on Wednesday, which Ukrainian troops had held since an "
     "attack last August.", dt.date(2025, 3, 12), "day"),
    ("Russian forces recaptured Sudzha, which Ukrainian troops had held since an attack last "
     "August.", dt.date(2025, 3, 15), "days"),
    ("Two civilians were killed when shelling hit Krasnopillia on Monday.",
     dt.date(2025, 3, 10), "day"),
    ("Російські війська взяли під контроль Суджу, яку ЗСУ утримували з серпня минулого року. "
     "Бої тривають біля Курська.",
     dt.date(2025, 3, 15), "days"),
    ("У середу російські війська взяли під контроль Суджу, яку ЗСУ утримували з серпня. "
     "Бої тривають біля Курська.",
     dt.date(2025, 3, 12), "day"),
    ("Российские войска заняли Гуево в Курской области, которое ВСУ удерживали с 10 "
     "августа.",
     dt.date(2025, 3, 15), "days"),
    ("Ракета влучила в Суми, де минулої неділі вже загинули люди.",
     dt.date(2025, 3, 15), "days"),
])
def test_date_comes_from_the_reporting_clause(text, date, precision):
    row = extract_events(text, published=PUB).iloc[0]
    assert (row["event_date"].date(), row["date_precision"]) == (date, precision)


def test_event_only_in_a_relative_clause_keeps_that_clause():
    # the only event word is in the relative clause: that clause reports the event
    row = extract_events("The mayor of Sumy, who met with officials in Kyiv on Monday, is home.",
                         published=PUB).iloc[0]
    assert row["sub_event_type"] == "Diplomacy/negotiations"
    assert row["event_date"].date() == dt.date(2025, 3, 10)


@pytest.mark.parametrize("text, place", [
    # a settlement, not its region
    ("Shelling hit the Sumy region's Krasnopillia community on Sunday.", "Krasnopillya"),
    ("Вчора росіяни обстріляли Краснопілля Сумської області.", "Krasnopillya"),
    # the town, not the regional capital the report locates it by
    ("A drone struck a car in Khotin, north of Sumy, on Sunday.", "Khotin"),
    ("Near Sumy, a drone struck a car in Khotin on Sunday.", "Khotin"),
    ("Дрон атакував автомобіль біля Сум, у Хотіні.", "Khotin"),
    # the reporting clause, not a relative clause about somewhere else
    ("Russian forces recaptured Sudzha, which had been attacked from Sumy in August.", "Sudzha"),
])
def test_most_specific_place_of_the_clause(text, place):
    assert extract_events(text, published=PUB).iloc[0]["location"] == place


def test_same_size_towns_keep_first_mention():
    # the capital rule needs a city many times the town's size; two villages keep text order
    row = extract_events("Artillery shelled troops at the bridge between Krasnopillia and "
                         "Khotin.", published=PUB).iloc[0]
    assert row["location"] in ("Krasnopillya", "Khotin")
    assert row["location"] == "Krasnopillya"
