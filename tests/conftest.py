"""Shared fixtures. User data/cache directories point into a temporary folder for the session,
so tests never read or write a real user's gazetteer layers."""

from __future__ import annotations

import os
import tempfile

_TMP = tempfile.mkdtemp(prefix="geokit-tests-")
os.environ.setdefault("GEOKIT_DATA_DIR", os.path.join(_TMP, "data"))
os.environ.setdefault("GEOKIT_CACHE_DIR", os.path.join(_TMP, "cache"))

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def gaz():
    """The bundled gazetteer without user layers, loaded once."""
    from geokit.gazetteer import Gazetteer

    return Gazetteer.load(user_layers=False)
