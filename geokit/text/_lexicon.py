"""Word lists used by the geoparser (:mod:`geokit.text.places`): stop words, titles, first names,
organisation words and demonyms. Written by hand for geokit; lower-case throughout."""

from __future__ import annotations

import functools
from importlib import resources

from ..gazetteer._names import normalize

#: Capitalised words that are never a place on their own (function words, calendar, pronouns,
#: common sentence openers and frequent words that are also small towns somewhere).
STOP = frozenset("""
a an the of and or but nor for so yet to in on at by from with without within into onto upon
over under after before during since until while as if than then there here this that these
those it its it's he she they we you i me him her them us our your their his hers who whom whose
which what when where why how all any both each every few many more most much no not only other
some such same very can could may might must shall should will would do does did done be been
being is are was were has have had having also just even still again ever never always often
one two three four five six seven eight nine ten first second third last next new old
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
mr mrs ms miss dr prof sir madam lord lady president minister premier chancellor king queen
prince princess pope governor mayor senator sen rep gen general colonel col major maj captain
capt lieutenant lt sergeant sgt commander admiral secretary spokesman spokeswoman spokesperson
chairman chief director judge justice officer agent coach father mother saint st
according however meanwhile although though because despite will union page home north south
east west northern southern eastern western central new upper lower greater
people police army government state city county town village region province district
republic kingdom federation oblast news report reports photo video update breaking live
said says say told tell asked ask added according breaking read more click share
yes okay ok please thanks thank welcome hello dear love god jesus christ christmas easter
internet email online facebook twitter google apple amazon microsoft youtube instagram
media press world national international global local federal royal
inc ltd llc corp co plc
park centre center research star week free best chamber commerce mega real grand act day
culture liberal conservative democrat republican olympic olympics hydro farms lakes coast
point air ocean house hall office market mall club team season game games cup league
ceo cfo coo mp mps mla gov govt commissioner assistant senior junior sr jr
congress parliament senate economy alliance law dad mom mum prix golden downtown
""".split())

#: Place names that are also ordinary words: a place only after "in", "near", "to"... mid-sentence.
COMMON_WORD_PLACES = frozenset("""
reading nice mobile bath split hope independence paradise liberty unity victory friendship
orange eagle
normal commerce energy enterprise opportunity justice harmony concord surprise
arab muslim islamic christian jewish catholic kurdish sunni shia shiite hindu latino hispanic
""".split())

#: Words that, placed before a capitalised name, mark a person.
TITLES = frozenset("""
mr mrs ms miss dr prof sir madam lord lady president minister premier chancellor king queen
prince princess pope governor mayor senator sen rep representative congressman congresswoman
gen general colonel col major maj captain capt lieutenant lt sergeant sgt commander admiral
secretary spokesman spokeswoman chairman chairwoman chief director judge justice officer
coach sheriff deputy detective professor bishop archbishop reverend rev father sister brother
ambassador envoy commissioner superintendent inspector constable pm mp vice actor actress
singer rapper striker midfielder defender goalkeeper manager
""".split())

#: Common given names (English and East European news); "Vladimir Putin", "Marco Rubio".
FIRST_NAMES = frozenset("""
vladimir volodymyr marco maria mary john james robert michael william david richard joseph
thomas charles christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth
kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan
stephen larry justin scott brandon benjamin samuel gregory frank alexander raymond patrick jack
dennis jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy
harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan
bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene
vincent russell elijah louis bobby philip johnny patricia jennifer linda elizabeth barbara
susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle
dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy
shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel
catherine carolyn janet ruth heather diane virginia julie joyce victoria olivia kelly
christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances
gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte
rose alexis kayla sergei sergey dmitry dmitri alexei alexey andrei andriy oleksandr olexander
mykola mykhailo mikhail ivan igor yuri yuriy oleg viktor valery valeriy petro pyotr nikolai
boris anatoly gennady yevgeny evgeny kirill maxim denys denis ruslan rustem andriy vitali
vitaliy vitaly yulia yuliia olena elena natalia tatiana svetlana irina olga kamala hillary
barack joe mike ted marco nancy rishi keir emmanuel olaf angela recep benjamin xi narendra
ursula antonio pedro carlos luis jorge miguel francisco javier manuel fernando ricardo
ahmed mohammed muhammad mohamed ali hassan hussein omar abdul ibrahim khalid
владимир володимир сергей сергій дмитрий дмитро александр олександр алексей олексій андрей
андрій михаил михайло николай микола иван іван игорь ігор юрий юрій олег виктор віктор петр
петро павел павло евгений євген максим денис руслан виталий віталій вадим валерий валерій
борис анатолий анатолій геннадий геннадій кирилл кирило рамзан мария марія анна елена олена
наталья наталія татьяна тетяна ольга юлия юлія ирина ірина светлана світлана
""".split())

