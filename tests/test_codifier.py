"""Ukraine's settlement codifier: bundled rows, precision, former names, namesakes, hints."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import geokit
from geokit._geo import haversine_km
from geokit.gazetteer import codifier as cod_mod
from geokit.geocoding import _settlements as settle

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def gaz():
    return geokit.gazetteer.default()


@pytest.fixture(scope="module")
def cod(gaz):
    return gaz.codifier


# -- the bundled table -----------------------------------------------------------------------
def test_every_codifier_row_has_units_a_point_and_a_precision(cod):
    n = len(cod.ids)
    assert n > 29_000
    assert set(np.unique(cod.cats)) <= set(cod_mod.CATEGORY_NAMES)
    assert (cod.unit[:, 0] >= 0).all()  # every settlement has its oblast
    assert (cod.unit[:, 2] >= 0).mean() > 0.99  # and nearly all a hromada (Kyiv has none)
    placed = ~np.isnan(cod.lat)
    assert placed.mean() > 0.999
    lat, lon = cod.lat[placed], cod.lon[placed]
    assert ((lat > 44) & (lat < 52.5) & (lon > 22) & (lon < 40.5)).all()  # inside Ukraine
    assert set(np.unique(cod.prec[placed])) <= {0, 1, 2}
    assert all(str(i).startswith("UA") and len(str(i)) == 19 for i in cod.ids[:100])
    assert len(cod.names_uk) == len(cod.names_latn) == len(cod.former_uk) == n


def test_stored_join_is_in_step_with_the_gazetteer():
    """codifier.npz holds the build's join to gazetteer.npz; joining afresh gives the same."""
    from geokit.gazetteer._files import data_file

    plain = geokit.gazetteer.Gazetteer.load(user_layers=False, codifier=False)
    path = data_file("codifier.npz")
    table, stored = cod_mod.load(path)
    fresh = cod_mod.join(plain._a, table, cod_mod.load_keys(path))
    assert set(stored) == set(fresh) == set(cod_mod.JOIN_ARRAYS), (
        "rebuild the join: python gazetteer/build_codifier.py --join")
    for name in cod_mod.JOIN_ARRAYS:
        assert stored[name].dtype == fresh[name].dtype, name
        assert np.array_equal(stored[name], fresh[name]), (
            f"join_{name} is stale: python gazetteer/build_codifier.py --join")


def test_a_join_for_another_gazetteer_is_redone(monkeypatch, caplog):
    real = cod_mod.load

    def stale(path):
        table, joined = real(path)
        joined["base"] = joined["base"] + 1
        return table, joined

    monkeypatch.setattr(cod_mod, "load", stale)
    with caplog.at_level("WARNING"):
        g = geokit.gazetteer.Gazetteer.load(user_layers=False)
    assert "joined to another gazetteer.npz" in caplog.text
    assert geokit.geocode("Bakhmut", gazetteer=g).raw["hromada"] == "Bakhmutska hromada"
    with pytest.raises(ValueError, match="another gazetteer"):
        cod_mod.attach(g._a, g.codifier, stale(geokit.gazetteer._files.data_file("codifier.npz"))[1])


def test_national_romanisation_is_stored(cod):
    j = cod.names_uk.index("Бахмут")
    assert cod.names_latn[j] == "Bakhmut"
    assert cod.hromada(j) == "Bakhmutska hromada"


def test_centre_of_unit_picks_the_namesake_child():
    sys.path.insert(0, str(ROOT / "gazetteer"))
    try:
        from build_codifier import centre_of
    finally:
        sys.path.remove(str(ROOT / "gazetteer"))
    names = ["Зелене", "Нова Вербівка", "Вербівка", "Гай"]
    cats = ["C", "C", "T", "C"]
    assert centre_of("Вербівська", [0, 1, 2, 3], names, cats) == 2
    assert centre_of("Лісова", [0, 1, 3], names, cats) == -1


