"""Russian and Ukrainian morphology for the geoparser: dictionary forms and name tags.

News in Russian and Ukrainian names places in every grammatical case ("в Курске", "під
Покровськом", "Сумської області", "Северной Каролины"). This module asks pymorphy3 (with the
OpenCorpora dictionary for Russian and the VESUM dictionary for Ukrainian) for every reading of a
word form and gives the geoparser:

* :func:`nominatives` — the nominative forms a word form may come from, most likely first; the
  caller keeps the first one its gazetteer knows;
* :func:`phrase_nominatives` — the same for a phrase, with adjectives kept in agreement with
  their noun ("Северной Каролины" -> "северная каролина", "Кривого Рогу" -> "кривий ріг");
* :func:`tags` — what the dictionaries say the word is: a first name, surname or patronymic, a
  toponym (Russian only: the Ukrainian dictionary has no toponym tag), an organisation, an
  abbreviation, or a function word, verb or adverb ("Тоді", "Думаю", "Вона").

The analysers load on first use (about 0.04 s each) and every word form is analysed once per
process (an LRU cache). Inflection (an adjective's nominative in the gender of its noun) is
worked out once per form of a dictionary paradigm and reused for the other words of that
paradigm, and tag attributes once per tag: pymorphy3 builds a word's whole lexeme for each
inflection, which took a seventh of a first pass over Cyrillic text.
pymorphy3 and its dictionaries are dependencies of geokit.
"""

from __future__ import annotations

import functools
import itertools
import re

__all__ = [
    "adjective_nominatives",
    "clear_caches",
    "language",
    "nominatives",
    "phrase_nominatives",
    "tags",
]

_UK_ONLY = re.compile("[іїєґІЇЄҐ]")
_RU_ONLY = re.compile("[ыэъёЫЭЪЁ]")
#: Parts of speech that are never a place name: a capitalised word read only so starts a
#: sentence ("Тоді", "Вона", "Думаю", "Добре").
_FUNCTION_POS = frozenset(
    {
        "NPRO",
        "CONJ",
        "PRCL",
        "PREP",
        "ADVB",
        "VERB",
        "INFN",
        "GRND",
        "PRED",
        "INTJ",
        "NUMR",
        "COMP",
        "PRTS",
        "ADJS",
    }
)
_PERSON = frozenset({"Name", "Surn", "Patr"})
#: Readings of a word put in the nominative of their own gender and number (inflecting is the
#: costliest step of analysis; later readings give their dictionary form).
_INFLECTED = 2
#: Readings tried per word when a phrase is put in the nominative.
_PER_WORD = 3


def language(text: str) -> str:
    """``"uk"`` or ``"ru"``: the language of a Cyrillic text, judged by the letters only one of
    the two alphabets has (і, ї, є, ґ against ы, э, ъ, ё). Ukrainian text without і is rare
    (it is among the language's most frequent letters), so a text with neither is Russian."""
    uk = len(_UK_ONLY.findall(text))
    ru = len(_RU_ONLY.findall(text))
    return "uk" if uk > ru else "ru"


@functools.lru_cache(maxsize=2)
def _analyzer(lang: str):
    try:
        import pymorphy3
    except ImportError as exc:  # pragma: no cover - a dependency of geokit
        raise ImportError(
            "Cyrillic place names need pymorphy3: "
            "pip install pymorphy3 pymorphy3-dicts-uk pymorphy3-dicts-ru"
        ) from exc
    from pymorphy3 import units

    # the dictionary alone: guesses for unknown words (by analogy with known endings) cost
    # most of the time and rarely give a place's nominative; geokit's ending table covers them
    return pymorphy3.MorphAnalyzer(
        lang=lang, units=[units.DictionaryAnalyzer(), units.UnknAnalyzer()]
    )


@functools.lru_cache(maxsize=200_000)
def _raw(low: str, lang: str) -> tuple:
    """pymorphy3's readings of a lower-case word form (cached: analysis is the costly step)."""
    return tuple(_analyzer(lang).parse(low))


