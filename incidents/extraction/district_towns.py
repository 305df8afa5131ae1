"""Cyrillic adjectives and nicknames (and English district adjectives) read back to their place: a district's or plant's
town, a region."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from typing import Any

from incidents.extraction import cues, geo, morphology

# "районе Казани", "району Харкова": a district word, then a city's name in the genitive (not a region's adjective);
# "Київському та Салтівському районах Харкова": other districts' adjectives listed before the word.
_LISTED_BEFORE = r"(?:(?:\s*,|\s+(?:и|і|та|й))\s+[А-ЯЁІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк|ск|цк)\w*){0,3}"
_CITY_AFTER_DISTRICT = re.compile(_LISTED_BEFORE + r"\s+(?:микро|мікро)?район\w*\s+([А-ЯЁІЇЄҐ][\w'’-]+)(\s+\w+)?")
# "Київський та Салтівський райони міста", "в Ленинском районе города": the districts of the city the text is about.
_THE_CITY_AFTER_DISTRICT = re.compile(_LISTED_BEFORE + r"\s+(?:микро|мікро)?район\w*\s+(?:города|міста)(?![\w-])",
                                      re.IGNORECASE)
_REGION_WORD_AFTER = re.compile(r"\s+(?:област|облас|обл\.|кра[йяюе]|краї|республик|республік|регион|регіон)", re.IGNORECASE)


def district_of_a_city(after: str) -> bool:
    """True when the district named before `after` is one of the city named right after it."""
    if _THE_CITY_AFTER_DISTRICT.match(after):
        return True
    match = _CITY_AFTER_DISTRICT.match(after)
    if not match or REGION_ADJECTIVE_END.search(match.group(1)) or DISTRICT_ADJECTIVE.search(match.group(1)):
        return False  # "Белгородского района Белгородской области": a rural district and its region
    if match.group(2) and _REGION_WORD_AFTER.match(match.group(2)):
        return False
    name = geo.nominative(match.group(1))
    found = geo.place(name) if name else None
    return found is not None and found.kind == "city"


@cache
def _nicknames() -> dict[str, str]:
    table = json.loads((cues.LEXICON_DIR / "region_nicknames.json").read_text(encoding="utf-8"))
    return {key.lower(): value for key, value in table.items() if not key.startswith("_")}


def nickname_region(word: str) -> str | None:
    """The oblast's adjective name for its popular name in any case ("Вінниччині" -> "Вінницька"), or None."""
    if not morphology.is_cyrillic(word) or len(word) < 5:
        return None
    lower, table = word.lower(), _nicknames()
    for cut, add in ((0, ""), (1, "а"), (2, "а"), (1, "я"), (1, "е"), (1, "ь"), (2, "ь"), (2, "е"), (1, "")):
        found = table.get(lower[:len(lower) - cut] + add)
        if found is not None:
            return found
    return None


# "Нікопольщина", "Павлоградщини", "Конотопщину", "Охтирщиною": an area named after its town (not an oblast's nickname).
_AREA_NICKNAME = re.compile(r"(?:щин|чин)(?:а|и|і|у|ою)$", re.IGNORECASE)


def town_area_nickname(word: str) -> str | None:
    """The town an area's popular name is made from ("Нікопольщині" -> "Нікополь", "Охтирщина" -> "Охтирка"), when
    the town is a known town of Ukraine or Russia (10,000 people or more: "Батьківщина" is no village's area)."""
    match = _AREA_NICKNAME.search(word) if len(word) >= 8 else None
    if match is None:
        return None
    stem = word[:match.start()]
    for name in (stem, stem + "ка", stem + "а", stem + "ь"):
        found = geo.place(name) if geo.is_name(name) else None
        if found is not None and found.kind == "city" and found.country in ("UA", "RU") and (found.population or 0) >= 10000:
            return name
    return None


