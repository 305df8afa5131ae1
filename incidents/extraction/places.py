"""Place mentions in a sentence: gazetteer names over runs of capitalised words, with the hints around them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from incidents.extraction import cues, geo, morphology
from incidents.extraction.district_towns import (DISTRICT_ADJECTIVE, LATIN_DISTRICT,
                                                 LATIN_DISTRICTS_LISTED, REGION_ADJECTIVE_END, adjective_town, district_named,
                                                 district_of_a_city, district_town_in_o, facility_town,
                                                 placed_village_community,
                                                 latin_district_of_a_city, latin_district_town, latin_quarters_of_a_city,
                                                 masculine_region, nickname_region,
                                                 town_area_nickname, town_of_district)
from incidents.extraction.sentences import Clause, Sentence

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’\-]*")
_POSSESSIVE = re.compile(r"['’]s$|['’]$")
_REGION_AFTER = re.compile(r"^\s+(regions?|oblasts?|provinces?|krai|kray|territory|republic|област\w*|обл\.|obl\.|oblast\w*|кра[йяюе]|республик\w*|регион\w*|регіон\w*)(?!\w)",
                           re.IGNORECASE)
_AIRPORT_AFTER = re.compile(r"^(?:['’]s)?\s+(?!(?:region|oblast|province|krai|area)\b)(?:([A-Z][\w-]+)\s+)?(?:international\s+)?(airports?|airfields?|air ?bases?|bases?(?=\s+(?:in|near|outside)\b|,|\.|\s+(?:of|on|at)\b)|aerodromes?)\b",
                            re.IGNORECASE)
_WEEKDAYS_MONTHS = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|"
    r"september|october|november|december)$", re.IGNORECASE)
# "Russian-occupied Melitopol", "Kremlin-controlled Donetsk", "Moscow-installed": who holds the place, not a word of its name.
_HOLDER_MODIFIER = re.compile(r"^[A-Z][a-z]+-(?:held|occupied|controlled|annexed|installed|backed|appointed)$")
_STREET_WORDS = {"highway", "street", "avenue", "prospekt", "prospect", "boulevard", "square", "bridge", "lane", "road",
                 "embankment", "park", "stadium", "cathedral", "church", "mall", "hotel", "hospital", "school", "university",
                 "market", "tower", "towers", "building", "center", "centre", "theatre", "theater", "museum", "palace", "metro"}


_SUFFIX_WORDS = {"region", "oblast", "province", "krai", "kray", "territory", "republic", "airport", "international", "airfield",
                 "airbase", "air", "base", "city", "district", "npp", "hpp", "tpp", "chp", "chpp", "gres", "нпз", "тец", "тэц", "грес", "грэс", "тес", "тэс", "аес", "аэс"}


LIST_GAP = re.compile(r"^(?:\s*\([^()]{1,40}\)|\s*\)|\s+(?:област\w*|обл\.|кра[йюя]|region)\s*\))?(?:\s+(?:regions?|oblasts?|provinces?|krai|territory|republic|city|област\w*))?(?:\s+(?:нафтопереробн\w*\s+|нефтеперерабатывающ\w*\s+)?(?:завод\w*|НПЗ|нафтобаз\w*|нефтебаз\w*))?(?:\s*,?\s+as well as\s+|\s*,\s*(?:and\s+|or\s+|и\s+|та\s+|і\s+|а\s+также\s+|а\s+також\s+)?|\s+(?:and|or|и|та|і|й|а также|а також)\s+|\s*[—–-]\s*|\s*/\s*)(?:the\s+)?(?:cities of\s+|city of\s+)?[«\"“]?$",
                       re.IGNORECASE)


REPUBLIC = r"(?:Республик|Республіц|Республік)\w*\s+"  # "Республики Крым", "над Республікою Крим"
_FACILITY_WORD = re.compile(r"(?:аэропорт|аеропорт|аэродром|аеродром|авиабаз|авіабаз|авиаба|военн|військов)\w*$", re.IGNORECASE)


@dataclass
class Mention:
    """A gazetteer name found in a sentence; `role` is 'site' or None, `reason` says why (for --explain)."""

    text: str
    start: int
    end: int
    sentence: int
    hint: str | None = None  # 'region', 'airport', 'airports' or 'district' when the words after it say so
    possessive: bool = False
    role: str | None = None
    reason: str = ""
    clause: Clause | None = field(default=None, repr=False)
    district_town: bool = False  # read from a district's adjective ("в Лискинском районе": Liski)


def find_mentions(sentence: Sentence, lower_words: frozenset[str]) -> list[Mention]:
    """Gazetteer names in a sentence: longest match first within runs of capitalised words (remembered per sentence
    text: the same sentence elsewhere, in this article or another, gets fresh copies moved to its own offsets)."""
    readings = _readings(sentence.text, sentence.heading)
    known = next((found for answers, found in readings
                  if all((word in lower_words) == answer for word, answer in answers.items())), None)
    if known is None:
        asked = _Asked(lower_words)
        known = tuple(mentions_in(Sentence(sentence.text, 0, len(sentence.text), 0, sentence.heading), asked))
        readings[:] = [*readings[-3:], (asked.answers, known)]
    at = sentence.start
    return [replace(m, start=m.start + at, end=m.end + at, sentence=sentence.index) for m in known]


@lru_cache(maxsize=cues.CACHED_TEXTS)
def _readings(text: str, heading: bool) -> list[tuple[dict[str, bool], tuple[Mention, ...]]]:
    """The mentions found in one sentence text, with the article words they asked about (filled by find_mentions)."""
    return []


class _Asked:
    """An article's lower-case words as the mention rules see them, noting each word asked and the answer: a
    remembered sentence is reused only where every word it asked about gets the same answer."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words, self.answers = words, {}

    def __contains__(self, word: object) -> bool:
        answer = word in self.words
        self.answers[word] = answer
        return answer


