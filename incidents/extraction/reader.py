"""One pass over an article's sentences: sites of events (findings), and the dates, counts, times, claims and notes
that attach to them."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path
from datetime import date
from typing import Any

from incidents.extraction import airports, casualties, claims, cues, dates, geo, language, places
from incidents.extraction.drafts import build_drafts
from incidents.extraction.findings import Draft, Finding, closest, place_key
from incidents.extraction.numbers import WORDS, to_int
from incidents.extraction.sentences import POST_MARK, Sentence, split_clauses, split_sentences

HINT_PLACES = 40  # the country in focus is read from the places seen last (a bounded look back keeps reading linear)
BASE_KM = 200.0  # an air base is often named with the regional capital it lies far from
ZERO_GAP = 5  # a statement of no casualties this few sentences after an event (none between) is about its sites
DISTRICT_KM = 80.0  # a district named after a town this close to the city in focus is that town's district
RECAP_OPENING = 24  # a recap word this near the start of a sentence opens a recap ("Нагадаємо,", "Як повідомлялося раніше,")
STRIKE_KINDS = ("strike", "passive", "debris", "damage", "casualty")
_WEAPON_TYPE = {"drone": "drone_strike", "missile": "missile_strike", "other": "strike", None: "strike"}
_WAVES = re.compile(r"\b(\w+)\s+waves?\s+of\s+(?:drones?|missiles?|attacks?|strikes?)", re.IGNORECASE)
_EVENT_REFERENCE = re.compile(r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:attacks?|strikes?|raid|incident|assault|fire|blaze|explosions?|blast)\b", re.I)
_PLAIN_WORDS = "|".join(w for w in WORDS.split("|") if w not in ("a", "an", "no", "none", "single", "both"))
_NOT_DRONES = r"(?:people|persons|civilians|children|injured|wounded|killed|dead|hurt|houses|homes|buildings|flights|km|miles)\b"
_REGION_ADJECTIVE_KEYS = ("ska", "skaia", "skaya", "region", "oblast", "shchyna")  # "Харківська", "Брянская", "Kursk region"
_LOCAL_COUNT = re.compile(
    rf"(?<![:.])\b(?P<n>\d[\d,]*|{_PLAIN_WORDS})(?![:.]\d)\s+(?:(?!\d|{_NOT_DRONES})[\w-]+\s+){{0,3}}?(?:[—–-]\s+)?(?:over|above|in|near|approaching|heading (?:for|to|towards?)|flying (?:to|towards?)|en route to|над(?: территори(?:ей|єю))?|в|у|на)\s+"
    r"(?:the\s+)?(?:(?:city|town|republic|region) of\s+(?:the\s+)?)?$", re.IGNORECASE)


# "..., and at the airports of Tambov and Yaroslavl": a clause of only more places for the event of the clause before.
# "KYIV, April 5 (Reuters) -", "May 29 (AFP) -": a wire dateline gives the day the story was filed, not the day of the event.
_DATELINE = re.compile(r"(?:[A-Z][A-Z .'’-]+,\s*)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\((?:Reuters|AP|AFP|Bloomberg|dpa|UPI)\)\s*[-—–]")
_REGION_NAME_END = re.compile(r"\b(?:region|oblast|province|krai|kray)$", re.IGNORECASE)
_AND_PLACE = re.compile(r"(?:and|as well as)\s+(?:also\s+)?(?:at|in|over|near|on)\s+[^,;.]{0,80}(?:,[^,;.]{0,40})?[.\s]*$",
                        re.IGNORECASE)  # (a short tail after a comma: ", the ministry said", ", to ensure flight safety")


_BRACKET = re.compile(r"\s*\(([^()]{1,80})\)")
# One item of a region list told in its own sentence: a count, a dash and "over/над <place>" ("26 — над территорией …"),
# or a bulleted count with no dash after it ("— 20 над территорией …,", "• 12 over the Bryansk region").
_LIST_ITEM = re.compile(r"[\W_]*\d[\d,]*\s*(?:[—–-]\s+)?(?:over|above|над|в|у|на)\s", re.IGNORECASE)
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

# A live-blog time stamp alone on its line ("09.17 EET", "Updated at 14.02 GMT", "Posted at 06:48").
_STAMP_LINE = re.compile(r"\s*(?:(?:updated|posted)(?: at)?\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s+[A-Z]{2,4}|\s+(?:local|Kyiv|Moscow) time)?\s*")

_DENIED_HIT = re.compile(r"\b(?:denied|deny|denies|refuted)\s+(?:reports?\s+|claims?\s+)?that\s+[^.;]{0,60}?\b(?:was|were|had been|has been)\s+"
                         r"(?:\w+\s+)?(?:hit|struck|attacked|damaged|targeted)\b|опроверг\w*|спростува\w*", re.IGNORECASE)

# Searched in every sentence or before every site: led by a look-ahead for their first characters (cues.led).
_LOCAL_COUNT, _EVENT_REFERENCE, _DENIED_HIT, _WAVES = (cues.led(p) for p in (_LOCAL_COUNT, _EVENT_REFERENCE, _DENIED_HIT, _WAVES))


class Reader:
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
        self.last_city_hearsay = False  # the city named last was named only in hearsay ("channels claimed ...")
        self.last_region: Any = None  # the region named last (for "shot down over the region")
        self.last_region_at = -1  # the index of the sentence that named it
        self.last_sites: list[Finding] = []  # the sites of the last sentence that named any (for "No one was killed.")
        self.retracted: set[int] = set()  # findings a later sentence retracts ("officials called these reports untrue")
        self.district_towns: set[int] = set()  # where a district's adjective was read as its own town ("над Лискинским")
        self.list_cues: tuple[cues.Cue, ...] = ()  # the interception cues of the sentence before (a list may follow it)
        self.label: places.Mention | None = None  # a place alone heading its line ("Шебекино. Дрон ударил ...")
        self.attempted: places.Mention | None = None  # the target of an attempted attack told just before
        self.stamp: tuple[Sentence, list] | None = None  # a live-blog entry's time alone on its line, for the entry below
        self.strike_cues: tuple[cues.Cue, ...] = ()  # the strike cues of the sentence before ("The bases were X, Y")
        self.bullet_cues: tuple[cues.Cue, ...] = ()  # the strike cues of a line ending with a colon, for the bullets below

    # ------------------------------------------------------------ reading

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
        seconds = [_second_reference(sentence, mentions, r) for c, r in zip(found_claims, refs) if c.between]
        places.classify(sentence, infos, mentions, [r.start if isinstance(r, places.Mention) else r for r in refs + seconds
                                                     if r is not None])
        named_before = self.last_city
        self._learn_context(mentions)
        if self.last_city is not named_before:  # a city named only in hearsay owns no district told later
            self.last_city_hearsay = _hearsay(sentence)
        new = self.sites(sentence, infos, mentions) if not sentence.heading else []
        new += self.distance_sites(sentence, infos, mentions, found_claims, refs, new)
        new += self.city_references(sentence, infos, new, mentions)
        new += self.unknown_quarters(sentence, infos, new)
        new += self.focus_airports(sentence, infos, new)
        new += self.city_airports(sentence, new)
        new += self.general_airports(sentence, infos, mentions, new)
        new += self.labelled_sites(sentence, infos, mentions, new)
        new += self.attempted_sites(sentence, infos, new)
        self.attempted = _attempted_target(sentence, mentions) if not new else None
        if not new:
            self._weapon_told_after(sentence, infos)
        self.date_findings(sentence, infos, new)
        self.findings += new
        self.by_key.update((geo.key(f.mention_text), f) for f in new if not f.is_airport)
        self.focus += [f for f in new if f.event_type not in ("airspace_restriction",)]
        self.rejections += [self._rejected(sentence, m) for m in mentions if m.role != "site"]
        self.collect(sentence, infos, mentions, new, found_claims, refs)
        self.last_sites = [f for f in new if not f.is_airport] or self.last_sites

    def clause_infos(self, sentence: Sentence) -> list[places.ClauseInfo]:
        out: list[places.ClauseInfo] = []
        inherited: tuple[int, str] | None = None
        for clause in split_clauses(sentence):
            start, reason = _history(clause.text, self.published)
            if start is None and inherited and (clause.relative or _THEN.match(clause.text) or _bare_time(out[-1])):
                start, reason = 0, inherited[1]
            historical = None if start is None else clause.start + start
            inherited = (historical, reason) if historical is not None else None
            limit = len(clause.text) if start is None else start
            found = tuple(c for c in cues.find_cues(clause.text[:limit]))
            if not found and historical is None and out and _AND_PLACE.match(clause.text) and out[-1].historical_from is None:
                found = out[-1].event_cues  # "restrictions were introduced at Grabtsevo, and at the airports of Tambov"
            if not found and historical is None and out and _PLACE_PHRASE_CLAUSE.fullmatch(clause.text):
                # "Дрон атаковал автобус, перевозивший рабочих, в Шебекине": the place phrase after a participle's aside
                found = next((i.event_cues for i in reversed(out) if i.event_cues and i.historical_from is None), ())
            if not found and historical is None and out and _continues_list(sentence, clause, out[-1]):
                found = tuple(c for c in out[-1].event_cues if c.kind in ("interception", *STRIKE_KINDS, "explosion"))
            if not found and historical is None and self.list_cues and _list_item(sentence.text):
                found = self.list_cues  # '"26 — над территорией Брянской области, 19 — …", — говорится в сообщении'
            if not found and historical is None and self.bullet_cues and _BULLET.match(sentence.text):
                found = self.bullet_cues  # "Уражено:" then "▪️ аеродром «Шайківка» (Калузька обл.) — …", one site a line
            named = _NAMED_TARGETS.match(clause.text) if not found and historical is None and self.strike_cues else None
            if named:  # "... hit 41 aircraft at four bases. The bases were Belaya, Olenya ...": the strike told before
                found = tuple(cues.Cue(c.kind, named.group(0).strip(), named.start(), named.end()) for c in self.strike_cues[:1])
            out.append(places.ClauseInfo(clause, historical, found, reason))
        self.strike_cues = tuple(c for i in out if i.historical_from is None for c in i.event_cues if c.kind in STRIKE_KINDS)
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
            if mention.reason.startswith(("part of", "not a place", "a common", "an abbreviation", "retracted")):
                continue
            # a region named in the title or by its administration ("Харківської ОВА") still sets the region in focus
            region_only = mention.reason.startswith(("in a heading", "two names"))
            if region_only and mention.hint != "region" and not geo.key(mention.text).endswith(_REGION_ADJECTIVE_KEYS):
                continue
            found = geo.place(mention.text, mention.hint, self.geo_context())
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
                self.last_city = found

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

    # ------------------------------------------------------------ sites

    def sites(self, sentence: Sentence, infos: list[places.ClauseInfo], mentions: list[places.Mention]) -> list[Finding]:
        out = []
        for mention in mentions:
            if mention.role != "site":
                continue
            if mention.reason.startswith(LINE_HEAD) and mention.text.lower() in self.surnames:
                mention.role, mention.reason = None, "a speaker heading a line ('Садовий: …'), named earlier with a first name"
                continue
            info = next(i for i in infos if i.clause is mention.clause)
            finding = self.site_finding(sentence, info, mention, out)
            if finding is None:
                mention.role, mention.reason = None, mention.reason + "; but no place or airport could be resolved"
            elif finding.place.kind == "country":
                mention.role, mention.reason = None, "a country: context, not an incident site"
            elif _far_from_the_theatre(finding, info, mention):
                mention.role, mention.reason = None, "abroad, far from the war, and nothing struck or hurt there: a mention"
            elif (out and mention.hint == "district" and re.fullmatch(r"\s*,?\s*", self._gap(sentence, out[-1], mention))
                  and not any(m.start == out[-1].start and m.district_town for m in mentions)):  # not "Лискинским, Острогожским …"
                _steer_to_district(out[-1], mention)  # "село Бессоновка Белгородского района": the Belgorod one
                mention.role, mention.reason = None, f"names the district {out[-1].place.name} lies in: a qualifier"
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
        for finding in [f for f in out if _speaker_seat(sentence, f, out)]:  # "У Києві заявили, що удар по Сумах …"
            out.remove(finding)
            mention = next(m for m in mentions if m.start == finding.start)
            mention.role, mention.reason = None, "where the speakers are: what they said names the site"
        out = _without_heads_holding_a_site(out, mentions)
        named = [f for f in out if f.reason != places.JURISDICTION]
        for finding in out if named else ():
            if finding.reason == places.JURISDICTION:
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
        if new or sentence.heading or info is None:
            return []
        mention = places.Mention(label.text, label.start, label.end, sentence.index, hint=label.hint, role="site",
                                 reason="site: the place labelling its line (Шебекино. Дрон ударил ...)", clause=info.clause)
        found = self.site_finding(sentence, info, mention)
        self.label = None
        return [found] if found is not None else []

    def attempted_sites(self, sentence: Sentence, infos: list[places.ClauseInfo], new: list[Finding]) -> list[Finding]:
        """'Попытка атаки беспилотников на Морозовский район. Силами ПВО уничтожены 40 БПЛА.': an interception told with
        no place right after an attempted attack on one is at the attempt's target."""
        target = self.attempted
        info = next((i for i in infos if i.historical_from is None and any(c.kind == "interception" for c in i.event_cues)), None)
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
            second = _second_reference(sentence, mentions, ref.start if ref is not None else None)
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
        restriction = "restriction" in kinds and not (kinds & {*STRIKE_KINDS, "explosion"}) and not (
            "interception" in kinds and _INTERCEPTED_OVER.search(info.clause.text[:mention.start - info.clause.start]))
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
            event_type = self._as_told_before(mention, sentence, self.event_type(info, sentence, kinds))
        if found is None or (found.kind == "region" and places.named_as_settlement(sentence, mention)):
            return None  # "над станицей Архангельской": a stanitsa the gazetteer does not know, not the Arkhangelsk region
        cue = _nearest_cue(info, mention, event_type)
        if found.kind in ("city", "region") and found not in self.in_context:
            self._remember(found)
        return Finding(event_type, found, sentence, mention.text, mention.start, mention.end, cue, mention.reason)

    def _in_heading_region(self, sentence: Sentence, mention: places.Mention, found: Any) -> Any:
        """'Donetsk Oblast: Russian attacks killed two in Kostiantynivka': a town on a line headed by its region is the
        namesake in that region (not the village of another region named earlier in the article)."""
        if (found is None or found.kind != "city" or self.last_region is None or self.last_region_at != sentence.index
                or found.admin1 == self.last_region.admin1 or not _REGION_HEAD.match(sentence.text)):
            return found
        return geo.city_in_region(mention.text, self.last_region) or found

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
        in_focus = self._head_town(mentions) or (focus.place if focus else self.last_city)
        mayors = self._mayors_city(sentence, mentions)
        if sentence.heading:
            return []
        out = []
        for info in infos:
            kinds = {c.kind for c in info.event_cues}
            if not kinds & {*STRIKE_KINDS, "explosion", "interception"}:
                continue
            limit = (info.historical_from or info.clause.end) - info.clause.start
            for match in places.city_references(info.clause.text[:limit]):
                start, end = info.clause.start + match.start("ref"), info.clause.start + match.end("ref")
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
                    city = self._capital(match.group("adj")) if match.group("adj") else self._national_capital(
                        match.group("ref"), here[-1] if here else (mayors if mayors and not toward else in_focus))
                if city is None or any(f.start <= start < f.end for f in new):
                    continue
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

    def _mayors_city(self, sentence: Sentence, mentions: Sequence[places.Mention]) -> Any:
        """The city a sentence names as its mayor's ("Kharkiv Mayor Ihor Terekhov", "Sumy's mayor"), or None."""
        for mention in mentions:
            official = places.official_after(sentence.text[mention.end - sentence.start:])
            if (official and official.lower() == "mayor") or _MAYOR_OF.search(sentence.text[max(0, mention.start - sentence.start - 40):mention.start - sentence.start]):
                found = geo.place(mention.text, None, self.geo_context())
                if found is not None and found.kind == "city":
                    return found
        return None

    def _head_town(self, mentions: Sequence[places.Mention]) -> Any:
        """The town of 'Мэр Белгорода', 'Глава Новошахтинска' in this sentence: a city named right after a head's title."""
        for mention in mentions:
            if _HEAD_TITLE.search(self.body, max(0, mention.start - 25), mention.start):
                found = geo.place(mention.text, None, self.geo_context())
                if found is not None and found.kind == "city":
                    return found
        return None

    def _region_in_focus(self) -> Any:
        """The region named last ('Rostov Governor X said 44 drones were shot down over the region'), or None; the region
        of the city struck since, when the text has told a strike on a city after naming a region ('Drones struck Odesa
        ..., the regional governor said. Air defences shot down 11 drones over the region')."""
        since = [f.place for f in self.last_sites if f.place.kind == "city" and f.sentence.index > self.last_region_at]
        return (geo.region_of(since[-1]) or self.last_region) if since else self.last_region

    def _national_capital(self, ref: str, in_focus: Any) -> Any:
        """'the capital' while a town of Russia is in focus (Domodedovo): Moscow; 'the city' stays the town in focus."""
        capitals = cues.lexicon()["national_capitals"]
        name = capitals.get(getattr(in_focus, "country", None)) if re.fullmatch(r"the\s+capital|столиц\w*", ref, re.I) else None
        if name is None or in_focus.name == name:
            return in_focus
        return geo.place(name, None, self.geo_context()) or in_focus

    def _capital(self, adjective: str) -> Any:
        """The city 'the Ukrainian capital' names; it becomes the city named last (for a later 'the city')."""
        name = places.capital_named(adjective)
        found = geo.place(name, None, self.geo_context()) if name else None
        if found is not None:
            self.last_city = found
        return found

    def _district(self, mention: places.Mention, earlier: Sequence[Finding] = ()) -> Any:
        """'the X district': the town X when it lies near the city in focus (one named earlier in the same sentence
        first), else that city (a district of it)."""
        # A town read from a district before it in the sentence is that district's, not a city this one could be a
        # quarter of: "над Лискинским, Острогожским и Россошанским районами" names three raions.
        here = [f.place for f in earlier if f.place.kind == "city" and f.start not in self.district_towns]
        focus = self._focus_city()
        city = here[-1] if here else focus.place if focus else self.last_city
        hearsay = not here and focus is None and self.last_city_hearsay  # the city was named only in hearsay
        owner = self._district_owner(mention)
        if owner is not None:  # "the Sovetsky district of Bryansk": a quarter of the city named after it
            mention.reason += f"; a district of {owner.name}"
            return owner
        owned = re.search(r"\b(?:city|town|capital)['’]s\s+$", self.body[max(0, mention.start - 20):mention.start], re.I)
        named = None if owned else geo.place(mention.text, None, self.geo_context())
        own = mention.district_town and not here  # "над Ефремовским районом" with no city named beside it
        if own and named is not None and city is not None and _far_abroad(named, city):
            local = geo.city_in_region(mention.text, self.last_region) if self.last_region is not None else None
            if local is not None:  # "Губернатор Калузької області … на Кіровський район": Kirov of the Kaluga region
                named = local
            else:
                own, named = False, None  # "Запоріжжя. Удар по Комунарському району": a quarter, not Kommunar near St Petersburg
        if city is None and named is not None and self._other_region(named) and not own:
            named = None  # "the Kamensky district" in a Rostov story: not the Kamenskiy of another region
        if own and named is not None and self._other_region(named):  # "В Ленинградской области … над Кировским районом"
            named = geo.city_in_region(mention.text, self.last_region)  # not Kirov 900 km away
            if named is None:
                mention.reason += f"; its town lies outside the {self.last_region.name} region in focus"
                return None
        site_city = here[-1] if here else focus.place if focus else None  # a city told as a site, not only named
        if own and named is not None and site_city is not None and _quarter_named_after_a_far_city(named, site_city, self.last_region):
            own, named = False, None  # "Харків. Влучання в Київському районі": a quarter of Kharkiv, not Kyiv
        if named is not None and (city is None or own or geo.km_between(named, city) <= DISTRICT_KM
                                  or _district_town_of_region(named, city) or _in_region(named, self.last_region, city)
                                  or _quarterless(named, city)):
            if mention.district_town:
                self.district_towns.add(mention.start)
            return named
        if hearsay:  # a district near a city named only in hearsay is not that city ("channels claimed ..., denied")
            mention.reason += f"; a district near {city.name}, a city named only in hearsay"
            return None
        mention.reason += f"; a district of {city.name}" if city else "; a district of no city in focus"
        return city

    def _other_region(self, named: Any) -> bool:
        """True when a town a district is named after lies outside the region in focus (the Kamensky district of a Rostov
        story is not Kamenskiy in the Saratov region; the Kirovsky district of a Kaluga story is no district of Donetsk)."""
        region = self.last_region
        return region is not None and (named.country != region.country or named.admin1 != region.admin1)

    def _district_owner(self, mention: places.Mention) -> Any:
        """The city a district is said to be of ('the Moscow district of Kazan'), or None."""
        match = _DISTRICT_OF.match(self.body, mention.end)
        if match is None:
            return None
        owner = geo.place(match.group(1), None, self.geo_context())
        return owner if owner is not None and owner.kind == "city" else None

    def _airport_for(self, name: str, named: bool = False) -> Any:
        """The airport a name means, in the country in focus; a known city never pulls in a same-named airport abroad
        ("St Petersburg" is LED, never SPG in Florida) unless the text calls the name itself an airport or air base."""
        country = self._country_hint()
        found = geo.airport(name, country) if country else None
        if found is None and named:
            found = geo.airport(name)
        if found is not None and named:
            found = self._airfield_of_town(name, found)
        if found is not None:
            return found
        city = geo.place(name, None, self.geo_context())
        if city is not None and city.kind in ("city", "region"):
            found = geo.airport(city.name, city.country) if city.kind == "city" else None
            return found or (self._airport_of_reading(name) if city.kind == "city" else None)
        return geo.airport(name) or self._airport_of_reading(name)

    def _airfield_of_town(self, name: str, found: Any) -> Any:
        """'the Machulishchy airfield': the airfield bearing the town's name next to it, not the bigger airport the
        gazetteer ranks first for that town (Minsk International, 30 km away)."""
        wanted = geo.key(name)
        if not wanted or wanted in geo.key(found.name):
            return found
        town = geo.place(name, None, self.geo_context())
        if town is None or town.kind != "city":
            return found
        near = [a for a in geo.airports_near(town, AIRFIELD_KM) if wanted in geo.key(a.name)]
        return near[0] if near else found

    def _airport_of_reading(self, name: str) -> Any:
        """'аеропорту Самари': the airport of the city another reading of an inflected name means (not a village)."""
        for reading in geo.other_readings(name):
            city = geo.place(reading, None, self.geo_context())
            found = geo.airport(city.name, city.country) if city is not None and city.kind == "city" else None
            if found is not None:
                return found
        return None

    def _country_hint(self) -> str | None:
        countries = [p.country for p in self.context[-HINT_PLACES:]] + [f.place.country for f in self.findings[-HINT_PLACES:]]
        return max(set(countries), key=countries.count) if countries else None

    def event_type(self, info: places.ClauseInfo, sentence: Sentence, kinds: set[str]) -> str:
        if "interception" in kinds and kinds & set(STRIKE_KINDS) <= {"debris"}:
            return "interception"  # "shot down over the district, debris fell in a field": nothing struck
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
            return _WEAPON_TYPE[weapon] if weapon else self._story_strike(sentence)
        if "interception" in kinds:
            return "interception"
        if "explosion" in kinds:
            return "explosion"
        return "other"

    def focus_airports(self, sentence: Sentence, infos: list[places.ClauseInfo], new: list[Finding]) -> list[Finding]:
        out = []
        for info in infos:
            if info.historical_from is not None or not any(c.kind == "restriction" for c in info.event_cues):
                continue
            named = [f for f in new if f.is_airport and info.clause.start <= f.start < info.clause.end]
            for ref in airports.code_refs(info.clause.text, info.clause.start):
                found = geo.airport_by_code(ref.code or "")
                if found is not None and not named:
                    out.append(self._airport_finding(sentence, found, ref, "site: airport code in a restriction clause"))
            if named or out:
                continue
            city = self._focus_city()
            for ref in airports.focus_refs(info.clause.text, info.clause.start):
                found = self._airport_for(city.place.name) if city else None
                if found is not None:
                    out.append(self._airport_finding(sentence, found, ref, f"site: the airport of the city in focus ({city.place.name})"))
                    break
        return out

    def city_airports(self, sentence: Sentence, new: list[Finding]) -> list[Finding]:
        """'Moscow's four airports suspended flights', 'аэропорты Москвы': a restriction at each airport serving the city,
        not only the one the city's name stands for (a count the text gives must match; a one-airport city is as before)."""
        out: list[Finding] = []
        told = [f for f in new if f.is_airport and f.place.kind == "airport"]
        if len({geo.key(f.mention_text) for f in told}) != 1:
            return out  # "Vnukovo and Domodedovo airports": the text names the airports itself
        for finding in told:
            if geo.key(finding.mention_text) in geo.key(finding.place.name):
                continue  # "Domodedovo airports" names the airport, not a city's airports together
            at, end = finding.start - sentence.start, finding.end - sentence.start
            count = airports.airports_named_together(sentence.text[max(0, at - 40):at], sentence.text[end:end + 40])
            city = geo.place(finding.mention_text, None, self.geo_context()) if count is not None else None
            if city is None or city.kind != "city":
                continue
            serving = _serving(city)
            if finding.place not in serving or (count and count != len(serving)):
                continue
            reason = f"site: one of the airports serving {city.name}, named together"
            out += [Finding(finding.event_type, a, sentence, finding.mention_text, finding.start, finding.end, finding.cue, reason)
                    for a in serving if a != finding.place and not any(f.place == a for f in new)]
        return out

    def general_airports(self, sentence: Sentence, infos: list[places.ClauseInfo], mentions: list[places.Mention],
                         new: list[Finding]) -> list[Finding]:
        """'Kazan airports suspended flights' (the city's airports, none named) in a restriction clause naming no airport:
        each airport serving the city."""
        out: list[Finding] = []
        for mention in [m for m in mentions if m.hint == "airports" and m.role != "site"]:
            info = next((i for i in infos if i.clause.start <= mention.start < i.clause.end), None)
            cue = next((c for c in info.event_cues if c.kind == "restriction"), None) if info else None
            if cue is None or info.historical_from is not None or any(
                    f.is_airport and info.clause.start <= f.start < info.clause.end for f in new + out):
                continue
            city = geo.place(mention.text, None, self.geo_context())
            serving = _serving(city) if city is not None and city.kind == "city" else []
            count = airports.count_before(sentence.text[max(0, mention.start - sentence.start - 30):mention.start - sentence.start])
            if count and count != len(serving):
                continue  # "two Moscow airports": which two the text does not say
            reason = f"site: the airports serving {mention.text}, named together"
            out += [Finding("airspace_restriction", a, sentence, mention.text, mention.start, mention.end, cue, reason)
                    for a in serving]
            if serving:
                mention.role, mention.reason = "site", reason
        return out

    def _airport_finding(self, sentence: Sentence, found: Any, ref: airports.AirportRef, reason: str) -> Finding:
        cue = cues.Cue("restriction", ref.text, ref.start, ref.end)
        return Finding("airspace_restriction", found, sentence, ref.text, ref.start, ref.end, cue, reason)

    def _just_struck(self, sentence: Sentence) -> Finding | None:
        """The one place the sentence right before told a strike at ("In Dnipropetrovsk Oblast, a missile hit an energy
        facility. One person was killed."): what a sentence of bare figures is about, before a city told earlier."""
        told = [f for f in self.last_sites if f.sentence.index == sentence.index - 1]
        return told[0] if len(told) == 1 and told[0].event_type in _STRIKE_TYPES else None

    def _focus_city(self) -> Finding | None:
        for finding in reversed(self.focus):
            if finding.place.kind == "city":
                return finding
        return None

    # ------------------------------------------------------------ dates

    def date_findings(self, sentence: Sentence, infos: list[places.ClauseInfo], new: list[Finding]) -> None:
        update = cues.has("count_update", sentence.text)  # "the toll rose to 30 on Sunday": the day of the update
        dateline = _DATELINE.match(sentence.text) if self.published is not None else None
        mentions = [m for m in dates.find_dates(sentence.text, self.published)
                    if not self._in_history(infos, sentence.start + m.start) and not (update and m.start >= update.end())
                    and not (dateline and m.start < dateline.end())]  # "May 29 (Reuters) -": the day it was filed
        has_event = any(i.event_cues for i in infos)
        if mentions and (has_event or new) and (self.current_day is None or self.current_day[0] != mentions[0].day):
            first, last = mentions[0], dates.span_end(sentence.text, mentions)
            self.current_day = (first.day, sentence, (sentence.start + first.start, sentence.start + first.end), first.note)
            self.current_end = (last.day, sentence, (sentence.start + last.start, sentence.start + last.end)) if last else None
            if not (new and dates.is_relative_day(sentence.text, first)) and not self._recap_of_earlier_day(sentence, first):
                for finding in self.pending:  # not "Позавчора дрони вже атакували Саки" (its own day), nor a recap's day
                    self._apply_day(finding, self.current_day, "date named later in the article")
                self.pending = []
        for finding in new:
            if self.current_day:
                own = mentions and self.current_day[1] is sentence
                self._apply_day(finding, self.current_day, "date in the same sentence" if own else "date named earlier in the article")
            else:
                self.pending.append(finding)

    def _recap_of_earlier_day(self, sentence: Sentence, first: Any) -> bool:
        """'Нагадаємо, у ніч на 23 квітня дрони атакували Марганець' closing a live blog of 24 April: the recap's day is
        its own event's, not the day of the updates told before it."""
        recap = cues.has("recap", sentence.text[:RECAP_OPENING])
        return recap is not None and self.published is not None and first.day < self.published

    @staticmethod
    def _in_history(infos: list[places.ClauseInfo], at: int) -> bool:
        return any(i.historical_from is not None and i.clause.start <= at < i.clause.end and at >= i.historical_from for i in infos)

    def _apply_day(self, finding: Finding, current: tuple[date, Sentence, tuple[int, int], str], reason: str) -> None:
        finding.day, finding.day_sentence, finding.day_evidence, finding.day_note = current
        finding.day_reason = reason
        if self.current_end is not None and self.current_end[1] is finding.sentence:
            finding.day_end = self.current_end  # only for what the sentence with the span reports

    def _teaser(self, mentions: list[places.Mention]) -> bool:
        """A heading naming a place none of the incidents found so far is at: the headline of another story."""
        known = {geo.key(f.mention_text)[:5] for f in self.focus} | {geo.key(f.place.name)[:5] for f in self.focus}
        return bool(self.focus) and any(m.reason == "in a heading" and geo.key(m.text)[:5] not in known for m in mentions)

    def _default_day(self, finding: Finding) -> None:
        if self.published is None:
            return
        finding.day = self.published
        finding.day_note = "no date in the text: the publication date is used"
        finding.day_reason = "publication date"

    # ------------------------------------------------------------ facts attached after grouping

    def collect(self, sentence: Sentence, infos: list[places.ClauseInfo], mentions: list[places.Mention],
                new: list[Finding], found_claims: list[claims.DistanceClaim], refs: list[int | None]) -> None:
        about_event = any(i.event_cues for i in infos) or bool(_EVENT_REFERENCE.search(sentence.text)) or self._follows_event(sentence)
        self.last_event = (sentence, bool(new) or any(i.event_cues for i in infos))
        shortly_after = self._shortly_after_event(sentence)
        if self.last_event[1]:
            self.last_event_index = sentence.index
        focus = self._just_struck(sentence) or self._focus_city() or (self.focus[-1] if self.focus else None)
        if not new and cues.has("other_event", sentence.text):
            about_event = False  # "a day after an attack on ... which killed 39": another event, not the one in focus
        named = self._named_findings(mentions, new)
        if not new and not named:  # "Погибли 15 человек. В Белгороде объявлен траур.": the site its entry names after it
            focus = self._named_later_in_entry(sentence) or focus
        self._retract_earlier(sentence, infos, mentions, new, named)
        for info in infos:
            if info.historical_from is not None and info.historical_from <= info.clause.start:
                continue
            if sentence.heading and not new and self._teaser(mentions):
                continue  # "В Донецке … ранены трое" under the article: another story's figures
            limit = (info.historical_from or info.clause.end) - info.clause.start
            text = info.clause.text[:limit]
            targets = self._targets(info, new, named, focus if about_event else None)
            retracted = cues.has("retraction", text)
            if retracted:  # figures in a retracted or denied report are not kept; the corrected ones after a colon are
                corrected = re.compile(r"\s*[:—–]\s*").match(text, retracted.end())
                if corrected is not None:
                    at = info.clause.start + corrected.end()
                    for name, count in casualties.find_casualties(text[corrected.end():]).items():
                        self._attach(name, sentence, at + count.start, at + count.end, count.value, targets)
                continue
            text = self._bracket_counts(sentence, info, text, new)
            fixed = cues.has("count_correction", sentence.text) is not None  # "За уточненими даними, поранено двох"
            for name, count in casualties.find_casualties(text).items():
                if _wider_scope(text, count.end) or _wider_scope_before(text, count.start):
                    continue  # "killed at least 31 people across the country": not this place's count
                spread = count.value == 0 and not new and not named and (about_event or self._sites_lately(sentence) or shortly_after)
                for target in (self.last_sites if spread else [None]):  # "No one was killed": every site just named
                    self._attach(name, sentence, info.clause.start + count.start, info.clause.start + count.end,
                                 count.value, [target] if target else targets, fixed)
            local = self._local_downed(sentence, info, text, new)
            downed = None if local else casualties.find_downed(text)
            sites_here = [f for f in new if info.clause.start <= f.start < info.clause.end and not f.is_airport]
            if downed and len(sites_here) > 1:  # one total for several places: not any single place's count
                note = f"{downed.value} drones reported downed over {len(sites_here)} places together"
                for finding in sites_here:
                    self.attachments.append(("note", sentence, (note, finding)))
            elif downed:
                self._attach("drones_downed", sentence, info.clause.start + downed.start, info.clause.start + downed.end,
                             downed.value, targets)
            lift = airports.lift_cue(text)
            if lift:
                names = {geo.key(m.text) for m in mentions if m.clause is info.clause}
                times = [t for t in dates.find_times(text) if t.finish is None and t.start >= lift.start()]
                when = (times[0], info.clause.start + times[0].start, info.clause.start + times[0].end) if times else None
                self.attachments.append(("lift", sentence, (names, info.clause.start + lift.start(), info.clause.start + lift.end(),
                                                            when)))
        self._collect_times(sentence, infos, new, focus if about_event else None)
        self._collect_claims(sentence, mentions, found_claims, refs, focus if about_event else None)
        self._collect_notes(sentence, new or named, focus if about_event else None)

    def _retract_earlier(self, sentence: Sentence, infos: list[places.ClauseInfo], mentions: list[places.Mention],
                         new: list[Finding], named: list[Finding]) -> None:
        """'Channels reported a blast in Tula. The governor called these reports untrue.': a sentence that only denies
        retracts the hearsay sites it names again, or else those of the sentence before it."""
        if self._contradicts_earlier(sentence, new) or self._denies_reports(sentence, new):
            return
        denial = None if new else cues.has("retraction", sentence.text)
        if denial is None or _DENIED_HIT.search(sentence.text):
            return  # "officials denied that the depot was hit": the claim stays, disputed (_collect_notes)
        rest = sentence.text[denial.end():]
        if (any(i.event_cues and not cues.has("retraction", i.clause.text) for i in infos)
                or (re.match(r"\s*[:—–]", rest) and cues.tells_event(rest))):
            return  # a correction that tells what did happen ("not confirmed: two people were injured")
        if not named and any(m.reason.startswith("retracted") and _in_site_phrase(sentence, m) for m in mentions):
            return  # it denies a place of its own
        told = named or [f for f in self.last_sites if f.sentence.index == sentence.index - 1]
        self.retracted.update(id(f) for f in told if _hearsay(f.sentence))  # an official's own report stays

    def _denies_reports(self, sentence: Sentence, new: list[Finding]) -> bool:
        """'Channels reported a strike on the Baltimor air base. The governor denied these reports: all drones were
        downed over the Ramon district.': a denial of reports that tells its own sites retracts the hearsay sites of the
        sentence before it that it does not name again."""
        if not new or cues.has("report_denial", sentence.text) is None:
            return False
        named = {place_key(f.place) for f in new}
        told = [f for f in self.last_sites if f.sentence.index == sentence.index - 1 and _hearsay(f.sentence)
                and place_key(f.place) not in named]
        self.retracted.update(id(f) for f in told)
        return bool(told)

    def _contradicts_earlier(self, sentence: Sentence, new: list[Finding]) -> bool:
        """'Channels reported a hit in Vyshhorod. In fact (Насправді, На самом деле), the drone was downed near Dymer.':
        a sentence led by a contradiction retracts the hearsay sites of the sentence before it that it does not name."""
        lead = cues.has("contradiction", sentence.text[:30])
        if lead is None or sentence.text[:lead.start()].strip(" «\"'–—-"):
            return False
        kept = {geo.key(f.mention_text) for f in new}
        told = [f for f in self.last_sites if f.sentence.index == sentence.index - 1 and geo.key(f.mention_text) not in kept]
        self.retracted.update(id(f) for f in told if _hearsay(f.sentence))
        return True

    def _targets(self, info: places.ClauseInfo, new: list[Finding], named: list[Finding], focus: Finding | None) -> list[Finding]:
        inside = [f for f in new if info.clause.start <= f.start < info.clause.end]
        named_here = [f for f in named if _named_within(f.named_at, info.clause.start, info.clause.end)]
        return inside or named_here or new or named or ([focus] if focus else [])

    def _sites_lately(self, sentence: Sentence) -> bool:
        """True when one of the two sentences before named the sites of an event ("Drones set a depot on fire in Adler.
        About 120 firefighters were at the scene. There were no casualties.")."""
        return any(f.sentence.index >= sentence.index - 2 for f in self.last_sites)

    def _named_later_in_entry(self, sentence: Sentence) -> Finding | None:
        """The earlier site that the rest of this sentence's line names in sentences telling no event of their own
        ("16:40 Погибли 15 человек, ещё 27 ранены. В Белгороде объявлен траур."), when it names exactly one; else None."""
        line_end = self.body.find("\n", sentence.end)
        line_end = len(self.body) if line_end < 0 else line_end
        found: list[Finding] = []
        for later in self.sentences[sentence.index + 1:]:
            if later.start >= line_end:
                break
            if later.heading or cues.find_cues(later.text):
                continue
            for mention in places.find_mentions(later, self.lower_words):
                earlier = self.by_key.get(geo.key(mention.text))
                if earlier is not None and earlier not in found:
                    found.append(earlier)
        return found[0] if len(found) == 1 else None

    def _sites_just_before(self, sentence: Sentence) -> bool:
        """True when the sentence right before named the sites of an event (no weapon named: "Прилёты: Курчатов")."""
        return any(f.sentence.index == sentence.index - 1 for f in self.last_sites)

    def _shortly_after_event(self, sentence: Sentence) -> bool:
        """True when an event was reported at most ZERO_GAP sentences before, none since ("Пожежу на складі загасили
        рятувальники. Загиблих та постраждалих немає."): a statement of no casualties is about that event."""
        return self.last_event_index is not None and sentence.index - self.last_event_index <= ZERO_GAP

    def _follows_event(self, sentence: Sentence) -> bool:
        """True when the sentence right before reported an event (this one likely adds to it)."""
        previous = self.last_event
        return bool(previous and previous[1])

    def _named_findings(self, mentions: list[places.Mention], new: list[Finding]) -> list[Finding]:
        """Earlier findings at a place this sentence names again (not as a government or a person)."""
        if new:
            return []
        out = []
        for mention in mentions:
            if mention.reason.startswith(("part of", "not a place", "a common")):
                continue
            usable = not mention.reason.startswith(("stands for", "where people"))
            earlier = self.by_key.get(geo.key(mention.text)) if usable else None
            earlier = earlier or self._only_site_in_region(mention)  # "In Kursk Oblast, the governor said ...": its site
            if earlier is not None:
                earlier.named_at = (*earlier.named_at, mention.start)
                out.append(earlier)
        return out

    def _only_site_in_region(self, mention: places.Mention) -> Finding | None:
        """'In Kursk Oblast, the governor said a man was wounded': the one site told earlier inside the region named
        (the Khalino airfield, not the Marinovka base told last in another region), or None."""
        if mention.hint != "region" and not _REGION_NAME_END.search(mention.text):
            return None
        region = geo.place(mention.text, "region")
        if region is None or region.kind != "region":
            return None
        inside = {place_key(f.place): f for f in self.focus[-HINT_PLACES:] if f.place.kind != "region"
                  and f.place.country == region.country and geo.admin1_of(f.place) == geo.admin1_of(region)}
        return next(iter(inside.values())) if len(inside) == 1 else None

    def _local_downed(self, sentence: Sentence, info: places.ClauseInfo, text: str, new: list[Finding]) -> bool:
        """Counts written right before each site ("21 over the Bryansk region and 9 over Kursk"); True if any."""
        if not casualties.find_downed(text) and not (cues.has("interception", text) and cues.has("weapons/drone", text)):
            return False
        sites = [f for f in new if info.clause.start <= f.start < info.clause.end and not f.is_airport]
        counted = []
        for finding in sites:
            match = _LOCAL_COUNT.search(self.body[max(info.clause.start, finding.start - places.WINDOW):finding.start])
            value = to_int(match.group("n")) if match else None
            if value is not None:
                window = max(info.clause.start, finding.start - places.WINDOW)
                counted.append(("drones_downed", value, window + match.start(), finding.end, finding))
        if len({place_key(f.place) for f in sites}) > 1 and len(counted) == 1:
            return False  # "102 drones over Crimea, the Krasnodar region and the Belgorod region": one total for all
        for payload in counted:
            self.attachments.append(("count", sentence, payload))
        return bool(counted)

    def _bracket_counts(self, sentence: Sentence, info: places.ClauseInfo, text: str, new: list[Finding]) -> str:
        """'Kharkiv (two killed, seven injured) and Sumy (one injured)': figures in brackets right after a site are that
        site's; the clause text is returned with them blanked for the figures of the clause as a whole."""
        for finding in new:
            at = finding.end - info.clause.start
            bracket = _BRACKET.match(text, at) if 0 <= at <= len(text) and not finding.is_airport else None
            found = casualties.find_casualties(bracket.group(1)) if bracket else {}
            if not found:
                continue
            start = info.clause.start + bracket.start(1)
            for name, count in found.items():
                self._attach(name, sentence, start + count.start, start + count.end, count.value, [finding])
            text = text[:bracket.start()] + " " * (bracket.end() - bracket.start()) + text[bracket.end():]
        return text

    def _attach(self, name: str, sentence: Sentence, start: int, end: int, value: int, targets: list[Finding],
                fixed: bool = False) -> None:
        """A count for the site it belongs to (never an airport restriction); `fixed` when it corrects an earlier one."""
        chosen = [f for f in targets if not f.is_airport]
        if chosen:
            self.attachments.append(("count_fix" if fixed else "count", sentence, (name, value, start, end, closest(chosen, start, end))))

    def _collect_times(self, sentence: Sentence, infos: list[places.ClauseInfo], new: list[Finding], focus: Finding | None) -> None:
        own = [m for m in dates.find_dates(sentence.text, self.published) if not self._in_history(infos, sentence.start + m.start)]
        own_day = own[0].day if own else None
        if _STAMP_LINE.fullmatch(sentence.text):  # "09.17 EET" alone: the time of the entry below, not of the one above
            self.stamp = (sentence, dates.find_times(sentence.text)[:1]) if not new else None
            return
        times = dates.find_times(sentence.text)
        if self.stamp is not None and new:
            stamp_sentence, stamped = self.stamp
            self.stamp = None
            for mention in stamped if not times else ():
                at = stamp_sentence.start + mention.start
                for finding in [f for f in new if not f.is_airport]:
                    self.attachments.append(("time", stamp_sentence, (mention, at, stamp_sentence.start + mention.end, finding,
                                                                      own_day)))
        for mention in times:
            at = sentence.start + mention.start
            if self._in_history(infos, at):
                continue
            clause = next((i.clause for i in infos if i.clause.start <= at < i.clause.end), infos[-1].clause)
            lift = airports.lift_cue(clause.text)
            if lift and at >= clause.start + lift.start():
                continue  # "lifted at 06:45": the end of a restriction, read with the lifting
            strikes = [f for f in new if not f.is_airport] or [f for f in new if f.is_airport]
            same_clause = [f for f in strikes if clause.start <= f.start < clause.end]
            targets = same_clause or strikes or ([focus] if focus else [])
            for finding in targets:
                self.attachments.append(("time", sentence, (mention, at, sentence.start + mention.end, finding, own_day)))

    def _collect_claims(self, sentence: Sentence, mentions: list[places.Mention], found_claims: list[claims.DistanceClaim],
                        refs: list[int | None], focus: Finding | None) -> None:
        for claim, ref_start in zip(found_claims, refs):
            if claim.between:
                continue
            ref = next((m for m in mentions if m.start == ref_start), None)
            at = sentence.start + claim.start
            subjects = [geo.key(m.text) for m in reversed(mentions)
                        if m.end <= at and not m.reason.startswith(("part of", "not a place", "a common", "two names"))]
            if not subjects and focus is not None:  # "the refinery, about 200 km southeast of Moscow": the site in focus
                subjects = [geo.key(focus.mention_text)]
            if ref is None or not subjects:
                continue
            ref_place = geo.place(ref.text, None, self.geo_context())
            if ref_place is not None:
                self.claims.append((subjects, claim, ref_place, sentence))

    def _collect_notes(self, sentence: Sentence, new: list[Finding], focus: Finding | None) -> None:
        targets = [f for f in new if not f.is_airport] or ([focus] if focus else [])
        unverified = cues.has("unverified", sentence.text)
        if unverified:
            for finding in targets:
                self.attachments.append(("unverified", sentence, (unverified.start(), unverified.end(), finding)))
        disputed = cues.has("disputed", sentence.text)
        if disputed and targets and (new or _DENIED_HIT.search(sentence.text)):  # "officials denied that the depot was hit"
            for finding in targets:
                self.attachments.append(("disputed", sentence, (disputed.start(), disputed.end(), finding)))
        for match in _WAVES.finditer(sentence.text):
            for finding in targets:
                self.attachments.append(("note", sentence, (f"in {match.group(1).lower()} waves", finding)))

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


