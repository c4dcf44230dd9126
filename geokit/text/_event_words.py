"""Event words of Ukrainian and Russian news: event types, casualties, actors and dates.

Ukrainian and Russian inflect every word ("обстріляли", "обстрілу", "обстрілів"; "троих
погибших", "двоє загиблих"), so the event and casualty words are matched on dictionary forms
(lemmas) that pymorphy3 gives (:mod:`geokit.text._morph`), not on hand-written endings. Fixed
phrases ("взяли під контроль", "в ночь на 14 марта") and calendar words, whose few forms are
known, are matched as patterns on the lower-case text.

The event types follow ACLED's ``event_type`` / ``sub_event_type`` and the English rules of
:mod:`geokit.text.events`, in the same order (the first rule that matches wins).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

from ._dates import safe_date as _date
from ._dates import year_for as _year_for
from ._morph import _raw

__all__ = ["CYR_EVENT_RULES", "REGIONAL_AUTHORITIES", "actor_spans", "actors",
           "authority_region", "casualties", "classify", "lemmas", "resolve_date", "tokens"]

#: Verbs of taking away and of moving people out ("вивезли", "вывозят", "відселили"), and
#: the people they take: together they report an evacuation.
_TAKE_AWAY = r"вивез\w*|вивоз\w*|вывез\w*|вывоз\w*|відсел\w*|отсел\w*"
_PEOPLE = (r"мешкан\w*|жител\w*|люд\w*|дітей|дети|детей|діти|цивільн\w*|мирн\w+ жител\w*|"
           r"населен\w*|сім'\w*|семь\w*|родин\w*|пенсіонер\w*|пенсионер\w*|"
           r"маломобільн\w*|маломобильн\w*")

#: ``(event_type, sub_event_type, lemmas, phrase pattern, needs context)``: a sentence matches
#: a rule when one of its words has one of the lemmas (Ukrainian or Russian) or the pattern
#: matches its lower-case text; a rule that needs context also needs a word about troops or
#: territory in the sentence (:data:`_MILITARY_CONTEXT`), because its words have everyday
#: senses too ("звільнили з посади": dismissed; "зайняли перше місце"; "прорив у реформах";
#: "наступ весни"; "колона" in a newspaper).
CYR_EVENT_RULES: tuple[tuple[str, str, frozenset[str], str | None, bool], ...] = (
    ("Strategic developments", "Air defence", frozenset(
        "збити перехопити перехоплення знешкодити сбить перехватить перехват".split()),
     r"\b(?:ппо|пво|протиповітрян\w+ оборон\w+|противовоздушн\w+ оборон\w+|"
     r"мобільн\w+ вогнев\w+ груп\w+)\b.{0,60}\b(?:знищ\w+|уничтож\w+|відбил\w+|отразил\w+|"
     r"приземлил\w+|подавил\w+)", False),
    ("Battles", "Government regains territory", frozenset(
        "звільнити звільнення деокупувати деокупація освободить освобождение".split()),
     r"\b(?:поверну\w+|поверта\w+|верну\w+|возвра\w+) (?:\w+ )?(?:під|под) (?:свій |свой )?"
     r"контрол", True),
    ("Battles", "Non-state actor overtakes territory", frozenset(
        "захопити захоплення окупувати зайняти увійти просунутися захватить оккупировать "
        "занять войти продвинуться".split()),
     r"\b(?:взя\w+|взя|взято|беру\w*|бер[её]\w*|встанов\w+|установ\w+) (?:\w+ )?(?:під|под) "
     r"(?:свій |свой |повний |полный )?контрол", True),
    ("Strategic developments", "Non-violent transfer of territory", frozenset(
        "відступити відступ відійти отступить отступление отойти".split()),
     r"\b(?:залиши\w+|покину\w+|остави\w+) (?:\w+ )?(?:місто|село|селище|позиції|город|"
     r"поселок|посёлок|позиции)\b", True),
    ("Strategic developments", "Evacuation/displacement", frozenset(
        "евакуація евакуювати евакуйований евакуаційний біженець переселенець "
        "эвакуация эвакуировать эвакуированный эвакуационный беженец переселенец".split()),
     r"\b(?:евакуй\w+|эвакуир\w+|виїхати|выехать|покину\w+ (?:свої |свои )?(?:домівк|дом))|"
     # "вивезли мешканців", "жителей вывозят": taking people away (not "вивезли зерно")
     rf"\b(?:{_TAKE_AWAY}) (?:\w+ ){{0,3}}(?:{_PEOPLE})|\b(?:{_PEOPLE}) (?:\w+ ){{0,2}}"
     rf"(?:{_TAKE_AWAY})",
     False),
    ("Explosions/Remote violence", "Air/drone strike", frozenset(
        "дрон безпілотник бпла бпла-камікадзе шахед герань каб авіабомба авіаудар бомба "
        "бомбардування бомбити авіація fpv ланцет беспилотник авиабомба авиаудар "
        "бомбардировка бомбить авиация".split()),
     r"\bбпла\b|\bfpv\b|\bкаб(?:ами|ом|и|ів|ов)?\b", False),
    # "удар" alone is any blow: a strike is "удар по ...", "ракетний удар", "завдали удару"
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", frozenset(
        "обстріл обстріляти обстрілювати артилерія артилерійський ракета ракетний міномет "
        "мінометний снаряд приліт рсзв град іскандер обстрел обстрелять обстреливать ракетный "
        "артиллерия артиллерийский миномёт миномет миномётный снаряд прилёт рсзо "
        "искандер".split()),
     r"\b(?:завда\w+|нан[оеё]с\w*) (?:\w+ )?удар|\bудар\w* (?:\w+ )?по\b|"
     r"\bудари\w* (?:\w+ )?по\b", False),
    ("Violence against civilians", "Attack", frozenset(
        "стратити розстріляти викрасти катувати заручник расстрелять казнить похитить "
        "пытать заложник".split()), None, False),
    # "зіткнення"/"столкновение" alone is any collision (cars, football fans)
    ("Battles", "Armed clash", frozenset(
        "бій бой боєзіткнення боестолкновение штурмувати штурмовать контратака дрг".split()),
     r"\b(?:перетну\w+|перетина\w+|пересе\w+|пересека\w+) (?:\w+ )?(?:кордон|границ)|"
     r"\bбойов\w+ (?:дії|дій|діях|зіткнен\w*)|\bзбройн\w+ (?:зіткнен\w*|сутич\w*)|"
     r"\bбоев\w+ (?:действи\w*|столкновени\w*)|\bвооруж[её]нн\w+ столкновени\w*|"
     # "атакував позиції", "відбили 12 атак": ground attacks (an attack alone may be remote)
     r"\bатак\w* (?:\w+ )?(?:на )?позиц\w+|\b(?:відби|отби|отрази|відбива|отбива)\w* "
     r"(?:\w+ ){0,2}атак\w*", False),
    ("Battles", "Armed clash", frozenset(
        "штурм штурмовий штурмовой наступ наступление прорив прорыв зіткнення "
        "столкновение".split()), None, True),
    # "угода"/"соглашение" alone is most often a commercial contract: only peace and ceasefire
    # agreements count
    ("Strategic developments", "Diplomacy/negotiations", frozenset(
        "переговори перемир'я саміт переговоры перемирие саммит".split()),
     r"\b(?:мирн\w+ (?:угод|договор|соглашени|план)|угод\w* про (?:припинення вогню|перемир|мир\b)|"
     r"соглашени\w* о (?:прекращении огня|перемирии|мире\b)|припинен\w+ вогню|"
     r"прекращени\w+ огня)", False),
    ("Strategic developments", "Troop movements", frozenset(
        "підкріплення перекинути передислокація колона подкрепление перебросить "
        "передислокация колонна".split()), None, True),
)
_RULE_RES = [(t, s, lem, re.compile(p) if p else None, ctx)
             for t, s, lem, p, ctx in CYR_EVENT_RULES]

_TOKEN_RE = re.compile(r"\d+|[^\W\d_]+(?:['-][^\W\d_]+)*")
_APOSTROPHES = str.maketrans("’ʼ`´", "''''")


def normalise(text: str) -> str:
    """Lower case with one apostrophe ("п’ять" and "пʼять" -> "п'ять"); same length."""
    return text.translate(_APOSTROPHES).lower()


@functools.lru_cache(maxsize=100_000)
def lemmas(word: str, lang: str) -> frozenset[str]:
    """Dictionary forms (lower case) of a lower-case word form, the form itself included; a
    word the language's dictionary does not know is looked up in the other language's (a
    Russian quotation in a Ukrainian article: "атаки беспилотника", and the reverse)."""
    out = {word}
    if word.isdigit():
        return frozenset(out)
    parses = _raw(word, lang)[:4]
    if lang in _OTHER and all(p.tag.POS is None for p in parses):
        parses = _raw(word, _OTHER[lang])[:4]
    for p in parses:
        if p.tag.POS is not None:
            out.add(p.normal_form)
    return frozenset(out)


_OTHER = {"uk": "ru", "ru": "uk"}


@functools.lru_cache(maxsize=100_000)
def _is_singular_past(word: str, lang: str) -> bool:
    """A verb in the singular past ("загинула", "постраждав") or a singular short participle
    ("ранен"): one person."""
    for p in _raw(word, lang)[:3]:
        grams = p.tag.grammemes
        if "plur" not in grams and (
            ("VERB" in grams and "past" in grams) or ("PRTS" in grams and "sing" in grams)
        ):
            return True
    return False


@functools.lru_cache(maxsize=100_000)
def _person_number(word: str, lang: str) -> str | None:
    """``"sing"`` for a noun for one person ("жінку", "бійця", "мужчина"), ``"plur"`` for
    people ("людей"), None for other words."""
    persons = [p.tag.grammemes for p in _raw(word, lang)[:3]
               if {"NOUN", "anim"} <= p.tag.grammemes]
    if not persons:
        return None
    # "мешканці" is also the dative of "мешканка": any plural reading makes it people
    return "plur" if any("plur" in g or "Pltm" in g for g in persons) else "sing"


def tokens(low: str) -> list[tuple[int, str]]:
    """``(offset, word)`` of each word or number of normalised text."""
    return [(m.start(), m.group()) for m in _TOKEN_RE.finditer(low)]


def classify(sentence: str, lang: str) -> tuple[str, str] | None:
    """ACLED ``(event_type, sub_event_type)`` of a Ukrainian or Russian sentence, else None."""
    low = normalise(sentence)
    found: set[str] = set()
    for _pos, w in tokens(low):
        found |= lemmas(w, lang)
    military = None
    for etype, sub, lem, rx, needs_context in _RULE_RES:
        if found & lem or (rx is not None and rx.search(low)):
            if needs_context:
                if military is None:
                    military = bool(_MILITARY_CONTEXT.search(low))
                if not military:
                    continue
            return etype, sub
    return None


#: Words about troops or territory (see :data:`CYR_EVENT_RULES`).
_MILITARY_CONTEXT = re.compile(
    r"\b(?:військ\w*|армі\w+|арми\w+|войск\w*|военн\w+|сил\w* оборони|зсу|всу|зс рф|вс рф|"
    r"окупант\w*|оккупант\w*|окупаці\w*|оккупаци\w*|ворог\w*|противник\w*|штурм\w*|"
    r"підрозділ\w*|подразделени\w*|бригад\w*|десант\w*|бійц\w*|бойц\w*|фронт\w*|"
    r"генштаб\w*|міноборони|минобороны|село|селище|населен\w+ пункт\w*|територі\w*|"
    r"территори\w*|позиці\w*|позици\w*|плацдарм\w*|поселок|посёлок|деревн\w+|бо[їий]|"
    r"бойов\w+|боев\w+)\b")


# --- numbers and casualties -------------------------------------------------------------

_NUMBERS = {w: n for n, ws in {
    1: "один одна одне одно", 2: "два дві две двоє двое", 3: "три троє трое",
    4: "чотири четыре четверо", 5: "п'ять пять п'ятеро пятеро", 6: "шість шесть шестеро",
    7: "сім семь семеро", 8: "вісім восемь восьмеро", 9: "дев'ять девять дев'ятеро девятеро",
    10: "десять десятеро", 11: "одинадцять одиннадцать", 12: "дванадцять двенадцать",
    13: "тринадцять тринадцать", 14: "чотирнадцять четырнадцать",
    15: "п'ятнадцять пятнадцать", 16: "шістнадцять шестнадцать", 17: "сімнадцять семнадцать",
    18: "вісімнадцять восемнадцать", 19: "дев'ятнадцять девятнадцать",
    20: "двадцять двадцать", 30: "тридцять тридцать", 40: "сорок",
    50: "п'ятдесят пятьдесят", 60: "шістдесят шестьдесят", 70: "сімдесят семьдесят",
    80: "вісімдесят восемьдесят", 90: "дев'яносто девяносто", 100: "сто",
}.items() for w in ws.split()}
#: A number followed by one of these counts something else ("12 березня", "5 км").
_NOT_COUNT = re.compile(r"^(?:січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд|"
                        r"январ|феврал|март|апрел|ма[йяе]$|июн|июл|август|сентябр|октябр|"
                        r"ноябр|декабр|рок|рік|рр|год|лет|км|кілометр|километр|метр|м$|"
                        r"хвилин|минут|годин|час|дн|день|тиж|недел|міс|месяц|відсот|процент|"
                        r"річн|летн|літн|"
                        r"%|тис|млн|млрд)")
_DEATH = frozenset("загиблий загинути загибель вбитий вбити убитий убити жертва погибший "
                   "погибнуть погибать гибель убитый убить".split())
_INJURY = frozenset("поранений поранити поранення травмований травмувати травмуватися "
                    "постраждалий постраждати ранений раненый ранить ранение травмированный "
                    "травмировать пострадавший пострадать".split())
_WINDOW = 4


def _number_at(toks: list[tuple[int, str]], i: int, lang: str) -> int | None:
    """The number that token ``i`` starts ("5", "двоє", "двадцять п'ять"), else None."""
    w = toks[i][1]
    nxt = toks[i + 1][1] if i + 1 < len(toks) else ""
    if w.isdigit():
        return None if _NOT_COUNT.match(nxt) else int(w)
    value = _numeral(w, lang)
    if value is None:
        return None
    if 20 <= value < 100 and value % 10 == 0 and nxt:
        unit = _numeral(nxt, lang)
        if unit is not None and unit < 10:
            value += unit
    return value


def _numeral(word: str, lang: str) -> int | None:
    if word in _NUMBERS:
        return _NUMBERS[word]
    for lem in lemmas(word, lang):
        if lem in _NUMBERS:
            return _NUMBERS[lem]
    return None


def _count_near(low: str, toks, k: int, lang: str) -> int | None:
    """The number stated next to casualty word ``k``: the nearest one before it, else after
    it, within a few words and without crossing a comma or another casualty word."""
    for step, stop in ((-1, max(-1, k - 1 - _WINDOW)), (1, min(len(toks), k + 1 + _WINDOW))):
        prev = k
        for j in range(k + step, stop, step):
            a, b = sorted((prev, j))
            if re.search(r"[,;:]", low[toks[a][0]:toks[b][0]]):
                break
            if j != k and lemmas(toks[j][1], lang) & (_DEATH | _INJURY):
                break
            n = _number_at(toks, j, lang)
            if n is not None:
                return n
            prev = j
    if _is_singular_past(toks[k][1], lang):
        return 1
    if any("plur" in p.tag.grammemes for p in _raw(toks[k][1], lang)[:3]):
        return None
    # "поранено жінку", "травмовано 52-річного жителя": the person the impersonal verb names
    for j in (k + 1, k + 2, k + 3, k - 1):
        if not 0 <= j < len(toks) or re.search(
                r"[,;:.]", low[toks[min(j, k)][0]:toks[max(j, k)][0]]):
            continue
        number = _person_number(toks[j][1], lang)
        if number:
            return 1 if number == "sing" else None
    return None


def casualties(sentence: str, lang: str) -> tuple[int | None, int | None]:
    """``(killed, injured)`` that a Ukrainian or Russian sentence states, None when it does
    not ("двоє загиблих і п'ятеро поранених" -> (2, 5); "загинула жінка" -> (1, None))."""
    low = normalise(sentence)
    toks = tokens(low)
    killed = injured = None
    for k, (_pos, w) in enumerate(toks):
        lem = lemmas(w, lang)
        if killed is None and lem & _DEATH:
            killed = _count_near(low, toks, k, lang)
        elif injured is None and lem & _INJURY:
            injured = _count_near(low, toks, k, lang)
    return killed, injured


# --- actors -----------------------------------------------------------------------------

_RU_TROOPS = (r"військ\w*|військов\w+|армі\w+|сил\w*|окупант\w*|підрозділ\w*|солдат\w*|"
              r"десант\w*|штурмовик\w*|бійц\w*|дрг|войск\w*|военн\w+|арми\w+|подразделени\w*|"
              r"бойц\w*|военнослужащ\w*|пограничник\w*|прикордонник\w*|захисник\w*")
#: ``(pattern, body, country code)``, matched on the normalised sentence.
_ACTORS = (
    (rf"\b(?:російськ\w+|российск\w+) (?:{_RU_TROOPS})\b|\b(?:армі\w+|військ\w*|зс|збройн\w+ "
     r"сил\w*|арми\w+|войск\w*|вс|вооруж[её]нн\w+ сил\w*) (?:рф|росії|россии)\b|"
     r"\b(?:окупант\w*|оккупант\w*|рашист\w*|загарбник\w*|ворог\w*|ворож\w+)\b|\b(?:міноборони|минобороны) "
     r"(?:рф|росії|россии)\b", "Military Forces", "RU"),
    (rf"\b(?:українськ\w+|украинск\w+) (?:{_RU_TROOPS})\b|\b(?:зсу|всу)\b|\bсил\w* оборони\b|"
     r"\b(?:збройн\w+ сил\w*|вооруж[её]нн\w+ сил\w*) (?:україни|украины)\b|\bппо\b|"
     r"\bповітрян\w+ сил\w*\b", "Military Forces", "UA"),
    (r"\b(?:ова|ода|дснс|військов\w+ адміністраці\w+|обласн\w+ державн\w+ адміністраці\w+|"
     r"українськ\w+ влад\w+|влад\w+ україни|украинск\w+ власт\w+|власт\w+ украины)\b",
     "Government", "UA"),
    (r"\b(?:російськ\w+ влад\w+|влад\w+ росії|российск\w+ власт\w+|власт\w+ россии|"
     r"мчс россии)\b", "Government", "RU"),
)
#: A region's adjective ("сумської", "курской", "донецька"): what names the region in the
#: titles of its authorities.
_REGION_ADJ = r"[а-яіїєґё'-]+(?:ськ|цьк|зьк|ск|цк|зк)\w+"
#: The authorities of a region, whichever country it is in ("влада Сумської області",
#: "власти Курской области", "Харківська ОДА", "Курской областной администрации"): the
#: country comes from the place the phrase names (:func:`actors`).
REGIONAL_AUTHORITIES = re.compile(
    rf"\b(?:влад\w*|власт\w*|керівництв\w*|руководств\w*|губернатор\w*|адміністраці\w*|"
    rf"администраци\w*) (?:{_REGION_ADJ} )+(?:област\w*|обл\.|кра[йюяе]\w*|район\w*)|"
    rf"\b{_REGION_ADJ} (?:(?:ова|ода|одва|рва|рда|рдва)\b|облдержадміністраці\w*|"
    r"обладміністраці\w*|райдержадміністраці\w*|облгосадминистраци\w*|"
    r"(?:обласн|районн|областн)\w+ (?:(?:державн|військов|государственн)\w+ )?"
    r"(?:адміністраці|администраци)\w*)")
_ACTOR_RES = [(re.compile(p), body, cc) for p, body, cc in _ACTORS]
_ACTOR_RES.append((REGIONAL_AUTHORITIES, "Government", ""))


def actor_spans(sentence: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, body, country code)`` of each actor phrase in a Ukrainian or Russian
    sentence, in order of appearance; the country code is empty for a region's authorities
    (:data:`REGIONAL_AUTHORITIES`), whose country is that of the region."""
    low = normalise(sentence)
    return sorted((m.start(), m.end(), body, cc) for rx, body, cc in _ACTOR_RES
                  for m in rx.finditer(low))


