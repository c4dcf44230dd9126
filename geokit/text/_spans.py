"""Candidate place spans in text: capitalised runs and the filters that reject people,
organisations, abbreviations and common words (used by :mod:`geokit.text.places`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .. import gazetteer as _gaz
from . import _cyrillic_words, _morph
from ._cyrillic import cyrillic_run, is_cyrillic
from ._lexicon import (
    COMMON_WORD_PLACES,
    CONTINENTS,
    COUNTRY_ALIASES,
    DEMONYMS,
    FEATURE_WORDS,
    FIRST_NAMES,
    NAMED_AREAS,
    ORG_WORDS,
    REGION_ABBREVIATIONS,
    REGION_SUFFIXES,
    SEATS_OF_POWER,
    STOP,
    TITLES,
    common_words,
    person_names,
)

#: Keys of names, remembered (one cache with the Cyrillic span finder's)
normalize = _cyrillic_words.normalize

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁЄІЇҐЎ"
_WORD = rf"[{_UPPER}][\w'’\-]*[\w]|[{_UPPER}]\.(?:[{_UPPER}]\.)+|[{_UPPER}]"
_WORD_RE = re.compile(_WORD)
_CONNECTORS = frozenset({"of", "de", "del", "da", "do", "du", "la", "le", "upon", "am", "an",
                         "der", "al", "el"})
_LOWER_RE = re.compile(r"(?<![\w'’\-])[a-z][a-z'’\-]*(?![\w'’\-])")
_CAP_RE = re.compile(rf"(?<![\w'’\-])(?:{_WORD})")
_WORD_CHARS = "'’-_"
_MIXED_CASE_RE = re.compile(r"[a-zа-яёіїєґ][A-ZА-ЯЁІЇЄҐ]|^[A-ZА-ЯЁІЇЄҐ]{2,}[a-zа-яёіїєґ]")
_NEXT_RE = re.compile(r"\s+([\w'’\-]+)")
_PREP_BEFORE = frozenset({"in", "near", "to", "from", "at", "outside", "around", "towards",
                          "toward", "into", "across", "via", "through", "visited", "of",
                          "в", "во", "у", "под", "під", "біля", "около", "возле", "из", "із",
                          "з", "до", "на", "над", "через"})
_EVENT_VERBS = frozenset({"captured", "recaptured", "retook", "liberated", "shelled", "struck",
                          "hit", "attacked", "entered", "evacuated", "seized", "bombed",
                          "visited", "reached", "left", "fled", "toward", "towards", "outside"})
_SENT_END = frozenset({".", "!", "?", ":", ";", "\"", "“", "”", "(", ")", "—", "–", "-", "•"})
MAX_SPAN_WORDS = 4
#: Verbs of speech and thought: a lone name before them is a speaker ("Nelson said"), unless
#: it is a country, region or large city under its own name ("Moscow said").
_SPEECH_VERBS = frozenset({"said", "says", "told", "tells", "added", "adds", "explained",
                           "noted", "warned", "wrote", "writes", "argued", "insisted", "thinks",
                           "thought", "believes", "believed", "recalled", "admitted", "stated",
                           "tweeted", "asked", "asks", "replied", "agreed", "acknowledged",
                           "laughed", "smiled", "knows", "knew", "wants", "wanted"})
#: Stop words that may start a multi-word place name ("New York", "Eastern Cape", "St. Louis").
_NAME_STARTS = frozenset({"new", "north", "south", "east", "west", "upper", "lower", "saint",
                          "st", "northern", "southern", "eastern", "western", "central",
                          "greater"})
#: Abbreviations that end in a full stop inside a place name ("St. Louis", "Mt. Vernon").
_NAME_ABBREVIATIONS = frozenset({"St", "Ste", "Ft", "Mt", "Pt"})

_MEMO_MAX = 200_000
#: Stop words that, alone in a run, need no further look: not demonyms, not region
#: abbreviations ("Me.", "La."), and in Latin script (Cyrillic words may be inflected names).
_SKIP_ALONE = frozenset(w for w in STOP if w not in DEMONYMS and w not in REGION_ABBREVIATIONS
                        and w.isascii())


def _memo(gaz: _gaz.Gazetteer, name: str) -> dict:
    """A lookup cache kept on the gazetteer (names repeat across documents); emptied when it
    grows large or the gazetteer gains records."""
    memos = gaz.__dict__.setdefault("_text_memos", {})
    n = len(gaz._a.gid)
    if memos.get(None) != n:
        memos.clear()
        memos[None] = n
    memo = memos.get(name)
    if memo is None or len(memo) > _MEMO_MAX:
        memo = memos[name] = {}
    return memo


#: Abbreviated and full forms of a name's first word ("St. Petersburg", "Saint Petersburg").
_ABBREVIATED = {"st": "saint", "saint": "st", "ste": "sainte", "sainte": "ste", "ft": "fort",
                "fort": "ft", "mt": "mount", "mount": "mt"}


def spelled_out(key: str) -> str | None:
    """``key`` with its abbreviated first word spelled out, or the reverse ("st petersburg" ->
    "saint petersburg"); None when the first word has no other form."""
    head, sep, rest = key.partition(" ")
    other = _ABBREVIATED.get(head) if sep else None
    return f"{other} {rest}" if other else None


def clear_caches(gaz: _gaz.Gazetteer) -> None:
    """Forget what earlier texts looked up in ``gaz`` (for benchmarks of a first pass)."""
    gaz.__dict__.pop("_text_memos", None)
    normalize.cache_clear()
    _morph.clear_caches()
    _cyrillic_words._lemmas.cache_clear()


def lookup(gaz: _gaz.Gazetteer, key: str, memo: dict | None = None
           ) -> tuple[tuple[int, int], ...]:
    """:meth:`Gazetteer.lookup` of a normalised key, remembered across texts (in ``memo``
    when the caller holds the gazetteer's lookup memo already)."""
    if memo is None:
        memo = _memo(gaz, "lookup")
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = tuple(gaz.lookup(key))
    return hit


def without_codes(hits: list, key: str, surface: str) -> list:
    """``hits`` (``(record, match type, ...)``) less the alternate names that are codes: an
    alternate name of three letters or fewer counts only when the text writes it in upper
    case ("CHE" for Switzerland, not "Che" in prose)."""
    if len(key) <= 3 and not surface.isupper():
        return [h for h in hits if h[1] == 0]
    return hits



@dataclass
class _Span:
    start: int
    end: int
    text: str
    key: str
    region: bool = False  # "the X region" form: prefer admin units
    abbreviation: bool = False  # "Ky.", "B.C." after a comma
    suffix: str = ""  # the region word after the name ("region", "область")
    qualifier: int = -1  # index of a following span that names its region/country
    cue: bool = False  # a place cue the span finder saw ("біля", "м.", "#")
    # (record, prior score, country code, kind code, admin1 record, admin2 record, lat, lon)
    cands: list[tuple] = field(default_factory=list)


class _Tokens:
    """The capitalised words of a text as parallel lists (surface, start, end), with the
    ordinary tokens around them looked up on demand."""

    __slots__ = ("words", "starts", "ends", "text", "_before_cache")

    def __init__(self, text: str):
        self.text = text
        self._before_cache: dict[int, tuple[str, bool]] = {}
        found = [(m.group(), *m.span()) for m in _CAP_RE.finditer(text)]
        self.words: list[str] = [w for w, _s, _e in found]
        self.starts: list[int] = [st for _w, st, _e in found]
        self.ends: list[int] = [e for _w, _s, e in found]

    def __len__(self) -> int:
        return len(self.words)

    def gap(self, i: int) -> str:
        """Text between capitalised word ``i - 1`` and word ``i``."""
        return self.text[self.ends[i - 1]:self.starts[i]]

    def _before(self, i: int) -> tuple[str, bool]:
        """The token just before word ``i`` ("" at the start) and whether a line break
        separates them."""
        hit = self._before_cache.get(i)
        if hit is None:
            hit = self._before_cache[i] = self._scan_before(i)
        return hit

    def _scan_before(self, i: int) -> tuple[str, bool]:
        t = self.text
        k = self.starts[i] - 1
        newline = False
        while k >= 0 and t[k].isspace():
            newline = newline or t[k] == "\n"
            k -= 1
        if k < 0:
            return "", True
        if not (t[k].isalnum() or t[k] in _WORD_CHARS):
            return t[k], newline
        e = k + 1
        while k >= 0 and (t[k].isalnum() or t[k] in _WORD_CHARS):
            k -= 1
        return t[k + 1:e], newline

    def prev(self, i: int) -> str:
        """The token (word or punctuation) just before word ``i``; "" at the start."""
        return self._before(i)[0]

    def next(self, i: int) -> str:
        """The word just after word ``i``; "" at the end."""
        m = _NEXT_RE.match(self.text, self.ends[i])
        return m.group(1) if m else ""

    def at_start(self, i: int) -> bool:
        """Whether word ``i`` starts a sentence (or a line)."""
        tok, newline = self._before(i)
        return newline or tok in _SENT_END


def _strip_possessive(s: str) -> str:
    if s[-1:] in ("s", "'", "’"):
        for suf in ("'s", "’s", "'", "’"):
            if s.endswith(suf) and len(s) > len(suf) + 1:
                return s[: -len(suf)]
    return s


def _runs(toks: _Tokens) -> list[tuple[int, int]]:
    """Word index ranges ``[i, j)`` of capitalised runs (connectors allowed between words)."""
    words, starts, ends, text = toks.words, toks.starts, toks.ends, toks.text
    upper = [w.isupper() for w in words]
    out = []
    n = len(words)
    i = 0
    while i < n:
        j = i + 1
        while j < n:
            if upper[j] != upper[j - 1]:
                break  # "WASHINGTON Christopher Steele": a dateline, then a name
            g = text[ends[j - 1]:starts[j]]
            if g == " " or (len(g) <= 5 and g[:1] == " " and g[-1:] == " "
                            and g.strip() in _CONNECTORS) or (
                    g == ". " and words[j - 1] in _NAME_ABBREVIATIONS):
                j += 1
            else:
                break
        out.append((i, j))
        i = j
    return out


class _Doc:
    """Candidate spans of one text, with the evidence the filters collected."""

    def __init__(self, text: str, gaz: _gaz.Gazetteer):
        self.text = text
        self.gaz = gaz
        self.toks = _Tokens(text)
        self.lower_words = set(_LOWER_RE.findall(text))
        self.demonym_cc: Counter[str] = Counter()
        self.people: set[str] = set()
        #: countries whose towns the text's language supports (Ukrainian and Russian text:
        #: Ukraine, Russia, Belarus), as a country the text names would
        self.language_cc: set[str] = set()
        self.spans: list[_Span] = []
        self._known_memo = _memo(gaz, "known")
        self._lookup_memo = _memo(gaz, "lookup")

    def _lookup(self, key: str) -> tuple[tuple[int, int], ...]:
        return lookup(self.gaz, key, self._lookup_memo)

    def _known(self, s: str) -> bool:
        hit = self._known_memo.get(s)
        if hit is None:
            key = normalize(s)
            other = spelled_out(key)
            hits = without_codes(self._lookup(key), key, s) if key else ()
            hit = self._known_memo[s] = key in COUNTRY_ALIASES or key in NAMED_AREAS or (
                bool(hits)) or (
                other is not None and bool(self._lookup(other)))
        return hit

    def _and_runs(self, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Runs joined by "and" that together name a place ("Bosnia and Herzegovina",
        "Trinidad and Tobago") become one run."""
        toks, text = self.toks, self.text
        out: list[tuple[int, int]] = []
        for i, j in runs:
            if out and toks.gap(i) == " and ":
                pi, pj = out[-1]
                # the longest name made of the end of one run and the start of the next
                joined = next(((p, q) for p in range(max(pi, pj - MAX_SPAN_WORDS + 1), pj)
                               for q in range(min(j, p + MAX_SPAN_WORDS), i, -1)
                               if self._known(text[toks.starts[p]:toks.ends[q - 1]])), None)
                if joined is not None:
                    p, q = joined
                    if p > pi:
                        out[-1] = (pi, p)
                    else:
                        out.pop()
                    out.append((p, q))
                    if q < j:
                        out.append((q, j))
                    continue
            out.append((i, j))
        return out

    def find(self) -> list[_Span]:
        toks, text = self.toks, self.text
        for i, j in self._and_runs(_runs(toks)):
            if is_cyrillic(toks.words[i]):
                # inflected Russian and Ukrainian names (geokit.text._cyrillic)
                for start, end, surface, key, region, cue in cyrillic_run(self, i, j):
                    self.spans.append(_Span(start, end, surface, key, region=region, cue=cue))
                continue
            if j - i == 1:
                w = toks.words[i]
                lw = w.lower()
                if lw in _SKIP_ALONE and not w.isupper() and "-" not in w:
                    continue  # "The", "He", "Sunday" alone: never a mention (a third of runs)
            words = toks.words[i:j]
            low = [w.lower() for w in words]
            joined = text[toks.starts[i]:toks.ends[j - 1]]
            has_connector = joined.count(" ") >= len(words)
            # demonyms: bias, never a mention
            for w in low:
                cc = DEMONYMS.get(_strip_possessive(w))
                if cc:
                    self.demonym_cc[cc] += 1
            prev = toks.prev(i).lower().rstrip(".")
            full = _strip_possessive(text[toks.starts[i]:toks.ends[j - 1]])
            whole_is_place = len(words) > 1 and self._known(full)
            # people: title before, or first name + more capitalised words
            if not whole_is_place and (prev in TITLES or low[0].rstrip(".") in TITLES):
                # "Deputy Minister of Defence of Azerbaijan": the name ends at the first "of"
                cut = next((m - i for m in range(i + 1, j)
                            if toks.gap(m).strip() in _CONNECTORS), j - i)
                self._person(words[:cut], skip_title=low[0].rstrip(".") in TITLES)
                if cut < j - i:
                    self._sub_spans(i + cut, j)
                continue
            if not whole_is_place and not has_connector and self._looks_like_person(words, low):
                self._person(words)
                continue
            # organisations: "... University", "Ministry of ..."
            last = _strip_possessive(low[-1])
            if not whole_is_place and len(words) > 1 and (
                    last in ORG_WORDS or last in FEATURE_WORDS or low[0] in ORG_WORDS):
                # the organisation or feature is no mention, but a major place named in it
                # is ("Kentucky State Police", "Pakistan Army", "University of Arizona")
                self._sub_spans(i, j, major_only=True)
                continue
            self._sub_spans(i, j)
        # a surname seen anywhere in the text ("Mr Steele") is not a place elsewhere in it
        self.spans = [sp for sp in self.spans if " " in sp.text or sp.region
                      or sp.text.lower() not in self.people]
        self._link_qualifiers()
        return self.spans

    def _looks_like_person(self, words: list[str], low: list[str]) -> bool:
        """``Firstname Surname``: two or three plain words, not a place as a whole, that start
        with a known first name or with a word that is no place, and do not end in a major
        place or an organisation word."""
        if not 2 <= len(words) <= 3:
            return False
        if low[0] in STOP or low[-1] in ORG_WORDS or any(w.isupper() for w in words):
            return False
        if low[0] in FIRST_NAMES:
            # "Lewis Hamilton", "George Washington": a given name and a town's name that are
            # no place together are a person
            return not self._country(words[-1])
        last = words[-1]
        if "-" in last[1:] and self._known(" ".join([*words[:-1], last[:last.index("-", 1)]])):
            return False  # "Los Angeles-based"
        if len(words) == 3 and self._known(" ".join(words[1:])):
            return False  # "GM's Bowling Green"
        return not self._known(words[0]) and not self._major(words[-1])

    def _major(self, word: str, own: bool = False) -> bool:
        """A country, first-level region or city of 100,000 or more; with ``own`` only one
        whose own name this is (not an alternate name: "Chen" for Chenzhou)."""
        memo = _memo(self.gaz, "major_own" if own else "major")
        if word not in memo:
            memo[word] = self._major_uncached(word, own)
        return memo[word]

    def _major_uncached(self, word: str, own: bool) -> bool:
        key = normalize(_strip_possessive(word))
        if key in COUNTRY_ALIASES:
            return True
        a = self.gaz._a
        return any((int(a.kind[r]) >= 2 or int(a.pop[r]) >= 100_000) and (mtype == 0 or not own)
                   for r, mtype in self._lookup(key))

    def _country(self, word: str) -> bool:
        """Whether a word names a country ("Jordan", "Chad": first names too)."""
        key = normalize(_strip_possessive(word))
        if key in COUNTRY_ALIASES:
            return True
        a = self.gaz._a
        return any(a.kind.item(r) == 3 for r, _ in self._lookup(key))

    def _person(self, words: list[str], skip_title: bool = False) -> None:
        ws = words[1:] if skip_title else words
        cut = next((n for n, w in enumerate(ws) if w.lower() in _CONNECTORS), len(ws))
        ws = [w for w in ws[:cut] if not self._country(w)]
        if len(ws) >= 2:
            self.people.add(_strip_possessive(ws[-1]).lower())
        elif len(ws) == 1:  # "Mr Paterson", "Mayor Coderre"
            self.people.add(ws[0].lower())

    def _sub_spans(self, i: int, j: int, major_only: bool = False) -> None:
        """The longest known names inside capitalised run ``[i, j)``; with ``major_only``
        (inside an organisation's name) only countries, regions and cities of 100,000+."""
        toks, text = self.toks, self.text
        k = i
        while k < j:
            found = None
            for e in range(min(j, k + MAX_SPAN_WORDS), k, -1):
                s0, e0 = toks.starts[k], toks.ends[e - 1]
                last = toks.words[e - 1]
                if e - k > 1 and "-" in last[1:]:
                    # "Los Angeles-based", "New York-born": the name ends at the hyphen
                    head = text[s0:toks.starts[e - 1] + last.index("-", 1)]
                    if not major_only and self._known(head) and self._accept(head, k, e):
                        found = (e, s0, s0 + len(head), head, False)
                        break
                surface = _strip_possessive(text[s0:e0])
                if major_only and (surface.lower() in ORG_WORDS
                                   or surface.lower() in FEATURE_WORDS
                                   or not (self._major(surface) or (
                                       e - k > 1
                                       and surface.rsplit(None, 1)[-1].lower() in REGION_SUFFIXES
                                       and self._known(surface)))):
                    continue  # "Pakistan Army", "Metcalfe County Sheriff's Office"
                if e - k == 1 and len(surface) <= 6 and self._abbreviation(k, surface):
                    found = (e, s0, s0 + len(surface), surface, True)
                    break
                if self._accept(surface, k, e) if self._known(surface) else (
                        self._known_with_suffix(surface, e) and self._accept(surface, k, e)):
                    found = (e, s0, s0 + len(surface), surface, False)
                    break
            if found is None:
                self._hyphen_parts(k)
                k += 1
                continue
            e, s0, e0, surface, abbrev = found
            span = _Span(s0, e0, surface, normalize(surface), abbreviation=abbrev)
            self._region_form(span, k, e)
            self.spans.append(span)
            k = e

    def _qualified(self, e: int) -> bool:
        """Whether the span ending at word ``e - 1`` is followed by ", Region" ("Victoria,
        B.C.", "Sutton, Surrey"): a place, whatever else the word may be."""
        toks = self.toks
        if e >= len(toks) or toks.gap(e).strip() != ",":
            return False
        nxt = _strip_possessive(toks.words[e])
        key = normalize(nxt)
        return key in REGION_ABBREVIATIONS or self._major(nxt)

    def _hyphen_parts(self, k: int) -> None:
        """``Russia-Turkey``, ``London-based``, ``Canada-wide``: a hyphenated word that is no
        name as a whole yields the countries, regions and large cities among its parts."""
        word = self.toks.words[k]
        if "-" not in word:
            return
        pos = self.toks.starts[k]
        for part in word.split("-"):
            surface = _strip_possessive(part) if part else part
            if surface[:1].isupper() and len(surface) >= 2 and surface.lower() not in STOP \
                    and surface.lower() not in DEMONYMS and self._major(surface) and (
                    len(surface) >= 3 or surface.isupper()):
                self.spans.append(_Span(pos, pos + len(surface), surface, normalize(surface)))
            pos += len(part) + 1

    def _known_with_suffix(self, surface: str, e: int) -> bool:
        """``Сумська область``: the name is known only together with its region word."""
        nxt = self.toks.next(e - 1)
        return nxt.lower() in REGION_SUFFIXES and self._known(f"{surface} {nxt}")

    def _abbreviation(self, k: int, surface: str) -> bool:
        """``Ky.``, ``B.C.``, ``BC`` right after ``Town, ``: a state or province."""
        key = normalize(surface)
        if key not in REGION_ABBREVIATIONS:
            return False
        prev = self.toks.prev(k)
        end = self.toks.ends[k]
        if prev != ",":
            # a dotted form of two letters or more ("B.C.", "N.Y.") also after "in", "the"...
            # or at the start of a sentence, but not after a year ("500 B.C.")
            return (surface.count(".") >= 2 and len(key) >= 3 and not prev.isdigit()
                    and (prev.lower() in _PREP_BEFORE or prev.lower() == "the"
                         or self.toks.at_start(k)))
        return surface.isupper() or self.text[end:end + 1] == "."

    def _accept(self, surface: str, k: int, e: int) -> bool:
        low = surface.lower()
        if normalize(surface) in SEATS_OF_POWER:
            # an institution, unless qualified as a town: "White House, Tennessee"
            return bool(re.match(rf",\s*[{_UPPER}]", self.text[self.toks.ends[e - 1]:]))
        if e - k > 1:
            return low.split()[0] not in STOP or low.split()[0].rstrip(".") in _NAME_STARTS
        if surface.isupper() and (normalize(surface) in COUNTRY_ALIASES
                                  or normalize(surface) in CONTINENTS):
            return True  # US, U.S., UK, UAE, EU
        if low in STOP or low.rstrip(".") in STOP or low in DEMONYMS or low in self.people:
            return False
        if len(surface) < 3 or low in TITLES:
            return False  # two letters: "La", "Al", "Li" (abbreviations are handled earlier)
        if _MIXED_CASE_RE.search(surface):
            return False  # McGregor, MPs, MoD: names and abbreviations, not places
        # an upper-case word is a place only as a dateline of a major place; a short one only
        # under the place's own name ("NBC", "DKR" are codes GeoNames lists for Nizhnekamsk
        # and Dakar)
        if surface.isupper() and normalize(surface) not in COUNTRY_ALIASES and not (
                self._major(surface, own=len(surface) <= 4)
                and (len(surface) > 4 or self.toks.at_start(k))) and not (
                len(surface) > 3 and self._qualified(e)):  # a dateline "RUSSELLVILLE, Ark."
            return False  # NATO, BA, CEO; an upper-case dateline only for major places
        if self.toks.next(k).lower() in _SPEECH_VERBS and not self._major(surface, own=True) \
                and normalize(surface) not in NAMED_AREAS:
            return False  # "Nelson says", "Malinao said": a person speaks, not a village
        prev = self.toks.prev(k).lower()
        at_start = self.toks.at_start(k)
        if (low in COMMON_WORD_PLACES or low in FIRST_NAMES) and not self._country(surface):
            return (prev in _PREP_BEFORE and not at_start) or self._qualified(e)
        if (low in person_names() or low in common_words()) and not self._major(surface,
                                                                                own=True):
            # "Johnson", "Allen", "Summit", "Salt": a surname or an ordinary word unless the text
            # uses it as a place
            return (prev in _PREP_BEFORE and not at_start) or self._qualified(e)
        if low in self.lower_words:  # the word is used as an ordinary word in this text
            return (prev in _PREP_BEFORE and not at_start) or self._qualified(e)
        return True

    def _region_form(self, span: _Span, k: int, e: int) -> None:
        toks = self.toks
        nxt = toks.next(e - 1).lower()
        if nxt in REGION_SUFFIXES:
            span.region = True
            span.suffix = nxt
        elif normalize(span.text).split()[-1] in REGION_SUFFIXES:
            span.region = True

    def _link_qualifiers(self) -> None:
        """``Springfield, Illinois``: the second name qualifies the first."""
        for a, b in zip(self.spans, self.spans[1:], strict=False):
            if self.text[a.end:b.start] in (", ", ","):
                a.qualifier = self.spans.index(b)
