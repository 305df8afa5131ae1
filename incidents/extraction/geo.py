"""The extractor's window on geodata: gazetteer names, geocoding with context, airports, time zones, distance checks."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, Iterable

from geodata.errors import QUERY_ERRORS
from geodata.gazetteer import Place, get_gazetteer
from geodata.names import normalize
from incidents.extraction import morphology
from incidents.extraction.cues import LEXICON_DIR

# Errors meaning "no such place" for one name; a broken data file (DataFileError) is not one of them and is raised.
MISSES = (*QUERY_ERRORS, ValueError)


def is_name(text: str) -> bool:
    """True when the gazetteer knows the (normalised) text as the name of some place."""
    return get_gazetteer().is_name(text)


def max_words() -> int:
    """The longest gazetteer name, in words."""
    return get_gazetteer().max_words


@lru_cache(maxsize=16384)
def key(text: str) -> str:
    """The gazetteer's matching key for a name (cached: the same names come back in every sentence)."""
    return normalize(text)


@lru_cache(maxsize=4096)
def place(name: str, hint: str | None = None, context: tuple[Any, ...] = ()) -> Place | None:
    """The most likely place for a name in this article's context (countries and places already seen), or None."""
    from geodata.geocoding import geocode

    query = f"{name} region" if hint == "region" and "region" not in name.lower() else name
    try:
        found = geocode(query, None, () if hint == "region" else context)
    except MISSES:
        return None
    if hint == "region" and found.kind != "region":
        regions = get_gazetteer().lookup(name, kinds=("region",))
        return regions[0] if regions else found
    if hint is None and found.kind == "region":
        cities = [c for c in get_gazetteer().lookup(name, kinds=("city",)) if c.country == found.country]
        return cities[0] if cities else found
    world = _world_city(name) if context and found.kind == "city" and key(found.name) != key(name) else None
    if world is not None:
        return world  # "gathered in Paris" after Odesa: not Veselyi Kut, once called Paris
    found = _theatre_first(name, _own_name_first(name, found)) if not context else _in_focus(name, found, context)
    return _country_over_alias(name, found)


def _country_over_alias(name: str, found: Place) -> Place:
    """A country's name is the country, not a place that has it only as another name ("атаку Росії на Україну" in an
    Odesa story is Russia, not the Odesa-region village once called Росія, nor Roşia in Romania)."""
    if found.kind == "country" or normalize(found.name) == normalize(name):
        return found
    return next(iter(get_gazetteer().lookup(name, kinds=("country",))), found)


def is_country(name: str) -> bool:
    """True when the name (any case form the gazetteer knows) is a country's ("Росії" read as "Росія")."""
    return any(get_gazetteer().lookup(reading, kinds=("country",)) for reading in (name, nominative(name) or name))


def _world_city(name: str) -> Place | None:
    """The city of a million people or more whose own name this is, wherever the article's focus lies; else None."""
    from geodata.geocoding import geocode

    try:
        found = geocode(name, None, ())
    except MISSES:
        return None
    return found if found.kind == "city" and (found.population or 0) >= WORLD_CITY_PEOPLE and key(found.name) == key(name) else None


def _in_focus(name: str, found: Place, context: tuple[Any, ...]) -> Place:
    """A namesake in the region in focus beats one elsewhere ("У Золочеві" after "Харківська ОВА" is Zolochiv near
    Kharkiv, not the bigger one near Lviv), the name's other readings (lemmas, ending rules) looked up too."""
    regions = {(p.country, p.admin1) for p in context if isinstance(p, Place) and p.kind == "region" and p.admin1}
    if found.kind != "city":
        return found
    if (found.country, found.admin1) in regions:
        return _centre_over_hamlet(name, found)
    if not regions:
        bigger = _far_bigger(name, found)
        return found if bigger is not found and _own_name_by_the_cities(name, found, bigger, context) else bigger
    readings = [name]
    if morphology.is_cyrillic(name) and " " not in name:
        toponyms, others = morphology.lemmas(name)
        readings += [*toponyms, *others] + [name[: -len(end)] + new for end, new in _endings()
                                            if name.lower().endswith(end) and len(name) > len(end) + 2]
    for reading in dict.fromkeys(readings):
        local = [c for c in get_gazetteer().lookup(reading, kinds=("city",)) if (c.country, c.admin1) in regions]
        if local:
            best = max(local, key=lambda c: c.population or 0)
            return found if _region_centre(found) and (best.population or 0) < HAMLET_PEOPLE else best
    return _far_bigger(name, found)


