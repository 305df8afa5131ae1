"""Whether each place mention is an incident site, and why: its position in a clause with an event cue."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable

from incidents.extraction import airports, cues
from incidents.extraction.district_towns import DISTRICT_ADJECTIVE, past_plant
from incidents.extraction.places import LIST_GAP, REPUBLIC, ClauseInfo, Mention
from incidents.extraction.sentences import HEAD_END, POST_MARK, Sentence
from incidents.extraction.site_rejections import (COMMUNITY_AFTER, EVENT_NOUN_AFTER, FACILITY_AFTER, OFFICIAL_AFTER, own_authorities_tell,
                                                  WINDOW, around, rejection)

JURISDICTION = "site: the place whose governor or mayor reports the event (the sentence names no other site)"
_OF_NOUN = r"(?:city|town|village|settlement|republic|region|oblast|province|territory|territories|airspace|outskirts|edges?|fringes|periphery|suburbs?|zones?|centre|center|port|skies|district|areas?|parts?|neighbou?rhoods?|quarter|streets?|north|south|east|west|north-east|north-west|south-east|south-west)"
# "in Ukraine's Lviv region", "in Sochi's Adler district", "in the eastern Donetsk region", "over Russia's southern Belgorod
# region", "over the country's southeastern Gomel region": the country or city owning the place, and the side of it,
# between the preposition and the place.
OWNER_AND_SIDE = (r"(?:(?:(?-i:[A-Z][\w'’-]+)|country|nation|city|region|republic|peninsula|oblast|province)['’]s\s+)?"
                  r"(?:(?:(?:north|south)-?(?:east|west)ern|northern|southern|eastern|western|"
                   r"central|(?:Russian|Ukrainian|Russia|Ukraine|Kremlin|Moscow|Kyiv)-(?:held|occupied|controlled|annexed)|occupied|frontline|front-line|border|"
                   r"neighbou?ring|nearby)\s+)?")  # "in neighbouring Engels": the town next to the one just named
# "in Ukraine's second-largest city, Kharkiv", "in the Black Sea port, Odesa": the town named after its description.
_TOWN_APPOSED = r"(?:[\w-]+\s+){0,3}?(?:(?:city|town|port|capital),\s+|capital\s+)"  # "in the regional capital Dnipro" too
SITE_PREP = re.compile(
    rf"\b(?:{cues.grouped(cues.lexicon()['site_prepositions'])}):?\s+"  # "destroyed 31 UAVs over: Bryansk, Kursk ..."
    rf"(?:the\s+)?{OWNER_AND_SIDE}(?:(?:\w+\s+){{0,2}}?{_OF_NOUN}\s+of\s+(?:the\s+)?|{_TOWN_APPOSED})?"
    r"(?:(?-i:[а-яёіїєґ'’]{4,}(?:ому|ім|ій|ом|ем|ой|ей))\s+)?$",  # "в окупованому Маріуполі", "у прифронтовому Херсоні"
    re.IGNORECASE,
)
# "у Приморському районі Одеси", "в селе Головчино Грайворонского округа", "в городе Шебекино", "Жители Курчатова": a place named after a
# district or settlement noun (the genitive of the city, or the settlement's own or its district's name).
_SLAVIC_PLACE_PHRASE = re.compile(
    r"(?<![\w-])(?:(?:район|округ|мікрорайон|микрорайон|околиц|окраин|передмісті|пригород|центр|жител|мешкан|акваторі|підприємств|інфраструктур|инфраструктур|енергетик|промзон)\w*|порт(?:у|і|ах)|об['’]єкт\w*|сторон(?:е|ы|у|ой)|част(?:и|ь|ью|ях)"
    r"|(?:(?:в|у|на|во)\s+)?(?:сел[еіоа]|посёлке|поселке|посёлок|поселок|селищі|селище|деревне|деревню|хуторе|місті|місто|"
    r"городе|город|пгт|смт|селі|селища|посёлка|поселка|деревни|хутора|станиц\w*|міста|города|посёлку|поселку|селу|селищу|"
    r"городу|місту|хутору|остр[оі]в\w*)(?:\s+[\w'’-]+){0,2}"
    r"|(?:в|у|на|во|по|над|біля|поблизу|возле)\s+(?:м|г|с|смт|пгт|пос|сел)\."  # "по с. Липці"
    r"|(?:над|в|во|на|у|по|под)\s+(?:територі\w*\s+|территори\w*\s+)?(?:республик|республік|республіц)\w*)\s+$",
    re.IGNORECASE)  # "над Республикой Крым", "над территорией Республики Крым"
_OF_PLACE = re.compile(rf"\b{_OF_NOUN}\s+of\s+(?:the\s+)?$",
                       re.IGNORECASE)
# "the strike showed that Moscow did not want ...": the words between a strike verb and its object never open a new clause.
_NOT_A_CLAUSE_OPENER = r"(?!(?:that|which|who|whom|whose|whether|because|while|when|if|than|як|что|що|чтобы|щоб)\s)"
# (an instrument between: "атаковали FPV-дроном Шебекино")
_STRIKE_VERB = re.compile(
    rf"\b(?:{cues.grouped(cues.lexicon()['object_verbs'])})\s+(?:the\s+)?(?:{_NOT_A_CLAUSE_OPENER}(?:(?-i:[a-zа-яёіїєґ'’-]+(?:['’]s)?)|(?-i:[A-Z]\w+['’]s)|(?-i:[A-Z]{{2,5}}-[a-zа-яёіїєґ'’-]+)|(?-i:[A-Z][a-z]+-(?:held|occupied|controlled|annexed)))\s+){{0,3}}?"
    rf"(?:{_OF_NOUN}\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


# "Будённовский округ подвергся атаке", "Шосткинська громада знову під обстрілом": a district's noun after its adjective.
_AREA_NOUN_AFTER = re.compile(r"\s+(?:(?:городск|муниципальн|міськ|муніципальн|сільськ|селищн)\w*\s+)?(?:район|округ|громад)\w*(?![\w-])",
                              re.IGNORECASE)
# "Череповец утром подвергся атаке", "Суми вночі знову опинились під ударом": the time of day between a subject and its verb.
_TIME_OF_DAY = (r"(?:(?:сегодня|сьогодні)\s+)?(?:ночью|утром|дн[её]м|вечером|сегодня|вчера|накануне|этой\s+ночью|вночі|уночі|зранку|"
                r"вранці|вдень|ввечері|сьогодні|учора|вчора|напередодні|цієї\s+ночі|overnight|"
                r"(?:в|во|у)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|понеділок|вівторок|середу|"
                r"четвер|п'ятницю|п’ятницю|суботу|неділю))")
_SUBJECT_GAP = re.compile(r"^(?:\s*,[^.;]*?,)?\s*(?:itself\s+)?(?:(?:also|again|снова|вновь|опять|знову|знов|вкотре|также|також|"
                          + _TIME_OF_DAY + r")\s+){0,2}"
                          r"(?:(?:був|була|було|були|был|была|было|были)\s+)?$")  # "Саратов також був під атакою"


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
# "Тамбов атакуют уже в пятый раз", "Белгород снова обстреляли.": a town opening its clause, then a plural strike verb
# that cannot agree with it (nobody named after it): the town is the object of an attack by unnamed attackers.
_NAME_BEFORE = re.compile(r"\s[A-ZА-ЯЁІЇЄҐ]")  # a capitalised word inside the words before: a subject may be named there
_FRONTED_OBJECT_UNNAMED = re.compile(
    r"\s+(?:(?:снова|вновь|опять|знову|знов|вкотре)\s+)?(?:атаковали|атакуют|обстреляли|обстреливают|атакували|атакують|обстріляли|"
    r"обстрілюють)(?:\s+(?:уже|снова|вновь|опять|вже|знову|повторно|в\s+очередной\s+раз|уже\s+в\s+\w+\s+раз|вже\s+\w+\s+раз))?"
    r"\s*(?:[.:;!]|$)", re.IGNORECASE)
# "…знешкодили 19 дронів: Одещина — 9, Миколаївщина — 6": a place, a dash and its count, as an item of a list.
_COUNT_AFTER = re.compile(r"(?:\s+(?:област\w*|oblast|region|кра[йю]))?\s*[—–:-]\s*\d[\d,]*(?!\d|[.:]\d)")
_ITEM_BEFORE = re.compile(rf"(?:^|[:;,]|(?<![\w-])(?:та|і|и|and))\s*(?:{REPUBLIC})?$",
                          re.IGNORECASE)  # "…, Республики Крым – 7", "Республики Татарстан — 3"


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
SITE_PREP, _SLAVIC_PLACE_PHRASE, _OF_PLACE, _STRIKE_VERB = (
    cues.led(p) for p in (SITE_PREP, _SLAVIC_PLACE_PHRASE, _OF_PLACE, _STRIKE_VERB))


def classify(sentence: Sentence, clauses: list[ClauseInfo], mentions: list[Mention],
             claim_refs: Iterable[int]) -> None:
    """Sets each mention's role to 'site' or leaves a reason why it is not an incident site."""
    claim_refs = set(claim_refs)
    starts = [info.clause.start for info in clauses]
    for position, mention in enumerate(mentions):
        info = _clause_of(clauses, starts, mention)
        mention.clause = info.clause if info else None
        if mention.reason:
            continue
        mention.reason = rejection(sentence, info, mention, claim_refs, len(mentions) > 1) or ""
        if not mention.reason:
            mention.reason = _site_reason(sentence, info, mentions, position)
            mention.role = "site" if mention.reason.startswith("site:") else None
            if mention.role == "site" and _area_of_the_town_before(sentence, mentions, position):
                mention.role, mention.reason = None, "names the area around the town before it (Марганець на Нікопольщині), not another site"


