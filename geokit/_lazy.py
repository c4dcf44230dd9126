"""Lazy loading: heavy modules are imported on first use, not by ``import geokit``.

``import geokit`` and ``geokit.geocode("Kyiv")`` need only NumPy and the bundled gazetteer;
pandas, geopandas, shapely and folium cost about a second and most of the memory of a fresh
process, so they load when a function that needs them is first used. Two tools do that:

* :func:`attach` gives a package a PEP 562 module ``__getattr__``/``__dir__`` that imports the
  submodule defining a public name the first time the name is looked up (the pattern of
  scientific-python's ``lazy_loader``, used by scikit-image, NetworkX and SciPy).
  ``from geokit import read_events`` and ``dir(geokit)`` work as with eager imports.
* :func:`module` stands in for a third-party module (``pd = module("pandas")``) in a module on
  the light path: the real module is imported at the first attribute access, and
  :func:`loaded` says whether it has been (so ``x is pd.NA`` can be skipped while pandas is
  not loaded: nothing can then be ``pd.NA``).

Functions registered with :func:`on_load` run once, after a stand-in has imported its module
(the package root uses it to register the ``df.geokit`` accessor as soon as geokit uses pandas).
"""

from __future__ import annotations

import importlib
import sys
import threading
import types
from collections.abc import Callable
from typing import Any

__all__ = ["attach", "demand", "loaded", "module", "on_load"]

_HOOKS: dict[str, list[Callable[[], Any]]] = {}
_hooks_lock = threading.RLock()


def attach(
    package: str, names: dict[str, str | None]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """PEP 562 ``__getattr__`` and ``__dir__`` for ``package``.

    ``names`` maps each lazily loaded public name to the submodule (relative to ``package``)
    that defines it, or to ``None`` when the name is that submodule. A found value is stored in
    the package's namespace, so each name is looked up this way once.

    A function named like the submodule that defines it (``geokit.report.report``,
    ``geokit.gazetteer.borders.borders``) keeps its place on the package: the import system
    binds a submodule to its name on the package when the submodule is first imported, from
    anywhere, and would replace the function.
    """
    mod = sys.modules[package]
    namespace = mod.__dict__
    namespace["_lazy_names"] = names
    mod.__class__ = _Package

    def __getattr__(name: str) -> Any:
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        where = names[name]
        sub = importlib.import_module(f"{package}.{where or name}")
        value = sub if where is None else getattr(sub, name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(names))

    return __getattr__, __dir__


class _Package(types.ModuleType):
    """A package with lazy names (see :func:`attach`)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if (
            self.__dict__["_lazy_names"].get(name) == name
            and getattr(value, "__name__", "") == f"{self.__name__}.{name}"
        ):
            value = getattr(value, name)  # the submodule was imported: keep its function
        super().__setattr__(name, value)


class _Module(types.ModuleType):
    """Stand-in for a module that is imported at its first attribute access."""

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)  # copy/pickle/inspect probes do not import the module
        return getattr(_import(self.__name__), attr)


def module(name: str) -> types.ModuleType:
    """A stand-in for module ``name`` (``pd = module("pandas")``): imported on first use."""
    return _Module(name)


def loaded(name: str) -> bool:
    """Whether module ``name`` has been imported (by anyone)."""
    return name in sys.modules


def on_load(name: str, hook: Callable[[], Any]) -> None:
    """Run ``hook()`` once, after a stand-in from :func:`module` has imported ``name``."""
    with _hooks_lock:
        _HOOKS.setdefault(name, []).append(hook)


def demand(name: str) -> None:
    """Run the hooks registered with :func:`on_load` under ``name`` now (once).

    A lower stage asks for something a higher one provides without importing it: the
    gazetteer's ``geocode`` method demands ``"geokit.geocoding"``, whose hook (registered by the
    package root) imports the geocoder.
    """
    with _hooks_lock:
        hooks = _HOOKS.pop(name, [])
    for hook in hooks:
        hook()


def _import(name: str) -> types.ModuleType:
    mod = sys.modules.get(name)
    if mod is None:
        mod = importlib.import_module(name)
    if _HOOKS.get(name):
        with _hooks_lock:
            hooks = _HOOKS.pop(name, [])
        for hook in hooks:
            hook()
    return mod
