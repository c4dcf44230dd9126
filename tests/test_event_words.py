"""Events from Ukrainian and Russian text (geokit.text._event_words, through extract_events).

All texts were written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geokit.events import EVENT_COLUMNS
from geokit.text import _event_words as words
from geokit.text import extract_events
from geokit.text.events import TEXT_EVENT_COLUMNS, detect_language

PUB = dt.date(2025, 3, 15)  # a Saturday

#: A short Russian report (our own words) with one event per sentence.
RU_TEXT = (
    "Курск, 15 марта. В ночь на 14 марта силы ПВО сбили над Курской областью 27 беспилотников, "
    "сообщило Минобороны России. Вчера ВСУ обстреляли Суджу из артиллерии: погибли трое мирных "
    "жителей, ещё пятеро ранены. В воскресенье российские войска заняли Гуево, которое "
    "украинские военные удерживали с августа прошлого года. Власти объявили эвакуацию жителей "
    "Глушково в среду."
)


def test_russian_report():
    gdf = extract_events(RU_TEXT, published=PUB, source="ru-test")
    assert gdf.attrs["lang"] == "ru"
    assert list(gdf.columns) == [*EVENT_COLUMNS, *TEXT_EVENT_COLUMNS, "geometry"]
    rows = gdf[["sub_event_type", "location", "event_date", "date_precision"]].values.tolist()
    assert rows == [
        ["Air defence", "Kursk Oblast", dt.datetime(2025, 3, 14), "day"],
        ["Shelling/artillery/missile attack", "Sudzha", dt.datetime(2025, 3, 14), "day"],
        ["Non-state actor overtakes territory", "Guyevo", dt.datetime(2025, 3, 9), "day"],
        ["Evacuation/displacement", "Glushkovo", dt.datetime(2025, 3, 12), "day"],
    ]
    shelling = gdf.iloc[1]
    assert (shelling["fatalities"], shelling["injured"]) == (3, 5)
    assert shelling["actor1"] == "Military Forces of Ukraine"
    capture = gdf.iloc[2]
    assert (capture["actor1"], capture["actor2"]) == ("Military Forces of Russia",
                                                      "Military Forces of Ukraine")


@pytest.mark.parametrize("sentence, lang, expected", [
    ("Росіяни обстріляли Краснопілля з артилерії.", "uk", "Shelling/artillery/missile attack"),
    ("Ракетний удар по Сумах.", "uk", "Shelling/artillery/missile attack"),
    ("Армия РФ нанесла удар по Харькову.", "ru", "Shelling/artillery/missile attack"),
    ("Ворожий дрон атакував автомобіль у Білопіллі.", "uk", "Air/drone strike"),
    ("Беспилотник ударил по автобусу в Белгороде.", "ru", "Air/drone strike"),
    ("Окупанти скинули на Суми три КАБи.", "uk", "Air/drone strike"),
    ("Сили ППО збили 12 шахедів.", "uk", "Air defence"),
    ("Над Курском перехватили ракету.", "ru", "Air defence"),
    ("ЗСУ звільнили село Андріївка.", "uk", "Government regains territory"),
    ("Российские военные освободили Суджу.", "ru", "Government regains territory"),
    ("Росіяни зайняли село Новеньке.", "uk", "Non-state actor overtakes territory"),
    ("ВСУ взяли под контроль поселок Гуево.", "ru", "Non-state actor overtakes territory"),
    ("Війська РФ захопили Курахове.", "uk", "Non-state actor overtakes territory"),
    ("Українські підрозділи відступили з Суджі.", "uk", "Non-violent transfer of territory"),
    ("У Білопіллі оголосили примусову евакуацію.", "uk", "Evacuation/displacement"),
    ("Из Глушково эвакуировали двести человек.", "ru", "Evacuation/displacement"),
    # taking people away is an evacuation: "вивезли мешканців", "жителей вывозят"
    ("З Вовчанська вчора вивезли ще тридцять мешканців.", "uk", "Evacuation/displacement"),
    ("Дітей вивозять із прикордонних громад автобусами.", "uk", "Evacuation/displacement"),
    ("Жителей Шебекино вывозят в Белгород.", "ru", "Evacuation/displacement"),
    ("Мешканців двох сіл відселили до Охтирки.", "uk", "Evacuation/displacement"),
    ("Тривають запеклі бої біля Покровська.", "uk", "Armed clash"),
    ("ВСУ штурмовали позиции у Суджи.", "ru", "Armed clash"),
    ("Противник атакував позиції бригади біля Часового Яру.", "uk", "Armed clash"),
    ("Сили оборони відбили 14 атак на Торецькому напрямку.", "uk", "Armed clash"),
    ("Росіяни розстріляли полонених.", "uk", "Attack"),
    ("Переговоры о перемирии продолжатся.", "ru", "Diplomacy/negotiations"),
    ("Ворог перекинув підкріплення до Куп'янська.", "uk", "Troop movements"),
])
def test_event_types(sentence, lang, expected):
    kind = words.classify(sentence, lang)
    assert kind is not None and kind[1] == expected


@pytest.mark.parametrize("sentence", [
    "Сьогодні в Сумах сонячно.", "Погода в Курске хорошая.", "Відбувся концерт у Києві.",
    # everyday senses of event words
    "Директора звільнили з посади минулого тижня.",  # dismissed, not liberated
    "Суд освободил чиновника от ответственности.",
    "Команда зайняла перше місце на турнірі.",
    "Компания вошла в состав холдинга.",
    "Міська рада уклала угоду з підрядником.",  # a contract, not diplomacy
    "Реформа стала справжнім проривом у медицині.",
    "На перехресті сталося зіткнення двох автомобілів.",
    "Удар м'ячем припав у штангу.",
    "Відходи вивезли на полігон.",
    "З елеватора вивезли все зерно.",  # taking goods away is no evacuation
    "Мусор вывозят дважды в неделю.",
    "Хакери атакували сайт університету.",
])
def test_no_event(sentence):
    assert words.classify(sentence, detect_language(sentence)) is None


@pytest.mark.parametrize("sentence, lang, expected", [
    ("Двоє загиблих і п'ятеро поранених.", "uk", (2, 5)),
    ("Двоє загиблих і п’ятеро поранених.", "uk", (2, 5)),  # typographic apostrophe
    ("Загинули троє людей, 5 поранених.", "uk", (3, 5)),
    ("Нашли троих погибших.", "ru", (3, None)),
    ("Погибли двадцать пять человек, сорок ранены.", "ru", (25, 40)),
    ("Кількість загиблих зросла до 12.", "uk", (12, None)),
    ("Загинула жінка, ще двоє людей постраждали.", "uk", (1, 2)),
    ("Погиб мужчина.", "ru", (1, None)),
    ("Загинули мешканці 12 березня.", "uk", (None, None)),  # a date, not a count
    ("Обстріл без жертв.", "uk", (None, None)),
    # an impersonal verb and the one person it names; an age is no count
    ("Унаслідок удару по Білопіллю поранено жінку.", "uk", (None, 1)),
    ("Травмовано 47-річного чоловіка.", "uk", (None, 1)),
    ("Ранен мужчина.", "ru", (None, 1)),
    ("Поранено людей, кількість уточнюється.", "uk", (None, None)),
])
def test_casualties(sentence, lang, expected):
    assert words.casualties(sentence, lang) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("14 березня ворог обстріляв громаду.", (dt.date(2025, 3, 14), "day")),
    ("14 марта противник обстрелял село.", (dt.date(2025, 3, 14), "day")),
    ("2 квітня 2024 року був обстріл.", (dt.date(2024, 4, 2), "day")),
    # a few days after publication: coming soon, this year; further ahead: last year
    ("20 марта атаковали дроны.", (dt.date(2025, 3, 20), "day")),
    ("Переговори відновляться 21 березня.", (dt.date(2025, 3, 21), "day")),
    ("14 квітня ворог обстріляв громаду.", (dt.date(2024, 4, 14), "day")),
    ("23 марта атаковали дроны.", (dt.date(2024, 3, 23), "day")),
    ("Обстріл 13.03.2025 о 05:00.", (dt.date(2025, 3, 13), "day")),
    ("В ночь на 14 марта сбили дроны.", (dt.date(2025, 3, 14), "day")),
    ("В ніч на 14 березня збили дрони.", (dt.date(2025, 3, 14), "day")),
    ("В ночь с 12 на 13 марта сбили дроны.", (dt.date(2025, 3, 13), "day")),
    ("В ночь на пятницу сбили дроны.", (dt.date(2025, 3, 14), "day")),
    ("В ночь с субботы на воскресенье сбили дроны.", (dt.date(2025, 3, 9), "day")),
    ("Вночі на 14-те березня збили дрони.", (dt.date(2025, 3, 14), "day")),
    ("ТЕРМІНОВО 🔴 Обстріл Сум 13.03, о 05.10", (dt.date(2025, 3, 13), "day")),
    ("Обстріл почався о 05.10 ранку.", (dt.date(2025, 3, 15), "days")),  # a time, not 5 Oct
    ("Вчора обстріляли місто.", (dt.date(2025, 3, 14), "day")),
    ("Вчера обстреляли город.", (dt.date(2025, 3, 14), "day")),
    ("Позавчора обстріляли місто.", (dt.date(2025, 3, 13), "day")),
    ("У неділю обстріляли місто.", (dt.date(2025, 3, 9), "day")),
    ("В воскресенье обстреляли город.", (dt.date(2025, 3, 9), "day")),
    ("У середу обстріляли місто.", (dt.date(2025, 3, 12), "day")),
    ("Минулої суботи обстріляли місто.", (dt.date(2025, 3, 8), "day")),
    ("Три дні тому обстріляли місто.", (dt.date(2025, 3, 12), "day")),
    ("Минулого тижня обстріляли місто.", (dt.date(2025, 3, 8), "week")),
    ("На прошлой неделе обстреляли город.", (dt.date(2025, 3, 8), "week")),
    ("Минулого місяця обстріляли місто.", (dt.date(2025, 2, 1), "month")),
    ("У серпні почався наступ.", (dt.date(2024, 8, 1), "month")),
    ("В августе прошлого года начался наступ.", (dt.date(2024, 8, 1), "month")),
    ("Сьогодні вранці обстріляли місто.", (dt.date(2025, 3, 15), "day")),
    ("Обстріляли місто.", (dt.date(2025, 3, 15), "days")),
    ("Обстріли тривають з 6 серпня.", (dt.date(2025, 3, 15), "days")),  # "since": not the date
])
def test_dates(sentence, expected):
    assert words.resolve_date(sentence, PUB) == expected


@pytest.mark.parametrize("sentence, published, expected", [
    ("14 березня ворог обстріляв громаду.", dt.date(2025, 1, 20), dt.date(2024, 3, 14)),
    ("Обстріл 28.12 зруйнував школу.", dt.date(2025, 1, 3), dt.date(2024, 12, 28)),
    ("Зустріч запланована на 2 січня.", dt.date(2024, 12, 30), dt.date(2025, 1, 2)),
    ("29 февраля сбили дроны.", dt.date(2025, 3, 10), dt.date(2024, 2, 29)),
])
def test_dates_around_new_year(sentence, published, expected):
    assert words.resolve_date(sentence, published) == (expected, "day")


def test_dates_without_publication():
    assert words.resolve_date("Вчора обстріляли місто.", None) == (None, None)
    assert words.resolve_date("14 березня 2025 року обстріляли місто.", None) == (
        dt.date(2025, 3, 14), "day")


@pytest.mark.parametrize("sentence, expected", [
    ("ЗСУ знищили склад.", [("Military Forces", "UA")]),
    ("Сили оборони відбили штурм.", [("Military Forces", "UA")]),
    ("Окупанти обстріляли місто.", [("Military Forces", "RU")]),
    ("Армія РФ атакувала позиції ЗСУ.", [("Military Forces", "RU"), ("Military Forces", "UA")]),
    ("Вооруженные силы Украины атаковали.", [("Military Forces", "UA")]),
    ("Сумська ОВА повідомила про евакуацію.", [("Government", "UA")]),
    ("Российские власти объявили эвакуацию.", [("Government", "RU")]),
])
def test_actors(sentence, expected):
    assert words.actors(sentence) == expected


def test_enemy_is_the_russian_side_in_ukrainian():
    assert words.actors("Ворог скинув на громаду дві керовані авіабомби.") == [
        ("Military Forces", "RU")]
    assert words.actors("Ворожий безпілотник влучив у будинок.") == [("Military Forces", "RU")]


def test_russian_quotation_in_ukrainian_sentence():
    # words the Ukrainian dictionary does not know are read with the Russian one
    sentence = ("Губернатор тим часом написав: «После атаки беспилотника на Шебекино "
                "пострадал мужчина».")
    assert words.classify(sentence, "uk") == ("Explosions/Remote violence", "Air/drone strike")


@pytest.mark.parametrize("sentence, places, expected", [
    # a region's authorities take the country of the region named inside the phrase
    ("Влада Сумської області оголосила евакуацію.", [(6, 22, "UA")], [("Government", "UA")]),
    ("Власти Курской области сообщили об атаке.", [(7, 22, "RU")], [("Government", "RU")]),
    ("Губернатор Белгородской области сообщил.", [(11, 31, "RU")], [("Government", "RU")]),
    ("Власти Курской области сообщили об атаке.", [], []),  # the region unknown: left out
])
def test_regional_authorities(sentence, places, expected):
    assert words.actors(sentence, places) == expected


@pytest.mark.parametrize("phrase, lang, expected", [
    ("Сумська ОВА", "uk", "Сумська область"),
    ("голова Донецької ОВА", "uk", "Донецька область"),
    ("Харківської обласної військової адміністрації", "uk", "Харківська область"),
    ("Курской областной администрации", "ru", "Курская область"),
    ("Сокирянської РДА", "uk", "Сокирянський район"),
    ("губернатор Хабаровского края", "ru", "Хабаровский край"),
])
def test_authority_region(phrase, lang, expected):
    span = words.REGIONAL_AUTHORITIES.search(words.normalise(phrase))
    assert span is not None
    assert words.authority_region(phrase[span.start():span.end()], lang) == expected


@pytest.mark.parametrize("text, lang", [
    ("Russian forces shelled Sumy.", "en"),
    ("Російські війська обстріляли Суми.", "uk"),
    ("Российские войска обстреляли Сумы.", "ru"),
    ("Вчера ВСУ атаковали Курскую область беспилотниками.", "ru"),  # no ы/э/ё: no і/ї/є either
    ("Обстріл Сум", "uk"),
    ("Обстрел", "ru"),
    ("", "en"),
    ("12345 !!!", "en"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_lang_argument():
    text = "Вчора росіяни обстріляли Краснопілля Сумської області."
    assert extract_events(text, published=PUB).attrs["lang"] == "uk"
    assert extract_events(text, published=PUB, lang="uk").iloc[0]["location"] == "Krasnopillya"
    assert len(extract_events(text, published=PUB, lang="en")) == 0  # English rules: no event
    with pytest.raises(ValueError, match="lang="):
        extract_events(text, lang="de")


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "ъъъ ыыы", "😀 #Суми 🔥🔥", "..!!??",
                                  "а" * 5000, "Обстріл"])
def test_empty_and_garbage(text):
    gdf = extract_events(text, published=PUB)
    assert len(gdf) == 0
    assert list(gdf.columns) == [*EVENT_COLUMNS, *TEXT_EVENT_COLUMNS, "geometry"]


def test_casualties_of_the_next_sentence():
    text = "У неділю ракета влучила в Краснопілля. Загинули двоє людей, семеро поранені."
    row = extract_events(text, published=PUB).iloc[0]
    assert (row["fatalities"], row["injured"]) == (2, 7)
    assert row["event_date"] == dt.datetime(2025, 3, 9)


def test_ukrainian_sample_article():
    from geokit import samples

    text, day = samples.articles()["sumy_border_uk_2025.txt"]
    gdf = extract_events(text, published=day)
    assert gdf.attrs["lang"] == "uk"
    by_type = dict(zip(gdf["sub_event_type"], gdf["location"], strict=True))
    assert by_type["Shelling/artillery/missile attack"] in ("Sumy", "Krasnopillya")
    assert by_type["Non-state actor overtakes territory"] == "Sudzha"
    capture = gdf[gdf["location"] == "Sudzha"].iloc[0]
    # "минулого місяця" in the main clause, not "з серпня 2024 року" in the relative clause
    assert (capture["event_date"], capture["date_precision"]) == (dt.datetime(2025, 3, 1),
                                                                  "month")


def test_actor_phrase_is_not_the_place():
    # "Сили" (in "Сили оборони", the Defence Forces) is also a village's name
    row = extract_events("Вчора Сили оборони звільнили село Андріївка на Донеччині.",
                         published=PUB).iloc[0]
    assert row["location"] != "Syla" and row["admin1"] == "Donetsk Oblast"
    assert row["sub_event_type"] == "Government regains territory"


def test_cli_extract_with_lang(tmp_path, capsys):
    from geokit.cli import main

    art = tmp_path / "uk.txt"
    art.write_text("Вчора російські війська обстріляли Краснопілля Сумської області, двоє "
                   "загиблих.", encoding="utf-8")
    out = tmp_path / "ev.csv"
    assert main(["extract", str(art), "--published", "2025-03-15", "--lang", "uk",
                 "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Krasnopillya" in text and "Shelling/artillery/missile attack" in text
    assert "1 events" in capsys.readouterr().out
