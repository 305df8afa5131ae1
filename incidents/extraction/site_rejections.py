"""Why a place in an event clause is no site: where people are based, speak or are treated; denied."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from incidents.extraction import cues
from incidents.extraction.places import NAMED_BASE_BEFORE, ClauseInfo, Mention
from incidents.extraction.sentences import Clause, Sentence

# Facilities named after their town ("the Ryazan refinery"): the town is where it happened.
FACILITY_AFTER = re.compile(
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
OFFICIAL_AFTER = re.compile(r"^(?:['’]s)?\s+(?:regional\s+|region\s+|oblast\s+|city\s+|military\s+)?(governor|mayor|administration)\b", re.IGNORECASE)
# "the Saudi city of Jeddah", "the Black Sea port of": a common noun naming the town that follows.
# "the Syzran and Novokuibyshevsk oil refineries": towns named together before their facilities (plural).
_CO_FACILITIES_AFTER = re.compile(
    r"^(?:(?:\s*,\s*|\s+and\s+)(?-i:[A-Z])[\w'’-]+)+\s+(?:[a-z-]+\s+){0,2}?(?:refineries|plants|factories|depots|ports|"
    r"terminals|airfields|air bases|airbases|bases|power stations|power plants|substations|arsenals|shipyards|facilities)\b")
_TOWN_OF = r"(?:(?:[\w'’-]+\s+){0,2}?(?:city|capital|town|resort|port)\s+of\s+)?"
# "said Sheremetyevo and Vnukovo airports suspended flights": airports named after a speech verb are sites, not speakers.
_AIRPORTS_AFTER = re.compile(r"^(?:\s*(?:,|and)\s*[A-Z][\w'’-]+)*\s+(?:international\s+)?airports?\b", re.IGNORECASE)


# "Krasnogorsk, west of Moscow", "50 km south of Kursk": a bearing from a reference place ("in the south of X" is a site).
_DIRECTION_OF = re.compile(r"(?<!\bthe )(?<!\bthe far )\b(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?\s+of\s+$",
                           re.IGNORECASE)


EVENT_NOUN_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:drone|missile|rocket|air|overnight|morning|night)\s+)?(?:strikes?|attacks?|raids?|explosions?|blasts?|shelling|bombing)\b",
    re.IGNORECASE,
)


_AUX = r"(?:\s+(?:has|have|had|did|does|do|is|was|were|will|would|also|not|yet|so far|swiftly|quickly|immediately|once again|again|officially|publicly|has yet to|to))*"
_GOV = r"(?:['’]s)?(?:\s+(?:government|authorities|officials|leadership|foreign ministry|defen[cs]e ministry|ministry|military|side|army|forces|envoy|delegation|regime))?"


# Searched in the words before every mention: led by a look-ahead for their first characters (cues.led), the same
# matches found faster.
_BASED_IN, _MAKERS_IN, _DIRECTION_OF = (cues.led(p) for p in (_BASED_IN, _MAKERS_IN, _DIRECTION_OF))


# "влучила не в Одесу, а в Чорноморськ", "попал не по Курску, а по …", "hit not Odesa but Chornomorsk": the first is denied.
_NOT_HERE_BEFORE = re.compile(r"(?<![\w-])(?:не|not)\s+(?:(?:в|у|во|по|на|над|біля|возле|in|at|on|over|near)\s+)?$", re.IGNORECASE)
_BUT_THERE_AFTER = re.compile(r"\s*,?\s*(?:а|але|but)\s", re.IGNORECASE)
# "…, в Курске ночью обошлось без последствий": the place named only to say that nothing happened there.
_NOTHING_THERE_AFTER = re.compile(r"[^,;.]{0,30}?(?:(?:обошл|обійшл|обход)\w*\s+без\s+(?:последствий|наслідків|происшествий|"
                                  r"інцидентів|инцидентов|прил[её]тов|прильотів)|(?:passed|went)\s+(?:off\s+)?without\s+"
                                  r"(?:incident|consequences))", re.IGNORECASE)


# "479 drones, most aimed at Rivne and Khmelnytskyi regions": the aim of an attack, told apart from where it struck.
_AIMED_AT_BEFORE = re.compile(r"(?<![\w-])(?:aimed|directed)\s+(?:mainly\s+|mostly\s+|primarily\s+|chiefly\s+)?at\s+(?:the\s+)?$",
                              re.IGNORECASE)


# "refineries from Volgograd to Ryazan", "a train from Kyiv to Lviv": the two ends of a span or a route.
_SPAN_FROM_BEFORE = re.compile(r"(?<![\w-])from\s+(?:the\s+)?$", re.IGNORECASE)
_SPAN_TO_AFTER = re.compile(r"\s+to\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)
_SPAN_TO_BEFORE = re.compile(r"(?<![\w-])from\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+to\s+(?:the\s+)?$",
                             re.IGNORECASE)


# "the strike on Kyiv's children's hospital", "drones hit Odesa's port": the owner of what was struck is where it lies.
_STRUCK_OWNER_BEFORE = re.compile(r"(?:(?<![\w-])(?:strikes?|attacks?|raids?|assault|bombing|shelling)\s+(?:on|against)"
                                  r"|(?<![\w-])(?:struck|hit|hits|attacked|targeted|shelled|bombed))\s+$", re.IGNORECASE)


# "the Borisoglebsk area", "the Ramenskoye, Kolomna and Domodedovo districts": towns naming the areas around them.
_AREA_AFTER = re.compile(r"^(?:(?:\s*,\s*|\s+and\s+)(?-i:[A-Z])[\w'’-]+)*\s+(?:areas?|districts?|raions?|rayons?|outskirts|suburbs|"
                         r"municipalit(?:y|ies)|urban districts?)\b", re.IGNORECASE)
_ADJECTIVE_END = re.compile(r"(?:sky|skiy|skyi|skyy|skii|skoy|skoi)$")  # "the Podilskyi and Obolonskyi districts": quarters


_NO_HITS = re.compile(r"попадани|влучан", re.IGNORECASE)


def _no_hits_after_downing(info: ClauseInfo, retracted: re.Match[str]) -> bool:
    """'сбили 14 в Одесской области, но там попаданий не было': no hits where drones were downed is the downing's
    outcome, not a denial of it."""
    return bool(_NO_HITS.search(retracted.group(0))) and any(c.kind == "interception" for c in info.event_cues)


def rejection(sentence: Sentence, info: ClauseInfo | None, mention: Mention, claim_refs: set[int],
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
    if retracted and (_corrected_account(info.clause, retracted, mention) or _no_hits_after_downing(info, retracted)):
        retracted = None
    retracted = retracted or _denied_report(sentence) or _report_denied_before(info.clause, mention) or _denied_after(sentence, info.clause)
    if retracted:
        return f"retracted or denied in the text ('{retracted.group(0)}')"
    before, after = around(info.clause, mention)
    if _NOT_HERE_BEFORE.search(before) and _BUT_THERE_AFTER.match(after):
        return "negated: 'not here but there' (не в Одесу, а в Чорноморськ; not Odesa but Chornomorsk)"
    if _NOTHING_THERE_AFTER.match(after):
        return "nothing happened there ('в Курске обошлось без последствий', 'passed without incident')"
    if (_SPAN_FROM_BEFORE.search(before) and _SPAN_TO_AFTER.match(after)) or _SPAN_TO_BEFORE.search(before):
        return "an end of a span ('hit plants from Volgograd to Ryazan'): how far something reached, not a site"
    if (_rx("the_before").search(before) and mention.hint not in ("region", "airport", "airports", "district")
            and not EVENT_NOUN_AFTER.match(after) and not FACILITY_AFTER.match(after) and not _region_with_the(mention)
            and not _CO_FACILITIES_AFTER.match(after)
            and not _AIRFIELD_NAME_END.search(mention.text) and not COMMUNITY_AFTER.match(after)
            and not (_AREA_AFTER.match(after) and not _ADJECTIVE_END.search(sentence.text, 0, mention.end - sentence.start))):
        return "a name used with 'the': a river, sea, landmark or group, not a town"
    local = _local_officials_tell(before, after, others, mention.text) or (not others and own_authorities_tell(before, after))
    if ((_BASED_IN.search(before) and not local) or _speaker_place(before, after, others)
            or _spoken_in(before)
            or (_MAKERS_IN.search(before) and not cues.tells_event(before) and not _hurt_in_attack(after)
                and not _attack_on_maker(before))
            or _apposed_seat(before, after)):
        return "where people or officials are based, not where it happened"
    if _NAMED_FACILITY_IN_TOWN.match(after) or (_rx("the_before").search(before) and _EPONYM_PLANT_IN_TOWN.match(after)):
        return "a facility named after it, lying in the town named next ('the Bryansk chemical plant in the town of Seltso')"
    if _RESIDENTS_BEFORE.search(before) and _HEARD_TOO_AFTER.match(after):
        return "its residents also heard the event told before: hearers, not a site"
    if _HOME_BEFORE.search(before) and _SITE_LATER.search(sentence.text, mention.end - sentence.start):
        return "where a person lives or comes from; the sentence names where it happened"
    if _outages_in(before, after, mention):
        return "where power cuts or outages followed, not where it struck ('power cuts in Kyiv and Zhytomyr regions')"
    if _TREATED_IN.search(before) or _slavic_tail("treated_in").search(before):
        return "where the wounded were taken or treated, not where it happened"
    heading = _slavic_tail("heading_to").search(before) or _HEADING_FOR.search(before)
    if (others and heading and _place_phrase_besides(sentence, mention, len(before) - heading.start())
            and not _downed_at_destination(after)):
        return "where the drones were flying to; the sentence names where they were downed or fell"
    passing = _FLEW_OVER.search(before)
    if others and passing and _place_phrase_besides(sentence, mention, len(before) - passing.start()) and not _downed_at_destination(after):
        return "where the drone flew over on its way; the sentence names where it was downed or fell"
    if _person_was_in(before):
        return "where a person was (the minister was in Berlin), not where it happened"
    if _DIRECTION_OF.search(before):
        return "a reference point ('west of X'), not where it happened"
    if NAMED_BASE_BEFORE.search(before[-80:]):
        return "a reference point for the named air base before it ('the Kacha airfield outside Sevastopol')"
    if _FRONT_SECTOR_AFTER.match(after) or _FRONT_NEAR_BEFORE.search(before[-40:]):
        return "a front sector ('на Покровському напрямку', 'the front line near Pokrovsk'), not where it happened"
    if _diverted_to(before[-120:]):
        return "where flights were diverted to, not a restricted airport"
    if _launched_from(before):
        return "where the weapons came from (launched from, from the direction of), not where they struck"
    if _AIMED_AT_BEFORE.search(before):
        return "where the weapons were aimed (most aimed at Rivne), not where they struck"
    if _rx("according").search(before):
        return "stands for its government (according to ...)"
    if (_rx("gov_speech_after").match(after) and not _RESIDENTS_BEFORE.search(before) and not local
            and not _RESIDENTS_OF_PART_IN.search(before[-80:])):
        return "stands for its government (subject of a speech or stance verb)"
    if _rx("speech_before").search(before) and not _AIRPORTS_AFTER.match(after):
        return "stands for its government (object of a speech or stance verb)"
    if _rx("pressure_before").search(before):  # "закликали посилити санкційний тиск на Москву", "sanctions against Moscow"
        return "stands for its government (pressure, sanctions or demands on it)"
    if (mention.possessive and not _rx("site_noun_after").match(after)
            and not OFFICIAL_AFTER.match(after) and not _STRUCK_OWNER_BEFORE.search(before)):
        return "possessive: stands for the state, its people or institutions"
    if ((_rx("diplomatic_before").search(before) and not _WHERE_AFTER.match(after))
            or _rx("diplomatic_purpose").match(after)):
        return "diplomatic or political mention (talks, visits, speeches)"
    if _venue_after().match(after):
        return "where a briefing, meeting or funeral was held, not where it happened"
    if _commemorated(sentence, info):
        return "where the dead of an earlier attack were commemorated, not where it happened"
    if others and _slavic_after("mourning").match(after) and not _attack_told(info):
        return "where mourning was declared for the dead of an attack on another place (удару по X), not where it struck"
    if ((_JUDGED_AFTER.match(after) and cues.has("speech", sentence.text[:mention.start - sentence.start]))
            or _CALLED_BEFORE.search(before)) and not cues.tells_event(info.clause.text):
        return "an attack only judged in speech (удар по X был «целенаправленным»), not reported here"
    return None


# "... in Kyiv, Zhytomyr and Dnipropetrovsk regions": the regions named after a place word, the earlier items of the list
_REGIONS_AFTER = re.compile(r"^(?:(?:\s*,\s*|\s+and\s+)(?-i:[A-Z])[\w'’-]+)*\s+(?:regions|oblasts|provinces)\b")
_LIST_IN_BEFORE = re.compile(r"\s+(?:in|across|throughout|hit|hitting|affected|affecting|swept|plunged)\s+(?:the\s+)?"
                             r"(?:(?-i:[A-Z])[\w'’-]+(?:\s*,\s*|\s+and\s+))*$", re.IGNORECASE)


def _outages_in(before: str, after: str, mention: Mention) -> bool:
    """'Emergency power cuts were introduced in Kyiv, Zhytomyr and Dnipropetrovsk regions after the attack': regions
    where outages followed an attack told elsewhere (a region-wide measure, not a site; a city's outage is left alone)."""
    if not (mention.hint == "region" or _REGIONS_AFTER.match(after)):
        return False
    tail = _LIST_IN_BEFORE.search(before)
    if tail is None:
        return False
    head = before[:tail.start()]
    outage = None
    for outage in cues.scanner("outages").finditer(head):
        pass
    return outage is not None and not cues.tells_event(head[outage.end():]) and len(head) - outage.end() <= 60


_COMMEMORATION_WORDS = ("памят", "цвет", "мемориал", "годовщин", "молчан", "траур", "пам'ят", "квіт", "річниц", "прощани",
                        "похорон")


@lru_cache(maxsize=cues.CACHED_TEXTS)
def _has_any(text: str, words: tuple[str, ...]) -> bool:
    """True when the text holds one of the words in any case (once per sentence and word list, not once per mention)."""
    lower = text.lower()
    return any(w in lower for w in words)


def _commemorated(sentence: Sentence, info: ClauseInfo) -> bool:
    """'пришли к мемориалу в Красногорске, чтобы почтить память погибших': a commemoration, with no attack told in it."""
    if not _has_any(sentence.text, _COMMEMORATION_WORDS):
        return False
    return not _attack_told(info) and _slavic_any("commemoration").search(sentence.text) is not None


def _attack_told(info: ClauseInfo) -> bool:
    """True when the clause tells an attack by a verb or an interception (not only a noun: 'удару по Тернополю')."""
    return any(c.kind in ("interception", "restriction", "explosion") or (c.kind == "strike" and not cues.is_strike_noun(c))
               for c in info.event_cues)


@cache
def _slavic_after(name: str) -> re.Pattern[str]:
    """A lexicon's words right after a place ('У Львові оголошено день жалоби')."""
    return re.compile(rf"\s*,?\s*(?:{'|'.join(cues.slavic(name))})(?![\w-])", re.IGNORECASE)


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
# "100 km from the front line near Pokrovsk", "troops on the front near Kupiansk": the front's stretch a town names.
_FRONT_NEAR_BEFORE = re.compile(r"(?<![\w-])front(?:[\s-]?lines?)?\s+(?:near|around|outside|by|at)\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def _venue_after() -> re.Pattern[str]:
    """'В Москве на брифинге …', 'В Новочеркасске простились с …': the place is followed by what was held there."""
    return re.compile(rf"\s*,?\s*(?:{'|'.join(cues.slavic('venue'))})(?![\w-])", re.IGNORECASE)


# "the Savasleyka Air Base", "the Kursk East Airport": a gazetteer name that ends with its airfield word takes 'the' as a facility.
_AIRFIELD_NAME_END = re.compile(r"\b(?:air ?base|airfield|airport|bridge|island)$", re.IGNORECASE)  # "the Crimean bridge": the name


@cache
def _rx(name: str) -> re.Pattern[str]:
    """The rules' patterns built from the lexicons, compiled once (not rebuilt and looked up for every mention)."""
    speech, diplomatic = cues.pattern("speech").pattern, cues.pattern("diplomatic").pattern
    verbs = cues.grouped(cues.lexicon()["object_verbs"])  # not "з напрямку Бєлгорода та атакували Харків"
    gap = (r"(?:(?!(?:at|on|over|near|toward|towards|into|hit|struck|attacked|targeted)\b)"
           rf"(?!(?:на|по|над|до)\s)(?!(?:{verbs})(?![\w'’-]))[\w'’-]+\s+){{0,4}}?")  # not "з Курщини ракети по Сумах"
    table = {
        "the_before": (r"\bthe\s+$", re.IGNORECASE),
        "according": (r"\baccording to\s+(?:the\s+)?$", re.IGNORECASE),
        "gov_speech_after": (rf"^{_GOV}{_AUX}\s+(?:{speech})", re.IGNORECASE),
        "speech_before": (rf"(?:{speech})\s+(?:the\s+)?$", re.IGNORECASE),
        "pressure_before": (rf"(?<![\w'’-])(?:{cues.pattern('pressure').pattern})\s+(?:[\w'’-]+\s+){{0,2}}?"
                            r"(?:на|проти|против|on|against|to)\s+(?:the\s+)?$", re.IGNORECASE),
        "site_noun_after": (rf"^['’]?s?\s+(?:[\w-]+\s+)?(?:{cues.pattern('site_nouns').pattern})", re.IGNORECASE),
        "diplomatic_before": (rf"(?:{diplomatic})\s+(?:[\w'’-]+\s+){{0,4}}?(?:in|at|to|with|from|of|for|near|у|в|во|до|к)\s+"
                              rf"(?:the\s+)?{_TOWN_OF}$",  # "зустріч у Львові", "переговоры в Стамбуле", "візит до Києва"
                              re.IGNORECASE),
        "in_only": (r"\s*in\s+", re.IGNORECASE),
        # "who was in Rome for the pope's funeral", "travel to Istanbul for the talks": where someone went, and why
        "diplomatic_purpose": (rf"^\s+(?:for\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{diplomatic})\b"
                               r"|to\s+(?:discuss|negotiate|attend|sign|hold\s+talks|meet\s+with)\b)", re.IGNORECASE),  # "gathered in Paris to discuss"
        "diplomatic_after": (rf"^\s*,\s+(?:[\w'’-]+\s+){{0,5}}?(?:{diplomatic})\b", re.IGNORECASE),
        "speech_after": (rf"^\s*,\s+(?:[\w'’-]+\s+){{0,5}}?(?:{speech})\b", re.IGNORECASE),
        "launched": (rf"(?:{cues.pattern('origins').pattern})\s+(?:the\s+)?{gap}(?:in\s+|near\s+)?(?:the\s+)?$", re.IGNORECASE),
        "spoken": (rf"(?:{speech}|\btold(?:\s+[\w'’-]+){{1,2}})\s+in\s+(?:the\s+)?$", re.IGNORECASE),
        # "заявив Пєсков у Москві", "сказал журналистам в Вашингтоне": the speaker and where they spoke, after the verb
        "spoken_slavic": (rf"(?:{speech})(?:\s+(?!(?:що|що-|что|про|о|об|як|как|уночі|вночі|ночью)(?![\w'’-]))"
                          r"(?-i:[А-ЯЁІЇЄҐа-яёіїєґ])[\w'’-]*){0,4}?\s+(?:у|в|во)\s+$", re.IGNORECASE),
        "be_before": (r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+|also\s+)?$", 0),
        "event_subject": (rf"(?:{cues.pattern('explosion').pattern}|\b(?:strikes?|attacks?|hits?|impacts?|fires?|blazes?|damage|casualties|shelling|gunfire))"
                          r"\s+(?:also\s+)?$", re.IGNORECASE),
    }
    pattern, flags = table[name]
    return cues.led(re.compile(pattern, flags))


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
    return cues.has("denied_report", sentence.text) if _has_any(sentence.text, _DENIAL_WORDS) else None


_DENIAL_WORDS = ("фейк", "вброс", "дезинформ", "ложь", "не подтверд", "не так", "неправда", "недостовер", "не соответству", "нібито", "неправд", "брехн", "вигадк")


# "…a strike on Mykolaiv, which did not take place", "claimed a strike on Kramatorsk, but local officials reported no hits":
# the clause right after the place's says the strike it told did not happen.
_DENIED_AFTER = re.compile(r"\s*,?\s*(?:(?:which|that)\s+(?:did\s+not|didn't|never)\s+(?:happen|take\s+place|occur)"
                           r"|but\s+(?:[\w'’-]+\s+){0,3}?(?:officials|authorities|governor|mayor|administration|military)\s+"
                           r"(?:reported|said\s+there\s+were)\s+no\s+(?:hits|strikes|damage|explosions))(?![\w-])", re.IGNORECASE)


def _denied_after(sentence: Sentence, clause: Clause) -> re.Match[str] | None:
    return _DENIED_AFTER.match(sentence.text, clause.end - sentence.start)


def _report_denied_before(clause: Clause, mention: Mention) -> re.Match[str] | None:
    """'Губернатор опроверг информацию о взрывах в Россоши', 'В Минобороны опровергли сообщения об ударе по аэродрому
    Миллерово': a place told inside the report its clause denies (not the account after a colon or 'однако')."""
    denial = cues.has("report_denial", clause.text)
    at = mention.start - clause.start
    if denial is None or denial.end() > at or re.search(r"[:;]|(?<![\w-])(?:но|однако|але|проте)(?![\w-])", clause.text[denial.end():at]):
        return None
    return denial


def _corrected_account(clause: Clause, retraction: re.Match[str], mention: Mention) -> bool:
    """'Информация не подтвердилась: беспилотник был сбит над Алексинским районом', 'ранее сообщалось о взрыве, однако
    дрон сбит над Алексином': a place told after the retraction and its colon (or its 'однако') is the corrected account;
    so is one after ', saying' when what was said is a downing ("denied the hit, saying drones were downed over X")."""
    at = mention.start - clause.start
    if retraction.end() > at:
        return False
    saying = _SAYING.search(clause.text, retraction.end(), at)  # "denied that X was hit, saying drones were downed over Y"
    if saying and any(c.kind == "interception" for c in cues.find_cues(clause.text[saying.end():at])):
        return True
    return bool(_CORRECTION_OPENS.match(clause.text, retraction.end(), at) or _BUT_END.search(retraction.group(0)))


_CORRECTION_OPENS = re.compile(r"\s*[:;]")
_SAYING = re.compile(r",\s+(?:saying|adding|insisting|and said)\s+(?:that\s+)?")
_BUT_END = re.compile(r"(?<![\w-])(?:но|однако|але|проте|but|however)$", re.IGNORECASE)


# "Russia's defence ministry, in Moscow, said ...": a seat set between commas after the speaker, before its speech verb.
_SEAT_BEFORE = re.compile(r",\s*(?:based\s+)?in\s+$")
_SPEECH_AFTER_COMMA = re.compile(r"^\s*,\s*(?:\w+ly\s+)?(?:said|says|told|announced|added|claimed|stated|reported|wrote)\b")
# "the Bryansk chemical plant in the town of Seltso": a facility named after a city, then the town it lies in.
_NAMED_FACILITY_IN_TOWN = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:plant|factory|works|refinery|depot|terminal|complex|enterprise|arsenal)\s+"
    r"(?:in|near|at|outside)\s+(?:the\s+)?(?:town|city|village|settlement)\s+of\b", re.IGNORECASE)