def mentions_in(sentence: Sentence, lower_words: frozenset[str]) -> list[Mention]:
    """find_mentions without the memory: they read only the sentence's own text and heading flag (offsets relative to
    its start) and ask the article's lower-case words with `in`."""
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(sentence.text)]
    mentions: list[Mention] = []
    for run in _runs(sentence.text, tokens):
        mentions += _match_run(sentence, run, lower_words)
    _mark_plural_suffix(sentence, mentions)
    _read_in_named_country(sentence, mentions)
    return mentions


_HOME_COUNTRIES = frozenset({"RU", "UA", "BY"})


def _read_in_named_country(sentence: Sentence, mentions: list[Mention]) -> None:
    """'в аэропортах Люблина и Жешува': a Cyrillic form that reads as a home place (Люблино, a quarter of Moscow) and as
    a city of a foreign country another name of the sentence lies in (Жешув, Poland) is that country's city (Люблин)."""
    resolved = [(m, geo.place(m.text)) for m in mentions]
    abroad = {found.country for _, found in resolved if found is not None and found.country not in _HOME_COUNTRIES}
    if not abroad:
        return
    for mention, found in resolved:
        if found is None or found.kind != "city" or found.country in abroad:
            continue
        written = sentence.text[mention.start:mention.end]
        reading = next((r for r in geo.other_readings(written) if (other := geo.place(r)) is not None
                        and other.kind == "city" and other.country in abroad), None)
        if reading is not None:
            mention.text = reading


def _runs(text: str, tokens: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    runs: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    titles = _titles()
    for at, token in enumerate(tokens):
        word = token[0]
        capital = word[0].isupper() and not _WEEKDAYS_MONTHS.match(word) and word.lower().rstrip(".") not in titles
        capital = capital and not _HOLDER_MODIFIER.match(word)
        if not capital and current and _closes_name(text, current[-1], token):
            current.append(token)  # "the Kerch bridge", "Кримського мосту": a name whose last word is written lower-case
            continue
        if not capital:  # most words: the run so far ends here
            if current:
                runs.append(current)
                current = []
            continue
        joined = current and text[current[-1][2]:token[1]] == " " and not _POSSESSIVE.search(current[-1][0])
        joined = joined and morphology.is_cyrillic(word[0]) == morphology.is_cyrillic(current[-1][0][0])  # "Рыльске FPV-дрон"
        opens = not joined  # a new run, also after a name and a quote ('Дрозденко: "В Киришском районе ...')
        capital = not (opens and word.lower() in _prepositions())  # "Near Kursk, ...", "Біля Сум ..."
        if capital and not current and morphology.is_cyrillic(word):  # "В Раменском", "Аэропорты Домодедово", "Над Москвой"
            capital = len(word) > 1 and (not morphology.is_common_word(word) or nickname_region(word) is not None
                                         or geo.plural_town(word) is not None or _opens_name(text, tokens, at)
                                         or _named_settlement(text, token[1], word)
                                         or _common_noun_village(text, token[1], word) is not None
                                         or _listed_or_placed_name(text, token[1], token[2], word))
        if capital and joined:
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = [token] if capital else []
    if current:
        runs.append(current)
    return runs


def _opens_name(text: str, tokens: list[tuple[str, int, int]], at: int) -> bool:
    """A common word that opens a two-word name with the next word ("Кривой Рог: ...": not the adjective "кривой"), as
    written or inflected ("около Старого Оскола")."""
    if at + 1 >= len(tokens) or text[tokens[at][2]:tokens[at + 1][1]] != " ":
        return False
    if not tokens[at + 1][0][:1].isupper():
        return _closes_name(text, tokens[at], tokens[at + 1])  # "Кримський міст": the bridge, not the adjective
    pair = text[tokens[at][1]:tokens[at + 1][2]]
    return geo.is_name(pair) or (morphology.is_cyrillic(pair) and geo.nominative(pair) is not None)  # "от Старого Оскола"


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})


