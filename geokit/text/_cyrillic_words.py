"""Word lists and word-level helpers for Russian and Ukrainian place names (used by
:mod:`geokit.text._cyrillic`): name keys, ending guesses, region words, and the words that mark
institutions, titles, locations and attacks, and the language of each sentence or quotation.
Written by hand for geokit; lower case throughout."""

from __future__ import annotations

import bisect
import functools
import re

from ..gazetteer._names import normalize as _normalize

__all__ = [
    "direction_town",
    "is_cyrillic",
    "lemmas",
    "normalize",
    "region_word",
    "russian_spellings",
    "town_stems",
]

_PLAIN_CYRILLIC_RE = re.compile(r"[а-яёєіїґ'’ʼ -]+")
_PLAIN_DROP = str.maketrans(
    {"ё": "е", "ь": None, "ъ": None, "'": None, "’": None, "ʼ": None, "-": " "}
)


@functools.lru_cache(maxsize=100_000)
def normalize(name: str) -> str:
    """:func:`geokit.gazetteer._names.normalize`, remembered, with a fast path for plain
    Cyrillic words (lower case, no soft or hard sign, apostrophes dropped, hyphens to spaces:
    the same key, checked in the tests)."""
    low = name.lower()
    if _PLAIN_CYRILLIC_RE.fullmatch(low) and "  " not in low:
        return " ".join(low.translate(_PLAIN_DROP).split())
    return _normalize(name)


#: (oblique ending, nominative endings to try), longest endings first: guesses for names the
#: morphology dictionaries lack. Ukrainian stems that alternate і/о and ї/є ("Харків" -
#: "Харкова", "Київ" - "Києва", and possessive adjectives in names: "Часів Яр" - "Часового
#: Яру") have rules of their own.
_NOUN_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ового", ("ів",)),
    ("овому", ("ів",)),
    ("євого", ("їв",)),
    ("євому", ("їв",)),
    ("євом", ("їв",)),
    ("овом", ("ів", "ов")),
    ("ами", ("ы", "и")),
    ("ями", ("и", "я")),
    ("єва", ("їв",)),
    ("єві", ("їв",)),
    ("єву", ("їв",)),
    ("ова", ("ів", "ов")),
    ("ові", ("ів", "ов")),
    ("ову", ("ів", "ов")),
    ("ах", ("ы", "и")),
    ("ях", ("и",)),
    ("ам", ("ы", "и")),
    ("ою", ("а", "я")),
    ("ею", ("я", "ь")),
    ("ой", ("а",)),
    ("ей", ("я", "ь")),
    ("ом", ("", "о")),
    ("ем", ("ь", "й", "е")),
    ("ці", ("ка",)),
    ("ку", ("ка",)),
    ("і", ("а", "я", "")),
    ("е", ("", "а", "я", "о", "ь")),
    ("у", ("", "а")),
    ("ю", ("я", "ь")),
    ("а", ("", "о")),
    ("я", ("ь", "й")),
    ("и", ("а", "я", "ь")),
    ("ы", ("а",)),
)

#: Inflected region words -> their dictionary form.
_REGION_WORDS = {
    "области": "область",
    "областью": "область",
    "област": "область",
    "обл": "область",
    "області": "область",
    "областю": "область",
    "областей": "область",
    "областях": "область",
    "областям": "область",
    "края": "край",
    "краю": "край",
    "крае": "край",
    "краї": "край",
    "краєм": "край",
    "краем": "край",
    "краях": "край",
    "краев": "край",
    "районе": "район",
    "района": "район",
    "району": "район",
    "районі": "район",
    "районом": "район",
    "районов": "район",
    "районів": "район",
    "районах": "район",
}
#: Region words and the gender an adjective before them takes.
_REGION_GENDER = {"область": "femn", "край": "masc", "район": "masc"}