#: Tag string -> (grammemes, part of speech, gender, number): pymorphy3 works each out anew
#: at every access, and the dictionaries have a few thousand tags shared by all words.
_TAG_INFO: dict[str, tuple[frozenset[str], str | None, str | None, str | None]] = {}
#: (dictionary unit, paradigm, form index, wanted grammemes) -> how pymorphy3's ``inflect``
#: rewrites the word: (prefix length, suffix length, new prefix, new suffix), or None when
#: no form of the paradigm has those grammemes. pymorphy3 picks the form by its paradigm and
#: the word's place in it alone, so words of one paradigm (most adjectives share a few
#: dozen) take their answer from the first; pymorphy3 builds the whole lexeme each time.
_INFLECTIONS: dict[tuple, tuple[int, int, str, str] | None] = {}


@functools.lru_cache(maxsize=1)
def _dictionary_unit() -> type:
    """pymorphy3's dictionary unit class (imported once: an import statement in a function
    costs microseconds at every call)."""
    from pymorphy3.units import DictionaryAnalyzer

    return DictionaryAnalyzer


def _tag_info(tag) -> tuple[frozenset[str], str | None, str | None, str | None]:
    info = _TAG_INFO.get(tag._str)
    if info is None:
        # plain strings: pymorphy3's grammeme type compares in Python code
        info = _TAG_INFO[tag._str] = (
            frozenset(tag.grammemes),
            *(None if g is None else str(g) for g in (tag.POS, tag.gender, tag.number)),
        )
    return info


def _inflect(p, want: frozenset[str]) -> str | None:
    """``p.inflect(want).word`` (None when no form has ``want``), remembered per paradigm
    form (see ``_INFLECTIONS``)."""
    stack = p.methods_stack
    unit = stack[0][0]
    if len(stack) != 1 or not isinstance(unit, _dictionary_unit()):
        q = p.inflect(set(want))  # a guess of the unknown-word unit: no paradigm
        return q.word if q is not None else None
    _unit, word, para_id, idx = stack[0]
    d = unit.dict
    key = (unit, para_id, idx, want)
    try:
        rule = _INFLECTIONS[key]
    except KeyError:
        rule = _INFLECTIONS[key] = _inflection_rule(p, want, d, para_id, idx)
    if rule is None:
        return None
    if rule == ():
        q = p.inflect(set(want))
        return q.word if q is not None else None
    cut, keep, prefix, suffix = rule
    return prefix + word[cut : len(word) - keep] + suffix


def _inflection_rule(p, want, d, para_id: int, idx: int) -> tuple:
    """The entry of ``_INFLECTIONS`` for a parse, from pymorphy3's own ``inflect``; ``()``
    when the word is not built from its paradigm as expected (then always asked anew)."""
    q = p.inflect(set(want))
    if q is None:
        return None
    para = d.paradigms[para_id]
    n = len(para) // 3
    target = q.methods_stack[0][3]
    rule = (
        len(d.paradigm_prefixes[para[2 * n + idx]]),
        len(d.suffixes[para[idx]]),
        d.paradigm_prefixes[para[2 * n + target]],
        d.suffixes[para[target]],
    )
    cut, keep, prefix, suffix = rule
    return rule if prefix + p.word[cut : len(p.word) - keep] + suffix == q.word else ()


def _known_word(low: str, lang: str) -> bool:
    """``word_is_known`` of the analyser, from the readings already made: a word the dictionary
    holds gets dictionary readings only (the unknown-word unit runs when there are none)."""
    unit = _dictionary_unit()
    return any(isinstance(p.methods_stack[0][0], unit) for p in _raw(low, lang))


