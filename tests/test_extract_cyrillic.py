"""Inflected Russian and Ukrainian place names (sentences written for these tests)."""

from __future__ import annotations

import pytest

from geokit.text import extract_places
from geokit.text._cyrillic import lemmas, region_word


def resolved(text):
    return [(m.text, m.place.name, m.place.kind) for m in extract_places(text) if m.place]


@pytest.mark.parametrize(("form", "nominative"), [
    ("Курска", "Курск"), ("Курске", "Курск"), ("Курском", "Курск"), ("Суджу", "Суджа"),
    ("Сумах", "Сумы"), ("Сумах", "Суми"), ("Києві", "Київ"), ("Харкова", "Харків"),
    ("Одесою", "Одеса"),
])
def test_lemmas_include_the_nominative(form, nominative):
    assert nominative in lemmas(form)


def test_region_adjectives_and_words():
    assert "Курская" in lemmas("Курской", adjective=True)
    assert "Сумська" in lemmas("Сумської", adjective=True)
    assert region_word("области") == region_word("області") == "область"
    assert region_word("городе") is None


def test_inflected_towns_resolve_to_the_dictionary_form():
    got = resolved("Обстрел Курска продолжается. Под Покровском идут бои, в Харькове тихо.")
    assert ("Курска", "Kursk", "populated_place") in got
    assert ("Покровском", "Pokrovsk", "populated_place") in got
    assert ("Харькове", "Kharkiv", "populated_place") in got


def test_inflected_regions_with_the_region_word():
    got = resolved("Войска вошли в Суджу Курской области. Евакуація з Сумської області.")
    assert ("Суджу", "Sudzha", "populated_place") in got
    kursk = next(g for g in got if g[0] == "Курской")
    assert kursk[2] == "admin1" and kursk[1].startswith("Kursk")
    assert next(g for g in got if g[0] == "Сумської")[2] == "admin1"


def test_ukrainian_alternating_stems_and_offsets():
    text = "Вибухи пролунали у Києві та Одесі."
    ms = extract_places(text)
    assert [(m.text, m.place.name) for m in ms] == [("Києві", "Kyiv"), ("Одесі", "Odesa")]
    assert all(text[m.start:m.end] == m.text for m in ms)


def test_cyrillic_first_names_are_people():
    assert resolved("Владимир Путин прибыл в Курск.") == [("Курск", "Kursk", "populated_place")]