# "the Sverdlov plant in Dzerzhinsk", "the Atlas oil depot in Rossosh": a plant or depot named after a person, a firm (or a town), then
# the town it lies in (not a region: "the Bryansk plant in the Bryansk region" lies in Bryansk).
_EPONYM_PLANT_IN_TOWN = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:plant|factory|works|depot|refinery|terminal|arsenal)\s+in\s+"
                                   r"(?!(?:Russia|Ukraine|Belarus)\b)(?-i:[A-Z])[\w'’-]+\b"  # a town, not "in Russia's Samara region"
                                   r"(?!['’]s|\s+(?:region|oblast|krai|kray|province|territory|republic|district)\b)", re.IGNORECASE)


def official_after(after: str) -> str | None:
    """The official a place's name is the title of ("Kharkiv Mayor", "Rostov's governor"): 'mayor', 'governor',
    'administration' or None."""
    official = OFFICIAL_AFTER.match(after)
    return official.group(1) if official else None


def _apposed_seat(before: str, after: str) -> bool:
    return bool(_SEAT_BEFORE.search(before[-20:]) and _SPEECH_AFTER_COMMA.match(after))


# "Russian-installed officials in occupied Luhansk said", "local authorities in Kupiansk reported": the town's own officials.
_LOCAL_OFFICIALS_IN = re.compile(r"\b(?:local|regional|city|municipal|(?:Russian|Russia|Moscow|Kremlin)-(?:installed|appointed)|"
                                 r"occupation|emergency)\s+(?:officials|authorities|services)\s+in\s+(?:the\s+)?(?:occupied\s+)?$",
                                 re.IGNORECASE)
