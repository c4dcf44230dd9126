"""Tests for geokit.text.places (texts written for these tests)."""

from __future__ import annotations

import pytest

from geokit.text import extract_places, resolve_spans


def names(text, **kw):
    return [m.text for m in extract_places(text, **kw)]


def test_empty_and_blank_text():
    assert extract_places("") == []
    assert extract_places("   \n") == []


@pytest.mark.parametrize("bad", [None, 12, b"Kursk", ["Kursk"]])
def test_non_str_raises_type_error(bad):
    with pytest.raises(TypeError):
        extract_places(bad)


def test_offsets_match_text():
    text = "Russian forces recaptured Sudzha, and drones hit Sumy's outskirts near Krasnopillia."
    ms = extract_places(text)
    assert ms
    for m in ms:
        assert text[m.start:m.end] == m.text
    assert "Sumy" in [m.text for m in ms]


def test_people_are_not_places():
    text = ("Vladimir Putin spoke by phone with Marco Rubio on Tuesday. Later Putin said the talks "
            "were useful, and Rubio flew home.")
    assert names(text) == []


def test_common_words_are_not_places():
    text = ("Maria said the report will be ready in May. Reading it takes an hour. The weather "
            "was nice. Nice work, said the editor. Of course, March is busy.")
    assert names(text) == []


def test_place_word_after_preposition_is_a_place():
    ms = extract_places("Fans travelled from London to Reading for the match.")
    got = {m.text: m.place.country_code for m in ms}
    assert got == {"London": "GB", "Reading": "GB"}


def test_demonyms_are_not_mentions():
    assert names("Russian forces and Ukrainian air defences exchanged fire.") == []


def test_region_form_resolves_to_admin1():
    ms = extract_places("Eight villages in the Sumy region were ordered to evacuate.")
    (m,) = ms
    assert m.text == "Sumy"
    assert m.place.kind == "admin1" and m.place.country_code == "UA"


def test_kursk_context():
    text = "Russian forces recaptured Sudzha in the Kursk region after months of fighting."
    ms = {m.text: m.place for m in extract_places(text)}
    assert ms["Sudzha"].country_code == "RU"
    assert ms["Kursk"].kind == "admin1" and ms["Kursk"].country_code == "RU"


def test_country_mention_biases_the_rest():
    ms = {m.text: m.place for m in extract_places(
        "Flooding hit Paris and Dallas this week, officials in Texas said.")}
    assert ms["Paris"].country_code == "US"


def test_same_name_resolves_the_same_way():
    text = "Shelling hit Kupiansk. Residents of Kupiansk were told to leave the Kharkiv region."
    ms = [m for m in extract_places(text) if m.text == "Kupiansk"]
    assert len(ms) == 2 and ms[0].place == ms[1].place


def test_country_hint():
    (m,) = extract_places("Storms reached Paris overnight.", country="US")
    assert m.place.country_code == "US"


def test_resolve_spans_given_offsets():
    text = "Evacuations were ordered in Krasnopillia, Sumy oblast."
    ms = resolve_spans(text, [(28, 40)])
    assert ms[0].text == "Krasnopillia" and ms[0].place.admin1.startswith("Sum")


