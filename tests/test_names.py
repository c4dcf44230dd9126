from geokit.gazetteer._names import key_hash, normalize, romanizations, skeleton


def test_normalize_removes_apostrophes_accents_and_punctuation():
    assert normalize("Lysychans'k") == normalize("Lysychansk") == "lysychansk"
    assert normalize("Sudža") == "sudza"
    assert normalize("  Vorzel’, ") == "vorzel"
    assert normalize("Курская область") == "курская област"  # soft sign dropped
    assert normalize("Bilohorivka\x00") == "bilohorivka"


def test_cyrillic_short_i_survives_normalisation():
    assert normalize("Краснопільський район").endswith("район")
    assert "й" in normalize("Красний")


def test_romanisations_cover_national_and_foreign_systems():
    forms = romanizations("Суджа", "RU")
    assert {"sudzha", "sudscha", "soudja"} <= forms
    ua = romanizations("Чернігів", "UA")
    assert {"chernihiv", "tsjernihiv", "tschernihiw"} <= ua
    assert "krasnopillia" in romanizations("Краснопілля", "UA")


def test_skeleton_folds_spelling_variants_but_keeps_letters_apart():
    assert skeleton(normalize("Krasnopillia")) == skeleton(normalize("Krasnopilya"))
    assert skeleton(normalize("Sudja")) == skeleton(normalize("Sudzha"))
    assert skeleton(normalize("Sudja")) != skeleton(normalize("Shuya"))


def test_key_hash_is_stable():
    assert key_hash("kursk") == key_hash("kursk")
    assert key_hash("kursk") != key_hash("sumy")
    assert 0 <= key_hash("x") < 2**64
