"""Events from news text: one row per sentence that reports a locatable event.

Each sentence is classified by keyword rules into an ACLED-style ``event_type`` /
``sub_event_type``, dated against the publication date ("on Thursday", "yesterday", "last
August", "12 March"), placed at its most specific place mention (resolved with the whole
article as context by :func:`geokit.text.extract_places`), and given actors ("Russian
forces") and fatalities when the sentence states them.

English, Ukrainian and Russian are understood; the language is detected per text (or given as
``lang=``). The Ukrainian and Russian words live in :mod:`geokit.text._event_words`. In every
language the date and place come from the clause that reports the event, not from a clause
about an earlier one (:mod:`geokit.text._clauses`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import geopandas as gpd
import pandas as pd

from ..errors import GeokitTypeError, GeokitValueError
from ..gazetteer import default
from ..models import Mention
from ..schema import EVENT_COLUMNS as _CANON
from ..schema import conform
from . import _event_words
from ._clauses import mask, subordinate_spans
from ._dates import YEARS as _YEARS
from ._dates import safe_date as _safe_date
from ._dates import year_for as _year_for
from ._lexicon import DEMONYMS
from ._morph import language as _cyrillic_language
from .places import extract_places

__all__ = ["extract_events", "EVENT_RULES", "LANGUAGES", "TEXT_EVENT_COLUMNS"]

#: Columns added after the canonical event columns (``injured``: people wounded or hurt, as
#: the sentence states).
TEXT_EVENT_COLUMNS = ("sentence", "start", "end", "injured")
#: Values of ``lang=`` (``"auto"``: detect per text).
LANGUAGES = ("auto", "en", "uk", "ru")

#: ``(event_type, sub_event_type, pattern)``; the first rule that matches a sentence wins.
EVENT_RULES: tuple[tuple[str, str, str], ...] = (
    ("Strategic developments", "Air defence",
     r"\b(?:shot down|downed|intercepted|air defen[cs]es? (?:destroyed|repelled|engaged)|"
     r"were destroyed over)\b"),
    ("Battles", "Government regains territory",
     r"\b(?:recaptur\w*|retook|retaken|regain\w*|liberat\w*|took back|pushed (?:\w+ )?out of)\b"),
    ("Battles", "Non-state actor overtakes territory",
     r"\b(?:captur\w*|seiz\w*|took control|taken control|occup(?:y|ied)|overran|advanced into|"
     r"entered)\b"),
    ("Strategic developments", "Non-violent transfer of territory",
     r"\b(?:withdr[ae]w|withdrawn|retreated|pulled (?:back|out) of)\b"),
    ("Strategic developments", "Evacuation/displacement",
     r"\b(?:evacuat\w*|displaced|fled|flee\w*|refugees?|relocat\w*|"
     r"(?:ordered|told|forced|urged) (?:\w+ ){0,3}to leave)\b"),
    ("Explosions/Remote violence", "Air/drone strike",
     r"\b(?:drones?|uavs?|air ?strikes?|glide bombs?|bombs?|bombed|bombing|aerial)\b"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     r"\b(?:shell\w*|artillery|missiles?|rockets?|mortars?|mlrs|struck|strikes?|barrage)\b"),
    # after the strike rules: as in ACLED, civilians killed by shelling or a drone are a
    # strike (remote violence), not violence against civilians
    ("Violence against civilians", "Attack",
     r"\b(?:executed|abduct\w*|kidnapp\w*|tortur\w*|hostages?|shot dead (?:\w+ )?civilians?|"
     r"civilians? (?:were |was )?(?:killed|shot|murdered))\b"),
    ("Battles", "Armed clash",
     r"\b(?:clash\w*|fighting|fought|battles?|assaults?|offensive|incursion|attack(?:ed|s)? "
     r"(?:positions|troops)|repelled|firefight|crossed the border|cross-border (?:raid|attack))\b"),
    ("Strategic developments", "Diplomacy/negotiations",
     r"\b(?:talks|negotiat\w*|ceasefire|truce|summit|peace (?:deal|plan|agreement)|"
     r"met with|agreement|envoy|delegation)\b"),
    ("Strategic developments", "Troop movements",
     r"\b(?:reinforcements?|deploy\w*|redeploy\w*|convoys?|troop build-?up|"
     r"(?:troops|forces|units) (?:moved|arrived|massed|were sent))\b"),
)
_RULES = [(t, s, re.compile(p, re.I)) for t, s, p in EVENT_RULES]

_SENT_RE = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s|$)|$|(?=\n))")
_ABBREV_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|St|U\.S|U\.K|No|vs|approx|"
                         r"с|м|смт|пгт|обл|г|пос|вул|ул|ім|им|тис|ст|ген|р-н|с-ще|"
                         r"[А-ЯІЇЄҐ])\.$")

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MON = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {m: i + 1 for i, m in enumerate(_MONTHS)}
_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
            r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY_MONTH_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH_RE})\.?(?:,? (\d{{4}}))?\b",
                           re.I)
_MONTH_DAY_RE = re.compile(rf"\b({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?\b",
                           re.I)
_MONTH_YEAR_RE = re.compile(rf"\b(?:in |since |last |this )?({_MONTH_RE}) (\d{{4}})\b", re.I)
_LAST_MONTH_RE = re.compile(rf"\b(last|in|this|early|late|mid-?) ({_MONTH_RE})\b", re.I)
_WEEKDAY_RE = re.compile(r"\b(?:on |last |this |early |late )?(" + "|".join(_WEEKDAYS) + r")\b",
                         re.I)
_ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_NUM = r"(\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r")"
_FATAL_RES = (
    re.compile(_NUM + r"\s+(?:\w+\s+){0,3}?(?:were|was|have been|had been)?\s*"
               r"(?:killed|dead|died|slain)\b", re.I),
    re.compile(r"\b(?:killing|killed|kills|executed|executing|shot dead)\s+(?:at least\s+)?"
               + _NUM + r"\b", re.I),
    re.compile(r"\bdeath toll (?:\w+\s+){0,3}?(?:to|of|at)\s+" + _NUM + r"\b", re.I),
)
_INJURED_RES = (
    re.compile(_NUM + r"\s+(?:\w+\s+){0,3}?(?:were|was|have been|had been)?\s*"
               r"(?:injured|wounded|hurt)\b", re.I),
    re.compile(r"\b(?:injuring|wounding|injured|wounded)\s+(?:at least\s+)?" + _NUM + r"\b",
               re.I),
)
_ACTOR_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(d) for d in DEMONYMS), key=len, reverse=True))
    + r")\s+(forces|troops|army|military|soldiers|units|air defen[cs]es?|drones|aircraft|"
      r"navy|officials|authorities|border guards|marines|paratroopers)\b", re.I)
_NEAR_RE = re.compile(r"\b(?:near|outside|around|close to|on the outskirts of|north of|south of|"
                      r"east of|west of)\s+(?:the\s+)?$", re.I)
#: The same in Ukrainian and Russian ("біля", "під", "в районі", "на околицях", "под",
#: "в окрестностях"), on the lower-case text before the place.
_NEAR_CYR_RE = re.compile(
    r"(?:^|\s)(?:біля|поблизу|неподалік(?: від)?|під|поруч(?: із| з)?|на підступах до|"
    r"в районі|у районі|на околицях|на околиці|в околицях|возле|около|под|вблизи|"
    r"недалеко от|в районе|в окрестностях|на окраине|на окраинах|на подступах к)\s+$")
#: A front's direction ("на Покровському напрямку"): the town it is named after stands for it.
_DIRECTION_RE = re.compile(r"\s(?:напрям\w*|направлени\w*)$", re.I)
_LOC_PRECISION = {"populated_place": "exact", "admin2": "admin2", "admin1": "admin1",
                  "country": "country"}
_KIND_RANK = {"populated_place": 0, "admin2": 1, "admin1": 2, "country": 3}
#: A settlement this many times the population of another one named in the same region is the
#: city the report locates the other by ("Krasnopillia, 40 km from Sumy").
_CITY_RATIO = 10


def _sentences(text: str) -> list[tuple[int, int]]:
    """Character ranges of sentences (abbreviations such as "Mr." do not end one)."""
    out: list[tuple[int, int]] = []
    start = None
    for m in _SENT_RE.finditer(text):
        if start is None:
            start = m.start()
        if _ABBREV_END.search(m.group()):
            continue
        s, e = start, m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        start = None
    return out


def _to_date(value: Any) -> dt.date | None:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, dt.datetime | pd.Timestamp):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            ts = pd.Timestamp(value)
        except (ValueError, TypeError) as exc:
            raise GeokitValueError(
                f"published={value!r} is not a date; use ISO form such as '2025-03-13'") from exc
        if pd.isna(ts):  # "" or "NaT": no publication date
            return None
        day = ts.date()
    else:
        raise GeokitTypeError(
            f"published must be a date or ISO string, not {type(value).__name__}")
    if day.year not in _YEARS:
        raise GeokitValueError(f"published={value!r} is outside the years "
                               f"{_YEARS.start}-{_YEARS.stop - 1} geokit can store")
    return day


_NO_DATE = dt.date(2000, 1, 1)  # a stand-in publication date: does a sentence name a date?



def resolve_date(sentence: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """Date of the event a sentence reports: ``(date, precision)``.

    Relative expressions ("yesterday", "on Thursday", "last week", "last August") are resolved
    against ``published``; without any expression the publication date is used with precision
    ``"days"`` (the event happened in the days before publication).
    """
    s = sentence
    m = _ISO_RE.search(s)
    if m:
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        if d:
            return d, "day"
    for rx, order in ((_DAY_MONTH_RE, "dm"), (_MONTH_DAY_RE, "md")):
        m = rx.search(s)
        if m:
            day, mon = (m[1], m[2]) if order == "dm" else (m[2], m[1])
            month = _MON.get(mon.lower().rstrip("."), 0) or _MON.get(mon.lower()[:3], 0)
            year = int(m[3]) if m[3] else _year_for(month, int(day), published)
            d = _safe_date(year, month, int(day))
            if d:
                return d, "day"
    m = _MONTH_YEAR_RE.search(s)
    if m:
        return dt.date(int(m[2]), _MON[m[1].lower()[:3]], 1), "month"
    low = s.lower()
    if published is not None:
        if "yesterday" in low or "last night" in low:
            return published - dt.timedelta(days=1), "day"
        if re.search(r"\b(?:today|this morning|this afternoon|this evening|overnight|tonight)\b",
                     low):
            return published, "day"
        m = re.search(r"\b(\w+) days? ago\b", low)
        if m and (m[1].isdigit() or m[1] in _NUMBER_WORDS):
            n = int(m[1]) if m[1].isdigit() else _NUMBER_WORDS[m[1]]
            return published - dt.timedelta(days=n), "day"
        if "last week" in low:
            return published - dt.timedelta(days=7), "week"
        if "last month" in low:
            first = published.replace(day=1) - dt.timedelta(days=1)
            return first.replace(day=1), "month"
        m = _WEEKDAY_RE.search(s)
        if m:
            target = _WEEKDAYS.index(m[1].lower())
            back = (published.weekday() - target) % 7
            if m.group(0).lower().startswith("last ") and back == 0:
                back = 7
            return published - dt.timedelta(days=back), "day"
        m = _LAST_MONTH_RE.search(s)
        if m:
            month = _MON[m[2].lower()[:3]]
            year = published.year if month < published.month or (
                month == published.month and m[1].lower() != "last") else published.year - 1
            return dt.date(year, month, 1), "month"
        return published, "days"
    return None, None


def _fatalities(sentence: str, patterns=_FATAL_RES) -> int | None:
    for rx in patterns:
        m = rx.search(sentence)
        if m:
            tok = m[1].lower().replace(",", "")
            return int(tok) if tok.isdigit() else _NUMBER_WORDS.get(tok)
    return None


def _actors(sentence: str, country_names: dict[str, str]) -> tuple[str | None, str | None]:
    found: list[str] = []
    for m in _ACTOR_RE.finditer(sentence):
        cc = DEMONYMS[m[1].lower()]
        body = "Government" if m[2].lower() in ("officials", "authorities") else "Military Forces"
        name = f"{body} of {country_names.get(cc, cc)}"
        if name not in found:
            found.append(name)
    return (found[0] if found else None), (found[1] if len(found) > 1 else None)


def _classify(sentence: str) -> tuple[str, str] | None:
    for etype, sub, rx in _RULES:
        if rx.search(sentence):
            return etype, sub
    return None


def _pick_location(mentions, clauses=(), offset: int = 0):
    """The most specific resolved mention of the clause that reports the event.

    Mentions inside background ``clauses`` (relative and "since" clauses; offsets relative to
    ``offset``) count only when the rest of the sentence names no place. A settlement beats its
    region and country, and a town beats a city of the same region many times its size (the
    town, not the regional capital the report locates it by); remaining ties go to the first
    mention.
    """
    resolved = [m for m in mentions if m.place is not None]
    main = [m for m in resolved if not any(
        a <= m.start - offset < b for a, b, kind in clauses if kind == "background")]
    resolved = main or resolved
    if not resolved:
        return None

    def larger_sibling(m) -> bool:
        p = m.place
        return p.kind == "populated_place" and any(
            o.place.kind == "populated_place" and o.place.admin1 == p.admin1
            and o.place.country_code == p.country_code
            and o.place.population * _CITY_RATIO < p.population for o in resolved)

    return min(resolved, key=lambda m: (_KIND_RANK.get(m.place.kind, 9), larger_sibling(m),
                                        m.start))


def sentence_event(sentence: str, lang: str = "en"):
    """``((event_type, sub_event_type) or None, clauses)`` of one sentence.

    The main clause with its clauses of time or cause is classified first ("killed when
    shelling hit..." is shelling); a relative clause tells of another event, unless nothing
    else in the sentence reports one. ``clauses`` are the subordinate clauses that date and
    place the event (see :mod:`geokit.text._clauses`); empty when only a subordinate clause
    reports it.
    """
    classify = _classify if lang == "en" else lambda x: _event_words.classify(x, lang)
    clauses = subordinate_spans(sentence, lang)
    kind = classify(mask(sentence, clauses, keep="secondary")) if clauses else None
    if kind is None:
        kind = classify(sentence)
        clauses = []
    return kind, clauses


def _authority_mentions(sentence: str, offset: int, regional, mentions, lang: str) -> list:
    """Mentions of the regions whose authorities the sentence names without naming the region
    as a place ("Сумська ОВА", "Курской областной администрации": institutions, which
    :func:`extract_places` leaves out), at the offsets of those phrases."""
    out = []
    for a, b in regional:
        if any(a <= m.start - offset < b for m in mentions):
            continue  # "влада Сумської області": the region is a mention already
        name = _event_words.authority_region(sentence[a:b], lang)
        found = [m for m in extract_places(name) if m.place is not None] if name else []
        if found:
            out.append(Mention(offset + a, offset + b, sentence[a:b], found[0].place,
                               found[0].confidence))
    return out


def _casualties(sentence: str, lang: str) -> tuple[int | None, int | None]:
    """``(killed, injured)`` as the sentence states them."""
    if lang == "en":
        return _fatalities(sentence), _fatalities(sentence, _INJURED_RES)
    return _event_words.casualties(sentence, lang)


def _add_casualties(row: dict, sentence: str, lang: str) -> None:
    """Give an event the casualties that the next sentence reports ("A missile struck Sumy.
    Thirty-five people were killed."), unless the event already states them or the sentence
    has a date of its own (then it tells of another event)."""
    if row["fatalities"] is not None or row["injured"] is not None:
        return
    resolve = resolve_date if lang == "en" else _event_words.resolve_date
    if resolve(sentence, _NO_DATE)[1] != "days":
        return
    row["fatalities"], row["injured"] = _casualties(sentence, lang)


def detect_language(text: str) -> str:
    """``"en"``, ``"uk"`` or ``"ru"``: a text with more Cyrillic than Latin letters is Ukrainian
    or Russian (by the letters only one of them has, :func:`geokit.text._morph.language`); any
    other text is handled as English."""
    cyr = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if not cyr or cyr < latin:
        return "en"
    return _cyrillic_language(text)


def clause_date(sentence: str, pub: dt.date | None, lang: str = "en", clauses=()):
    """Date of the main clause; else of a clause of time ("when a drone hit..."); never of a
    relative or "since" clause about an earlier event."""
    resolve = resolve_date if lang == "en" else _event_words.resolve_date
    if not clauses:
        return resolve(sentence, pub)
    date, precision = resolve(mask(sentence, clauses), pub)
    if precision in (None, "days"):
        date2, precision2 = resolve(mask(sentence, clauses, keep="secondary"), pub)
        if precision2 not in (None, "days"):
            return date2, precision2
    return date, precision


def extract_events(text: str, *, published: Any = None, source: str | None = None,
                   country: str | None = None, lang: str | None = None) -> gpd.GeoDataFrame:
    """Extract located events from a news text.

    Parameters
    ----------
    text : str
        Article text.
    published : date, datetime or str, optional
        Publication date; relative dates ("yesterday", "on Thursday") are resolved against it.
    source : str, optional
        Value of the ``source`` column (publisher, URL).
    country : str, optional
        Country hint for place resolution (see :func:`geokit.text.extract_places`).
    lang : {"auto", "en", "uk", "ru"}, optional
        Language of the text; detected from its letters when not given (``"auto"``). The
        language used is kept in ``gdf.attrs["lang"]``.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, the canonical event columns (:data:`geokit.events.EVENT_COLUMNS`) then
        ``sentence``, ``start`` and ``end`` (offsets of the sentence in ``text``); one row per
        sentence that reports an event at a place it names (``injured``: the number of people
        hurt when the sentence states it). Empty, with the same columns, when nothing is found.

    Raises
    ------
    GeokitTypeError
        ``text`` is not a string, or ``published`` is neither a date nor text.
    GeokitValueError
        ``published`` is text that does not read as a date, or a date outside the years
        geokit resolves against.

    Examples
    --------
    >>> gdf = extract_events("Russian forces recaptured Sudzha on Thursday.",
    ...                      published="2025-03-15")
    >>> gdf[["location", "event_type", "event_date"]].iloc[0].tolist()[:2]
    ['Sudzha', 'Battles']
    >>> gdf = extract_events("Вчора ЗСУ збили 12 дронів над Сумами.", published="2025-03-15")
    >>> gdf[["location", "sub_event_type"]].iloc[0].tolist(), gdf.attrs["lang"]
    (['Sumy', 'Air defence'], 'uk')
    """
    if not isinstance(text, str):
        raise GeokitTypeError(f"text must be a str, not {type(text).__name__}")
    if lang is None or lang == "auto":
        lang = detect_language(text)
    elif lang not in LANGUAGES:
        raise GeokitValueError(f"lang={lang!r} is not understood; use one of {LANGUAGES}")
    pub = _to_date(published)
    mentions = extract_places(text, country=country) if text.strip() else []
    country_names: dict[str, str] = {}
    rows = []
    last = -2  # index of the sentence that gave the last row
    for i, (s, e) in enumerate(_sentences(text)):
        sentence = text[s:e]
        kind, clauses = sentence_event(sentence, lang)
        if kind is None:
            if last == i - 1:
                _add_casualties(rows[-1], sentence, lang)
            continue
        inside = [m for m in mentions if s <= m.start and m.end <= e]
        in_sentence = inside
        if lang != "en":
            # "Сили оборони", "армія РФ" name an actor, not the event's place; a region's
            # authorities ("Сумська ОВА оголосила евакуацію") give the place only when the
            # sentence names no other
            spans = _event_words.actor_spans(sentence)
            free = [m for m in inside if not any(
                a <= m.start - s < b or a < m.end - s <= b for a, b, _body, _cc in spans)]
            regional = [(a, b) for a, b, _body, cc in spans if not cc]
            if regional:
                inside = inside + _authority_mentions(sentence, s, regional, inside, lang)
                in_sentence = inside
            inside = free or [m for m in inside if any(a <= m.start - s < b for a, b in regional)]
        loc = _pick_location(inside, clauses, s)
        if loc is None:
            continue
        place = loc.place
        precision = _LOC_PRECISION.get(place.kind, "other")
        before = text[max(s, loc.start - 40):loc.start]
        if precision == "exact" and (_NEAR_RE.search(before) or (lang != "en" and (
                _NEAR_CYR_RE.search(before.lower()) or _DIRECTION_RE.search(loc.text)))):
            precision = "near"
        if lang == "en":
            for cc in {DEMONYMS[m[1].lower()] for m in _ACTOR_RE.finditer(sentence)}:
                country_names.setdefault(cc, _country_name(cc))
            actor1, actor2 = _actors(sentence, country_names)
        else:
            places = [(m.start - s, m.end - s, m.place.country_code) for m in in_sentence
                      if m.place is not None]
            found = [f"{body} of {_country_name(cc)}"
                     for body, cc in _event_words.actors(sentence, places)]
            actor1, actor2 = (found + [None, None])[:2]
        killed, injured = _casualties(sentence, lang)
        date, date_precision = clause_date(sentence, pub, lang, clauses)
        rows.append({
            "event_id": f"{source or 'text'}:{s}",
            "dataset": "text",
            "event_date": pd.Timestamp(date) if date else pd.NaT,
            "date_precision": date_precision,
            "event_type": kind[0], "sub_event_type": kind[1],
            "actor1": actor1, "actor2": actor2,
            "location": place.name, "admin1": place.admin1 or None,
            "admin2": place.admin2 or None, "country_code": place.country_code or None,
            "lat": place.lat, "lon": place.lon, "loc_precision": precision,
            "fatalities": killed, "notes": sentence, "source": source,
            "sentence": sentence, "start": s, "end": e, "injured": injured,
        })
        last = i
    frame = pd.DataFrame(rows, columns=[*_CANON, *TEXT_EVENT_COLUMNS])
    gdf = conform(frame, dataset="text")
    gdf["start"] = gdf["start"].astype("Int64")
    gdf["end"] = gdf["end"].astype("Int64")
    gdf["injured"] = gdf["injured"].astype("Int64")
    gdf.attrs["lang"] = lang
    return gdf


_SHORT_NAMES = {"RU": "Russia", "US": "the United States", "GB": "the United Kingdom",
                "IR": "Iran", "SY": "Syria", "KR": "South Korea", "KP": "North Korea",
                "MD": "Moldova", "VE": "Venezuela", "BO": "Bolivia", "TZ": "Tanzania"}


def _country_name(cc: str) -> str:
    if cc in _SHORT_NAMES:
        return _SHORT_NAMES[cc]
    gaz = default()
    rec = gaz.country_record(cc)
    return gaz._a.names[rec] if rec >= 0 else cc