#: Nouns that, written just before a name, make it the name of an organisation, a publication,
#: a military unit, a vessel or a product (apposition: "газета «Житомирщина»", "полк Азов",
#: "газопровод Северный поток", "крейсер Москва"), lower-case dictionary forms (uk and ru).
_TITLE_HEADS = frozenset(
    """
газета журнал видання издание телеканал канал радіо радио агентство сайт портал
компанія компания корпорація корпорация концерн холдинг банк фонд фірма фирма завод фабрика
клуб команда партія партия рух движение організація организация об'єднання объединение
полк батальйон батальон бригада загін отряд дивізія дивизия угруповання группировка
корабель корабль крейсер судно підводний фрегат есмінець эсминец літак самолет ракета
комплекс система газопровід газопровод трубопровід трубопровод нафтопровід нефтепровод
операція операция проєкт проект програма программа фестиваль готель гостиница ресторан
кінотеатр кинотеатр театр стадіон стадион магазин торговий торговый бренд марка
""".split()
)

#: Nouns at the head of the name of an institution, a law or a document: a place in the
#: genitive after one (with only lower-case words between) is part of that name, as NER
#: corpora annotate it ("Міністерства фінансів України", "Збройних Сил України", "обласної
#: ради"), and of titles, cups and holidays named after a place ("Міністр оборони України",
#: "Кубок України", "День Києва"); dictionary forms, Ukrainian and Russian. An upper-case
#: abbreviation just before the place marks an institution too ("ЗС України", "НАН України").
_ORG_HEADS = frozenset(
    """
реєстр реестр збірна сборная товариство общество кафедра держагентство нацгвардія
держстандарт конгрес
міністерство министерство кабінет кабинет рада совет сила силы служба комітет комитет
кодекс конституція конституция закон уряд правительство посольство консульство банк
інститут институт академія академия університет университет суд прокуратура поліція
полиция гвардія гвардия армія армия дума парламент герб федерація федерация асоціація
ассоциация спілка союз партія партия комісія комиссия управління управление департамент
адміністрація администрация фонд центр музей бібліотека библиотека книга штаб командування
командование відомство ведомство палата мерія мэрия держадміністрація облдержадміністрація
омбудсман уповноважений уполномоченный генштаб флот госпсуд райсуд адмінсуд міськрада
райрада облрада горсовет райсовет райдержадміністрація дирекція дирекция президент міністр
министр депутат герой кубок чемпіонат чемпионат день свято праздник
""".split()
)

#: Heads of names that always include their place: courts, councils, administrations, cups
#: and holidays.
_NAMED_AFTER_PLACE = frozenset(
    """
суд госпсуд райсуд адмінсуд міськрада райрада облрада горсовет райсовет райдержадміністрація
держадміністрація облдержадміністрація прокуратура адміністрація администрация мерія мэрия
день свято праздник кубок чемпіонат чемпионат
""".split()
)