def test_kmu_romanisation_follows_the_2010_table():
    pytest.importorskip("translitua")
    sys.path.insert(0, str(ROOT / "gazetteer"))
    try:
        from build_codifier import kmu
    finally:
        sys.path.remove(str(ROOT / "gazetteer"))
    assert kmu("Згурівка") == "Zghurivka"  # зг -> zgh
    assert kmu("Яготин") == "Yahotyn"  # initial я -> ya
    assert kmu("Мар’янівка") == "Marianivka"  # apostrophe dropped, я -> ia


# -- answers and their precision ---------------------------------------------------------------
def _village_at_hromada_centre(cod):
    """A codifier village placed at its hromada centre whose name is unique in Ukraine."""
    names = pd.Series(cod.names_latn)
    counts = names.map(names.value_counts())
    for j in np.flatnonzero((cod.prec == 1) & (counts.to_numpy() == 1)):
        if len(cod.names_latn[j]) > 7 and cod.record[j] >= 0:
            return int(j)
    raise AssertionError("no unique hromada-placed village")


def test_codifier_village_is_approximate_with_hromada_precision(gaz, cod):
    j = _village_at_hromada_centre(cod)
    name = cod.names_latn[j]
    place = geokit.geocode(name)
    assert place is not None and place.precision == "hromada"
    assert place.source == "katottg"
    assert place.raw["katottg"] == str(cod.ids[j])
    df = geokit.geocode_many([name, cod.names_uk[j]])
    assert list(df["status"]) == ["approximate", "approximate"]
    assert list(df["precision"]) == ["hromada", "hromada"]
    assert cod.hromada(j) in df["reason"].iloc[0]
    assert (df["score"] <= 0.5).all()


def test_geonames_town_keeps_its_own_point(gaz):
    p = geokit.geocode("Bakhmut, Donetsk Oblast")
    assert p.precision == "settlement" and p.source == "geonames"
    assert p.raw["hromada"] == "Bakhmutska hromada"
    df = geokit.geocode_many(["Kursk region"])
    assert df["precision"].iloc[0] == "admin1"


def test_a_city_or_city_district_is_never_a_village_point(gaz, cod):
    # a GeoNames place of 50,000 people or more may stand only for a codifier city (M/K); one of
    # 20,000 or more must bear the village's own name, not only an old or alternate name
    a = gaz._a
    pop = dict(zip(a.gid.tolist(), a.pop.tolist(), strict=True))
    village = ~np.isin(np.asarray(cod.cats), ["M", "K"]) & (np.asarray(cod.gid) >= 0)
    big = [pop.get(int(g), 0) for g in np.asarray(cod.gid)[village]]
    assert max(big) < 50_000
    # Myrnohrad's old name is also a village nearby: each keeps its own point
    town = geokit.geocode("Myrnohrad")
    village_place = geokit.geocode("Hrodivka, Donetsk Oblast")
    assert town.raw["hromada"] == "Myrnohradska hromada"
    assert village_place.name == "Hrodivka"
    assert haversine_km(town.lat, town.lon, village_place.lat, village_place.lon) > 5


def test_precision_in_events_table(cod):
    j = _village_at_hromada_centre(cod)
    events = pd.DataFrame(
        {"location": [cod.names_latn[j], "Bakhmut"], "country": ["Ukraine", "Ukraine"]}
    )
    out = geokit.geocode_events(events, location_col="location")
    assert list(out["loc_precision"]) == ["near", "exact"]


# -- former names ----------------------------------------------------------------------------
def test_old_names_resolve_to_the_current_settlement():
    assert geokit.geocode("Artemivsk").name == "Bakhmut"
    assert geokit.geocode("Dnipropetrovsk").name in ("Dnipro", "Dnipropetrovsk")
    assert abs(geokit.geocode("Kirovohrad").lat - 48.5) < 0.2  # Kropyvnytskyi


def test_codifier_former_name_finds_the_renamed_settlement(cod):
    names = pd.Series(cod.names_uk)
    former = pd.Series(cod.former_uk)
    for j in np.flatnonzero(former.str.len().to_numpy() > 6):
        if (former == former[j]).sum() == 1 and (names == former[j]).sum() == 0:
            break
    else:
        pytest.skip("no uniquely renamed settlement")
    hits = geokit.candidates(former[j], limit=20)
    assert any(p.raw.get("katottg") == str(cod.ids[j]) for p in hits)