_LEVEL_RE = re.compile(r"\b(?:(ова|ода|одва|обл\w*|област\w*)|(кра[йюяе]\w*))\b")


def authority_region(phrase: str, lang: str) -> str | None:
    """The region whose authorities a phrase of :data:`REGIONAL_AUTHORITIES` names, as a name
    to look up ("Сумська ОВА" -> "Сумська область", "Курской областной администрации" ->
    "Курская область", "Сокирянська РДА" -> "Сокирянський район"); None when no adjective
    gives one."""
    from ._morph import adjective_nominatives

    low = normalise(phrase)
    level = _LEVEL_RE.search(low)
    region, gender = (
        ("область", "femn") if level and level[1] else ("край", "masc") if level else
        ("район", "masc"))
    words = []
    for w in low.split():
        if _LEVEL_RE.fullmatch(w) or not re.fullmatch(_REGION_ADJ, w):
            continue
        if re.match(r"(?:обласн|областн|районн|військов|державн|государствен)", w):
            continue  # the administration's own words
        nom = adjective_nominatives(w, lang, gender, "sing")
        if nom:
            words.append(nom[0].capitalize())
    return f"{' '.join(words)} {region}" if words else None


def actors(sentence: str, places: Iterable[tuple[int, int, str]] = ()
           ) -> list[tuple[str, str]]:
    """``(body, country code)`` of the actors a Ukrainian or Russian sentence names, in order
    of appearance ("ЗСУ" -> ("Military Forces", "UA"), "окупанти" -> ("Military Forces",
    "RU")). The authorities of a region ("власти Курской области") take the country of the
    place found inside the phrase: ``places`` holds ``(start, end, country code)`` of the
    sentence's places (offsets into ``sentence``); without one they are left out."""
    places = list(places)
    out: list[tuple[str, str]] = []
    for start, end, body, cc in actor_spans(sentence):
        if not cc:
            cc = next((c for a, b, c in places if c and a < end and start < b), "")
            if not cc:
                continue
        if (body, cc) not in out:
            out.append((body, cc))
    return out