#: Locative prepositions and words: a name after one is used as a place ("у Софії", "под
#: Азовом", "в центрі Луганська").
_PLACE_PREPS = frozenset(
    {
        "в",
        "во",
        "у",
        "на",
        "під",
        "под",
        "біля",
        "возле",
        "около",
        "поблизу",
        "з",
        "із",
        "зі",
        "из",
        "до",
        "від",
        "от",
        "через",
        "над",
        "неподалік",
        "недалеко",
        "районі",
        "центрі",
        "центре",
        "передмісті",
        "пригороді",
        "пригороде",
        "окраїні",
        "окраине",
        "районе",
        "окрестностях",
        "околицях",
        "околицах",
        "околиці",
        "під'їзді",
        "поруч",
        "між",
        "между",
    }
)
#: Conjunctions and relative words that end the words before a place name.
_LINKS = frozenset(
    {
        "і",
        "й",
        "та",
        "и",
        "а",
        "але",
        "но",
        "або",
        "или",
        "що",
        "что",
        "як",
        "как",
        "де",
        "где",
        "для",
    }
)
#: Locative prepositions that go with places, not with people.
_PLACE_ONLY_PREPS = frozenset(
    {
        "під",
        "под",
        "біля",
        "возле",
        "около",
        "поблизу",
        "неподалік",
        "недалеко",
        "районі",
        "районе",
        "окрестностях",
        "околицях",
        "околицах",
        "околиці",
    }
)
#: Verbs and nouns of attack (dictionary forms) whose object is a place: a capitalised word
#: just after one is used as a place ("обстріляли Лиман", "атаковали Рыльск", "обстріл
#: Куп'янська"), as after a locative preposition. Attacks and occupation go with places
#: alone; capture and liberation also with people ("звільнили Марію" from captivity), so they
#: count only for words that are no person's name.
_ATTACK_WORDS = frozenset(
    """
обстріляти обстрілювати атакувати штурмувати бомбардувати бомбити окупувати деокупувати
обстріл штурм бомбардування окупація деокупація
обстрелять обстреливать атаковать штурмовать бомбардировать бомбить оккупировать
обстрел бомбардировка оккупация
""".split()
)
_CAPTURE_WORDS = frozenset(
    """
захопити звільнити оточити зайняти залишити покинути евакуювати
захоплення звільнення оточення
захватить освободить окружить занять оставить покинуть эвакуировать
захват освобождение окружение
""".split()
)
#: Region administrations and councils after a region's adjective ("Сумська ОВА", "Харківської
#: облдержадміністрації", "Курской областной администрации", "Сокирянська РДА"): group 1 an
#: oblast's, group 2 a raion's. The adjective names the region.
_ADMIN_AFTER_RE = re.compile(
    r"\s+(?:(ОВА|ОДА|ОДВА|ОВДА|облдержадміністраці\w*|обладміністраці\w*|облгосадминистраци\w*|"
    r"облрад\w*|(?:обласн|областн)\w+ (?:(?:державн|військов|государственн)\w+ )?"
    r"(?:адміністраці\w*|администраци\w*|рад(?:а|и|і|у|ою|е|ой)|дум(?:а|ы|е|у|ой)))|"
    r"(РВА|РДА|РДВА|райдержадміністраці\w*|райгосадминистраци\w*|райрад\w*|"
    r"районн\w+ (?:(?:державн|військов|государственн)\w+ )?"
    r"(?:адміністраці\w*|администраци\w*|рад(?:а|и|і|у|ою|е|ой))))(?![\w])"
)
#: Letters of the other language's alphabet.
_OTHER_LETTERS = {"uk": re.compile("[ыэъёЫЭЪЁ]"), "ru": re.compile("[іїєґІЇЄҐ]")}
#: Where a sentence or a quotation ends.
_SEGMENT_END_RE = re.compile('[.!?…\n«»“”„"]')
#: Abbreviations of addresses and titles whose full stop ends no sentence ("вул. Хрещатик",
#: "просп. Перемоги", "ст. Гайворон", "ім. Шевченка").
_ADDRESS_ABBR_RE = re.compile(
    r"(?<![\w])(?:вул|ул|просп|пров|пер|пл|бул|наб|ст|ім|им|св|хут|пос|мкр|буд|корп)\.\s*$",
    re.IGNORECASE,
)
#: Abbreviations of street, avenue, lane, square, boulevard and embankment: the name after one
#: is a street's, which the gazetteer does not hold (a village named Нова or Хрещатик would be
#: a wrong point).
_STREET_ABBR_RE = re.compile(r"(?<![\w])(?:вул|ул|просп|пров|пер|пл|бул|наб)\.\s*$", re.I)
_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґў")
#: "-щина" names of regions ("Харківщина", "Донетчина") -> the ending of the region's adjective.
_SHCHYNA = (("ччина", ("цька", "цкая")), ("тчина", ("цька", "цкая")), ("щина", ("ська", "ская")))


def is_cyrillic(word: str) -> bool:
    """Whether a word is written in Cyrillic letters (judged by its first letter)."""
    return bool(word) and word[0].lower() in _CYRILLIC