_QUALIFIER_GAP = re.compile(r"[»\"”]?(?:['’]s)?(?:\s+(?:international\s+)?(?:airport|airfield|air ?base|refinery|oil refinery|depot|"
                            r"oil depot|plant|terminal|port))?\s*(?:,|in|of|near|outside|під|поблизу|біля|неподалік|под|возле|около|близ|в|у|во"
                            r"|on the (?:[\w-]+ )?(?:edge|outskirts|fringes?) of"
                            r"|(?:just |some )?(?:north|south|east|west|north-east|north-west|south-east|south-west) of)?\s*"
                            r"(?:the\s+)?" + places._OWNER_AND_SIDE + r"(?:city of\s+)?")  # "the Khalino airfield on the northern edge of Kursk"
# (and "Lgov in Russia's Kursk region", "Shebekino in the southern Belgorod region": the owner and the side of the region;
# a closing quote first: 'аеродром "Борисоглібськ" у Воронезькій області')


_PLANT_AFTER = re.compile(r"\s+(?:nuclear|atomic|hydroelectric|hydro-electric|NPP\b|HPP\b|dam\b)", re.IGNORECASE)


# "Мэр Белгорода", "Глава Новошахтинска", "Губернатор Севастополя", "градоначальник Курска": a town's head.
_HEAD_TITLE = re.compile(r"(?<![\w-])(?:мэр\w*|губернатор\w*|глав[аыеу]\s+(?:администрации\s+)?(?:города\s+)?|"
                         r"градоначальник\w*)\s+$", re.IGNORECASE)


