"""The package layout: stages import only the stages below them, and no module import cycles.

Every import counts, including those inside functions (a lazy import still ties two modules
together). Importing ``geokit.a.b`` from outside ``geokit.a`` also runs ``geokit/a/__init__``,
so that counts as an import of ``geokit.a`` too.
"""

from __future__ import annotations

import ast
import importlib
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "geokit"

#: Lowest first. A module may import its own stage and the stages before it.
STAGES: list[tuple[str, tuple[str, ...]]] = [
    ("core", ("geokit.errors", "geokit.models", "geokit._config", "geokit._progress",
              "geokit._http", "geokit._browser", "geokit._geo", "geokit._cells",
              "geokit._version", "geokit._lazy")),
    ("gazetteer", ("geokit.gazetteer",)),
    ("geocoding", ("geokit.geocoding",)),
    ("schema", ("geokit.schema",)),
    ("text", ("geokit.text",)),
    ("io", ("geokit.io",)),
    ("events", ("geokit.events",)),
    ("conflict", ("geokit.conflict",)),
    ("maps", ("geokit.maps",)),
    ("report", ("geokit.report",)),
    ("samples", ("geokit.samples",)),
    ("cli", ("geokit.cli",)),
    ("api", ("geokit", "geokit._compat")),
]


def _modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        if "_assets" in parts:
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


MODULES = _modules()


def _stage(module: str) -> int:
    best, best_len = None, -1
    for no, (_name, prefixes) in enumerate(STAGES):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and len(p) > best_len:
                best, best_len = no, len(p)
    if best is None:
        raise AssertionError(f"{module} belongs to no stage; add it to STAGES in {__file__}")
    return best


def _imports(module: str) -> set[str]:
    """geokit modules that ``module`` imports anywhere in its source."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):  # imports for type checkers only never run
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base
                       for a in node.names]
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant)):
            targets = [str(node.args[0].value)]
        else:
            continue
        for t in targets:
            if not t.startswith("geokit"):
                continue
            while t not in MODULES and "." in t:
                t = t.rpartition(".")[0]
            parts = t.split(".")
            for n in range(2, len(parts) + 1):  # the packages on the way run too
                parent = ".".join(parts[:n])
                if parent in MODULES and not module.startswith(parent + ".") and parent != module:
                    found.add(parent)
    found.discard(module)
    return found


GRAPH = {m: _imports(m) for m in MODULES}


def test_every_module_has_a_stage():
    for m in MODULES:
        _stage(m)


def test_no_module_imports_a_higher_stage():
    bad = [f"{m} ({STAGES[_stage(m)][0]}) imports {t} ({STAGES[_stage(t)][0]})"
           for m, targets in GRAPH.items() for t in targets if _stage(t) > _stage(m)]
    assert not bad, "\n".join(sorted(bad))


def test_no_import_cycles():
    state: dict[str, int] = {}
    cycles = []

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in sorted(GRAPH[m]):
            if t == "geokit":
                continue
            if state.get(t) == 1:
                cycles.append(" -> ".join(path[path.index(t):] + [t]))
            elif t not in state:
                visit(t, path + [t])
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state:
            visit(m, [m])
    assert not cycles, "\n".join(cycles)


def test_no_import_module_of_geokit_names():
    """Modules import each other with import statements, not importlib strings."""
    allowed = {"geokit", "geokit._compat"}
    for m, path in MODULES.items():
        if m in allowed:
            continue
        assert 'import_module("geokit' not in path.read_text("utf-8"), m


def test_modules_stay_readable():
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text("utf-8").splitlines())) > 600}
    assert not long, f"split these modules (over 600 lines): {long}"


@pytest.mark.parametrize("old", ["geokit.geocode", "geokit.extract", "geokit.layers",
                                 "geokit.admin", "geokit.online", "geokit.geopy_geocoder",
                                 "geokit.extract_events", "geokit.frontline",
                                 "geokit.evacuation"])
def test_old_module_paths_warn_and_work(old):
    import sys

    import geokit._compat as compat

    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=old.replace(".", r"\.")):
        mod = importlib.import_module(old)
    new = importlib.import_module(compat.MOVED[old])
    public = [n for n in getattr(new, "__all__", dir(new)) if not n.startswith("_")]
    assert public and all(getattr(mod, n) is getattr(new, n) for n in public)
    sys.modules.pop(old, None)


def test_geocode_is_a_function_and_an_old_module():
    import sys

    import geokit

    sys.modules.pop("geokit.geocode", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from geokit.geocode import geocode_many  # the old module path
    assert geocode_many is geokit.geocoding.geocode_many
    assert geokit.geocode("Sudzha").country_code == "RU"  # still callable afterwards
    sys.modules.pop("geokit.geocode", None)
    geokit.geocode = geokit.geocoding.geocode  # leave the root function in place


def test_extract_events_is_a_function_and_an_old_module():
    import inspect
    import sys

    import geokit

    sys.modules.pop("geokit.extract_events", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import geokit.extract_events  # noqa: F401 - the old module path rebinds the root name
        old_extract = importlib.import_module("geokit.extract")
    assert "published" in inspect.signature(geokit.extract_events).parameters
    assert inspect.getdoc(geokit.extract_events).startswith("Extract located events")
    events = geokit.extract_events("Shelling hit Sudzha on Monday.", published="2025-03-10")
    assert len(events) == 1  # still callable afterwards
    with pytest.raises(TypeError, match="not callable"):
        old_extract("Sudzha")
    sys.modules.pop("geokit.extract_events", None)
    geokit.extract_events = geokit.text.extract_events  # leave the root function in place
