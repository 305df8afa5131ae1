"""Place mentions in a sentence (gazetteer n-grams) and whether each one is an incident site, with the reason why not."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from dataclasses import dataclass, field, replace
from typing import Iterable

from incidents.extraction import airports, cues, geo, morphology
from incidents.extraction.sentences import HEAD_END, POST_MARK, Clause, Sentence

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’\-]*")
_POSSESSIVE = re.compile(r"['’]s$|['’]$")
_REGION_AFTER = re.compile(r"^\s+(regions?|oblasts?|provinces?|krai|kray|territory|republic|област\w*|обл\.|obl\.|oblast\w*|кра[йяюе]|республик\w*|регион\w*|регіон\w*)(?!\w)",
                           re.IGNORECASE)
_AIRPORT_AFTER = re.compile(r"^(?:['’]s)?\s+(?!(?:region|oblast|province|krai|area)\b)(?:([A-Z][\w-]+)\s+)?(?:international\s+)?(airports?|airfields?|air ?bases?|bases?(?=\s+(?:in|near|outside)\b|,|\.|\s+(?:of|on|at)\b)|aerodromes?)\b",
                            re.IGNORECASE)
_WEEKDAYS_MONTHS = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|"
    r"september|october|november|december)$", re.IGNORECASE)
_STREET_WORDS = {"highway", "street", "avenue", "prospekt", "prospect", "boulevard", "square", "bridge", "lane", "road",
                 "embankment", "park", "stadium", "cathedral", "church", "mall", "hotel", "hospital", "school", "university",
                 "market", "tower", "towers", "building", "center", "centre", "theatre", "theater", "museum", "palace", "metro"}
# Facilities named after their town ("the Ryazan refinery"): the town is where it happened.
_FACILITY_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}?(?:refinery|plant|factory|depot|port|terminal|airfield|air base|airbase|base|"
    r"power station|power plant|NPP|HPP|TPP|CHPP?|GRES|substation|arsenal|station|shipyard|works|facility)\b", re.IGNORECASE)
_BASED_IN = re.compile(r"\b(?:officials?|authorities|sources?|leaders|diplomats|analysts|observers|politicians|government|"
                       r"journalists|correspondents|reporters|spokesm[ae]n|embassy|based|headquartered)"
                       r"(?:\s+(?:at|of|from)\s+(?:the\s+)?(?-i:[A-Z][\w'’&-]*)(?:\s+(?-i:[A-Z][\w'’&-]*)){0,3})?"  # "analysts at the Carnegie Endowment in"
                       r"\s+in\s+(?:the\s+)?$",
                       re.IGNORECASE)
# "предприятия в Екатеринбурге наращивают выпуск": makers or officials in a city, unless the words before tell an attack
# ("беспилотник атаковал предприятие в Новошахтинске").
_MAKERS_IN = re.compile(r"(?<![\w-])(?:предприяти|завод|компани|фирм|производител|чиновник|власт|посольств|підприєм|виробник|"
                        r"посадовц)\w*\s+(?:в|во|у)\s+$", re.IGNORECASE)
# "Sevastopol governor X said a drone hit ...": the official's place, when the sentence names no other site.
_OFFICIAL_AFTER = re.compile(r"^(?:['’]s)?\s+(?:regional\s+|region\s+|oblast\s+|city\s+|military\s+)?(governor|mayor|administration)\b", re.IGNORECASE)
# "the Saudi city of Jeddah", "the Black Sea port of": a common noun naming the town that follows.
_TOWN_OF = r"(?:(?:[\w'’-]+\s+){0,2}?(?:city|capital|town|resort|port)\s+of\s+)?"
# "said Sheremetyevo and Vnukovo airports suspended flights": airports named after a speech verb are sites, not speakers.
_AIRPORTS_AFTER = re.compile(r"^(?:\s*(?:,|and)\s*[A-Z][\w'’-]+)*\s+(?:international\s+)?airports?\b", re.IGNORECASE)
JURISDICTION = "site: the place whose governor or mayor reports the event (the sentence names no other site)"
# "Krasnogorsk, west of Moscow", "50 km south of Kursk": a bearing from a reference place ("in the south of X" is a site).
_DIRECTION_OF = re.compile(r"(?<!\bthe )(?<!\bthe far )\b(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?\s+of\s+$",
                           re.IGNORECASE)
_SUFFIX_WORDS = {"region", "oblast", "province", "krai", "kray", "territory", "republic", "airport", "international", "airfield",
                 "airbase", "air", "base", "city", "district", "npp", "hpp", "tpp", "chp", "chpp", "gres", "нпз", "тец", "тэц", "грес", "грэс", "тес", "тэс", "аес", "аэс"}
_OF_NOUN = r"(?:city|town|village|settlement|republic|region|oblast|province|territory|territories|airspace|outskirts|edges?|fringes|periphery|suburbs?|centre|center|port|skies|district|areas?|parts?|neighbou?rhoods?|quarter|streets?|north|south|east|west|north-east|north-west|south-east|south-west)"
# "in Ukraine's Lviv region", "in Sochi's Adler district", "in the eastern Donetsk region", "over Russia's southern Belgorod
# region": the country or city owning the place, and the side of it, between the preposition and the place.
_OWNER_AND_SIDE = (r"(?:(?-i:[A-Z][\w'’-]+)['’]s\s+)?(?:(?:(?:north|south)-?(?:east|west)ern|northern|southern|eastern|western|"
                   r"central|(?:Russian|Ukrainian)-(?:held|occupied|controlled)|occupied|frontline|front-line|border)\s+)?")
# "in Ukraine's second-largest city, Kharkiv", "in the Black Sea port, Odesa": the town named after its description.
_TOWN_APPOSED = r"(?:[\w-]+\s+){0,3}?(?:(?:city|town|port|capital),\s+|capital\s+)"  # "in the regional capital Dnipro" too
_SITE_PREP = re.compile(
    rf"\b(?:{cues.grouped(cues.lexicon()['site_prepositions'])}):?\s+"  # "destroyed 31 UAVs over: Bryansk, Kursk ..."
    rf"(?:the\s+)?{_OWNER_AND_SIDE}(?:(?:\w+\s+){{0,2}}?{_OF_NOUN}\s+of\s+(?:the\s+)?|{_TOWN_APPOSED})?"
    r"(?:(?-i:[а-яёіїєґ'’]{4,}(?:ому|ім|ій|ом|ем|ой|ей))\s+)?$",  # "в окупованому Маріуполі", "у прифронтовому Херсоні"
    re.IGNORECASE,
)
# "у Приморському районі Одеси", "в селе Головчино Грайворонского округа", "в городе Шебекино", "Жители Курчатова": a place named after a
# district or settlement noun (the genitive of the city, or the settlement's own or its district's name).
_SLAVIC_PLACE_PHRASE = re.compile(
    r"(?<![\w-])(?:(?:район|округ|мікрорайон|микрорайон|околиц|окраин|передмісті|пригород|центр|жител|мешкан|акваторі|підприємств|інфраструктур|инфраструктур|енергетик|промзон)\w*|порт(?:у|і|ах)|об['’]єкт\w*"
    r"|(?:(?:в|у|на|во)\s+)?(?:сел[еіоа]|посёлке|поселке|посёлок|поселок|селищі|селище|деревне|деревню|хуторе|місті|місто|"
    r"городе|город|пгт|смт|селі|селища|посёлка|поселка|деревни|хутора|станиц\w*|міста|города|посёлку|поселку|селу|селищу|"
    r"городу|місту|хутору)(?:\s+[\w'’-]+){0,2}"
    r"|(?:в|у|на|во)\s+(?:м|г|с|смт|пгт|пос|сел)\."
    r"|(?:над|в|во|на|у|по|под)\s+(?:територі\w*\s+|территори\w*\s+)?(?:республик|республік|республіц)\w*)\s+$",
    re.IGNORECASE)  # "над Республикой Крым", "над территорией Республики Крым"
_OF_PLACE = re.compile(rf"\b{_OF_NOUN}\s+of\s+(?:the\s+)?$",
                       re.IGNORECASE)
# "the strike showed that Moscow did not want ...": the words between a strike verb and its object never open a new clause.
_NOT_A_CLAUSE_OPENER = r"(?!(?:that|which|who|whom|whose|whether|because|while|when|if|than|як|что|що|чтобы|щоб)\s)"
_STRIKE_VERB = re.compile(
    rf"\b(?:{cues.grouped(cues.lexicon()['object_verbs'])})\s+(?:the\s+)?(?:{_NOT_A_CLAUSE_OPENER}(?:(?-i:[a-zа-яёіїєґ'’-]+(?:['’]s)?)|(?-i:[A-Z]\w+['’]s))\s+){{0,3}}?"
    rf"(?:{_OF_NOUN}\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_EVENT_NOUN_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:drone|missile|rocket|air|overnight|morning|night)\s+)?(?:strikes?|attacks?|raids?|explosions?|blasts?|shelling|bombing)\b",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"^(?:\s*\([^()]{1,40}\)|\s*\))?(?:\s+(?:regions?|oblasts?|provinces?|krai|territory|republic|област\w*))?(?:\s+(?:нафтопереробн\w*\s+|нефтеперерабатывающ\w*\s+)?(?:завод\w*|НПЗ|нафтобаз\w*|нефтебаз\w*))?(?:\s*,?\s+as well as\s+|\s*,\s*(?:and\s+|or\s+|и\s+|та\s+|і\s+)?|\s+(?:and|or|и|та|і|й|а также|а також)\s+|\s*[—–-]\s*|\s*/\s*)(?:the\s+)?(?:cities of\s+|city of\s+)?[«\"“]?$",
                       re.IGNORECASE)
_SUBJECT_GAP = re.compile(r"^(?:\s*,[^.;]*?,)?\s*(?:itself\s+)?(?:(?:also|again|снова|вновь|опять|знову|знов|вкотре|также|також)\s+)?"
                          r"(?:(?:був|була|було|були|был|была|было|были)\s+)?$")  # "Саратов також був під атакою"
_AUX = r"(?:\s+(?:has|have|had|did|does|do|is|was|were|will|would|also|not|yet|so far|swiftly|quickly|immediately|once again|again|officially|publicly|has yet to|to))*"
_GOV = r"(?:['’]s)?(?:\s+(?:government|authorities|officials|leadership|foreign ministry|defen[cs]e ministry|ministry|military|side|army|forces|envoy|delegation|regime))?"


_LINE_HEAD_BEFORE = re.compile(rf"^\s*{POST_MARK}$")  # "⚡️", "🔴", "UPD 02:40:": a post's marks
# "Ночью Липецк атаковали беспилотники": Russian and Ukrainian put the object first, the attacker after the verb.
_FRONTED_OBJECT = re.compile(
    r"(?:\s+(?:в|у|во)\s+(?:[\w'’-]+\s+){1,2}?(?:област\w*|кра[їюе]|районі|районе|окрузі|округе)"  # its region after it:
    r"(?:\s+(?:Росії|России|РФ|України|Украины))?\s*,?)?"  # "Новоросійськ у Краснодарському краї Росії атакували дрони"
    r"\s+(?:(?:снова|вновь|опять|знову|знов|вкотре)\s+)?(?:атаковал\w*|атакува\w*|обстрелял\w*|обстріля\w*|ударил\w*|вдарил\w*|"
    r"атакують|атакуют|обстрілюють|обстреливают)"  # "Кременчук атакують ракети": the present of a post
    r"\s+(?:(?-i:[а-яёіїєґ'’-]+)\s+){0,3}?(?:беспилотник\w*|безпілотник\w*|дрон\w*|БПЛА|БпЛА|ракет\w*|шахед\w*|ВСУ|ЗСУ|противник\w*|"
    r"враг\w*|ворог\w*|росіян\w*|окупант\w*)", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"(?<![\w-])(?:в|во|у|на|над|из|с|з|із|по|к|от|від|до)\s+$", re.IGNORECASE)
# "…знешкодили 19 дронів: Одещина — 9, Миколаївщина — 6": a place, a dash and its count, as an item of a list.
_COUNT_AFTER = re.compile(r"(?:\s+(?:област\w*|oblast|region|кра[йю]))?\s*[—–:-]\s*\d[\d,]*(?!\d|[.:]\d)")
_REPUBLIC = r"(?:Республик|Республіц|Республік)\w*\s+"  # "Республики Крым", "над Республікою Крим"
_ITEM_BEFORE = re.compile(rf"(?:^|[:;,]|(?<![\w-])(?:та|і|и|and))\s*(?:{_REPUBLIC})?$",
                          re.IGNORECASE)  # "…, Республики Крым – 7", "Республики Татарстан — 3"
_FACILITY_WORD = re.compile(r"(?:аэропорт|аеропорт|аэродром|аеродром|авиабаз|авіабаз|авиаба|военн|військов)\w*$", re.IGNORECASE)
_AREA_WORD = r"(?:\s+(?:region|oblast|province|област\w*|krai|громад\w*))?"
# "Морозовск Ростовской области — …", "Шебекино Белгородской обл.: …": the town, then the region or district it lies in.
_HEAD_QUALIFIER = (r"(?:\s+[А-ЯЁІЇЄҐ][\w'’-]*(?:ской|цкой|зкой|ского|цкого|ської|цької|зької|ського|цького)\s+(?:област\w*|обл\.|район\w*|округ\w*|кра[яю])"
                   # "Льгов, Курская обл. — …", "L'gov, Kurskaya obl. — …": the region after a comma, in the nominative
                   r"|,\s*[A-ZА-ЯЁІЇЄҐ][\w'’-]*(?:ская|цкая|зкая|ська|цька|зька|skaya|tskaya|ska|ska)\s+(?:област\w*|обл\.|oblast|obl\.|район|р-н|rayon|округ|кра[йі]|krai|kray))?")
# "📍Бучанський район: пошкоджено три будинки": a district heads the line and the line tells what befell it (not
# "Харківський район: с. Руська Лозова — …", where the district labels the line and a settlement follows).
_DISTRICT_HEAD_AFTER = re.compile(r"\s+(?:район\w*|р-н|округ\w*)(?:\s*:|\s+[—–])\s*(?=\S)(?![А-ЯЁІЇЄҐ«\"]|(?:с|м|смт|сел|с-ще|пос|п|г|д)\.)"
                                  r"(?![^\n.;]{0,80}?(?<![\w-])(?:у|в|на|біля|поблизу|під|над)\s+(?:[а-яіїєґ.-]+\s+)?[А-ЯЁІЇЄҐ])")  # "у смт Шевченкове"
_LINE_HEAD_AFTER = re.compile(rf"^{_HEAD_QUALIFIER}{_AREA_WORD}(?:\s*[/,&]\s*[A-ZА-ЯЁІЇЄҐ][\w'’-]*(?: [A-ZА-ЯЁІЇЄҐ][\w'’-]*)?{_AREA_WORD}){{0,3}}"
                              rf"{HEAD_END}")  # "Степногірськ, Мала Токмачка – …": a two-word name among those heading the line


# Searched in the words before every mention: led by a look-ahead for their first characters (cues.led), the same
# matches found faster.
_BASED_IN, _MAKERS_IN, _DIRECTION_OF, _SITE_PREP, _SLAVIC_PLACE_PHRASE, _OF_PLACE, _STRIKE_VERB = (
    cues.led(p) for p in (_BASED_IN, _MAKERS_IN, _DIRECTION_OF, _SITE_PREP, _SLAVIC_PLACE_PHRASE, _OF_PLACE, _STRIKE_VERB))


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
            capital = len(word) > 1 and (not morphology.is_common_word(word) or _nickname_region(word) is not None
                                         or geo.plural_town(word) is not None or _opens_name(text, tokens, at)
                                         or _named_settlement(text, token[1], word))
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
    """A common word that opens a two-word name with the next word ("Кривой Рог: ...": not the adjective "кривой")."""
    if at + 1 >= len(tokens) or text[tokens[at][2]:tokens[at + 1][1]] != " " or not tokens[at + 1][0][:1].isupper():
        return False
    return geo.is_name(text[tokens[at][1]:tokens[at + 1][2]])


@cache
def _prepositions() -> frozenset[str]:
    """The one-word site prepositions of every language ("near", "outside", "біля", "возле"): never a name's first word."""
    return frozenset(w.lower() for w in cues.lexicon()["site_prepositions"] if re.fullmatch(r"[^\W\d_]+", w)) | {"iz"}