def _closes_name(text: str, last: tuple[str, int, int], token: tuple[str, int, int]) -> bool:
    """A lower-case word that ends a gazetteer name with the capitalised word before it ("Crimean bridge", "Кримського
    мосту": the forms the gazetteer lists)."""
    after = text[last[2]:token[2]]
    if last[0].lower() in _DETERMINERS:
        return False  # "The city was not attacked": no name (GeoNames lists "the City" for London)
    if text[last[2]:token[1]] != " " or _DISTRICT_AFTER.match(after) or _AREA_NOUN_AFTER.match(after):
        return False  # "the Kyivskyi district", "Kharkiv region": the area word tells the kind, read as before
    return not _REGION_WORD_END.search(after) and geo.is_name(text[last[1]:token[2]])


@cache
def _prepositions() -> frozenset[str]:
    """The one-word site prepositions of every language ("near", "outside", "біля", "возле"): never a name's first word."""
    return frozenset(w.lower() for w in cues.lexicon()["site_prepositions"] if re.fullmatch(r"[^\W\d_]+", w)) | {"iz"}


# "селища Димер", "в селе Ракитное": a settlement noun, then the settlement's name in the nominative.
_SETTLEMENT_NOUN_BEFORE = re.compile(rf"{cues.settlement_nouns()}\s+$", re.IGNORECASE)


def _named_settlement(text: str, start: int, word: str) -> bool:
    return bool(_SETTLEMENT_NOUN_BEFORE.search(text, max(0, start - 20), start)) and geo.is_name(word)


# A village's name that is also a common noun ("антоновка" an apple, "малиновка" a robin, "вишнёвка" a liqueur) ends so.
_VILLAGE_LEMMA = re.compile(r"(?:ов|ев|ёв|ів|їв)ка$", re.IGNORECASE)
_INSIDE_A_SENTENCE = re.compile(r"(?-i:[a-zа-яёіїєґ'’])\s+$|,\s+$")  # a lower-case word or a comma before: not its opening


def _common_noun_village(text: str, start: int, word: str) -> str | None:
    """'в Антоновке', 'Белозерка, Антоновка, Зеленовка', 'над Малиновкой': a word the dictionary knows as a common
    noun, capitalised inside a sentence (after a lower-case word or a comma), whose lemma ends like a village (-овка,
    -евка, -івка) and names one in Russia, Ukraine or Belarus: that village's name, else None."""
    if not (word[:1].isupper() and word[1:].islower()) or not _INSIDE_A_SENTENCE.search(text, max(0, start - 4), start):
        return None
    return next((lemma for lemma in morphology.dictionary_lemmas(word)
                 if _VILLAGE_LEMMA.search(lemma) and geo.is_name(lemma) and not geo.abroad(lemma)), None)


# "Куп'янськ, Борова, Вовчанськ": a neighbour in a list of names; "Липці Харківського району": the raion it lies in.
_NAME_BEFORE = re.compile(r"(?-i:[А-ЯІЇЄҐ])[\w'’-]+(?:,|\s+(?:та|і|й))\s+$")
_NAME_AFTER = re.compile(r"(?:,|\s+(?:та|і|й))\s+(?-i:[А-ЯІЇЄҐ])[\w'’-]+|\s+(?-i:[А-ЯІЇЄҐ])[\w'’-]+(?:ського|цького|зького)\s+"
                         r"(?:району|громади|області)(?![\w-])")


def _listed_or_placed_name(text: str, start: int, end: int, word: str) -> bool:
    """True for a Ukrainian settlement's name as written that is also a common word (Борова, Липці), capitalised
    inside a sentence, when a capitalised name is listed next to it or its raion, community or oblast follows it."""
    if not (word[:1].isupper() and word[1:].islower()) or not _INSIDE_A_SENTENCE.search(text, max(0, start - 4), start):
        return False
    placed = _NAME_BEFORE.search(text, max(0, start - 40), start) or _NAME_AFTER.match(text, end)
    return bool(placed) and geo.is_name(word) and not geo.abroad(word)


@cache
def _titles() -> frozenset[str]:
    return frozenset(cues.lexicon()["titles"]) | frozenset(cues.lexicon()["time_words"])  # "Уночі Харків …"


# "… є загиблий, троє поранених — Федоров.", "… постраждалих немає, — Кім": the post's source named last, after a dash.
_SIGNATURE_DASH = re.compile(r"[,.]?\s+[—–]\s*$")
_SIGNATURE_END = re.compile(r"\s*[.!]?\s*$")


def _signs_the_post(sentence: Sentence, token: tuple[str, int, int]) -> bool:
    """A lone word ending the sentence after a spaced dash that the Russian dictionary reads first as a surname."""
    word, start, end = token
    if not (_SIGNATURE_END.fullmatch(sentence.text, end) and _SIGNATURE_DASH.search(sentence.text, max(0, start - 4), start)):
        return False
    return morphology.is_surname(word)


_REGION_WORD_END = re.compile(r"\s(?:region|oblast|province|krai|kray|territory)$", re.IGNORECASE)


