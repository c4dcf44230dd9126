"""Name normalisation, phonetic skeletons and romanisation of Cyrillic names.

Three levels of key, all computed the same way for gazetteer names and for queries:

``normalize``  case-folded, Latin diacritics and apostrophes removed, punctuation to spaces.
``skeleton``   ``normalize`` then Cyrillic to Latin and a lossy folding of spelling variants that
               differ between romanisation systems (kh/h, zh/j, y/i/j, doubled letters, ...).
``romanize``   the romanisations used by news and agencies, generated from Cyrillic names at build
               time so that Sudscha (German), Soudja (French) or Tsjernihiv (Dutch) match exactly.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

_APOSTROPHES = "'’ʼʹ`´‘′″\"ʻ"
_APOS_RE = re.compile(f"[{re.escape(_APOSTROPHES)}]")
_PUNCT_RE = re.compile(r"[\s\-‐‑‒–—_.,;:/\\()\[\]{}!?*+=&#@|<>~^]+")
_SPECIAL = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                          "ı": "i", "ё": "е", "þ": "th", "ħ": "h"})
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def normalize(name: str) -> str:
    """Return the lookup key of ``name``.

    Examples
    --------
    >>> normalize("Lysychans'k")
    'lysychansk'
    >>> normalize("  Zaporizhzhia—Oblast ")
    'zaporizhzhia oblast'
    """
    if name.isascii() and name.replace(" ", "").isalpha() and "  " not in name \
            and name[:1] != " " and name[-1:] != " ":
        return name.lower()  # plain ASCII words ("New York"): the common case, 10x faster
    s = unicodedata.normalize("NFKC", name).casefold().translate(_SPECIAL)
    s = _CONTROL_RE.sub(" ", s)
    s = _APOS_RE.sub("", s)
    if s.isascii():  # nothing to strip: the common case for Latin-script queries
        return _PUNCT_RE.sub(" ", s).strip()
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if unicodedata.combining(ch):
            # keep the breve of Cyrillic й, drop Latin accents
            if out and "\u0400" <= out[-1] <= "\u04ff":
                out.append(ch)
            continue
        out.append(ch)
    s = unicodedata.normalize("NFC", "".join(out))
    s = s.replace("ь", "").replace("ъ", "")
    return _PUNCT_RE.sub(" ", s).strip()


# --- Cyrillic -> Latin romanisation systems ------------------------------------------------
_BASE = dict(zip("абвгдезийклмнопрстуфхцчшщыэюяіїєґ",
                 ["a", "b", "v", "g", "d", "e", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                  "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "y", "e", "yu", "ya", "i",
                  "yi", "ye", "g"], strict=True))
_BASE["ж"] = "zh"

SYSTEMS: dict[str, dict[str, str]] = {
    # BGN/PCGN for Russian (the English press default)
    "bgn_ru": {**_BASE},
    # Ukrainian national system (2010), the official romanisation in Ukraine
    "ua_2010": {**_BASE, "г": "h", "и": "y", "і": "i", "ї": "i", "й": "i", "є": "ie",
                "ю": "iu", "я": "ia"},
    # BGN/PCGN Ukrainian (1965) / older English renderings
    "bgn_ua": {**_BASE, "г": "h", "и": "y", "і": "i", "ї": "yi", "й": "y", "є": "ye"},
    # Scholarly (ISO 9-like, without diacritics once normalised)
    "scholarly": {**_BASE, "ж": "ž", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
                  "ю": "ju", "я": "ja", "й": "j", "є": "je", "ї": "ji", "ы": "y", "г": "g"},
    # German (Duden)
    "de": {**_BASE, "в": "w", "ж": "sch", "з": "s", "й": "j", "х": "ch", "ц": "z", "ч": "tsch",
           "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja", "є": "je", "ї": "ji", "ы": "y",
           "дж": "dsch", "с": "s"},
    # French
    "fr": {**_BASE, "у": "ou", "ж": "j", "дж": "dj", "й": "ï", "х": "kh", "ч": "tch", "ш": "ch",
           "щ": "chtch", "ю": "iou", "я": "ia", "є": "ie", "ї": "ï", "ы": "y"},
    # Dutch
    "nl": {**_BASE, "у": "oe", "ж": "zj", "дж": "dzj", "й": "j", "х": "ch", "ч": "tsj",
           "ш": "sj", "щ": "sjtsj", "ю": "joe", "я": "ja", "є": "je", "ї": "ji", "ы": "y"},
    # Polish
    "pl": {**_BASE, "в": "w", "ж": "ż", "й": "j", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz",
           "щ": "szcz", "ю": "ju", "я": "ja", "є": "je", "ї": "ji", "ы": "y", "л": "ł"},
}
#: Systems that apply to Ukrainian-looking names (і, ї, є, ґ or Ukraine as country).
UKRAINIAN_SYSTEMS = ("ua_2010", "bgn_ua", "scholarly", "de", "fr", "nl", "pl")
RUSSIAN_SYSTEMS = ("bgn_ru", "scholarly", "de", "fr", "nl", "pl")
_UA_ONLY = set("іїєґ")
_RU_ONLY = set("ыэъё")
_CYR_RE = re.compile("[\u0400-\u04ff]")


def is_cyrillic(s: str) -> bool:
    return bool(_CYR_RE.search(s))


def romanize(name: str, system: str, *, ukrainian: bool = False) -> str:
    """Romanise a Cyrillic ``name`` with one of :data:`SYSTEMS` (other characters kept).

    With ``ukrainian=True`` the letters г, и, і take their Ukrainian values (h, y, i).
    """
    table = SYSTEMS[system]
    s = name.lower()
    if ukrainian and system != "bgn_ru":
        table = {**table, "г": "h", "и": "y", "і": "i"}
    out = []
    i = 0
    ukr = system in ("ua_2010", "bgn_ua")
    while i < len(s):
        pair = s[i : i + 2]
        if pair in table:
            out.append(table[pair])
            i += 2
            continue
        ch = s[i]
        rep = table.get(ch)
        if rep is None:
            out.append("" if ch in "ьъ" else ch)
        else:
            # initial-position forms of the Ukrainian system (є, ї, й, ю, я -> ye, yi, y, yu, ya)
            if ukr and (i == 0 or not s[i - 1].isalpha()) and ch in "єїйюя":
                rep = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}[ch]
            # Russian е after a vowel or at the start is "ye" in BGN
            if system == "bgn_ru" and ch == "е" and (i == 0 or s[i - 1] in "аеёиоуыэюяьъ "):
                rep = "ye"
            out.append(rep)
        i += 1
    return "".join(out)


def romanizations(name: str, country_code: str = "") -> set[str]:
    """All romanisations of a Cyrillic ``name`` in the systems plausible for its language."""
    letters = set(name.lower())
    if letters & _UA_ONLY or (country_code == "UA" and not letters & _RU_ONLY):
        out = {romanize(name, s, ukrainian=True) for s in UKRAINIAN_SYSTEMS}
        return out | {romanize(name, "bgn_ru")}
    if letters & _RU_ONLY:
        return {romanize(name, s) for s in RUSSIAN_SYSTEMS}
    out = {romanize(name, s) for s in SYSTEMS}
    return out | {romanize(name, s, ukrainian=True) for s in UKRAINIAN_SYSTEMS}


# --- skeletons --------------------------------------------------------------------------------
_SKEL_RULES = [
    # multi-letter renderings of one Cyrillic letter -> one marker (upper case keeps them apart)
    ("shch", "Š"), ("schtsch", "Š"), ("sjtsj", "Š"), ("chtch", "Š"), ("szcz", "Š"),
    ("dsch", "J"), ("dzh", "J"), ("dzj", "J"), ("dj", "J"),
    ("tsch", "C"), ("tsj", "C"), ("tch", "C"), ("cz", "C"), ("ch", "C"),
    ("sch", "S"), ("sh", "S"), ("sz", "S"), ("sj", "S"),
    ("zh", "Z"), ("zj", "Z"), ("kh", "h"), ("x", "h"), ("g", "h"),
    ("ts", "c"), ("tz", "c"), ("ou", "u"), ("oe", "u"), ("w", "v"), ("ph", "f"),
    ("q", "k"), ("ck", "k"),
]
_SKEL_RE = re.compile("|".join(re.escape(a) for a, _ in _SKEL_RULES))
_SKEL_MAP = dict(_SKEL_RULES)
_VOWELY_RE = re.compile("[iyj]+")
_DOUBLE_RE = re.compile(r"(.)\1+")
_SKEL_CYR = {**SYSTEMS["bgn_ru"], "г": "h", "й": "i", "ь": "", "ъ": ""}


def skeleton(key: str) -> str:
    """Lossy phonetic key of a normalised name, equal across romanisation systems.

    >>> skeleton(normalize("Krasnopillia")) == skeleton(normalize("Krasnopilya"))
    True
    """
    if is_cyrillic(key):
        key = "".join(_SKEL_CYR.get(ch, ch) for ch in key)
    s = key.replace(" ", "")
    s = _SKEL_RE.sub(lambda m: _SKEL_MAP[m.group(0)], s)
    s = _VOWELY_RE.sub("i", s)
    return _DOUBLE_RE.sub(r"\1", s)


def key_hash(key: str) -> int:
    """Stable 64-bit hash of a key (the same on every machine and Python run)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def key_hashes(keys) -> np.ndarray:
    """Vector form of :func:`key_hash`."""
    return np.fromiter((key_hash(k) for k in keys), dtype=np.uint64)