# A region's centre (a city of this many people named like its region) is that city, not a hamlet of the region in
# focus (fewer people than this) known by the name: "Ровно" in a live blog after the Volyn governor is Rivne, not a
# Volyn village of that name; a town of the region in focus keeps the name (Mykolaiv near Lviv in a Lviv story).
REGION_CENTRE_PEOPLE = 100_000
HAMLET_PEOPLE = 5_000


def _region_centre(found: Place) -> bool:
    return (found.population or 0) >= REGION_CENTRE_PEOPLE and key(found.name) == key(found.admin1 or "")


def _centre_over_hamlet(name: str, found: Place) -> Place:
    """The region's centre of the same name, when the namesake found in the region in focus is a hamlet (not a centre
    that only once had the name: Stanislav in the Kherson region stays, Ivano-Frankivsk was Stanislav)."""
    if (found.population or 0) >= HAMLET_PEOPLE:
        return found
    return next((c for c in get_gazetteer().lookup(name, kinds=("city",)) if _region_centre(c) and c.country in THEATRE
                 and key(c.name) == key(found.name)), found)


def _own_name_by_the_cities(name: str, found: Place, bigger: Place, context: tuple[Any, ...]) -> bool:
    """'у Херсоні …, у Станіславі — …': a town called by its own name in the region of a city in focus stays, not a much
    bigger place that has the name only as a former or another name (Ivano-Frankivsk, once Stanislav)."""
    homes = {(p.country, p.admin1) for p in context if isinstance(p, Place) and p.kind == "city" and p.admin1}
    return (normalize(found.name) == normalize(name) != normalize(bigger.name)
            and (found.country, found.admin1) in homes)


# A city this big, named by its own name, is not a village in the region in focus known by that name only as another
# ("gathered in Paris" after Odesa: not Veselyi Kut, once called Paris).
WORLD_CITY_PEOPLE = 1_000_000
# Outside the regions in focus, a namesake this many times bigger in the same country is the one meant ("Mykolaiv"
# after Khmelnytskyi is the regional capital on the Southern Bug, not the small town near Lviv).
BIGGER_FACTOR = 20


def _far_bigger(name: str, found: Place) -> Place:
    same = [c for c in get_gazetteer().lookup(name, kinds=("city",)) if c.country == found.country]
    biggest = max(same, key=lambda c: c.population or 0, default=found)
    return biggest if (biggest.population or 0) > BIGGER_FACTOR * (found.population or 0) else found


# A place called by its own name beats a bigger one that only has the name as a former or alternative name
# ("Pokrovsk" is a town in Donetsk region, not Engels, once Pokrovsk), unless it is much smaller.
OWN_NAME_SHARE = 0.25


def _own_name_first(name: str, found: Place) -> Place:
    wanted = normalize(name)
    if found.kind != "city" or normalize(found.name) == wanted:
        return found
    best = _most_populous_called(name, get_gazetteer().lookup(name, kinds=("city",)))
    return best if best is not None and (best.population or 0) >= OWN_NAME_SHARE * (found.population or 0) else found


def _most_populous_called(name: str, cities: list[Place]) -> Place | None:
    """The most populous of the cities whose own name (not an alternative one) is `name`, or None."""
    wanted = normalize(name)
    return max((c for c in cities if normalize(c.name) == wanted), key=lambda c: c.population or 0, default=None)


