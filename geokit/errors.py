"""Exceptions raised by geokit.

Every exception derives from :class:`GeokitError` and also from the builtin that matches its
meaning, so ``except ValueError`` keeps working for callers who do not know geokit.
"Not found" is never an exception: it is an ``unresolved`` status with a reason.
"""

from __future__ import annotations

from typing import Any


class GeokitError(Exception):
    """Root of all geokit exceptions.

    Examples
    --------
    >>> from geokit import extract_places
    >>> try:
    ...     extract_places(42)
    ... except GeokitError as exc:
    ...     print(type(exc).__name__)
    GeokitTypeError
    """


class GeokitValueError(GeokitError, ValueError):
    """An argument has the right type but a value geokit cannot use.

    Examples
    --------
    >>> try:
    ...     raise GeokitValueError("mode='dots' is not one of auto, markers")
    ... except ValueError as exc:  # a GeokitValueError is a ValueError too
    ...     print(exc)
    mode='dots' is not one of auto, markers
    """


class GeokitTypeError(GeokitError, TypeError):
    """An argument has a type geokit does not accept.

    Examples
    --------
    >>> issubclass(GeokitTypeError, TypeError)
    True
    >>> from geokit import extract_places
    >>> extract_places(None)
    Traceback (most recent call last):
    ...
    geokit.errors.GeokitTypeError: text must be a str, not NoneType
    """


class DataMissingError(GeokitError, FileNotFoundError):
    """A bundled or built data file is missing; the message says how to get it.

    Examples
    --------
    >>> issubclass(DataMissingError, FileNotFoundError)
    True
    """


class InputFileError(GeokitError, ValueError):
    """A user file cannot be read; the message names the file, row and column.

    Attributes
    ----------
    path, row, column : where the problem is (``None`` when not applicable); readers of text
        files give the file line as ``row``.
    reason : the message without the place, for callers that format the place themselves.

    Examples
    --------
    >>> exc = InputFileError("not a date", path="events.csv", row=3, column="event_date")
    >>> str(exc)
    "file events.csv, row 3, column 'event_date': not a date"
    >>> exc.reason, exc.row
    ('not a date', 3)
    """

    def __init__(self, message: str, *, path: Any = None, row: Any = None,
                 column: Any = None) -> None:
        where = []
        if path is not None:
            where.append(f"file {path}")
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)
        self.path, self.row, self.column, self.reason = path, row, column, message


class OnlineGeocoderError(GeokitError, RuntimeError):
    """The opt-in online geocoder failed in a way that cannot be recorded per row.

    Examples
    --------
    >>> issubclass(OnlineGeocoderError, RuntimeError)
    True
    """


class GeometryRepairWarning(UserWarning):
    """Input geometry was repaired or dropped; the warning says where and how to list it.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", GeometryRepairWarning)
    ...     warnings.warn("1 feature repaired", GeometryRepairWarning)
    """


class DownloadError(GeokitError, OSError):
    """An opt-in download failed; the message names the URL or file and what to do.

    Examples
    --------
    >>> issubclass(DownloadError, OSError)
    True
    """