# --- dates ------------------------------------------------------------------------------

_MONTH_STEMS = (
    ("січ", "январ"), ("лют", "феврал"), ("берез", "март"), ("квіт", "апрел"),
    ("трав", "ма"), ("черв", "июн"), ("лип", "июл"), ("серп", "август"),
    ("верес", "сентябр"), ("жовт", "октябр"), ("листопад", "ноябр"), ("груд", "декабр"),
)
_MONTH = (r"(січ(?:ень|ня|ні)|лют(?:ий|ого|ому)|берез(?:ень|ня|ні)|квіт(?:ень|ня|ні)|"
          r"трав(?:ень|ня|ні)|черв(?:ень|ня|ні)|лип(?:ень|ня|ні)|серп(?:ень|ня|ні)|"
          r"верес(?:ень|ня|ні)|жовт(?:ень|ня|ні)|листопад[аі]?|груд(?:ень|ня|ні)|"
          r"январ[ьяе]|феврал[ьяе]|март[аеу]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|"
          r"август[аеу]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])\b")
_YEAR = r"(?:\s+(\d{4})(?:\s*(?:року|р\.|года|г\.))?)?"
_ORDINAL = r"(?:-?(?:го|е|і|ого|те|ге|ое|ье))?"
_NIGHT_DAY_RE = re.compile(r"\b(?:(?:в|у) (?:ніч|ночь)|вночі|уночі|ночью)\b[^.]{0,25}?\b"
                           r"(?:на|проти|против) (\d{1,2})" + _ORDINAL + " " + _MONTH + _YEAR)