# With no place seen yet, a town of the war's countries beats a namesake abroad at most this many times bigger ("Saky",
# the Crimean air-base town, not Saki in Nigeria; "Alexandria" stays the Egyptian city, 70 times the Ukrainian one).
THEATRE = frozenset({"RU", "UA", "BY"})
THEATRE_SHARE = 0.1
# ... and a town of theirs of at least this many people called by its own name beats any place abroad that has the name
# only as another language's name for it ("Reni", the Danube port, not Rennes, whose alternate names hold "Reni").
HOME_OWN_NAME_PEOPLE = 5_000


def _theatre_first(name: str, found: Place) -> Place:
    if found.kind != "city" or found.country in THEATRE:
        return found
    local = [c for c in get_gazetteer().lookup(name, kinds=("city",)) if c.country in THEATRE]
    if normalize(found.name) != normalize(name):  # a name abroad only as another language's: a home town called so wins
        own = _most_populous_called(name, [c for c in local if (c.population or 0) >= HOME_OWN_NAME_PEOPLE])
        if own is not None:
            return own
    best = max(local, key=lambda c: c.population or 0, default=None)
    return best if best is not None and (best.population or 0) >= THEATRE_SHARE * (found.population or 0) else found


@lru_cache(maxsize=4096)
def airport(query: str, country: str | None = None) -> Place | None:
    """The airport meant by a name, a city or a code ("Kazan", "Vnukovo", "KZN"), or None."""
    from geodata.geocoding import find_airport

    try:
        return find_airport(query, country)
    except MISSES:
        return None


def airports_named(name: str) -> list[Place]:
    """The airports (and air bases) the gazetteer knows by this name ("Шереметьево", "Strigino", "Kazan")."""
    return get_gazetteer().lookup(name, kinds=("airport",)) if name.strip() else []


def airports_near(found: Place, km: float) -> list[Place]:
    """Airports and air bases within `km` of a place, nearest first."""
    return get_gazetteer().airports_near(found.lat, found.lon, km)


def airport_by_code(code: str) -> Place | None:
    """The airport with this IATA or ICAO code, or None."""
    return get_gazetteer().airport_by_code(code)


def timezone_of(found: Place) -> str:
    """The IANA time zone of a place (its own, else the zone at its coordinates)."""
    if found.timezone and found.timezone != "UTC":
        return found.timezone
    from geodata.regions import timezone_at

    return timezone_at(found.lat, found.lon)


def admin1_of(found: Place) -> str:
    """The admin-1 region of a place (its own, else the region at its coordinates)."""
    if found.admin1:
        return found.admin1
    from geodata.regions import reverse

    try:
        return reverse(found.lat, found.lon).admin1 or ""
    except MISSES:
        return ""


def check_claim(lat: float, lon: float, ref: Place, claimed_km: float) -> dict[str, Any]:
    """The claimed distance from `ref` checked against the geodesic one (geodata.distances.check_claim)."""
    from geodata.distances import check_claim as check

    if ref.kind == "country":
        return _check_border_claim(lat, lon, ref, claimed_km)
    result = check(lat, lon, ref.lat, ref.lon, claimed_km)
    return {
        "reference": ref.name,
        "claimed_km": round(float(result.claimed_km), 1),
        "geodesic_km": round(float(result.geodesic_km), 1),
        "error_pct": round(float(result.error_pct), 1),
        "verdict": str(result.verdict),
    }


def _check_border_claim(lat: float, lon: float, ref: Place, claimed_km: float) -> dict[str, Any]:
    """'4,000 km from Ukraine': measured to the country's nearest border, not to its centre."""
    from geodata.distances import claim_verdict, km_to_border

    actual = km_to_border(lat, lon, ref.country)
    pct = 100.0 * (claimed_km - actual) / actual if actual else 0.0
    return {"reference": f"{ref.name} (nearest border)", "claimed_km": round(float(claimed_km), 1),
            "geodesic_km": round(float(actual), 1), "error_pct": round(pct, 1), "verdict": str(claim_verdict(pct, actual))}