_AREA_NICKNAME_WORD = re.compile(r"(?:щин|чин)(?:а|и|і|у|ою)$", re.IGNORECASE)  # "Нікопольщині", "Охтирщина"


def _area_of_the_town_before(sentence: Sentence, mentions: list[Mention], position: int) -> bool:
    """'атакували Марганець на Нікопольщині', 'у Лебедині на Сумщині': an area's popular name right after a site, joined
    by 'на', tells where that site lies (the town the area is named after is no second site)."""
    mention = mentions[position]
    if position == 0 or not mention.district_town or mentions[position - 1].role != "site":
        return False
    written = sentence.text[mention.start - sentence.start:mention.end - sentence.start]
    gap = sentence.text[mentions[position - 1].end - sentence.start:mention.start - sentence.start]
    return bool(_AREA_NICKNAME_WORD.search(written)) and re.fullmatch(r"\s+на\s+", gap, re.IGNORECASE) is not None


def _clause_of(clauses: list[ClauseInfo], starts: list[int], mention: Mention) -> ClauseInfo | None:
    """The clause the mention starts in (clauses in text order, `starts` their starts: a binary search)."""
    at = bisect_right(starts, mention.start) - 1
    return clauses[at] if at >= 0 and mention.start < clauses[at].clause.end else None