# "Московского региона", "Нижегородский губернатор Глеб Никитин", "курского губернатора": a region's adjective before
# the word for the region or for its governor (the governor of the oblast, never of a town named by the adjective).
_REGION_WORD = re.compile(r"\s+(?:регион|регіон|губернатор|губернатора|губернатору|губернатором)", re.IGNORECASE)
_DISTRICT_WORD = re.compile(r"(?:(?:\s*,|\s+(?:и|і|та|й))\s+[А-ЯЁІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк|ск|цк)\w*){0,3}"  # "Лискинским и Острогожским районами", "Краснопільську та Миропільську громади"
                            r"\s+(?:(?:городск|муниципальн|міськ|муніципальн|сільськ|селищн|сельск|поселков)\w*\s+)?(?:район|округ|громад|общин|р-н)", re.IGNORECASE)  # "Краснопільська громада": Краснопілля
_MASCULINE_ADJECTIVE = re.compile(r"(?<=[сцз]к)(?:ого|ому|ом|ий|им)$|(?<=[сцз]ьк)(?:ого|ому|ий|им|ім)$", re.IGNORECASE)


def masculine_region(word: str, after: str) -> str | None:
    """'Московского региона': the region whose name is the adjective's feminine form (Московская), when one exists."""
    if not _REGION_WORD.match(after) or not _MASCULINE_ADJECTIVE.search(word):
        return None
    stem = _MASCULINE_ADJECTIVE.sub("", word)
    feminine = stem + ("а" if stem.lower().endswith("ськ") or stem.lower().endswith("цьк") or stem.lower().endswith("зьк") else "ая")
    return feminine if geo.is_name(feminine) and geo.get_gazetteer().lookup(feminine, kinds=("region",)) else None


DISTRICT_ADJECTIVE = re.compile(r"(?:ск|ськ|цьк|зьк)(?:ий|ой|ого|ому|ом|им|ій|ім|а|ої|у|ая|ую)$", re.IGNORECASE)


def district_named(word: str, after: str) -> bool:
    """True for a district's adjective before 'район'/'округ' ("Лискинском районе", "Київському районі")."""
    return bool(_DISTRICT_WORD.match(after) and (DISTRICT_ADJECTIVE.search(word) or _TSK_ADJECTIVE.search(word)))


# "Лельчицким районом", "Речицкого района": a Russian adjective in -цкий, made from a town in -ца, -цы or -цк.
_TSK_ADJECTIVE = re.compile(r"(?<=[а-яё])цк(?:ий|ой|ого|ому|ом|им)$", re.IGNORECASE)


def _tsk_town(word: str) -> str | None:
    """The town of Russia, Ukraine or Belarus a district's adjective in -цкий is made from (Лельчицы, Речица, and
    Торопец, Елец for "Торопецкий", "Елецкий"), the most populous reading, or None."""
    stem = word[:_TSK_ADJECTIVE.search(word).start()]
    towns = [c for c in (stem + "цы", stem + "ца", stem + "цк", stem + "ц") if geo.is_name(c) and not geo.abroad(c)
             and geo.place(c).kind == "city"]
    return max(towns, key=lambda c: geo.place(c).population or 0) if towns else None


def town_of_district(word: str, after: str) -> str | None:
    """'в Лискинском районе', 'у Стрийському районі', 'над Ефремовским районом': the town a district is named after
    (the adjective's stem, "Ефремов", "Стрий", "Лиски"), when the gazetteer knows no place by the adjective itself."""
    readings = district_readings(word, after)
    return readings[0] if readings else None


