"""Where the bundled data files are (``geokit/data/``, built by ``gazetteer/build.py``), and
reading their ``.npz`` archives with the large arrays memory-mapped."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Collection
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import DataMissingError

__all__ = ["data_file", "read_npz"]


def data_file(name: str) -> Path:
    """Path of a bundled data file; :class:`DataMissingError` says how to rebuild it."""
    path = Path(str(resources.files("geokit") / "data" / name))
    if not path.exists():
        raise DataMissingError(
            f"geokit data file {name} is missing from {path.parent}. Reinstall geokit, or from a "
            "source checkout run `make gazetteer` to rebuild it."
        )
    return path


def read_npz(
    path: Path, *, skip: Collection[str] = (), mmap: Collection[str] = ()
) -> dict[str, np.ndarray]:
    """The arrays of an ``.npz`` file, by name, except those in ``skip``.

    Arrays named in ``mmap`` that the archive stores uncompressed (the build stores the large
    name-key arrays that way: their 64-bit hashes barely compress) are memory-mapped read-only
    instead of read: loading costs nothing, and a binary search touches only the pages it
    visits. Other arrays are read (and inflated) as :func:`numpy.load` reads them.
    """
    out = {}
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            name = info.filename.removesuffix(".npy")
            if name in skip:
                continue
            if name in mmap and info.compress_type == zipfile.ZIP_STORED:
                out[name] = _mapped(path, info)
            else:
                with zf.open(info) as fh:
                    out[name] = np.lib.format.read_array(fh, allow_pickle=False)
    return out


def _mapped(path: Path, info: zipfile.ZipInfo) -> np.ndarray:
    """A read-only memory map of an uncompressed ``.npy`` member of a zip archive."""
    with open(path, "rb") as fh:
        fh.seek(info.header_offset)
        local = fh.read(30)  # the member's local header: its name and extra field follow
        if local[:4] != b"PK\x03\x04":
            raise DataMissingError(f"{path} is damaged (member {info.filename}); reinstall geokit")
        n_name, n_extra = struct.unpack("<HH", local[26:30])
        fh.seek(info.header_offset + 30 + n_name + n_extra)
        version = np.lib.format.read_magic(fh)
        read_header = (
            np.lib.format.read_array_header_1_0
            if version == (1, 0)
            else np.lib.format.read_array_header_2_0
        )
        shape, fortran, dtype = read_header(fh)
        offset = fh.tell()
    if not all(shape):
        return np.empty(shape, dtype=dtype)
    if dtype.hasobject:
        raise DataMissingError(f"{path}: member {info.filename} holds Python objects")
    mapped = np.memmap(
        path, dtype=dtype, mode="r", offset=offset, shape=shape, order="F" if fortran else "C"
    )
    return np.asarray(mapped)  # a plain array on the map: slicing it stays cheap