# "селища Димер", "в селе Ракитное": a settlement noun, then the settlement's name in the nominative.
_SETTLEMENT_NOUN_BEFORE = re.compile(rf"{cues.settlement_nouns()}\s+$", re.IGNORECASE)


def _named_settlement(text: str, start: int, word: str) -> bool:
    return bool(_SETTLEMENT_NOUN_BEFORE.search(text, max(0, start - 20), start)) and geo.is_name(word)


@cache
def _titles() -> frozenset[str]:
    return frozenset(cues.lexicon()["titles"]) | frozenset(cues.lexicon()["time_words"])  # "Уночі Харків …"


# "влучила не в Одесу, а в Чорноморськ", "попал не по Курску, а по …", "hit not Odesa but Chornomorsk": the first is denied.
_NOT_HERE_BEFORE = re.compile(r"(?<![\w-])(?:не|not)\s+(?:(?:в|у|во|по|на|над|біля|возле|in|at|on|over|near)\s+)?$", re.IGNORECASE)
_BUT_THERE_AFTER = re.compile(r"\s*,?\s*(?:а|але|but)\s", re.IGNORECASE)
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
    return not (_DISTRICT_ADJECTIVE.search(written) or _REGION_ADJECTIVE_END.search(written) or _ADJECTIVE_CASE.search(written))


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
    return bool(_DISTRICT_ADJECTIVE.search(token[0]) and _AREA_NOUN_AFTER.match(sentence.text, token[2]))


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
    region = _nickname_region(text) if cyrillic else None
    if region is not None:  # "на Вінниччині", "Брянщину": an oblast by its popular name
        return Mention(region, sentence.start + start, sentence.start + end, sentence.index, hint="region")
    area_town = _town_area_nickname(text) if cyrillic and region is None else None
    if area_town is not None:  # "Нікопольщина — артобстріли": the area around Nikopol, read as the town
        return Mention(area_town, sentence.start + start, sentence.start + end, sentence.index, district_town=True)
    region = _masculine_region(text, sentence.text[end:end + 60]) if cyrillic else None
    if region is not None:  # "Московского региона", "Краснодарского краю": the oblast, not a town named by the adjective
        return Mention(region, sentence.start + start, sentence.start + end, sentence.index, hint="region")
    plant_town = _facility_town(text, sentence.text[end:end + 30]) if cyrillic else None
    if plant_town is not None:  # "Саратовський НПЗ", "Новокуйбишевського нафтопереробного заводу": the town's plant
        return Mention(plant_town, sentence.start + start, sentence.start + end, sentence.index)
    district = cyrillic and _district_named(text, sentence.text[end:end + 60])
    if district and _district_of_a_city(sentence.text[end:end + 60]):
        return None  # "в Московском районе Казани", "по Київському району Харкова": a district of Kazan, Kharkiv
    town = False
    if district:  # "Слобідський район": only the town the adjective is made from, never a namesake of another reading
        name = _district_town(text, sentence.text[end:end + 60])
        town = name is not None
        name = name or _adjective_town(text)
        if name is None:
            name = _district_town_in_o(text, sentence.text[end:end + 60])
            town = name is not None
    elif not cyrillic and len(tokens) == 1 and _TRANSLIT_PREPOSITION.search(sentence.text, max(0, start - 10), start):
        name = geo.latin_nominative(text) or geo.nominative(text)  # "nad Belgorodom", "v Kurske", "u Kharkovi"
    else:
        name = geo.nominative(text) if len(text) >= 3 else None  # "Казани" is read as "Казань"
        if name is not None and name != text and cyrillic and _ukrainian_neuter(text, sentence.text):
            name = text  # "Львове" in a Ukrainian list of Kherson villages: the village, not Russian "во Львове" (Lviv)
        if name is None and cyrillic and _named_settlement(sentence.text, start, text):
            name = text  # "поблизу селища Димер": a settlement's own name, though a common word too ("димер")
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