def _match_run(sentence: Sentence, run: list[tuple[str, int, int]], lower_words: frozenset[str]) -> list[Mention]:
    found: list[Mention] = []
    leftovers: list[str] = []
    i, longest = 0, geo.max_words()
    while i < len(run):
        for n in range(min(longest, len(run) - i), 0, -1):
            mention = _try(sentence, run[i:i + n])
            if mention:
                found.append(mention)
                i += n
                break
        else:
            leftovers.append(run[i][0])
            i += 1
    streets = [w for w in leftovers if w.lower() in _STREET_WORDS]
    others = [w for w in leftovers if w.lower().rstrip("'’s") not in _SUFFIX_WORDS and w.lower() not in cues.not_places()
              and not _FACILITY_WORD.match(w)  # "INTERFAX.RU - Аэропорт Сочи ввёл ограничения": the airport, not a name
              and not (_written_lower(w, lower_words) and _title_case(sentence.text))]  # "Yaroslavl Oil Refinery" in a headline
    if others and others[-1] == run[-1][0] and _district_adjective(sentence, run[-1]):
        others.pop()  # "в посёлке Средний Усольского района": the district the gazetteer does not know, not a longer name
    for mention in found:
        _reject_common(mention, sentence, lower_words)
    # "Fire at Yaroslavl Oil Refinery": a common word capitalised in a title-case headline is no second name
    names = [m for m in found if not m.reason] if _title_case(sentence.text) else found
    names = [m for m in names if not m.reason.startswith("an abbreviation")]  # "Конаковська ГРЕС": a plant, not a person
    side_by_side = len(names) > 1 and not found[-1].district_town  # "Головчино Грайворонского округа": village, district
    side_by_side = side_by_side and not _AREA_NOUN_AFTER.match(sentence.text, run[-1][2])
    words = " ".join(t[0] for t in run[:8]) + (" ..." if len(run) > 8 else "")  # once per run, however long
    for mention in found:
        if not mention.reason and _institution_adjective(sentence, mention):
            mention.reason = "part of an institution's name (a neuter adjective: Краснодарское училище), not a place"
        if side_by_side and not mention.reason:
            mention.reason = f"two names side by side ({words}): a person's name"
        if streets and not mention.reason:
            mention.reason = f"part of a street or landmark name ({words}), not the place itself"
        if others and not mention.reason:
            mention.reason = f"part of a longer name ({words}): a person or an organisation"
        if not mention.reason and len(run) == 1 and _signs_the_post(sentence, run[0]):
            mention.reason = f"not a place: a surname signing the post ({words}), its source"
        _read_suffix(sentence, mention)
        _read_capital(sentence, mention)
        if _REGION_WORD_END.search(mention.text):
            mention.hint = "region"  # the gazetteer knows "Zaporozhye Region" as one name
    return found


def _read_capital(sentence: Sentence, mention: Mention) -> None:
    """'в аэропорту столицы Чувашии': the region's capital (lexicons/region_capitals.json), not the region."""
    at = mention.start - sentence.start
    if not _CAPITAL_BEFORE.search(sentence.text, max(0, at - 30), at) or not morphology.is_cyrillic(mention.text):
        return
    capital = _capitals().get((geo.nominative(mention.text) or mention.text).lower()) or _capitals().get(mention.text.lower())
    if capital is not None:
        mention.text, mention.hint = capital, None


_CAPITAL_BEFORE = re.compile(r"(?<![\w-])(?:столиц|столиці|столицю|столицею)\w*\s+(?:(?:республики|республіки|края|краю)\s+)?$",
                             re.IGNORECASE)


@cache
def _capitals() -> dict[str, str]:
    table = json.loads((cues.LEXICON_DIR / "region_capitals.json").read_text(encoding="utf-8"))
    return {key: value for key, value in table.items() if not key.startswith("_")}


def _noun_before_area_adjective(sentence: Sentence, previous: Mention, current: Mention) -> bool:
    """'над Белгородом и Белгородским районом': a town's own name before a district's or region's adjective is the
    town, not one more district of a list ('над Курской и Брянской областями')."""
    if current.hint not in ("district", "region") or not morphology.is_cyrillic(previous.text):
        return False
    written = sentence.text[previous.start - sentence.start:previous.end - sentence.start]
    return not (DISTRICT_ADJECTIVE.search(written) or REGION_ADJECTIVE_END.search(written) or _ADJECTIVE_CASE.search(written))


_ADJECTIVE_CASE = re.compile(r"(?:ск|цк|зк|ськ|цьк|зьк)(?:ой|ою|ую|ая|ої|ій|ою|у|а)$", re.IGNORECASE)


def _institution_adjective(sentence: Sentence, mention: Mention) -> bool:
    """'Краснодарское высшее военное училище', 'Харківське водосховище': a neuter adjective agrees with no region or
    district noun (область, край, район), so it names a school, a plant or a reservoir, not the region (a town written
    so, 'Раменское', is a name of its own)."""
    written = sentence.text[mention.start - sentence.start:mention.end - sentence.start]
    return bool(" " not in written and _NEUTER_ADJECTIVE.search(written) and not geo.is_name(written))