def district_readings(word: str, after: str) -> list[str]:
    """Every town a district's adjective may be made from, the most populous first ("Климовского района": Климовск,
    Климово), for a village said to lie in that district to choose the one near it."""
    if _DISTRICT_WORD.match(after) and not DISTRICT_ADJECTIVE.search(word) and _TSK_ADJECTIVE.search(word):
        return [town] if (town := _tsk_town(word)) else []
    if not _DISTRICT_WORD.match(after) or not DISTRICT_ADJECTIVE.search(word):
        return []
    stem = DISTRICT_ADJECTIVE.sub("", word)
    bucha = stem[:-2] + "а" if stem.lower().endswith(("ан", "ян")) else ""  # "Бучанський": Буча
    bucha = bucha if len(bucha) >= 3 and geo.is_name(bucha) and not geo.abroad(bucha) else ""
    if stem.lower().endswith("іль"):  # "Краснопільська", "Білопільський": Краснопілля, Білопілля
        bucha = bucha or stem[:-1] + "ля"
    plural = stem[:-2] + "ы" if stem.lower().endswith(("цов", "ков")) else ""  # "Клинцовский": Клинцы
    suffix = DISTRICT_ADJECTIVE.search(word).group(0).lower()
    in_sk = stem + next((s for s in ("ськ", "цьк", "зьк") if suffix.startswith(s)), "ск")  # "Морозовский", "Луцький": Морозовск, Луцьк
    soft = stem[:-2] + "ь" if stem.lower().endswith("ан") else ""  # "Россошанский": Россошь
    in_ya = stem[:-2] + "я" if stem.lower().endswith("ян") else ""  # "Наровлянский": Наровля
    in_ets = stem + "ць" if suffix.startswith("цьк") else ""  # "Марганецька громада", "Кременецький район": Марганець
    candidates = [c for c in (stem, stem + "ь", stem[:-1] if stem.endswith("ин") else "", stem + "а", stem + "и", bucha,
                              plural, in_sk, soft, in_ya, in_ets, stem[:-2] + "а" if stem.endswith("ин") else "")  # "Шосткинська": Шостка
                  if len(c) >= 3 and geo.is_name(c)]  # the stem itself names the town, no other reading
    community = _DISTRICT_WORD.match(after).group(0).lower().endswith(("громад", "общин"))  # "Семенівська та Новгород-Сіверська громади"
    candidates += _ikavism_towns(stem, suffix, community)
    candidates += _russian_spelling_towns(stem, in_sk) + _compound_towns(stem) + _plural_towns(stem)
    candidates += [name for name in (geo.irregular_name(in_sk),) if name]  # "Криворізький район": Кривий Ріг
    home = [c for c in candidates if not geo.abroad(c)]  # a district of Russia or Ukraine: not Buchan Airport, Florida
    if _RURAL_COMMUNITY.match(after):  # "Миколаївська сільська громада": the village Миколаївка, never the city Миколаїв
        home = [c for c in home + _village_towns(stem) if (geo.place(c).population or 0) < RURAL_CENTRE_MAX_PEOPLE]
        region = _region_after(after)
        inside = [c for c in home if region is not None and geo.city_in_region(c, region) is not None]
        if region is not None:  # no such village known in the region named: no namesake far away either
            return inside
    if stem.lower().endswith(("ів", "їв")):  # "Василівський район": no hamlet Василів (1,229 people) centres a district
        home = [c for c in home if (geo.place(c).population or 0) >= DISTRICT_CENTRE_PEOPLE]
    # "Краснопільська": Krasnopillia (7,849 people), not a hamlet called Краснопіль; a "район" abroad is a misreading
    return sorted(dict.fromkeys(home), key=lambda c: -(geo.place(c).population or 0))  # ("Брасовский": not Brașov)


DISTRICT_CENTRE_PEOPLE = 3000
RURAL_CENTRE_MAX_PEOPLE = 50_000  # a village's or settlement's community (сільська, селищна) is never centred on a city
_RURAL_COMMUNITY = re.compile(r"\s+(?:сільськ|селищн|сельск|поселков)\w*\s+(?:громад|общин)", re.IGNORECASE)


_REGION_AFTER = re.compile(r"\s+\w+\s+\w+\s+(?:([А-ЯЁІЇЄҐ][\w'’-]+)\s+област|(?:на|в|у)\s+([А-ЯЁІЇЄҐ][\w'’-]+))", re.IGNORECASE)


def _region_after(after: str) -> Any:
    """'… сільська громада Одеської області', '… на Херсонщині': the region named right after a community, or None."""
    match = _REGION_AFTER.match(after)
    name = (geo.nominative(match.group(1)) if match.group(1) else nickname_region(match.group(2))) if match else None
    found = geo.place(name, "region") if name else None
    return found if found is not None and found.kind == "region" else None


def placed_village_community(after: str) -> bool:
    """True for a village's community with its region named after it ("сільська громада Одеської області"), whose
    villages district_readings reads in that region only."""
    return bool(_RURAL_COMMUNITY.match(after)) and _region_after(after) is not None