# "районе Казани", "району Харкова": a district word, then a city's name in the genitive (not a region's adjective).
_CITY_AFTER_DISTRICT = re.compile(r"\s+(?:микро|мікро)?район\w*\s+([А-ЯЁІЇЄҐ][\w'’-]+)(\s+\w+)?")
_REGION_WORD_AFTER = re.compile(r"\s+(?:област|облас|обл\.|кра[йяюе]|краї|республик|республік|регион|регіон)", re.IGNORECASE)


def _district_of_a_city(after: str) -> bool:
    """True when the district named before `after` is one of the city named right after it."""
    match = _CITY_AFTER_DISTRICT.match(after)
    if not match or _REGION_ADJECTIVE_END.search(match.group(1)) or _DISTRICT_ADJECTIVE.search(match.group(1)):
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


def _nickname_region(word: str) -> str | None:
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


def _town_area_nickname(word: str) -> str | None:
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


_REGION_WORD = re.compile(r"\s+(?:регион|регіон)", re.IGNORECASE)
_DISTRICT_WORD = re.compile(r"(?:(?:\s*,|\s+(?:и|і|та|й))\s+[А-ЯЁІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк|ск|цк)\w*){0,3}"  # "Лискинским и Острогожским районами", "Краснопільську та Миропільську громади"
                            r"\s+(?:(?:городск|муниципальн|міськ|муніципальн)\w*\s+)?(?:район|округ|громад|р-н)", re.IGNORECASE)  # "Краснопільська громада": Краснопілля
_MASCULINE_ADJECTIVE = re.compile(r"(?<=[сцз]к)(?:ого|ому|ом|ий|им)$|(?<=[сцз]ьк)(?:ого|ому|ий|им|ім)$", re.IGNORECASE)


def _masculine_region(word: str, after: str) -> str | None:
    """'Московского региона': the region whose name is the adjective's feminine form (Московская), when one exists."""
    if not _REGION_WORD.match(after) or not _MASCULINE_ADJECTIVE.search(word):
        return None
    stem = _MASCULINE_ADJECTIVE.sub("", word)
    feminine = stem + ("а" if stem.lower().endswith("ськ") or stem.lower().endswith("цьк") or stem.lower().endswith("зьк") else "ая")
    return feminine if geo.is_name(feminine) and geo.get_gazetteer().lookup(feminine, kinds=("region",)) else None


_DISTRICT_ADJECTIVE = re.compile(r"(?:ск|ськ|цьк|зьк)(?:ий|ой|ого|ому|ом|им|ій|ім|а|ої|у)$", re.IGNORECASE)


def _district_named(word: str, after: str) -> bool:
    """True for a district's adjective before 'район'/'округ' ("Лискинском районе", "Київському районі")."""
    return bool(_DISTRICT_WORD.match(after) and _DISTRICT_ADJECTIVE.search(word))


def _district_town(word: str, after: str) -> str | None:
    """'в Лискинском районе', 'у Стрийському районі', 'над Ефремовским районом': the town a district is named after
    (the adjective's stem, "Ефремов", "Стрий", "Лиски"), when the gazetteer knows no place by the adjective itself."""
    if not _DISTRICT_WORD.match(after) or not _DISTRICT_ADJECTIVE.search(word):
        return None
    stem = _DISTRICT_ADJECTIVE.sub("", word)
    bucha = stem[:-2] + "а" if stem.lower().endswith(("ан", "ян")) else ""  # "Бучанський": Буча
    bucha = bucha if len(bucha) >= 3 and geo.is_name(bucha) and not geo.abroad(bucha) else ""
    if stem.lower().endswith("іль"):  # "Краснопільська", "Білопільський": Краснопілля, Білопілля
        bucha = bucha or stem[:-1] + "ля"
    plural = stem[:-2] + "ы" if stem.lower().endswith(("цов", "ков")) else ""  # "Клинцовский": Клинцы
    suffix = _DISTRICT_ADJECTIVE.search(word).group(0).lower()
    in_sk = stem + next((s for s in ("ськ", "цьк", "зьк") if suffix.startswith(s)), "ск")  # "Морозовский", "Луцький": Морозовск, Луцьк
    soft = stem[:-2] + "ь" if stem.lower().endswith("ан") else ""  # "Россошанский": Россошь
    candidates = [c for c in (stem, stem + "ь", stem[:-1] if stem.endswith("ин") else "", stem + "а", stem + "и", bucha,
                              plural, in_sk, soft) if len(c) >= 3 and geo.is_name(c)]  # the stem itself names the town, no other reading
    community = bool(re.match(r"\s+громад", after, re.IGNORECASE))
    candidates += _ikavism_towns(stem, suffix, community)
    candidates += _russian_spelling_towns(stem, in_sk) + _compound_towns(stem) + _plural_towns(stem)
    home = [c for c in candidates if not geo.abroad(c)]  # a district of Russia or Ukraine: not Buchan Airport, Florida
    if stem.lower().endswith(("ів", "їв")):  # "Василівський район": no hamlet Василів (1,229 people) centres a district
        home = [c for c in home if (geo.place(c).population or 0) >= DISTRICT_CENTRE_PEOPLE]
    if len(home) > 1:  # "Краснопільська": Krasnopillia (7,849 people), not a hamlet called Краснопіль
        return max(home, key=lambda c: geo.place(c).population or 0)
    return (home or [None])[0]  # a "район" abroad is a misreading ("Брасовский": not Brașov, Romania)


DISTRICT_CENTRE_PEOPLE = 3000


def _russian_spelling_towns(stem: str, in_sk: str) -> list[str]:
    """'Рильським районом', 'Людиновським', 'Шебекинського': a town of Russia as Ukrainian outlets spell its district,
    read back to the Russian name (Рыльск) or to its -о form (Людиново, Шебекино), never a Ukrainian namesake."""
    readings = [geo.nominative(in_sk) if len(in_sk) >= 4 and not geo.is_name(in_sk) else None, stem + "о"]
    named = [c for c in readings if c and len(c) >= 4 and geo.is_name(c)]
    return [c for c in named if (geo.place(c).country == "RU" and (geo.place(c).population or 0) >= DISTRICT_CENTRE_PEOPLE)]


# "Великописарівська громада", "Новокаховський", "Білоцерківський район": a two-word town fused into one adjective.
_COMPOUND_HEADS_UK = {"велико": ("Велика", "Великий", "Велике", "Великі"), "мало": ("Мала", "Малий", "Мале", "Малі"),
                   "ново": ("Нова", "Новий", "Нове", "Нові"), "старо": ("Стара", "Старий", "Старе", "Старі"),
                   "біло": ("Біла", "Білий", "Біле", "Білі"), "верхньо": ("Верхня", "Верхній", "Верхнє"),
                   "нижньо": ("Нижня", "Нижній", "Нижнє"), "червоно": ("Червона", "Червоний", "Червоне")}


