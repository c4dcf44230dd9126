"""The examples in the public docstrings run and give what they show; public functions carry
numpydoc sections and type hints."""

import doctest
import importlib
import inspect

import pytest

import geokit

MODULES = ["geokit._geo", "geokit.models", "geokit.geocoding", "geokit.geocoding._geocode",
           "geokit.gazetteer", "geokit.gazetteer._store", "geokit.gazetteer.borders",
           "geokit.gazetteer.layers", "geokit.text", "geokit.events", "geokit.events._tables",
           "geokit.events._geocode", "geokit.schema", "geokit.conflict",
           "geokit.conflict.attach", "geokit.conflict.evacuation", "geokit.conflict.frontline",
           "geokit.conflict.territory", "geokit.io._formats", "geokit.text.places",
           "geokit.maps", "geokit.maps._export", "geokit.report._report", "geokit.errors"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


#: Root functions whose docstrings have every numpydoc section and whose signatures are typed.
DOCUMENTED = ["geocode", "candidates", "geocode_many", "reverse", "geocode_events",
              "assign_admin", "distance_to_km", "distance_to_border_km", "count_events",
              "points_from_latlon", "validate_events", "empty_events", "extract_places",
              "extract_events", "read_events", "write_events",
              # public functions of the subpackages, as "module:name"
              "geokit.maps:event_map", "geokit.maps:frontline_map",
              "geokit.maps:evacuation_map", "geokit.maps:to_html", "geokit.maps:save_html",
              "geokit.maps:save_png", "geokit.report:report",
              "geokit.conflict:attach_frontline", "geokit.conflict:border_line",
              "geokit.conflict:borders", "geokit.conflict:evacuation_zone",
              "geokit.conflict:front_line", "geokit.conflict:frontline_from_places",
              "geokit.conflict:read_settlements", "geokit.conflict:read_snapshots",
              "geokit.conflict:territory_change", "geokit.conflict:territory_series",
              "geokit.gazetteer:default", "geokit.gazetteer:region_level",
              "geokit.gazetteer:save_layer", "geokit.io:to_events", "geokit.io:detect_format",
              "geokit.text:resolve_spans"]


#: Functions that report problems instead of raising (so they have no Raises section).
RAISE_NOTHING = {"empty_events", "validate_events"}


@pytest.mark.parametrize("name", DOCUMENTED)
def test_public_functions_have_numpydoc_and_hints(name):
    module, _, attr = name.rpartition(":")
    fn = getattr(importlib.import_module(module) if module else geokit, attr)
    doc = inspect.getdoc(fn)
    if not inspect.signature(fn).parameters:
        doc += "\nParameters\n---"
    sections = ["Parameters", "Returns", "Examples"]
    if attr not in RAISE_NOTHING:
        sections.append("Raises")
    for section in sections:
        assert f"{section}\n---" in doc, f"{name}: no {section} section"
    sig = inspect.signature(fn)
    untyped = [p.name for p in sig.parameters.values()
               if p.annotation is inspect.Parameter.empty
               and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
    assert not untyped, f"{name}: parameters without a type hint: {untyped}"
    assert sig.return_annotation is not inspect.Signature.empty, f"{name}: no return type"


ERRORS = ["GeokitError", "GeokitValueError", "GeokitTypeError", "DataMissingError",
          "InputFileError", "OnlineGeocoderError", "GeometryRepairWarning", "DownloadError"]


@pytest.mark.parametrize("name", ERRORS)
def test_exceptions_have_examples(name):
    from geokit import errors

    assert "Examples\n---" in inspect.getdoc(getattr(errors, name)), f"{name}: no Examples"
