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


# -- reliability records ----------------------------------------------------------------------------
# Tests of hostile text, properties and malformed files record what they tried through the
# ``reliability`` fixture; at the end of the run the records become docs/reliability.md (see
# tests/reliability_report.py), when GEOKIT_RELIABILITY_REPORT names the file to write.
from reliability_report import LOG as _RELIABILITY_LOG  # noqa: E402
from reliability_report import write_report as _write_reliability  # noqa: E402


@pytest.fixture(scope="session")
def reliability():
    """Recorder for docs/reliability.md: ``reliability.add(section, **fields)``."""
    return _RELIABILITY_LOG


def pytest_runtest_logreport(report):
    _RELIABILITY_LOG.outcome(report)


def pytest_sessionfinish(session, exitstatus):
    target = os.environ.get("GEOKIT_RELIABILITY_REPORT")
    if target and _RELIABILITY_LOG.records:
        _write_reliability(_RELIABILITY_LOG, target, session)
