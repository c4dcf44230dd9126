"""Dictionary forms of inflected Russian and Ukrainian place names (used by the geoparser).

News in Russian and Ukrainian names places in every grammatical case: "в Курске", "Курска",
"под Покровском", "в Сумах", "у Києві", "Харкова", "Курской области", "Сумської області". The
gazetteer holds the nominative ("Курск", "Суми", "Київ", "Курская область"). :func:`lemmas`
lists the nominatives a word form may come from, most likely first; the caller keeps the first
one the gazetteer knows, so a wrong guess costs nothing unless it is itself a place name.
"""

from __future__ import annotations

__all__ = ["is_cyrillic", "lemmas", "region_word"]

#: (oblique ending, nominative endings to try), longest endings first. Ukrainian stems that
#: alternate і/о and ї/є ("Харків" - "Харкова", "Київ" - "Києва") have rules of their own.
_NOUN_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("євом", ("їв",)), ("овом", ("ів", "ов")),
    ("ами", ("ы", "и")), ("ями", ("и", "я")),
    ("єва", ("їв",)), ("єві", ("їв",)), ("єву", ("їв",)),
    ("ова", ("ів", "ов")), ("ові", ("ів", "ов")), ("ову", ("ів", "ов")),
    ("ах", ("ы", "и")), ("ях", ("и",)), ("ам", ("ы", "и")),
    ("ою", ("а", "я")), ("ею", ("я", "ь")), ("ой", ("а",)), ("ей", ("я", "ь")),
    ("ом", ("", "о")), ("ем", ("ь", "й", "е")),
    ("і", ("а", "я", "")), ("е", ("", "а", "я", "о", "ь")), ("у", ("", "а")),
    ("ю", ("я", "ь")), ("а", ("", "о")), ("я", ("ь", "й")), ("и", ("а", "я", "ь")),
    ("ы", ("а",)),
)

#: Adjective endings of region names ("Курской области" - "Курская область", "Сумської
#: області" - "Сумська область", "Краснодарского края" - "Краснодарский край").
_ADJ_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ской", ("ская",)), ("ецкой", ("ецкая",)), ("ую", ("ая",)), ("ой", ("ая", "ий", "ый")),
    ("ої", ("а",)), ("ій", ("а", "ий")), ("ою", ("а",)), ("у", ("а",)),
    ("ого", ("ий", "ый")), ("ому", ("ий", "ый")), ("ім", ("ий",)), ("ом", ("ий", "ый")),
)

#: Inflected region words -> their dictionary form.
_REGION_WORDS = {
    "области": "область", "областью": "область", "област": "область", "обл": "область",
    "області": "область", "областю": "область", "края": "край", "краю": "край",
    "крае": "край", "районе": "район", "района": "район", "району": "район",
    "районі": "район", "районом": "район",
}

_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґў")


def is_cyrillic(word: str) -> bool:
    """Whether a word is written in Cyrillic letters (judged by its first letter)."""
    return bool(word) and word[0].lower() in _CYRILLIC


def region_word(word: str) -> str | None:
    """The dictionary form of a (possibly inflected) Cyrillic region word, else None."""
    low = word.lower()
    if low in ("область", "край", "район"):
        return low
    return _REGION_WORDS.get(low)


def lemmas(word: str, *, adjective: bool = False) -> list[str]:
    """Candidate nominatives of a capitalised Cyrillic word form, most likely first.

    ``adjective`` selects the endings of region adjectives ("Курской" before "области").
    The word itself is not included; stems shorter than two letters are not tried.

    Examples
    --------
    >>> lemmas("Курска")[:1]
    ['Курск']
    >>> "Київ" in lemmas("Києві")
    True
    """
    out: list[str] = []
    low = word.lower()
    for ending, repl in (_ADJ_RULES if adjective else _NOUN_RULES):
        if low.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: len(word) - len(ending)]
            for r in repl:
                cand = stem + r
                if cand != word and cand not in out:
                    out.append(cand)
    return out