def _village_towns(stem: str) -> list[str]:
    """'Петрівська/Петровская сельская община': the villages of Ukraine or Russia its stem may name (Петрівка, Петрове,
    Петровка, Петрово, Петровское), each known to the gazetteer."""
    lower = stem.lower()
    bases = [stem, stem[:-2] + ("ов" if lower.endswith("ів") else "єв")] if lower.endswith(("ів", "їв")) else [stem]
    readings = [b + end for b in dict.fromkeys(bases) for end in ("ка", "е", "о", "ське", "ское")]
    return [c for c in readings if len(c) >= 4 and geo.is_name(c) and not geo.abroad(c)]
RAION_CENTRE_PEOPLE = 9000  # a town in -івка centring a raion (Berezivka, Odesa region: 9,644 people)
QUARTER_PEOPLE = 150_000  # a "town" in -івка this big is a city's quarter the gazetteer lists (Saltivka of Kharkiv)


def _russian_spelling_towns(stem: str, in_sk: str) -> list[str]:
    """'Рильським районом', 'Людиновським', 'Шебекинського': a town of Russia as Ukrainian outlets spell its district,
    read back to the Russian name (Рыльск) or to its -о form (Людиново, Шебекино), never a Ukrainian namesake."""
    readings = [geo.nominative(in_sk) if len(in_sk) >= 4 and not geo.is_name(in_sk) else None, stem + "о"]
    named = [c for c in readings if c and len(c) >= 4 and geo.is_name(c)]
    return [c for c in named if (geo.place(c).country == "RU" and (geo.place(c).population or 0) >= DISTRICT_CENTRE_PEOPLE)]


# A two-word town fused into its district's adjective, per language: the heads the adjective may open with (each head's
# forms), and the endings of the rest (a final ending to cut, the letters to add) that may give the town's second word.
# "Великописарівська громада" (Велика Писарівка), "Новокаховський" (Нова Каховка), "Білоцерківський" (Біла Церква:
# "церків" is the genitive plural of "церква").
_COMPOUND_UK = ({"велико": ("Велика", "Великий", "Велике", "Великі"), "мало": ("Мала", "Малий", "Мале", "Малі"),
                 "ново": ("Нова", "Новий", "Нове", "Нові"), "старо": ("Стара", "Старий", "Старе", "Старі"),
                 "біло": ("Біла", "Білий", "Біле", "Білі"), "верхньо": ("Верхня", "Верхній", "Верхнє"),
                 "нижньо": ("Нижня", "Нижній", "Нижнє"), "червоно": ("Червона", "Червоний", "Червоне")},
                (("", ""), ("", "ка"), ("", "а"), ("", "е"), ("", "и"), ("", "ськ"), ("ів", "ва")))
# "Старооскольский" (Старый Оскол), "Краснояружский" (Красная Яруга: ж read back as г), "Белокалитвинский" (Белая
# Калитва: -ин dropped), "Великолукский" (Великие Луки).
_COMPOUND_RU = ({"старо": ("Старый", "Старая", "Старое"), "ново": ("Новый", "Новая", "Новое", "Новые"),
                 "красно": ("Красный", "Красная", "Красное"), "бело": ("Белый", "Белая", "Белое"),
                 "велико": ("Великий", "Великая", "Великие"), "нижне": ("Нижний", "Нижняя", "Нижнее"),
                 "верхне": ("Верхний", "Верхняя", "Верхнее")},
                (("", ""), ("", "а"), ("", "и"), ("", "ы"), ("ин", "а"), ("ж", "га")))


def _compound_names(stem: str, table: tuple[dict[str, tuple[str, ...]], tuple[tuple[str, str], ...]]) -> list[str]:
    """The two-word town names a fused district adjective's stem may stand for: every form of its head with every
    reading of the rest (a language's table, _COMPOUND_UK or _COMPOUND_RU)."""
    heads, endings = table
    lower = stem.lower()
    head = next((h for h in heads if lower.startswith(h) and len(lower) > len(h) + 2), None)
    if head is None:
        return []
    rest = stem[len(head)].upper() + stem[len(head) + 1:]
    tails = [rest[:len(rest) - len(end)] + add for end, add in endings if rest.lower().endswith(end)]
    return [f"{h} {t}" for h in heads[head] for t in tails if len(t) >= 3]


