"""Where the bundled data files are (``geokit/data/``, built by ``gazetteer/build.py``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..errors import DataMissingError

__all__ = ["data_file"]


def data_file(name: str) -> Path:
    """Path of a bundled data file; :class:`DataMissingError` says how to rebuild it."""
    path = Path(str(resources.files("geokit") / "data" / name))
    if not path.exists():
        raise DataMissingError(
            f"geokit data file {name} is missing from {path.parent}. Reinstall geokit, or from a "
            "source checkout run `make gazetteer` to rebuild it."
        )
    return path
