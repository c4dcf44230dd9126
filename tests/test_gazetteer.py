import zipfile

import numpy as np
import pandas as pd
import pytest

from geokit.errors import GeokitTypeError, InputFileError
from geokit.gazetteer import Gazetteer, region_level, strip_region_words
from geokit.gazetteer.layers import GEONAMES_COLUMNS


def test_bundled_data_is_complete(gaz):
    info = gaz.info()["geonames"]
    assert info["populated_place"] > 200_000
    assert info["admin1"] > 3000 and info["admin2"] > 30_000
    assert info["country"] > 200
    a = gaz._a
    placed = ~np.isnan(a.lat)
    assert placed.mean() > 0.98
    assert np.all(np.abs(a.lat[placed]) <= 90) and np.all(np.abs(a.lon[placed]) <= 180)
    for index in (a.exact, a.skel):  # every part sorted for binary search
        for hashes, _recs, _types in index.parts:
            assert np.all(hashes[1:] >= hashes[:-1])


def test_key_arrays_are_memory_mapped_and_aligned():
    from geokit.gazetteer._files import data_file, read_npz
    from geokit.gazetteer._store import MAPPED_ARRAYS

    path = data_file("gazetteer.npz")
    mapped = read_npz(path, mmap=MAPPED_ARRAYS, skip=("fuzzy_names", "names"))
    with np.load(path) as z:
        for name in MAPPED_ARRAYS:
            arr = mapped[name]
            assert isinstance(arr.base, np.memmap) and arr.flags.aligned and not arr.flags.writeable
            assert np.array_equal(arr, z[name])
        assert not isinstance(mapped["lat"].base, np.memmap)  # compressed members are read


def test_crimea_is_in_ukraine(gaz):
    p = gaz.geocode("Simferopol")
    assert p.country_code == "UA"
    assert gaz.geocode("Crimea").country_code == "UA"


def test_region_words():
    assert strip_region_words("kursk oblast") == "kursk"
    assert region_level("sumy region") == "admin1"
    assert region_level("sudzhanskiy rayon") == "admin2"
    assert region_level("sumy") is None


def _dump_row(gid, name, lat, lon, fclass, fcode, cc, a1, pop, alts=""):
    row = {c: "" for c in GEONAMES_COLUMNS}
    row.update(geonameid=str(gid), name=name, asciiname=name, alternatenames=alts,
               latitude=str(lat), longitude=str(lon), feature_class=fclass, feature_code=fcode,
               country_code=cc, admin1_code=a1, population=str(pop))
    return "\t".join(row[c] for c in GEONAMES_COLUMNS)


def test_geonames_dump_layer_txt_zip_and_alternate_names(tmp_path):
    lines = [
        _dump_row(90000001, "Zlatopillia Mala", 50.9, 34.9, "P", "PPL", "UA", "21", 40,
                  "Mala Zlatopillia,Злотопілля Мала"),
        _dump_row(692196, "Sumy Oblast", 51.0, 34.3, "A", "ADM1", "UA", "21", 0),
        _dump_row(90000002, "Some Mountain", 50.0, 34.0, "T", "MT", "UA", "21", 0),
    ]
    txt = tmp_path / "UA.txt"
    txt.write_text("\n".join(lines) + "\n", encoding="utf-8")
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text("1\t90000001\tuk\tЗлатопілля\t\t\t\t\t\t\n", encoding="utf-8")
    g = Gazetteer.load(extra=[txt], user_layers=False, alternate_names=alt)
    p = g.geocode("Zlatopillia Mala")
    assert p is not None and p.source == "UA.txt" and p.admin1 == "Sumy Oblast"
    assert g.geocode("Злотопілля Мала").name == "Zlatopillia Mala"
    assert g.geocode("Златопілля").name == "Zlatopillia Mala"
    assert g.candidates("Some Mountain", limit=3) == [] or all(
        c.name != "Some Mountain" for c in g.candidates("Some Mountain", limit=3))
    zpath = tmp_path / "UA.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.write(txt, "UA.txt")
    g2 = Gazetteer.load(extra=[zpath], user_layers=False)
    assert g2.geocode("Zlatopillia Mala").source == "UA.zip"


