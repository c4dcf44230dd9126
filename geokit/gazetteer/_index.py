"""A q-gram index for typo search: which names could be a close spelling of a key.

The typo search ranks names by rapidfuzz's ``fuzz.ratio`` (a normalised insert/delete distance)
and keeps those at or above a cutoff. Comparing a key with every name of compatible length costs
10-40 ms over the ~350,000 bundled names; this index narrows the comparison to a few dozen names
*without losing any* (count filtering, Gravano et al. 2001):

* Every name is cut into the q-grams (trigrams) of ``^^name$$``. Turning the key ``a`` into a
  name ``b`` with ``da`` deletions and ``db`` insertions destroys at most ``q * da + (q-1) * db``
  of ``a``'s ``len(a) + q - 1`` q-grams, and the cutoff bounds ``da`` and ``db``; so a close
  spelling shares at least ``need`` q-grams with the key (:func:`min_shared`).
* Postings are sorted by ``q-gram hash | name length``: the names holding one q-gram *and* of a
  compatible length are one ``searchsorted`` range. Counting the owners of the key's ranges
  (``numpy.bincount``) leaves the names that share ``need`` q-grams or more.
* Those are scored by rapidfuzz exactly as a full scan would score them. A hash collision only
  adds candidates, never removes one; keys too short for the bound to filter anything are
  compared with every name of compatible length.

The answers equal a full scan's, in the same order (score, then name length, then position);
``tests/test_index.py`` checks that on generated names. ``benchmarks/bench_lookup.py`` measures it.
"""

from __future__ import annotations

import math

import numpy as np

Q = 3
_HASH_BITS = 24
_LEN_BITS = 6  # lengths are capped at 63: longer names share the last length bucket
_MAX_LEN = (1 << _LEN_BITS) - 1
_START, _END = "\x02", "\x03"  # padding (control characters never occur in normalised keys)


def _gram_hash(codes: np.ndarray, q: int = Q) -> np.ndarray:
    """Hash of every q-gram of a code point array (length ``len(codes) - q + 1``)."""
    c = codes.astype(np.uint64)
    n = len(c) - q + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    mixed = c[:n].copy()
    for j in range(1, q):
        mixed *= np.uint64(1_000_003)
        mixed += c[j : j + n]
    mixed *= np.uint64(0x9E3779B97F4A7C15)
    return mixed >> np.uint64(64 - _HASH_BITS)


def _padded(key: str, q: int = Q) -> str:
    return _START * (q - 1) + key + _END * (q - 1)


def min_shared(m: int, lo: int, hi: int, cutoff: float, q: int = Q) -> int:
    """Fewest q-grams a key of length ``m`` shares with any name of length ``lo..hi`` whose
    ``fuzz.ratio`` is at least ``cutoff`` (``<= 0``: the bound filters nothing)."""
    best = m + q - 1
    for n in range(max(lo, 1), hi + 1):
        # ratio = 100 * (1 - d / (m + n)) >= cutoff  <=>  d <= (1 - cutoff/100) * (m + n)
        dmax = math.floor((1.0 - cutoff / 100.0) * (m + n) + 1e-9)
        for d in range(abs(m - n), dmax + 1):
            if (m + n - d) % 2:
                continue
            common = (m + n - d) // 2  # longest common subsequence
            da, db = m - common, n - common
            best = min(best, m + q - 1 - q * da - (q - 1) * db)
    return best


def length_window(n: int, cutoff: float) -> tuple[int, int]:
    """Name lengths that can reach ``cutoff`` against a key of length ``n``."""
    # ratio = 2*matches/(len1+len2) >= cutoff bounds the other length
    return int(n * cutoff / (200 - cutoff)), int(n * (200 - cutoff) / cutoff) + 1