@functools.lru_cache(maxsize=200_000)
def _parses(low: str, lang: str) -> tuple:
    """The readings of a lower-case word form: ``(nominative, normal form, tag set, part of
    speech, gender, number)`` each, in the analyser's order (most likely first). A noun's
    nominative keeps its number ("Сумах" -> "суми"); an adjective's keeps gender and number."""
    out = []
    for rank, p in enumerate(_raw(low, lang)):
        grams, pos, gender, number = _tag_info(p.tag)
        nom = p.normal_form
        if pos in ("NOUN", "ADJF", "PRTF") and "nomn" in grams:
            nom = p.word
        elif (
            rank < _INFLECTED
            and (pos == "NOUN" and number == "plur" and "Pltm" not in grams)
            or (pos in ("ADJF", "PRTF") and (gender != "masc" or number == "plur"))
        ):
            q = _inflect(
                p,
                frozenset(
                    {"nomn"}
                    if pos == "NOUN"
                    else ({"nomn", gender} if gender and number != "plur" else {"nomn", "plur"})
                ),
            )
            nom = q if q is not None else nom
        out.append((nom, p.normal_form, grams, pos, gender, number))
    return tuple(out)


@functools.lru_cache(maxsize=200_000)
def adjective_nominatives(
    low: str, lang: str, gender: str | None, number: str | None
) -> tuple[str, ...]:
    """The nominative of an adjective word form in a given gender and number ("донецкой",
    "femn", "sing" -> "донецкая"); empty when no reading is an adjective."""
    out: list[str] = []
    # a gender implies the singular (the Ukrainian dictionary marks no "sing")
    want = frozenset(
        {"nomn", gender} if gender and number != "plur" else {"nomn", number or "sing"}
    )
    for p in _raw(low, lang)[: _PER_WORD * 2]:
        if _tag_info(p.tag)[1] in ("ADJF", "PRTF"):
            q = _inflect(p, want)
            if q is not None and q not in out:
                out.append(q)
    return tuple(out)


def nominatives(word: str, lang: str) -> tuple[str, ...]:
    """Nominative forms (lower case) a word form may come from, most likely first; the word's
    own lower-case form first when some reading is a nominative already.

    Examples
    --------
    >>> nominatives("Харкова", "uk")[0]
    'харків'
    >>> "курск" in nominatives("Курске", "ru")
    True
    """
    return _nominatives(word.lower(), lang)


@functools.lru_cache(maxsize=200_000)
def _nominatives(low: str, lang: str) -> tuple[str, ...]:
    out: list[str] = []
    # noun readings first: "Луганська" is the genitive of Луганськ before it is an adjective
    ps = _parses(low, lang)
    for nom, normal, _grams, _pos, _g, _n in sorted(ps, key=lambda p: p[3] != "NOUN"):
        for c in (nom, normal):
            if c not in out:
                out.append(c)
    return tuple(out)


def tags(word: str, lang: str) -> frozenset[str]:
    """What the dictionary says a capitalised word is, as a set of labels:

    ``"person"``: every noun reading is a first name, surname or patronymic ("Дональда",
    "Путина"); ``"name"``: some reading is one ("Володимира", "Роман"); ``"geo"``: some
    reading is a toponym (Russian dictionary); ``"org"``: an organisation; ``"function"``: the
    likeliest reading is a pronoun, verb, adverb or other word that never names a place
    ("Тоді", "Думаю"); ``"function_only"``: every reading is such a word; ``"adjective"``: the likeliest reading is an adjective and none is a
    thing's name ("Донецької", "Київський", "Головного"); ``"common"``: the dictionary knows it as an ordinary noun or adjective
    and as no proper name ("Доля", "Правда"); ``"known"``: the dictionary knows the word.
    """
    return _tags(word.lower(), lang)