def test_table_layers_csv_geojson_and_dataframe(tmp_path):
    csv = tmp_path / "villages.csv"
    csv.write_text("settlement;alt_names;latitude;longitude;oblast;country\n"
                   "Novyi Khutir-Test;Novyi Khutir|Новий Хутір;50.81;35.01;Sumy Oblast;Ukraine\n",
                   encoding="utf-8")
    g = Gazetteer.load(extra=[csv], user_layers=False)
    p = g.geocode("Новий Хутір")
    assert p.name == "Novyi Khutir-Test" and p.country_code == "UA"
    assert p.admin1 == "Sumy Oblast"

    gj = tmp_path / "pts.geojson"
    gj.write_text('{"type":"FeatureCollection","features":[{"type":"Feature","properties":'
                  '{"name":"Testivka"},"geometry":{"type":"Point","coordinates":[36.1,50.2]}}]}')
    g = Gazetteer.load(extra=[gj], user_layers=False)
    assert abs(g.geocode("Testivka").lat - 50.2) < 1e-6

    df = pd.DataFrame({"place": ["Sudzha"], "lat": [51.2], "lon": [35.3], "kind": ["town"]})
    g = Gazetteer.load(extra=[df], user_layers=False)
    top = g.geocode("Sudzha")
    assert top.source == "user table" and top.lat == 51.2  # user layers win


def test_layer_errors_name_file_row_and_column(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon\nA,50,30\nB,north,30\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"bad.csv.*row 3.*'lat'"):
        Gazetteer.load(extra=[bad], user_layers=False)
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("title,y_val\nA,1\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="name column"):
        Gazetteer.load(extra=[nocol], user_layers=False)
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(InputFileError, match="empty"):
        Gazetteer.load(extra=[empty], user_layers=False)
    with pytest.raises(InputFileError, match="not found"):
        Gazetteer.load(extra=[tmp_path / "missing.csv"], user_layers=False)
    with pytest.raises(GeokitTypeError):
        Gazetteer.load(extra=[42], user_layers=False)


def test_column_names_given_by_caller(tmp_path):
    f = tmp_path / "own.csv"
    f.write_text("village_name,Y,X\nKhutir Testovyi,51.1,34.1\n", encoding="utf-8")
    g = Gazetteer.load(extra=[f], user_layers=False, name_col="village_name", lat_col="Y",
                       lon_col="X")
    assert g.geocode("Khutir Testovyi").lon == 34.1
    with pytest.warns(DeprecationWarning, match="name_col"):
        old = Gazetteer.load(extra=[f], user_layers=False, name="village_name", lat_col="Y",
                             lon_col="X")
    assert old.geocode("Khutir Testovyi").lon == 34.1
    with pytest.raises(GeokitTypeError, match="country_col"):
        Gazetteer.load(extra=[f], user_layers=False, town_col="village_name")


def test_one_record_per_country_at_a_point_inside_it():
    """Former ISO codes reused by current countries (GE, SK, AI, BY, CS) and shared or
    antimeridian-cut polygons (Australia, Fiji) once put countries halfway round the world."""
    import numpy as np

    from geokit.gazetteer import default

    gaz = default()
    a = gaz._a
    countries = np.flatnonzero(a.kind == 3)
    codes = [gaz.country_code(r) for r in countries]
    assert len(codes) == len(set(codes))
    expected = {"GE": (42.2, 43.5), "SK": (48.7, 19.5), "AI": (18.2, -63.1),
                "AU": (-25.6, 134.4), "FJ": (-17.8, 178.0), "BY": (53.5, 28.0),
                "UA": (49.0, 31.4)}
    for cc, (lat, lon) in expected.items():
        rec = gaz.country_record(cc)
        assert abs(a.lat[rec] - lat) < 3 and abs(a.lon[rec] - lon) < 4, cc