def region_word(word: str) -> str | None:
    """The dictionary form of a (possibly inflected) Cyrillic region word, else None."""
    low = word.lower().rstrip(".")
    if low in _REGION_GENDER:
        return low
    return _REGION_WORDS.get(low)


#: Ukrainian endings of region adjectives and their Russian spellings ("воронезька" -
#: "воронежская": Ukrainian writes з for the ж of the stem before -ськ-).
_UK_RU_ADJ_ENDINGS = (
    ("зька", "жская"),
    ("цька", "цкая"),
    ("ська", "ская"),
    ("зький", "жский"),
    ("цький", "цкий"),
    ("ський", "ский"),
)
_UK_RU_LETTERS = str.maketrans({"є": "е", "ї": "и", "'": None, "’": None, "ʼ": None})


_UK_ADJ_CASE_RE = re.compile(r"(ськ|цьк|зьк)(ій|ої|у|ою|а|ого|ому|им|ім|ий)$")


def _uk_adj_nominative(m: re.Match) -> str:
    return m[1] + ("а" if m[2] in ("ій", "ої", "у", "ою", "а") else "ий")


def russian_spellings(adjective: str) -> list[str]:
    """Russian spellings of the Ukrainian adjective of a Russian region, for names the
    gazetteer has only in Russian ("курська" -> "курская", "бєлгородська" and "білгородська"
    -> "белгородская", "воронезька" -> "воронежская"); empty for other words.

    Examples
    --------
    >>> russian_spellings("брянська")
    ['брянская']
    """
    # any case form: "воронезьку", "курській" -> the nominative the dictionary may lack
    low = _UK_ADJ_CASE_RE.sub(_uk_adj_nominative, adjective.lower())
    for uk, ru in _UK_RU_ADJ_ENDINGS:
        if low.endswith(uk) and len(low) > len(uk) + 1:
            stem = low[: -len(uk)].translate(_UK_RU_LETTERS)
            # Ukrainian і stands for Russian и ("Кіровська") or е ("Білгородська")
            stems = [stem.replace("і", "и")] + ([stem.replace("і", "е")] if "і" in stem else [])
            return [f"{st}{ru}" for st in stems]
    return []


_TOWN_ADJ_RE = re.compile(r"(.{3,}?)(ськ|цьк|зьк|ск|цк|зк)(?:ий|ій|ый|ой)$")


_ADJ_CASE_RE = re.compile(r"(ськ|цьк|зьк|ск|цк|зк)(?:ому|ого|им|ім|ом|ым|ий|ій|ый|ой)$")


def town_stems(adjective: str) -> list[str]:
    """Names of the town an adjective may be formed from, to look up ("покровський" ->
    "покровськ", "курахівський" -> "курахове", "курахский" -> "курахово", "бахмутський" ->
    "бахмут", "костянтинівський" -> "костянтинівка"); a masculine case form the dictionary
    lacks is read by its ending ("торецькому"); empty for other words."""
    m = _TOWN_ADJ_RE.fullmatch(_ADJ_CASE_RE.sub(r"\1ий", adjective.lower()))
    if not m:
        return []
    stem, suffix = m[1], m[2]
    # Ukrainian і of a closed last syllable is о before an ending ("Курахів-" - "Курахове")
    k = stem.rfind("і")
    alt = stem[:k] + "о" + stem[k + 1 :] if k >= len(stem) - 3 and k > 0 else ""
    out = [stem + suffix, stem, stem + "ка", stem + "и", stem + "е", stem + "о", stem + "ово"]
    if alt:
        out += [alt + "е", alt + "о"]
    return out


def lemmas(word: str) -> list[str]:
    """Guessed nominatives of a capitalised Cyrillic word form from its ending (for names the
    morphology dictionaries lack), most likely first; the word itself is not included.

    Examples
    --------
    >>> lemmas("Курска")[:1]
    ['Курск']
    >>> "Київ" in lemmas("Києві")
    True
    """
    return list(_lemmas(word))


