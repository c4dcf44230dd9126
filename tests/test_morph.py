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


def test_inflection_rules_give_what_pymorphy3_gives():
    # the remembered rule of a paradigm form must build the word pymorphy3's own inflect builds,
    # for the first word of a paradigm and for later ones that reuse its rule
    from geokit.text import _morph

    _morph.clear_caches()
    words = {
        "uk": ["донецької", "луганської", "київській", "новою", "сумах", "Їжакевич"],
        "ru": ["курской", "белгородской", "северной", "новыми", "сумах", "тверского", "кваквак"],
    }
    wants = [
        {"loc2"},
        {"voct"},
        {"nomn"},
        {"nomn", "femn"},
        {"nomn", "masc"},
        {"nomn", "plur"},
        {"gent", "sing"},
    ]
    for lang, ws in words.items():
        for word in ws:
            for p in _morph._raw(word.lower(), lang):
                for want in wants:
                    q = p.inflect(set(want))
                    assert _morph._inflect(p, frozenset(want)) == (q.word if q else None)
    assert _morph._INFLECTIONS  # rules were remembered
    assert None in _morph._INFLECTIONS.values()  # and forms that no paradigm has
    _morph.clear_caches()
    assert not _morph._INFLECTIONS and not _morph._TAG_INFO


def test_inflecting_an_unknown_word_gives_nothing():
    from geokit.text import _morph

    (p,) = _morph._raw("кваквакщщ", "ru")  # the unknown-word unit's guess: no paradigm
    assert _morph._inflect(p, frozenset({"nomn", "femn"})) is None
    assert not _morph._known_word("кваквакщщ", "ru")


def test_known_words_as_the_analyser_says():
    from geokit.text import _morph

    for word, lang in [("місто", "uk"), ("город", "ru"), ("еж", "ru"), ("щщщщ", "uk")]:
        assert _morph._known_word(word, lang) == _morph._analyzer(lang).word_is_known(word)
    assert _morph._tag_info(_morph._raw("києва", "uk")[0].tag)[1] == "NOUN"
    assert type(_morph._tag_info(_morph._raw("києва", "uk")[0].tag)[1]) is str


def test_every_label_of_tags():
    # one pass over the readings gives each label (written out per word to keep them in step)
    assert tags("Також", "uk") == {"common", "function", "function_only", "known"}
    assert tags("Роман", "uk") == {"first_name", "known", "name"}  # also a novel: not "person"
    assert tags("Дональда", "ru") == {"known", "name", "person"}
    assert tags("Газпром", "ru") == {"known", "org"}
    assert tags("США", "ru") == {"geo", "known"}
    assert tags("Донецької", "uk") == {"adjective", "common", "known"}
    assert tags("Кваквакщщ", "ru") == frozenset()  # an unknown word: the guess has no label