# "Над Чорним морем та Кримом", "над акваторией Азовского моря и Крымом": a place after a sea, under one preposition.
_AFTER_A_SEA = re.compile(r"(?<![\w-])(?:над|в|у|на|over)\s+(?:акватор\w+\s+)?(?:the\s+)?[\w'’-]+\s+"
                          r"(?:мор(?:е|я|ю|ем|і)|Sea)\s+(?:и|та|і|й|and)\s+(?:над\s+|over\s+)?$", re.IGNORECASE)


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


_BORDER_NOUN_AFTER = re.compile(r"\s+(?:border|frontline|front-line)\s+(?:villages?|towns?|settlements?|hamlets?|areas?|districts?|"
                                r"communities|community)\b", re.IGNORECASE)


# "▪️ Ізюмський район — м. Балаклія, удар дрона …", "Куп'янський район: м. Куп'янськ та с. Ківшарівка — …": a line a
# district heads, its settlements given after a dash by their abbreviations (м., с., смт): they are the sites.
_DISTRICT_LINE_HEAD = re.compile(r"^\W*(?-i:[А-ЯЁІЇЄҐ])[\w'’-]+(?:ськ|цьк|зьк|ск|цк)\w*\s+(?:район\w*|р-н|округ\w*|громад\w*)\s*[—–:-]\s+",
                                 re.IGNORECASE)
