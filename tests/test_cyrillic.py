"""Places in Russian and Ukrainian text (sentences written for these tests)."""

from __future__ import annotations

import pytest
from cyrillic_checks import CITIES, COUNTRIES, REGIONS

from geokit._geo import haversine_km
from geokit.text import extract_places
from geokit.text._cyrillic import lemmas, region_word


def resolved(text):
    return [(m.text, m.place.name, m.place.kind) for m in extract_places(text) if m.place]


def texts(text):
    return [m.text for m in extract_places(text)]


def _found(sentence, surface):
    return next(
        (
            m
            for m in extract_places(sentence)
            if m.place and (surface in m.text or m.text in surface)
        ),
        None,
    )


def test_check_set_countries_found_and_resolved():
    ok = 0
    for sentence, surface, cc in COUNTRIES:
        m = _found(sentence, surface)
        ok += m is not None and (cc is None or m.place.country_code == cc)
    assert ok / len(COUNTRIES) >= 0.95


@pytest.mark.parametrize(("items", "share"), [(REGIONS, 0.85), (CITIES, 0.95)])
def test_check_set_regions_and_cities_within_161_km(items, share):
    ok = 0
    for sentence, surface, lat, lon in items:
        m = _found(sentence, surface)
        ok += m is not None and haversine_km(lat, lon, m.place.lat, m.place.lon) <= 161
    assert ok / len(items) >= share


@pytest.mark.parametrize(
    ("form", "nominative"),
    [
        ("Курска", "Курск"),
        ("Сумах", "Сумы"),
        ("Києві", "Київ"),
        ("Харкова", "Харків"),
        ("Одесою", "Одеса"),
        ("Часового", "Часів"),
        ("Петриківці", "Петриківка"),
    ],
)
def test_ending_guesses_include_the_nominative(form, nominative):
    assert nominative in lemmas(form)


def test_region_words():
    assert region_word("области") == region_word("області") == region_word("обл.") == "область"
    assert region_word("краю") == "край"
    assert region_word("городе") is None


def test_countries_in_every_case_and_abbreviations():
    got = resolved(
        "Україна та Польща домовились. Посол США прибув до України, а ЄС і ОАЕ "
        "обіцяли допомогу Україні."
    )
    kinds = {t: k for t, _n, k in got}
    assert kinds["Україна"] == kinds["Польща"] == kinds["США"] == kinds["України"] == "country"
    assert kinds["ОАЕ"] == "country"
    assert "ЄС" in kinds
    ru = resolved(
        "Германия и Франция выступили против. В Германии задержали двоих, "
        "Россия и КНДР подписали договор, граница с РФ закрыта."
    )
    assert {t for t, _n, _k in ru} >= {"Германия", "Франция", "Германии", "Россия", "КНДР", "РФ"}


def test_inflected_towns_resolve_to_the_dictionary_form():
    got = resolved("Обстрел Курска продолжается. Под Покровском идут бои, в Харькове тихо.")
    assert ("Курска", "Kursk", "populated_place") in got
    assert ("Покровском", "Pokrovsk", "populated_place") in got
    assert ("Харькове", "Kharkiv", "populated_place") in got


def test_multi_word_names_keep_agreement():
    got = {
        t: n
        for t, n, _k in resolved(
            "Біля Часового Яру тривають бої, у Кривому Розі оголосили тривогу."
        )
    }
    got.update({t: n for t, n, _k in resolved("Выборы в Северной Каролине и рейс из Нью-Йорка.")})
    assert got["Часового Яру"] == "Chasiv Yar"
    assert got["Кривому Розі"] == "Kryvyy Rih"
    assert got["Северной Каролине"] == "North Carolina"
    assert got["Нью-Йорка"] == "New York City"


def test_region_forms():
    got = {
        t: (n, k)
        for t, n, k in resolved(
            "Войска вошли в Суджу Курской области. Евакуація з Сумської області триває. "
            "Удары по Луганской, Донецкой областям. Харківщина і Донбас без світла. "
            "Паводок в Хабаровском крае."
        )
    }
    assert got["Суджу"][0] == "Sudzha"
    assert got["Курской области"][1] == "admin1"
    assert got["Сумської області"][1] == "admin1"
    assert got["Луганской"][0].startswith("Luhansk")
    assert got["Донецкой областям"][0].startswith("Donetsk")
    assert got["Харківщина"][0].startswith("Kharkiv")
    assert got["Донбас"][0].startswith("Donetsk")
    assert got["Хабаровском крае"][1] == "admin1"