_SAID_AFTER = re.compile(r"^\s*(?:said|says|reported|report|wrote)\b", re.IGNORECASE)
# "Officials in Chernihiv said a drone hit a house": officials with no word of whose, in a town that is no seat of a
# national government (those in Kyiv or Moscow speak of places elsewhere).
_OFFICIALS_IN = re.compile(r"(?:^|[.,;:]\s*|\b(?:and|but)\s+)(?:the\s+)?(?:officials|authorities)\s+in\s+$", re.IGNORECASE)


def _local_officials_tell(before: str, after: str, others: bool, place: str) -> bool:
    """'Russian-installed officials in occupied Luhansk said missiles hit a building, killing two', 'Officials in Chernihiv
    said a drone hit a house': a town's own officials telling an event the sentence places nowhere else; the town is its site."""
    said = _SAID_AFTER.match(after)
    own = _LOCAL_OFFICIALS_IN.search(before) is not None or (
        _OFFICIALS_IN.search(before) is not None and place.strip().lower() not in cues.seats_of_government())
    return not others and said is not None and own and cues.tells_event(after[said.end():])


# "Kharkiv authorities said …", "Kherson city officials reported …"; "Власти Харькова сообщили …", "Влада Херсона
# повідомила …", "… власти Харькова, где сбили пять дронов": a town's own authorities, and what they tell.
_AUTHORITIES_AFTER = re.compile(r"^\s+(?:city\s+|regional\s+|local\s+|military\s+)?(?:authorities|officials)\b", re.IGNORECASE)
_SLAVIC_AUTHORITIES_BEFORE = re.compile(r"(?<![\w-])(?:власти|влада|мэрия|мерія|администрация|адміністрація)\s+"
                                        r"(?:города\s+|міста\s+)?$", re.IGNORECASE)
