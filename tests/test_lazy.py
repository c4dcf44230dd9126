"""Lazy loading (geokit/_lazy.py): `import geokit` and a lookup stay light; every public name
is still there. The import checks run in fresh interpreters (this one has pandas loaded)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import geokit
from geokit import _lazy

ROOT = Path(__file__).resolve().parent.parent
#: What a lookup never needs (shapely may load for a region's reference point).
HEAVY = ("pandas", "geopandas", "folium")


def _fresh(code: str) -> str:
    """Run ``code`` in a new interpreter that imports this checkout's geokit."""
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def _loaded_after(code: str) -> list[str]:
    return _fresh(f"import sys\n{code}\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))")


def test_import_and_geocode_load_no_table_or_map_libraries():
    code = (
        "import geokit, sys; geokit.geocode('Kyiv'); print(sorted(m for m in "
        "('pandas','geopandas','folium') if m in sys.modules))"
    )
    assert _fresh(code) == "[]"
    assert (
        _fresh(
            "import geokit, sys; print([m for m in ('pandas', 'geopandas', 'shapely', "
            "'folium', 'pyproj') if m in sys.modules])"
        )
        == "[]"
    )
    assert _loaded_after("import geokit; geokit.geocode('Sudzha, Kursk Oblast')") == "[]"
    assert _loaded_after("from geokit import geocode, candidates; candidates('Kharkxiv')") == "[]"
    assert _loaded_after("import geokit; geokit.extract_places('Shelling hit Sumy.')") == "[]"


def test_table_functions_load_pandas_and_register_the_accessor():
    out = _fresh(
        "import geokit, sys\n"
        "df = geokit.geocode_many(['Kyiv'])\n"
        "print('geokit.events' in sys.modules, hasattr(df, 'geokit'), 'folium' in "
        "sys.modules)"
    )
    assert out == "True True False"
    out = _fresh(
        "import geokit, pandas\n"
        "geokit.read_events(pandas.DataFrame({'town': ['Sumy']}))\n"
        "print(hasattr(pandas.DataFrame(), 'geokit'))"
    )
    assert out == "True"


def test_every_public_name_resolves_and_is_listed():
    listed = dir(geokit)
    for name in geokit.__all__:
        assert name in listed, name
        assert getattr(geokit, name) is not None, name
    for sub in ("gazetteer", "geocoding", "text", "events", "io", "conflict", "schema"):
        assert sub in listed and getattr(geokit, sub).__name__ == f"geokit.{sub}"
    assert "read_layer" in dir(geokit.gazetteer) and "extract_events" in dir(geokit.text)
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        geokit.nonexistent  # noqa: B018


def test_from_imports_of_lazy_names():
    from geokit import Gazetteer, read_events, report
    from geokit.gazetteer import borders, read_layer
    from geokit.text import EVENT_RULES, extract_events

    assert Gazetteer.__name__ == "Gazetteer" and callable(read_events) and callable(report)
    assert callable(borders) and callable(read_layer) and callable(extract_events)
    assert EVENT_RULES


def test_report_subpackage_import_keeps_the_root_function():
    out = _fresh(
        "import geokit\nimport geokit.report._report\n"
        "print(callable(geokit.report), geokit.report.__module__)"
    )
    assert out == "True geokit.report._report"


def test_module_stand_in_imports_on_first_use_and_runs_hooks():
    calls = []
    _lazy.on_load("json", lambda: calls.append(1))
    js = _lazy.module("json")
    assert calls == []
    assert js.dumps([1]) == "[1]"
    assert js.loads("2") == 2
    assert calls == [1]  # once
    with pytest.raises(AttributeError):
        js.__wrapped__  # noqa: B018 - dunder probes do not import


def test_gazetteer_methods_load_the_geocoder_on_demand():
    out = _fresh(
        "from geokit.gazetteer import Gazetteer\n"
        "print(Gazetteer.load(user_layers=False).geocode('Sudzha').country_code)"
    )
    assert out == "RU"