# -- namesakes and hints ---------------------------------------------------------------------
def test_namesakes_in_one_oblast_are_ambiguous_with_their_count():
    df = geokit.geocode_many(["Kalynivka"], admin1="Kyiv Oblast")
    assert df["status"].iloc[0] == "ambiguous"
    assert "places of this name fit" in df["reason"].iloc[0]
    n = int(df["reason"].iloc[0].split()[0])
    assert n >= 3
    assert df["score"].iloc[0] <= 1 / n + 1e-9


def test_current_district_hint_picks_the_namesake():
    df = geokit.geocode_many(["Kalynivka"], admin1="Kyiv Oblast", admin2="Brovary Raion")
    assert df["status"].iloc[0] in ("resolved", "approximate")
    assert df["admin2"].iloc[0] == "Brovary Raion"


def test_former_raion_hint_is_a_proximity_hint(gaz):
    # a pre-2020 raion named after its centre town: its hromada's centre stands in for it
    units = settle.district_units(gaz, "Yahotynskyi raion")
    assert units and gaz.codifier.unit_latn[units[0]].startswith("Yahotyn")
    from geokit.geocoding._geocode import _resolve_context

    ctx = _resolve_context(gaz, [], None, "Kyiv Oblast", "Yahotyns'kyi", None)
    assert ctx.near is not None and abs(ctx.near[0] - 50.25) < 0.2


def test_hromada_hint_filters_namesakes(gaz, cod):
    j = next(
        j
        for j in range(len(cod.ids))
        if cod.names_latn[j] == "Kalynivka"
        and cod.hromada(j).startswith("Kalynivska")
        and cod.unit[j, 0] >= 0
        and "Kyiv" in gaz.admin_names(int(cod.record[j]))[0]
    )
    df = geokit.geocode_many(["Kalynivka"], admin1="Kyiv Oblast", admin2=cod.hromada(j))
    place = geokit.geocode("Kalynivka", admin1="Kyiv Oblast", admin2=cod.hromada(j))
    assert place.raw["hromada"] == cod.hromada(j)
    # Kyiv Oblast has two hromadas of that name: only their villages are listed
    reason = df["reason"].iloc[0]
    if df["status"].iloc[0] == "ambiguous":
        listed = reason.split(": ", 1)[1].split("; give")[0].split("; ")
        assert all(cod.hromada(j) in item for item in listed)


def test_adjective_stem_matches_across_spellings():
    assert settle.adjective_stem("Yahotyns'kyi") == settle.adjective_stem("Yahotynska hromada")
    assert settle.adjective_stem("Яготинський район") == settle.adjective_stem("Yahotynskyi")
    assert settle.adjective_stem("") == ""
    assert settle.adjective_stem("Kyiv") == ""


# -- answers that never mislead --------------------------------------------------------------
def test_a_different_name_spelt_alike_is_not_resolved():
    df = geokit.geocode_many(["Popasana"], admin1="Luhansk Oblast")
    assert df["status"].iloc[0] == "ambiguous"
    assert "closest name is 'Popasna'" in df["reason"].iloc[0]
    assert df["score"].iloc[0] <= settle.SCORE_CLOSE


def test_error_paths(gaz):
    df = geokit.geocode_many([None, "", "Qxqxqxqx"], admin1="Donetsk Oblast")
    assert list(df["status"]) == ["unresolved", "unresolved", "approximate"]
    assert pd.isna(df["precision"].iloc[0])
    assert df["precision"].iloc[2] == "admin1"
    assert settle.district_units(gaz, "") == []
    assert settle.district_units(gaz, "Zzzzzskyi") == []
    assert gaz.codifier.settlement(-5) == -1
    plain = geokit.gazetteer.Gazetteer.load(user_layers=False, codifier=False)
    assert plain.codifier is None
    assert geokit.geocode("Bakhmut", gazetteer=plain).precision == "settlement"