def offset_place(ref: Place, km: float, bearing: float, label: str) -> Place:
    """An approximate place `km` from `ref` on a bearing ("a village about 30 km south of Belgorod"), kind 'approximate'."""
    from pyproj import Geod

    lon, lat, _ = Geod(ellps="WGS84").fwd(ref.lon, ref.lat, bearing, km * 1000.0)
    return Place(name=label, lat=round(float(lat), 4), lon=round(float(lon), 4), country=ref.country, admin1=ref.admin1,
                 kind="approximate", source=f"{km:g} km from {ref.name}", timezone=ref.timezone)


def near_place(ref: Place, km: float, label: str) -> Place:
    """An approximate place `km` from `ref` in no stated direction ("5 km from Grayvoron"): at the reference."""
    return replace(ref, name=label, kind="approximate", source=f"{km:g} km from {ref.name}", population=0, iata=None,
                   icao=None, alternatives=())


def between_place(a: Place, b: Place, label: str) -> Place:
    """An approximate place between two others ("between Tula and Aleksin"): their midpoint."""
    return replace(a, name=label, lat=round((a.lat + b.lat) / 2.0, 4), lon=round((a.lon + b.lon) / 2.0, 4),
                   kind="approximate", source=f"between {a.name} and {b.name}", population=0, iata=None, icao=None,
                   alternatives=())


def region_of(found: Place) -> Place | None:
    """The admin-1 region a place lies in, as a region Place, or None."""
    if not found.admin1:
        return None
    return next((r for r in get_gazetteer().lookup(found.admin1, kinds=("region",)) if r.country == found.country), None)


def city_in_region(name: str, region: Place) -> Place | None:
    """The most populous city of that name inside `region` (same admin-1), or None."""
    found = [c for c in get_gazetteer().lookup(name, kinds=("city",)) if c.admin1 == region.admin1]
    return found[0] if found else None


def city_near(name: str, place: Place, km: float) -> Place | None:
    """The first city of that name (as the gazetteer orders them) within `km` of `place`, or None."""
    return next((c for c in cities_named(name) if km_between(c, place) <= km), None)


@lru_cache(maxsize=4096)
def cities_named(name: str) -> tuple[Place, ...]:
    """Every city the gazetteer knows by this name, its own or an alternative one (empty for no such name)."""
    try:
        return tuple(get_gazetteer().lookup(name, kinds=("city",))) if name.strip() else ()
    except MISSES:
        return ()


def km_between(a: Place, b: Place) -> float:
    """Geodesic distance between two places in kilometres."""
    from geodata.distances import geodesic_km

    return float(geodesic_km(a.lat, a.lon, b.lat, b.lon))


def km_roughly(a: Place, b: Place) -> float:
    """Great-circle distance in kilometres on a sphere (good to 0.5 %; for thresholds, many times faster)."""
    from geodata.geocoding import rough_km

    return rough_km(a.lat, a.lon, b.lat, b.lon)


CONTEXT_PLACES = 8


def context_of(places: Iterable[Place]) -> tuple[Place, ...]:
    """A hashable geocoding context: the distinct places seen so far (at most a few)."""
    seen: dict[tuple[str, str, str], Place] = {}
    for item in places:
        seen.setdefault((item.name, item.country, item.kind), item)  # the city of Kherson and its region are two
        if len(seen) == CONTEXT_PLACES:
            break
    return tuple(seen.values())


_ADJECTIVAL = ("ской", "ского", "скому", "ском", "скую", "ская", "ської", "ській", "ську", "ського", "ською", "ська", "цкой", "цкого", "цькою",
               "зькою", "зької")


@lru_cache(maxsize=1)
def _endings() -> tuple[tuple[str, str], ...]:
    rules = []
    for line in (LEXICON_DIR / "cyrillic_endings.txt").read_text(encoding="utf-8").splitlines():
        if "->" in line and not line.startswith("#"):
            ending, replacement = (part.strip() for part in line.split("->", 1))
            rules.append((ending, replacement))
    return tuple(rules)