_SLAVIC_SAID_AFTER = re.compile(r"^\s*(?:сообщил\w*|повідомил\w*|заявил\w*|заявив\w*|заяви\w*|рассказал\w*|розповіл\w*)"
                                r"(?![\w-])", re.IGNORECASE)


_TOLD_KINDS = ("strike", "passive", "interception", "explosion", "damage", "casualty", "debris")


def own_authorities_tell(before: str, after: str) -> bool:
    """'Kharkiv authorities said seven were hurt in a drone attack', 'Власти Харькова сообщили о семи пострадавших в
    результате атаки дронов', '… власти Херсона, где сбили пять дронов': the town's own authorities telling an event
    (the caller checks that the sentence places it nowhere else)."""
    authorities = _AUTHORITIES_AFTER.match(after) if not before.strip(" \"'«“(") else None
    if authorities is not None:
        said = _SAID_AFTER.match(after[authorities.end():])
        return said is not None and cues.tells_event(after[authorities.end() + said.end():])
    if not _SLAVIC_AUTHORITIES_BEFORE.search(before):
        return False
    told = _SLAVIC_SAID_AFTER.match(after) or _WHERE_AFTER.match(after)
    return told is not None and any(c.kind in _TOLD_KINDS for c in cues.find_cues(after[told.end():]))  # "о семи пострадавших в результате атаки"


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