@functools.lru_cache(maxsize=200_000)
def _tags(low: str, lang: str) -> frozenset[str]:
    ps = _parses(low, lang)
    if not ps:
        return frozenset()
    out = set()
    if _known_word(low, lang):
        out.add("known")
    # one pass over the readings (this runs for every capitalised Cyrillic word)
    person_noun = other_noun = geo_noun = inan_noun = False
    first_name = geo = org = abbr = some_function = False
    all_function = True
    for _n, _nf, g, pos, _ge, _nu in ps:
        if pos == "NOUN":
            if g & _PERSON:
                person_noun = True
            else:
                other_noun = True
            if "Geox" in g:
                geo_noun = True
            if "inan" in g:
                inan_noun = True
        if "Name" in g and "nomn" in g:
            first_name = True
        if "Geox" in g:
            geo = True
        if "Orgn" in g:
            org = True
        if "Abbr" in g:
            abbr = True
        if pos in _FUNCTION_POS:
            some_function = True
        else:
            all_function = False
    if person_noun:
        out.add("name")
        if not other_noun and not geo_noun:
            out.add("person")
    if first_name:
        out.add("first_name")  # "Володимир", "Софія" as written: a first name
    if geo:
        out.add("geo")
    if org:
        out.add("org")
    if all_function:
        out.add("function_only")  # "коли", "тому": no reading is a noun or adjective
    first_pos = ps[0][3]
    if first_pos in _FUNCTION_POS or (lang == "uk" and some_function):
        # the Ukrainian dictionary does not rank its readings: one function reading is enough
        out.add("function")
    if first_pos in ("ADJF", "PRTF") and not inan_noun:
        out.add("adjective")  # "Донецької", "Київський": an adjective, not a name by itself
    if "known" in out and not out & {"name", "geo", "org"} and not abbr:
        out.add("common")
    return frozenset(out)


def phrase_nominatives(words: list[str], lang: str, limit: int = 8) -> list[str]:
    """Nominative forms (lower case, words joined by a space) of a phrase of up to four words,
    most likely first. Adjectives are put in the gender and number of the noun they qualify
    ("Северной Каролины" -> "северная каролина"); a noun after the head noun keeps its case
    ("Ростов-на-Дону" style names are single words and are left alone).

    Examples
    --------
    >>> phrase_nominatives(["Кривого", "Рогу"], "uk")[0]
    'кривий ріг'
    """
    return list(_phrase(tuple(w.lower() for w in words), lang, limit))


@functools.lru_cache(maxsize=100_000)
def _phrase(words: tuple[str, ...], lang: str, limit: int) -> tuple[str, ...]:
    if len(words) == 1:
        return _nominatives(words[0], lang)[:limit]
    head = words[-1]
    out: list[str] = []
    # adjectives agree with the head noun; a noun or unknown word before it stays as is. Each
    # reading of the head first with the likeliest agreeing forms ("Кривому Розі": роза, then
    # ріг), then the other combinations
    combos = []
    heads = []
    for nom, _nf, _grams, pos, gender, number in _parses(head, lang):
        if pos == "NOUN" and (nom, gender, number) not in heads and len(heads) < _PER_WORD:
            heads.append((nom, gender, number))
    for nom, gender, number in heads:
        options = [
            adjective_nominatives(w, lang, gender, number)[:_PER_WORD] or (w,) for w in words[:-1]
        ]
        combos.append((nom, list(itertools.product(*options))))
    for rank in range(max((len(c) for _n, c in combos), default=0)):
        for nom, products in combos:
            if rank < len(products):
                cand = " ".join((*products[rank], nom))
                if cand not in out:
                    out.append(cand)
                if len(out) >= limit:
                    return tuple(out)
    # words the dictionary cannot agree (unknown names): each word's own nominatives
    for combo in itertools.product(*(_nominatives(w, lang)[:2] for w in words)):
        cand = " ".join(combo)
        if cand not in out:
            out.append(cand)
        if len(out) >= limit:
            break
    return tuple(out)


def clear_caches() -> None:
    """Forget every analysis (for benchmarks of a first pass)."""
    for fn in (_raw, _parses, adjective_nominatives, _nominatives, _tags, _phrase):
        fn.cache_clear()
    _TAG_INFO.clear()
    _INFLECTIONS.clear()