_DAY_MONTH_RE = re.compile(r"(?<![\d.])(\d{1,2})" + _ORDINAL + " " + _MONTH + _YEAR)
_NUMERIC_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b")
#: "14.03" without a year (decimals are written with a comma in Ukrainian and Russian).
_NUMERIC_SHORT_RE = re.compile(r"(?<![\d])(?<![\d][.,])(\d{1,2})\.(0[1-9]|1[0-2])(?![\d]|[.,]\d)")
_CLOCK_BEFORE = re.compile(r"(?:^|\s)(?:о|об|в|во|около|близько|приблизно|примерно|до|після|"
                           r"после|з|с)\s*$")
_SINCE_BEFORE = re.compile(r"(?:^|\s)(?:з|із|зі|від|с|со|от)\s*$")
_MONTH_ONLY_RE = re.compile(r"\b(?:в|у|во|минулого|прошлого|торік у|торік в) " + _MONTH
                            + r"(?:\s+(минулого року|прошлого года|(\d{4})))?")
_WEEKDAYS = (r"понеділ\w*|понедельник\w*", r"вівтор\w*|вторник\w*", r"серед[уи]|сред[уы]",
             r"четвер(?:га|гу|г|ом)?", r"п'ятниц\w*|пятниц\w*", r"субот\w*|суббот\w*",
             r"неділ\w*|воскресень\w*")