def _compound_towns(stem: str) -> list[str]:
    """The two-word towns a fused stem may name (Велика Писарівка, Нова Каховка, Біла Церква: "церків" is the
    genitive plural of "церква"), each known to the gazetteer in Ukraine or Russia."""
    lower = stem.lower()
    head = next((h for h in _COMPOUND_HEADS_UK if lower.startswith(h) and len(lower) > len(h) + 2), None)
    if head is None:
        return []
    rest = stem[len(head):]
    rest = rest[0].upper() + rest[1:]
    nouns = [rest, rest + "ка", rest + "а", rest + "е", rest + "и", rest + "ськ", rest[:-2] + "ва" if lower.endswith("ів") else ""]
    names = [f"{h} {n}" for h in _COMPOUND_HEADS_UK[head] for n in nouns if len(n) >= 3]
    return [c for c in names if geo.is_name(c) and not geo.abroad(c)]


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
    readings += _compound_readings(stem)
    named = {c: geo.place(c) for c in readings if len(c) >= 4 and geo.is_name(c) and not geo.abroad(c)}
    return [c for c, town in named.items() if town is not None and town.kind == "city" and town.country in ("RU", "UA")
            and (town.population or 0) >= DISTRICT_CENTRE_PEOPLE]


# "Старооскольский" (Старый Оскол), "Краснояружский" (Красная Яруга), "Белокалитвинский" (Белая Калитва), "Великолукский"
# (Великие Луки): the first part of a two-word town's name fused into its district's adjective.
_COMPOUND_HEADS_RU = {"старо": ("Старый", "Старая", "Старое"), "ново": ("Новый", "Новая", "Новое", "Новые"),
                   "красно": ("Красный", "Красная", "Красное"), "бело": ("Белый", "Белая", "Белое"),
                   "велико": ("Великий", "Великая", "Великие"), "нижне": ("Нижний", "Нижняя", "Нижнее"),
                   "верхне": ("Верхний", "Верхняя", "Верхнее")}


def _compound_readings(stem: str) -> list[str]:
    """The two-word town names a fused district adjective's stem may stand for (every head with every reading of the
    rest: as written, with -а, -и, -ы, ж read back as г, -ин dropped)."""
    lower = stem.lower()
    head = next((h for h in _COMPOUND_HEADS_RU if lower.startswith(h) and len(lower) > len(h) + 2), None)
    if head is None:
        return []
    rest = stem[len(head)].upper() + stem[len(head) + 1:]
    tails = [rest, rest + "а", rest + "и", rest + "ы", rest[:-2] + "а" if rest.endswith("ин") else "",
             rest[:-1] + "га" if rest.endswith("ж") else ""]
    return [f"{h} {t}" for h in _COMPOUND_HEADS_RU[head] for t in tails if len(t) >= 3]




def _ikavism_towns(stem: str, suffix: str, community: bool) -> list[str]:
    """'Межівська громада', 'Василівська громада', 'Пологівська громада': a community's adjective whose -ів- was its
    town's -ов- or whose town adds -ка (Межова, Василівка, Пологи), read only for a town big enough to be a community's
    centre (a район of that form is often a city's quarter: Салтівський, Шевченківський); 'Запорізький' and
    'Кременчуцький' from Запоріжжя and Кременчук, for a район too."""
    lower = stem.lower()
    if lower.endswith(("ів", "їв")) and community:
        base = stem[:-2] + ("ов" if lower.endswith("ів") else "єв")
        readings = [stem + "ка", base + "а", base + "е", base + "о", stem[:-2] + "и"]
    elif lower.endswith(("ів", "їв")):
        return []
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


def _facility_town(word: str, after: str) -> str | None:
    """The town of Russia or Ukraine a plant's adjective is made from ("Саратовський" -> "Саратов", "Новокуйбишевський" ->
    "Новокуйбишевськ", "Рязанского" -> "Рязань"), the most populous reading of at least DISTRICT_CENTRE_PEOPLE; else None."""
    if not _PLANT_NOUN_AFTER.match(after) or not _DISTRICT_ADJECTIVE.search(word):
        return None
    stem = _DISTRICT_ADJECTIVE.sub("", word)
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


def _district_town_in_o(word: str, after: str) -> str | None:
    """'над Миллеровским районом', 'Хомутовский р-н', 'Білозерська громада': a district's town in -о or -ка (Миллерово,
    Хомутовка, Білозерка), tried when neither the stem nor the adjective names a place; only a town big
    enough to be a district's centre ("Слобідський район" of Kharkiv is no village Слобідка)."""
    if "ськ" in word.lower() and not re.match(r"\s+громад", after, re.IGNORECASE):  # a Ukrainian район is named after its
        return None  # centre's own name ("Салтівський" is a district of Kharkiv); a громада may be a village's: Білозерка
    stem = _DISTRICT_ADJECTIVE.sub("", word)
    home = [c for c in (stem + "о", stem + "ка") if len(c) >= 5 and geo.is_name(c) and not geo.abroad(c)]
    people = {c: (geo.place(c).population or 0) if geo.place(c) else 0 for c in home}
    centres = [c for c in home if people[c] >= DISTRICT_CENTRE_PEOPLE]
    return max(centres, key=people.get) if centres else None


def _adjective_town(word: str) -> str | None:
    """'Раменском районе': a town named by the adjective itself (Раменское), read like any other name."""
    stem = _DISTRICT_ADJECTIVE.sub("", word)
    named = geo.nominative(word)
    return named if named is not None and named.lower().startswith(stem.lower()) else None


# "Морской транспорт приостановлен", "Воздушная тревога": a sentence opening with an adjective and the lower-case noun it
# agrees with; the nouns that a place's adjective names (область, район, порт, НПЗ ...) are left to their own rules.
_NOUN_AFTER = re.compile(r"\s+([а-яё]{3,})(?![\w-])")
_PLACE_NOUNS = re.compile(r"(?:област|район|округ|кра[йяюе]|республик|регион|город|сел|посел|пос[её]л|деревн|станиц|хутор|"
                          r"порт|аэропорт|аэродром|авиабаз|завод|комбинат|нефтебаз|шоссе|направлени|водохранилищ|мор|залив|"
                          r"полуостров|пролив|озер|рек|побережь|трасс)", re.IGNORECASE)


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
    elif mention.text.isupper() and len(mention.text) <= 4 and "." not in mention.text:
        mention.reason = "an abbreviation, not a place name"
    elif _INFLECTED_ACRONYM.fullmatch(sentence.text, mention.start - sentence.start, mention.end - sentence.start):
        mention.reason = "an abbreviation with a case ending (КАБу, БпЛА), not a place name"


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
_REPUBLIC_BEFORE = re.compile(rf"(?<![\w-]){_REPUBLIC}$", re.IGNORECASE)
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
    elif _base_before(sentence, mention) and _town_named(mention):
        mention.hint = "airport"  # "the airfield at Saky", "the air base near Millerovo": the base, not a namesake town


# "над Смоленской", "на Харківській": an oblast's adjective alone is the oblast (not a stanitsa of that name, which
# is written with its noun: "в станице Смоленской").
_REGION_ADJECTIVE_END = re.compile(r"(?:ская|цкая|зкая|ська|цька|зька)$", re.IGNORECASE)
_SETTLEMENT_BEFORE = re.compile(rf"{cues.settlement_nouns(streets=True)}\s+$", re.IGNORECASE)


def _bare_region_adjective(sentence: Sentence, mention: Mention) -> bool:
    if " " in mention.text or not _REGION_ADJECTIVE_END.search(mention.text) or not morphology.is_cyrillic(mention.text):
        return False
    before = sentence.text[max(0, mention.start - sentence.start - 12):mention.start - sentence.start]
    return not _SETTLEMENT_BEFORE.search(before) and bool(geo.get_gazetteer().lookup(mention.text, kinds=("region",)))


def named_as_settlement(sentence: Sentence, mention: Mention) -> bool:
    """'над станицей Архангельской', 'в селе Смоленском': the name follows a settlement noun (not the oblast)."""
    before = sentence.text[max(0, mention.start - sentence.start - 16):mention.start - sentence.start]
    return mention.hint != "region" and bool(_SETTLEMENT_BEFORE.search(before))


# "the Machulishchy military airfield outside Minsk": the base has its own name; the town after it is a reference point.
_NAMED_BASE_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’-]+\s+(?:military\s+|air\s+force\s+)?(?:air ?base|air ?field|aerodrome)\s+"
                                r"(?:at|in|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)