_ABBREVIATED_SETTLEMENT = r"(?<![\w-])(?:(?:м|с|смт|с-ще|сел|пос|пгт)\.|смт|пгт)\s*"
_SETTLEMENT_ITEM_BEFORE = re.compile(rf"{_ABBREVIATED_SETTLEMENT}$", re.IGNORECASE)
_SETTLEMENTS_AFTER_DISTRICT = re.compile(rf"(?:\s+(?:район\w*|р-н|округ\w*|громад\w*))?\s*[—–:-]\s+{_ABBREVIATED_SETTLEMENT}(?-i:[А-ЯЁІЇЄҐ])",
                                         re.IGNORECASE)


def _district_line(sentence: Sentence, mention: Mention) -> str | None:
    """The role of a name in a line a district heads: the settlements after its dash are sites, the district a qualifier."""
    line_before, line_after = sentence.text[:mention.start - sentence.start], sentence.text[mention.end - sentence.start:]
    if (not line_before.strip(" \t▪▫◾◽■□•●◦‣⁃🔸🔹🔶🔷🔺🔻➖✅📍\ufe0f-") and _SETTLEMENTS_AFTER_DISTRICT.match(line_after)
            and _DISTRICT_LINE_HEAD.match(sentence.text)):
        return LINE_DISTRICT
    if (_DISTRICT_LINE_HEAD.match(line_before) and _SETTLEMENT_ITEM_BEFORE.search(line_before)
            and any(c.kind in (*_STRUCK, "casualty") for c in cues.find_cues(sentence.text))):
        return LINE_SETTLEMENT
    return None


LINE_DISTRICT = "names the district whose settlements its line lists: a qualifier"
LINE_SETTLEMENT = "site: a settlement a district's line names (Ізюмський район — м. Балаклія, удар дрона)"