class NgramIndex:
    """Candidates for a close-spelling search over ``keys`` (see the module notes).

    Parameters
    ----------
    keys : list of str
        Normalised names.
    recs : numpy.ndarray
        The record number of each key (returned with the matches).
    """

    def __init__(self, keys: list[str], recs: np.ndarray):
        self.keys = keys
        self.recs = np.asarray(recs)
        self.lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
        text = _START * (Q - 1) + (_END * (Q - 1) + _START * (Q - 1)).join(keys) + _END * (Q - 1)
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        # q-grams that lie inside one padded key: they start at a key's first character
        # position up to its last-but-(q-1); a key of length L has L + q - 1 of them
        starts = np.zeros(len(keys) + 1, dtype=np.int64)
        np.cumsum(self.lengths + 2 * (Q - 1), out=starts[1:])
        # names are numbered in order of length, so the names of a length window are one run
        # of numbers and counting needs only that run
        self._order = np.argsort(self.lengths, kind="stable")
        self._bounds = np.searchsorted(
            self.lengths[self._order], np.arange(int(self.lengths.max(initial=0)) + 2)
        )
        rank = np.empty(len(keys), dtype=np.int64)
        rank[self._order] = np.arange(len(keys))
        per_key = self.lengths + Q - 1
        owner = np.repeat(rank, per_key)
        first = np.repeat(starts[:-1] - np.cumsum(np.r_[0, per_key[:-1]]), per_key)
        pos = np.arange(len(owner), dtype=np.int64) + first
        grams = _gram_hash(codes)[pos]
        cap = np.repeat(np.minimum(self.lengths, _MAX_LEN).astype(np.uint64), per_key)
        # one sort of gram | length | owner; a q-gram twice in one name gives one posting
        packed = (((grams << np.uint64(_LEN_BITS)) | cap) << np.uint64(32)) | owner.astype(
            np.uint64
        )
        packed.sort()
        if len(packed):
            packed = packed[np.r_[True, packed[1:] != packed[:-1]]]
        self._block = (packed >> np.uint64(32)).astype(np.uint32)  # gram | length, sorted
        self._owner = (packed & np.uint64(0xFFFFFFFF)).astype(np.int32)

    def __len__(self) -> int:
        return len(self.keys)

    def _run(self, lo: int, hi: int) -> tuple[int, int]:
        """Numbers (length order) of the keys of length ``lo..hi``."""
        bounds = self._bounds
        lo, hi = max(lo, 0), min(hi, len(bounds) - 2)
        return (int(bounds[lo]), int(bounds[hi + 1])) if lo <= hi else (0, 0)

    def candidates(self, key: str, cutoff: float) -> np.ndarray:
        """Positions (sorted) of the keys that may score ``cutoff`` or more against ``key``."""
        m = len(key)
        lo, hi = length_window(m, cutoff)
        need = min_shared(m, lo, hi, cutoff)
        codes = np.frombuffer(_padded(key).encode("utf-32-le"), dtype=np.uint32)
        grams = np.sort(_gram_hash(codes))
        grams = grams[np.r_[True, grams[1:] != grams[:-1]]]
        # counting distinct hashes: a repeated q-gram of the key may be counted once only
        need -= len(codes) - Q + 1 - len(grams)
        r0, r1 = self._run(lo, hi)
        if need <= 0 or m == 0:
            return np.sort(self._order[r0:r1])
        base = grams.astype(np.uint32) << np.uint32(_LEN_BITS)
        first = self._block.searchsorted(base | np.uint32(min(lo, _MAX_LEN)))
        last = self._block.searchsorted(base | np.uint32(min(hi, _MAX_LEN)), side="right")
        spans = [
            self._owner[a:b] for a, b in zip(first.tolist(), last.tolist(), strict=True) if b > a
        ]
        if len(spans) < need:
            return np.empty(0, dtype=np.int64)
        owners = np.concatenate(spans)
        owners -= r0
        owners = owners[(owners >= 0) & (owners < r1 - r0)]  # lengths past the last bucket
        counts = np.bincount(owners, minlength=r1 - r0)
        return np.sort(self._order[r0 + np.flatnonzero(counts >= need)])

    def extract(self, key: str, *, limit: int, cutoff: float) -> list[tuple[str, float, int]]:
        """``(name, score, record)`` of the best ``limit`` names scoring ``cutoff`` or more,
        best first; ties go to the shorter name, then to the earlier one."""
        from rapidfuzz import fuzz, process

        pos = self.candidates(key, cutoff).tolist()
        if not pos:
            return []
        keys, lengths = self.keys, self.lengths
        found = process.extract(
            key, [keys[i] for i in pos], scorer=fuzz.ratio, limit=None, score_cutoff=cutoff
        )
        best = sorted((-score, int(lengths[pos[j]]), pos[j]) for _m, score, j in found)
        return [(keys[i], -neg, int(self.recs[i])) for neg, _n, i in best[:limit]]