def _base_before(sentence: Sentence, mention: Mention) -> bool:
    """'the airfield at Saky': the words just before the mention (a bounded window, so a long sentence stays linear)."""
    at = mention.start - sentence.start
    return bool(_BASE_BEFORE.search(sentence.text, max(0, at - 60), at)) and not _NAMED_BASE_BEFORE.search(
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
        if (current.hint and previous.hint in (None, "airports", "bases") and _LIST_GAP.match(gap)
                and not _noun_before_area_adjective(sentence, previous, current)):
            current.hint = "airport" if current.hint in ("airports", "bases") else current.hint
            previous.hint = current.hint
    for mention in mentions:
        mention.hint = "airport" if mention.hint == "bases" else mention.hint
    for mention in mentions:
        if mention.hint == "airports" and not mention.reason:
            mention.reason = "the city's airports in general, none named"


# ---------------------------------------------------------------- roles


@dataclass(frozen=True)
class ClauseInfo:
    """A clause with where its historical part starts (None: not historical) and its event cues outside that part."""

    clause: Clause
    historical_from: int | None
    event_cues: tuple[cues.Cue, ...]
    history_reason: str = ""


def classify(sentence: Sentence, clauses: list[ClauseInfo], mentions: list[Mention],
             claim_refs: Iterable[int]) -> None:
    """Sets each mention's role to 'site' or leaves a reason why it is not an incident site."""
    claim_refs = set(claim_refs)
    for position, mention in enumerate(mentions):
        info = _clause_of(clauses, mention)
        mention.clause = info.clause if info else None
        if mention.reason:
            continue
        mention.reason = _rejection(sentence, info, mention, claim_refs, len(mentions) > 1) or ""
        if not mention.reason:
            mention.reason = _site_reason(sentence, info, mentions, position)
            mention.role = "site" if mention.reason.startswith("site:") else None


def _clause_of(clauses: list[ClauseInfo], mention: Mention) -> ClauseInfo | None:
    for info in clauses:
        if info.clause.start <= mention.start < info.clause.end:
            return info
    return None


def _rejection(sentence: Sentence, info: ClauseInfo | None, mention: Mention, claim_refs: set[int],
               others: bool = True) -> str | None:
    if sentence.heading:
        return "in a heading"
    if info is None:
        return "outside any clause"
    at = mention.start - info.clause.start
    if any(c.kind == "damage" and c.start == at and c.end > mention.end - info.clause.start for c in info.event_cues):
        return "the event's own word ('Drone Attack Sparks Fire'), not a place"
    if info.historical_from is not None and mention.start >= info.historical_from:
        return f"historical mention ({info.history_reason})"
    if mention.start in claim_refs:
        return "reference point of a distance claim"
    retracted = cues.has("retraction", info.clause.text)
    if retracted and _corrected_account(info.clause, retracted, mention):
        retracted = None
    retracted = retracted or _denied_report(sentence)
    if retracted:
        return f"retracted or denied in the text ('{retracted.group(0)}')"
    before, after = _around(info.clause, mention)
    if _NOT_HERE_BEFORE.search(before) and _BUT_THERE_AFTER.match(after):
        return "negated: 'not here but there' (не в Одесу, а в Чорноморськ; not Odesa but Chornomorsk)"
    if (_rx("the_before").search(before) and mention.hint not in ("region", "airport", "airports", "district")
            and not _EVENT_NOUN_AFTER.match(after) and not _FACILITY_AFTER.match(after) and not _region_with_the(mention)
            and not _AIRFIELD_NAME_END.search(mention.text) and not _COMMUNITY_AFTER.match(after)):
        return "a name used with 'the': a river, sea, landmark or group, not a town"
    local = _local_officials_tell(before, after, others)
    if ((_BASED_IN.search(before) and not local) or _speaker_place(before, after, others)
            or _spoken_in(before)
            or (_MAKERS_IN.search(before) and not cues.tells_event(before) and not _hurt_in_attack(after))
            or _apposed_seat(before, after)):
        return "where people or officials are based, not where it happened"
    if _NAMED_FACILITY_IN_TOWN.match(after) or (_rx("the_before").search(before) and _EPONYM_PLANT_IN_TOWN.match(after)):
        return "a facility named after it, lying in the town named next ('the Bryansk chemical plant in the town of Seltso')"
    if _TREATED_IN.search(before) or _slavic_tail("treated_in").search(before):
        return "where the wounded were taken or treated, not where it happened"
    if others and _slavic_tail("heading_to").search(before) and _PLACE_PHRASE_LATER.search(
            sentence.text, mention.end - sentence.start):
        return "where the drones were flying to; the sentence names where they were downed or fell"
    if _person_was_in(before):
        return "where a person was (the minister was in Berlin), not where it happened"
    if _DIRECTION_OF.search(before):
        return "a reference point ('west of X'), not where it happened"
    if _NAMED_BASE_BEFORE.search(before[-80:]):
        return "a reference point for the named air base before it ('the Kacha airfield outside Sevastopol')"
    if _FRONT_SECTOR_AFTER.match(after):
        return "a front sector ('на Покровському напрямку'), not where it happened"
    if _diverted_to(before[-120:]):
        return "where flights were diverted to, not a restricted airport"
    if _launched_from(before):
        return "where the weapons came from (launched from, from the direction of), not where they struck"
    if _rx("according").search(before):
        return "stands for its government (according to ...)"
    if _rx("gov_speech_after").match(after) and not _RESIDENTS_BEFORE.search(before) and not local:
        return "stands for its government (subject of a speech or stance verb)"
    if _rx("speech_before").search(before) and not _AIRPORTS_AFTER.match(after):
        return "stands for its government (object of a speech or stance verb)"
    if (mention.possessive and not _rx("site_noun_after").match(after)
            and not _OFFICIAL_AFTER.match(after)):
        return "possessive: stands for the state, its people or institutions"
    if ((_rx("diplomatic_before").search(before) and not _WHERE_AFTER.match(after))
            or _rx("diplomatic_purpose").match(after)):
        return "diplomatic or political mention (talks, visits, speeches)"
    if _venue_after().match(after):
        return "where a briefing, meeting or funeral was held, not where it happened"
    if _commemorated(sentence, info):
        return "where the dead of an earlier attack were commemorated, not where it happened"
    if ((_JUDGED_AFTER.match(after) and cues.has("speech", sentence.text[:mention.start - sentence.start]))
            or _CALLED_BEFORE.search(before)) and not cues.tells_event(info.clause.text):
        return "an attack only judged in speech (удар по X был «целенаправленным»), not reported here"
    return None


def _commemorated(sentence: Sentence, info: ClauseInfo) -> bool:
    """'пришли к мемориалу в Красногорске, чтобы почтить память погибших': a commemoration, with no attack told in it."""
    if not any(w in sentence.text.lower() for w in ("памят", "цвет", "мемориал", "годовщин", "молчан", "траур", "пам'ят", "квіт", "річниц",
                                                    "прощани", "похорон")):
        return False
    told = any(c.kind in ("interception", "restriction", "explosion") or (c.kind == "strike" and not cues.is_strike_noun(c))
               for c in info.event_cues)
    return not told and _slavic_any("commemoration").search(sentence.text) is not None


@cache
def _slavic_any(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{'|'.join(cues.slavic(name))})", re.IGNORECASE)


# "удар по Курчатову был «целенаправленным»", "назвал обстрел Белгорода терактом": what an attack was called, in speech.
_JUDGED_AFTER = re.compile(r"\s*(?:был[аои]?|являл\w*|является|стал[аои]?|був|була|було|є)\s+(?:[«\"“]|[\w-]+(?:ым|ой|им|ою|ним|ною)\b)",
                           re.IGNORECASE)
_CALLED_BEFORE = re.compile(r"(?<![\w-])(?:назвал\w*|назвав\w*|называ\w*|назива\w*|квалифицир\w*|осудил\w*|засудил\w*)\s+"
                            r"(?:[\w-]+\s+){0,2}?(?:удар|атак|обстрел|обстріл)\w*\s+(?:по\s+|на\s+)?$", re.IGNORECASE)


# "прибув з візитом до Києва, де вночі загинули троє": the visit's city, where the event happened
_WHERE_AFTER = re.compile(r"\s*,\s*(?:де|где|where)(?![\w-])", re.IGNORECASE)
# "на Покровському напрямку", "на Запорожском направлении": a sector of the front named after a town, not the town.
_FRONT_SECTOR_AFTER = re.compile(r"\s+(?:напрямк\w*|напрямок|напрямі|направлени\w*)(?![\w-])", re.IGNORECASE)


@cache
def _venue_after() -> re.Pattern[str]:
    """'В Москве на брифинге …', 'В Новочеркасске простились с …': the place is followed by what was held there."""
    return re.compile(rf"\s*,?\s*(?:{'|'.join(cues.slavic('venue'))})(?![\w-])", re.IGNORECASE)


# "the Savasleyka Air Base", "the Kursk East Airport": a gazetteer name that ends with its airfield word takes 'the' as a facility.
_AIRFIELD_NAME_END = re.compile(r"\b(?:air ?base|airfield|airport)$", re.IGNORECASE)


@cache
def _rx(name: str) -> re.Pattern[str]:
    """The rules' patterns built from the lexicons, compiled once (not rebuilt and looked up for every mention)."""
    speech, diplomatic = cues.pattern("speech").pattern, cues.pattern("diplomatic").pattern
    gap = (r"(?:(?!(?:at|on|over|near|toward|towards|into|hit|struck|attacked|targeted)\b)"
           r"(?!(?:на|по|над|до)\s)[\w'’-]+\s+){0,4}?")  # not "з Курщини ракети по Сумах"
    table = {
        "the_before": (r"\bthe\s+$", re.IGNORECASE),
        "according": (r"\baccording to\s+(?:the\s+)?$", re.IGNORECASE),
        "gov_speech_after": (rf"^{_GOV}{_AUX}\s+(?:{speech})", re.IGNORECASE),
        "speech_before": (rf"(?:{speech})\s+(?:the\s+)?$", re.IGNORECASE),
        "site_noun_after": (rf"^['’]?s?\s+(?:[\w-]+\s+)?(?:{cues.pattern('site_nouns').pattern})", re.IGNORECASE),
        "diplomatic_before": (rf"(?:{diplomatic})\s+(?:[\w'’-]+\s+){{0,4}}?(?:in|at|to|with|from|of|for|near|у|в|во|до|к)\s+"
                              rf"(?:the\s+)?{_TOWN_OF}$",  # "зустріч у Львові", "переговоры в Стамбуле", "візит до Києва"
                              re.IGNORECASE),
        "in_only": (r"\s*in\s+", re.IGNORECASE),
        # "who was in Rome for the pope's funeral", "travel to Istanbul for the talks": where someone went, and why
        "diplomatic_purpose": (rf"^\s+for\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{diplomatic})\b", re.IGNORECASE),
        "diplomatic_after": (rf"^\s*,\s+(?:[\w'’-]+\s+){{0,5}}?(?:{diplomatic})\b", re.IGNORECASE),
        "speech_after": (rf"^\s*,\s+(?:[\w'’-]+\s+){{0,5}}?(?:{speech})\b", re.IGNORECASE),
        "launched": (rf"(?:{cues.pattern('origins').pattern})\s+(?:the\s+)?{gap}(?:in\s+|near\s+)?(?:the\s+)?$", re.IGNORECASE),
        "spoken": (rf"(?:{speech}|\btold(?:\s+[\w'’-]+){{1,2}})\s+in\s+(?:the\s+)?$", re.IGNORECASE),
        "be_before": (r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+|also\s+)?$", 0),
        "event_subject": (rf"(?:{cues.pattern('explosion').pattern}|\b(?:strikes|attacks|hits|impacts|fires|damage|casualties|shelling|gunfire))"
                          r"\s+(?:also\s+)?$", re.IGNORECASE),
    }
    pattern, flags = table[name]
    return cues.led(re.compile(pattern, flags))


def city_references(clause_text: str) -> list[re.Match[str]]:
    """'in the capital', 'struck the city': references to a city by a common noun, in a site position."""
    return list(_city_reference_pattern().finditer(clause_text))


@cache
def _city_reference_pattern() -> re.Pattern[str]:
    """The pattern of city_references, built from the lexicons once (not for every clause)."""
    nouns = "|".join(re.escape(w.removeprefix("the ")) for w in cues.lexicon()["city_references"])
    lead = cues.grouped(["in", "over", "on", "near", "at", "across", "around", "outside", "against", "heading (?:for|to|towards?)",
                         "flying (?:to|towards?)", "approaching", "en route to", *cues.lexicon()["object_verbs"],
                         "у", "в", "во", "по", "над", "на"])
    named = "|".join(k for k in cues.lexicon()["capitals"] if not k.startswith("_"))
    # "У столиці загинула одна людина", "по столиці": the capital of the country in focus ("у столиці Татарстану" names its own)
    pattern = (rf"\b(?:{lead})\s+"
               rf"(?P<ref>the\s+(?:{_SIDE_OF_TOWN})?(?:{nouns})|(?:his|her)\s+region|(?:the\s+)?(?P<adj>{named})\s+capital|{_SLAVIC_CAPITAL}|{SLAVIC_REGION_REF}|{_SLAVIC_CITY}|{SLAVIC_REGION})\b"
               rf"(?!['’]s|\s+of\b|\s+(?:region|district)\b|\s+(?-i:[А-ЯЁІЇЄҐ][а-яёіїєґ'’-])|{_NAME_APPOSED})")  # a name, not "ПВО"
    return cues.led(re.compile(pattern, re.IGNORECASE))


# "in the north-western city", "over the southern port city": a side (and 'port') before the common noun.
_SIDE_OF_TOWN = r"(?:(?:(?:north|south)-?(?:east|west)ern|northern|southern|eastern|western|central)\s+(?:port\s+)?)"
# "in the regional capital Dnipro": the name after the noun is the town meant (not a weekday or month: "the city Monday").
_NAME_APPOSED = (r"\s+(?-i:[A-Z])(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                 r"(?-i:[a-z])")
_SLAVIC_CAPITAL = r"столиц(?:і|ю|ею|я|е|у|ей)"
# "в городе", "над городом", "на территории города", "по городу": the town named before ("Глава Новошахтинска сообщил, что
# на территории города ПВО уничтожила два дрона"), as "the city" is in English.
_SLAVIC_CITY = r"(?<=в\s)городе|(?<=во\s)городе|(?<=над\s)городом|(?<=на\s)территории\s+города|(?<=по\s)городу"
# "над территорией области", "над регионом", "на территории края" (after над/на only): the region named before, in the
# air ("за ночь над территорией области уничтожены семь БПЛА"); "в области" is left alone (any news of the region).
SLAVIC_REGION_REF = (r"(?<=над\s)(?:област(?:ью|ями)|регион(?:ом|ами)|кра(?:ем)|республик(?:ой))"
                     r"|(?<=над\s)территори(?:ей|ею|ями)\s+(?:област(?:и|ей)|регион(?:а|ов)|кра(?:я)|республик(?:и))"
                     r"|(?<=на\s)территори(?:и|ях)\s+(?:област(?:и|ей)|регион(?:а|ов)|кра(?:я)|республик(?:и))")
SLAVIC_REGION = r"(?<=над\s)областю"  # "ППО збили 7 дронів над областю": the region in focus (Russian: SLAVIC_REGION_REF)


def capital_named(adjective: str) -> str | None:
    """The capital 'the Ukrainian capital' or 'Russia's capital' names (from the capitals lexicon), or None."""
    for key, city in cues.lexicon()["capitals"].items():
        if not key.startswith("_") and re.fullmatch(key, adjective, re.IGNORECASE):
            return city
    return None


def _region_with_the(mention: Mention) -> bool:
    """'6 over the Crimea', 'in the Donbas': a region whose English name may take 'the' (lexicon names_with_the)."""
    return mention.text in cues.lexicon()["names_with_the"]


def _diverted_to(tail: str) -> bool:
    """'diverted to Kazan', 'diverted to other cities, including Nizhny Novgorod's Strigino airport': the place follows a
    diversion cue with nothing between them that tells an event or ends the phrase."""
    last = None
    for last in cues.scanner("diversion").finditer(tail):
        pass
    if last is None:
        return False
    rest = tail[last.end():]
    return len(rest) <= 2 or (re.fullmatch(r"[^.;:()]*", rest) is not None and not cues.tells_event(rest))


def _denied_report(sentence: Sentence) -> re.Match[str] | None:
    """'Reports of a hit on Boryspil airport – a fake', 'called the reports of a fire in Oryol a fake': a sentence that
    calls a report false denies every place it names (the dash or the verb may sit in another clause)."""
    lower = sentence.text.lower()
    return cues.has("denied_report", sentence.text) if any(w in lower for w in _DENIAL_WORDS) else None


_DENIAL_WORDS = ("фейк", "не подтверд", "не так", "неправда", "недостовер", "не соответству", "нібито", "неправд", "брехн", "вигадк")


def _corrected_account(clause: Clause, retraction: re.Match[str], mention: Mention) -> bool:
    """'Информация не подтвердилась: беспилотник был сбит над Алексинским районом', 'ранее сообщалось о взрыве, однако
    дрон сбит над Алексином': a place told after the retraction and its colon (or its 'однако') is the corrected account."""
    at = mention.start - clause.start
    if retraction.end() > at:
        return False
    return bool(_CORRECTION_OPENS.match(clause.text, retraction.end(), at) or _BUT_END.search(retraction.group(0)))


_CORRECTION_OPENS = re.compile(r"\s*[:;]")
_BUT_END = re.compile(r"(?<![\w-])(?:но|однако|але|проте|but|however)$", re.IGNORECASE)


# "Russia's defence ministry, in Moscow, said ...": a seat set between commas after the speaker, before its speech verb.
_SEAT_BEFORE = re.compile(r",\s*(?:based\s+)?in\s+$")
_SPEECH_AFTER_COMMA = re.compile(r"^\s*,\s*(?:\w+ly\s+)?(?:said|says|told|announced|added|claimed|stated|reported|wrote)\b")
# "the Bryansk chemical plant in the town of Seltso": a facility named after a city, then the town it lies in.
_NAMED_FACILITY_IN_TOWN = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:plant|factory|works|refinery|depot|terminal|complex|enterprise|arsenal)\s+"
    r"(?:in|near|at|outside)\s+(?:the\s+)?(?:town|city|village|settlement)\s+of\b", re.IGNORECASE)