# "об атаке беспилотников на одно из предприятий в Новокуйбышевске", "удар по заводу в …": the firm as the attack's target.
_ON_MAKER = re.compile(r"(?<![\w-])(?:на|по)\s+(?:[\w-]+\s+){0,3}?(?:предприяти|завод|підприєм)\w*\s+(?:в|во|у)\s+$", re.IGNORECASE)


def _attack_on_maker(before: str) -> bool:
    """True when the firm before the town is the target of an attack told by its noun ('атака на предприятие в')."""
    target = _ON_MAKER.search(before)
    return target is not None and any(c.kind == "strike" for c in cues.find_cues(before[:target.start()]))


# "drones heading for Moscow", "bound for Kyiv", "on their way to Tula": the destination named right before the mention.
_HEADING_FOR = re.compile(r"\b(?:heading|headed|flying|bound|en route|on (?:its|their) way)\s+(?:for|to|towards?)\s+(?:the\s+)?"
                          r"(?:(?:city|town|capital) of\s+)?$", re.IGNORECASE)
# "flew over the Narowlya district and was shot down near Mazyr": the route, not where the drone came down.
_FLEW_OVER = re.compile(r"\b(?:flew|flown|passed|crossed)\s+(?:over|across|through)\s+(?:the\s+)?$", re.IGNORECASE)
# "…, летевших на Москву, сбиты над городом", "heading for Kyiv, downed over the city": told downed at the destination.
_DOWNED_AT_DESTINATION = re.compile(r"^[^.;]{0,60}?(?:(?:сбит|збит|уничтож|знищ|перехвач|перехоп)\w*\s+(?:[\w'’-]+\s+){0,3}?"
                                    r"(?:над|в|у|на подл[её]те к|на підльоті до)\s+(?:город|горо|міст|столиц)\w*|"
                                    r"(?:downed|shot down|intercepted|destroyed)\s+(?:[\w-]+\s+){0,3}?(?:over|above|near)\s+"
                                    r"(?:the\s+)?(?:city|town|capital)\b)", re.IGNORECASE)