def _compound_towns(stem: str) -> list[str]:
    """The Ukrainian two-word towns a fused stem may name, each known to the gazetteer in Ukraine or Russia."""
    return [c for c in _compound_names(stem, _COMPOUND_UK) if geo.is_name(c) and not geo.abroad(c)]


def _plural_towns(stem: str) -> list[str]:
    """'Ливенский' (Ливны), 'Валуйский' (Валуйки), 'Кимрский' (Кимры): a Russian district named after a town whose
    name is a plural noun (the stem's fleeting vowel dropped, or -ки added), read only for a town of Russia or Ukraine big
    enough to be a district's centre."""
    lower = stem.lower()
    readings = [stem + "ки"] if lower.endswith(("й", "ь")) else []  # "Валуй": Валуйки, not "Раменки" for Раменский
    if re.search(r"[^аеёиоуыэюяйь][^аеёиоуыэюяйь]$", lower):  # "Кимр": Кимры
        readings += [stem + "ы", stem + "и"]
    if re.search(r"[^аеёиоуыэюяй][еоё][нлрк]$", lower):  # "Ливен": Ливны; "Коломен": Коломна
        readings += [stem[:-2] + stem[-1] + "ы", stem[:-2] + stem[-1] + "и", stem[:-2] + stem[-1] + "а"]
    if re.search(r"[^аеєиіїоуюяй]ен$", lower):  # "Сарненський": Сарни; "Рівненський": Рівне (the -ен- the adjective adds)
        readings += [stem[:-2] + "и", stem[:-2] + "е"]
    readings += _compound_names(stem, _COMPOUND_RU)
    named = {c: geo.place(c) for c in readings if len(c) >= 4 and geo.is_name(c) and not geo.abroad(c)}
    return [c for c, town in named.items() if town is not None and town.kind == "city" and town.country in ("RU", "UA")
            and (town.population or 0) >= DISTRICT_CENTRE_PEOPLE]


def _ikavism_towns(stem: str, suffix: str, community: bool) -> list[str]:
    """'Межівська громада', 'Василівська громада', 'Пологівська громада': a community's adjective whose -ів- was its
    town's -ов- or whose town adds -ка (Межова, Василівка, Пологи), read only for a town big enough to be a community's
    centre (a район of that form is often a city's quarter: Салтівський, Шевченківський); 'Запорізький' and
    'Кременчуцький' from Запоріжжя and Кременчук, for a район too."""
    lower = stem.lower()
    if lower.endswith(("ів", "їв")) and community:
        base = stem[:-2] + ("ов" if lower.endswith("ів") else "єв")
        readings = [stem + "ка", base + "а", base + "е", base + "о", stem[:-2] + "и"]
    elif lower.endswith(("ів", "їв")):  # "Шепетівський район": Шепетівка, a town the size of a raion's centre (not
        base = stem[:-2] + ("ов" if lower.endswith("ів") else "єв")  # Kharkiv's quarter Saltivka, a city's size);
        named = {c: geo.place(c) for c in [stem + "ка", base + "е"] if geo.is_name(c)}  # "Синельниківський": Синельникове
        return [c for c, town in named.items() if town is not None and town.kind == "city" and town.country == "UA"
                and RAION_CENTRE_PEOPLE <= (town.population or 0) < QUARTER_PEOPLE]
    elif suffix.startswith("зьк"):
        readings = [stem + "жжя", stem + "г"]
    elif suffix.startswith("цьк"):
        readings = [stem + "к", stem + "ок"]
    else:
        return []
    named = {c: geo.place(c) for c in readings if len(c) >= 4 and geo.is_name(c)}
    return [c for c, town in named.items()
            if town is not None and town.country == "UA" and (town.population or 0) >= DISTRICT_CENTRE_PEOPLE]

# "Саратовський НПЗ", "Рязанского нефтеперерабатывающего завода", "Новошахтинської ТЕЦ": a plant named by its town's adjective.
_PLANT_NOUN_AFTER = re.compile(r"\s+(?:нафтопереробн\w*|нефтеперерабатывающ\w*|НПЗ|нафтобаз\w*|нефтебаз\w*|ТЕЦ|ТЭЦ|ГРЕС|ГРЭС|ТЕС|"
                             r"ТЭС|завод\w*|комбінат\w*|комбинат\w*|аеродром\w*|аэродром\w*)(?![\w-])")


