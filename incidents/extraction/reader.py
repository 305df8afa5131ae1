"""One pass over an article's sentences: clauses read, place mentions classified, sites and their facts collected."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from incidents.extraction import claims, cues, dates, geo, language, places, site_roles
from incidents.extraction.drafts import build_drafts
from incidents.extraction.findings import Draft, Finding
from incidents.extraction.reader_airports import AirportReading, closed_airport_cues
from incidents.extraction.reader_days import DayReading
from incidents.extraction.reader_facts import PLAIN_WORDS, FactCollecting, hearsay, town_abroad
from incidents.extraction.reader_places import PlaceResolving, officials_regions
from incidents.extraction.reader_sites import STRIKE_KINDS, SiteReading, second_reference
from incidents.extraction.sentences import Sentence, split_clauses, split_sentences

# "Хмельницька ОВА", "у Хмельницькій ОВА", "Одеської ОДА": the region's administration (not a city's, МВА)
_OBLAST_ADMINISTRATION = re.compile(r"\s+(?:ОВА|ОДА|обласн\w+\s+(?:військов\w+\s+|державн\w+\s+)?адміністрац\w*)(?![\w-])")
_REGION_ADJECTIVE_KEYS = ("ska", "skaia", "skaya", "region", "oblast", "shchyna")  # "Харківська", "Брянская", "Kursk region"


# "..., and at the airports of Tambov and Yaroslavl": a clause of only more places for the event of the clause before.
_AND_PLACE = re.compile(r"(?:and|as well as)\s+(?:also\s+)?(?:at|in|over|near|on)\s+[^,;.]{0,80}(?:,[^,;.]{0,40})?[.\s]*$",
                        re.IGNORECASE)  # (a short tail after a comma: ", the ministry said", ", to ensure flight safety")


# One item of a region list told in its own sentence: a count, a dash and "over/над <place>" ("26 — над территорией …"),
# or a bulleted count with no dash after it ("— 20 над территорией …,", "• 12 over the Bryansk region"); the count
# also in words ("Три БпЛА — над территорией …", "Один БпЛА — над …").
# The weapons' noun may stand between the count and the place ("— 21 UAVs over the territory of …", "• 17 БПЛА над …").
_ITEM_NOUN = (r"(?:(?:UAVs?|drones?|missiles?|unmanned aerial vehicles|БПЛА|БпЛА|беспилотник\w*|безпілотник\w*|дрон\w*|"
              r"ракет\w*)\s+)?")
_LIST_ITEM = re.compile(rf"[\W_]*(?:\d[\d,]*\s*|(?:{PLAIN_WORDS})\s+){_ITEM_NOUN}(?:[—–-]\s+)?(?:over|above|над|в|у|на)\s", re.IGNORECASE)
# Or the place first and its count after it, one per line ("Харківщина: 14", "Sumy region – 9").
_COUNT_ITEM = re.compile(r"[\W_]*(?:(?:в|у|над)\s+)?[^\W\d_][\w'’-]*(?:\s+[\w'’-]+)?\s*[—–:-]\s*\d[\d,]*\s*[.;,]?\s*$",
                         re.IGNORECASE)


# Or several such items in one line ("На Волині — 12 ракет, на Рівненщині — 9, …"): place, dash, count, comma, again.
_PLACE_COUNT = r"(?:(?:в|у|на|над|over|in)\s+)?[^\W\d_][\w'’-]*(?:\s+[\w'’-]+)?\s*[—–:-]\s*\d[\d,]*"
_COUNT_ITEMS = re.compile(rf"[\W_]*{_PLACE_COUNT}(?:\s+[^\W\d_][\w'’-]*)?\s*[,;]\s*{_PLACE_COUNT}", re.IGNORECASE)


# A bulleted line ("▪️ аеродром …", "• НПЗ у …", "1) …"), an item of the list a line ending with a colon opened.
_BULLET = re.compile(r"\s*(?:[▪▫◾◽■□•●◦‣⁃🔸🔹🔶🔷🔺🔻➖✅❗⚡-]\ufe0f?|\d{1,2}[.)])\s*", re.IGNORECASE)


def _list_item(text: str) -> bool:
    return bool(_LIST_ITEM.match(text) or _COUNT_ITEM.match(text) or _COUNT_ITEMS.match(text))


# "The bases were Belaya ...", "The source named the airfields as Morozovsk ...", "The targets included ...": a sentence
# that names the sites of the strike told in the sentence before.
_NAMED_TARGETS = re.compile(r"\s*(?:the\s+)?(?:(?:source|official|statement|ministry|[\w-]+)\s+named\s+the\s+)?"
                            r"(?:air\s?bases|airfields|bases|targets|sites|facilities)\s+(?:(?:hit|struck|attacked|targeted)\s+)?"
                            r"(?:were|included|as)\b", re.IGNORECASE)


class Reader(PlaceResolving, AirportReading, DayReading, SiteReading, FactCollecting):
    """One pass over the sentences of an article, collecting findings and the facts that attach to them."""

    def __init__(self, body: str, published: date | None) -> None:
        self.body = body
        self.published = published
        self.sentences = split_sentences(body)
        self.lower_words = frozenset(re.findall(r"\b[a-z][\w'’-]*", body))
        self.pipelines = frozenset(geo.key(m.group(1)) for m in _PIPELINE.finditer(body))  # "the Druzhba pipeline"
        self.weapon = _dominant_weapon(body)
        self.findings: list[Finding] = []
        self.by_key: dict[str, Finding] = {}  # the last non-airport finding per place key
        self.rejections: list[tuple[dict[str, Any], str]] = []  # (a mention not taken, its sentence): see rejected
        self.context: list[Any] = []
        self.surnames: set[str] = set()  # names read as part of a person's name ("Андрій Садовий") earlier in the article
        self.in_context: set[Any] = set()  # the same places, for a membership test that does not grow with the article
        self.context_key: tuple[int, tuple] = (0, ())  # geo.context_of(self.context) and the length it was read at
        self.attachments: list[tuple[str, Sentence, Any]] = []  # (kind, sentence, payload) resolved after grouping
        self.current_day: tuple[date, Sentence, tuple[int, int], str] | None = None
        self.current_end: tuple[date, Sentence, tuple[int, int]] | None = None  # the last day of a span of days
        self.pending: list[Finding] = []  # findings waiting for a later date
        self.claims: list[tuple[list[str], claims.DistanceClaim, Any, Sentence]] = []  # (subject keys nearest first, ...)
        self.focus: list[Finding] = []  # strike findings in reading order
        self.last_event: tuple[Sentence, bool] | None = None  # the previous sentence and whether it reported an event
        self.last_event_index: int | None = None  # the index of the last sentence that reported an event
        self.last_city: Any = None  # the city named last (for "the city", "the capital")
        self.last_city_at = -1  # where it was named
        self.city_before: Any = None  # the city named last before the sentence being read
        self.last_city_hearsay = False  # the city named last was named only in hearsay ("channels claimed ...")
        self.last_region: Any = None  # the region named last (for "shot down over the region")
        self.last_region_at = -1  # the index of the sentence that named it
        for region in officials_regions(body):  # "Олег Синєгубов | Telegram … Золочів": Zolochiv of the Kharkiv region
            self._remember(region)
            self.last_region = self.last_region or region  # the region its head speaks for, as "Харківська ОВА" sets it
        self.last_sites: list[Finding] = []  # the sites of the last sentence that named any (for "No one was killed.")
        self.retracted: set[int] = set()  # findings a later sentence retracts ("officials called these reports untrue")
        self.district_towns: set[int] = set()  # where a district's adjective was read as its own town ("над Лискинским")
        self.list_cues: tuple[cues.Cue, ...] = ()  # the interception cues of the sentence before (a list may follow it)
        self.label: places.Mention | None = None  # a place alone heading its line ("Шебекино. Дрон ударил ...")
        self.attempted: places.Mention | None = None  # the target of an attempted attack told just before
        self.stamp: tuple[Sentence, list] | None = None  # a live-blog entry's time alone on its line, for the entry below
        self.strike_cues: tuple[cues.Cue, ...] = ()  # the strike cues of the sentence before ("The bases were X, Y")
        self.airport_cues: tuple[cues.Cue, ...] = ()  # the restriction cues of the sentence before ("В перечень вошли аэропорты")
        self.bullet_cues: tuple[cues.Cue, ...] = ()  # the strike cues of a line ending with a colon, for the bullets below
        self.abroad_at = -1  # the last sentence naming a town abroad and no site ("A jet crashed near Aktau")
        # what the previous sentence told of an earlier time: its last clause's history reason, or a note that one of
        # its clauses told an earlier day ("Того ж ранку …", "Тогда же …" right after it go on with that time)
        self.history_before: str | None = None
        self.report_denied: int | None = None  # the last sentence denying a report ("опровергли сообщения о …")
        self.reports_disputed: bool | None = None  # the article disputes what was reported (read once, when asked)

    def run(self) -> None:
        for sentence in self.sentences:
            self.read(sentence)
        title = self._title_telling_event() if not self.findings else None
        if title is not None:  # "Дрон атакував Шостку: загинула жінка" over a body that never names the town again:
            self.__init__(self.body, self.published)  # read again with the title as the first sentence of the body
            self.sentences[title.index] = replace(self.sentences[title.index], heading=False)
            for sentence in self.sentences:
                self.read(sentence)
        for finding in self.pending:
            self._default_day(finding)

    def _title_telling_event(self) -> Sentence | None:
        """The article's title (a heading before the first sentence of the body) when it tells an event with a
        casualty, strike or explosion word, for an article whose body tells an event but found no site of its own."""
        title = None
        for sentence in self.sentences:
            if not sentence.heading and (cues.tells_event(sentence.text) or not _MENU_LINE.search(sentence.text)):
                break  # a page's menu line above the headline ("Subscribe | Donate | Русская версия") is passed over
            if sentence.heading and cues.tells_event(sentence.text) and any(cues.has(name, sentence.text) for name in ("casualty", "strike", "explosion", "damage")):
                title = sentence
                break
        body = [s for s in self.sentences if not s.heading]
        return title if title is not None and (not body or any(cues.tells_event(s.text) for s in body)) else None

    def read(self, sentence: Sentence) -> None:
        infos = self.clause_infos(sentence)
        mentions = places.find_mentions(sentence, self.lower_words)
        for mention in mentions if self.pipelines else ():
            if not mention.reason and geo.key(mention.text) in self.pipelines:
                mention.reason = "names a pipeline the article writes as one (the Druzhba pipeline), not a town"
        found_claims = sorted(claims.find_claims(sentence.text) + claims.find_betweens(sentence.text), key=lambda c: c.start)
        refs = [self._reference_start(sentence, mentions, c) for c in found_claims]
        seconds = [second_reference(sentence, mentions, r) for c, r in zip(found_claims, refs) if c.between]
        site_roles.classify(sentence, infos, mentions, [r.start if isinstance(r, places.Mention) else r for r in refs + seconds
                                                     if r is not None])
        named_before = self.city_before = self.last_city
        self._learn_context(mentions)
        self._learn_officials(sentence)
        if self.last_city is not named_before:  # a city named only in hearsay owns no district told later
            self.last_city_hearsay = hearsay(sentence)
        new = self.sites(sentence, infos, mentions) if not sentence.heading else []
        new += self.distance_sites(sentence, infos, mentions, found_claims, refs, new)
        new += self.city_references(sentence, infos, new, mentions)
        new += self.unknown_quarters(sentence, infos, new)
        new += self.focus_airports(sentence, infos, new)
        new += self.city_airports(sentence, new)
        new += self.general_airports(sentence, infos, mentions, new)
        new += self.labelled_sites(sentence, infos, mentions, new)
        here = _attempted_target(sentence, mentions) if self.attempted is None and not new else None
        new += self.attempted_sites(sentence, infos, new, here)
        self.attempted = _attempted_target(sentence, mentions) if not new else None
        if not new:
            self._weapon_told_after(sentence, infos)
            self._all_downed_after(sentence, infos)
        self.date_findings(sentence, infos, new)
        self.findings += new
        self.by_key.update((geo.key(f.mention_text), f) for f in new if not f.is_airport)
        self.focus += [f for f in new if f.event_type not in ("airspace_restriction",)]
        self.rejections += [self._rejected(sentence, m) for m in mentions if m.role != "site"]
        self.collect(sentence, infos, mentions, new, found_claims, refs)
        self.last_sites = [f for f in new if not f.is_airport] or self.last_sites
        if not new and any(town_abroad(m) for m in mentions):
            self.abroad_at = sentence.index

    def clause_infos(self, sentence: Sentence) -> list[places.ClauseInfo]:
        out: list[places.ClauseInfo] = []
        inherited: tuple[int, str] | None = None
        carried = self.history_before if self.history_before and (
            _SAME_TIME.match(sentence.text) or _goes_on_with_strikes(sentence.text, self.published)) else None
        for clause in split_clauses(sentence):
            start, reason = _history(clause.text, self.published)
            if start is None and out and _recap_opener(out[-1].clause.text):
                joined, reason = _history(f"{out[-1].clause.text} {clause.text}", self.published)
                start = None if joined is None else 0  # "Як відомо, | у вересні ЗСУ вже завдавали ударів по …"
            if start is None and carried and not out:
                start, reason = 0, carried
            if start is None and inherited and (clause.relative or _THEN.match(clause.text) or _bare_time(out[-1])):
                start, reason = 0, inherited[1]
            historical = None if start is None else clause.start + start
            inherited = (historical, reason) if historical is not None else None
            limit = len(clause.text) if start is None else start
            found = tuple(c for c in cues.find_cues(clause.text[:limit]))
            if historical is None:  # "Росавиация закрыла Шереметьево": no word "airport"
                found += tuple(c for c in closed_airport_cues(clause.text[:limit]) if c not in found)
            if not found and historical is None and out and _AND_PLACE.match(clause.text) and out[-1].historical_from is None:
                found = out[-1].event_cues  # "restrictions were introduced at Grabtsevo, and at the airports of Tambov"
            if not found and historical is None and out and _PLACE_PHRASE_CLAUSE.fullmatch(clause.text):
                # "Дрон атаковал автобус, перевозивший рабочих, в Шебекине": the place phrase after a participle's aside
                found = next((i.event_cues for i in reversed(out) if i.event_cues and i.historical_from is None), ())
            if not found and historical is None and out and _tells_of_the_attack_named(out[-1], clause):
                found = out[-1].event_cues  # "condemned the missile attack, which killed 14 people in Kyiv"
            if not found and historical is None and out and _locates_the_struck(out[-1], clause):
                found = out[-1].event_cues  # "hit the Kropotkinskaya station, which lies near the town of Kropotkin"
            if not found and historical is None and out and _after_a_cue_head(out[-1], clause):
                found = out[-1].event_cues  # "Падіння уламків — у Сарненському районі, у лісовому масиві"
            if not found and historical is None and out and out[-1].event_cues and _APPOSED_AREA.fullmatch(clause.text):
                found = out[-1].event_cues  # "Також атакували Синельниківський район — Межівську громаду."
            if not found and historical is None and out and _continues_list(sentence, clause, out[-1]):
                found = tuple(c for c in out[-1].event_cues if c.kind in ("interception", *STRIKE_KINDS, "explosion"))
            if not found and historical is None and _AIRPORTS_NAMED.search(clause.text) and not _ALTERNATE.search(clause.text):
                found = self.airport_cues or _airport_head_cues(self.sentences, sentence)  # "В перечень вошли аэропорты X, Y"
            if not found and historical is None and self.list_cues and _list_item(sentence.text):
                found = self.list_cues  # '"26 — над территорией Брянской области, 19 — …", — говорится в сообщении'
            if (historical is None and self.bullet_cues and _BULLET.match(sentence.text)
                    and all(c.kind == "damage" for c in found) and not _RUNS_AS_USUAL.search(sentence.text)):  # "• Рязанський НПЗ — зафіксовано пожежу": a consequence
                found = self.bullet_cues + found  # "Уражено:" then "▪️ аеродром «Шайківка» (Калузька обл.) — …", one site a line
            named = _NAMED_TARGETS.match(clause.text) if not found and historical is None and self.strike_cues else None
            if named:  # "... hit 41 aircraft at four bases. The bases were Belaya, Olenya ...": the strike told before
                found = tuple(cues.Cue(c.kind, named.group(0).strip(), named.start(), named.end()) for c in self.strike_cues[:1])
            out.append(places.ClauseInfo(clause, historical, found, reason))
        self.strike_cues = tuple(c for i in out if i.historical_from is None for c in i.event_cues if c.kind in STRIKE_KINDS)
        self.airport_cues = tuple(c for i in out if i.historical_from is None for c in i.event_cues if c.kind == "restriction")
        self.history_before = _history_told(out)
        self.bullet_cues = self.strike_cues if sentence.text.rstrip().endswith(":") else (
            self.bullet_cues if _BULLET.match(sentence.text) else ())
        self.list_cues = tuple(c for i in out for c in i.event_cues if c.kind == "interception") or (
            self.list_cues if _list_item(sentence.text) or sentence.text.rstrip().endswith(":") else ())
        # "Videos showed bombers burning at ...", "Прилёты: Курчатов, Льгов. Повреждены ЛЭП.": damage right after a strike
        in_story = self._follows_event(sentence) and (self.weapon is not None or self._sites_just_before(sentence))
        return out if in_story or _war_context(sentence.text, out) else [_without_consequences(i) for i in out]

    def _reference_start(self, sentence: Sentence, mentions: list[places.Mention], claim: claims.DistanceClaim) -> int | None:
        at = sentence.start + claim.reference_at
        for mention in mentions:
            if mention.start >= at and (mention.start - at <= 5 or _REFERENCE_LEAD.fullmatch(self.body, at, mention.start)):
                return mention.start
        return None

    def _learn_context(self, mentions: list[places.Mention]) -> None:
        for mention in mentions:
            if (mention.reason.startswith(("part of a longer name", "two names side by side"))
                    and _FIRST_NAME_BEFORE.search(self.body, max(0, mention.start - 30), mention.start)):
                self.surnames.add(mention.text.lower())  # "Андрій Садовий закликає …": Садовий is a person in this article
            if mention.reason.startswith(("part of", "not a place", "a common", "an abbreviation", "retracted", "an adjective", "a street")):
                continue
            # a region named in the title or by its administration ("Харківської ОВА") still sets the region in focus
            region_only = mention.reason.startswith(("in a heading", "two names"))
            hint = "region" if region_only and _OBLAST_ADMINISTRATION.match(self.body, mention.end) else mention.hint
            if region_only and hint != "region" and not geo.key(mention.text).endswith(_REGION_ADJECTIVE_KEYS):
                continue
            found = geo.place(mention.text, hint, self.geo_context())
            if found is not None and found.kind == "region" and mention.hint != "district":
                self.last_region, self.last_region_at = found, mention.sentence
            if region_only:
                if found is not None and found.kind == "region" and found not in self.in_context:
                    self._remember(found)
                continue
            if found is not None and found.kind in ("country", "region") and found not in self.in_context:
                self._remember(found)
            if found is not None and found.kind == "city" and _NEAR_BEFORE.search(self.body, max(0, mention.start - 30), mention.start):
                self._remember_region_of(found)  # "Неподалік Куп'янська, у селі Петропавлівка": the village near it
            if (found is not None and found.kind == "city" and mention.hint != "district"
                    and not mention.reason.startswith(("two names", "historical"))):
                self.last_city, self.last_city_at = found, mention.start

    def geo_context(self) -> tuple:
        """geo.context_of(self.context), read again only when a place was remembered since (not for every name)."""
        if self.context_key[0] != len(self.context):
            self.context_key = (len(self.context), geo.context_of(self.context))
        return self.context_key[1]

    def _remember_region_of(self, city: Any) -> None:
        region = geo.region_of(city)
        if region is not None and region not in self.in_context:
            self._remember(region)

    def _remember(self, place: Any) -> None:
        self.context.append(place)
        self.in_context.add(place)

    def _rejected(self, sentence: Sentence, mention: places.Mention) -> tuple[dict[str, Any], str]:
        return ({"text": mention.text, "start": mention.start, "end": mention.end, "sentence": sentence.text,
                 "reason": mention.reason or "not an incident site"}, sentence.text)

    @property
    def rejected(self) -> list[dict[str, Any]]:
        """The mentions not taken as sites, each with its sentence's language: read only when asked (--explain), not
        for every article extracted."""
        return [{"text": item["text"], "start": item["start"], "end": item["end"], "sentence": item["sentence"],
                 "language": language.detect(text), "reason": item["reason"]} for item, text in self.rejections]

    def drafts(self) -> list[Draft]:
        """The incident drafts of this article (call after run())."""
        kept = [f for f in self.findings if id(f) not in self.retracted]
        return build_drafts(kept, self.attachments, self.claims)


def _attempted_target(sentence: Sentence, mentions: list[places.Mention]) -> places.Mention | None:
    """The place an attempted attack was aimed at ("предпринял попытку атаки беспилотников на Морозовский район"): the
    first place named after the attempt in a place phrase (на/по/в), when the sentence found no site; else None."""
    attempt = cues.pattern("attempted").search(sentence.text) or _ATTEMPT_VERB.search(sentence.text)
    if attempt is None:
        return None
    at = sentence.start + attempt.start()
    for mention in mentions:
        before = sentence.text[:mention.start - sentence.start]
        object_of_verb = attempt.end() <= mention.start - sentence.start and _OBJECT_GAP.fullmatch(
            sentence.text, attempt.end(), mention.start - sentence.start)  # "ВСУ попытались атаковать Энгельс"
        if mention.start > at and mention.reason.startswith(("no event cue", "not in a site position")) and (
                _AIMED_AT.search(before) or object_of_verb):
            return mention
    return None


# "ВСУ попытались атаковать Энгельс", "враг пытался ударить по Рыльску", "drones tried to attack the Kstovo refinery":
# an attempt told by its verb.
_ATTEMPT_VERB = re.compile(r"(?<![\w-])(?:(?:пыта|попыта)\w* (?:[\w-]+ ){0,2}?(?:атаковать|ударить|поразить|нанести удар)"
                           r"|(?:намага|спробува)\w* (?:[\w'’-]+ ){0,2}?(?:атакувати|вдарити|уразити|завдати удар\w*)"
                           r"|(?:tried|tries|trying|attempted|attempting) to (?:attack|strike|hit|target))", re.IGNORECASE)
_OBJECT_GAP = re.compile(r"\s+(?:the\s+)?(?:[а-яёіїєґ-]+\s+){0,2}", re.IGNORECASE)  # "атаковать (объекты в) Энгельс"
_AIMED_AT = re.compile(r"(?<![\w-])(?:на|по|в|во|on|at)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# "… — в Киевской, Житомирской и Полтавской областях": a list of places after one preposition, too.
_PLACE_PHRASE_CLAUSE = re.compile(r"(?:в|во|у|над|под|возле|около|біля|поблизу)\s+(?-i:[А-ЯЁІЇЄҐ])[^,;:]{0,60}?"
                                  r"(?:,\s*(?-i:[А-ЯЁІЇЄҐ])[^,;:]{0,60}?){0,8}[.!]?\s*", re.IGNORECASE)
# "8 липня 2024 року ракета влучила в лікарню. Того ж ранку ракети влучили у Дніпрі", "… впервые базу атаковали в
# декабре 2022 года. Тогда же удар пришёлся по Дягилево": a sentence opening on the time of the earlier day the sentence
# before told (or going on with it: "Тоді загинули …") is that day's, not this report's.
_SAME_TIME = re.compile(r"\W*((?:того\s+ж(?:е)?|тієї\s+ж|той\s+же|тем\s+же|в\s+тот\s+же|у\s+той\s+же|в\s+той\s+же)\s+"
                        r"(?:дня|день|ранку|утра|утром|вечора|вечера|вечером|ночі|ночью|ночи|тижня|недели|разу|раз)|"
                        r"в\s+тот\s+(?:день|раз)|в\s+ту\s+же\s+ночь|(?:the|that)\s+same\s+(?:day|night|morning|evening)|"
                        r"later\s+that\s+day|at\s+(?:the|that)\s+time|тоді|тогда|then)(?![\w-])", re.IGNORECASE)
# "В январе дроны атаковали Рязанский НПЗ. Под ударом оказались и самарские заводы …": strike words, then "и"/"также"
# before the next words, adding places to the strikes the sentence before told (of the earlier time it named).
_ALSO_STRUCK = re.compile(r"\W*((?:[\w-]+\s+){1,3}?)(?:(?:и|і)\s+(?-i:[a-zа-яёіїєґ])|(?:также|тоже|також|теж)\s)", re.IGNORECASE)


def _goes_on_with_strikes(text: str, published: date | None) -> bool:
    """True when a sentence opens on strike words and an 'also' ("Под ударом оказались и …", "Атакованы были также …")
    and names no day or time of its own: it adds to the strikes told just before, at their time."""
    also = _ALSO_STRUCK.match(text)
    if also is None or not any(c.kind in STRIKE_KINDS for c in cues.find_cues(also.group(1))):
        return False
    return not dates.find_dates(text, published) and not _TIME_OF_DAY.search(text)


_TIME_OF_DAY = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(cues.lexicon()["time_words"], key=len, reverse=True)) + r")(?![\w-])",
                          re.IGNORECASE)
_EARLIER_DAY = ("a year or month before publication", "a recap of an earlier day", "an earlier period", "historical comparison",
                "the same time as")
# "…; тогда погибли 15 человек", "and 19 were hurt": a clause going on with the earlier event just told.
_THEN = re.compile(r"(?:and|or|then|тогда|тоді|в тот раз|того разу)(?![\w-])", re.IGNORECASE)


def _history_told(infos: list[places.ClauseInfo]) -> str | None:
    """What a sentence told of an earlier time, for a sentence opening on 'the same day' after it: its last clause's
    history reason, else a note when one of its clauses told an earlier day, else None."""
    if infos and infos[-1].historical_from is not None:
        return infos[-1].history_reason
    if any(i.historical_from is not None and i.history_reason.startswith(_EARLIER_DAY) for i in infos):
        return "the same time as the earlier day told before"
    return None


# "В перечень вошли аэропорты Геленджика, Краснодара", "Аэропорты Саратова (Гагарин), Тамбова (Донское).", "the airports of
# Kaluga and Tambov": airports named by their towns, in a clause telling nothing of its own about them.
_AIRPORTS_NAMED = re.compile(r"(?<![\w-])(?:аэропорт|аеропорт)(?:ы|ов|ах|ам|и|ів|ам)\s+[«\"„“]?(?-i:[А-ЯЁІЇЄҐ])"
                             r"|\bairports\s+(?:of\s+|in\s+)?(?-i:[A-Z])", re.IGNORECASE)
# "рекомендует использовать аэропорты Сочи", "flights were diverted to the airports of", "работают в штатном режиме":
# airports open for use, not restricted.
_ALTERNATE = re.compile(r"(?<![\w-])(?:рекоменд|использ|запасн|перенаправ|совет|вместо|через|радят|використ|резервн|замість|"
                        r"alternat|divert|recommend|advise|instead|via|use\s+the\s+airports|штатн|расписани|продолжа|работа|працю|розклад|operat|normal|schedul)\w*", re.IGNORECASE)
# "«Аэропорты Саратова (Гагарин), Тамбова (Донское).": Rosaviatsia's head naming the airports, its notice in the next sentence.
_AIRPORT_HEAD = re.compile(r"[«\"„“]?(?:аэропорт|аеропорт|airport)\w*\s+[^.!?;:]{2,160}[.:]\s*", re.IGNORECASE)


# "▪️The Sochi airport continues to dispatch and receive flights", "аэропорт работает в штатном режиме": what goes on as
# usual is no event of the list it is a line of.
_RUNS_AS_USUAL = re.compile(r"(?<![\w-])(?:continu\w*\s+to\s+(?:operate|work|function|dispatch|receive|accept|serve|handle)"
                            r"|keeps?\s+(?:operating|working|receiving|dispatching|accepting|serving|handling)"
                            r"|operat\w*\s+(?:normally|as\s+usual)|as\s+(?:usual|normal)|продолжа\w*\s+(?:работ|функционир|принима|"
                            r"обслужива|отправля)|работа\w*\s+(?:штатно|в\s+штатном)|в\s+штатном\s+режиме|продовжу\w*\s+"
                            r"(?:робот|працю|прийма|обслугов|відправля)|працю\w*\s+(?:штатно|у\s+штатному|в\s+штатному)"
                            r"|у\s+штатному\s+режимі)", re.IGNORECASE)


def _airport_head_cues(sentences: list[Sentence], sentence: Sentence) -> tuple[cues.Cue, ...]:
    """The restriction cues opening the sentence after a head line of airports ("Аэропорты Саратова (Гагарин), Тамбова
    (Донское). Введены временные ограничения ..."), or none."""
    following = sentences[sentence.index + 1] if sentence.index + 1 < len(sentences) else None
    if (following is None or not _AIRPORT_HEAD.fullmatch(sentence.text) or cues.find_cues(sentence.text)
            or _ALTERNATE.search(sentence.text)):
        return ()
    told = [c for c in cues.find_cues(following.text) if c.kind == "restriction"]
    return tuple(told) if told and told[0].start <= 12 else ()


def _recap_opener(text: str) -> bool:
    """'Нагадаємо,', 'Як відомо,', 'Напомним,': a clause of only a recap word, opening the clause after it."""
    words = text.strip(" ,:;—–-")
    recap = cues.has("recap", words)
    return recap is not None and recap.start() == 0 and recap.end() == len(words)


# "…, which lies near the town of Kropotkin", "…, that is located outside Minsk": where the object just struck lies.
_LOCATED_RELATIVE = re.compile(r"(?:which|that)\s+(?:lies|lay|is\s+located|was\s+located|is\s+situated|sits|stands)\s+"
                               r"(?:just\s+|right\s+)?(?:near|in|outside|on\s+the\s+outskirts\s+of|close\s+to|next\s+to)\s", re.IGNORECASE)


# "…, which killed 14 people in Kyiv", "…, that injured three in Sumy": what the attack the clause before named did.
_ATTACK_DID = re.compile(r"(?:which|that)\s+(?:also\s+)?(?:killed|injured|wounded|hurt|damaged|destroyed|hit|struck|left)\s", re.IGNORECASE)


def _tells_of_the_attack_named(previous: places.ClauseInfo, clause: Any) -> bool:
    """A relative clause telling what an attack did, right after the strike noun ending the clause before."""
    if not (clause.relative and previous.historical_from is None and _ATTACK_DID.match(clause.text)):
        return False
    last = max(previous.event_cues, key=lambda c: c.end, default=None)
    return (last is not None and cues.is_strike_noun(last)
            and not previous.clause.text[last.end:].strip(" ,;:—–-"))


def _locates_the_struck(previous: places.ClauseInfo, clause: Any) -> bool:
    """A relative clause telling where the object a strike clause just named lies: that strike's place."""
    return (clause.relative and previous.historical_from is None and _LOCATED_RELATIVE.match(clause.text) is not None
            and any(c.kind in (*STRIKE_KINDS, "explosion") for c in previous.event_cues))


def _after_a_cue_head(previous: places.ClauseInfo, clause: Any) -> bool:
    """'Падіння уламків — у Сарненському районі, у лісовому масиві', 'Влучання — в адмінбудівлю в Полтаві, є поранені': a
    clause opening on a place phrase after a clause of only a few words that name the event (its head before a dash)."""
    return (bool(previous.event_cues) and previous.historical_from is None and len(previous.clause.text.split()) <= 3
            and _PLACE_PHRASE_OPENING.match(clause.text) is not None)


# A clause of only a community's or district's adjective and its noun, in apposition to the area the clause before named.
_APPOSED_AREA = re.compile(r"(?-i:[А-ЯЁІЇЄҐ])[\w'’-]+(?:ськ|цьк|зьк|ск|цк)\w*\s+(?:громад|район|округ)\w*[.!;]?\s*", re.IGNORECASE)
_PLACE_PHRASE_OPENING = re.compile(r"(?:в|во|у|над|под|біля|поблизу|неподалік|на)\s+(?:[а-яёіїєґ'’-]+\s+){0,2}?(?-i:[А-ЯЁІЇЄҐ])", re.IGNORECASE)


def _bare_time(info: places.ClauseInfo) -> bool:
    """'Ранее, в декабре 2022 года, дроны атаковали …', 'In March 2024, drones hit …': a clause that is only an earlier
    time, historical from its start, dates the clause after it."""
    text = info.clause.text
    return (info.historical_from == info.clause.start and not info.event_cues and len(text.split()) <= 5
            and not cues.find_cues(text))


# "Неподалік Куп'янська", "поблизу Ізюма", "недалеко от Курска", "near Kupiansk": a town named to say where a place lies.
_NEAR_BEFORE = re.compile(r"(?<![\w-])(?:неподалік|неподалеку|поблизу|недалеко від|недалеко от|вблизи|near|outside)\s+$", re.IGNORECASE)


def _continues_list(sentence: Sentence, clause: Any, previous: places.ClauseInfo) -> bool:
    """'Destroyed 43 drones: 18 over the Bryansk region, 11 over ...': an item of a list a colon opened, told by the
    event words of the clause before it (the list's items carry only a count and a place)."""
    colon = sentence.text.find(":")
    before = sentence.text[max(0, clause.start - sentence.start - 20):clause.start - sentence.start]
    opened = ((0 <= colon < clause.start - sentence.start and _list_item_shape(clause.text)) or _PARTITIVE.match(clause.text)  # "…, из них 20 — над …"
              or _COUNT_DASH_BEFORE.search(before) or _COUNT_OPENS.match(clause.text) or _ELLIPTIC_COUNT.match(clause.text))
    return (bool(previous.event_cues) and bool(opened)
            and previous.historical_from is None and len(clause.text) <= 160)


def _list_item_shape(text: str) -> bool:
    """An item of a list a colon opened: a few words, a lower-case start, or a count, a preposition or 'and' ("18 over the
    Bryansk region", "пункту управління БпЛА"); not a clause of its own ("Russia claims capture of a village near Pokrovsk")."""
    return len(text.split()) <= 5 or not text.lstrip()[:1].isupper() or _ITEM_OPENING.match(text) is not None


_ITEM_OPENING = re.compile(rf"\W*(?:(?:and|і|й|та|и|а)\s+)?(?:\d|(?:{PLAIN_WORDS})(?![\w-])|(?:over|above|in|near|at|on|над|в|во|у|на|под|біля|по)\s)",
                           re.IGNORECASE)


# "…, 11 — над …", "…, семь — над …", "по одному — над …": a list item's count and dash just before the clause.
_COUNT_DASH_BEFORE = re.compile(rf"(?:(?<![\d.:])\d[\d,]*|(?<![\w-])(?:по\s+)?(?:{PLAIN_WORDS}))\s*[—–-]\s*$", re.IGNORECASE)
# "над Житомирщиною — 6, над Вінниччиною — 5": the clause after a dash opens with the count of the item before it.
_COUNT_OPENS = re.compile(rf"(?:\d[\d,]*|(?:{PLAIN_WORDS}))\s*[,;]\s+(?:(?:і|й|та|и|and)\s+)?(?:над|у|в|на|по|over|in)\s", re.IGNORECASE)
# "24 drones were destroyed over the Kursk region, and four over the Voronezh region": a count and a place, the verb left out.
_ELLIPTIC_COUNT = re.compile(rf"(?:(?:and|і|й|та|и)\s+)?(?:another\s+|a further\s+|ещё\s+|ще\s+)?(?:\d[\d,]*|(?:{PLAIN_WORDS}))\s+"
                             rf"(?:more\s+)?{_ITEM_NOUN}(?:over|above|in|near|над)\s", re.IGNORECASE)
_PARTITIVE = re.compile(r"\s*(?:из них|из которых|в том числе|з них|з яких|у тому числі|із них)(?![\w-])", re.IGNORECASE)


def _is_consequence(cue: cues.Cue) -> bool:
    """Damage and fire words ("damaged", "caught fire"): events of war only where a weapon or an attack is named."""
    return cue.kind == "damage" or (cue.kind == "strike" and cue.text.lower() in ("damaged", "damaging"))


def _war_context(text: str, infos: list[places.ClauseInfo]) -> bool:
    """True when the sentence names a weapon or has an event cue other than damage ("forest fires are burning": no)."""
    return cues.weapon_of(text) is not None or any(not _is_consequence(c) for i in infos for c in i.event_cues)


def _without_consequences(info: places.ClauseInfo) -> places.ClauseInfo:
    return places.ClauseInfo(info.clause, info.historical_from, tuple(c for c in info.event_cues if not _is_consequence(c)),
                             info.history_reason)


@lru_cache(maxsize=cues.CACHED_TEXTS)
def _history(text: str, published: date | None) -> tuple[int | None, str]:
    found: list[tuple[int, str]] = []
    years = sorted(dates.old_years(text, published) + dates.other_months(text, published)
                   + dates.past_year_periods(text, published) + dates.past_days(text, published))
    if years:
        comma = text.rfind(",", 0, years[0][0])
        while comma >= 0 and not text[comma + 1:years[0][0]].strip():  # "September 11, 2001": the date's own comma
            comma = text.rfind(",", 0, comma)
        start = comma + 1 if comma >= 0 else 0
        found.append((start, f"a year or month before publication ({text[years[0][0]:years[0][1]]})"))
    use = cues.has("base_use", text)
    past = cues.has("past_period", text)
    if past and use and use.start() < past.start():  # "де базуються літаки, що регулярно б'ють по …": the base's use
        past = None
    if past and _AS_EVERY.search(text, 0, past.start()) and _THIS_NIGHT.search(text):
        past = None  # "Сьогодні вночі, як і щоночі, дрони атакували Суми": tonight's attack, like every night's
    if past and "this" in past.group(0).lower().split() and _RANKED_BEFORE.search(text, 0, past.start()):
        past = None  # "one of the deadliest strikes on the city this year", "the third attack this summer": today's, ranked
    if past and not re.search(r"(?:since|than|from|until|till|с|з|ніж|чем|до|(?:first|second|third|\w+th|\d+(?:st|nd|rd|th)) time)\s*$",
                              text[:past.start()], re.IGNORECASE):  # "for the third time this summer": today's, counted
        found.append((_relative_opening(text, past.start()), f"an earlier period ('{past.group(0)}'): background, not this report's event"))
    week = _week_recap(text, published)
    if week:  # "This week Ukrainian forces claimed strikes on …", "На этой неделе дроны уже атаковали …": the week's summary
        found.append((_relative_opening(text, week.start()), f"a recap of this week ('{week.group(0)}'): background, not this report's event"))
    match = cues.has("historical", text)
    if match:
        found.append((match.start(), f"historical comparison ('{match.group(0)}')"))
    if use:  # "аеродром «Борисоглібськ», звідки Су-34 б'ють по Харківщині": what a base is used for, not an event
        found.append((use.start(), f"a base's use ('{use.group(0)}'), not an event"))
    recap = dates.recap_of_past(text, published)
    if recap:  # "Раніше, 1 лютого, росіяни вже атакували Полтаву …": an earlier attack recalled
        found.append((recap.start(), f"a recap of an earlier day ('{recap.group(0)}')"))
    died = _DIED_OF_EARLIER_WOUNDS.search(text) if published else None
    if died and any(m.day < published for m in dates.find_dates(died.group(0), published)):
        found.append((0, f"a death from wounds of an earlier day's attack ('{died.group(0)}'): that attack's toll"))
    repair = cues.has("aftermath", text)
    if repair:  # "У Харкові відновлюють світло після обстрілу": repairs after an attack told elsewhere or before
        found.append((0, f"the aftermath of an earlier attack ('{repair.group(0)}')"))
    if not found:
        return None, ""
    if match and years and match.start() < years[0][0]:
        return found[-1]  # "comparisons to the 2001 attacks": history starts at the comparison
    return min(found)


def _week_recap(text: str, published: date | None) -> re.Match[str] | None:
    """'this week', 'на этой неделе', 'цього тижня' in a sentence with no word or date of the report's own day (not
    "for the second time this week"): the strikes of the week told in a summary."""
    week = cues.has("this_week", text)
    if week is None or _THIS_NIGHT.search(text) or _COUNTED_BEFORE.search(text, 0, week.start()):
        return None
    if published is not None and any(m.day == published for m in dates.find_dates(text, published)):
        return None
    return week


_COUNTED_BEFORE = re.compile(r"(?<![\w-])(?:times?|attacks?|strikes?|раз|разу|атака|атаки|атаку|атак|удар|удара|напад|напади)\s*$", re.IGNORECASE)  # "the third attack this week"


# "a pensioner who was wounded by shelling on Friday died in hospital", "раненная в пятницу женщина скончалась",
# "поранений у суботу чоловік помер у лікарні": someone hurt on an earlier day died since (with that day: find_dates).
_WOUNDED = (r"(?:(?:who|that)\s+(?:was|were|had\s+been)\s+(?:[\w-]+\s+)?(?:wounded|injured|hurt)"
            r"|ранен\w*|раненн\w*|получивш\w*\s+ранени\w*|поранен\w*|травмован\w*)")
_DIED = r"(?:(?:has\s+|had\s+)?died|succumbed|скончал\w*|умер\w*|помер\w*)"
_DIED_OF_EARLIER_WOUNDS = re.compile(rf"(?<![\w-])(?:{_WOUNDED}[^.;]{{0,80}}?(?<![\w-]){_DIED}|{_DIED}[^.;]{{0,40}}?(?<![\w-]){_WOUNDED}"
                                     r"[^.;]{0,40})(?![\w-])", re.IGNORECASE)  # "скончался мужчина, раненный в понедельник"
# "the deadliest … this year", "the third such attack this summer": a rank among the period's events, told of today's.
_RANKED_BEFORE = re.compile(r"(?<![\w-])(?:largest|biggest|deadliest|heaviest|worst|fiercest|strongest|greatest|most\s+[\w-]+|"
                            r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
                            r"(?:\s+[\w'’,-]+){0,7}\s+$", re.IGNORECASE)
_AS_EVERY = re.compile(r"(?<![\w-])(?:як і|как и|as)\s+$", re.IGNORECASE)
_THIS_NIGHT = re.compile(r"(?<![\w-])(?:сьогодні|цієї ночі|минулої ночі|вночі|уночі|вранці|сегодня|этой ночью|прошлой ночью|ночью|утром|"
                         r"tonight|overnight|this morning|today)(?![\w-])", re.IGNORECASE)


# "…, a logistics hub … that Moscow's troops have been advancing on for weeks": a relative clause describing a place.
_RELATIVE = re.compile(r"(?<![\w-])(?:that|which|who|whom|where|который|которая|которое|которые|який|яка|яке|які)(?![\w-])", re.IGNORECASE)


def _relative_opening(text: str, at: int) -> int:
    """Where the background told by an earlier period at `at` starts: the relative clause holding it when the words
    before that clause tell an event of their own ("shelling killed a woman in Pokrovsk, a hub that troops have been
    advancing on for weeks"); else the start of the text."""
    opener = None
    for opener in _RELATIVE.finditer(text, 0, at):
        pass
    if opener is None or not cues.find_cues(text[:opener.start()]):
        return 0
    return opener.start()


_MENU_LINE = re.compile(r"\S\s+[|·•]\s+\S")  # "Subscribe | Donate", "News · Opinion": a line of menu items
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w'’-])[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’-]+ $")  # "Андрій Садовий": a name after a first name


# "60 km northwest of the Russian-held city of Donetsk": the words between a distance claim's "of" and its reference town.
_REFERENCE_LEAD = re.compile(r"\s*(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:city|town|village|settlement|port|capital)\s+of\s+", re.IGNORECASE)
_PIPELINE = re.compile(r"\bthe\s+((?-i:[A-Z][\w-]+))\s+(?:oil\s+|gas\s+)?pipeline\b", re.IGNORECASE)


def _dominant_weapon(text: str) -> str | None:
    counts = {kind: len(cues.scanner(f"weapons/{kind}").findall(text)) for kind in ("drone", "missile", "other")}
    best = max(counts, key=counts.get)
    if counts[best] == 1 and len(_ENTRY_TIMES.findall(text)) >= 3:
        return None  # a live blog naming a weapon once: that entry's weapon, not every entry's
    if len(_REGION_LINES.findall(text)) >= 3:
        return None  # "Kharkiv Oblast: drones struck Chuhuiv ... Kherson Oblast: one killed in Kherson": each line its own report
    if counts[best] == 1 and _only_downed(text, best):
        return None  # "удар по Рыльску …; над Курчатовом сбили два беспилотника": what was shot down, not what struck
    return best if counts[best] else None


def _only_downed(text: str, kind: str) -> bool:
    """True when the one weapon of `kind` the text names is told as downed ("сбили два беспилотника") after a strike
    told without a weapon: the weapon of that downing, not of the strike before it."""
    weapon = cues.scanner(f"weapons/{kind}").search(text)
    downed = next((m for m in cues.scanner("interception").finditer(text) if m.start() <= weapon.start() < m.end()), None)
    return downed is not None and cues.has("strike", text[:downed.start()]) is not None


_REGION_LINES = re.compile(r"^\W*(?:[A-Z][\w'’-]+\s+){1,2}(?:Oblast|region|Region|Krai|krai|Republic)\s*[:—–-]\s", re.MULTILINE)
_ENTRY_TIMES = re.compile(r"^\W{0,4}\d{1,2}[:.]\d{2}\b", re.MULTILINE)  # "10:12 Губернатор …", "▪️ 14:05 …": a live blog's entries
