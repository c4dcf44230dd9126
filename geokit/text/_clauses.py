"""Subordinate clauses of a sentence, so an event keeps the date and place of the clause that
reports it.

"Ukrainian troops left Sudzha on Wednesday, which they had held since an attack last August":
the event is the withdrawal (Wednesday); "last August" dates an earlier event that a relative
clause mentions in passing. :func:`subordinate_spans` finds such clauses in English, Ukrainian
and Russian and tells two kinds apart:

* ``"background"`` — a relative clause (which, who, where; який, котрий; который, где) or a
  "since" clause (since, відколи, з тих пір як, с тех пор как). It describes a noun of the main
  clause or the start of a state, so its date never dates the event.
* ``"secondary"`` — a clause of time or cause (after, when, following, before; після того як, коли;
  после того как, когда). "Two people died when a drone hit a car on Monday": its date is the
  event's date when the main clause gives none.

A clause runs from its marker to the next comma, semicolon, colon, dash or bracket, or to the end
of the sentence.
"""

from __future__ import annotations

import re

__all__ = ["subordinate_spans", "mask"]

_BACKGROUND = {
    "en": r"\b(?:which|who|whom|whose|where)\b|\bthat (?=ha[ds]\b)|\bsince\b",
    "uk": r"(?:(?<=[,(–—])|(?<=[,(–—] ))(?:яки\w*|які|яка|яке|котр\w+|де)\b"
          r"|\b(?:відколи|з тих пір як|ще з|починаючи з)\b",
    "ru": r"(?:(?<=[,(–—])|(?<=[,(–—] ))(?:котор\w+|где)\b"
          r"|\b(?:с тех пор как|ещ[её] с|начиная с)\b",
}
_SECONDARY = {
    "en": r"\b(?:after|when|following|before)\b",
    "uk": r"\b(?:після того як|коли|після|перед тим як)\b",
    "ru": r"\b(?:после того как|когда|после|перед тем как)\b",
}
_RES = {lang: (re.compile(_BACKGROUND[lang], re.I), re.compile(_SECONDARY[lang], re.I))
        for lang in _BACKGROUND}
_BOUNDARY = re.compile(r"[,;:()–—]| - ")


def subordinate_spans(sentence: str, lang: str = "en") -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of the subordinate clauses of ``sentence`` (offsets into it),
    ``kind`` being ``"background"`` or ``"secondary"`` (see the module docstring).

    Examples
    --------
    >>> s = "Troops left Sudzha on Wednesday, which they had held since last August."
    >>> [(s[a:b], kind) for a, b, kind in subordinate_spans(s)]
    [('which they had held since last August.', 'background')]
    """
    back_re, sec_re = _RES.get(lang, _RES["en"])
    found = [(m.start(), "background") for m in back_re.finditer(sentence)]
    found += [(m.start(), "secondary") for m in sec_re.finditer(sentence)]
    out: list[tuple[int, int, str]] = []
    for start, kind in sorted(found):
        if out and start < out[-1][1]:
            continue  # inside a clause already found: it ends where that one ends
        b = _BOUNDARY.search(sentence, start)
        out.append((start, b.start() if b else len(sentence), kind))
    return out


def mask(sentence: str, spans, keep: str | None = None) -> str:
    """``sentence`` with the given clauses blanked out (same length, so offsets still hold);
    clauses whose kind is ``keep`` stay."""
    chars = list(sentence)
    for start, end, kind in spans:
        if kind != keep:
            chars[start:end] = " " * (end - start)
    return "".join(chars)
