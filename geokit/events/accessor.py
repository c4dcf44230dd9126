"""``df.geokit``: the events-table accessor registered on every pandas DataFrame.

A registered accessor rather than a subclass, so tables keep their type through pandas
operations (see geopandas issues #1355, #1654).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import geopandas as gpd
import pandas as pd

from .._geo import CRS, points_from_latlon
from ..io import write_events
from ..schema import conform, validate_events
from ._tables import (
    assign_admin,
    count_events,
    distance_to_border_km,
    distance_to_km,
    geocode_events,
)

__all__ = ["EventsAccessor"]


@pd.api.extensions.register_dataframe_accessor("geokit")
class EventsAccessor:
    """``df.geokit``: events-table helpers on any (Geo)DataFrame.

    Examples
    --------
    >>> import geokit.events  # registers the accessor
    >>> from geokit.schema import empty_events
    >>> empty_events().geokit.validate().empty
    True
    """

    def __init__(self, obj: pd.DataFrame) -> None:
        self._obj = obj

    def validate(self) -> pd.DataFrame:
        """Problems in the table; see :func:`validate_events`."""
        return validate_events(self._obj)

    def is_valid(self) -> bool:
        """``True`` when :func:`validate_events` finds nothing."""
        return validate_events(self._obj).empty

    def conform(self, dataset: str | None = None) -> gpd.GeoDataFrame:
        """The table with canonical columns and geometry; see :func:`conform`."""
        return conform(self._obj, dataset=dataset)

    def with_points(self) -> gpd.GeoDataFrame:
        """A copy whose geometry is rebuilt from ``lat``/``lon``."""
        df = self._obj
        geom = points_from_latlon(df["lat"], df["lon"])
        if isinstance(df, gpd.GeoDataFrame):
            out = df.copy()
            return out.set_geometry(gpd.GeoSeries(geom, index=df.index), crs=CRS)
        return gpd.GeoDataFrame(df.copy(), geometry=gpd.GeoSeries(geom, index=df.index),
                                crs=CRS)

    def geocode(self, **kwargs: Any):
        """Fill missing coordinates; see :func:`geocode_events`."""
        return geocode_events(self._obj, **kwargs)

    def assign_admin(self, areas: Any = None, **kwargs: Any):
        """Admin area of each event from its coordinates; see :func:`assign_admin`."""
        return assign_admin(self._obj, areas, **kwargs)

    def distance_to(self, geometry: Any) -> pd.Series:
        """km to a geometry; see :func:`distance_to_km`."""
        return distance_to_km(self._obj, geometry)

    def distance_to_border(self, country: str = "UA") -> pd.Series:
        """km to a country's border; see :func:`distance_to_border_km`."""
        return distance_to_border_km(self._obj, country)

    def write(self, path, format: str | None = None, **kwargs: Any) -> None:
        """Write the table; see :func:`geokit.io.write_events`."""
        write_events(self._obj, path, format=format, **kwargs)

    def counts(self, by: str | Sequence[str] = "admin1", *, fatalities: bool = True
               ) -> pd.DataFrame:
        """Events (and fatalities) per value of ``by``; see :func:`count_events`."""
        return count_events(self._obj, by, fatalities=fatalities)
