"""Place spans in Russian and Ukrainian text (used by the geoparser's span finder).

News in Russian and Ukrainian names places in every grammatical case: "в Курске", "під
Покровськом", "Сумської області", "Северной Каролины", "у США". For each run of capitalised
Cyrillic words :func:`cyrillic_run` finds the longest sub-runs whose nominative (from the
morphology of :mod:`geokit.text._morph`) is a name the gazetteer knows, or a country, continent
or area of ``geokit/data/cyrillic_names.tsv``, and rejects what the dictionaries and the context
say is no place:

* people: a first name before another capitalised word ("Владимира Путина"), and a word that is
  only a first name, surname or patronymic ("Дональда") unless a locative preposition precedes
  it ("у Софії");
* titles: a name in quotation marks («Северный поток», газета «Житомирщина») or after a word
  for an organisation, newspaper, unit or product ("полк Азов", "газета Житомирщина");
* words that start a sentence and are pronouns, verbs or adverbs ("Тоді", "Вона", "Думаю"),
  and other sentence-initial words that are no country, region or large city; a country's
  name there too when it is also a pronoun, adjective or past-tense verb ("Того ж дня",
  "Малі підприємства") and nothing else says it is the country;
* upper-case abbreviations that are no country ("ЗСУ", "НАТО").

A locative preposition, a word for a town, a hashtag or a verb or noun of attack ("обстріляли
Лиман", "обстріл Куп'янська") before a word is the cue that lets a name that is also a word or a
person's name count; a list shares its first place's cue. Each sentence or quotation is read
with the dictionary of its own language (a Russian quotation in a Ukrainian article).

Region forms "Курская область", "Сумської області", "Хабаровского края", "Луганской, Донецкой
областей" and "Харківщина", "Донетчина" become the region. When the dictionaries know no
nominative that is a place name, a short table of noun endings gives more guesses (names the
dictionaries lack: "Покровська" is read as an adjective, not as Покровськ).
"""

from __future__ import annotations

import functools
import re

from ._cyrillic_words import (
    _ADDRESS_ABBR_RE,
    _ADMIN_AFTER_RE,
    _ATTACK_WORDS,
    _LINKS,
    _NAMED_AFTER_PLACE,
    _OTHER_LETTERS,
    _PLACE_ONLY_PREPS,
    _PLACE_PREPS,
    _REGION_GENDER,
    _SHCHYNA,
    _STREET_ABBR_RE,
    _TITLE_HEADS,
    _forms_of,
    _head_forms,
    _segment_language,
    _title_forms,
    _verb_forms,
    direction_town,
    is_cyrillic,
    lemmas,
    normalize,
    region_word,
    russian_spellings,
)
from ._lexicon import COUNTRY_ALIASES, CYRILLIC_NAMES, FIRST_NAMES
from ._morph import _parses, adjective_nominatives, language, nominatives, phrase_nominatives, tags

__all__ = ["cyrillic_run", "is_cyrillic", "lemmas", "region_word"]