@lru_cache(maxsize=4096)
def nominative(word: str) -> str | None:
    """A Cyrillic place name in an inflected case ("Казани", "Харкові", "Брянской") read back to the name the gazetteer
    knows ("Казань", "Харків", "Брянская"): the word as written or a toponym lemma (pymorphy3) first, else the other
    lemmas and ending rules, the reading naming the most populous place winning; None when no reading is a known name."""
    if not morphology.is_cyrillic(word):
        return word if is_name(word) else None
    irregular = _irregular().get(word.lower().replace("ʼ", "’"))
    if irregular is not None and is_name(irregular):
        return irregular
    on_river = _on_river(word)
    if on_river is not None:
        return on_river
    if " " not in word and morphology.is_common_word(word):
        return plural_town(word)
    endings = [word[: -len(end)] + new for end, new in _endings() if word.lower().endswith(end) and len(word) > len(end) + 2]
    if word.lower().endswith(_ADJECTIVAL):  # "Брянской (области)": an oblast named by its adjective
        regions = [r for r in [word, *endings] if is_name(r) and get_gazetteer().lookup(r, kinds=("region",))]
        if regions:
            return regions[0]
    toponyms, others = morphology.lemmas(word) if " " not in word else ((), ())
    first = _home_first([word, *toponyms])
    second = _home_first([*others, *endings])
    if second is not None and second not in morphology.dictionary_lemmas(word) and _town_as_written(word, first):
        second = None  # "порт Рені": the Danube town Reni itself, not "Рен" (Orenburg) guessed by cutting an ending
    if first is not None and second is not None and not abroad(second) and _people(second) >= BIGGER_FACTOR * max(_people(first), 1000):
        return second  # "у Вінниці": Vinnytsia, not the hamlet Vinnitsy that the form spells
    if first is not None and not abroad(first):
        return first
    if second is not None and (first is None or not abroad(second)):
        return second  # "Жители Качи": Kacha in Crimea, not Kōchi in Japan, whose Russian name is written "Качи"
    if first is not None:
        return first
    several = _several_words(word) if word.count(" ") == 1 else None
    return several if several is not None else _russian_spelling(word)


# Ukrainian letters of a Russian town's name in its Russian spelling ("Вигоничі": "Выгоничи"): і is и, є is е, and и is
# ы or и (each reading tried).
_UKRAINIAN_TO_RUSSIAN = str.maketrans({"і": "и", "І": "И", "ї": "и", "є": "е", "Є": "Е"})


def _russian_spelling(word: str) -> str | None:
    """'Вигоничі', 'у Вигоничах', 'Рильськ': a town of Russia written in Ukrainian letters, read in its Russian spelling
    (the most populous reading); None when the word has no such letter or no spelling names a town of Russia."""
    if " " in word or not re.search(r"[иіїє]", word[1:], re.IGNORECASE):
        return None
    body = word[1:].replace("ьськ", "ск").replace("ськ", "ск").replace("цьк", "цк")
    ys = [i for i, letter in enumerate(body) if letter == "и"][:4]
    spellings = {word[0] + body.translate(_UKRAINIAN_TO_RUSSIAN)}
    for at in ys:
        spellings.add(word[0] + (body[:at] + "ы" + body[at + 1:]).translate(_UKRAINIAN_TO_RUSSIAN))
    spellings.add(word[0] + body.replace("и", "ы").translate(_UKRAINIAN_TO_RUSSIAN))
    best, most = None, 0
    for spelled in sorted(spellings - {word}):
        found = nominative(spelled)
        town = place(found) if found is not None else None
        if town is not None and town.kind == "city" and town.country == "RU" and _people(found) > most:
            best, most = found, _people(found)
    return best