#: Frequent Chinese, Korean and Vietnamese family names (romanised), which news writes alone
#: ("Chen said") and which are also names of small towns; the Census lists miss most of them.
EAST_ASIAN_SURNAMES = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang
xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei
su lu ding ren shen yao cui zhong tan fan jin kim lee park choi jung kang cho yoon jang lim
nguyen tran le pham hoang phan vu dang bui ngo duong ly
""".split())

#: Final words that make a capitalised sequence an organisation, building or event.
ORG_WORDS = frozenset("""
university college school academy institute hospital clinic church cathedral mosque temple
party council ministry department agency office bureau commission committee court parliament
congress senate assembly association society union federation foundation company corporation
corp inc ltd llc plc group bank fund club fc united city's times post news herald tribune
journal gazette press network channel radio tv television airlines airways airport station
stadium arena hotel restaurant house center centre hall museum library theatre theater park
brigade battalion regiment division corps forces army navy command guard police service
services project program programme summit festival awards award cup league championship
prize games olympics war street road avenue boulevard highway bridge square
""".split())

#: Final words that make a capitalised sequence a natural feature or a site named after a place
#: ("Persian Gulf", "Glenrock Lagoon", "Windsor Castle"): not the place itself, so only a
#: country, region or large city named in it is kept (as in organisation names).
FEATURE_WORDS = frozenset("""
gulf delta lagoon lake lakes river rivers bay bays harbor harbour coast beach beaches island
islands peninsula strait straits sea ocean canal reservoir dam falls creek canyon valley
mountain mountains hill hills ridge forest desert glacier cape castle palace cottage tower
towers plaza mall rock rocks basin plain plains marsh swamp reef springs
""".split())

#: Buildings and streets that stand for a government ("the White House said"): an institution,
#: not a place mention, although small towns share the names. Normalised keys.
SEATS_OF_POWER = frozenset({"white house", "capitol hill", "whitehall", "elysee",
                            "foggy bottom", "downing street",
                            # weather patterns named like villages, same treatment
                            "el nino", "la nina"})

#: Demonyms and adjectives of place -> ISO country code ("Russian forces" biases Russia).
DEMONYMS = {
    "russian": "RU", "russians": "RU", "ukrainian": "UA", "ukrainians": "UA",
    "belarusian": "BY", "american": "US", "americans": "US", "british": "GB", "english": "GB",
    "scottish": "GB", "welsh": "GB", "french": "FR", "german": "DE", "germans": "DE",
    "italian": "IT", "spanish": "ES", "polish": "PL", "chinese": "CN", "japanese": "JP",
    "korean": "KR", "north korean": "KP", "indian": "IN", "pakistani": "PK", "afghan": "AF",
    "iranian": "IR", "iraqi": "IQ", "syrian": "SY", "turkish": "TR", "israeli": "IL",
    "palestinian": "PS", "lebanese": "LB", "egyptian": "EG", "saudi": "SA", "yemeni": "YE",
    "canadian": "CA", "mexican": "MX", "brazilian": "BR", "argentine": "AR", "australian": "AU",
    "irish": "IE", "dutch": "NL", "belgian": "BE", "swiss": "CH", "austrian": "AT",
    "swedish": "SE", "norwegian": "NO", "finnish": "FI", "danish": "DK", "greek": "GR",
    "hungarian": "HU", "romanian": "RO", "moldovan": "MD", "georgian": "GE", "nigerian": "NG",
    "kenyan": "KE", "south african": "ZA", "filipino": "PH", "indonesian": "ID",
    "vietnamese": "VN", "thai": "TH", "malaysian": "MY", "nepali": "NP", "bangladeshi": "BD",
    "sri lankan": "LK", "kazakh": "KZ", "chechen": "RU", "crimean": "UA", "sudanese": "SD",
    "ethiopian": "ET", "somali": "SO", "libyan": "LY", "tunisian": "TN", "moroccan": "MA",
    "algerian": "DZ", "venezuelan": "VE", "colombian": "CO", "peruvian": "PE", "chilean": "CL",
    "cuban": "CU", "new zealand": "NZ", "portuguese": "PT", "czech": "CZ", "slovak": "SK",
}

#: Lower-case words after a name that make it a region ("the Kursk region").
REGION_SUFFIXES = ("region", "oblast", "province", "krai", "governorate", "district", "raion",
                   "county", "state", "prefecture", "territory", "область", "обл", "край",
                   "район", "области", "області", "области", "районе", "районі")

#: Short and common names of countries that news uses and the gazetteer may lack -> ISO code.
COUNTRY_ALIASES = {
    "us": "US", "u s": "US", "usa": "US", "u s a": "US", "united states": "US",
    "united states of america": "US", "america": "US", "uk": "GB", "u k": "GB",
    "britain": "GB", "great britain": "GB", "united kingdom": "GB", "syria": "SY",
    "iran": "IR", "russia": "RU", "south korea": "KR", "north korea": "KP", "korea": "KR",
    "laos": "LA", "vietnam": "VN", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "moldova": "MD", "czech republic": "CZ", "czechia": "CZ", "ivory coast": "CI",
    "holland": "NL", "the netherlands": "NL", "netherlands": "NL", "uae": "AE",
    "emirates": "AE", "united arab emirates": "AE", "vatican": "VA", "holy see": "VA", "dprk": "KP", "palestine": "PS",
    "taiwan": "TW", "macedonia": "MK", "north macedonia": "MK", "burma": "MM",
    "myanmar": "MM", "drc": "CD", "dr congo": "CD", "congo": "CG", "brunei": "BN",
    "micronesia": "FM", "turkey": "TR", "turkiye": "TR", "cape verde": "CV",
    "east timor": "TL", "swaziland": "SZ", "eswatini": "SZ", "the gambia": "GM",
    "gambia": "GM", "the bahamas": "BS", "bahamas": "BS", "ukraine": "UA", "belarus": "BY",
    "china": "CN", "prc": "CN", "india": "IN", "japan": "JP", "germany": "DE", "france": "FR",
}



def _cyrillic_names() -> dict[str, str]:
    """``geokit/data/cyrillic_names.tsv`` (built by ``gazetteer/cyrillic_names.py``)."""
    try:
        text = resources.files("geokit").joinpath("data", "cyrillic_names.tsv").read_text(
            "utf-8")
    except FileNotFoundError:  # pragma: no cover - a broken install
        return {}
    return dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)


#: Ukrainian and Russian names (nominative, as written) of countries, continents and areas the
#: gazetteer lacks in Cyrillic -> an ISO code, ``@key`` of a continent or world region below,
#: or the gazetteer name they stand for ("Донбас" -> "Донецька область").
CYRILLIC_NAMES = _cyrillic_names()
COUNTRY_ALIASES.update({normalize(n): t for n, t in CYRILLIC_NAMES.items()
                        if len(t) == 2 and t.isupper()})

#: Continents, with the representative points GeoNames gives them (lat, lon). Not in the
#: gazetteer, but named often in news; returned as places of kind ``"continent"``.
CONTINENTS = {
    "africa": ("Africa", 7.1881, 21.0938),
    "asia": ("Asia", 29.8406, 89.2969),
    "europe": ("Europe", 48.6910, 9.1406),
    "north america": ("North America", 46.0732, -100.5469),
    "south america": ("South America", -14.6048, -57.6563),
    "latin america": ("South America", -14.6048, -57.6563),
    "oceania": ("Oceania", -18.3128, 138.5156),
    "antarctica": ("Antarctica", -78.1586, 16.4063),
}
CONTINENTS["eu"] = CONTINENTS["europe"]
CONTINENTS["european union"] = CONTINENTS["europe"]

#: Regions of the world that news names as places ("the Middle East", "the Sahel"), by the
#: countries usually meant (ISO alpha-2). They are placed at the spherical mean of their
#: countries' GeoNames points and returned as places of kind ``"world_region"``; without them
#: "Middle East" would resolve to a village of that name in Maryland.
WORLD_REGIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "middle east": ("Middle East", ("BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM",
                                    "PS", "QA", "SA", "SY", "TR", "AE", "YE")),
    "levant": ("Levant", ("IL", "JO", "LB", "PS", "SY")),
    "arabian peninsula": ("Arabian Peninsula", ("BH", "KW", "OM", "QA", "SA", "AE", "YE")),
    "persian gulf": ("Persian Gulf", ("BH", "KW", "QA", "AE", "IR", "IQ", "SA", "OM")),
    "maghreb": ("Maghreb", ("DZ", "LY", "MA", "MR", "TN")),
    "north africa": ("North Africa", ("DZ", "EG", "LY", "MA", "SD", "TN")),
    "west africa": ("West Africa", ("BJ", "BF", "CV", "CI", "GM", "GH", "GN", "GW", "LR", "ML",
                                    "MR", "NE", "NG", "SN", "SL", "TG")),
    "east africa": ("East Africa", ("BI", "DJ", "ER", "ET", "KE", "RW", "SO", "SS", "TZ", "UG")),
    "horn of africa": ("Horn of Africa", ("DJ", "ER", "ET", "SO")),
    "sahel": ("Sahel", ("BF", "ML", "MR", "NE", "TD", "SN")),
    "southern africa": ("Southern Africa", ("BW", "LS", "NA", "ZA", "SZ")),
    "central asia": ("Central Asia", ("KZ", "KG", "TJ", "TM", "UZ")),
    "south asia": ("South Asia", ("AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK")),
    "southeast asia": ("Southeast Asia", ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH",
                                          "TL", "VN")),
    "south east asia": ("Southeast Asia", ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH",
                                           "TL", "VN")),
    "east asia": ("East Asia", ("CN", "JP", "KP", "KR", "MN", "TW")),
    "caucasus": ("Caucasus", ("AM", "AZ", "GE")),
    "south caucasus": ("South Caucasus", ("AM", "AZ", "GE")),
    "balkans": ("Balkans", ("AL", "BA", "BG", "HR", "XK", "ME", "MK", "RS")),
    "baltics": ("Baltic states", ("EE", "LV", "LT")),
    "baltic states": ("Baltic states", ("EE", "LV", "LT")),
    "scandinavia": ("Scandinavia", ("DK", "NO", "SE")),
    "western europe": ("Western Europe", ("AT", "BE", "FR", "DE", "LU", "NL", "CH")),
    "eastern europe": ("Eastern Europe", ("BY", "BG", "CZ", "HU", "MD", "PL", "RO", "SK", "UA")),
    "central europe": ("Central Europe", ("AT", "CZ", "DE", "HU", "PL", "SK", "SI", "CH")),
    "central america": ("Central America", ("BZ", "CR", "SV", "GT", "HN", "NI", "PA")),
    "caribbean": ("Caribbean", ("AG", "BS", "BB", "CU", "DM", "DO", "GD", "HT", "JM", "KN", "LC",
                                "VC", "TT", "PR")),
}
WORLD_REGIONS["arabian gulf"] = WORLD_REGIONS["persian gulf"]

#: Names geokit places itself (continents and world regions), not the gazetteer.
NAMED_AREAS = frozenset(CONTINENTS) | frozenset(WORLD_REGIONS)

#: Bare words that name a world region when the text names one of its countries ("the Gulf"
#: beside Qatar or Iran), and otherwise keep their gazetteer reading.
CONTEXT_REGIONS = {"gulf": "persian gulf"}

#: News-style abbreviations of US states and Canadian provinces -> (name, country code); used
#: only in the qualifier position ("Lexington, Ky.", "Victoria, B.C.").
REGION_ABBREVIATIONS = {
    "ala": ("Alabama", "US"), "ariz": ("Arizona", "US"), "ark": ("Arkansas", "US"),
    "calif": ("California", "US"), "colo": ("Colorado", "US"), "conn": ("Connecticut", "US"),
    "del": ("Delaware", "US"), "fla": ("Florida", "US"), "ga": ("Georgia", "US"),
    "ill": ("Illinois", "US"), "ind": ("Indiana", "US"), "kan": ("Kansas", "US"),
    "ky": ("Kentucky", "US"), "la": ("Louisiana", "US"), "md": ("Maryland", "US"),
    "mass": ("Massachusetts", "US"), "mich": ("Michigan", "US"), "minn": ("Minnesota", "US"),
    "miss": ("Mississippi", "US"), "mo": ("Missouri", "US"), "mont": ("Montana", "US"),
    "neb": ("Nebraska", "US"), "nev": ("Nevada", "US"), "n h": ("New Hampshire", "US"),
    "n j": ("New Jersey", "US"), "n m": ("New Mexico", "US"), "n y": ("New York", "US"),
    "n c": ("North Carolina", "US"), "n d": ("North Dakota", "US"), "okla": ("Oklahoma", "US"),
    "ore": ("Oregon", "US"), "pa": ("Pennsylvania", "US"), "r i": ("Rhode Island", "US"),
    "s c": ("South Carolina", "US"), "s d": ("South Dakota", "US"), "tenn": ("Tennessee", "US"),
    "vt": ("Vermont", "US"), "va": ("Virginia", "US"), "wash": ("Washington", "US"),
    "w va": ("West Virginia", "US"), "wis": ("Wisconsin", "US"), "wyo": ("Wyoming", "US"),
    "d c": ("District of Columbia", "US"), "dc": ("District of Columbia", "US"),
    "b c": ("British Columbia", "CA"), "bc": ("British Columbia", "CA"),
    "alta": ("Alberta", "CA"), "sask": ("Saskatchewan", "CA"), "man": ("Manitoba", "CA"),
    "ont": ("Ontario", "CA"), "que": ("Quebec", "CA"), "n s": ("Nova Scotia", "CA"),
    "n b": ("New Brunswick", "CA"), "p e i": ("Prince Edward Island", "CA"),
    "nfld": ("Newfoundland and Labrador", "CA"),
}


def _data_words(name: str) -> frozenset[str]:
    """The words of a one-word-a-line file in ``geokit/data`` (empty if it is missing)."""
    try:
        return frozenset(resources.files("geokit").joinpath("data", name).read_text(
            "utf-8").split())
    except FileNotFoundError:  # pragma: no cover - a broken install
        return frozenset()


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary English words that are also place names ("summit", "gulf"): from Debian's
    ``wamerican`` word list, built by ``gazetteer/common_words.py``."""
    return _data_words("common_words.txt")


@functools.lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """Common given names and surnames (US Census 1990 lists, ``geokit/data/person_names.txt``,
    built by ``gazetteer/person_names.py``), lower-case."""
    return _data_words("person_names.txt") | FIRST_NAMES | EAST_ASIAN_SURNAMES