# "над Калужской областью", "over the territory of the Kaluga region", "near Tula": a place phrase (a capital letter
# after the preposition).
_PLACE_PHRASE = re.compile(r"(?<![\w-])(?:в|во|у|над|под|возле|около|біля|поблизу|over|above|near|in)\s+(?:the\s+)?"
                           r"(?:(?:территори\w*|територі\w*|territory\s+of)\s+(?:the\s+)?)?(?-i:[A-ZА-ЯЁІЇЄҐ])", re.IGNORECASE)


def _place_phrase_besides(sentence: Sentence, mention: Mention, heading_length: int) -> bool:
    """True when the sentence names a place by a place phrase before the words telling the destination (`heading_length`
    characters before the mention) or after the mention."""
    start, end = mention.start - sentence.start - heading_length, mention.end - sentence.start
    return bool(_PLACE_PHRASE.search(sentence.text, 0, max(0, start)) or _PLACE_PHRASE.search(sentence.text, end))


def _downed_at_destination(after: str) -> bool:
    """True when the words after a destination say the drones were downed over or near it ("over the city")."""
    return _DOWNED_AT_DESTINATION.search(after) is not None


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
    said = _rx("spoken").search(before) or _rx("spoken_slavic").search(before)
    return (bool(said) and not _rx("be_before").search(before[:said.start()])  # not "explosions were reported in X"
            and not _rx("event_subject").search(before[max(0, said.start() - 40):said.start()]))  # "Blasts reported in X"