# "the Sverdlov plant in Dzerzhinsk", "the Malyshev factory in Kharkiv": a plant named after a person (or a town), then
# the town it lies in (not a region: "the Bryansk plant in the Bryansk region" lies in Bryansk).
_EPONYM_PLANT_IN_TOWN = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:plant|factory|works)\s+in\s+(?-i:[A-Z])[\w'’-]+\b"
                                   r"(?!\s+(?:region|oblast|krai|kray|province|territory|republic|district)\b)", re.IGNORECASE)


def official_after(after: str) -> str | None:
    """The official a place's name is the title of ("Kharkiv Mayor", "Rostov's governor"): 'mayor', 'governor',
    'administration' or None."""
    official = _OFFICIAL_AFTER.match(after)
    return official.group(1) if official else None


def _apposed_seat(before: str, after: str) -> bool:
    return bool(_SEAT_BEFORE.search(before[-20:]) and _SPEECH_AFTER_COMMA.match(after))


# "Russian-installed officials in occupied Luhansk said", "local authorities in Kupiansk reported": the town's own officials.
_LOCAL_OFFICIALS_IN = re.compile(r"\b(?:local|regional|city|municipal|(?:Russian|Russia|Moscow|Kremlin)-(?:installed|appointed)|"
                                 r"occupation|emergency)\s+(?:officials|authorities|services)\s+in\s+(?:the\s+)?(?:occupied\s+)?$",
                                 re.IGNORECASE)