_NEUTER_ADJECTIVE = re.compile(r"(?:[сц]кое|зкое|[сцз]ьке)$", re.IGNORECASE)


def _district_adjective(sentence: Sentence, token: tuple[str, int, int]) -> bool:
    """'Усольского района', 'Кировского округа': a Cyrillic adjective with its area noun after it."""
    return bool(DISTRICT_ADJECTIVE.search(token[0]) and _AREA_NOUN_AFTER.match(sentence.text, token[2]))


# "в городе Рыльске Курской области", "у Ковелі Волинської області": a town, then the region that qualifies it.
_AREA_NOUN_AFTER = re.compile(r"\s+(?:област|облас|район|округ|кра[йяюе]|краї|республик|республік)\w*", re.IGNORECASE)


def _try(sentence: Sentence, tokens: list[tuple[str, int, int]]) -> Mention | None:
    start, end = tokens[0][1], tokens[-1][2]
    text = sentence.text[start:end]
    possessive = bool(_POSSESSIVE.search(text))
    if possessive:
        text = _POSSESSIVE.sub("", text)
        end = start + len(text)
    cyrillic = len(tokens) == 1 and morphology.is_cyrillic(text)
    region = nickname_region(text) if cyrillic else None
    if region is not None:  # "на Вінниччині", "Брянщину": an oblast by its popular name
        return Mention(region, sentence.start + start, sentence.start + end, sentence.index, hint="region")
    area_town = town_area_nickname(text) if cyrillic and region is None else None
    if area_town is not None:  # "Нікопольщина — артобстріли": the area around Nikopol, read as the town
        return Mention(area_town, sentence.start + start, sentence.start + end, sentence.index, district_town=True)
    region = masculine_region(text, sentence.text[end:end + 60]) if cyrillic else None
    if region is not None:  # "Московского региона", "Краснодарского краю": the oblast, not a town named by the adjective
        return Mention(region, sentence.start + start, sentence.start + end, sentence.index, hint="region")
    plant_town = facility_town(text, sentence.text[end:end + 30]) if cyrillic else None
    if plant_town is not None:  # "Саратовський НПЗ", "Новокуйбишевського нафтопереробного заводу": the town's plant
        return Mention(plant_town, sentence.start + start, sentence.start + end, sentence.index)
    district = cyrillic and district_named(text, sentence.text[end:end + 60])
    if district and district_of_a_city(sentence.text[end:end + 60]):
        return None  # "в Московском районе Казани", "по Київському району Харкова": a district of Kazan, Kharkiv
    town = False
    if district:  # "Слобідський район": only the town the adjective is made from, never a namesake of another reading
        name = town_of_district(text, sentence.text[end:end + 60])
        town = name is not None
        name = name or (adjective_town(text) if not placed_village_community(sentence.text[end:end + 60]) else None)
        if name is None:
            name = district_town_in_o(text, sentence.text[end:end + 60])
            town = name is not None
    elif not cyrillic and len(tokens) == 1 and LATIN_DISTRICT.fullmatch(text) and LATIN_DISTRICTS_LISTED.match(sentence.text, end):
        if latin_district_of_a_city(sentence.text[end:end + 60]) or latin_quarters_of_a_city(
                sentence.text[max(0, start - 80):start], sentence.text[end:end + 120]):
            return None  # "the Kyivskyi district of Kharkiv", "the city's Kyivskyi and Saltivskyi districts": its quarters
        name = latin_district_town(text)  # "over the Gryazinsky district": Gryazi
        town = name is not None
    elif not cyrillic and len(tokens) == 1 and _TRANSLIT_PREPOSITION.search(sentence.text, max(0, start - 10), start):
        name = geo.latin_nominative(text) or geo.nominative(text)  # "nad Belgorodom", "v Kurske", "u Kharkovi"
    else:
        name = geo.nominative(text) if len(text) >= 3 else None  # "Казани" is read as "Казань"
        if name is not None and name != text and cyrillic and _ukrainian_neuter(text, sentence.text):
            name = text  # "Львове" in a Ukrainian list of Kherson villages: the village, not Russian "во Львове" (Lviv)
        if name is None and cyrillic and _named_settlement(sentence.text, start, text):
            name = text  # "поблизу селища Димер": a settlement's own name, though a common word too ("димер")
        if name is None and cyrillic:
            name = _common_noun_village(sentence.text, start, text)  # "в Антоновке": the village, not the apple
        if name is None and cyrillic and _listed_or_placed_name(sentence.text, start, end, text):
            name = text  # "Куп'янськ, Борова, Вовчанськ", "Липці Харківського району": the village, not the adjective
    if name is None:
        return None
    return Mention(name, sentence.start + start, sentence.start + end, sentence.index, possessive=possessive,
                   district_town=town)


_UKRAINIAN_ONLY, _RUSSIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]"), re.compile(r"[ыэёъЫЭЁЪ]")


