"""Morphology for Cyrillic place names (geokit.text._morph), on words written for these tests."""

from __future__ import annotations

from geokit.text._morph import (
    adjective_nominatives,
    language,
    nominatives,
    phrase_nominatives,
    tags,
)


def test_language_by_letters():
    assert language("Вибухи пролунали у Києві") == "uk"
    assert language("Взрывы прогремели в Курске") == "ru"
    assert language("Сумы") == "ru"  # no letter of either alphabet: Ukrainian text has і


def test_nominatives_of_case_forms():
    assert nominatives("Харкова", "uk")[0] == "харків"
    assert "курск" in nominatives("Курске", "ru")
    assert "суми" in nominatives("Сумах", "uk")
    assert "україна" in nominatives("Україні", "uk")


def test_phrases_agree_with_their_noun():
    assert "северная каролина" in phrase_nominatives(["Северной", "Каролины"], "ru")
    assert "кривий ріг" in phrase_nominatives(["Кривого", "Рогу"], "uk")
    assert adjective_nominatives("донецкой", "ru", "femn", "sing") == ("донецкая",)
    assert adjective_nominatives("київській", "uk", "femn", None) == ("київська",)


def test_tags_tell_people_and_function_words():
    assert "person" in tags("Дональда", "ru")
    assert "first_name" in tags("Софія", "uk")
    assert "function" in tags("Тоді", "uk") and "function" in tags("Думаю", "uk")
    assert "geo" in tags("Курске", "ru")
    assert "adjective" in tags("Донецької", "uk")