def _site_reason(sentence: Sentence, info: ClauseInfo | None, mentions: list[Mention], position: int) -> str:
    mention = mentions[position]
    line = _district_line(sentence, mention)
    if line:
        return line
    if info is None or not info.event_cues:
        return "no event cue in its clause"
    before, after = around(info.clause, mention)
    if mention.hint is None and _BORDER_NOUN_AFTER.match(after):
        mention.hint = "region"  # "near Belgorod border village", "in Kursk border areas": the region's border, not the city
    if airports.listed_after_airports(before):
        mention.hint = mention.hint or "airport"
        return "site: named in a list of airports"
    if _STRIKE_VERB.search(before):
        return "site: object of a strike verb"
    end = mention.end - info.clause.start
    if any(c.kind == "restriction" and c.start < end == c.end for c in info.event_cues):  # the cue's last word
        mention.hint = mention.hint or "airport"
        return "site: the airport a closing verb names (Росавиация закрыла Шереметьево, closed Vnukovo)"
    if not before.strip() and _TOWN_THEN_BLAST.match(after):
        return "site: the town a short post opens with, then its blasts (Харків, вибух. Белгород, взрывы!)"
    if _FRONTED_OBJECT.match(past_plant(after)) and not _PREPOSITION_BEFORE.search(before):
        return "site: the object put first (Липецк атаковали беспилотники, Харків атакували шахеди)"
    if _FRONTED_OBJECT_UNNAMED.match(after) and not _PREPOSITION_BEFORE.search(before) and not _NAME_BEFORE.search(before):
        return "site: the object put first, the attackers left unnamed (Тамбов атакуют уже в пятый раз)"
    if _COUNT_AFTER.match(sentence.text, mention.end - sentence.start) and _ITEM_BEFORE.search(before):
        return "site: an item of a list of counts (Одещина — 9, Миколаївщина — 6)"
    listed = _PLACES_COLON.search(before)
    if listed and re.search(r"\b(?:regions|oblasts)\b", listed.group(0), re.IGNORECASE):
        mention.hint = mention.hint or "region"  # "in the following oblasts: Zhytomyr, Rivne": the regions
    if mention.hint is None and _tallied_over(info, before):
        mention.hint = "region"  # "downed 132 drones in total over Bryansk, Kursk and Belgorod": a ministry's tally by region
    if _headed_by_a_cue(info, mention, before):
        return "site: the first item of a list after an event cue and a colon (Прилёты этой ночью: Курчатов, Льгов)"
    if not before.strip() and _capital_dateline(sentence, mention, after):
        return "the town the story was filed from (a dateline in capitals: MOSCOW: …), not a site"
    if _LINE_HEAD_BEFORE.match(before) and _LINE_HEAD_AFTER.match(after) and mention.start - sentence.start == len(before):
        return "site: the place heading a line of a list or a live blog (Kyiv – a missile struck ...)"
    if _LINE_HEAD_BEFORE.match(before) and _DISTRICT_HEAD_AFTER.match(after) and mention.start - sentence.start == len(before):
        return "site: the district heading a line that tells its event (📍Фастівський район: поранено чоловіка)"
    if (SITE_PREP.search(before) or _OF_PLACE.search(before) or _SLAVIC_PLACE_PHRASE.search(before)
            or _AFTER_A_SEA.search(before)):
        return "site: place phrase (in/over/near/at ...) in a clause with an event cue"
    if EVENT_NOUN_AFTER.match(after):
        return "site: names the attack (the <place> strikes)"
    if _AIR_DEFENCE_AFTER.match(after) and any(c.kind == "interception" for c in info.event_cues):
        return "site: its own air defences downed the weapons (Kyiv's air defences shot down 20 drones)"
    if before.strip() and _plant_of_town(sentence, mention, after) and any(c.kind in _STRUCK for c in info.event_cues):
        return "site: the plant its town's adjective names, in a clause telling a strike or damage (Бурштинської ТЕС)"
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
    earlier = None if earlier is None else _item_before(sentence, mentions, _before_aside(sentence, mentions, earlier))
    if earlier is not None and mentions[earlier].role == "site":
        previous = mentions[earlier]
        gap = sentence.text[mentions[position - 1].end - sentence.start:mention.start - sentence.start]
        if re.fullmatch(r"\s*\(\s*", gap):
            mention.hint = mention.hint or previous.hint
            return f"site: another spelling of {previous.text}"
        if LIST_GAP.match(gap) and not OFFICIAL_AFTER.match(after):  # not "..., Kharkiv regional governor X said"
            mention.hint = mention.hint or previous.hint
            return f"site: listed with {previous.text}"
    if _is_subject(info, mentions, position, before, after) or (not before.strip() and _passive_before(
            sentence.text[max(0, mention.start - sentence.start - WINDOW):mention.start - sentence.start], None, mention.start)):
        return "site: subject of a passive strike (was struck, came under attack)"  # "Під обстрілом з артилерії — Очаків"
    if sentence.index > 0 and _facility_subject(before, after):
        return "site: its town's facility is what the clause tells of (Novoshakhtinsk refinery on fire after drone attack)"
    if not before.strip() and any(c.kind == "restriction" for c in info.event_cues) and not _DATELINE_AFTER.match(after):
        return "site: subject of a restriction clause (Sheremetyevo was closed to flights)"
    if _BULLET_ITEM.match(sentence.text[:mention.start - sentence.start]) and any(c.kind in _STRUCK for c in info.event_cues):
        return "site: the place of a bulleted item under a line telling the strike (Уражено: 🔹 Афіпський НПЗ — …)"
    if own_authorities_tell(before, after):
        return JURISDICTION  # "Kharkiv authorities said …", "Власти Харькова сообщили о семи пострадавших …"
    official = OFFICIAL_AFTER.match(after)
    if official and not before.strip() and cues.tells_event(after):  # not "... said schools would close after the attacks"
        # "Zaporizhzhia's regional governor says ... on the outskirts of the city": the title names the region, the city is
        # told apart (not "Sevastopol governor ... parts of the city": a city's own governor stands for all its land)
        city_told = (re.match(r"\S*\s+(?:regional|region|oblast)\b", official.group(0), re.IGNORECASE)
                     and _THE_CITY_LATER.search(sentence.text, mention.end - sentence.start))
        mention.hint = mention.hint or ("region" if official.group(1).lower() == "governor" and not city_told else None)
        return JURISDICTION
    if not before.strip() and _AREA_ALONE_AFTER.fullmatch(after):  # "Також атакували Синельниківський район — Межівську громаду."
        return "site: a community or district named alone in apposition to the area the clause before struck"
    if _FRONTED_PASSIVE.search(before) or _SHELLING_OF.search(before):
        return "site: what came under fire, after the fronted strike words (Під обстрілом були X; Обстрілів зазнали X; обстріли X)"
    return "not in a site position (no in/over/at, not struck, not the subject of an attack)"


