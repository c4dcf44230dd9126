"""``__version__`` from the installed package metadata."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("geokit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"