def _ukrainian_neuter(word: str, sentence: str) -> bool:
    """True for a name in -е known as written ("Львове", "Шевченкове") in a Ukrainian sentence, where -е is a
    nominative (a Ukrainian locative ends in -і or -у), never the Russian locative of another town."""
    return (word.lower().endswith("е") and geo.is_name(word) and _UKRAINIAN_ONLY.search(sentence) is not None
            and _RUSSIAN_ONLY.search(sentence) is None)


_TRANSLIT_PREPOSITION = re.compile(r"(?<![\w-])(?:v|vo|u|nad|pod|pid|bilia|okolo|vozle|poblyzu|iz|pered)\s+$", re.IGNORECASE)


# "Морской транспорт приостановлен", "Воздушная тревога": a sentence opening with an adjective and the lower-case noun it
# agrees with; the nouns that a place's adjective names (область, район, порт, НПЗ ...) are left to their own rules.
_NOUN_AFTER = re.compile(r"\s+([а-яё]{3,})(?![\w-])")
_PLACE_NOUNS = re.compile(r"(?:област|район|округ|кра[йяюе]|республик|регион|город|сел|посел|пос[её]л|деревн|станиц|хутор|"
                          r"порт|аэропорт|аэродром|авиабаз|завод|комбинат|нефтебаз|шоссе|направлени|водохранилищ|мор|залив|"
                          r"полуостров|пролив|озер|рек|побережь|трасс|губернатор)", re.IGNORECASE)


# "в районе Северной стороны", "на Восточной окраине", "Левый берег", "на Харьковской горе": a side, a part or a hill of
# a city, not a town of that name.
_SIDE_NOUN_AFTER = re.compile(r"\s+(?:(?:сторон|част|окраин|берег|бок)\w*|гор(?:а|ы|е|у|ой|ою))(?![\w-])")


def _adjective_of_noun_after(sentence: Sentence, mention: Mention) -> bool:
    word = sentence.text[mention.start - sentence.start:mention.end - sentence.start]
    noun = _NOUN_AFTER.match(sentence.text, mention.end - sentence.start)
    if " " in word or not morphology.is_cyrillic(word) or noun is None or _PLACE_NOUNS.match(noun.group(1)):
        return False
    readings = morphology.parses(word.lower())
    if readings[0].tag.POS != "ADJF" or any(tag in r.tag.grammemes for r in readings for tag in ("Geox", "Name", "Surn")):
        return False
    nouns = [p.tag for p in morphology.parses(noun.group(1)) if p.tag.POS == "NOUN"]
    return any(a.tag.POS == "ADJF" and a.tag.case == n.case and a.tag.number == n.number
               and (n.number == "plur" or a.tag.gender == n.gender) for a in readings for n in nouns)


_INFLECTED_ACRONYM = re.compile(r"[A-ZА-ЯЁІЇЄҐ]{2,5}[а-яёіїєґ]{1,3}")


def _reject_common(mention: Mention, sentence: Sentence, lower_words: frozenset[str]) -> None:
    word = mention.text.lower()
    written = sentence.text[mention.start - sentence.start:mention.end - sentence.start].lower()  # 'КМВА' read as 'Кмв'
    if word in cues.not_places() or written in cues.not_places():
        mention.reason = "not a place here: a news agency, platform, role or common word"
    elif mention.start == sentence.start and word in lower_words:
        mention.reason = "a common word starting the sentence (the article also writes it in lower case)"
    elif " " not in word and _written_lower(word, lower_words) and _title_case(sentence.text):
        mention.reason = "a common word capitalised in a title-case headline (the article also writes it in lower case)"
    elif mention.start == sentence.start and _adjective_of_noun_after(sentence, mention):
        mention.reason = "an adjective of the common noun after it starting the sentence (Морской транспорт), not a place"
    elif _SIDE_NOUN_AFTER.match(sentence.text, mention.end - sentence.start) and _adjective_of_noun_after(sentence, mention):
        mention.reason = "an adjective of the side, part or hill it names (Северная сторона, Харьковская гора), not a place"
    elif _elided_district(sentence, mention, written):
        mention.reason = "a district's adjective with its noun left out (у Медвенському районі, а інша – у Курському), not a town"
    elif mention.text.isupper() and len(mention.text) <= 4 and "." not in mention.text:
        mention.reason = "an abbreviation, not a place name"
    elif _STREET_BEFORE.search(sentence.text, max(0, mention.start - sentence.start - 16), mention.start - sentence.start):
        mention.reason = "a street's name (на улице Ленина, ул. Толстого), not a place"
    elif _INFLECTED_ACRONYM.fullmatch(sentence.text, mention.start - sentence.start, mention.end - sentence.start):
        mention.reason = "an abbreviation with a case ending (КАБу, БпЛА), not a place name"