def past_plant(after: str) -> str:
    """The words after a town's adjective past the plant it names ("… нефтеперерабатывающий завод атакован": " атакован")."""
    for _ in range(2):
        plant = _PLANT_NOUN_AFTER.match(after)
        after = after[plant.end():] if plant else after
    return after


def facility_town(word: str, after: str) -> str | None:
    """The town of Russia or Ukraine a plant's adjective is made from ("Саратовський" -> "Саратов", "Новокуйбишевський" ->
    "Новокуйбишевськ", "Рязанского" -> "Рязань"), the most populous reading of at least DISTRICT_CENTRE_PEOPLE; else None."""
    if not _PLANT_NOUN_AFTER.match(after) or not DISTRICT_ADJECTIVE.search(word):
        return None
    stem = DISTRICT_ADJECTIVE.sub("", word)
    readings = [stem, stem + "ськ", stem + "ск", stem + "ь", stem + "а", stem + "о", geo.nominative(word) or ""]
    readings += _indeclinable_towns(stem)
    home = [c for c in dict.fromkeys(readings) if len(c) >= 4 and geo.is_name(c) and not geo.abroad(c)]
    people = {c: (geo.place(c).population or 0) for c in home}
    towns = [c for c in home if people[c] >= DISTRICT_CENTRE_PEOPLE and geo.place(c).kind == "city"]
    return max(towns, key=people.get) if towns else None


def _indeclinable_towns(stem: str) -> list[str]:
    """'Туапсинский НПЗ' (Туапсе), 'Сочинский' (Сочи), 'Киришский' (Кириши): a town in -е or -и, which does not decline,
    makes its adjective with -инский or -ский; the stem read back to both endings."""
    base = stem[:-2] if stem.lower().endswith("ин") else stem
    return [base + "е", base + "и"] if len(base) >= 3 else []


def district_town_in_o(word: str, after: str) -> str | None:
    """'над Миллеровским районом', 'Хомутовский р-н', 'Білозерська громада': a district's town in -о or -ка (Миллерово,
    Хомутовка, Білозерка), tried when neither the stem nor the adjective names a place; only a town big
    enough to be a district's centre ("Слобідський район" of Kharkiv is no village Слобідка)."""
    if "ськ" in word.lower() and not re.match(r"\s+громад", after, re.IGNORECASE):  # a Ukrainian район is named after its
        return None  # centre's own name ("Салтівський" is a district of Kharkiv); a громада may be a village's: Білозерка
    if placed_village_community(after):
        return None  # a village's community in a region named: its villages were read there (district_readings)
    stem = DISTRICT_ADJECTIVE.sub("", word)
    home = [c for c in (stem + "о", stem + "ка") if len(c) >= 5 and geo.is_name(c) and not geo.abroad(c)]
    people = {c: (geo.place(c).population or 0) if geo.place(c) else 0 for c in home}
    centres = [c for c in home if people[c] >= DISTRICT_CENTRE_PEOPLE]
    return max(centres, key=people.get) if centres else None


def adjective_town(word: str) -> str | None:
    """'Раменском районе': a town named by the adjective itself (Раменское), read like any other name."""
    stem = DISTRICT_ADJECTIVE.sub("", word)
    named = geo.nominative(word)
    return named if named is not None and named.lower().startswith(stem.lower()) else None


# "над Смоленской", "на Харківській": an oblast's adjective alone is the oblast (not a stanitsa of that name, which
# is written with its noun: "в станице Смоленской").
REGION_ADJECTIVE_END = re.compile(r"(?:ская|цкая|зкая|ська|цька|зька)$", re.IGNORECASE)


# "the Gryazinsky district", "the Yefremovsky raion": a district's adjective as English transliterates it.
LATIN_DISTRICT = re.compile(r"(?P<stem>[A-Z][a-z]{2,})(?:skiy|skyi|skyy|skii|sky|ski|skoy|skoi)")
LATIN_DISTRICT_WORD = re.compile(r"\s+(?:(?:municipal|urban|rural)\s+)?(?:districts?|raions?|rayons?)\b", re.IGNORECASE)
# "the Kyivskyi district of Kharkiv": a quarter of the city named after it (not "... district of the Lipetsk region").
_LATIN_CITY_AFTER = re.compile(r"\s+(?:district|raion|rayon)\s+of\s+(?:the\s+)?(?:city\s+of\s+)?[A-Z][\w'’-]+"
                               r"(?!\s+(?:region|oblast|province|krai|territory|republic)\b)")