@functools.lru_cache(maxsize=100_000)
def _lemmas(word: str) -> tuple[str, ...]:
    out: list[str] = []
    low = word.lower()
    for ending, repl in _NOUN_RULES:
        if low.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: len(word) - len(ending)]
            for r in repl:
                cand = stem + r
                if cand != word and cand not in out:
                    out.append(cand)
    return tuple(out)


def _forms_of(words: frozenset[str], lang: str) -> dict[str, frozenset[str]]:
    """Every inflected form of ``words`` (dictionary forms) -> the words it is a form of, so
    that the text's words are checked against them without analysing each."""
    from ._morph import _analyzer

    out: dict[str, set[str]] = {}
    analyzer = _analyzer(lang)
    for word in words:
        for p in analyzer.parse(word)[:2]:
            if p.normal_form != word:
                continue
            for form in p.lexeme:
                out.setdefault(form.word, set()).add(word)
    return {form: frozenset(ws) for form, ws in out.items()}


@functools.lru_cache(maxsize=2)
def _head_forms(lang: str) -> dict[str, frozenset[str]]:
    return _forms_of(_ORG_HEADS, lang)


@functools.lru_cache(maxsize=2)
def _title_forms(lang: str) -> dict[str, frozenset[str]]:
    return _forms_of(_TITLE_HEADS, lang)


@functools.lru_cache(maxsize=2)
def _verb_forms(lang: str) -> dict[str, frozenset[str]]:
    """Forms of the verbs and nouns whose object is a place ("обстріляли" -> обстріляти)."""
    return _forms_of(_ATTACK_WORDS | _CAPTURE_WORDS, lang)


def _segment_language(doc, i: int, j: int, lang: str) -> str:
    """The language of the sentence or quotation around run ``[i, j)``: the text's, unless
    the segment has more letters of the other alphabet than of its own (a Russian quotation
    in a Ukrainian article, «В Белгородской области ...»), so that each is read with its own
    dictionary."""
    bounds = doc.__dict__.get("_cyr_bounds")
    if bounds is None:
        bounds = doc.__dict__["_cyr_bounds"] = [
            m.start() for m in _SEGMENT_END_RE.finditer(doc.text)
        ]
        doc.__dict__["_cyr_seg_lang"] = {}
    a = bisect.bisect_left(bounds, doc.toks.starts[i])
    b = bisect.bisect_left(bounds, doc.toks.ends[j - 1])
    lo = bounds[a - 1] + 1 if a else 0
    hi = bounds[b] if b < len(bounds) else len(doc.text)
    memo = doc.__dict__["_cyr_seg_lang"]
    out = memo.get(lo)
    if out is None:
        other = "ru" if lang == "uk" else "uk"
        seg = doc.text[lo:hi]
        mine = len(_OTHER_LETTERS[other].findall(seg))
        theirs = len(_OTHER_LETTERS[lang].findall(seg))
        out = memo[lo] = other if theirs > mine else lang
    return out


def direction_town(doc, word: str, langs: tuple[str, ...]) -> str | None:
    """The key of the town a front's direction is named after, from its adjective
    ("Покровському" -> Покровськ, "Курахівському" -> Курахове, "Курахском" -> Курахово,
    "Торецькому" -> Торецьк): the most populous settlement of span finder's document ``doc``'s
    gazetteer that one of the usual stems gives (:func:`town_stems`), else None."""
    from ._morph import adjective_nominatives

    a = doc.gaz._a
    best, best_pop = None, -1
    low = word.lower()
    for lang in langs:
        for adj in adjective_nominatives(low, lang, "masc", "sing") or (low,):
            for cand in town_stems(adj):
                for rec, _t in doc._lookup(normalize(cand)):
                    if a.kind.item(rec) == 0 and a.pop.item(rec) > best_pop:
                        best, best_pop = normalize(cand), a.pop.item(rec)
        if best:
            return best
    return best