def _attempted_target(sentence: Sentence, mentions: list[places.Mention]) -> places.Mention | None:
    """The place an attempted attack was aimed at ("предпринял попытку атаки беспилотников на Морозовский район"): the
    first place named after the attempt in a place phrase (на/по/в), when the sentence found no site; else None."""
    attempt = cues.pattern("attempted").search(sentence.text)
    if attempt is None:
        return None
    at = sentence.start + attempt.start()
    for mention in mentions:
        before = sentence.text[:mention.start - sentence.start]
        if mention.start > at and mention.reason.startswith("no event cue") and _AIMED_AT.search(before):
            return mention
    return None


_AIMED_AT = re.compile(r"(?<![\w-])(?:на|по|в|во|on|at)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


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


def _owns_the_next(sentence: Sentence, owner: Finding, sites: list[Finding]) -> bool:
    """'in Sochi's Adler district', 'Kharkiv's Saltivskyi district': a city in the possessive right before a site close
    by is where that site lies, not a second site."""
    if owner.place.kind != "city":
        return False
    gap_end = owner.end - sentence.start
    return any(other is not owner and other.place.kind in ("city", "airport") and other.start > owner.end
               and _OWNER_GAP.fullmatch(sentence.text, gap_end, other.start - sentence.start)
               and geo.km_between(owner.place, other.place) <= DISTRICT_KM for other in sites)


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


def _steer_to_district(city: Finding, district: places.Mention) -> None:
    """A village named with the district of a town far from the namesake first read: the namesake near that town."""
    town = geo.place(district.text, None, ())
    if city.place.kind != "city" or town is None or geo.km_between(town, city.place) <= DISTRICT_KM:
        return
    near = [c for c in geo.get_gazetteer().lookup(city.mention_text, kinds=("city",)) if geo.km_between(c, town) <= DISTRICT_KM]
    if near:
        city.place = near[0]


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


def _second_reference(sentence: Sentence, mentions: list[places.Mention], first: int | None) -> places.Mention | None:
    """The place after "X and" in "between X and Y"."""
    mention = next((m for m in mentions if m.start == first), None)
    if mention is None:
        return None
    after = next((m for m in mentions if m.start > mention.start), None)
    gap = sentence.text[mention.end - sentence.start:after.start - sentence.start] if after is not None else ""
    return after if after is not None and _AND.fullmatch(gap) else None


def _hearsay(sentence: Sentence) -> bool:
    """True when a sentence attributes what it tells to unnamed channels or unverified material."""
    return bool(cues.has("attribution", sentence.text) or cues.has("unverified", sentence.text))


def _in_site_phrase(sentence: Sentence, mention: places.Mention) -> bool:
    """True when a place phrase ("in/over/at X", "в Фастові") names the mention: what a denial is about."""
    before = sentence.text[max(0, mention.start - sentence.start - 40):mention.start - sentence.start]
    return bool(places._SITE_PREP.search(before))


_PLACE_PHRASE_CLAUSE = re.compile(r"(?:в|во|у|над|под|возле|около|біля|поблизу)\s+(?-i:[А-ЯЁІЇЄҐ])[^,;:]{0,60}?[.!]?\s*",
                                  re.IGNORECASE)
# "…; тогда погибли 15 человек", "and 19 were hurt": a clause going on with the earlier event just told.
_THEN = re.compile(r"(?:and|or|then|тогда|тоді|в тот раз|того разу)(?![\w-])", re.IGNORECASE)


def _bare_time(info: places.ClauseInfo) -> bool:
    """'Ранее, в декабре 2022 года, дроны атаковали …', 'In March 2024, drones hit …': a clause that is only an earlier
    time, historical from its start, dates the clause after it."""
    text = info.clause.text
    return (info.historical_from == info.clause.start and not info.event_cues and len(text.split()) <= 5
            and not cues.find_cues(text))


def _is_label(body: str, sentence: Sentence, mentions: list[places.Mention]) -> bool:
    """A sentence that is only a town's name and opens its line ("Шебекино.", "Харків.")."""
    if sentence.heading or not mentions or (mentions[0].hint == "district" and not _DISTRICT_LABEL.match(
            body, mentions[0].end, sentence.end)):
        return False
    mention = mentions[0]
    line_start = body.rfind("\n", 0, sentence.start) + 1
    lead = body[line_start:mention.start].strip(" \t•*·▪–—-")
    if lead and not _AIRPORT_LEAD.fullmatch(lead) and not _POST_LEAD.fullmatch(body, line_start, mention.start):
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


# Rosaviatsia's line heads: "Аэропорт Калуга (Грабцево). Введены временные ограничения ..."
_AIRPORT_LEAD = re.compile(r"(?:аэропорт|аеропорт|airport|аеродром|аэродром|авіабаза|авиабаза|airfield|air base)", re.IGNORECASE)


# "Неподалік Куп'янська", "поблизу Ізюма", "недалеко от Курска", "near Kupiansk": a town named to say where a place lies.
_NEAR_BEFORE = re.compile(r"(?<![\w-])(?:неподалік|неподалеку|поблизу|недалеко від|недалеко от|вблизи|near|outside)\s+$", re.IGNORECASE)


def _continues_list(sentence: Sentence, clause: Any, previous: places.ClauseInfo) -> bool:
    """'Destroyed 43 drones: 18 over the Bryansk region, 11 over ...': an item of a list a colon opened, told by the
    event words of the clause before it (the list's items carry only a count and a place)."""
    colon = sentence.text.find(":")
    before = sentence.text[max(0, clause.start - sentence.start - 20):clause.start - sentence.start]
    opened = (0 <= colon < clause.start - sentence.start or _PARTITIVE.match(clause.text)  # "…, из них 20 — над …"
              or _COUNT_DASH_BEFORE.search(before) or _COUNT_OPENS.match(clause.text) or _ELLIPTIC_COUNT.match(clause.text))
    return (bool(previous.event_cues) and bool(opened)
            and previous.historical_from is None and len(clause.text) <= 160)


# "…, 11 — над …", "…, семь — над …", "по одному — над …": a list item's count and dash just before the clause.
_COUNT_DASH_BEFORE = re.compile(rf"(?:(?<![\d.:])\d[\d,]*|(?<![\w-])(?:по\s+)?(?:{_PLAIN_WORDS}))\s*[—–-]\s*$", re.IGNORECASE)
# "над Житомирщиною — 6, над Вінниччиною — 5": the clause after a dash opens with the count of the item before it.
_COUNT_OPENS = re.compile(rf"(?:\d[\d,]*|(?:{_PLAIN_WORDS}))\s*[,;]\s+(?:(?:і|й|та|и|and)\s+)?(?:над|у|в|на|по|over|in)\s", re.IGNORECASE)
# "24 drones were destroyed over the Kursk region, and four over the Voronezh region": a count and a place, the verb left out.
_ELLIPTIC_COUNT = re.compile(rf"(?:(?:and|і|й|та|и)\s+)?(?:another\s+|a further\s+|ещё\s+|ще\s+)?(?:\d[\d,]*|(?:{_PLAIN_WORDS}))\s+"
                             r"(?:more\s+)?(?:over|above|in|near|над)\s", re.IGNORECASE)
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


def _wider_scope(text: str, end: int) -> bool:
    """True when the words right after a count widen it beyond one place ("across the country", "in total")."""
    match = cues.has("wider_scope", text[end:end + 40])
    return bool(match) and match.start() <= 12


def _wider_scope_before(text: str, start: int) -> bool:
    """True when the words right before a count widen it to the country or several regions ("Загалом за ніч в Україні
    загинули 7 людей", "по всій країні поранено 40"): not the count of the place named beside it."""
    return cues.has("wider_scope_before", text[max(0, start - 40):start]) is not None


def _only_shaken(info: places.ClauseInfo) -> bool:
    """True when the only strike words are what explosions do ("rocked", "damaged"), with no weapon named."""
    strikes = [c for c in info.event_cues if c.kind in STRIKE_KINDS]
    return (all(re.fullmatch(r"rock(?:ed|ing|s)?|sh(?:ook|aking|akes)|damag(?:ed|ing)", c.text, re.I) for c in strikes)
            and cues.weapon_of(info.clause.text) is None)


# "усі сім БпЛА були збиті", "всі ракети знищено", "all of them were shot down", "все беспилотники сбиты": every
# weapon of the attack downed (the clause names no damage, debris or casualties).
# "дронів, що атакували Одещину", "ракет, які летіли на Київ": a relative clause telling the downed weapons' target.
_DOWNED_THAT_ATTACKED = re.compile(r"(?:дрон|безпілотник|БпЛА|шахед|ракет|беспилотник|БПЛА)\w*[»\"]?,\s+(?:що|які|котрі|что|которые)\s+"
                                   r"(?:атакува|атаковал|летіл|летел)\w*", re.IGNORECASE)
_ALL_DOWNED = re.compile(r"(?<![\w-])(?:усі|всі|все|всех|усіх|всіх|all)\s+(?:of them\s+|з них\s+|из них\s+)?(?:[\w'’«»-]+\s+){0,3}?"
                         r"(?:(?:бул[иао]|был[иао]|were|have been|had been)\s+)?(?:успішно\s+|успешно\s+|successfully\s+)?"
                         r"(?:збит|знищен|знешкоджен|перехоплен|сбит|уничтожен|перехвачен|shot down|downed|destroyed|intercepted)",
                         re.IGNORECASE)


def _serving(city: Any) -> list[Any]:
    """The passenger airports serving a city: those with an IATA code within CITY_AIRPORT_KM, nearest first."""
    return [a for a in geo.airports_near(city, airports.CITY_AIRPORT_KM) if airports.commercial(a)]


def _only_attack_nouns(info: places.ClauseInfo) -> bool:
    """True when the clause names an attack only by a noun (no strike verb, no damage, no casualties)."""
    return all(cues.is_strike_noun(c) for c in info.event_cues if c.kind in STRIKE_KINDS)


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


def _named_within(named_at: tuple[int, ...], start: int, end: int) -> bool:
    """True when a place named again at the offsets `named_at` (in reading order, so ascending) is named in [start, end):
    a binary search, not a scan of every time a long article named it."""
    at = bisect_left(named_at, start)
    return at < len(named_at) and named_at[at] < end


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
    if past and not re.search(r"(?:since|than|from|until|till|с|з|ніж|чем|до)\s*$", text[:past.start()], re.IGNORECASE):
        found.append((_relative_opening(text, past.start()), f"an earlier period ('{past.group(0)}'): background, not this report's event"))
    match = cues.has("historical", text)
    if match:
        found.append((match.start(), f"historical comparison ('{match.group(0)}')"))
    if use:  # "аеродром «Борисоглібськ», звідки Су-34 б'ють по Харківщині": what a base is used for, not an event
        found.append((use.start(), f"a base's use ('{use.group(0)}'), not an event"))
    recap = dates.recap_of_past(text, published)
    if recap:  # "Раніше, 1 лютого, росіяни вже атакували Полтаву …": an earlier attack recalled
        found.append((recap.start(), f"a recap of an earlier day ('{recap.group(0)}')"))
    repair = cues.has("aftermath", text)
    if repair:  # "У Харкові відновлюють світло після обстрілу": repairs after an attack told elsewhere or before
        found.append((0, f"the aftermath of an earlier attack ('{repair.group(0)}')"))
    if not found:
        return None, ""
    if match and years and match.start() < years[0][0]:
        return found[-1]  # "comparisons to the 2001 attacks": history starts at the comparison
    return min(found)


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


_STRIKE_TYPES = ("strike", "drone_strike", "missile_strike")
# "Donetsk Oblast: ...", "Kharkiv region — ...": a region heading its line (a list of regions' reports).
_REGION_HEAD = re.compile(r"\W*(?:[A-Z][\w'’-]+\s+){1,2}(?:Oblast|region|Region|Krai|krai|Republic)\s*[:—–-]\s")
_MENU_LINE = re.compile(r"\S\s+[|·•]\s+\S")  # "Subscribe | Donate", "News · Opinion": a line of menu items
_TOWARD = re.compile(r"(?:heading|flying|approaching|en route)\b", re.IGNORECASE)
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w'’-])[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’-]+ $")  # "Андрій Садовий": a name after a first name
_REGION_REF = re.compile(r"(?:the|his|her)\s+region|областю", re.IGNORECASE)  # Russian "областью": _SLAVIC_REGION_REF
# "60 km northwest of the Russian-held city of Donetsk": the words between a distance claim's "of" and its reference town.
_REFERENCE_LEAD = re.compile(r"\s*(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:city|town|village|settlement|port|capital)\s+of\s+", re.IGNORECASE)
_SLAVIC_CITY_REF = re.compile(r"город\w*|территории\s+города", re.IGNORECASE)  # places._SLAVIC_CITY
CITY_SITE_KM = 20.0  # a site named beside "над городом" this close to the town is where in it
_SLAVIC_REGION_REF = re.compile(r"(?:территори\w*\s+)?(?:област|регион|кра[яе]|республик)\w*", re.IGNORECASE)  # places.SLAVIC_REGION_REF
# "the Kirov district of Donetsk", "the Moscow district of the city of Kazan": the city that owns the district.
_DISTRICT_OF = re.compile(r"\s+(?:urban\s+|city\s+)?district\s+of\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?"
                          r"([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)")


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


def _in_region(named: Any, region: Any, city: Any) -> bool:
    """'Rostov Governor X said a substation in the Morozovsk district was damaged': a town of the region in focus names
    its own district (a raion) when the city named before lies in another region (Yeysk, Krasnodar)."""
    return (region is not None and named.kind == "city" and named.country == region.country and bool(named.admin1)
            and named.admin1 == region.admin1 and (city is None or city.admin1 != region.admin1))


# "Pulkovo halts flights as drone downed over Kirishi": the place the interception is told over, not an airport.
_INTERCEPTED_OVER = re.compile(r"\b(?:downed|shot down|intercepted|destroyed)\s+(?:over|near|above)\s+(?:the\s+)?$", re.IGNORECASE)
# "all 40 drones were shot down", "all of them were destroyed": nothing of the attack got through.
_ALL_DOWNED_EN = re.compile(r"\ball\s+(?:of\s+them|(?:\d+|[a-z]+)\s+(?:of\s+the\s+)?(?:drones|missiles|UAVs|targets))\s+"
                            r"(?:were|had been|have been)\s+(?:\w+ly\s+)?(?:shot down|destroyed|intercepted|downed|neutrali[sz]ed)\b",
                            re.IGNORECASE)
_PIPELINE = re.compile(r"\bthe\s+((?-i:[A-Z][\w-]+))\s+(?:oil\s+|gas\s+)?pipeline\b", re.IGNORECASE)
_MAYOR_OF = re.compile(r"\bmayor\s+of\s+(?:the\s+(?:city|town)\s+of\s+)?$", re.IGNORECASE)  # "The mayor of Lutsk, X, said"
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


FAR_DISTRICT_KM = 400.0  # a district named like a town of another country this far from the city in focus is its quarter


def _far_abroad(named: Any, city: Any) -> bool:
    return named.country != city.country and geo.km_between(named, city) > FAR_DISTRICT_KM


QUARTER_KM = 150.0  # a district named after a town of another region this far from the city in focus is its quarter
QUARTER_CITY_PEOPLE = 150_000  # a city this populous has quarters (a small town's "район" is the rural district around it)


def _quarter_named_after_a_far_city(named: Any, city: Any, region: Any) -> bool:
    """'Харків … Влучання в Київському районі': a район is named after a town of its own region, so one named after a
    town of another region far from the city in focus (and outside the region in focus) is a quarter of that city."""
    return (city.kind == "city" and (city.population or 0) >= QUARTER_CITY_PEOPLE and named.admin1 != city.admin1
            and geo.km_between(named, city) > QUARTER_KM and (region is None or named.admin1 != region.admin1))


AIRFIELD_KM = 15.0  # an airfield named after a town lies this close to it
QUARTERED_CITY_MIN = 200000  # a city this large is divided into named districts (raions of a city)
# "in the Inhuletskyi district", "in the Sovetsky district": a city district's adjective name before 'district'.
_UNKNOWN_QUARTER = re.compile(r"\bin\s+the\s+((?-i:[A-Z][a-z]+(?:skyi|tskyi|zkyi|kyi|skiy|sky|skoy)))\s+district\b(?!\s+of\b)",
                              re.IGNORECASE)
QUARTERED_MIN = 20000  # a place smaller than this (a village, an airport's namesake) has no named city districts


def _quarterless(named: Any, city: Any) -> bool:
    """'over the Kirishi district' after a village was named (Pulkovo): a village has no quarters, so a town of the same
    country within an air base's distance names its own district."""
    return (named.kind == "city" and (city.population or 0) < QUARTERED_MIN and named.country == city.country
            and geo.km_between(named, city) <= BASE_KM)


def _district_town_of_region(named: Any, city: Any) -> bool:
    """'over the Trubchevsk district' in a Bryansk story: a smaller town of the same region names its own district
    (a raion), unlike 'the Kyiv district of Kharkiv', a city quarter named after a city elsewhere."""
    return (named.kind == "city" and named.country == city.country and bool(named.admin1) and named.admin1 == city.admin1
            and (named.population or 0) < (city.population or 0))


def _dominant_weapon(text: str) -> str | None:
    counts = {kind: len(cues.scanner(f"weapons/{kind}").findall(text)) for kind in ("drone", "missile", "other")}
    best = max(counts, key=counts.get)
    if counts[best] == 1 and len(_ENTRY_TIMES.findall(text)) >= 3:
        return None  # a live blog naming a weapon once: that entry's weapon, not every entry's
    if len(_REGION_LINES.findall(text)) >= 3:
        return None  # "Kharkiv Oblast: drones struck Chuhuiv ... Kherson Oblast: one killed in Kherson": each line its own report
    return best if counts[best] else None


_REGION_LINES = re.compile(r"^\W*(?:[A-Z][\w'’-]+\s+){1,2}(?:Oblast|region|Region|Krai|krai|Republic)\s*[:—–-]\s", re.MULTILINE)
_ENTRY_TIMES = re.compile(r"^\W{0,4}\d{1,2}[:.]\d{2}\b", re.MULTILINE)  # "10:12 Губернатор …", "▪️ 14:05 …": a live blog's entries