_SAID_AFTER = re.compile(r"^\s*(?:said|says|reported|report|wrote)\b", re.IGNORECASE)


def _local_officials_tell(before: str, after: str, others: bool) -> bool:
    """'Russian-installed officials in occupied Luhansk said missiles hit a building, killing two': a town's own officials
    telling an event the sentence places nowhere else; the town is its site."""
    said = _SAID_AFTER.match(after)
    return (not others and said is not None and _LOCAL_OFFICIALS_IN.search(before) is not None
            and cues.tells_event(after[said.end():]))


def _speaker_place(before: str, after: str, others: bool) -> bool:
    """'In Washington, officials said ...': a place opening the clause, then someone speaking; unless what they say tells
    an event and the sentence names no other place ("In Novorossiysk, the mayor said debris damaged buildings")."""
    if not _rx("in_only").fullmatch(before):
        return False
    if _rx("diplomatic_after").match(after):
        return True  # "In Moscow, Putin met Xi ..."
    said = _rx("speech_after").match(after)
    return bool(said) and (others or not cues.tells_event(after[said.end():]))


# "Both were taken to hospital in Belgorod", "evacuated to Kyiv", "treated at a clinic in Sumy": where victims were brought.
_TREATED_IN = re.compile(r"\b(?:(?:taken|brought|evacuated|transferred|airlifted|flown|rushed|admitted)\s+to"
                         r"(?:\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:hospitals?|clinics?)\s+(?:in|at))?"
                         r"|(?:hospitali[sz]ed|treated)\s+(?:[\w-]+\s+){0,3}?(?:in|at))\s+(?:the\s+)?$", re.IGNORECASE)


# "… летевших на Москву, сбиты в Подольске": a place phrase later in the sentence, where they were downed or fell.
_PLACE_PHRASE_LATER = re.compile(r"(?<![\w-])(?:в|во|у|над|под|возле|около|біля|поблизу)\s+(?-i:[А-ЯЁІЇЄҐ])", re.IGNORECASE)


def _hurt_in_attack(after: str) -> bool:
    """'Два сотрудника предприятия в Новомосковске получили ранения при атаке …': the firm's town is where they were hurt."""
    return any(c.kind == "strike" for c in cues.find_cues(after)) and cues.has("injured", after) is not None


@cache
def _slavic_tail(name: str) -> re.Pattern[str]:
    """A Russian or Ukrainian lexicon entry ending right before a mention ("доставлен в больницу в ", "летевших на ")."""
    return re.compile(rf"(?<![\w-])(?:{'|'.join(cues.slavic(name))})\s+$", re.IGNORECASE)


def _person_was_in(before: str) -> bool:
    """'came as Ukraine's foreign minister was in Berlin', 'Zelensky, who was in Paris': where a person was or went."""
    found = _person_was_in_pattern().search(before)
    return bool(found) and cues.weapon_of(found.group(0)) is None


@cache
def _person_was_in_pattern() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in cues.lexicon()["titles"])
    return re.compile(rf"(?:\b(?:{titles}|who|he|she|they)|(?-i:\b[A-Z][a-z]+))\s+(?:(?:was|is|were|are|had been|has been|will be)\s+"
                      rf"(?:(?:still|already|also|then)\s+)?in|(?:arrived|stayed|travell?ed|flew|went)\s+(?:in|to))\s+(?:the\s+)?$",
                      re.IGNORECASE)


def _launched_from(before: str) -> bool:
    """'from the direction of Cape Chauda in Crimea', 'launched from Kursk': the origin of an attack."""
    return bool(_rx("launched").search(before))


def _spoken_in(before: str) -> bool:
    """'... said in Kyiv', 'told reporters in Moscow': where something was said, not where it happened."""
    said = _rx("spoken").search(before)
    return (bool(said) and not _rx("be_before").search(before[:said.start()])  # not "explosions were reported in X"
            and not _rx("event_subject").search(before[max(0, said.start() - 40):said.start()]))  # "Blasts reported in X"


# "над Чорним морем", "в Азовском море", "over the Black Sea": a sea named by its adjective.
_SEA_AFTER = re.compile(r"\s+(?:мор(?:е|я|ю|ем|і)|Sea)(?![\w-])", re.IGNORECASE)
# "Над Чорним морем та Кримом", "над акваторией Азовского моря и Крымом": a place after a sea, under one preposition.
_AFTER_A_SEA = re.compile(r"(?<![\w-])(?:над|в|у|на|over)\s+(?:акватор\w+\s+)?(?:the\s+)?[\w'’-]+\s+"
                          r"(?:мор(?:е|я|ю|ем|і)|Sea)\s+(?:и|та|і|й|and)\s+(?:над\s+|over\s+)?$", re.IGNORECASE)


# "Жители Новошахтинска сообщили о взрывах": the people of a place tell what happened there, not its government.
_RESIDENTS_BEFORE = re.compile(r"(?<![\w-])(?:жител|мешкан|residents?\s+of)\w*\s+$", re.IGNORECASE)


# Every rule reads a few words either side of a mention: a bounded window keeps the reading linear in the text's length.
WINDOW = 120


def _around(clause: Clause, mention: Mention) -> tuple[str, str]:
    """The clause text just before and just after a mention (at most WINDOW characters each)."""
    at, end = mention.start - clause.start, mention.end - clause.start
    return clause.text[max(0, at - WINDOW):at], clause.text[end:end + WINDOW]


# "... in total over Bryansk, Kursk, Belgorod and": the names listed right after a total and its preposition.
_TALLY_LIST = re.compile(r"\s*(?:over|across|above)\s+(?:(?-i:[A-Z])[\w'’-]*(?:\s*,\s*|\s+and\s+))*$", re.IGNORECASE)


def _tallied_over(info: ClauseInfo, before: str) -> bool:
    """A name in the list after a count's wider scope ('in total', 'across the country') in an interception clause."""
    if not any(c.kind == "interception" for c in info.event_cues):
        return False
    scope = None
    for scope in cues.scanner("wider_scope").finditer(before):
        pass
    return scope is not None and bool(_TALLY_LIST.match(before, scope.end()))


def _site_reason(sentence: Sentence, info: ClauseInfo | None, mentions: list[Mention], position: int) -> str:
    mention = mentions[position]
    if info is None or not info.event_cues:
        return "no event cue in its clause"
    before, after = _around(info.clause, mention)
    if airports.listed_after_airports(before):
        mention.hint = mention.hint or "airport"
        return "site: named in a list of airports"
    if _STRIKE_VERB.search(before):
        return "site: object of a strike verb"
    if _FRONTED_OBJECT.match(after) and not _PREPOSITION_BEFORE.search(before):
        return "site: the object put first (Липецк атаковали беспилотники, Харків атакували шахеди)"
    if _COUNT_AFTER.match(sentence.text, mention.end - sentence.start) and _ITEM_BEFORE.search(before):
        return "site: an item of a list of counts (Одещина — 9, Миколаївщина — 6)"
    listed = _PLACES_COLON.search(before)
    if listed and re.search(r"\b(?:regions|oblasts)\b", listed.group(0), re.IGNORECASE):
        mention.hint = mention.hint or "region"  # "in the following oblasts: Zhytomyr, Rivne": the regions
    if mention.hint is None and _tallied_over(info, before):
        mention.hint = "region"  # "downed 132 drones in total over Bryansk, Kursk and Belgorod": a ministry's tally by region
    if _headed_by_a_cue(info, mention, before):
        return "site: the first item of a list after an event cue and a colon (Прилёты этой ночью: Курчатов, Льгов)"
    if _LINE_HEAD_BEFORE.match(before) and _LINE_HEAD_AFTER.match(after) and mention.start - sentence.start == len(before):
        return "site: the place heading a line of a list or a live blog (Kyiv – a missile struck ...)"
    if _LINE_HEAD_BEFORE.match(before) and _DISTRICT_HEAD_AFTER.match(after) and mention.start - sentence.start == len(before):
        return "site: the district heading a line that tells its event (📍Фастівський район: поранено чоловіка)"
    if (_SITE_PREP.search(before) or _OF_PLACE.search(before) or _SLAVIC_PLACE_PHRASE.search(before)
            or _AFTER_A_SEA.search(before)):
        return "site: place phrase (in/over/near/at ...) in a clause with an event cue"
    if _EVENT_NOUN_AFTER.match(after):
        return "site: names the attack (the <place> strikes)"
    if listed:
        return "site: first of the places listed after a colon (Regions where hits were recorded: X, Y)"
    including = _INCLUDING_AFTER_AREAS.search(before)
    if including:
        if re.search(r"\b(?:regions|oblasts|provinces)\b", including.group(0), re.IGNORECASE):
            mention.hint = mention.hint or "region"  # "over several regions, including Kursk and Belgorod": the regions
        return "site: first of the places the event's areas include (over several regions, including the Bryansk ...)"
    if _SETTLEMENTS_BEFORE.search(before):
        return "site: first of the settlements listed in an event clause (ударів зазнали райони населених пунктів X, Y)"
    if mention.hint == "airport":
        return "site: airport named in a clause with an event cue"
    earlier = _previous_name(mentions, position)
    earlier = None if earlier is None else _item_before(sentence, mentions, earlier)
    if earlier is not None and mentions[earlier].role == "site":
        previous = mentions[earlier]
        gap = sentence.text[mentions[position - 1].end - sentence.start:mention.start - sentence.start]
        if re.fullmatch(r"\s*\(\s*", gap):
            mention.hint = mention.hint or previous.hint
            return f"site: another spelling of {previous.text}"
        if _LIST_GAP.match(gap) and not _OFFICIAL_AFTER.match(after):  # not "..., Kharkiv regional governor X said"
            mention.hint = mention.hint or previous.hint
            return f"site: listed with {previous.text}"
    if _is_subject(info, mentions, position, before, after) or (not before.strip() and _passive_before(
            sentence.text[max(0, mention.start - sentence.start - WINDOW):mention.start - sentence.start], None, mention.start)):
        return "site: subject of a passive strike (was struck, came under attack)"  # "Під обстрілом з артилерії — Очаків"
    if sentence.index > 0 and _facility_subject(before, after):
        return "site: its town's facility is what the clause tells of (Novoshakhtinsk refinery on fire after drone attack)"
    if not before.strip() and any(c.kind == "restriction" for c in info.event_cues) and not _DATELINE_AFTER.match(after):
        return "site: subject of a restriction clause (Sheremetyevo was closed to flights)"
    official = _OFFICIAL_AFTER.match(after)
    if official and not before.strip() and cues.tells_event(after):  # not "... said schools would close after the attacks"
        mention.hint = mention.hint or ("region" if official.group(1).lower() == "governor" else None)
        return JURISDICTION
    return "not in a site position (no in/over/at, not struck, not the subject of an attack)"


