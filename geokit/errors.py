"""Exceptions raised by geokit.

Every exception derives from :class:`GeokitError` and also from the builtin that matches its
meaning, so ``except ValueError`` keeps working for callers who do not know geokit.
"Not found" is never an exception: it is an ``unresolved`` status with a reason.
"""

from __future__ import annotations


class GeokitError(Exception):
    """Root of all geokit exceptions."""


class GeokitValueError(GeokitError, ValueError):
    """An argument has the right type but a value geokit cannot use."""


class GeokitTypeError(GeokitError, TypeError):
    """An argument has a type geokit does not accept."""


class DataMissingError(GeokitError, FileNotFoundError):
    """A bundled or built data file is missing; the message says how to get it."""


class InputFileError(GeokitError, ValueError):
    """A user file cannot be read; the message names the file, row and column.

    Attributes
    ----------
    path, row, column : where the problem is (``None`` when not applicable); readers of text
        files give the file line as ``row``.
    reason : the message without the place, for callers that format the place themselves.
    """

    def __init__(self, message: str, *, path=None, row=None, column=None):
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
    """The opt-in online geocoder failed in a way that cannot be recorded per row."""


class GeometryRepairWarning(UserWarning):
    """Input geometry was repaired or dropped; the warning says where and how to list it."""


class DownloadError(GeokitError, OSError):
    """An opt-in download failed; the message names the URL or file and what to do."""