def test_missing_codifier_file_says_how_to_rebuild(monkeypatch):
    from geokit.errors import DataMissingError
    from geokit.gazetteer import _store

    real = _store._data_file

    def fake(name):
        if name == "codifier.npz":
            return real("nonexistent.npz")
        return real(name)

    monkeypatch.setattr(_store, "_data_file", fake)
    with pytest.raises(DataMissingError, match="make gazetteer"):
        _store.Gazetteer.load(user_layers=False)


# -- hints from the rest of a table ----------------------------------------------------------
def _two_namesakes(cod, oblast="Donetsk Oblast"):
    """A village name that exactly two places of one oblast share, far apart."""
    unit = cod.unit_uk.index("Донецька")
    sel = np.flatnonzero(cod.unit[:, 0] == unit)
    names = pd.Series([cod.names_latn[j] for j in sel])
    counts = names.value_counts()
    for name in counts[counts == 2].index[:300]:
        df = geokit.geocode_many([name], admin1=oblast)
        if df["status"].iloc[0] == "ambiguous" and df["reason"].iloc[0].startswith("2 places"):
            cands = [p for p in geokit.candidates(name, admin1=oblast, limit=5)
                     if p.admin1 == oblast]
            if len(cands) == 2 and haversine_km(cands[0].lat, cands[0].lon, cands[1].lat,
                                                cands[1].lon) > 60:
                return name, cands[0], cands[1]
    pytest.skip("no pair of namesakes found")


def test_near_per_row_picks_the_namesake(cod):
    name, a, b = _two_namesakes(cod)
    df = geokit.geocode_many([name, name], admin1="Donetsk Oblast",
                             near=[(b.lat + 0.02, b.lon), None])
    assert (df["lat"].iloc[0], df["lon"].iloc[0]) == (b.lat, b.lon)
    assert df["status"].iloc[0] != "ambiguous"
    assert df["status"].iloc[1] == "ambiguous"
    with pytest.raises(geokit.errors.GeokitValueError):
        geokit.geocode_many([name], near=[(1.0, 2.0), (3.0, 4.0)])
    with pytest.raises(geokit.errors.GeokitValueError):
        geokit.geocode_many([name], near=(95.0, 2.0))


def test_russian_language_forms_find_ukrainian_villages():
    sys.path.insert(0, str(ROOT / "gazetteer"))
    try:
        from build_codifier import russian_form
    finally:
        sys.path.remove(str(ROOT / "gazetteer"))
    assert russian_form("Олександрівка") == "александровка"
    assert russian_form("Благодатне") == "благодатное"
    assert russian_form("Курахове") == "курахово"
    assert russian_form("Андріївка") == "андреевка"
    assert geokit.geocode("Kurakhovo", admin1="Donetsk Oblast").name.startswith("Kurakhov")
    df = geokit.geocode_many(["Opytnoe"], admin1="Donetsk Oblast")
    assert df["name"].iloc[0] == "Opytne"
    assert df["status"].iloc[0] == "ambiguous"  # two villages of that name in the oblast


def test_ambiguous_answer_is_a_namesake_with_its_own_point(cod):
    """Between namesakes, one GeoNames lists (its own point) comes before villages known only
    from the codifier, whatever their ranking order."""
    from geokit.geocoding._geocode import namesake_places

    unit = cod.unit_uk.index("Донецька")
    sel = np.flatnonzero(cod.unit[:, 0] == unit)
    counts = pd.Series([cod.names_latn[j] for j in sel]).value_counts()
    checked = 0
    for name in counts[(counts >= 2) & (counts <= 4)].index[:200]:
        places = namesake_places(name, admin1="Donetsk Oblast")
        precs = [p.precision for p in places]
        if "settlement" not in precs or "hromada" not in precs:
            continue
        assert precs == sorted(precs, key=lambda p: p != "settlement"), name
        row = geokit.geocode_many([name], admin1="Donetsk Oblast").iloc[0]
        assert row["status"] == "ambiguous" and row["precision"] == "settlement", name
        assert (row["lat"], row["lon"]) == (places[0].lat, places[0].lon)
        checked += 1
        if checked == 3:
            break
    assert checked
