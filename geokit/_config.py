"""One validated options object for the whole package (like geopandas' ``_config``).

Function arguments always override these options.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GeokitTypeError


def _default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(os.environ.get("GEOKIT_CACHE_DIR") or user_cache_dir("geokit"))


def _default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(os.environ.get("GEOKIT_DATA_DIR") or user_data_dir("geokit"))


@dataclass
class Options:
    """Package-wide settings.

    Attributes
    ----------
    cache_dir : Path
        Where the online geocoder caches answers and indexed user layers are kept (user cache
        dir; ``GEOKIT_CACHE_DIR`` overrides).
    data_dir : Path
        Where ``geokit gazetteer add`` stores user layers (``GEOKIT_DATA_DIR`` overrides).
    online : bool
        Whether the opt-in online fallback geocoder may be used. Off by default: nothing is sent
        anywhere unless this is turned on.
    user_agent : str or None
        Required by Nominatim's usage policy when ``online`` is on.
    progress : bool
        Show progress bars on long operations (the CLI turns this on).
    """

    cache_dir: Path = field(default_factory=_default_cache_dir)
    data_dir: Path = field(default_factory=_default_data_dir)
    online: bool = False
    user_agent: str | None = None
    progress: bool = False

    def __setattr__(self, name: str, value) -> None:
        if name not in self.__dataclass_fields__:
            valid = ", ".join(self.__dataclass_fields__)
            raise AttributeError(f"geokit has no option {name!r}; valid options: {valid}")
        if name in ("cache_dir", "data_dir"):
            value = Path(value)
        elif name in ("online", "progress") and not isinstance(value, bool):
            raise GeokitTypeError(f"option {name} must be True or False, not {value!r}")
        elif name == "user_agent" and value is not None and not isinstance(value, str):
            raise GeokitTypeError(f"option user_agent must be a string, not {value!r}")
        object.__setattr__(self, name, value)


options = Options()