def _town_as_written(word: str, first: str | None) -> bool:
    """True when the word as written is itself the name of a home town of some size (HOME_OWN_NAME_PEOPLE): a name in
    the nominative, which a guessed reading (an ending cut, an analyser's guess for a word its dictionary lacks) does
    not override."""
    return first == word and not abroad(word) and _people(word) >= HOME_OWN_NAME_PEOPLE


def _on_river(word: str) -> str | None:
    """'Калаче-на-Дону', 'Ростовом-на-Дону', 'Комсомольске-на-Амуре': a town named 'X-на-River' declines only its head."""
    head, sep, tail = word.partition("-на-")
    if not sep or not head or "-" in head:
        return None
    toponyms, others = morphology.lemmas(head)
    endings = [head[: -len(end)] + new for end, new in _endings() if head.lower().endswith(end) and len(head) > len(end) + 2]
    for reading in dict.fromkeys([head, *toponyms, *others, *endings]):
        name = reading[:1].upper() + reading[1:] + sep + tail
        if is_name(name):
            return name
    return None


# Latin-script Russian and Ukrainian back to Cyrillic, longest letters first ("Belgorodom": "Белгородом"); "y" and "i" are
# read both ways (Russian ы/и, Ukrainian и/і), each reading tried.
_TO_CYRILLIC = (("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"), ("ya", "я"), ("yu", "ю"),
                ("ye", "е"), ("yo", "ё"), ("ia", "я"), ("iu", "ю"), ("ie", "є"), ("a", "а"), ("b", "б"), ("v", "в"),
                ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"),
                ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
                ("c", "ц"), ("'", "ь"))
_READINGS = ({"y": "ы", "i": "и", "h": "х"}, {"y": "и", "i": "і", "h": "г"})  # Russian, Ukrainian


def _people(name: str) -> int:
    found = place(name)
    return (found.population or 0) if found is not None else 0


def other_readings(word: str) -> list[str]:
    """The other known names an inflected Cyrillic word may stand for ("Самари" is a village, and Samara's genitive),
    most populous first."""
    if not morphology.is_cyrillic(word) or " " in word:
        return []
    toponyms, others = morphology.lemmas(word)
    endings = [word[: -len(end)] + new for end, new in _endings() if word.lower().endswith(end) and len(word) > len(end) + 2]
    known = [r for r in dict.fromkeys([*toponyms, *others, *endings]) if r != word and len(r) >= 3 and is_name(r)]
    return sorted(known, key=lambda r: -((place(r).population or 0) if place(r) is not None else 0))


def latin_nominative(word: str) -> str | None:
    """A place in Latin-script Russian or Ukrainian, inflected ("nad Belgorodom", "v Kurske", "u Kharkovi"), read back
    through Cyrillic to the name the gazetteer knows ("Белгород", "Курск", "Харків"); None when no reading names one."""
    if not word.isascii() or not word.isalpha() or len(word) < 4:
        return None
    for reading in _READINGS:
        cyrillic = _to_cyrillic(word.lower(), reading)
        name = nominative(cyrillic[0].upper() + cyrillic[1:]) if cyrillic else None
        if name is not None and not abroad(name):
            return name
    return None


def _to_cyrillic(word: str, reading: dict[str, str]) -> str | None:
    out, at = [], 0
    while at < len(word):
        letters = next((pair for pair in _TO_CYRILLIC if word.startswith(pair[0], at)), None)
        if letters is None:
            single = reading.get(word[at])
            if single is None:
                return None
            out.append(single)
            at += 1
            continue
        out.append(letters[1])
        at += len(letters[0])
    return "".join(out)


# Countries whose places Russian and Ukrainian news name in Cyrillic most of the time.
_CYRILLIC_HOME = frozenset({"RU", "UA", "BY", "MD", "KZ"})


def _home_first(readings: list[str]) -> str | None:
    """The most populous reading in Russia, Ukraine and their neighbours, else the most populous anywhere."""
    home = [r for r in readings if len(r) >= 3 and is_name(r) and not abroad(r)]
    return _most_populous(home) or _most_populous(readings)