# "MOSCOW, March 11 (Reuters) -", "KHARKIV, Ukraine (AP) —", "Zaporizhzhia (Ukraine) (AFP) -": the town a wire story was
# filed from, heading its first sentence.
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?(?:\s*\([^()]{1,30}\))?,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?"
                            r"\((?:Reuters|AP|AFP|Bloomberg|dpa|UPI|Interfax|TASS)\)\s*[-—–]")


# "Прилёты этой ночью: Курчатов", "Explosions overnight: Kursk, Lgov": a colon ending a phrase that tells the event.
_COLON_BEFORE = re.compile(r"(?<![\d\s]):\s*$")


def _headed_by_a_cue(info: ClauseInfo, mention: Mention, before: str) -> bool:
    """True for the first name after a colon when an event named by a noun stands before the colon in its clause
    ("Прилёты этой ночью: Курчатов, Льгов, Рыльск"); the names after it follow as items of the list. A verb before the
    colon ("attacked four airfields: ...") is left to the rules of objects."""
    colon = _COLON_BEFORE.search(before)
    if not colon:
        return False
    at = mention.start - info.clause.start - len(before) + colon.start()
    return any(at - 60 <= c.end <= at and (c.kind != "strike" or cues.is_strike_noun(c)) for c in info.event_cues)


# "Regions where hits were recorded: ", "Debris fell in the following regions: ": a list of places follows the colon.
_PLACES_COLON = re.compile(r"\b(?:regions|oblasts|areas|cities|towns|settlements|districts|communities|locations|places|"
                           r"following)\b[^:.;]{0,40}:\s*$", re.IGNORECASE)


# "destroyed 146 drones over several regions, including the Bryansk, Kursk and Tula regions": the areas of the event, then
# the ones named among them.
_INCLUDING_AFTER_AREAS = re.compile(
    r"\b(?:over|in|across|above|on)\s+(?:several|many|multiple|various|a number of|\d+|[a-z]+)\s+(?:regions|oblasts|provinces|cities|"
    r"towns|areas|districts|settlements|communities)\b[^.;:]{0,30}?,?\s+(?:including|among them|notably|in particular)\s+(?:the\s+)?$",
    re.IGNORECASE)


# "Авіаційних ударів зазнали райони населених пунктів Юнаківка, Хотінь", "обстрелам подверглись н. п. Тёткино": the
# settlements named right after their common noun (the clause has the event cue).
_SETTLEMENTS_BEFORE = re.compile(r"(?<![\w-])(?:населен\w*|населён\w*)\s+пункт\w*\s*:?\s*$|(?<![\w-])н\.\s?п\.\s*:?\s*$",
                                 re.IGNORECASE)


def _previous_name(mentions: list[Mention], position: int) -> int | None:
    """The mention before this one, passing over common words just after it ("the Irkutsk region of Siberia, Olenya":
    Irkutsk); None when there is none."""
    earlier = position - 1
    while (earlier > 0 and mentions[earlier].reason.startswith("not a place")
           and mentions[earlier].start - mentions[earlier - 1].end <= 20):
        earlier -= 1
    return earlier if earlier >= 0 else None


def _item_before(sentence: Sentence, mentions: list[Mention], earlier: int) -> int:
    """'«Оленья» в Мурманській області, «Бєлая» в Іркутській', 'Краснопілля Сумської області та Великий Бурлук': the item
    of the list before the region that says where it lies (the region is not the list's item)."""
    if earlier > 0 and mentions[earlier].hint == "region" and mentions[earlier - 1].role == "site" and _REGION_OF_ITEM.fullmatch(
            sentence.text, mentions[earlier - 1].end - sentence.start, mentions[earlier].start - sentence.start):
        return earlier - 1
    return earlier


_REGION_OF_ITEM = re.compile(r"[»\"”]?\s+(?:(?:в|у|in)\s+)?", re.IGNORECASE)  # "Краснопілля Сумської області та …" too


def _facility_subject(before: str, after: str) -> bool:
    """'Novoshakhtinsk refinery on fire after drone attack', 'Tuapse port ablaze': a town's facility opening the clause,
    the clause telling what befell it."""
    facility = _FACILITY_AFTER.match(after)
    if facility is None or before.strip(" \"'“‘«—–-•*") or after.startswith(("'", "’")):
        return False
    rest = after[facility.end():]
    return bool(_ON_FIRE.match(rest)) or cues.tells_event(rest)


_ON_FIRE = re.compile(r"\s+(?:(?:is|was|were|are|remains|remained)\s+)?on fire\b", re.IGNORECASE)


def _is_subject(info: ClauseInfo, mentions: list[Mention], position: int, before: str, after: str) -> bool:
    earlier = position > 0 and mentions[position - 1].clause is info.clause  # mentions are in reading order
    if earlier and ":" in before[len(before) - (mentions[position].start - mentions[position - 1].end):]:
        earlier = False  # "Чугуївський район: м. Вовчанськ потрапило під обстріл": the district labels the line
    if _passive_before(before, mentions[position - 1].end if earlier else None, mentions[position].start):
        return True
    if earlier or re.search(r"\b(?:of|by|from|with|for|to|and)\s+(?:the\s+)?$", before, re.I):
        return False
    passive = cues.scanner("passive").search(after)
    if not passive:
        return False
    between = after[:passive.start()]
    community = _COMMUNITY_AFTER.match(between)
    between = between[community.end():] if community else between  # "the Ochakiv community came under fire"
    return (bool(_SUBJECT_GAP.match(between)) or (between.startswith(",") and between.count(",") >= 2)
            or bool(_CO_SUBJECTS.fullmatch(between)))


# "the Ochakiv community", "the Marhanets hromada": a Ukrainian municipality named after its town (the town is the site).
_COMMUNITY_AFTER = re.compile(r"\s+(?:(?:urban|rural|settlement|territorial|city)\s+)*(?:community|hromada|municipality)\b", re.IGNORECASE)


def _passive_before(before: str, earlier_end: int | None, start: int) -> bool:
    """'Під обстрілом з артилерії — Очаків', 'під удар потрапила Дружківка': the subject put after its passive strike
    (a place named earlier in the clause must stand before that phrase: "На Херсонщині під обстрілом Станіслав")."""
    last = None
    for last in cues.scanner("passive").finditer(before):
        pass
    if last is None or not _SUBJECT_AFTER_PASSIVE.fullmatch(before, last.end()):
        return False
    return earlier_end is None or earlier_end <= start - len(before) + last.start()


_SUBJECT_AFTER_PASSIVE = re.compile(r"(?:\s+(?:з|із|зі|с|со)\s+[\w'’-]+){0,2}(?:\s+(?:знову|вкотре|знов|снова|вновь|опять|також|теж|также|тоже))?"
                                    r"(?:\s+(?:опинил\w*|опинив\w*|потрапи\w*|оказал\w*|оказа\w*|був|була|було|були|был|была|было|были))?\s*[—–:-]?\s*", re.IGNORECASE)


# "Шебекино, Грайворон и Валуйки подверглись обстрелам": the other names of a list of subjects before the verb.
_CO_SUBJECTS = re.compile(r"(?:\s*(?:,|\s(?:и|і|та|й|and))\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]*)+\s*(?:(?:also|again|снова|вновь|знову|также|також)\s+)?")