def test_cli_places_and_extract(tmp_path, capsys):
    import json

    from geokit.cli import main

    art = tmp_path / "a.txt"
    art.write_text("Russian forces recaptured Sudzha on Thursday. Drones were shot down over "
                   "the Kursk region overnight.", encoding="utf-8")
    assert main(["places", str(art), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert [m["text"] for m in got] == ["Sudzha", "Kursk"]
    assert main(["places", str(art)]) == 0
    assert "2 mentions" in capsys.readouterr().out
    out = tmp_path / "ev.geojson"
    assert main(["extract", str(art), "--published", "2025-03-15", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["features"]) == 2


def test_continents_are_places():
    ms = extract_places("Grain from Europe reached Africa by sea.")
    assert [(m.text, m.place.kind) for m in ms] == [("Europe", "continent"),
                                                    ("Africa", "continent")]


def test_abbreviations_and_short_country_names():
    text = "Police in Lexington, Ky. and in Victoria, B.C. thanked the US and the EU. Us too."
    got = {m.text: (m.place.name, m.place.kind) for m in extract_places(text)}
    assert got["Ky"] == ("Kentucky", "admin1")
    assert got["B.C."] == ("British Columbia", "admin1")
    assert got["US"] == ("United States", "country")
    assert got["EU"][1] == "continent"
    assert "Us" not in got


def test_cyrillic_names_and_region_words():
    text = "Бои у Суджа, Курская область."
    got = [(m.text, m.place.name, m.place.kind) for m in extract_places(text)]
    assert got == [("Суджа", "Sudzha", "populated_place"),
                   ("Курская область", "Kursk Oblast", "admin1")]


def test_dateline_then_person():
    text = "KYIV Oksana Steele, a volunteer, said Steele had left Kharkiv."
    assert [m.text for m in extract_places(text)] == ["KYIV", "Kharkiv"]


def test_hyphenated_names_with_two_capitals():
    ms = extract_places("Shelling was reported in Volodymyr-Volynskyi, officials said.")
    assert [m.text for m in ms] == ["Volodymyr-Volynskyi"]


def _km(lat1, lon1, lat2, lon2):
    from geokit._geo import haversine_km

    return haversine_km(lat1, lon1, lat2, lon2)


def test_country_point_is_geonames_point():
    # GeoNames puts Canada in Alberta, far from both the Factbook point and the centroid
    m = next(m for m in extract_places("Talks with Canada stalled again.") if m.text == "Canada")
    assert _km(m.place.lat, m.place.lon, 60.1087, -113.643) < 1


def test_country_point_without_geonames_is_between_reference_and_centroid(monkeypatch):
    from geokit import gazetteer
    from geokit.gazetteer import _points as _text_points

    gaz = gazetteer.default()
    rec = gaz.country_record("RU")
    monkeypatch.setattr(_text_points, "_geonames", dict)
    points = _text_points._build_points(gaz)
    ref = _text_points._factbook()["RU"]
    mid = ((ref[0] + gaz._a.lat[rec]) / 2, (ref[1] + gaz._a.lon[rec]) / 2)
    assert _km(*points[int(rec)], *mid) < 1


def test_region_point_is_between_settlement_extent_and_area_centroid():
    from geokit import gazetteer
    from geokit.gazetteer._points import _area_centroids

    gaz = gazetteer.default()
    a = gaz._a
    m = next(m for m in extract_places("Floods hit farms across Alberta this week.")
             if m.text == "Alberta")
    rec = m.place.raw["record"]
    inside = (a.a1 == rec) & (a.kind < 2)
    lat, lon = a.lat[inside], a.lon[inside]
    box = ((lat.min() + lat.max()) / 2, (lon.min() + lon.max()) / 2)
    cen = _area_centroids(gaz)[rec]
    assert _km(m.place.lat, m.place.lon, (box[0] + cen[0]) / 2, (box[1] + cen[1]) / 2) < 1


def test_country_reference_points_are_valid():
    from geokit.gazetteer._points import _factbook

    pts = _factbook()
    assert len(pts) > 200
    assert all(len(cc) == 2 and -90 <= la <= 90 and -180 <= lo <= 180
               for cc, (la, lo) in pts.items())


def test_common_surnames_are_not_places_unless_used_as_places():
    text = ("Johnson scored twice and Allen added a third. After the match Johnson said the team "
            "would train in Sutton next week.")
    got = names(text)
    assert "Johnson" not in got and "Allen" not in got
    assert "Sutton" in got


def test_person_name_list_is_loaded():
    from geokit.text._lexicon import person_names

    pn = person_names()
    assert {"johnson", "allen", "maria"} <= pn
    assert len(pn) > 3000


def test_major_place_inside_an_organisation_name():
    text = "Kentucky State Police said the Pakistan Army and Harvard University were not involved."
    got = names(text)
    assert "Kentucky" in got and "Pakistan" in got
    assert not any("Police" in g or "University" in g or "Harvard" in g for g in got)


def test_places_inside_hyphenated_words():
    text = "The London-based group welcomed the Russia-Turkey deal and a Canada-wide warrant."
    got = names(text)
    assert got == ["London", "Russia", "Turkey", "Canada"]
    ms = extract_places(text)
    assert all(text[m.start:m.end] == m.text for m in ms)


def test_countries_with_a_missing_or_mismatched_polygon_point_still_resolve():
    ms = {m.text: m.place for m in extract_places(
        "Pilgrims from Slovakia and Georgia travelled to the Vatican, seat of the Holy See.")}
    for name in ("Slovakia", "Georgia", "Vatican", "Holy See"):
        assert ms[name] is not None and ms[name].kind == "country", name
    assert _km(ms["Georgia"].lat, ms["Georgia"].lon, 42.3, 43.4) < 300  # not in the Pacific
    assert _km(ms["Slovakia"].lat, ms["Slovakia"].lon, 48.7, 19.7) < 300
    assert ms["Holy See"].country_code == "VA"


def test_country_that_is_also_a_first_name():
    ms = extract_places("Gunmen attacked a castle in central Jordan on Sunday.")
    assert [(m.text, m.place.country_code) for m in ms] == [("Jordan", "JO")]


def test_translated_alternate_name_abroad_loses_to_the_place_of_that_name():
    ms = extract_places("A fire broke out near White House, Tennessee, on Friday.")
    wh = next(m for m in ms if m.text == "White House")
    assert wh.place.country_code == "US"


def test_resolve_spans_inner_name_and_document_focus():
    text = ("Kentucky State Police closed Main Street in Glasgow, Kentucky, after the crash. "
            "Glasgow officials said Main Street reopens Monday.")
    spans = [(0, 21), (29, 40), (44, 51), (53, 61), (80, 87)]
    assert [text[s:e] for s, e in spans] == ["Kentucky State Police", "Main Street", "Glasgow",
                                             "Kentucky", "Glasgow"]
    ms = resolve_spans(text, spans)
    assert ms[0].place.kind == "admin1" and ms[0].place.name.startswith("Kentucky")
    street = ms[1]
    assert street.place is not None and street.confidence == 0.05
    assert street.place.name == "Glasgow" and street.place.country_code == "US"
    assert "not in the gazetteer" in street.place.why
    assert resolve_spans("Nothing here at all.", [(0, 7)])[0].place is None


def test_ordinary_words_and_features_are_not_small_towns():
    text = ("The Summit ended without a deal. Tankers crossed the Persian Gulf and anchored off "
            "Glenrock Lagoon. Salt prices rose. Later the delegates met in Summit, New Jersey.")
    got = names(text)
    assert "Gulf" not in got and "Glenrock" not in got and "Salt" not in got
    assert got.count("Summit") == 1 and "New Jersey" in got


def test_data_word_lists_are_loaded():
    from geokit.text._lexicon import common_words

    cw = common_words()
    assert {"summit", "reading"} <= cw
    assert "london" not in cw


def test_capitals_are_the_default_reading():
    ms = extract_places("Officials in Paris and Washington said talks would resume.")
    got = {m.text: m.place for m in ms}
    assert got["Paris"].country_code == "FR"
    assert _km(got["Washington"].lat, got["Washington"].lon, 38.9, -77.04) < 30


def test_seats_of_power_are_institutions_not_places():
    got = names("The White House and Downing Street welcomed the deal reached in Geneva.")
    assert got == ["Geneva"]


def test_abbreviated_and_directional_multiword_names():
    text = "He studied in St. Louis, then storms hit the Eastern Cape and Northern Ireland."
    assert names(text) == ["St. Louis", "Eastern Cape", "Northern Ireland"]


def test_east_asian_surnames_and_dprk():
    ms = extract_places("Chen said the DPRK had tested another missile. Wang agreed.")
    assert [(m.text, m.place.country_code) for m in ms] == [("DPRK", "KP")]


def test_dotted_region_abbreviations_and_qualified_first_names():
    got = extract_places("In B.C., snow fell. Pottery from 500 B.C. was found in Victoria, B.C.")
    assert [(m.text, m.place.name) for m in got] == [
        ("B.C.", "British Columbia"), ("Victoria", "Victoria"), ("B.C.", "British Columbia")]
    assert got[1].place.country_code == "CA"


def test_datelines_and_counties_inside_organisation_names():
    text = "RUSSELLVILLE, Ark. - The Laurel County Sheriff's Office said the road reopened."
    got = [(m.text, m.place.kind) for m in extract_places(text)]
    assert got[0] == ("RUSSELLVILLE", "populated_place")
    assert ("Laurel County", "admin2") in got
    assert not any("Sheriff" in t for t, _ in got)


def test_titles_of_a_country_do_not_make_it_a_surname():
    text = ("The Deputy Minister of Defence of Azerbaijan spoke. Later Azerbaijan closed the "
            "border, and the President of Ukraine Volodymyr Zelensky visited Sumy.")
    assert names(text) == ["Azerbaijan", "Azerbaijan", "Ukraine", "Sumy"]


def test_hyphenated_suffix_after_a_multiword_name():
    ms = extract_places("A claim against Los Angeles-based brokerage firm Wedbush.")
    assert [(m.text, m.place.name) for m in ms] == [("Los Angeles", "Los Angeles")]


def test_qualifying_name_prefers_the_area_that_holds_the_town():
    ms = extract_places("Mary Ann, of a cake studio in Tacoma, Washington, shares tips.")
    wa = next(m for m in ms if m.text == "Washington")
    assert wa.place.kind == "admin1" and wa.place.country_code == "US"


def test_plain_mentions_follow_the_qualified_one():
    text = "HOLLIDAY, Mo. — A man from Paris, Missouri, was arrested. Two men of Paris were hurt."
    paris = [m for m in extract_places(text) if m.text == "Paris"]
    assert len(paris) == 2 and {m.place.admin1 for m in paris} == {"Missouri"}


def test_abbreviated_saint_matches_the_spelled_out_name():
    ms = extract_places("He climbed Mt. Vernon and drove on to Ft. Worth.")
    assert [m.place.name for m in ms] == ["Mount Vernon", "Fort Worth"]
    ms = extract_places("Moscow and Russia said the consulate in St. Petersburg would close.")
    spb = next(m for m in ms if m.text == "St. Petersburg")
    assert spb.place.country_code == "RU"


def test_world_regions_are_areas_not_namesake_villages():
    ms = extract_places("The sergeant served in the Middle East and later in the Sahel.")
    assert [(m.text, m.place.kind) for m in ms] == [("Middle East", "world_region"),
                                                   ("Sahel", "world_region")]
    me = ms[0].place
    assert 20 < me.lat < 35 and 35 < me.lon < 50  # between its countries, not in Maryland


def test_country_names_joined_by_and():
    ms = extract_places("Envoys of Bosnia and Herzegovina met Trinidad and Tobago officials.")
    assert [(m.text, m.place.kind) for m in ms] == [("Bosnia and Herzegovina", "country"),
                                                   ("Trinidad and Tobago", "country")]
    ms = extract_places("Trade between France and Germany grew.")
    assert [m.text for m in ms] == ["France", "Germany"]


def test_ethnic_and_religious_adjectives_need_a_place_cue():
    assert extract_places("The Arab Spring reached Tunisia.")[0].text == "Tunisia"
    ms = extract_places("She grew up in Arab, Alabama.")
    assert [m.text for m in ms] == ["Arab", "Alabama"]


def test_a_borough_beside_a_capital_gets_no_capital_bonus():
    # Edmonton in London is no capital: a train from Winnipeg runs to Edmonton, Alberta
    ms = extract_places("A cat rode a freight train from Winnipeg to Edmonton on Sunday.")
    assert next(m for m in ms if m.text == "Edmonton").place.country_code == "CA"
    assert extract_places("Talks in London ended.")[0].place.country_code == "GB"


def test_namesakes_that_lie_together_resolve_together():
    text = ("Suffolk County detectives searched the old home in the town of Southold. "
            "Suffolk County police said more digging was planned.")
    ms = extract_places(text)
    assert {m.place.admin1 for m in ms} == {"New York"}


def test_a_place_named_two_ways_is_one_place():
    ms = extract_places("CAMP MURRAY, Wash. - The team spent the winter in central Washington.")
    wa = [m for m in ms if m.text in ("Wash", "Washington")]
    assert [m.place.kind for m in wa] == ["admin1", "admin1"]


def test_the_gulf_is_the_persian_gulf_beside_its_countries():
    ms = extract_places("Tensions rose in the Gulf after Iran seized a tanker.")
    assert (ms[0].text, ms[0].place.name, ms[0].place.kind) == ("Gulf", "Persian Gulf",
                                                                "world_region")
    assert all(isinstance(m.place.lat, float) for m in extract_places("Storms hit the Gulf."))


def test_short_upper_case_codes_are_not_places():
    text = "(NBC News) - Facebook said so. (DKR) is a law firm. KYIV - Officials met."
    assert [m.text for m in extract_places(text)] == ["KYIV"]


def test_given_name_and_town_name_make_a_person():
    ms = extract_places("Lewis Hamilton won again, and George Washington was quoted in Leeds.")
    assert [m.text for m in ms] == ["Leeds"]


def test_a_lone_name_before_a_speech_verb_is_a_speaker_unless_a_major_place():
    text = "Nelson says the plant will open. Moscow said it would respond. Europe added 24 GW."
    assert [m.text for m in extract_places(text)] == ["Moscow", "Europe"]


def test_surname_after_a_title_is_a_person_throughout_the_text():
    text = "Police said Mr Paterson lunged at officers. Paterson was arrested in Leeds."
    assert [m.text for m in extract_places(text)] == ["Leeds"]


def test_short_alternate_names_in_prose_are_not_places():
    text = "Che scored twice. He uses a Mac. The Pan-Igbo group met in Enugu."
    assert [m.text for m in extract_places(text)] == ["Enugu"]
    text = "It will be built at GM's Bowling Green, Kentucky plant. El Niño is weakening."
    assert [m.text for m in extract_places(text)] == ["Bowling Green", "Kentucky"]