#: The words (no punctuation) just before a point of the text.
#: matched on the reversed text (``(?:[\w'’\-]+ +)+$`` searched forwards tries every start
#: and took a twentieth of a pass)
_WORDS_BACK_RE = re.compile(r"(?: +[\w'’\-]+)+")
#: "м." (місто), "г." (город), "с." (село), "смт", "пгт" before a town's name.
_TOWN_ABBR_RE = re.compile(
    r"(?<![\w])(?:м|г|с|смт|пгт|місто|місті|город|городе|село|селі|селе|"
    r"селище|селищі|поселок|поселке)\s*\.?\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = frozenset({".", "!", "?", "…", ""})
#: Ukrainian letters -> the Russian letters that spell the same sounds.
_UK_TO_RU = str.maketrans({"і": "и", "и": "ы", "є": "е", "ї": "и"})
#: Conjunctions that may stand inside an institution's name.
_NAME_LINKS = frozenset({"і", "та", "и"})
_LOWER_CYR_RE = re.compile(r"(?<![\w'’\-])[а-яёєіїґ][а-яёєіїґ'’\-]*")
_QUOTES_OPEN = frozenset("«„“\"'")
_QUOTE_CLOSE_RE = re.compile('[»”"]')
#: "Луганской, Донецкой областей": adjectives in a list before a plural region word.
_LIST_TO_REGION_RE = re.compile(
    r"(?:\s*(?:,|і|и|й|та|та й)\s+[А-ЯЁЄІЇҐ][\w’'\-]*)*\s+(област\w*|обл\.|кра[йяюеї]\w*|район\w*)"
)
#: What separates the names of a list: a comma or a conjunction ("Лиман, Зорю та Степове").
_LIST_GAP_RE = re.compile(r"\s*,\s*|\s+(?:і|й|та|и|та й|а також|а также)\s+|\s*,\s+(?:і|й|та|и)\s+")
_LIST_NEXT_RE = re.compile(r"(?:\s*,\s*|\s+(?:і|й|та|и)\s+)([А-ЯЁЄІЇҐ][\w'’\-]+)")
_NEXT_WORD_RE = re.compile(r" ([а-яёєіїґ][а-яёєіїґ'’]+)")
#: A front's direction after its adjective ("на Покровському напрямку", "на Курахском
#: направлении").
_DIRECTION_AFTER_RE = re.compile(r"\s+(?:напрям\w*|направлени\w*)")
_REGION_AFTER_RE = re.compile(r"\s+(област\w*|обл\.|кра[йяюеї]\w*|район\w*)")
_SHCHYNA_ENDINGS = tuple(ending for ending, _adjs in _SHCHYNA)


class _CyrillicRun:
    """Finds the place spans of one capitalised Cyrillic run of a :class:`_Doc`."""

    def __init__(self, doc, lang: str):
        self.doc = doc
        self.lang = lang
        self.other = "ru" if lang == "uk" else "uk"
        #: (start, end, text, key, region, cue) of each place span found
        self.found: list[tuple[int, int, str, str, bool, bool]] = []

    # --- matching ------------------------------------------------------------------------
    def _target(self, nominative: str) -> tuple[str, bool, bool, str] | None:
        """``(key, region, trusted, country code)`` for a nominative the data knows, else None;
        ``trusted`` names that are no other word (countries, continents, areas of the Cyrillic
        table) skip the person and common-word filters; the country code is that of a US
        state ("Флорида"), which biases the text's other names as "American" would."""
        doc = self.doc
        hit = _alias_keys().get(normalize(nominative))
        if hit is not None:
            return hit[0], hit[1], True, hit[2]
        for ending, adjs in _SHCHYNA if nominative.endswith(_SHCHYNA_ENDINGS) else ():
            # "Харківщина" is Kharkiv Oblast in news before it is the village of that name
            if nominative.endswith(ending) and len(nominative) > len(ending) + 2:
                stem = nominative[: -len(ending)]
                # "Брянщина", and "Бєлгородщина" through its Russian spelling
                for adj in (*adjs, *russian_spellings(f"{stem}{adjs[0]}")):
                    hit = self._target(f"{stem}{adj} область" if adj in adjs else f"{adj} область")
                    if hit is not None:
                        return hit[0], True, True, hit[3]
        if doc._known(nominative):
            key = normalize(nominative)
            return key, key.endswith((" област", " край", " район")), key in COUNTRY_ALIASES, ""
        return None

    def _match(self, words: list[str], start_k: int) -> tuple | None:
        """``(key, region, trusted, country code or "")`` of the place a phrase names."""
        # the text's language; the other one for a word written in its alphabet
        langs = (
            (self.lang, self.other)
            if len(words) == 1 and _OTHER_LETTERS[self.lang].search(words[0])
            else (self.lang,)
        )
        if len(words) == 1 and "adjective" in tags(words[0], self.lang):
            # "Покровська", "Луганська": the genitive of a town in -ськ before an adjective
            cands = [*lemmas(words[0]), *phrase_nominatives(words, self.lang)]
        else:
            limit = 8 if len(words) == 1 else 4  # readings of longer phrases: the likeliest
            cands = [nom for lang in langs for nom in phrase_nominatives(words, lang, limit)]
            if len(words) == 1:
                cands += lemmas(words[0])
            elif (
                len(words) == 2
            ):  # "Часового Яру" -> "Часів Яр": names the dictionaries lack, by their endings
                cands += [
                    " ".join((*((lemmas(w) or [w])[0] for w in words[:-1]), nom))
                    for nom in phrase_nominatives(words[-1:], self.lang)[:2]
                ]
        cands.append(" ".join(words))
        for cand in cands:
            hit = self._target(cand)
            if hit is not None:
                return hit
        if self.lang == "uk" and len(words) == 1 and "function" not in tags(words[0], "uk"):
            # a Russian town, written in Ukrainian letters, that the gazetteer has only in Russian
            # ("Солікамськ"): its Russian spelling
            for cand in cands[:3]:
                hit = self._target(cand.lower().translate(_UK_TO_RU))
                if hit is not None:
                    return hit
        return None

    def _region(self, words: list[str], region: str) -> str | None:
        """The key of "<adjectives> <region word>" ("Курской области" -> "курская област")."""
        gender = _REGION_GENDER[region]
        for lang in (self.lang, self.other):
            forms = [
                adjective_nominatives(w.lower(), lang, gender, "sing") or (w.lower(),)
                for w in words
            ]
            for first in forms[0]:
                hit = self._target(" ".join([first, *(f[0] for f in forms[1:]), region]))
                if hit is not None:
                    return hit[0]
        if len(words) == 1 and "ьк" in words[0]:
            # a Russian region in Ukrainian ("у Курській області", "Бєлгородської області"),
            # which the gazetteer has in Russian
            low = words[0].lower()
            for adj in adjective_nominatives(low, "uk", gender, "sing") or (low,):
                for ru in russian_spellings(adj):
                    hit = self._target(f"{ru} {region}")
                    if hit is not None:
                        return hit[0]
        return None

    # --- filters -------------------------------------------------------------------------
    def _prev_word(self, k: int) -> str:
        return self.doc.toks.prev(k).lower()

    def _town_word(self, k: int) -> bool:
        """ "м.", "г.", "с.", "смт" (town, city, village) just before word ``k``."""
        start = self.doc.toks.starts[k]
        return bool(_TOWN_ABBR_RE.search(self.doc.text[max(0, start - 6) : start]))

    def _cue(self, k: int, strong: bool = False) -> bool:
        """A locative preposition (or "в районі", "в окрестностях"), a word for a town ("м.",
        "місто"), a hashtag or a word whose object is a place ("обстріляли", "обстріл") just
        before word ``k``; with ``strong`` only words that go with places alone ("біля",
        "під", "поблизу", "обстріляли", not "у", "до", "з", "звільнили")."""
        preps = _PLACE_ONLY_PREPS if strong else _PLACE_PREPS
        prev = self._prev_word(k)
        return (
            prev in preps
            or self.doc.toks.prev(k) == "#"
            or self._town_word(k)
            or self._place_verb(prev, strong)
            or self._listed(k)
        )

    def _listed(self, k: int) -> bool:
        """Word ``k`` follows, after a comma or "і", "та", "и", a place found with a cue
        ("обстріляли Лиман і Зорю", "в Льгове, Рыльске и Курчатове"): the list shares it."""
        spans = self.doc.spans
        if not spans or not spans[-1].cue:
            return False
        gap = self.doc.text[spans[-1].end : self.doc.toks.starts[k]]
        return bool(_LIST_GAP_RE.fullmatch(gap))

    def _place_verb(self, prev: str, strong: bool) -> bool:
        """Whether ``prev`` is a form of a verb or noun whose object is a place (see
        ``_ATTACK_WORDS``)."""
        verbs = _verb_forms(self.lang).get(prev)
        return bool(verbs) and (not strong or bool(verbs & _ATTACK_WORDS))

    def _at_start(self, k: int) -> bool:
        """Word ``k`` starts a sentence, a line or a quotation (not after a dash or colon,
        which news uses inside sentences, nor after "м.")."""
        tok, newline = self.doc.toks._before(k)
        if tok in _QUOTES_OPEN:
            return True
        if tok in ("—", "–", "-") and not newline:
            # a dash that opens a line or follows a sentence opens a reply in dialogue
            head = self.doc.text[: self.doc.toks.starts[k]].rstrip()[:-1].rstrip(" \t")
            return not head or head[-1] in ".!?…\n:"
        if tok == "." and not newline:
            start = self.doc.toks.starts[k]
            if _ADDRESS_ABBR_RE.search(self.doc.text[max(0, start - 8) : start]):
                return False
        return (newline or tok in _SENTENCE_END) and not self._town_word(k)

    def _title(self, k: int) -> bool:
        """Word ``k`` starts a title: in quotation marks, or after a word for an organisation,
        publication, unit or product."""
        prev = self.doc.toks.prev(k)
        if prev in _QUOTES_OPEN:
            return not self._quoted_sentence(k)
        end = self.doc.toks.ends[k]
        before = self.doc.text[max(0, self.doc.toks.starts[k] - 40) : self.doc.toks.starts[k]]
        if (
            self.doc.text[end : end + 1] == "»"
            and len(before[before.rfind("«") + 1 :].split()) <= 3
        ):
            return True  # «Наші гроші. Львів»: the end of a short title, not of a quoted sentence
        opened = before.rfind("«")
        if opened > max(before.rfind("»"), before.rfind("\n")):
            inside = before[opened + 1 :].split()
            # a short capitalised name in «...» is a title («ІНГО Україна», «Вільна Україна»);
            # a quoted sentence is not («Тендери в Україні ...»)
            if (
                len(inside) <= 2
                and all(w[:1].isupper() for w in inside)
                and inside[0].lower() not in _PLACE_PREPS  # «В Шебекино повреждены дома»
            ):
                return True
        low = prev.lower()
        if not low or not low[0].isalpha() or not is_cyrillic(low):
            return False
        return low in _TITLE_HEADS or bool(_title_forms(self.lang).get(low))

    def _region_follows(self, j: int) -> bool:
        """A region word or a region's administration follows the word before ``j``."""
        end = self.doc.toks.ends[j - 1]
        text = self.doc.text
        return bool(_REGION_AFTER_RE.match(text, end) or _ADMIN_AFTER_RE.match(text, end))

    def _quoted_sentence(self, k: int) -> bool:
        """The quotation that word ``k`` opens is a sentence, not a title: four words or more
        with a verb among them («Шебекино снова обстреляли ночью»)."""
        text = self.doc.text
        start = self.doc.toks.starts[k]
        close = _QUOTE_CLOSE_RE.search(text, start, start + 300)
        words = text[start : close.start() if close else start + 300].split()
        return len(words) >= 4 and any(
            w.isalpha()
            and w.islower()
            and any(
                pos == "VERB"
                for lang in (self.lang, self.other)
                for *_x, pos, _g, _n in _parses(w, lang)[:2]
            )
            for w in words[1:]
        )

    def _in_org_name(self, k: int) -> bool:
        """Word ``k`` ends the name of an institution, title, cup or holiday (see
        ``_ORG_HEADS``): the head is written with a capital inside a sentence ("Міністерства
        фінансів України", "Збройних Сил України") or is a court, council, administration or
        holiday, which are named after their place ("госпсуду Донецької області", "День
        Києва"); "уряд Молдови" or "посол США" name the country as a place."""
        toks = self.doc.toks
        before = self.doc.text[max(0, toks.starts[k] - 80) : toks.starts[k]]
        words = _WORDS_BACK_RE.match(_TOWN_ABBR_RE.sub(" ", before)[::-1])
        if not words:
            return False
        seq = words.group()[::-1].split()[-4:]
        last = seq[-1]
        if last.isupper() and len(last) >= 2 and _alias_keys().get(last.lower()) is None:
            return True  # "ЗС України", "НАН України"
        if not self._genitive(k):
            return False  # institutions take their place in the genitive; "уряд виділив Сумщині"
        forms = _head_forms(self.lang)
        head = capital = False
        for pos, w in enumerate(reversed(seq)):
            low = w.lower()
            if low in _PLACE_PREPS or (low in _LINKS and low not in _NAME_LINKS):
                break
            heads = forms.get(low) or forms.get(low.rpartition("-")[2], frozenset())
            if heads & _NAMED_AFTER_PLACE:
                return True
            head = head or bool(heads)
            # a capital counts unless it is the head's own, at the start of a sentence
            # ("Уряд Молдови ..."); "Міністерством молоді та спорту України" keeps its "та"
            if w[:1].isupper() and not (
                heads and pos == len(seq) - 1 and self._starts_sentence_before(before, w)
            ):
                capital = True
            if head and capital:
                return True  # "Податкового кодексу України", "Ради міністрів АРК"
        return False

    def _genitive(self, k: int) -> bool:
        """Whether the last word of the span ending at word ``k`` may be a genitive."""
        word = self.doc.toks.words[k].lower()
        return any("gent" in g or "Fixd" in g for _n, _nf, g, *_r in _parses(word, self.lang))

    @staticmethod
    def _starts_sentence_before(before: str, word: str) -> bool:
        """Whether ``word`` (the first of the words that end ``before``) starts a sentence."""
        head = before[: before.rfind(word)].rstrip(" ")
        return not head or head[-1] in ".!?…\n"

    def _town(self, key: str) -> bool:
        """Whether ``key`` names a region, a country or a town of 10,000 or more."""
        a = self.doc.gaz._a
        return any(
            a.kind.item(r) >= 1 or a.pop.item(r) >= 10_000 for r, _t in self.doc._lookup(key)
        )

    def _person_run(self, word: str, following: str) -> bool:
        """``word`` and the capitalised ``following`` start a person's name: a first name as
        written ("Володимир Гончаренко"), or an inflected name before another name
        ("Владимира Путина", "Володимира Зеленського"; not "Львові Францішек")."""
        t = tags(word, self.lang)
        if "first_name" in t or "person" in t or word.lower() in FIRST_NAMES:
            return True
        return (
            "name" in t or any(n in FIRST_NAMES for n in nominatives(word, self.lang)[:2])
        ) and "name" in tags(following, self.lang)

    def _accept_one(
        self, word: str, k: int, key: str, country: bool, region_form: bool = False
    ) -> bool:
        """Whether a single-word match ``word`` (key ``key``) is a place here; ``country``: a
        name that is no other word, ``region_form``: an adjective before a region word."""
        doc = self.doc
        if country or region_form:
            if (
                not region_form
                and self._at_start(k)
                and not word.isupper()
                and self._other_word(word)
            ):
                # "Того ж дня", "Малі підприємства", "Мали місце": at the start of a sentence
                # the capital is no evidence, and the word is a pronoun, adjective or verb too;
                # a country named beside it is ("Малі та Нігер")
                return self._cue(k) or self._country_follows(k)
            return not self._title(k) and not self._in_org_name(k)
        if self._title(k) or self._in_org_name(k):
            return False
        if word.isupper() and len(word) > 1:
            # upper case: a dateline ("МОСКВА, 14 апр") of a major place, else an abbreviation
            return len(word) > 4 and doc._major(key)
        t = tags(word, self.lang)
        if _head_forms(self.lang).get(word.lower()):
            return False  # "Суду", "Сили": a word for an institution, capitalised in its name
        major = doc._major(key)
        cue = self._cue(k)
        person = "person" in t or "first_name" in t or word.lower() in FIRST_NAMES
        if self._at_start(k):
            if "function" in t or person:
                return False
            if not cue and not self._town(key):
                return False  # "Доля", "Решта": a word that starts a sentence, or a hamlet
        if person:
            # "Дори", "Богдан": a person unless a word only places take precedes ("біля", "м.");
            # "у", "до", "від" go with people too ("до Дори", "у Марини")
            return self._cue(k, strong=True)
        if "adjective" in t:
            # an adjective is a place only as itself or as a town the ending table gives
            # ("в центрі Луганська", "у Покровську"), not "Донецької" or "у Львівському"
            return cue and (doc._known(word) or key in {normalize(c) for c in lemmas(word)})
        if ("name" in t or ("common" in t and self.lang == "ru")) and not major:
            return cue
        if not major and not cue and self._lower_in_text(word):
            return False  # "Доля ... моя доля": an ordinary word of this text
        return True

    def _country_follows(self, k: int) -> bool:
        """A country's name follows word ``k`` after a comma or "і", "та", "и"."""
        m = _LIST_NEXT_RE.match(self.doc.text, self.doc.toks.ends[k])
        if not m:
            return False
        hit = _alias_keys().get(normalize(m.group(1)))
        if hit is None:
            hit = next(
                (
                    _alias_keys().get(normalize(n))
                    for n in lemmas(m.group(1))
                    if _alias_keys().get(normalize(n))
                ),
                None,
            )
        return hit is not None and normalize(hit[0]) in COUNTRY_ALIASES

    def _other_word(self, word: str) -> bool:
        """Whether a name (a country's: "Того", "Малі") is also a pronoun, determiner,
        ordinary adjective or past-tense verb ("того" - "that", "малі" - "small", "мали" -
        "had"), words that often open a sentence. A possessive adjective read into a region's
        name ("Донеччина") does not count."""
        low = word.lower()
        for _n, normal, grams, pos, *_r in _parses(low, self.lang):
            if normal == low and pos == "NOUN":
                continue
            if pos == "NPRO" or "Apro" in grams:
                return True
            if pos == "VERB" and "past" in grams:
                return True
            if pos == "ADJF" and normal.endswith(("ий", "ій", "ый", "ой")):
                return True
        return False

    def _lower_in_text(self, word: str) -> bool:
        """Whether the text also writes ``word`` in lower case (an ordinary word here)."""
        lows = self.doc.__dict__.get("_cyr_lower")
        if lows is None:
            lows = self.doc.__dict__["_cyr_lower"] = frozenset(_LOWER_CYR_RE.findall(self.doc.text))
        return word.lower() in lows

    def run(self, i: int, j: int) -> None:

        doc = self.doc
        toks, text = doc.toks, doc.text
        k = i
        while k < j:
            if toks.words[k].lower() in _PLACE_PREPS or len(toks.words[k]) < 2:
                k += 1  # "У Харківській області", "В Курске": a preposition starts the run
                continue
            start = toks.starts[k]
            street = _STREET_ABBR_RE.search(text, max(0, start - 8), start)
            if street:
                # "вул. Горького", "просп. Героїв Праці": a street, a mention the gazetteer
                # cannot place (empty key), not the village or person so named
                a, b = street.start(), toks.ends[j - 1]
                self.found.append((a, b, text[a:b], "", False, True))
                return
            found = None
            for e in range(min(j, k + 4), k, -1):
                words = toks.words[k:e]
                region = None
                if e == j:
                    m = _REGION_AFTER_RE.match(text, toks.ends[e - 1]) or (
                        _LIST_TO_REGION_RE.match(text, toks.ends[e - 1])
                    )
                    if m:
                        region = region_word(m.group(1))
                if region:
                    key = self._region(words, region)
                    if key:
                        tail = _REGION_AFTER_RE.match(text, toks.ends[e - 1])
                        if tail and region_word(tail.group(1)) is None:
                            tail = None  # "областной администрации": the adjective alone
                        end = tail.end() if tail else toks.ends[e - 1]
                        found = (e, end, key, True, False, True)
                        break
                if e == j and e - k == 1:
                    direction = _DIRECTION_AFTER_RE.match(text, toks.ends[e - 1])
                    if direction:
                        # "на Покровському напрямку": the town the front's sector is named
                        # after, not a village named like the adjective (Покровське)
                        key = direction_town(self.doc, words[0], (self.lang, self.other))
                        found = (e, direction.end(), key, False, False, True) if key else None
                        if not key:
                            found = (e, -1, "", False, False, False)
                        break
                if e == j:
                    # "Російській імперії", "Чорному морі": a name whose last word is lower case
                    nxt = _NEXT_WORD_RE.match(text, toks.ends[e - 1])
                    if nxt and nxt.group(1) in _tail_forms(self.lang):
                        hit = self._match([*words, nxt.group(1)], k)
                        if hit is not None and hit[2]:
                            found = (e, nxt.end(), hit[0], hit[1], True, False)
                            break
                hit = self._match(words, k)
                if hit is not None:
                    key, is_region, trusted, cc = hit
                    found = (e, toks.ends[e - 1], key, is_region, trusted, False)
                    if cc:
                        doc.demonym_cc[cc] += 1
                    break
            if found is None:
                # a first name before another capitalised word: the run is a person (not
                # before a region's adjective: "Влада Сумської області")
                if (
                    k + 1 < j
                    and not (k + 2 == j and self._region_follows(j))
                    and self._person_run(toks.words[k], toks.words[k + 1])
                ):
                    doc.people.add(toks.words[j - 1].lower())
                    return
                k += 1
                continue
            e, end, key, is_region, country, region_form = found
            if end < 0:
                k = e  # the adjective of a direction no town answers
                continue
            words = toks.words[k:e]
            if e - k == 1:
                if k + 1 < j and not country and self._person_run(words[0], toks.words[k + 1]):
                    doc.people.add(toks.words[j - 1].lower())  # "Володимира Зеленського"
                    return
                if not self._accept_one(words[0], k, key, country, region_form):
                    k = e
                    continue
            elif self._title(k) or self._in_org_name(k):
                k = e
                continue
            start = toks.starts[k]
            self.found.append((start, end, text[start:end], key, is_region, self._cue(k)))
            k = e


@functools.lru_cache(maxsize=2)
def _tail_forms(lang: str) -> dict[str, frozenset[str]]:
    """Forms of the lower-case last words of the Cyrillic names ("імперія", "союз")."""
    tails = frozenset(n.split()[-1] for n in CYRILLIC_NAMES if " " in n and n.split()[-1].islower())
    return _forms_of(tails, lang)


@functools.lru_cache(maxsize=1)
def _alias_keys() -> dict[str, tuple[str, bool, str]]:
    """Normalised Cyrillic names of :data:`geokit.text._lexicon.CYRILLIC_NAMES` -> ``(key, region)``: countries keep
    their own key (the geoparser's country aliases hold it), continents and world regions take
    geokit's key, other areas the key of the gazetteer name they stand for."""
    out = {}
    for name, target in CYRILLIC_NAMES.items():
        key = normalize(name)
        if target.startswith("@"):
            out[key] = (target[1:], False, "")
        elif len(target) == 2 and target.isupper():
            out[key] = (key, False, "")
        else:
            name, _sep, cc = target.partition("/")
            out[key] = (normalize(name), True, cc)
    return out


def cyrillic_run(doc, i: int, j: int) -> list[tuple[int, int, str, str, bool, bool]]:
    """The place spans of capitalised Cyrillic run ``[i, j)`` of a span finder's document
    ``doc`` as ``(start, end, text, key, region, cue)``; people it finds go to ``doc.people``,
    the countries US states imply to ``doc.demonym_cc``."""
    lang = doc.__dict__.get("_lang")
    if lang is None:
        lang = doc.__dict__["_lang"] = language(doc.text)
        # a lone small town named in Ukrainian or Russian text needs no further support when it
        # lies where the language is spoken (namesakes are still ranked by the text alone)
        doc.language_cc.update(("UA", "RU", "BY"))
    finder = _CyrillicRun(doc, _segment_language(doc, i, j, lang))
    finder.run(i, j)
    return finder.found
