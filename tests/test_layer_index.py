"""The cache of indexed user layers (geokit/gazetteer/_layer_index.py): used when nothing
changed, rebuilt when the file, geokit's version or the layers before it change, and never
trusted when damaged. Layers here are a few generated rows."""

from __future__ import annotations

import logging
import os
import zipfile

import pandas as pd
import pytest

import geokit
from geokit.gazetteer import Gazetteer, _layer_index, layers

ROWS = "name,aliases,lat,lon\nKhutir Probne,Probne;Пробне,49.61,37.13\nSelo Testove,,47.60,35.50\n"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(geokit.options, "cache_dir", tmp_path / "cache")
    return tmp_path / "cache" / "layers"


@pytest.fixture
def layer(tmp_path):
    path = tmp_path / "villages.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


def _no_reading(monkeypatch):
    """Make reading a layer file fail: a load that succeeds came from the cache."""

    def fail(*args, **kwargs):
        raise AssertionError("the layer was read, not taken from the cache")

    monkeypatch.setattr(layers, "read_layer", fail)


def _answer(gaz, name="Probne"):
    p = geokit.geocode(name, gazetteer=gaz)
    return (p.name, p.lat, p.lon, p.country_code, p.admin1, p.source) if p else None


def test_second_load_reads_the_cache_and_answers_the_same(cache, layer, monkeypatch):
    first = Gazetteer.load(extra=[layer], user_layers=False)
    assert len(list(cache.glob("*.npz"))) == 1
    _no_reading(monkeypatch)
    second = Gazetteer.load(extra=[layer], user_layers=False)
    assert len(second) == len(first) and second.layers == first.layers
    for name in ("Probne", "Пробне", "Khutir Probne", "Selo Testove"):
        assert _answer(second, name) == _answer(first, name)
    assert _answer(second)[3:5] == ("UA", "Kharkiv Oblast")  # regions from the point, cached
    assert second.info() == first.info()


def test_changed_or_touched_file_is_read_again(cache, layer, monkeypatch):
    Gazetteer.load(extra=[layer], user_layers=False)
    layer.write_text(ROWS.replace("49.61,37.13", "50.90,34.80"), encoding="utf-8")
    gaz = Gazetteer.load(extra=[layer], user_layers=False)
    assert _answer(gaz)[1:3] == (50.9, 34.8)  # the new point, not the cached one
    st = layer.stat()
    os.utime(layer, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))  # same bytes
    calls = []
    real = layers.read_layer
    monkeypatch.setattr(layers, "read_layer", lambda *a, **k: calls.append(1) or real(*a, **k))
    Gazetteer.load(extra=[layer], user_layers=False)
    assert calls == [1]
    assert len(list(cache.glob("*.npz"))) == 1  # one cache file per layer file, replaced


def test_cache_from_another_geokit_version_is_not_used(cache, layer, monkeypatch):
    Gazetteer.load(extra=[layer], user_layers=False)
    monkeypatch.setattr("geokit._version.__version__", "0.0.0-other")
    calls = []
    real = layers.read_layer
    monkeypatch.setattr(layers, "read_layer", lambda *a, **k: calls.append(1) or real(*a, **k))
    Gazetteer.load(extra=[layer], user_layers=False)
    assert calls == [1]


def test_layers_before_it_are_part_of_the_key(cache, layer, tmp_path, monkeypatch):
    other = tmp_path / "other.csv"
    other.write_text("name,lat,lon\nHamlet Inshe,48.1,36.2\n", encoding="utf-8")
    Gazetteer.load(extra=[layer], user_layers=False)
    calls = []
    real = layers.read_layer
    monkeypatch.setattr(layers, "read_layer", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    gaz = Gazetteer.load(extra=[other, layer], user_layers=False)  # its records come later now
    assert calls == [other, layer]
    assert _answer(gaz)[0] == "Khutir Probne"
    # after a DataFrame layer (no identity to check) nothing is cached or read from the cache
    calls.clear()
    frame = pd.DataFrame({"name": ["Frame Village"], "lat": [48.0], "lon": [35.0]})
    Gazetteer.load(extra=[frame, layer], user_layers=False)
    Gazetteer.load(extra=[frame, layer], user_layers=False)
    assert sum(c is layer for c in calls) == 2


@pytest.mark.parametrize("damage", [b"", b"not a zip at all", "truncate", "wrong-arrays"])
def test_damaged_cache_is_rebuilt(cache, layer, damage, caplog):
    good = _answer(Gazetteer.load(extra=[layer], user_layers=False))
    (path,) = cache.glob("*.npz")
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[:200])
    elif damage == "wrong-arrays":
        with zipfile.ZipFile(path) as zf:
            key_bytes = zf.read("key.npy")
        with zipfile.ZipFile(path, "w") as zf:  # the right key, but no arrays behind it
            zf.writestr("key.npy", key_bytes)
    else:
        path.write_bytes(damage)
    with caplog.at_level(logging.WARNING, logger="geokit.gazetteer._layer_index"):
        gaz = Gazetteer.load(extra=[layer], user_layers=False)
    assert _answer(gaz) == good
    assert "unreadable layer cache" in caplog.text
    assert _layer_index._read_cache(path, "anything") is None  # rewritten: a valid file
    assert _answer(Gazetteer.load(extra=[layer], user_layers=False)) == good


def test_geonames_dump_layer_through_the_cache(cache, tmp_path, monkeypatch):
    dump = tmp_path / "geonames-UA.zip"
    row = ["7000001", "Testivka", "Testivka", "Тестівка,Testovka", "48.40", "37.90", "P", "PPL",
           "UA", "", "05", "", "", "", "120", "", "", "Europe/Kyiv", "2024-01-01"]
    with zipfile.ZipFile(dump, "w") as zf:
        zf.writestr("UA.txt", "\t".join(row) + "\n")
    first = _answer(Gazetteer.load(extra=[dump], user_layers=False), "Тестівка")
    _no_reading(monkeypatch)
    assert _answer(Gazetteer.load(extra=[dump], user_layers=False), "Тестівка") == first
    assert first[0] == "Testivka" and first[5] == "geonames-UA.zip"


def test_unwritable_cache_directory_only_costs_speed(tmp_path, layer, monkeypatch, caplog):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setattr(geokit.options, "cache_dir", blocker)
    with caplog.at_level(logging.WARNING, logger="geokit.gazetteer._layer_index"):
        gaz = Gazetteer.load(extra=[layer], user_layers=False)
    assert _answer(gaz)[0] == "Khutir Probne"
    assert "could not cache" in caplog.text
