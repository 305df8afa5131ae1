"""The Reader's sites: findings from place mentions, labels, distances, city references and unknown quarters."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from incidents.extraction import casualties, city_references, claims, cues, district_towns, geo, morphology, places, site_roles
from incidents.extraction.findings import Finding
from incidents.extraction.reader_places import BASE_KM, DISTRICT_KM
from incidents.extraction.sentences import POST_MARK, Sentence

STRIKE_KINDS = ("strike", "passive", "debris", "damage", "casualty")
VILLAGE_MAX_POPULATION = 50_000  # a place named as a village ("в селе …") is never a town this large
VILLAGE_REACH_KM = 300  # nor a place this far from the region the article named (outside it)
_WEAPON_TYPE = {"drone": "drone_strike", "missile": "missile_strike", "other": "strike", None: "strike"}
_SHELLING = re.compile(r"(?:обстрел|обстріл|shell)", re.IGNORECASE)  # a shelling's own word: guns, unless a weapon is named
# A closing quote may come first: 'аеродром "Борисоглібськ" у Воронезькій області'.
_QUALIFIER_GAP = re.compile(r"[»\"”]?(?:['’]s)?(?:\s+(?:international\s+)?(?:airport|airfield|air ?base|refinery|oil refinery|depot|"
                            r"oil depot|plant|terminal|port|district|raion|rayon|community|hromada|municipality))?\s*(?:,|in|of|near|outside|під|поблизу|біля|неподалік|под|возле|около|близ|в|у|во"
                            r"|on the (?:[\w-]+ )?(?:edge|outskirts|fringes?) of"
                            r"|,\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:village|town|settlement|hamlet)\b[^,.;]{0,60}?\s+in"  # ", a village ... in"
                            r"|(?:just |some )?(?:north|south|east|west|north-east|north-west|south-east|south-west) of)?\s*"
                            r"(?:the\s+)?" + site_roles.OWNER_AND_SIDE + r"(?:city of\s+)?")  # "the Khalino airfield on the northern edge of Kursk"


_PLANT_AFTER = re.compile(r"\s+(?:nuclear|atomic|hydroelectric|hydro-electric|NPP\b|HPP\b|dam\b)", re.IGNORECASE)


@cache
def _plant_towns() -> dict[str, str]:
    path = Path(__file__).resolve().parent / "lexicons" / "plant_towns.json"
    return {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def _plant_town(sentence: Sentence, mention: places.Mention) -> str | None:
    """'the Zaporizhzhia nuclear plant': the town the plant lies in (Enerhodar), not the city it is named after."""
    if not _PLANT_AFTER.match(sentence.text, mention.end - sentence.start):
        return None
    return _plant_towns().get(mention.text.lower())


@cache
def _said_that() -> re.Pattern[str]:
    """A speech verb within five words after a place, then ', що' (or 'that'): the place is where the speakers are."""
    speech = cues.pattern("speech").pattern
    return re.compile(rf"(?:\s+[^\s,.;:!?]+){{0,5}}?\s+(?:{speech})\s*,?\s+(?:що|что|that)(?![\w-])", re.IGNORECASE)


def _speaker_seat(sentence: Sentence, site: Finding, sites: list[Finding]) -> bool:
    """'У Києві в Офісі президента заявили, що удар по Сумах …', 'В Москве заявили, что …': the first place names
    where the speakers are when what they said names a site of its own (else it is that site: "У Харкові мер заявив,
    що ракета влучила в підприємство")."""
    said = _said_that().match(sentence.text, site.end - sentence.start)
    return said is not None and any(f.start >= sentence.start + said.end() for f in sites)


_RAION_AFTER = re.compile(r"\s+(?:район|округ|р-н)\w*", re.IGNORECASE)
UKRAINIAN_RAION_KM = 120.0  # a raion of Ukraine since 2020 spans this far from its town (Synelnykove to Mezhova: 89 km)
_APPOSED_TO_RAION = re.compile(r"\s+(?:район|округ)\w*\s*[—–-]\s*", re.IGNORECASE)  # "Синельниківський район — Межівську"


def _owns_the_next(sentence: Sentence, owner: Finding, sites: list[Finding]) -> bool:
    """'in Sochi's Adler district', 'Kharkiv's Saltivskyi district': a city in the possessive right before a site close
    by is where that site lies, not a second site; so is any owner read as an airport ("Russia's Marinovka airfield")."""
    if owner.place.kind not in ("city", "airport"):
        return False
    gap = _OWNER_GAP.match(sentence.text, owner.end - sentence.start)
    if gap is None:
        return False
    nxt = sentence.start + gap.end()
    return any(other.start == nxt and other.place.kind in ("city", "airport")
               and (owner.place.kind == "airport" or geo.km_between(owner.place, other.place) <= DISTRICT_KM) for other in sites)


_OWNER_GAP = re.compile(r"['’]s\s+")


def _qualifies(sentence: Sentence, site: Finding, other: Finding) -> bool:
    """'Shebekino in the Belgorod region', 'Engels, Saratov region', 'Pulkovo airport in St Petersburg', 'the Ilsky
    refinery near Krasnodar': the region, or a city close by, named right after a site to say where it is."""
    gap = sentence.text[site.end - sentence.start:other.start - sentence.start]
    if not _QUALIFIER_GAP.fullmatch(gap):
        return False
    inside = r"|(?<!\w)(?:в|у|во)(?!\w)" if site.place.kind == "airport" else ""  # "аеропорт Пулково в Санкт-Петербурзі"
    if other.place.kind in ("city", "airport") and site.place.kind in ("city", "airport") and re.search(
            r"\b(?:in|near|outside|of)\b|(?<!\w)(?:під|поблизу|біля|неподалік|под|возле|около|близ)(?!\w)" + inside, gap):
        town = geo.place(other.mention_text)
        reach = BASE_KM if site.place.kind == "airport" else DISTRICT_KM  # "the Belaya air base in Irkutsk" (the region)
        return town is not None and geo.km_between(town, site.place) <= reach
    if other.place.kind != "region" or site.place.kind not in ("city", "airport"):
        return False
    return site.place.admin1 == other.place.admin1  # countries can disagree (Crimea) where the admin-1 name does not


# "село Бессоновка Белгородского района", "Stanovoye, Ramenskoye district", "Stanovoye in the Ramenskoye district"
_DISTRICT_GAP = re.compile(r"\s*,?\s*|\s+in\s+(?:the\s+)?", re.IGNORECASE)


def _steer_to_district(city: Finding, district: places.Mention, sentence: Sentence) -> bool:
    """A village named with the district of a town far from the namesake first read: the namesake near that town, or
    near another town the district's adjective may be made from ("поселок Климово Климовского района": Климово of the
    Bryansk region, not Климовск near Moscow). False when no namesake lies near any (the village is not known where the
    text puts it)."""
    town = geo.place(district.text, None, ())
    if city.place.kind != "city" or town is None or geo.km_between(town, city.place) <= DISTRICT_KM:
        return True
    word = sentence.text[district.start - sentence.start:district.end - sentence.start]
    if district_towns.generic_district(word):
        return True  # "в поселке Прямицыно Октябрьского района": an Oktyabrsky district is in many a region, no town's
    others = district_towns.district_readings(word, sentence.text[district.end - sentence.start:][:60])
    for other in [town] + [geo.place(name, None, ()) for name in others if name != district.text]:
        near = geo.city_near(city.mention_text, other, DISTRICT_KM) if other is not None else None
        if near is not None:
            city.place = near
            return True
    return False


def _outside_the_line_district(village: Finding, mentions: list[places.Mention]) -> bool:
    """A settlement of a line a district heads ('Харківський район — с. Лісне'), read as a namesake far from that
    district's town: put at the namesake near the town, else at the town itself; True when it was moved."""
    district = next((m for m in mentions if m.reason == site_roles.LINE_DISTRICT), None)
    town = None if district is None else geo.place(district.text, None, ())
    if town is None or village.place.kind != "city" or geo.km_between(town, village.place) <= DISTRICT_KM:
        return False
    village.place = geo.city_near(village.mention_text, town, DISTRICT_KM) or town
    return True


# "no one was hurt", "nobody was injured": a casualty word with nobody to suffer it.
_NOBODY = re.compile(r"(?<![\w-])(?:no one|no-one|nobody|никто не|никто из людей не|ніхто не|ніхто з людей не)\s+$",
                     re.IGNORECASE)  # "... and no one was hurt", "никто не пострадал", "ніхто не постраждав"


def _nobody_hurt(info: places.ClauseInfo) -> bool:
    """True when every casualty word of the clause has nobody to suffer it ("... and that no one was hurt")."""
    text = info.clause.text
    return all(_NOBODY.search(text, max(0, c.start - 12), c.start) for c in info.event_cues if c.kind == "casualty")


def _misplaced(sentence: Sentence, city: Finding, region: Finding) -> bool:
    """A town named with a region it does not lie in as resolved ('Nikolskoye, Kursk region' read as another one)."""
    gap = sentence.text[city.end - sentence.start:region.start - sentence.start]
    return (city.place.kind == "city" and region.place.kind == "region" and city.place.admin1 != region.place.admin1
            and bool(re.fullmatch(r"\s*,\s*|\s+in\s+(?:the\s+)?", gap)))  # not a list: "Bryansk, the Kursk region"


BETWEEN_KM = 150.0  # "between X and Y" places a point only between places this close (not "talks between Moscow and Kyiv")
_CITY_ANAPHOR = re.compile(r"(?:the\s+)?(?:city|town|regional capital)\b", re.IGNORECASE)
# "Kstovo, about 20 km southeast of ...", "Кстово, в 20 км от ...": the words between a named place and its distance.
_NAMED_GAP = re.compile(r"[\s,(]*(?:(?:located|situated|lying|which is|that is|just|расположенн\w*|розташован\w*|[ву]|за)\s+)*",
                        re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|и|і|та|й)\s+", re.IGNORECASE)
# "The refinery, about 200 km southeast of Moscow, burned": a site already told, opening the sentence in apposition.
_TOLD_BEFORE = re.compile(r"\s*(?:the|this|that)\s+(?:[\w-]+\s+){0,2}[\w-]+\s*,\s*(?:(?:located|situated|lying)\s+)?", re.IGNORECASE)


def _named_before(sentence: Sentence, mentions: list[places.Mention], at: int) -> bool:
    """True when a place is named right before a distance ("Kstovo, about 20 km southeast of ..."), or a site already
    told ("The refinery, about 200 km southeast of Moscow"): the place is not an unnamed one."""
    if _TOLD_BEFORE.fullmatch(sentence.text, 0, at - sentence.start):
        return True
    return any(m.end <= at and _NAMED_GAP.fullmatch(sentence.text, m.end - sentence.start, at - sentence.start)
               and not m.reason.startswith(("part of", "not a place", "a common", "an abbreviation", "two names"))
               for m in mentions)


def second_reference(sentence: Sentence, mentions: list[places.Mention], first: int | None) -> places.Mention | None:
    """The place after "X and" in "between X and Y"."""
    mention = next((m for m in mentions if m.start == first), None)
    if mention is None:
        return None
    after = next((m for m in mentions if m.start > mention.start), None)
    gap = sentence.text[mention.end - sentence.start:after.start - sentence.start] if after is not None else ""
    return after if after is not None and _AND.fullmatch(gap) else None


def _is_label(body: str, sentence: Sentence, mentions: list[places.Mention]) -> bool:
    """A sentence that is only a town's name and opens its line ("Шебекино.", "Харків.")."""
    if sentence.heading or not mentions or (mentions[0].hint == "district" and not _DISTRICT_LABEL.match(
            body, mentions[0].end, sentence.end)):
        return False
    mention = mentions[0]
    line_start = body.rfind("\n", 0, sentence.start) + 1
    lead = body[line_start:mention.start].strip(" \t•*·▪–—-")
    if (lead and not _AIRPORT_LEAD.fullmatch(lead) and not _POST_LEAD.fullmatch(body, line_start, mention.start)
            and not _TOPIC_LEAD.fullmatch(lead)):
        return False
    if _AIRPORT_LEAD.fullmatch(lead):  # "Аэропорт Калуга (Грабцево).": the airport labels its line
        mention.hint = "airport"
    if _DAY_MONTH_AFTER.match(body, sentence.end):  # "Астрахань. 10 июня. INTERFAX.RU -": a wire dateline
        return False
    if len(mentions) == 2 and mentions[1].hint in ("district", "region") and body[mention.end:mentions[1].start].strip() == ",":
        return _LABEL_TAIL.fullmatch(body, mentions[1].end, sentence.end) is not None  # "Гвардійське, Сімферопольський район."
    return (len(mentions) == 1 or body[mention.end:mentions[1].start].strip() == "(") and _LABEL_TAIL.fullmatch(
        body, mention.end, sentence.end) is not None


# "📍 09:30 — Суми.", "UPD 14:10. Харків.": a post's marks before the label; "Кременчук, 06:40.", "Джанкой, вечір.":
# the hour or the part of the day after it; "Білгород-Дністровський район.": a district alone labels its line too.
_POST_LEAD = re.compile(POST_MARK)
_LABEL_TAIL = re.compile(r"(?:\s+(?:район|р-н))?\s*(?:\([^()\n]{1,40}\))?(?:,\s*(?:\d{1,2}[:.]\d{2}|[a-zа-яёіїєґ'’]{3,9}))?"
                         r"(?:\s+(?:again|too|tonight|now|once more|знову|знов|снова|опять|опять))?\s*[.:!]*\s*")  # "Graivoron again."
_DISTRICT_LABEL = re.compile(r"\s+(?:район|р-н)\s*\.")
# The day and month right after the town, as a dateline gives them ("Астрахань. 10 июня. INTERFAX.RU", "Київ. 5 травня.").
_DAY_MONTH_AFTER = re.compile(r"\s*\d{1,2}\s+(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
                              r"січн|лют|берез|квітн|травн|червн|липн|серпн|вересн|жовтн|листопад|грудн)\w*\s*[.,]", re.IGNORECASE)


# "Уточнённая информация по Валуйкам.", "Ситуация в Шебекино.", "Інформація щодо Сум.": the place a report's line is about.
_TOPIC_LEAD = re.compile(r"(?:(?:уточн[её]нн|уточнен|актуальн|оперативн|свеж)\w*\s+)?"
                         r"(?:информаци|ситуаци|обстановк|данны|інформаці|ситуаці|дан)\w*\s+(?:по|в|во|на|у|щодо)", re.IGNORECASE)


# Rosaviatsia's line heads: "Аэропорт Калуга (Грабцево). Введены временные ограничения ..."
_AIRPORT_LEAD = re.compile(r"(?:аэропорт|аеропорт|airport|аеродром|аэродром|авіабаза|авиабаза|airfield|air base)", re.IGNORECASE)


def _only_shaken(info: places.ClauseInfo) -> bool:
    """True when the only strike words are what explosions do ("rocked", "damaged"), with no weapon named."""
    strikes = [c for c in info.event_cues if c.kind in STRIKE_KINDS]
    return (all(re.fullmatch(r"rock(?:ed|ing|s)?|sh(?:ook|aking|akes)|damag(?:ed|ing)", c.text, re.I) for c in strikes)
            and cues.weapon_of(info.clause.text) is None)


# "дронів, що атакували Одещину", "ракет, які летіли на Київ": a relative clause telling the downed weapons' target.
# "уничтожили два беспилотника, пытавшихся атаковать Москву", "дронів, які намагалися атакувати Київ": the downed
# drones' own attempt, told after the downing (its target is where they were downed).
ATTEMPTING = r"(?:пытавш|попытавш|намагавш)\w*\s+"
_ATTEMPTING_AFTER = re.compile(r",\s+(?:(?:которые|что|які|що|котрі)\s+(?:пыта|попыта|намага)\w*|" + ATTEMPTING + r")", re.IGNORECASE)
_DOWNED_THAT_ATTACKED = re.compile(r"(?:дрон|безпілотник|БпЛА|шахед|ракет|беспилотник|БПЛА)\w*[»\"]?,\s+(?:(?:що|які|котрі|что|которые)\s+"
                                   r"(?:(?:намагал|пытал|попытал)\w*\s+)?|" + ATTEMPTING + r")(?:атак|летіл|летел|удар|вдар)\w*",
                                   re.IGNORECASE)  # "… дронів, які намагалися атакувати Київ", "…, пытавшихся атаковать город"
# "усі сім БпЛА були збиті", "всі ракети знищено", "all of them were shot down", "все беспилотники сбиты": every
# weapon of the attack downed (the clause names no damage, debris or casualties).
_ALL_DOWNED = re.compile(r"(?<![\w-])(?:усі|всі|все|всех|усіх|всіх|all)\s+(?:of them\s+|з них\s+|из них\s+)?(?:[\w'’«»-]+\s+){0,3}?"
                         r"(?:(?:бул[иао]|был[иао]|were|have been|had been)\s+)?(?:успішно\s+|успешно\s+|successfully\s+)?"
                         r"(?:збит|знищен|знешкоджен|перехоплен|сбит|уничтожен|перехвачен|shot down|downed|destroyed|intercepted)",
                         re.IGNORECASE)
# "all 40 drones were shot down", "all of them were destroyed": nothing of the attack got through. Kept apart from
# _ALL_DOWNED: it is read over the whole sentence, not one interception clause, so it must name the weapons.
# "снова", "вновь", "знову", "again": an attack told as another one after the one before.
_AGAIN = re.compile(r"(?<![\w'’-])(?:снова|вновь|опять|повторно|знову|again)(?![\w'’-])", re.IGNORECASE)
_ALL_DOWNED_EN = re.compile(r"\ball\s+(?:of\s+them|(?:\d+|[a-z]+)\s+(?:of\s+the\s+)?(?:drones|missiles|UAVs|targets))\s+"
                            r"(?:were|had been|have been)\s+(?:\w+ly\s+)?(?:shot down|destroyed|intercepted|downed|neutrali[sz]ed)\b",
                            re.IGNORECASE)


def _denied_just_before(before: str) -> bool:
    """'saying no military facility had been hit in the city': the reference closes a denial (nothing told between them)."""
    last = None
    for last in cues.scanner("retraction").finditer(before):
        pass
    return last is not None and not cues.tells_event(before[last.end():])


def _slavic_debris(info: places.ClauseInfo) -> bool:
    """The debris told in Russian or Ukrainian ("обломки", "уламки"; an English "debris fell" keeps its strike reading)."""
    return any(c.kind == "debris" and re.match(r"[^\W\d_a-zA-Z]", c.text) for c in info.event_cues)


def _only_attack_nouns(info: places.ClauseInfo) -> bool:
    """True when the clause names an attack only by a noun (no strike verb, no damage, no casualties)."""
    return all(cues.is_strike_noun(c) for c in info.event_cues if c.kind in STRIKE_KINDS)


def _not_the_capital_by_another_name(sentence: Sentence, mention: places.Mention, found: Any) -> Any:
    """'в Александровке Донецкой области': a settlement named with its region is that region's settlement, never the
    region's capital, which the gazetteer knows by that name too (an old or alternative one), nor a namesake in another
    region (Ivanovka in Primorye for 'в Ивановке Курской области'); unknown there, the region stands for it ('в Харькове
    Харьковской области' is the capital itself, named by the region's stem)."""
    qualifier = _REGION_AFTER.match(sentence.text, mention.end - sentence.start)
    if found is None or found.kind != "city" or qualifier is None or not morphology.is_cyrillic(mention.text):
        return found
    region = geo.place(geo.nominative(qualifier.group("adjective")) or qualifier.group("adjective"), "region")
    if region is None or region.kind != "region":
        return found
    stem = geo.key(qualifier.group("stem"))
    if region.admin1 == found.admin1 and (len(stem) < 3 or geo.key(found.name)[:3] != stem[:3]
                                          or geo.key(mention.text).startswith(stem)):
        return found
    other = next((c for c in geo.cities_named(mention.text) if c.admin1 == region.admin1 and c != found), None)
    mention.reason += f"; named with its region {region.name}: not {found.name}"
    return other or region


# "Александровке Донецкой области", "Олександрівці Донецької області", "Ивановке Краснодарского края": the region's
# adjective right after a settlement, its stem the capital's name (Донец-, Харьков-).
_REGION_AFTER = re.compile(r"\s+(?P<adjective>(?P<stem>[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+?)(?:ской|цкой|зкой|ском|ского|ській|ської|"
                           r"цькій|цької|зькій|зької|ському|ського))\s+(?:област|облас|обл\.|кра[йяюе]|краї)", re.UNICODE)


_VILLAGE_OF = re.compile(r"\b(?:village|town|settlement|hamlet|township)\s+of\s+$", re.IGNORECASE)
FAR_SETTLEMENT_KM = 500.0  # a village this far from the region its sentence names is a namesake, not the one meant


def _restriction_nearest(info: places.ClauseInfo, mention: places.Mention) -> bool:
    """True when the event word nearest the mention is a restriction ("restrictions were imposed at Vnukovo and
    Sheremetyevo as drones attacked Moscow": the airports were restricted, the city attacked)."""
    at = mention.start - info.clause.start
    before = [c for c in info.event_cues if c.start < at]
    best = before[-1] if before else min(info.event_cues, key=lambda c: abs(c.start - at))
    return best.kind == "restriction"


def _nearest_cue(info: places.ClauseInfo, mention: places.Mention, event_type: str) -> cues.Cue | None:
    wanted = {"airspace_restriction": ("restriction",), "interception": ("interception",), "explosion": ("explosion",)}.get(
        event_type, STRIKE_KINDS)
    pool = [c for c in info.event_cues if c.kind in wanted] or list(info.event_cues)
    if not pool:
        return None
    at = mention.start - info.clause.start
    before = [c for c in pool if c.start < at]
    best = before[-1] if before else min(pool, key=lambda c: abs(c.start - at))
    return cues.Cue(best.kind, best.text, info.clause.start + best.start, info.clause.start + best.end)


# "Donetsk Oblast: ...", "Kharkiv region — ...": a region heading its line (a list of regions' reports).
_REGION_HEAD = re.compile(r"\W*(?:[A-Z][\w'’-]+\s+){1,2}(?:Oblast|region|Region|Krai|krai|Republic)\s*[:—–-]\s")
_TOWARD = re.compile(r"(?:heading|flying|approaching|en route)\b", re.IGNORECASE)
_REGION_REF = re.compile(r"(?:the|his|her)\s+region|областю", re.IGNORECASE)  # Russian "областью": _SLAVIC_REGION_REF
_SLAVIC_CITY_REF = re.compile(r"город\w*|территории\s+города", re.IGNORECASE)  # city_references._SLAVIC_CITY
CITY_SITE_KM = 20.0  # a site named beside "над городом" this close to the town is where in it
_SLAVIC_REGION_REF = re.compile(r"(?:(?:территори|територі)\w*\s+)?(?:област|регион|регіон|кра[яе]|республик)\w*",
                                re.IGNORECASE)  # city_references.SLAVIC_REGION_REF and SLAVIC_REGION_REF_UK
HEAD_KM = 25.0  # a place within this of the city heading a line is a part of it ("Sevastopol — ... at Lyubimovka")


def _without_heads_holding_a_site(out: list[Finding], mentions: list[places.Mention]) -> list[Finding]:
    """'Sevastopol — fragments fell on the beach at Lyubimovka', 'Kharkiv region – drones hit Chuhuiv': the place heading
    the line only says where the line's own site lies, when that site is within it (a suburb, a town of the region)."""
    heads = [f for f in out if f.reason.startswith(LINE_HEAD)]
    dropped = {id(h) for h in heads if any(o is not h and (_holds(h, o) or _speaker_head(h, o)) for o in out)}
    if not dropped:
        return out
    for finding in out:
        if id(finding) in dropped:
            mention = next(m for m in mentions if m.start == finding.start)
            mention.role, mention.reason = None, "heads the line whose site lies within it: where, not another site"
    return [f for f in out if id(f) not in dropped]


LINE_HEAD = "site: the place heading a line"


def _speaker_head(head: Finding, other: Finding) -> bool:
    """'Садовий: у Львові пролунали вибухи': a name before a colon, then a site it does not hold named in the line:
    the speaker (a mayor's surname read as a village), not the line's place."""
    after = head.sentence.text[head.end - head.sentence.start:]
    return (bool(re.match(r"\s*:", after)) and other.start > head.end and other.place.kind in ("city", "airport")
            and not other.reason.startswith(LINE_HEAD) and not _holds(head, other)
            and not (head.place.kind == "city" and geo.km_between(head.place, other.place) <= HEAD_KM))


def _holds(head: Finding, other: Finding) -> bool:
    if other.place.kind not in ("city", "airport") or 0 <= other.start - head.end <= 4:
        return False  # "Степногірськ, Малокатеринівка — 14 обстрілів": two towns heading the line together
    if head.place.kind == "region":
        return bool(head.place.admin1) and head.place.admin1 == other.place.admin1 and head.place.country == other.place.country
    return head.place.kind == "city" and geo.km_between(head.place, other.place) <= HEAD_KM


# "Pulkovo halts flights as drone downed over Kirishi": the place the interception is told over, not an airport.
_INTERCEPTED_OVER = re.compile(r"\b(?:downed|shot down|intercepted|destroyed)\s+(?:over|near|above)\s+(?:the\s+)?$", re.IGNORECASE)
# "Аэропорт Сочи приостановил работу: над Адлером сбиты два беспилотника": the place drones were downed over, not an
# airport restricted.
_OVER = re.compile(r"(?<![\w-])(?:над|понад)\s+$", re.IGNORECASE)
_STRONG_SITE = ("site: object of a strike verb", "site: subject of a passive strike")


def _far_from_the_theatre(finding: Finding, info: places.ClauseInfo, mention: places.Mention) -> bool:
    """'partners in Washington to allow Ukraine to hit targets', 'in Berlin for talks on air defence': a place outside the
    war's theatre is a site only when it is struck itself or its clause tells casualties or damage."""
    country = getattr(finding.place, "country", None)
    if not country or country in cues.theatre_countries():
        return False
    if mention.reason.startswith(_STRONG_SITE):
        return False
    if any(c.kind in ("casualty", "damage") for c in info.event_cues):
        return False
    return not any(count.value > 0 for count in casualties.find_casualties(info.clause.text).values())


def _headline_abroad(sentence: Sentence, finding: Finding) -> bool:
    """'Israel strikes Beirut suburb', 'Ten killed in Abuja market blast' among the headlines a page prints under the
    article: a short line with no closing stop, after the title, telling a place outside the war's theatre."""
    country = getattr(finding.place, "country", None)
    if not country or country in cues.theatre_countries() or sentence.index == 0:
        return False
    text = sentence.text.strip()
    return len(text.split()) <= HEADLINE_WORDS and _SENTENCE_END.search(text) is None


HEADLINE_WORDS = 16
_SENTENCE_END = re.compile(r"[.!?…:;][\"'’”»)\]]*$")


QUARTERED_CITY_MIN = 200000  # a city this large is divided into named districts (raions of a city)
QUARTER_KM = 15.0  # a quarter of a large city lies this near its centre (Holosiiv 12 km from Kyiv's)
# "у Києві на Оболоні", "в Харькове, на Салтовке", "в Москве в районе Марьино": the city, then a place in it;
# "на Троєщині в Києві": a place, then its city. No conjunction between ("у Києві та Вишгороді" names two towns).
_CITY_THEN_QUARTER = re.compile(r"\s*,?\s*(?P<prep>на|в|у|во|in|on)\s+(?:(?:the\s+)?(?:район\w*|микрорайон\w*|мікрорайон\w*|"
                                r"масив\w*|массив\w*|district|neighbou?rhood)\s+)?", re.IGNORECASE)
_QUARTER_THEN_CITY = re.compile(r"\s*,?\s*(?:в|у|во|in)\s+", re.IGNORECASE)


def _beside(mentions: list[places.Mention], order: dict[int, int], mention: places.Mention) -> list[places.Mention]:
    """The mentions right before and after one (a long list is read in linear time)."""
    at = order[id(mention)]
    return mentions[max(0, at - 1):at] + mentions[at + 1:at + 2]


def _city_of_quarter(sentence: Sentence, mention: places.Mention, finding: Finding,
                     mentions: list[places.Mention]) -> Any:
    """The large city a place is a quarter of, when the sentence names that city right before or after it (Оболонь,
    Салтівка, Марьино): the place lies in the city (within QUARTER_KM of its centre, in its region, or a namesake does),
    or, after the Slavic quarter preposition "на", is written as a part of the city whatever the gazetteer holds
    ("в Киеве на Лукьяновке", not Lukianivka near Mykolaiv); None otherwise."""
    if finding.place.kind != "city":
        return None
    at = sentence.start
    for other in mentions:
        if other is mention or other.reason.startswith(("not a place", "an abbreviation", "part of", "a common")):
            continue  # "атаку БПЛА на Туапсе": an abbreviation, no city
        before = _CITY_THEN_QUARTER.fullmatch(sentence.text, other.end - at, mention.start - at) if other.end <= mention.start else None
        after = _QUARTER_THEN_CITY.fullmatch(sentence.text, mention.end - at, other.start - at) if mention.end <= other.start else None
        if not (before or after):
            continue
        city = geo.place(other.text)
        if (city is None or city.kind != "city" or city.country not in geo.THEATRE or (city.population or 0) < QUARTERED_CITY_MIN
                or city == finding.place):
            continue
        if (city.population or 0) <= (finding.place.population or 0):
            continue
        inside = [p for p in (finding.place, *geo.cities_named(mention.text))
                  if p.admin1 == city.admin1 and geo.km_between(p, city) <= QUARTER_KM]
        slavic_on = before is not None and before.group("prep").lower() == "на" and morphology.is_cyrillic(mention.text)
        if inside or slavic_on:
            return city
    return None
# "in the Inhuletskyi district", "in the Sovetsky district": a city district's adjective name before 'district'.
_UNKNOWN_QUARTER = re.compile(r"\bin\s+the\s+((?-i:[A-Z][a-z]+(?:skyi|tskyi|zkyi|kyi|skiy|sky|skoy)))\s+district\b(?!\s+of\b)",
                              re.IGNORECASE)


class SiteReading:
    """Sites of events found in a sentence (a mixin of Reader)."""

    def _raion_of_the_next(self, raion: Finding, sites: list[Finding]) -> bool:
        """'У Шосткинському районі дрон атакував Середино-Будську громаду', 'в Сумському районі … у селі X': a raion read
        as its town, named before a site of the same clause that lies in it (not another raion): where that site is."""
        if raion.start not in self.district_towns or not _RAION_AFTER.match(self.body, raion.end):
            return False
        return any(other.start > raion.end and other.place.kind == "city" and other.place != raion.place
                   and not _RAION_AFTER.match(self.body, other.end) and other.place.admin1 == raion.place.admin1
                   and (geo.km_between(other.place, raion.place) <= (UKRAINIAN_RAION_KM if raion.place.country == "UA" else DISTRICT_KM)
                        or _APPOSED_TO_RAION.fullmatch(self.body, raion.end, other.start)) for other in sites)

    def sites(self, sentence: Sentence, infos: list[places.ClauseInfo], mentions: list[places.Mention]) -> list[Finding]:
        out = []
        order = {id(m): k for k, m in enumerate(mentions)}
        info_of = {id(info.clause): info for info in reversed(infos)}  # the first info of a clause, as a search would find
        for mention in mentions:
            if mention.role != "site":
                continue
            if mention.reason.startswith(LINE_HEAD) and mention.text.lower() in self.surnames:
                mention.role, mention.reason = None, "a speaker heading a line ('Садовий: …'), named earlier with a first name"
                continue
            info = info_of[id(mention.clause)]
            finding = self.site_finding(sentence, info, mention, out)
            if finding is None:
                mention.role, mention.reason = None, mention.reason + "; but no place or airport could be resolved"
            elif finding.place.kind == "country":
                mention.role, mention.reason = None, "a country: context, not an incident site"
            elif _far_from_the_theatre(finding, info, mention):
                mention.role, mention.reason = None, "abroad, far from the war, and nothing struck or hurt there: a mention"
            elif _headline_abroad(sentence, finding):
                mention.role, mention.reason = None, "abroad, far from the war, in a headline line under the article: another story"
            elif (city := _city_of_quarter(sentence, mention, finding, _beside(mentions, order, mention))) is not None:
                if any(f.place == city for f in out):  # "У Києві на Оболоні": the city's own site already
                    mention.role, mention.reason = None, f"a quarter of {city.name}, named with it: the city's site"
                else:  # "В Киеве, в Оболони, обломки …", "на Троещине в Киеве": the city, never a namesake elsewhere
                    finding.place, finding.reason = city, finding.reason + f"; a quarter of {city.name}, named with it"
                    out.append(finding)
            elif mention.reason == site_roles.LINE_SETTLEMENT and _outside_the_line_district(finding, mentions):
                out.append(finding)  # "Харківський район — с. Лісне", no Lisne known near Kharkiv: the district's town
            elif (out and mention.hint == "district" and _DISTRICT_GAP.fullmatch(self._gap(sentence, out[-1], mention))
                  and not any(m.start == out[-1].start and m.district_town for m in mentions)):  # not "Лискинским, Острогожским …"
                if _steer_to_district(out[-1], mention, sentence):  # "село Бессоновка Белгородского района": the Belgorod one
                    mention.role, mention.reason = None, f"names the district {out[-1].place.name} lies in: a qualifier"
                else:  # "the village of Stanovoye in the Ramenskoye district", no Stanovoye known near it: the district
                    village = next(m for m in mentions if m.start == out[-1].start)
                    village.role, village.reason = None, f"no {village.text} known near the {mention.text} district it is said to lie in"
                    finding.place = geo.place(mention.text, None, ()) or finding.place  # the district's town, not the village
                    out[-1] = finding
            elif out and _qualifies(sentence, out[-1], finding):
                mention.role, mention.reason = None, f"names where {out[-1].place.name} lies: a qualifier, not another site"
            elif out and _misplaced(sentence, out[-1], finding):
                out[-1] = self._relocate(out[-1], finding, mentions)
                if out[-1] is not finding:
                    mention.role, mention.reason = None, f"names the region {out[-1].place.name} lies in: a qualifier"
            else:
                out.append(finding)
        for finding in [f for f in out if _owns_the_next(sentence, f, out)]:  # "in Sochi's Adler district": Adler
            out.remove(finding)
            mention = next(m for m in mentions if m.start == finding.start)
            mention.role, mention.reason = None, "owns the district or town named right after it: a qualifier"
        for finding in [f for f in out if self._raion_of_the_next(f, out)]:  # "У Шосткинському районі дрон атакував Середино-Будську громаду"
            out.remove(finding)
            mention = next(m for m in mentions if m.start == finding.start)
            mention.role, mention.reason = None, "names the raion the site after it lies in: a qualifier"
        for finding in [f for f in out if _speaker_seat(sentence, f, out)]:  # "У Києві заявили, що удар по Сумах …"
            out.remove(finding)
            mention = next(m for m in mentions if m.start == finding.start)
            mention.role, mention.reason = None, "where the speakers are: what they said names the site"
        out = _without_heads_holding_a_site(out, mentions)
        named = [f for f in out if f.reason != site_roles.JURISDICTION]
        for finding in out if named else ():
            if finding.reason == site_roles.JURISDICTION:
                mention = next(m for m in mentions if m.start == finding.start)
                mention.role, mention.reason = None, "an official's title; the sentence names the site itself"
        if not named and out and self._site_told_before(out):
            for finding in out:
                mention = next(m for m in mentions if m.start == finding.start)
                mention.role, mention.reason = None, "an official's title; the sentence before named the site in that region"
            return []
        return named or out

    def _site_told_before(self, out: list[Finding]) -> bool:
        """'X struck the Morozovsk air base in Rostov Oblast. Rostov Oblast Governor Y said ...': the official's region
        holds a site of the sentence just before, which the statement is about."""
        if self.last_event is None or not self.last_event[1]:
            return False
        return all(f.place.kind == "region" and any(s.place.admin1 == f.place.admin1 and s.place.kind != "region"
                                                    for s in self.last_sites) for f in out)

    def labelled_sites(self, sentence: Sentence, infos: list[places.ClauseInfo], mentions: list[places.Mention],
                       new: list[Finding]) -> list[Finding]:
        """'Шебекино. Дрон-камикадзе ударил по автомобилю.': a place alone as the first sentence of a line labels the
        sentences after it on that line; the first of them reporting an event with no site of its own is at the label
        (later ones add to it as the city in focus)."""
        if _is_label(self.body, sentence, mentions):
            self.label = mentions[0]
            return []
        label = self.label
        if label is None or "\n" in self.body[label.end:sentence.start]:
            self.label = None
            return []
        event_kinds = {*STRIKE_KINDS, "explosion", "interception"} | ({"restriction"} if label.hint == "airport" else set())
        info = next((i for i in infos if i.historical_from is None and {c.kind for c in i.event_cues} & event_kinds), None)
        if new:  # "Павлоградський район. Ракета впала за 15 км від Павлограда. Вирва …": the line's own site is told;
            self.label = None  # the sentences after it add to that site, not to the label
            return []
        if sentence.heading or info is None:
            return []
        mention = places.Mention(label.text, label.start, label.end, sentence.index, hint=label.hint, role="site",
                                 reason="site: the place labelling its line (Шебекино. Дрон ударил ...)", clause=info.clause,
                                 district_town=label.district_town)  # "Криворізький район.": its own town, not a quarter
        found = self.site_finding(sentence, info, mention)
        self.label = None
        return [found] if found is not None else []

    def attempted_sites(self, sentence: Sentence, infos: list[places.ClauseInfo], new: list[Finding],
                        here: places.Mention | None = None) -> list[Finding]:
        """'Попытка атаки беспилотников на Морозовский район. Силами ПВО уничтожены 40 БПЛА.': an interception told with
        no place right after an attempted attack on one is at the attempt's target; so is one in a later clause of the
        attempt's own sentence (`here`: "Drones tried to attack the Kstovo refinery but were shot down", "Беспилотники
        пытались атаковать Курск, но все были сбиты", "сбили два беспилотника, пытавшихся атаковать Москву")."""
        info = next((i for i in infos if i.historical_from is None and any(c.kind == "interception" for c in i.event_cues)), None)
        target = self.attempted or (here if here is not None and info is not None and (
            here.end <= info.clause.end or _ATTEMPTING_AFTER.search(sentence.text, info.clause.start - sentence.start,
                                                                      here.start - sentence.start)) else None)
        if target is None or new or sentence.heading or info is None:
            return []
        mention = places.Mention(target.text, target.start, target.end, sentence.index, hint=target.hint, role="site",
                                 reason="site: the target of the attempted attack told just before", clause=info.clause,
                                 district_town=target.district_town)
        found = self.site_finding(sentence, info, mention)
        return [found] if found is not None and found.event_type == "interception" else []

    def distance_sites(self, sentence: Sentence, infos: list[places.ClauseInfo], mentions: list[places.Mention],
                       found_claims: list[claims.DistanceClaim], refs: list[int | None], new: list[Finding]) -> list[Finding]:
        """'A village about 30 km south of Belgorod was hit', 'a car 5 km from Grayvoron', 'a road between Belgorod and
        Shebekino': an approximate point on that bearing from the reference (at it with no bearing; between the two)."""
        out: list[Finding] = []
        for claim, ref_start in zip(found_claims, refs):
            at = sentence.start + claim.start
            info = next((i for i in infos if i.clause.start <= at < i.clause.end), None)
            if (sentence.heading or info is None or not info.event_cues or self._in_history(infos, at)
                    or (not claim.unnamed and any(info.clause.start <= f.start < info.clause.end for f in new + out))
                    or not (claim.unnamed or claim.between or not _named_before(sentence, mentions, at))):
                continue
            ref = next((m for m in mentions if m.start == ref_start), None)
            ref_place = self._distance_reference(sentence, claim, ref)
            if ref_place is None:
                continue
            found = self._distance_point(sentence, claim, ref, ref_place, mentions)
            if found is None:
                continue
            end = ref.end if ref is not None else sentence.start + claim.end
            reason = f"site: an unnamed place {found.name} (approximate point)"
            mention = places.Mention(found.name, at, end, sentence.index, role="site", reason=reason, clause=info.clause)
            event_type = self.event_type(info, sentence, {c.kind for c in info.event_cues})
            out.append(Finding(event_type, found, sentence, found.name, at, end, _nearest_cue(info, mention, event_type), reason))
        return out

    def _distance_reference(self, sentence: Sentence, claim: claims.DistanceClaim, ref: places.Mention | None) -> Any:
        """The city a distance is measured from: the place named after it, or the city in focus ("of the city")."""
        if ref is None:
            anaphor = not claim.between and _CITY_ANAPHOR.match(sentence.text, claim.reference_at)
            return self.last_city if anaphor else None
        found = geo.place(ref.text, None, self.geo_context())
        return found if found is not None and found.kind in ("city", "airport") else None

    def _distance_point(self, sentence: Sentence, claim: claims.DistanceClaim, ref: places.Mention | None, ref_place: Any,
                        mentions: list[places.Mention]) -> Any:
        if claim.between:
            second = second_reference(sentence, mentions, ref.start if ref is not None else None)
            other = geo.place(second.text, None, self.geo_context()) if second is not None else None
            if other is None or other.kind not in ("city", "airport") or geo.km_between(ref_place, other) > BETWEEN_KM:
                return None
            return geo.between_place(ref_place, other, f"between {ref_place.name} and {other.name}")
        bearing = claims.bearing_of(claim.direction) if claim.direction else None
        if bearing is None:
            return geo.near_place(ref_place, claim.claimed_km, f"{claim.claimed_km:g} km from {ref_place.name}")
        return geo.offset_place(ref_place, claim.claimed_km, bearing, f"{claim.claimed_km:g} km {claim.direction} of {ref_place.name}")

    @staticmethod
    def _gap(sentence: Sentence, site: Finding, mention: places.Mention) -> str:
        return sentence.text[site.end - sentence.start:mention.start - sentence.start]

    def _relocate(self, city: Finding, region: Finding, mentions: list[places.Mention]) -> Finding:
        """'Nikolskoye, Kursk region': the town of that name in the region; unknown there, the region stands for it."""
        inside = geo.city_in_region(city.mention_text, region.place)
        if inside is not None:
            city.place = inside
            return city
        mention = next(m for m in mentions if m.start == city.start)
        mention.role, mention.reason = None, f"no {city.mention_text} known in the {region.place.name} region it is said to lie in"
        return region

    def site_finding(self, sentence: Sentence, info: places.ClauseInfo, mention: places.Mention,
                     earlier: Sequence[Finding] = ()) -> Finding | None:
        kinds = {c.kind for c in info.event_cues}
        before = info.clause.text[max(0, mention.start - info.clause.start - 60):mention.start - info.clause.start]
        downed_over = "interception" in kinds and (_INTERCEPTED_OVER.search(before) or _OVER.search(before))
        restriction = "restriction" in kinds and not (kinds & {*STRIKE_KINDS, "explosion"}) and not downed_over
        if not restriction and "restriction" in kinds and not downed_over and _restriction_nearest(info, mention):
            restriction = self._airport_for(mention.text, named=True) is not None  # "restrictions at Vnukovo as drones attacked Moscow"
        if restriction or (mention.hint == "airport" and "restriction" in kinds):
            found = self._airport_for(mention.text)
            event_type = "airspace_restriction"
        elif mention.hint == "district":
            found = self._district(mention, earlier)
            event_type = self.event_type(info, sentence, kinds)
        else:
            found = geo.place(_plant_town(sentence, mention) or mention.text, mention.hint if mention.hint == "region" else None,
                              self.geo_context())
            if mention.hint == "airport":
                found = self._airport_for(mention.text, named=True) or found
            found = self._in_heading_region(sentence, mention, found)
            found = self._village_in_reach(sentence, mention, found)
            found = self._in_sentence_region(sentence, mention, found)
            found = _not_the_capital_by_another_name(sentence, mention, found)
            event_type = self._as_told_before(mention, sentence, self.event_type(info, sentence, kinds))
            if found is not None and found.kind == "airport" and "restriction" in kinds:
                event_type = "airspace_restriction"  # "restrictions at Kazan International Airport after a drone attack"
        if found is None or (found.kind == "region" and places.named_as_settlement(sentence, mention)):
            return None  # "над станицей Архангельской": a stanitsa the gazetteer does not know, not the Arkhangelsk region
        if mention.district_town and found.kind == "city":
            found = self._beside_the_towns_before(mention, found, earlier)
        if mention.district_town and found.kind == "city" and self._outside_the_raion_before(found, earlier):
            mention.reason += "; its town lies in another region than the raion named before it"
            return None  # "У Синельниківському районі … Покровську громаду": not Pokrovsk of the Donetsk region
        cue = _nearest_cue(info, mention, event_type)
        if found.kind in ("city", "region") and found not in self.in_context:
            self._remember(found)
        return Finding(event_type, found, sentence, mention.text, mention.start, mention.end, cue, mention.reason)

    def _village_in_reach(self, sentence: Sentence, mention: places.Mention, found: Any) -> Any:
        """'в селе Муром' in a Belgorod governor's report: a village the gazetteer does not know, whose name it gives to
        a town of 110,000 (Murom) or to a place far from the region named (Мешковое -> a village near Mykolaiv):
        the village of that name in the region the article named last, else that region (None when there is none)."""
        if found is None or found.kind != "city" or not places.named_as_village(sentence, mention):
            return found
        region = self.last_region  # the region the article named (or its official speaks for), not a town's just struck
        too_big = (found.population or 0) >= VILLAGE_MAX_POPULATION
        too_far = region is not None and found.admin1 != region.admin1 and geo.km_between(found, region) > VILLAGE_REACH_KM
        if not (too_big or too_far):
            return found
        inside = geo.city_in_region(mention.text, region) if region is not None else None
        if inside is not None and (inside.population or 0) < VILLAGE_MAX_POPULATION:
            return inside  # "деревни Кресты" in a Pskov report: the Kresty of the Pskov region, not Cherskiy in Yakutia
        place = "a town" if too_big else f"{round(geo.km_between(found, region))} km from the {region.name} region"
        mention.reason += f"; the village is not {found.name} ({place}): the region named stands for it"
        return region

    def _in_heading_region(self, sentence: Sentence, mention: places.Mention, found: Any) -> Any:
        """'Donetsk Oblast: Russian attacks killed two in Kostiantynivka': a town on a line headed by its region is the
        namesake in that region (not the village of another region named earlier in the article)."""
        if (found is None or found.kind != "city" or self.last_region is None or self.last_region_at != sentence.index
                or found.admin1 == self.last_region.admin1 or not _REGION_HEAD.match(sentence.text)):
            return found
        return geo.city_in_region(mention.text, self.last_region) or found

    def _in_sentence_region(self, sentence: Sentence, mention: places.Mention, found: Any) -> Any:
        """'In the Kursk region, shelling damaged a school in the village of Alexandrovka': a village named in a sentence
        that names its region is that region's namesake; one only far away (Primorye) is no reading of it."""
        if (found is None or found.kind != "city" or self.last_region is None or self.last_region_at != sentence.index
                or found.admin1 == self.last_region.admin1
                or not (places.named_as_settlement(sentence, mention) or _VILLAGE_OF.search(
                    sentence.text, max(0, mention.start - sentence.start - 30), mention.start - sentence.start))):
            return found
        local = geo.city_in_region(mention.text, self.last_region)
        if local is not None:
            return local
        return None if geo.km_between(found, self.last_region) > FAR_SETTLEMENT_KM else found

    def _downed_just_before(self, sentence: Sentence) -> bool:
        """The last sentence that told an event told a downing at its sites (the debris now told fell from it)."""
        return any(f.event_type == "interception" and f.sentence.index == self.last_event_index < sentence.index
                   for f in self.last_sites)

    def _story_strike(self, sentence: Sentence) -> str:
        """A strike told without a weapon: the weapon of the sentence just before when its sites were all struck by one
        ("Russian forces shelled Nikopol. One more person was hurt in Marhanets."), else the article's dominant one."""
        strikes = set(_WEAPON_TYPE.values())
        kinds = {f.event_type for f in self.last_sites if f.sentence.index == sentence.index - 1}
        if (len(kinds) == 1 and kinds <= strikes and cues.weapon_of(self.last_sites[-1].sentence.text)
                and not _REGION_HEAD.match(sentence.text)):  # "Mykolaiv Oblast: two injured in Ochakiv": a new report
            return kinds.pop()
        return _WEAPON_TYPE[self.weapon]

    def _weapon_told_after(self, sentence: Sentence, infos: list[places.ClauseInfo]) -> None:
        """'An attack on Zaporizhzhia injured seven. A missile hit an industrial site.': a sentence naming no place but
        the weapon that struck gives it to the sites of the sentence before, when that one named none."""
        weapon = cues.weapon_of(sentence.text)
        if weapon is None or not any(c.kind == "strike" for i in infos for c in i.event_cues):
            return
        told = [f for f in self.last_sites if f.sentence.index == sentence.index - 1]
        strikes = set(_WEAPON_TYPE.values())
        if told and all(f.event_type in strikes and cues.weapon_of(f.sentence.text) is None for f in told):
            for finding in told:
                finding.event_type = _WEAPON_TYPE[weapon]

    def _all_downed_after(self, sentence: Sentence, infos: list[places.ClauseInfo]) -> None:
        """'Ворог атакував Полтавщину дронами. Усі шість дронів знищені, влучань немає.': a sentence naming no place but
        every weapon downed (no damage, debris or casualties told) makes the attack told just before an interception,
        when that sentence told only the attack."""
        kinds = {c.kind for i in infos for c in i.event_cues}
        if ("interception" not in kinds or not kinds <= {"interception", "strike"} or not _ALL_DOWNED.search(sentence.text)
                or _AGAIN.search(sentence.text)):
            return  # "Сегодня ночью дроны снова пытались атаковать город, все сбиты": another attack, not the fate of that one
        told = [f for f in self.last_sites if f.sentence.index == sentence.index - 1]
        strikes = set(_WEAPON_TYPE.values())
        if told and all(f.event_type in strikes and {c.kind for c in cues.find_cues(f.sentence.text)} == {"strike"}
                        for f in told):
            for finding in told:
                finding.event_type = "interception"

    def _as_told_before(self, mention: places.Mention, sentence: Sentence, event_type: str) -> str:
        """'A missile destroyed a depot in X ... The attack on X set off a fire': a place struck again in a sentence that
        names no weapon keeps the weapon told before for it, not the article's dominant one."""
        earlier = self.by_key.get(geo.key(mention.text))
        strikes = set(_WEAPON_TYPE.values())
        if (earlier is None or event_type not in strikes or earlier.event_type not in strikes
                or cues.weapon_of(sentence.text) is not None):
            return event_type
        return earlier.event_type

    def city_references(self, sentence: Sentence, infos: list[places.ClauseInfo], new: list[Finding],
                        mentions: Sequence[places.Mention] = ()) -> list[Finding]:
        """"Two were killed in the capital", "drones struck the city": the city in focus, or the one named last; the
        city whose mayor the sentence names ("Kharkiv Mayor X reported strikes on the city", "Мэр Белгорода: над городом
        сбиты три БПЛА") before both."""
        focus = self._focus_city()
        in_focus = focus.place if focus else self.last_city
        head = self._head_city(sentence, mentions)
        if sentence.heading or (self.label is not None and "\n" not in self.body[self.label.end:sentence.start]):
            return []  # "🔹 Криворізький район. Увечері ППО збили над районом 2 БпЛА": the line's label, not the city in focus
        out = []
        for info in infos:
            kinds = {c.kind for c in info.event_cues}
            if not kinds & {*STRIKE_KINDS, "explosion", "interception"}:
                continue
            told = casualties.find_casualties(info.clause.text) if kinds == {"casualty"} else {}
            if told and all(c.value == 0 for c in told.values()):
                continue  # "Гражданские объекты в городе не пострадали", "nobody was hurt in the city": nothing struck there
            limit = (info.historical_from or info.clause.end) - info.clause.start
            for match in city_references.city_references(info.clause.text[:limit]):
                start, end = info.clause.start + match.start("ref"), info.clause.start + match.end("ref")
                toward = None
                if _REGION_REF.fullmatch(match.group("ref")):  # "12 drones were shot down over the region"
                    slavic = match.group("ref").lower().startswith("област")  # "Над областю збили 6 БпЛА"
                    told = [c for c in info.event_cues if c.start < match.start("ref") or slavic]
                    city = self._region_in_focus() if told and told[-1].kind == "interception" else None
                elif _SLAVIC_REGION_REF.fullmatch(match.group("ref")):  # "над территорией области уничтожены семь БПЛА"
                    told = [c for c in info.event_cues if c.kind == "interception"]
                    city = self._region_in_focus() if told else None
                else:  # "struck the centre of Izium ..., hitting the city council": the city this sentence named before
                    here = [f.place for f in new if f.place.kind == "city" and f.end <= start]
                    toward = _TOWARD.match(match.group(0))  # drones heading for the city: not its mayor's own report
                    earlier = in_focus if focus or self.last_city_at < start else self.city_before  # not a city named after it
                    city = self._capital(match.group("adj")) if match.group("adj") else self._national_capital(
                        match.group("ref"), here[-1] if here else (head if head and not toward else earlier))
                if city is None or any(f.start <= start < f.end for f in new) or _denied_just_before(info.clause.text[:match.start("ref")]):
                    continue
                if toward and any(info.clause.start <= f.start < info.clause.end and f.place.name != city.name
                                  and not f.is_airport for f in new):
                    continue  # "downed 20 drones approaching the capital over the Kolomna district": where they fell
                if _SLAVIC_CITY_REF.fullmatch(match.group("ref")) and any(
                        info.clause.start <= f.start < info.clause.end and geo.km_between(f.place, city) <= CITY_SITE_KM for f in new):
                    continue  # "над городом сбиты пять БПЛА, в том числе в районе Бельбека": the site inside it says where
                mention = places.Mention(match.group("ref"), start, end, sentence.index, role="site",
                                         reason=f"site: '{match.group('ref')}' refers to {city.name}", clause=info.clause)
                region_ref = _REGION_REF.fullmatch(match.group("ref")) or _SLAVIC_REGION_REF.fullmatch(match.group("ref"))
                event_type = "interception" if region_ref else self.event_type(info, sentence, kinds)
                out.append(Finding(event_type, city, sentence, city.name, start, end, _nearest_cue(info, mention, event_type),
                                   mention.reason))
        return out

    def unknown_quarters(self, sentence: Sentence, infos: list[places.ClauseInfo], new: list[Finding]) -> list[Finding]:
        """'a missile hit a building in the Inhuletskyi district' after 'head of Kryvyi Rih city military administration':
        a quarter the gazetteer does not know, named like a city district, is in the large city in focus."""
        focus = self._focus_city()
        city = focus.place if focus else self.last_city
        if new or sentence.heading or city is None or (city.population or 0) < QUARTERED_CITY_MIN:
            return []
        for info in infos:
            if not {c.kind for c in info.event_cues} & {*STRIKE_KINDS, "explosion"}:
                continue
            match = _UNKNOWN_QUARTER.search(info.clause.text)
            if match is None or geo.place(match.group(1), None, self.geo_context()) is not None:
                continue
            start, end = info.clause.start + match.start(1), info.clause.start + match.end(1)
            reason = f"site: the {match.group(1)} district, a quarter of {city.name} in focus"
            mention = places.Mention(match.group(1), start, end, sentence.index, role="site", reason=reason, clause=info.clause)
            event_type = self.event_type(info, sentence, {c.kind for c in info.event_cues})
            return [Finding(event_type, city, sentence, city.name, start, end, _nearest_cue(info, mention, event_type), reason)]
        return []

    def event_type(self, info: places.ClauseInfo, sentence: Sentence, kinds: set[str]) -> str:
        if "interception" in kinds and "casualty" in kinds and _nobody_hurt(info):
            kinds = kinds - {"casualty"}  # "shot down two drones over Gryazi and no one was hurt": nothing struck
        if "interception" in kinds and kinds & set(STRIKE_KINDS) <= {"debris"}:
            return "interception"  # "shot down over the district, debris fell in a field": nothing struck
        if kinds & {*STRIKE_KINDS, "explosion"} == {"debris"} and _slavic_debris(info) and self._downed_just_before(sentence):
            return "interception"  # "Над Гомельской областью сбит БПЛА. Обломки упали в районе Мозыря.": nothing struck
        if kinds & {*STRIKE_KINDS, "explosion"} == {"debris"} and cues.has("no_damage", sentence.text):
            return "interception"  # "Debris fell in an open field in the Lipetsk district; there is no damage": nothing struck
        if "interception" in kinds and _only_attack_nouns(info):
            return "interception"  # "attacks on X were repelled", "destroyed 30 drones in an attack on X"
        if "interception" in kinds and kinds & set(STRIKE_KINDS) <= {"strike"} and _ALL_DOWNED.search(info.clause.text):
            return "interception"  # "атакував Хмельниччину дронами, однак усі сім БпЛА були збиті": nothing got through
        if kinds & set(STRIKE_KINDS) and _only_attack_nouns(info) and _ALL_DOWNED_EN.search(sentence.text):
            return "interception"  # "Russia attempted a massive attack on Kyiv; all 40 drones were shot down"
        if "interception" in kinds and kinds & set(STRIKE_KINDS) <= {"strike"} and _DOWNED_THAT_ATTACKED.search(info.clause.text):
            return "interception"  # "збито 17 із 25 дронів, що атакували Одещину": where the downed drones flew, not a strike
        if kinds == {"explosion"} and cues.has("air_defence", sentence.text):
            return "interception"  # "Жители Курчатова проснулись от хлопков — по городу работала ПВО"
        if "explosion" in kinds and _only_shaken(info):
            return "explosion"  # "explosions rocked Odesa"
        if kinds & set(STRIKE_KINDS):
            weapon = cues.weapon_of(info.clause.text) or cues.weapon_of(sentence.text)
            if weapon is None and any(_SHELLING.match(c.text) for c in info.event_cues if c.kind in STRIKE_KINDS):
                return "strike"  # "в результате обстрела Киевского района Донецка": shelling, not the story's drones
            return _WEAPON_TYPE[weapon] if weapon else self._story_strike(sentence)
        if "interception" in kinds:
            return "interception"
        if "explosion" in kinds:
            return "explosion"
        return "other"