# "Харків, вибух.", "Запоріжжя, знову вибухи!", "Белгород, взрывы": a mayor's short post, the town then its blasts alone.
_TOWN_THEN_BLAST = re.compile(r",\s*(?:(?:знову|ще|снова|опять|гучні|громкие|сильні|сильные)\s+)?(?:вибух|взрыв|приліт|прил[её]т)\w*"
                              r"\s*[.!…]*\s*$", re.IGNORECASE)
# "... when a missile struck a plant on the outskirts of the city", "the city's mayor": the governor's place is told a city.
_THE_CITY_LATER = re.compile(r"\bthe\s+city\b(?!\s+of\b)(?!\s+(?:and|or)\s+(?:the\s+)?(?:region|oblast|province)\b)", re.IGNORECASE)
_AREA_ALONE_AFTER = re.compile(r"\s+(?:громад|район|округ)\w*[.!;]?\s*", re.IGNORECASE)
# "Під обстрілом Липці та Вовчанськ", "Під прицілом були Марганецька громада", "Обстрілів зазнали Хотінська … громади", "Под обстрелом оказались …": the strike
# words put first, the places that suffered it right after them.
_FRONTED_PASSIVE = re.compile(
    r"(?<![\w'’-])(?:(?:під|под)\s+(?:[\w'’-]+\s+)?(?:обстріл\w*|обстрел\w*|удар\w*|атак\w*|вогн\w*|огн\w*|прицілом)"
    r"(?:\s+(?:були|був|була|було|перебували|перебувала|перебував|опинилися|опинились|опинилось|были|был|была|оказались|оказался|оказалась|"
    r"находились|находился|находилась|находилось|оказывались))?"
    r"|(?:авіа|авиа)?(?:обстріл\w*|обстрел\w*|удар\w*|атак\w*)\s+(?:зазна\w*|подверг\w*))\s+[«\"“]?$", re.IGNORECASE)
# "повідомив про обстріли Шебекіного", "после обстрела Белгорода": the shelling noun, then the place in the genitive.
_SHELLING_OF = re.compile(r"(?<![\w'’-])(?:обстріл(?:и|у|ів)?|обстрел(?:ы|а|ов)?)\s+$", re.IGNORECASE)


# "🔹 Ільський нафтопереробний завод …", "• Афіпський НПЗ — …": a bullet, then the place first (no word or a capital's
# abbreviation before it), as the items of a list under "уразили низку об'єктів:" are written.
_BULLET_ITEM = re.compile(r"^\s*(?:[▪▫◾◽■□•●◦‣⁃🔸🔹🔶🔷🔺🔻➖✅-]\ufe0f?|\d{1,2}[.)])\s*$")
_STRUCK = ("strike", "damage", "explosion")


# "MOSCOW, March 11 (Reuters) -", "KHARKIV, Ukraine (AP) —", "Zaporizhzhia (Ukraine) (AFP) -": the town a wire story was
# filed from, heading its first sentence; "MOSCOW, March 17 -": the agency left off a pasted wire story, its day and dash
# still there.
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?(?:\s*\([^()]{1,30}\))?,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?"
                            r"\((?:Reuters|AP|AFP|Bloomberg|dpa|UPI|Interfax|TASS)\)\s*[-—–]"
                            r"|,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}\s*[-—–]")


# "MOSCOW: Russia said it had destroyed …": a town in capitals opening one of the article's first sentences, then a colon
# or a comma, is the dateline.
_CAPITAL_DATELINE_AFTER = re.compile(r"\s*[:,]")
DATELINE_SENTENCES = 3


