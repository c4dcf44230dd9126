"""Name keys -> records: sorted 64-bit hashes searched in parts.

A gazetteer's exact and skeleton keys each live in one :class:`KeyIndex`, a list of parts
searched in order: the codifier's keys, the bundled GeoNames keys, then the keys of user layers.
Each part is sorted by hash, so a lookup is one binary search per part. Keeping the parts apart
means loading never merges (and copies) the bundled arrays: the bundled part is memory-mapped
straight from ``gazetteer.npz``, the codifier part is read from ``codifier.npz`` as the build
joined it, and adding a layer re-sorts only the layers' keys. Records come out in the order one
merged, stably sorted index would give (codifier, bundled, layers for equal keys).
"""

from __future__ import annotations

import numpy as np

__all__ = ["KeyIndex"]


class KeyIndex:
    """Sorted ``(hash, record, match type)`` parts, searched in order."""

    def __init__(self, hashes: np.ndarray, records: np.ndarray, types: np.ndarray):
        self.parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = [(hashes, records, types)]
        self.layer_part = -1  # the part holding user layers' keys, once there is one

    def __len__(self) -> int:
        return sum(len(h) for h, _r, _t in self.parts)

    def prepend(self, hashes: np.ndarray, records: np.ndarray, types: np.ndarray) -> None:
        """Add a part searched before the others (the codifier's keys)."""
        self.parts.insert(0, (hashes, records, types))
        if self.layer_part >= 0:
            self.layer_part += 1

    def add_layer(self, hashes: np.ndarray, records: np.ndarray) -> None:
        """Add a layer's keys (typed as primary names) to the layers' part, kept sorted."""
        if not len(hashes):
            return
        h = np.array(hashes, dtype=np.uint64)
        r = np.array(records, dtype=np.int32)
        t = np.zeros(len(h), dtype=np.int8)
        if self.layer_part >= 0:
            h0, r0, t0 = self.parts[self.layer_part]
            h, r, t = np.concatenate([h0, h]), np.concatenate([r0, r]), np.concatenate([t0, t])
        if np.all(h[1:] >= h[:-1]):  # a single layer comes sorted
            part = (h, r, t)
        else:
            order = np.argsort(h, kind="stable")
            part = (h[order], r[order], t[order])
        if self.layer_part >= 0:
            self.parts[self.layer_part] = part
        else:
            self.parts.append(part)
            self.layer_part = len(self.parts) - 1

    def find(self, h: int) -> list[tuple[int, int]]:
        """``(record, match type)`` of every key with hash ``h``."""
        hv = np.uint64(h)
        out: list[tuple[int, int]] = []
        for hashes, records, types in self.parts:
            lo = int(hashes.searchsorted(hv))
            hi, n = lo, len(hashes)
            while hi < n and hashes.item(hi) == h:  # equal keys are adjacent and few
                hi += 1
            if hi > lo:
                out.extend(zip(records[lo:hi].tolist(), types[lo:hi].tolist(), strict=True))
        return out

    def count(self, h: int) -> int:
        """How many keys have hash ``h``."""
        hv = np.uint64(h)
        return sum(
            int(hs.searchsorted(hv, "right") - hs.searchsorted(hv, "left"))
            for hs, _r, _t in self.parts
        )