def latin_district_of_a_city(after: str) -> bool:
    """True when the English district named before `after` is one of the city named right after it."""
    return _LATIN_CITY_AFTER.match(after) is not None


# "Kyivskyi and Saltivskyi districts", "Shevchenkivskyi, Sobornyi and Novokodatskyi districts": other districts' names
# listed before the district word.
_LATIN_LISTED = r"(?:(?:\s*,|\s+and|\s+&)\s+(?:the\s+)?(?-i:[A-Z])[a-z'’-]{2,}){0,5}"  # "…, Sobornyi and Novokodatskyi"
LATIN_DISTRICTS_LISTED = re.compile(_LATIN_LISTED + LATIN_DISTRICT_WORD.pattern, re.IGNORECASE)
_LATIN_LISTED_CITY_AFTER = re.compile(_LATIN_LISTED + r"\s+(?:districts?|raions?|rayons?)\s+of\s+(?:the\s+)?(?:city\s+of\s+)?"
                                      r"(?-i:[A-Z])[\w'’-]+(?!\s+(?:region|oblast|province|krai|territory|republic)\b)",
                                      re.IGNORECASE)
# "the city's Kyivskyi and …", "Kharkiv's Saltivskyi …": an owner before the (first) adjective of the list.
_OWNER_BEFORE = re.compile(r"(?:\bthe\s+(?P<noun>city|capital|town)|(?P<name>(?-i:[A-Z])[\w'’-]+))['’]s?\s+"
                           r"(?:(?-i:[A-Z])[\w'’-]+(?:\s*,\s*|\s+and\s+|\s+&\s+))*$", re.IGNORECASE)


def latin_quarters_of_a_city(before: str, after: str) -> bool:
    """True when an English district adjective (in a list or alone, before 'district(s)') names quarters of a city:
    owned by "the city's" or a city's name ("Kharkiv's Kyivskyi and Saltivskyi districts"), or "… districts of Kharkiv"."""
    if _LATIN_LISTED_CITY_AFTER.match(after):
        return True
    owner = _OWNER_BEFORE.search(before)
    if owner is None:
        return False
    if owner.group("noun"):
        return True
    found = geo.place(owner.group("name")) if geo.is_name(owner.group("name")) else None
    return found is not None and found.kind == "city"


def latin_district_town(word: str) -> str | None:
    """The town of Russia or Belarus an English district adjective is made from ("Gryazinsky": Gryazi, "Kirishsky":
    Kirishi, "Morozovsky": Morozovsk), the most populous reading; None when no such town is known or the name is of the
    Soviet naming stock ("the Oktyabrsky district": one in many a region, no one town's). Not Ukraine's: there English
    names a raion by its town ("the Nikopol district"), and "the Podilskyi district" is a quarter of Kyiv."""
    stem = LATIN_DISTRICT.fullmatch(word).group("stem")
    if stem.lower().startswith(_generic_districts()):
        return None
    readings = [stem, stem + "sk", stem + "i", stem + "a", stem + "o", stem + "y", stem + "e"]
    if stem.endswith(("in", "yn")):
        readings.append(stem[:-1])  # "Gryazin-sky": Gryazi
    towns = [geo.place(r) for r in readings if geo.is_name(r)]
    towns = [t for t in towns if t is not None and t.kind == "city" and t.country in ("RU", "BY")
             and (t.population or 0) >= DISTRICT_CENTRE_PEOPLE]
    return max(towns, key=lambda t: t.population or 0).name if towns else None


def generic_district(word: str) -> bool:
    """True for a district adjective of the Soviet naming stock in either script ("Октябрьского", "Sovetsky"): one in
    many a region, no one town's."""
    return word.lower().startswith(_generic_districts())


@lru_cache(maxsize=1)
def _generic_districts() -> tuple[str, ...]:
    return tuple(cues.lexicon_lines("generic_district_names.txt"))