def _capital_dateline(sentence: Sentence, mention: Mention, after: str) -> bool:
    """A wire story's dateline: Latin capitals, then a sentence of what someone said ("MOSCOW: Russia said …"); not a
    post's heading place ("ОДЕСА: вибухи в районі порту")."""
    written = sentence.text[mention.start - sentence.start:mention.end - sentence.start]
    return (sentence.index < DATELINE_SENTENCES and len(written) >= 4 and written.isupper() and written.isascii()
            and bool(_CAPITAL_DATELINE_AFTER.match(after)) and cues.has("speech", after) is not None)


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
# settlements named right after their common noun (the clause has the event cue); "перебували населені пункти
# Куп'янського та Ізюмського районів: Борова, Козача Лопань": after the districts they lie in and a colon.
_SETTLEMENTS_BEFORE = re.compile(r"(?<![\w-])(?:населен\w*|населён\w*)\s+пункт\w*(?:\s+[^:.;]{0,160}?\s+(?:район|громад|округ)\w*)?\s*:?\s*$"
                                 r"|(?<![\w-])н\.\s?п\.\s*:?\s*$",
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


_REGION_OF_ITEM = re.compile(r"[»\"”]?\s*[\s(]\s*(?:(?:в|у|in)\s+)?", re.IGNORECASE)  # "Краснопілля Сумської області та …" too,
# and "«Саваслейка» (Нижньогородська область)"


def _before_aside(sentence: Sentence, mentions: list[Mention], earlier: int) -> int:
    """'«Воронеж» (Балтимор), «Курськ» (Халіно)': the item a name in brackets right after it stands beside (its other
    name), for the next item of the list."""
    if earlier > 0 and mentions[earlier - 1].role == "site" and _ASIDE.fullmatch(
            sentence.text, mentions[earlier - 1].end - sentence.start, mentions[earlier].start - sentence.start):
        return earlier - 1
    return earlier


_ASIDE = re.compile(r"[»\"”]?\s*\(\s*[«\"“]?")


def _plant_of_town(sentence: Sentence, mention: Mention, after: str) -> bool:
    """'Пошкоджено обладнання Бурштинської ТЕС на Івано-Франківщині', 'під атакою була Конаковська ГРЕС': a plant named by
    its town's adjective (read back to the town), after the words telling what befell it (a plant opening the clause is
    left to the rule of fronted objects: "Волгоградский завод несколько раз останавливался после налётов" is a recap)."""
    written = sentence.text[mention.start - sentence.start:mention.end - sentence.start]
    return bool(DISTRICT_ADJECTIVE.search(written)) and past_plant(after) != after and mention.hint is None


def _facility_subject(before: str, after: str) -> bool:
    """'Novoshakhtinsk refinery on fire after drone attack', 'Tuapse port ablaze': a town's facility opening the clause,
    the clause telling what befell it."""
    facility = FACILITY_AFTER.match(after)
    if facility is None or (before.strip(" \"'“‘«—–-•*") and not _LINE_HEAD_BEFORE.match(before)) or after.startswith(("'", "’")):
        return False
    rest = after[facility.end():]
    return bool(_ON_FIRE.match(rest)) or cues.tells_event(rest)


_AIR_DEFENCE_AFTER = re.compile(r"^['’]s?\s+(?:own\s+)?air[\s-]defen[cs]es?\b", re.IGNORECASE)
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
    if not passive and _CO_SUBJECTS.match(after):  # "Beryslav, Antonivka, … and the city of Kherson came under fire":
        at = mentions[position].end - info.clause.start  # a list of subjects longer than the window, its verb after it
        after = info.clause.text[at:at + 3 * WINDOW]
        passive = cues.scanner("passive").search(after)
    if not passive:
        return False
    between = after[:passive.start()]
    community = COMMUNITY_AFTER.match(between) or _AREA_NOUN_AFTER.match(between)
    between = between[community.end():] if community else between  # "the Ochakiv community came under fire"
    between = past_plant(between)  # "Туапсинский НПЗ снова атакован": the plant named by its town's adjective
    return (bool(_SUBJECT_GAP.match(between)) or (between.startswith(",") and between.count(",") >= 2)
            or bool(_CO_SUBJECTS.fullmatch(between)))


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
                                    r"(?:\s+(?:опинил\w*|опинив\w*|потрапи\w*|оказал\w*|оказа\w*|находил\w*|перебува\w*|був|була|було|були|был|была|было|были))?\s*[—–:-]?\s*", re.IGNORECASE)


# "Шебекино, Грайворон и Валуйки подверглись обстрелам": the other names of a list of subjects before the verb.
_CO_SUBJECTS = re.compile(r"(?:\s*(?:,|\s(?:и|і|та|й|and))\s+(?:the\s+(?:city|town|village|settlement)\s+of\s+)?[A-ZА-ЯЁІЇЄҐ][\w'’-]*)+\s*(?:(?:also|again|снова|вновь|знову|также|також)\s+)?")