def test_us_states_are_american():
    got = {t: n for t, n, _k in resolved("Ураган обрушился на Флориду, в Техасе тоже ливни.")}
    assert got["Флориду"] == "Florida" and got["Техасе"] == "Texas"
    [m] = [m for m in extract_places("Ураган обрушился на Флориду.") if m.text == "Флориду"]
    assert m.place.country_code == "US"


def test_people_are_not_places():
    assert texts("Владимир Путин прибыл в Курск.") == ["Курск"]
    assert "Владимира" not in texts("Заявление Владимира Путина опубликовали в Москве.")
    assert "Дональда" not in texts("Звонок Дональда Трампа обсуждали в Киеве.")
    assert texts("Як відзначив Володимир Гончаренко, у Львові тепло.") == ["Львові"]


def test_sentence_initial_common_words_are_not_places():
    assert texts("Тоді все змінилося. Вона вийшла на вулицю. Думаю, що так.") == []
    assert texts("— Добре, — сказав він.\n— Коли?") == []


def test_titles_and_institutions_are_not_places():
    assert texts("Газопровод «Северный поток» остановлен.") == []
    assert texts("Про це пише газета «Житомирщина».") == []
    assert "Азов" not in texts("Бойцы полка Азов вернулись домой.")
    assert texts("Позиції під Азовом обстріляли.") == ["Азовом"]
    assert texts("Рішення ухвалив Господарський суд Одеської області.") == []
    assert texts("Наказ Міністерства оборони України набув чинності.") == []


def test_telegram_style():
    text = "⚡️ #Покровськ: вибухи\nМОСКВА, 14 апр — Заявление МИД\nу Херсоні знову обстріл 🇺🇦"
    got = {m.text: m.place.name for m in extract_places(text) if m.place}
    assert got["Покровськ"] == "Pokrovsk"
    assert got["МОСКВА"] == "Moscow"
    assert got["Херсоні"] == "Kherson"
    assert "МИД" not in got


def test_offsets_point_into_the_text_and_latin_is_unchanged():
    text = "Вибухи пролунали у Києві та Одесі, а також in Kyiv and Odesa."
    ms = extract_places(text)
    assert [m.text for m in ms] == ["Києві", "Одесі", "Kyiv", "Odesa"]
    assert all(text[m.start : m.end] == m.text for m in ms)


def test_fast_name_keys_equal_the_gazetteer_keys():
    from geokit.gazetteer._names import normalize as gazetteer_key
    from geokit.text._cyrillic_words import normalize

    names = [
        "Київ",
        "Кам'янець-Подільський",
        "Нью-Йорк",
        "Мар’їнка",
        "Орёл",
        "Ульяновськ",
        "Пʼятихатки",
        "Ростов-на-Дону",
        "Подъячево",
        "Kyiv",
        "São Paulo",
        " Суми  ",
    ]
    assert [normalize(n) for n in names] == [gazetteer_key(n) for n in names]


def test_first_pass_caches_can_be_cleared():
    from geokit.gazetteer import default
    from geokit.text import _spans

    _spans.clear_caches(default())
    assert texts("Вибухи у Києві.") == ["Києві"]


def test_historical_states_lower_case_name_tails_and_village_abbreviations():
    got = {m.text: m.place.country_code for m in extract_places(
        "Це було ще в Російській імперії, потім в СРСР і УРСР.") if m.place}
    assert got == {"Російській імперії": "RU", "СРСР": "RU", "УРСР": "UA"}
    assert texts("Ділянку дали у межах с.\nЗолота Балка.") != []
    assert texts("Знайомі, знайдені в Солікамську, допомогли.") == ["Солікамську"]


def test_adjectives_alone_are_not_places():
    assert texts("Він навчався у Львівському університеті.") == []
    assert texts("Пам'ятник стоїть у центрі Луганська.") == ["Луганська"]


def test_sentence_initial_pronouns_are_not_countries():
    # "Того" (that), "Малі" (small), "Мали" (had): capitalised only because they open the
    # sentence; the country needs evidence there (a preposition, another country beside it)
    assert "Того" not in texts("Того ж вечора в Ізюмі знову зникло світло.")
    assert "Того" not in texts("Того же дня в Брянске сбили беспилотник.")
    assert "Малі" not in texts("Малі громади Полтавщини отримали генератори.")
    assert "Мали" not in texts("Мали місце перебої зі зв'язком у Херсоні.")
    assert "Того" in texts("Делегація Того прибула до Львова.")
    assert "Малі" in texts("Малі та Буркіна-Фасо підписали угоду.")
    assert "Перу" in texts("Перу відкликало посла.")  # no pronoun reading: still the country