_ADJECTIVE_ENDING = r"(?:ському|цькому|зькому|ськім|цькім|ській|цькій|ском|цком|ской|цкой)"
_DISTRICT_TOLD = re.compile(rf"[\w'’-]+{_ADJECTIVE_ENDING}\s+(?:район|округ|громад|муніципалітет|муниципалитет)\w*", re.IGNORECASE)
_NO_NOUN_AFTER = re.compile(r"\s*(?:[.,;:!?)»\"]|$)")


def _elided_district(sentence: Sentence, mention: Mention, written: str) -> bool:
    """'одна у Медвенському районі, а інша – у Курському': an adjective like the district's before it, its noun left out."""
    at = mention.start - sentence.start
    if re.fullmatch(rf"[\w'’-]+{_ADJECTIVE_ENDING}", written) is None or not _NO_NOUN_AFTER.match(sentence.text, at + len(written)):
        return False
    told = _districts_told(sentence.text)
    return bool(told) and told[0] < at


@lru_cache(maxsize=cues.CACHED_TEXTS)
def _districts_told(text: str) -> tuple[int, ...]:
    """Where the sentence names a district by its adjective and noun (found once per sentence, not once per mention)."""
    return tuple(m.end() for m in _DISTRICT_TOLD.finditer(text))


# "на улице Ленина", "ул. Толстого", "на проспекте Победы", "по вулиці Шевченка": the name after a street noun.
_STREET_BEFORE = re.compile(rf"{cues.street_nouns()}\s*$", re.IGNORECASE)
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _written_lower(word: str, lower_words: frozenset[str]) -> bool:
    """True when the article writes the word in lower case, in the singular or the plural ("Depot": "oil depots")."""
    low = word.lower()
    return any(form in lower_words for form in (low, low + "s", low + "es", low[:-1] + "ies"))


@lru_cache(maxsize=1024)
def _title_case(text: str) -> bool:
    """'Drone Attack Sparks Fire at Yaroslavl Oil Refinery': a headline whose every longer word is capitalised."""
    words = _LONG_WORD.findall(text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_WORD_AFTER = re.compile(r"^\s+(\w+)")
_REPUBLIC_BEFORE = re.compile(rf"(?<![\w-]){REPUBLIC}$", re.IGNORECASE)
# "in the Russian border region of Kursk", "the province of Kherson": the region, not its capital.
_REGION_OF_BEFORE = re.compile(r"(?<![\w-])(?:region|oblast|province)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_DISTRICT_AFTER = re.compile(r"^\s+(?:urban\s+|municipal\s+|city\s+)?(?:micro)?(?:district|okrug|neighbou?rhood|quarter)\b|"
                             r"^\s+(?:городско\w+\s+|міськ\w+\s+|муниципальн\w+\s+|муніципальн\w+\s+)?(?:микро|мікро)?(?:район\w*|округ\w*)(?!\w)", re.IGNORECASE)


def _read_suffix(sentence: Sentence, mention: Mention) -> None:
    after = sentence.text[mention.end - sentence.start:]
    if _SEA_AFTER.match(after) and not mention.reason:  # "над Черным морем", "в Азовском море"
        written = sentence.text[mention.start - sentence.start:mention.end - sentence.start]
        mention.reason = f"names a sea ({written} {after.split()[0]}), not a place on land"
    street = _WORD_AFTER.match(after)
    if street and street.group(1).lower() in _STREET_WORDS and not mention.reason and not mention.possessive:
        mention.reason = f"part of a street or landmark name ({mention.text} {street.group(1)}), not the place itself"
    airport = _AIRPORT_AFTER.match(after)
    if _DISTRICT_AFTER.match(after):
        mention.hint = "district"
    elif airport and airport.group(2).lower() == "airports" and not airport.group(1):
        mention.hint = "airports"
    elif airport and airport.group(2).lower().endswith("s") and not airport.group(1):
        mention.hint = "bases"  # "the Morozovsk and Millerovo air bases": each listed name is an air base
    elif airport:
        mention.hint = "airport"
    elif (_REGION_AFTER.match(after) or _REPUBLIC_BEFORE.search(sentence.text, max(0, mention.start - sentence.start - 24),
                                                                 mention.start - sentence.start)
          or _REGION_OF_BEFORE.search(sentence.text, max(0, mention.start - sentence.start - 24), mention.start - sentence.start)):
        mention.hint = "region"  # "Республики Крым – 7": the republic, not a village Крым of the region named before
    elif _bare_region_adjective(sentence, mention):
        mention.hint = "region"
    elif _elided_region(sentence, mention):
        mention.hint = "region"
    elif _base_before(sentence, mention) and _town_named(mention):
        mention.hint = "airport"  # "the airfield at Saky", "the air base near Millerovo": the base, not a namesake town


_SETTLEMENT_BEFORE = re.compile(rf"{cues.settlement_nouns(streets=True)}\s+$", re.IGNORECASE)
# "29 drones were destroyed over the Bryansk region, 15 over Kursk and 11 over Oryol": a count over a bare name, after a
# count over a region named with its noun, is the next region of the list (its noun left out), not the region's capital.
_COUNT_OVER_BEFORE = re.compile(r"(?:^|[,;]\s*|\sand\s+)\d+\s+(?:more\s+)?(?:over|above)\s+$", re.IGNORECASE)
_COUNT_OVER_REGION = re.compile(r"\d+\s+(?:[\w-]+\s+){0,4}?(?:over|above)\s+(?:the\s+)?(?:territory\s+of\s+(?:the\s+)?)?"
                                r"(?-i:[A-Z])[\w'’-]+\s+(?:region|oblast|province)\b", re.IGNORECASE)
_ITEM_END_AFTER = re.compile(r"\s*(?:[.,;:!?)]|\sand\s|$)")


def _elided_region(sentence: Sentence, mention: Mention) -> bool:
    at = mention.start - sentence.start
    if not _COUNT_OVER_BEFORE.search(sentence.text, max(0, at - 30), at):
        return False
    if not _ITEM_END_AFTER.match(sentence.text, mention.end - sentence.start):
        return False
    return _COUNT_OVER_REGION.search(sentence.text, max(0, at - 200), at) is not None


def _bare_region_adjective(sentence: Sentence, mention: Mention) -> bool:
    if " " in mention.text or not REGION_ADJECTIVE_END.search(mention.text) or not morphology.is_cyrillic(mention.text):
        return False
    before = sentence.text[max(0, mention.start - sentence.start - 12):mention.start - sentence.start]
    return not _SETTLEMENT_BEFORE.search(before) and bool(geo.get_gazetteer().lookup(mention.text, kinds=("region",)))


_VILLAGE_BEFORE = re.compile(rf"{cues.village_nouns()}\s+$", re.IGNORECASE)


def named_as_village(sentence: Sentence, mention: Mention) -> bool:
    """'в селе Муром', 'по селу Мешковое', 'у селищі Димер': the name follows a village's noun."""
    before = sentence.text[max(0, mention.start - sentence.start - 16):mention.start - sentence.start]
    return mention.hint != "region" and bool(_VILLAGE_BEFORE.search(before))


def named_as_settlement(sentence: Sentence, mention: Mention) -> bool:
    """'над станицей Архангельской', 'в селе Смоленском': the name follows a settlement noun (not the oblast)."""
    before = sentence.text[max(0, mention.start - sentence.start - 16):mention.start - sentence.start]
    return mention.hint != "region" and bool(_SETTLEMENT_BEFORE.search(before))


# "the Machulishchy military airfield outside Minsk": the base has its own name; the town after it is a reference point.
NAMED_BASE_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’-]+\s+(?:military\s+|air\s+force\s+)?(?:air ?base|air ?field|aerodrome)\s+"
                                r"(?:just\s+|right\s+|immediately\s+)?(?:at|in|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)