# "Жители Новошахтинска сообщили о взрывах": the people of a place tell what happened there, not its government.
_RESIDENTS_BEFORE = re.compile(r"(?<![\w-])(?:жител|мешкан|residents?\s+of)\w*\s+$", re.IGNORECASE)
# "Residents of Oktyabrsky district in Belgorod reported explosions": residents of a part of the city speak, not its government.
_RESIDENTS_OF_PART_IN = re.compile(r"(?<![\w-])residents?\s+of\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]+\s+){1,2}"
                                   r"(?:district|neighbou?rhood|quarter|microdistrict)\s+(?:in|of)\s+$", re.IGNORECASE)
# "Жительница Белгорода пострадала при атаке на Шебекино", "уроженец Орла погиб под Рыльском": the home of a person
# hurt elsewhere, when a place phrase later in the sentence says where.
_HOME_BEFORE = re.compile(r"(?<![\w-])(?:житель|жительниц|жителя|жителю|жителем|уроженц|уроженец|уроженк|мешканець|мешканц|"
                          r"мешканк)\w*\s+$", re.IGNORECASE)
_SITE_LATER = re.compile(r"(?<![\w-])(?:в|во|у|над|под|возле|около|біля|поблизу|на|по)\s+(?-i:[А-ЯЁІЇЄҐ])", re.IGNORECASE)
# "Жители Нижнего Новгорода, расположенного в 30 км, тоже слышали хлопки", "residents of Kstovo also heard blasts":
# people elsewhere hearing the event told before, not a site of their own.
_HEARD_TOO_AFTER = re.compile(r"(?:\s*,[^.;]{0,60},)?\s+(?:тоже|также|теж|також|also)\s+(?:[\w-]+\s+)?(?:слыша|слышн|чул|чув|почул|heard)",
                              re.IGNORECASE)


# Every rule reads a few words either side of a mention: a bounded window keeps the reading linear in the text's length.
WINDOW = 120


def around(clause: Clause, mention: Mention) -> tuple[str, str]:
    """The clause text just before and just after a mention (at most WINDOW characters each)."""
    at, end = mention.start - clause.start, mention.end - clause.start
    before = clause.text[max(0, at - WINDOW):at]
    return before.removesuffix("#"), clause.text[end:end + WINDOW]  # "in #Volgograd": a post's hashtag is the name


# "the Ochakiv community", "the Marhanets hromada": a Ukrainian municipality named after its town (the town is the site).
COMMUNITY_AFTER = re.compile(r"\s+(?:(?:urban|rural|settlement|territorial|city)\s+)*(?:community|hromada|municipality)\b", re.IGNORECASE)
