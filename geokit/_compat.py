"""Old module paths (geokit 0.1's flat layout) that keep working for one release.

``import geokit.extract`` and friends still work but emit a :class:`DeprecationWarning` naming
the new module. There are no files at the old paths: a small import hook serves them, so the
moved files keep their history and the old names live in one table.

``geokit.geocode`` and ``geokit.extract_events`` are both root functions and old module names.
Their stand-in modules are callable, so ``geokit.geocode("Kyiv")`` keeps working after
``import geokit.geocode``.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import types
import warnings
from typing import Any

#: Old module -> the module that now holds its names.
MOVED: dict[str, str] = {
    "geokit.geocode": "geokit.geocoding._geocode",
    "geokit.online": "geokit.geocoding.online",
    "geokit.geopy_geocoder": "geokit.geocoding.geopy_geocoder",
    "geokit.layers": "geokit.gazetteer.layers",
    "geokit.admin": "geokit.gazetteer.admin",
    "geokit.extract": "geokit.text.places",
    "geokit.extract_events": "geokit.text.events",
    "geokit.frontline": "geokit.conflict.frontline",
    "geokit.evacuation": "geokit.conflict.evacuation",
}
#: What to tell users to import instead (the public module, not the private file).
_ADVICE = {
    "geokit.geocode": "geokit.geocoding",
    "geokit.online": "geokit.geocoding.online",
    "geokit.geopy_geocoder": "geokit.geocoding.geopy_geocoder",
    "geokit.layers": "geokit.gazetteer",
    "geokit.admin": "geokit.gazetteer",
    "geokit.extract": "geokit.text",
    "geokit.extract_events": "geokit.text",
    "geokit.frontline": "geokit.conflict",
    "geokit.evacuation": "geokit.conflict",
}


class _MovedModule(types.ModuleType):
    """Stand-in for an old module: attributes come from the new one."""

    def __getattr__(self, name: str) -> Any:
        return getattr(importlib.import_module(MOVED[self.__name__]), name)

    def __dir__(self) -> list[str]:
        return dir(importlib.import_module(MOVED[self.__name__]))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        function = _root_function(self.__name__)
        if function is None:
            raise TypeError(f"module {self.__name__!r} is not callable")
        return function(*args, **kwargs)


def _root_function(old: str) -> Any:
    """The public function an old module name shares with the package root (``geokit.geocode``,
    ``geokit.extract_events``), or None. Importing the old module rebinds the root attribute to
    the stand-in, so the stand-in must keep acting as that function."""
    function = getattr(importlib.import_module(_ADVICE[old]), old.rpartition(".")[2], None)
    return function if callable(function) and not isinstance(function, type) else None


class _Loader(importlib.abc.Loader):
    def create_module(self, spec):
        return _MovedModule(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        function = _root_function(module.__name__)
        if function is not None:  # help(), inspect.signature and docs see the function
            module.__doc__, module.__wrapped__ = function.__doc__, function
        warnings.warn(f"{module.__name__} is deprecated and will be removed in the next "
                      f"release; import from {_ADVICE[module.__name__]} instead",
                      DeprecationWarning, stacklevel=_caller_level())


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname in MOVED:
            return importlib.util.spec_from_loader(fullname, _Loader())
        return None


def _caller_level() -> int:
    """Stack level of the first frame outside the import machinery (the user's import)."""
    frame, level = sys._getframe(2), 3
    while frame is not None and frame.f_code.co_filename.startswith("<frozen importlib"):
        frame, level = frame.f_back, level + 1
    return level


def install() -> None:
    """Serve the old module paths (idempotent)."""
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