def test_verbs_of_attack_make_the_object_a_place():
    # a town whose name is also a word or a surname, after "обстріляли", "атаковали"
    assert resolved("Окупанти знову обстріляли Лиман.")[0][1] == "Lyman"
    assert "Веселе" in texts("Вранці дрони атакували Веселе.")
    assert "Ракитное" in texts("Ночью противник обстрелял Ракитное.")
    # the places of a list share the verb: "обстріляли Лиман і Зорю"
    assert texts("Окупанти обстріляли Лиман, Зорю та Степове.") == ["Лиман", "Зорю", "Степове"]


def test_region_authorities_do_not_hide_the_region():
    # "Влада" is also a first name; before a region's adjective it is no person
    assert resolved("Влада Сумської області закликала виїхати.")[0][1] == "Sumy Oblast"
    # the administration's name is an institution (NER-UK tags it ORG): no place mention
    assert texts("Голова Полтавської ОДА провів нараду.") == []


def test_quotations_in_the_other_language():
    # a Russian quotation in a Ukrainian article is read with the Russian dictionary
    text = ("Російський губернатор написав у телеграмі: «В Новой Таволжанке и под Суджей "
            "повреждены дома, в Льгове отключен свет». Українські військові це не коментують.")
    got = resolved(text)
    assert [g[0] for g in got] == ["Новой Таволжанке", "Суджей", "Льгове"]
    assert {m.place.country_code for m in extract_places(text)} == {"RU"}
    # a quoted sentence that starts with a place is not a title
    assert "Шебекино" in texts("Він написав: «Шебекино снова обстреляли ночью». Проте військові "
                               "цього не підтвердили.")
    assert "Москва" not in texts("Крейсер «Москва» затонув у квітні.")


def test_words_before_a_name_read_backwards():
    # the reversed match gives the words the forward pattern "(?:[\w'’\-]+ +)+$" would
    import re

    from geokit.text._cyrillic import _WORDS_BACK_RE

    forward = re.compile(r"(?:[\w'’\-]+ +)+$")
    for before in ["", "уряд ", "Так, Міністерства оборони ", "ні.  Ради міністрів ",
                   "текст без пробілу", "«Наші гроші» та Кабмін ", "  "]:
        old = forward.search(before)
        new = _WORDS_BACK_RE.match(before[::-1])
        assert (old.group() if old else None) == (new.group()[::-1] if new else None)


def test_russian_regions_written_in_ukrainian():
    # the gazetteer has Russia's regions in Russian; Ukrainian news writes them in Ukrainian
    got = resolved("Уночі дрони атакували об'єкти в Брянській області та Бєлгородщину.")
    assert [g[1] for g in got] == ["Bryansk Oblast", "Belgorod Oblast"]
    assert resolved("На Білгородщині знову вибухи.")[0][1] == "Belgorod Oblast"
    assert resolved("Пожежа у Воронезькій області триває.")[0][1] == "Voronezh Oblast"
    assert resolved("У Краснодарському краї горить нафтобаза.")[0][0] == "Краснодарському краї"


def test_front_directions_name_their_town():
    # "на Покровському напрямку" is the sector of Pokrovsk, not the village Pokrovske
    assert resolved("Найгарячіше досі на Покровському напрямку.")[0][1] == "Pokrovsk"
    assert resolved("На Торецькому напрямку ворог штурмував позиції.")[0][1] == "Toretsk"
    assert resolved("Бои идут на Курахском направлении.")[0][1] == "Kurakhove"
    assert texts("На Південному напрямку без змін.") == []


def test_streets_are_unresolved_mentions():
    # a name after "вул.", "просп.", "пров." is a street's: kept with its abbreviation (as NER
    # corpora tag it) but left unplaced, never the village or person of that name
    got = [(m.text, m.place) for m in extract_places("Уламки впали на вул. Горького в Сумах.")]
    assert got[0] == ("вул. Горького", None)
    assert got[1][0] == "Сумах" and got[1][1].name == "Sumy"
    got = extract_places("Ремонтують просп. Героїв Праці та пров. Нова.")
    assert [(m.text, m.place) for m in got] == [("просп. Героїв Праці", None), ("пров. Нова", None)]
    # the full stop of an abbreviation ends no sentence: "ст. Гайворон" is no sentence start
    assert resolved("Вантаж доставлять на ст. Гайворон.")[0][1] == "Hayvoron"
