#!/usr/bin/env python3
"""Write ``geokit/data/cyrillic_names.tsv``: Ukrainian and Russian names of countries, continents
and other areas that the gazetteer does not hold under a Cyrillic name.

Usage: ``python gazetteer/cyrillic_names.py`` (needs Babel, installed with Jupyter and listed in
the ``build`` extra).

Inputs:

* the Unicode CLDR territory names in the ``uk`` and ``ru`` locales, as shipped by the PyPI
  package Babel (CLDR data: Unicode licence, free to redistribute): one name per ISO 3166
  country and per UN M.49 continent or world region;
* :data:`HAND`, written for geokit: the abbreviations and short forms Ukrainian and Russian news
  use instead of the CLDR form ("США", "РФ", "ЄС", "Британія"), the names of US states (news
  names them often and GeoNames' Cyrillic alternate names miss most; not the Ukrainian "Мен" for
  Maine, a form of too many other words), and areas the war's news
  names that are no gazetteer unit ("Донбас", "ДНР"), the two oblast names GeoNames lacks in
  one of the languages ("Харківська область", "Ровенская область"), and the historical states
  and lands that history and news name, placed at their successor country or main region
  ("СРСР", "Річ Посполита", "Галичина").

Output: one ``name<TAB>target`` line per name, in its dictionary (nominative) form. ``target`` is
an ISO alpha-2 code (a country), ``@key`` (a continent or world region geokit places itself,
:data:`geokit._text_lexicon.CONTINENTS` / ``WORLD_REGIONS``) or a gazetteer name to look up
instead ("Донецька область"), with "/CC" when the name implies a country ("Florida/US": the
name of a US state also biases the text's other names towards the United States). The geoparser matches the text's inflected forms to
these nominatives with its morphology (:mod:`geokit.text._morph`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geokit" / "data" / "cyrillic_names.tsv"

#: UN M.49 areas -> the key geokit uses for them.
M49 = {
    "002": "@africa",
    "142": "@asia",
    "150": "@europe",
    "009": "@oceania",
    "005": "@south america",
    "419": "@latin america",
    "013": "@central america",
    "151": "@eastern europe",
    "155": "@western europe",
    "145": "@middle east",
    "EU": "@european union",
}

#: Names news uses that CLDR does not give (Ukrainian and Russian together; a name spelt the
#: same in both languages is listed once).
HAND = """
США US|Сполучені Штати Америки US|Соединенные Штаты Америки US|Америка US|Штати US
РФ RU|Російська Федерація RU|Российская Федерация RU|Росія RU|Россия RU
ЄС @european union|ЕС @european union|Евросоюз @european union|Євросоюз @european union
ОАЕ AE|ОАЭ AE|Емірати AE|Эмираты AE|Объединенные Арабские Эмираты AE
КНДР KP|КНР CN|ФРГ DE|ПАР ZA|ЮАР ZA|ДРК CD|ЦАР CF|Корея KR|Конго CG
Британія GB|Британия GB|Англія GB|Англия GB|Сполучене Королівство GB|Соединенное Королевство GB
Голландія NL|Голландия NL|Білорусія BY|Белоруссия BY|Молдавія MD|Молдавия MD
Киргизія KG|Киргизия KG|Туркменія TM|Туркмения TM|Палестина PS|Македонія MK|Македония MK
Бірма MM|Бирма MM|Сирія SY|Чехія CZ|Туреччина TR|Турция TR|Ватикан VA|Грузія GE|Грузия GE
ДНР Донецька область|ЛНР Луганська область|Донбас Донецька область|Донбасс Донецька область
Донеччина Донецька область|Донетчина Донецька область|Луганщина Луганська область
Крим Crimea|Крым Crimea|Прикарпаття Івано-Франківська область|Закарпаття Закарпатська область
Буковина Чернівецька область|Волинь Волинська область
Харківська область Kharkiv Oblast/UA|Ровенская область Rivne Oblast/UA
СРСР RU|СССР RU|Радянський Союз RU|Советский Союз RU|Російська імперія RU|Российская империя RU
УРСР UA|УСРР UA|Київська Русь UA|Киевская Русь UA|Русь UA|Австро-Угорщина AT|Австро-Венгрия AT
Річ Посполита PL|Речь Посполитая PL|Галичина Львівська область|Галиция Львівська область
Поділля Вінницька область|Подолье Вінницька область|Слобожанщина Харківська область
Кубань Краснодарский край|Приморье Приморский край|Подмосковье Московская область
Європа @europe|Европа @europe|Азія @asia|Азия @asia|Африка @africa|Близький Схід @middle east
Ближний Восток @middle east|Балкани @balkans|Балканы @balkans|Кавказ @caucasus
Захід @western europe|Запад @western europe|Прибалтика @baltics|Балтія @baltics|Скандинавія @scandinavia|Скандинавия @scandinavia
Алабама Alabama/US|Аляска Alaska/US|Арізона Arizona/US|Аризона Arizona/US|Арканзас Arkansas/US
Каліфорнія California/US|Калифорния California/US|Колорадо Colorado/US|Коннектикут Connecticut/US
Делавер Delaware/US|Делавэр Delaware/US|Флорида Florida/US|Джорджія Georgia/US|Джорджия Georgia/US
Гаваї Hawaii/US|Гавайї Hawaii/US|Гавайи Hawaii/US|Айдахо Idaho/US|Іллінойс Illinois/US|Иллинойс Illinois/US
Індіана Indiana/US|Индиана Indiana/US|Айова Iowa/US|Канзас Kansas/US|Кентуккі Kentucky/US|Кентукки Kentucky/US
Луїзіана Louisiana/US|Луизиана Louisiana/US|Мэн Maine/US|Меріленд Maryland/US|Мэриленд Maryland/US
Массачусетс Massachusetts/US|Мічиган Michigan/US|Мичиган Michigan/US|Міннесота Minnesota/US
Миннесота Minnesota/US|Міссісіпі Mississippi/US|Миссисипи Mississippi/US|Міссурі Missouri/US
Миссури Missouri/US|Монтана Montana/US|Небраска Nebraska/US|Невада Nevada/US|Нью-Гемпшир New Hampshire/US
Нью-Гэмпшир New Hampshire/US|Нью-Джерсі New Jersey/US|Нью-Джерси New Jersey/US|Нью-Мексико New Mexico/US
Північна Кароліна North Carolina/US|Северная Каролина North Carolina/US
Північна Дакота North Dakota/US|Северная Дакота North Dakota/US|Огайо Ohio/US|Оклахома Oklahoma/US
Орегон Oregon/US|Пенсильванія Pennsylvania/US|Пенсильвания Pennsylvania/US|Род-Айленд Rhode Island/US
Південна Кароліна South Carolina/US|Южная Каролина South Carolina/US|Південна Дакота South Dakota/US
Южная Дакота South Dakota/US|Теннессі Tennessee/US|Теннесси Tennessee/US|Техас Texas/US|Юта Utah/US
Вермонт Vermont/US|Вірджинія Virginia/US|Виргиния Virginia/US|Вирджиния Virginia/US
Західна Вірджинія West Virginia/US|Западная Виргиния West Virginia/US|Вісконсин Wisconsin/US
Висконсин Wisconsin/US|Вайомінг Wyoming/US|Вайоминг Wyoming/US
"""


def clean(name: str) -> str:
    """A CLDR display name without its qualifier ("Мʼянма (Бірма)" -> "Мʼянма")."""
    name = re.sub(r"\s*\(.*\)", "", name)
    name = name.split(",")[0]
    return re.split(r"\s+[–-]\s+", name)[0].strip().replace("ʼ", "’")


def rows() -> list[tuple[str, str]]:
    try:
        from babel import Locale
    except ImportError:
        sys.exit("Babel is missing: pip install 'geokit[build]'")
    out: dict[str, str] = {}
    for lang in ("uk", "ru"):
        names = Locale(lang).territories
        for code, name in names.items():
            if re.fullmatch(r"[A-Z]{2}", code) and code not in ("EU", "EZ", "UN", "QO"):
                target = code
            elif code in M49:
                target = M49[code]
            else:
                continue
            nm = clean(name)
            if nm and nm[0].isupper():
                out.setdefault(nm, target)
    for line in HAND.strip().splitlines():
        for item in line.split("|"):
            # the target is the last field when it is a code, the text after " @" for a
            # continent or world region, else a gazetteer name (see _split_named)
            parts = item.strip().split(" ")
            if re.fullmatch(r"[A-Z]{2}", parts[-1]):
                name, target = " ".join(parts[:-1]), parts[-1]
            elif "@" in item:
                name, target = item.strip().split(" @")
                target = "@" + target
            else:
                name, target = _split_named(parts)
            out[name] = target
    return sorted(out.items())


def _split_named(parts: list[str]) -> tuple[str, str]:
    """``Північна Кароліна North Carolina`` -> (Cyrillic name, target name): the target starts at
    the first word in another script than the first word, or, for Cyrillic targets ("Донбас
    Донецька область"), after the first word."""
    cyr = [bool(re.match("[\u0400-\u04ff]", p)) for p in parts]
    if not all(cyr):
        k = cyr.index(False)
        return " ".join(parts[:k]), " ".join(parts[k:])
    return parts[0], " ".join(parts[1:])


def main() -> int:
    data = rows()
    OUT.write_text("".join(f"{n}\t{t}\n" for n, t in data), encoding="utf-8")
    print(f"wrote {len(data)} names to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
