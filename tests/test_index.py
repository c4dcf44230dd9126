"""The q-gram typo index returns what a full scan returns, in the same order."""

from __future__ import annotations

import random

import numpy as np
import pytest
from rapidfuzz import fuzz, process

from geokit.gazetteer._index import NgramIndex, length_window, min_shared

SYLLABLES = [
    "ka",
    "ro",
    "vo",
    "lin",
    "sk",
    "pil",
    "ia",
    "ne",
    "dro",
    "ivka",
    "ove",
    "hor",
    "mia",
    "zh",
    "shch",
    "ts",
    "ye",
    "ko",
    "ma",
    "ny",
    "ra",
    "ch",
    "ov",
    "e",
    "an",
]


def _names(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 6)))
        if rng.random() < 0.15:
            word += " " + "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
        out.append(word)
    out += ["kyiv", "київ", "sumy", "a", "", "x" * 80, "x" * 79 + "y"]  # short, Cyrillic, long
    return out


def _typo(word: str, rng: random.Random) -> str:
    chars = list(word)
    for _ in range(rng.randint(0, 3)):
        i = rng.randrange(len(chars) + 1)
        op = rng.randrange(3)
        if op == 0:
            chars.insert(i, rng.choice("aeiouknrsy"))
        elif chars and op == 1:
            del chars[min(i, len(chars) - 1)]
        elif chars:
            chars[min(i, len(chars) - 1)] = rng.choice("aeiouy")
    return "".join(chars)


def _scan(keys, recs, key, *, limit, cutoff):
    """The reference: every key of compatible length, scored, best first."""
    lo, hi = length_window(len(key), cutoff)
    scored = [
        (-s, len(keys[j]), j)
        for _m, s, j in process.extract(
            key, keys, scorer=fuzz.ratio, limit=None, score_cutoff=cutoff
        )
        if lo <= len(keys[j]) <= hi
    ]
    scored.sort()
    return [(keys[j], -s, int(recs[j])) for s, _n, j in scored[:limit]]


@pytest.fixture(scope="module")
def index():
    keys = _names(6000, seed=7)
    recs = np.arange(len(keys), dtype=np.int32) * 3  # records need not be positions
    return keys, recs, NgramIndex(keys, recs)


@pytest.mark.parametrize("cutoff", [80.0, 84.0, 90.0])
def test_same_answers_as_a_full_scan(index, cutoff):
    keys, recs, idx = index
    rng = random.Random(int(cutoff))
    queries = [_typo(rng.choice(keys) or "ka", rng) for _ in range(300)]
    queries += ["kyyiv", "киів", "sumyy", "x" * 81, "xx", "zzzzzzzz"]
    for q in queries:
        assert idx.extract(q, limit=25, cutoff=cutoff) == _scan(
            keys, recs, q, limit=25, cutoff=cutoff
        ), q


def test_candidates_are_few(index):
    keys, _recs, idx = index
    assert len(idx.candidates(keys[0] + "x", 84.0)) < len(keys) / 10


def test_bound_is_never_above_the_key_grams():
    for m in range(1, 30):
        lo, hi = length_window(m, 84.0)
        assert min_shared(m, lo, hi, 84.0) <= m + 2


def test_empty_index_and_key():
    idx = NgramIndex([], np.array([], dtype=np.int32))
    assert idx.extract("kyiv", limit=5, cutoff=84.0) == []
    idx = NgramIndex(["kyiv"], np.array([9]))
    assert idx.extract("", limit=5, cutoff=84.0) == []
    assert idx.extract("kyiv", limit=5, cutoff=84.0) == [("kyiv", 100.0, 9)]