_WEEKDAY_RE = re.compile(r"\b(в|у|во|на|минул\w+|прошл\w+|ц\w+|эт\w+)\s+(?:(?:\w+)\s+)?("
                         + "|".join(_WEEKDAYS) + r")\b")
_WEEKDAY_ONE = [re.compile(rf"^(?:{w})$") for w in _WEEKDAYS]
_AGO_RE = re.compile(r"\b(\d+|\w+) (?:дн\w+|день) (?:тому|назад)\b")


def _month_no(word: str) -> int:
    for i, (uk, ru) in enumerate(_MONTH_STEMS):
        if word.startswith(uk) or word.startswith(ru):
            return i + 1
    return 0


def resolve_date(sentence: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """Date and precision of the event a Ukrainian or Russian sentence reports.

    "14 березня", "14 марта 2025 года", "14.03.2025", "в ночь на 14 марта" (the 14th),
    "вчора"/"вчера", "позавчора", "у неділю"/"в воскресенье", "минулого тижня", "у серпні"
    are resolved against ``published``; a date after "з"/"с"/"від" ("since") is skipped.
    Without any expression the publication date is used with precision ``"days"``.
    """
    low = normalise(sentence)
    m = _NIGHT_DAY_RE.search(low)
    if m:
        month = _month_no(m[2])
        d = _date(int(m[3]) if m[3] else _year_for(month, int(m[1]), published), month,
                  int(m[1]))
        if d:
            return d, "day"
    for m in _NUMERIC_RE.finditer(low):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        d = _date(year, int(m[2]), int(m[1]))
        if d and not _SINCE_BEFORE.search(low[:m.start()]):
            return d, "day"
    for m in _NUMERIC_SHORT_RE.finditer(low):
        if _CLOCK_BEFORE.search(low[:m.start()]):
            continue  # "о 05.10", "около 14.30": a time of day
        month, day = int(m[2]), int(m[1])
        d = _date(_year_for(month, day, published), month, day)
        if d and not _SINCE_BEFORE.search(low[:m.start()]):
            return d, "day"
    for m in _DAY_MONTH_RE.finditer(low):
        if _SINCE_BEFORE.search(low[:m.start()]):
            continue
        month = _month_no(m[2])
        d = _date(int(m[3]) if m[3] else _year_for(month, int(m[1]), published), month,
                  int(m[1]))
        if d:
            return d, "day"
    if published is None:
        return None, None
    return _relative(low, published)


def _relative(low: str, pub: dt.date) -> tuple[dt.date, str]:
    if re.search(r"\bпозавчор\w*|\bпозавчер\w*", low):
        return pub - dt.timedelta(days=2), "day"
    if re.search(r"\b(?:вчора|учора|вчера|минулої ночі|минулої ночи|прошлой ночью)\b", low):
        return pub - dt.timedelta(days=1), "day"
    m = _AGO_RE.search(low)
    if m:
        n = int(m[1]) if m[1].isdigit() else _NUMBERS.get(m[1])
        if n:
            return pub - dt.timedelta(days=n), "day"
    if re.search(r"\b(?:минулого|на минулому|прошлой|на прошлой) (?:тижня|тижні|неделе)\b", low):
        return pub - dt.timedelta(days=7), "week"
    if re.search(r"\b(?:минулого|в минулому|прошлого|в прошлом) (?:місяця|місяці|месяца|месяце)"
                 r"\b", low):
        return (pub.replace(day=1) - dt.timedelta(days=1)).replace(day=1), "month"
    m = _WEEKDAY_RE.search(low)
    if m:
        target = next(i for i, rx in enumerate(_WEEKDAY_ONE) if rx.match(m[2]))
        back = (pub.weekday() - target) % 7
        if re.search(r"\b(?:минул|прошл)", m.group()) and back == 0:
            back = 7
        return pub - dt.timedelta(days=back), "day"
    for m in _MONTH_ONLY_RE.finditer(low):
        if _SINCE_BEFORE.search(low[:m.start()]):
            continue
        month = _month_no(m[1])
        if m[3]:
            year = int(m[3])
        elif m[2] or m.group().startswith(("минулого", "прошлого", "торік")):
            year = pub.year - 1 if month >= pub.month else pub.year
            if m[2]:
                year = pub.year - 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        return dt.date(year, month, 1), "month"
    if re.search(r"\b(?:сьогодні|сегодня|вночі|ночью|цієї ночі|этой ночью|зранку|вранці|уранці|"
                 r"утром|ввечері|вечером|нині)\b", low):
        return pub, "day"
    return pub, "days"