def _base_before(sentence: Sentence, mention: Mention) -> bool:
    """'the airfield at Saky': the words just before the mention (a bounded window, so a long sentence stays linear)."""
    at = mention.start - sentence.start
    return bool(_BASE_BEFORE.search(sentence.text, max(0, at - 60), at)) and not NAMED_BASE_BEFORE.search(
        sentence.text, max(0, at - 60), at)


def _town_named(mention: Mention) -> bool:
    """True when the mention names a town (not "the air base in Russia's Novgorod region": a country, a region)."""
    found = None if mention.possessive else geo.place(mention.text)
    return found is not None and found.kind == "city"


# "drones attacked the airfield at Saky", "the air base near Millerovo": the name that follows is the base's.
_BASE_BEFORE = re.compile(r"\b(?:air ?base|air ?field|aerodrome)\s+(?:at|in|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)


def _mark_plural_suffix(sentence: Sentence, mentions: list[Mention]) -> None:
    """'the Bryansk, Oryol and Kursk regions': every listed name takes the plural suffix's kind."""
    for i in range(len(mentions) - 1, 0, -1):
        current, previous = mentions[i], mentions[i - 1]
        gap = sentence.text[previous.end - sentence.start:current.start - sentence.start]
        if (current.hint and previous.hint in (None, "airports", "bases") and LIST_GAP.match(gap)
                and not _noun_before_area_adjective(sentence, previous, current)):
            current.hint = "airport" if current.hint in ("airports", "bases") else current.hint
            previous.hint = current.hint
    for mention in mentions:
        mention.hint = "airport" if mention.hint == "bases" else mention.hint
    for mention in mentions:
        if mention.hint == "airports" and not mention.reason:
            mention.reason = "the city's airports in general, none named"


@dataclass(frozen=True)
class ClauseInfo:
    """A clause with where its historical part starts (None: not historical) and its event cues outside that part."""

    clause: Clause
    historical_from: int | None
    event_cues: tuple[cues.Cue, ...]
    history_reason: str = ""


# "над Чорним морем", "в Азовском море", "over the Black Sea": a sea named by its adjective.
_SEA_AFTER = re.compile(r"\s+(?:мор(?:е|я|ю|ем|і)|Sea)(?![\w-])", re.IGNORECASE)
