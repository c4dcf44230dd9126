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
           "geokit.events._geocode", "geokit.schema", "geokit.conflict"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


#: Root functions whose docstrings have every numpydoc section and whose signatures are typed.
DOCUMENTED = ["geocode", "candidates", "geocode_many", "reverse", "geocode_events",
              "assign_admin", "distance_to_km", "distance_to_border_km", "count_events",
              "points_from_latlon", "validate_events", "empty_events", "extract_places",
              "extract_events", "read_events", "write_events"]


#: Functions that report problems instead of raising (so they have no Raises section).
RAISE_NOTHING = {"empty_events", "validate_events"}


@pytest.mark.parametrize("name", DOCUMENTED)
def test_public_functions_have_numpydoc_and_hints(name):
    fn = getattr(geokit, name)
    doc = inspect.getdoc(fn)
    if not inspect.signature(fn).parameters:
        doc += "\nParameters\n---"
    sections = ["Parameters", "Returns", "Examples"]
    if name not in RAISE_NOTHING:
        sections.append("Raises")
    for section in sections:
        assert f"{section}\n---" in doc, f"{name}: no {section} section"
    sig = inspect.signature(fn)
    untyped = [p.name for p in sig.parameters.values()
               if p.annotation is inspect.Parameter.empty
               and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
    assert not untyped, f"{name}: parameters without a type hint: {untyped}"
    assert sig.return_annotation is not inspect.Signature.empty, f"{name}: no return type"