def abroad(name: str) -> bool:
    found = place(name)
    return found is None or found.country not in _CYRILLIC_HOME


def _several_words(name: str) -> str | None:
    """A two-word name inflected word by word ("Білій Церкві", "Нижнем Новгороде"): every reading of the adjective
    with every reading of the noun, the most populous known place winning."""
    first, second = name.split(" ")
    if len(first) < 3 or len(second) < 3:
        return None
    adjectives = [first] + [first[: -len(end)] + new for end, new in _adjective_endings()
                            if first.lower().endswith(end) and len(first) > len(end) + 2]
    toponyms, others = morphology.lemmas(second)
    nouns = [second, *toponyms, *others, *_plural_nominatives(second)] + [
        second[: -len(end)] + new for end, new in _endings() if second.lower().endswith(end) and len(second) > len(end) + 2]
    return _most_populous(list(dict.fromkeys(f"{a} {n}" for a in adjectives for n in nouns)))


def _plural_nominatives(word: str) -> list[str]:
    """'Вод' -> 'Воды', 'Луках' -> 'Луки': the plural nominative of a plural noun (pymorphy3), for names such as
    Минеральные Воды whose noun the dictionary reads as a common noun's plural."""
    out = []
    for parse in morphology.parses(word.lower()):
        form = parse.inflect({"nomn"}) if parse.tag.POS == "NOUN" and parse.tag.number == "plur" else None
        if form is not None and form.word[:1].upper() + form.word[1:] not in out:
            out.append(form.word[:1].upper() + form.word[1:])
    return out


def irregular_name(form: str) -> str | None:
    """The name an alternating form stands for in the data file ("Криворізьк", the stem of "Криворізький район": Кривий
    Ріг), or None."""
    name = _irregular().get(form.lower().replace("ʼ", "’"))
    return name if name is not None and is_name(name) else None


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    """Inflected names whose stem alternates ("Кривому Розі" -> "Кривий Ріг"), from the data file beside the lexicons."""
    table = {}
    for line in (LEXICON_DIR / "cyrillic_irregular_names.txt").read_text(encoding="utf-8").splitlines():
        if "->" in line and not line.startswith("#"):
            form, name = (part.strip() for part in line.split("->", 1))
            table[form.lower()] = name
    return table


@lru_cache(maxsize=1)
def _adjective_endings() -> tuple[tuple[str, str], ...]:
    rules = []
    for line in (LEXICON_DIR / "cyrillic_adjective_endings.txt").read_text(encoding="utf-8").splitlines():
        if "->" in line and not line.startswith("#"):
            ending, replacement = (part.strip() for part in line.split("->", 1))
            rules.append((ending, replacement))
    return tuple(rules)


PLURAL_TOWN_MIN = 20_000  # "Лиски", "Валуйки": a town named by a plural common noun ("лиска"), when this populous


@lru_cache(maxsize=4096)
def plural_town(word: str) -> str | None:
    """The town a plural common noun names ("в Лисках" -> "Лиски"), read by pymorphy3: a Russian or Ukrainian city of
    some size under the noun's plural nominative, else None ("Силами" -> "Силы" is no such town)."""
    for parse in morphology.parses(word):
        if parse.tag.POS != "NOUN" or parse.tag.number != "plur":
            continue
        form = parse.inflect({"nomn"})
        name = form.word.capitalize() if form is not None else None
        if name and len(name) >= 4 and is_name(name) and any(
                p.kind == "city" and p.country in ("RU", "UA") and (p.population or 0) >= PLURAL_TOWN_MIN
                for p in get_gazetteer().lookup(name)):
            return name
    return None


def _most_populous(readings: list[str]) -> str | None:
    best: tuple[int, str] | None = None
    for reading in readings:
        found = place(reading) if len(reading) >= 3 and is_name(reading) else None
        if found is not None and (best is None or (found.population or 0) > best[0]):
            best = ((found.population or 0), reading)
    return best[1] if best else None
