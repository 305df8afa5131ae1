"""The Reader's facts: casualty and downed counts, times, claims and notes attached to the sites they tell of."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from incidents.extraction import airports, casualties, claims, cues, dates, geo, places, site_rejections, site_roles
from incidents.extraction.findings import Finding, closest, place_key
from incidents.extraction.numbers import WORDS, to_int
from incidents.extraction.reader_places import HINT_PLACES
from incidents.extraction.sentences import Sentence

LIST_SITES = 3  # a sentence naming this many sites lists them: the figures after it are their total
ZERO_GAP = 5  # a statement of no casualties this few sentences after an event (none between) is about its sites
_SLAVIC_LETTER = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
_TIME_OPENING = re.compile(r"\s*(?:[01]?\d|2[0-3])[:.][0-5]\d\b")  # "09:30 Грайворонский округ: …": a live blog's entry
_WAVES = re.compile(r"\b(\w+)\s+waves?\s+of\s+(?:drones?|missiles?|attacks?|strikes?)", re.IGNORECASE)
_EVENT_REFERENCE = re.compile(r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:attacks?|strikes?|raid|incident|assault|fire|blaze|explosions?|blast)\b", re.I)
PLAIN_WORDS = "|".join(w for w in WORDS.split("|") if w not in ("a", "an", "no", "none", "single", "both"))
_NOT_DRONES = (r"(?:people|persons|civilians|children|injured|wounded|killed|dead|hurt|houses|homes|buildings|flights|km|miles|"
               r"человек\w*|люд\w*|осіб|особ\w*|жител\w*|мешкан\w*|дет\w*|діт\w*|ранен\w*|поранен\w*|погибш\w*|загибл\w*|"
               r"пострадавш\w*|постраждал\w*|дом\w*|будин\w*|рейс\w*|км)\b")  # "ранены два человека в Таганроге": not drones
_LOCAL_COUNT = re.compile(
    rf"(?<![:.])\b(?P<n>\d[\d,]*|{PLAIN_WORDS})(?![:.]\d)(?!\s+{dates.MONTH_NAMES}\b)\s+(?:(?!\d|{_NOT_DRONES})[\w-]+\s+){{0,3}}?(?:[—–-]\s+)?(?:over|above|in|near|approaching|heading (?:for|to|towards?)|flying (?:to|towards?)|en route to|над(?: территори(?:ей|єю))?|в|у|на)\s+"
    r"(?:the\s+)?(?:(?:city|town|republic|region|territory) of\s+(?:the\s+)?)?$", re.IGNORECASE)


# "над акваторией Черного моря", "над Азовським морем", "over the Black Sea": downings over water, no site on land.
_OVER_WATER = re.compile(r"(?<![\w-])(?:акватор\w+|(?:над|over|above)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:Sea|Gulf|мор(?:ем|я|ю|і|е)|"
                         r"затокою|заливом)(?![\w-]))")
_REGION_NAME_END = re.compile(r"\b(?:region|oblast|province|krai|kray)$", re.IGNORECASE)
_BRACKET = re.compile(r"\s*\(([^()]{1,80})\)")


# A live-blog time stamp alone on its line ("09.17 EET", "updated at 14.02 GMT", "Posted at 06:48": the BBC's, above its
# entry; the Guardian's "Updated at 11.40 BST" closes the entry above it and is read as that entry's time).
_STAMP_LINE = re.compile(r"\s*(?:(?:updated|[Pp]osted)(?: at)?\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[AaPp]\.?[Mm]\.?)?"  # AP's "10:30 AM GMT"
                         r"(?:\s+[A-Z]{2,4}|\s+(?:local|Kyiv|Moscow) time)?\s*")

# The writer's own word that what follows is only claimed: "заявило, що нібито вразило", "якобы поразили", "allegedly hit".
_ALLEGED = re.compile(r"(?<![\w'’-])(?:нібито|начебто|буцімто|якобы|будто бы|allegedly|purportedly)(?![\w'’-])", re.IGNORECASE)
# A party's claim told as such ("the ministry claimed its forces had struck ..."): retracted when the next sentence calls
# it a lie (a plain "denied that the depot was hit" leaves it disputed).
_CLAIMED = re.compile(r"(?<![\w'’-])claim(?:s|ed|ing)(?![\w'’-])", re.IGNORECASE)
_DENIED_HIT = re.compile(r"\b(?:denied|deny|denies|refuted)\s+(?:reports?\s+|claims?\s+)?that\s+[^.;]{0,60}?\b(?:was|were|had been|has been)\s+"
                         r"(?:\w+\s+)?(?:hit|struck|attacked|damaged|targeted)\b|опроверг\w*|спростува\w*", re.IGNORECASE)

# Searched in every sentence or before every site: led by a look-ahead for their first characters (cues.led).
_LOCAL_COUNT, _EVENT_REFERENCE, _DENIED_HIT, _WAVES = (cues.led(p) for p in (_LOCAL_COUNT, _EVENT_REFERENCE, _DENIED_HIT, _WAVES))


def _claimed(finding: Finding) -> bool:
    """True when the words before a site tell it as claimed ("the ministry claimed it had struck ... in Kharkiv")."""
    return _CLAIMED.search(finding.sentence.text, 0, finding.start - finding.sentence.start) is not None


# "Загинули: у Костянтинівці — 2, у Покровську — 1.": a casualty word heading a line of towns with their counts.
_COUNT_LIST_HEAD = re.compile(r"\W*([^\W\d_][\w'’-]*)\s*:\s+(?:у|в|in)\s", re.IGNORECASE)
_ITEM_COUNT = re.compile(r"\s*[—–-]\s*(\d{1,4})(?![\d:]|[.,]\d)")


def _casualty_name(word: str) -> str | None:
    """'Загинули', 'Погибли', 'Killed' -> "killed"; 'Поранені', 'Ранены', 'Injured' -> "injured"; else None."""
    for name in ("killed", "injured"):
        if re.fullmatch(rf"(?:{'|'.join(cues.slavic(name))}|{_ENGLISH_HEADS[name]})", word, re.IGNORECASE):
            return name
    return None


_ENGLISH_HEADS = {"killed": r"killed|dead", "injured": r"injured|wounded|hurt"}


def hearsay(sentence: Sentence) -> bool:
    """True when a sentence attributes what it tells to unnamed channels or unverified material."""
    return bool(cues.has("attribution", sentence.text) or cues.has("unverified", sentence.text))


def _opens_with_retraction(text: str) -> bool:
    """'Информация не подтвердилась: беспилотник сбит над Алексинским районом': a sentence led by a retraction, then
    the account that replaces the report."""
    lead = cues.has("retraction", text[:RETRACTION_LEAD])
    return lead is not None and re.match(r"\s*[:—–]", text[lead.end():]) is not None


RETRACTION_LEAD = 40  # a retraction this near the start of a sentence leads it


def _in_site_phrase(sentence: Sentence, mention: places.Mention) -> bool:
    """True when a place phrase ("in/over/at X", "в Фастові") names the mention: what a denial is about."""
    before = sentence.text[max(0, mention.start - sentence.start - 40):mention.start - sentence.start]
    return bool(site_roles.SITE_PREP.search(before))


def _wider_scope(text: str, end: int) -> bool:
    """True when the words right after a count widen it beyond one place ("across the country", "in total")."""
    match = cues.has("wider_scope", text[end:end + 40])
    return bool(match) and match.start() <= 12


_COUNTRY_SCOPE_BEFORE = re.compile(r"\b(?:across|throughout|all over)\s+(?:Ukraine|Russia|the country|the nation)\b", re.IGNORECASE)


def _wider_scope_before(text: str, start: int) -> bool:
    """True when the words right before a count widen it to the country or several regions ("Загалом за ніч в Україні
    загинули 7 людей", "по всій країні поранено 40"): not the count of the place named beside it."""
    return cues.has("wider_scope_before", text[max(0, start - 40):start]) is not None


def _named_within(named_at: tuple[int, ...], start: int, end: int) -> bool:
    """True when a place named again at the offsets `named_at` (in reading order, so ascending) is named in [start, end):
    a binary search, not a scan of every time a long article named it."""
    at = bisect_left(named_at, start)
    return at < len(named_at) and named_at[at] < end


def _by_clause(infos: list[places.ClauseInfo], findings: list[Finding]) -> list[list[Finding]]:
    """The findings that start in each clause, in the findings' order: one pass with a binary search (a sentence of
    thousands of listed places and clauses must not cost clauses × findings)."""
    order = sorted(range(len(infos)), key=lambda i: infos[i].clause.start)
    starts = [infos[i].clause.start for i in order]
    out: list[list[Finding]] = [[] for _ in infos]
    for finding in findings:
        at = bisect_right(starts, finding.start) - 1
        if at >= 0 and finding.start < infos[order[at]].clause.end:
            out[order[at]].append(finding)
    return out


class FactCollecting:
    """Counts, times, claims and notes attached to findings (a mixin of Reader)."""

    def collect(self, sentence: Sentence, infos: list[places.ClauseInfo], mentions: list[places.Mention],
                new: list[Finding], found_claims: list[claims.DistanceClaim], refs: list[int | None]) -> None:
        about_event = any(i.event_cues for i in infos) or bool(_EVENT_REFERENCE.search(sentence.text)) or self._follows_event(sentence)
        if new or self.last_event is None or not _STAMP_LINE.fullmatch(sentence.text):  # "06:44" alone: the entry below
            self.last_event = (sentence, bool(new) or any(i.event_cues for i in infos))  # follows the one above it
        shortly_after = self._shortly_after_event(sentence)
        if self.last_event[1]:
            self.last_event_index = sentence.index
        focus = self._just_struck(sentence) or self._focus_city() or (self.focus[-1] if self.focus else None)
        if not new and cues.has("other_event", sentence.text):
            about_event = False  # "a day after an attack on ... which killed 39": another event, not the one in focus
        if not new and self.abroad_at == sentence.index - 1 and not any(m.role == "site" or town_abroad(m) for m in mentions):
            about_event = False  # "A jet crashed near Aktau. Officials said 38 people were killed.": that story's figures
        named = self._named_findings(mentions, new)
        if not new and not named:  # "Погибли 15 человек. В Белгороде объявлен траур.": the site its entry names after it
            focus = self._named_later_in_entry(sentence) or focus
        self._retract_earlier(sentence, infos, mentions, new, named)
        self._retract_recalled_hearsay(sentence, new)
        listed_before = not new and not named and self._list_just_before(sentence)
        if self._headed_count_list(sentence, new):
            infos = []  # every count of the line is its town's
        for info, here in zip(infos, _by_clause(infos, new)):
            if info.historical_from is not None and info.historical_from <= info.clause.start:
                continue
            if sentence.heading and not new and self._teaser(mentions):
                continue  # "В Донецке … ранены трое" under the article: another story's figures
            limit = (info.historical_from or info.clause.end) - info.clause.start
            text = info.clause.text[:limit]
            targets = self._targets(info, here, new, named, focus if about_event and not listed_before else None)
            retracted = cues.has("retraction", text)
            if retracted:  # figures in a retracted or denied report are not kept; the corrected ones after a colon are
                corrected = re.compile(r"\s*[:—–]\s*").match(text, retracted.end())
                if corrected is not None:
                    at = info.clause.start + corrected.end()
                    for name, count in casualties.find_casualties(text[corrected.end():]).items():
                        self._attach(name, sentence, at + count.start, at + count.end, count.value, targets)
                continue
            text = self._bracket_counts(sentence, info, text, here)
            fixed = cues.has("count_correction", sentence.text) is not None  # "За уточненими даними, поранено двох"
            rumoured = hearsay(sentence) and self._reports_disputed()  # "Ранее каналы сообщали о трёх пострадавших"
            split = {} if rumoured else self._counts_by_site(info, text, here)
            for name, pairs in split.items():  # "killed one and injured four in Kramatorsk and killed two in Pokrovsk"
                for site, count in pairs:
                    self._attach(name, sentence, info.clause.start + count.start, info.clause.start + count.end, count.value,
                                 [site], fixed)
            for name, count in ({} if rumoured else casualties.find_casualties(text)).items():
                if name in split:
                    continue
                if _wider_scope(text, count.end) or _wider_scope_before(text, count.start):
                    continue  # "killed at least 31 people across the country": not this place's count
                if ((_COUNTRY_SCOPE_BEFORE.search(text, max(0, count.start - 60), count.start)
                     or cues.has("total_before", text[max(0, count.start - 40):count.start])) and not here):
                    continue  # "missiles struck cities across Ukraine, killing at least 31", "In total, one person was
                    # wounded over the past day": a total, no site named
                spread = count.value == 0 and not new and not named and (about_event or shortly_after)
                wide = spread and _SLAVIC_LETTER.search(text) is not None  # "Пострадавших нет." closing an official's post
                for target in ((self._zero_sites() if wide else self.last_sites) if spread else [None]):  # "No one was killed"
                    self._attach(name, sentence, info.clause.start + count.start, info.clause.start + count.end,
                                 count.value, [target] if target else targets, fixed)
            local = self._local_downed(sentence, info, text, here)
            downed = None if local else casualties.find_downed(text)
            sites_here = [f for f in here if not f.is_airport]
            if downed and sites_here and _OVER_WATER.search(text):  # "над Крымом и акваторией Черного моря сбиты 10": the sea's too
                note = f"{downed.value} drones reported downed over {sites_here[0].place.name} and the sea together"
                for finding in sites_here:
                    self.attachments.append(("note", sentence, (note, finding)))
            elif downed and len(sites_here) > 1:  # one total for several places: not any single place's count
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

    def _headed_count_list(self, sentence: Sentence, new: list[Finding]) -> bool:
        """'Загинули: у Костянтинівці — 2, у Покровську — 1.', 'Ранены: в Шебекино — 3': a line headed by a casualty
        word and a colon, one count after each town; each count is its town's. True when the line was read so."""
        head = _COUNT_LIST_HEAD.match(sentence.text)
        name = _casualty_name(head.group(1)) if head else None
        if name is None or not new:
            return False
        for finding in new:
            count = _ITEM_COUNT.match(self.body, finding.end)
            if count is not None:
                self._attach(name, sentence, count.start(1), count.end(1), int(count.group(1)), [finding])
        return True

    def _reports_disputed(self) -> bool:
        """True when the article disputes what was reported ("назвал фейком сообщения каналов", "denied the reports"):
        the figures it then tells from unnamed channels are the rumour's, not kept."""
        if self.reports_disputed is None:
            self.reports_disputed = cues.has("disputed", self.body) is not None
        return self.reports_disputed

    def _counts_by_site(self, info: places.ClauseInfo, text: str, here: list[Finding]) -> dict[str, list[tuple[Finding, Any]]]:
        """The killed or injured counts of a clause that belong to different sites of it (`here`), each to its own ("killed
        one in Kramatorsk and two in Pokrovsk"): {name: [(site, its largest count)]}, only for names told for two sites or more."""
        sites = [f for f in here if not f.is_airport]
        if len(sites) < 2:
            return {}
        out = {}
        for name in ("killed", "injured"):
            best: dict[int, tuple[Finding, Any]] = {}
            told = casualties.every_count(text, name)
            listed = {id(t): casualties.elliptic_counts(text, t) for t in told}
            trailing = {id(c) for t in told if listed[id(t)] and casualties.counts_follow_places(text)
                        for c in [t] + listed[id(t)]}  # "у Херсоні поранено двох, у Білозерці — трьох": each after its place
            for count in told + [c for t in told for c in listed[id(t)]]:
                if count.value == 0 or _wider_scope(text, count.end) or _wider_scope_before(text, count.start):
                    continue
                site = (_site_before(sites, info.clause.start + count.start) if id(count) in trailing
                        else closest(sites, info.clause.start + count.start, info.clause.start + count.end))
                if id(site) not in best or count.value > best[id(site)][1].value:
                    best[id(site)] = (site, count)
            if len(best) > 1:
                out[name] = list(best.values())
        return out

    def _retract_earlier(self, sentence: Sentence, infos: list[places.ClauseInfo], mentions: list[places.Mention],
                         new: list[Finding], named: list[Finding]) -> None:
        """'Channels reported a blast in Tula. The governor called these reports untrue.': a sentence that only denies
        retracts the hearsay sites it names again, or else those of the sentence before it."""
        if self._contradicts_earlier(sentence, new) or self._denies_reports(sentence, new):
            return
        alleged = [] if new else self._alleged_just_before(sentence)
        denial = None if new else cues.has("retraction", sentence.text) or (_DENIED_HIT.search(sentence.text) if alleged else None)
        if denial is None or (_DENIED_HIT.search(sentence.text) and not alleged):
            return  # "officials denied that the depot was hit": the claim stays, disputed (_collect_notes)
        rest = sentence.text[denial.end():]
        if (any(i.event_cues and not cues.has("retraction", i.clause.text) for i in infos)
                or (re.match(r"\s*[:—–]", rest) and cues.tells_event(rest))):
            return  # a correction that tells what did happen ("not confirmed: two people were injured")
        if not named and any(m.reason.startswith("retracted") and _in_site_phrase(sentence, m) for m in mentions):
            return  # it denies a place of its own
        told = named or [f for f in self.last_sites if f.sentence.index == sentence.index - 1]
        claimed = [] if _DENIED_HIT.search(sentence.text) else [f for f in told if _claimed(f)]
        self.retracted.update(id(f) for f in told if hearsay(f.sentence) or f in alleged or f in claimed)  # not an official's own report
        self._retract_claim_retold({place_key(f.place) for f in claimed})
        for finding in named:  # "Вночі в Павлограді вибухи. Це неправда: у Павлограді вибухів не було": told, then denied by name
            if not hearsay(finding.sentence) and finding.sentence.index == sentence.index - 1:
                self.attachments.append(("disputed", sentence, (denial.start(), denial.end(), finding)))

    def _retract_claim_retold(self, denied: set[str]) -> None:
        """'Russia claims strike on mercenaries in Kharkiv' (headline) … 'the ministry claimed it had struck … in Kharkiv.
        The governor called the claim a lie.': the denied claim told again earlier, as a claim, goes with it."""
        self.retracted.update(id(f) for f in self.findings if place_key(f.place) in denied and _claimed(f))

    def _alleged_just_before(self, sentence: Sentence) -> list[Finding]:
        """'Міноборони РФ заявило, що нібито вразило аеродром … У ОВА це спростували.': the sites of the sentence before
        that the writer already called alleged (нібито, якобы, allegedly) before naming them; a denial retracts them."""
        told = [f for f in self.last_sites if f.sentence.index == sentence.index - 1]
        return [f for f in told if _ALLEGED.search(f.sentence.text, 0, f.start - f.sentence.start)]

    def _retract_recalled_hearsay(self, sentence: Sentence, new: list[Finding]) -> None:
        """'В Минобороны опровергли сообщения о поражении подстанции. … Ранее телеграм-каналы заявили о пожаре на
        подстанции в Луховицах.': hearsay recalled ('Ранее', 'Раніше', 'Earlier') after the article has denied a report
        is the report denied, not a site of its own."""
        if new and hearsay(sentence) and self.report_denied is not None and cues.has("recap", sentence.text[:RETRACTION_LEAD]):
            self.retracted.update(id(f) for f in new)
        if (cues.has("report_denial", sentence.text) or cues.has("denied_report", sentence.text)
                or (cues.has("retraction", sentence.text) and hearsay(sentence))):  # "Информация каналов … не соответствует действительности"
            self.report_denied = sentence.index

    def _denies_reports(self, sentence: Sentence, new: list[Finding]) -> bool:
        """'Channels reported a strike on the Baltimor air base. The governor denied these reports: all drones were
        downed over the Ramon district.': a denial of reports that tells its own sites retracts the hearsay sites of the
        sentence before it that it does not name again."""
        if not new or (cues.has("report_denial", sentence.text) is None and not _opens_with_retraction(sentence.text)):
            return False
        named = {place_key(f.place) for f in new}
        told = [f for f in self.last_sites if f.sentence.index == sentence.index - 1 and hearsay(f.sentence)
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
        self.retracted.update(id(f) for f in told if hearsay(f.sentence))
        return True

    def _targets(self, info: places.ClauseInfo, inside: list[Finding], new: list[Finding], named: list[Finding],
                 focus: Finding | None) -> list[Finding]:
        named_here = [f for f in named if _named_within(f.named_at, info.clause.start, info.clause.end)]
        return inside or named_here or new or named or ([focus] if focus else [])

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

    def _list_just_before(self, sentence: Sentence) -> bool:
        """'Под обстрелом находились Херсон, Белозерка, Антоновка и Берислав. Погибли два человека.': the sentence right
        before listed LIST_SITES places or more; figures told after it, naming none, are their total, no single place's."""
        told = {place_key(f.place) for f in self.last_sites if f.sentence.index == sentence.index - 1}
        return len(told) >= LIST_SITES

    def _sites_just_before(self, sentence: Sentence) -> bool:
        """True when the sentence right before named the sites of an event (no weapon named: "Прилёты: Курчатов")."""
        return any(f.sentence.index == sentence.index - 1 for f in self.last_sites)

    def _shortly_after_event(self, sentence: Sentence) -> bool:
        """True when an event was reported at most ZERO_GAP sentences before, none since ("Пожежу на складі загасили
        рятувальники. Загиблих та постраждалих немає."): a statement of no casualties is about that event. Sites named
        in the two sentences before are such an event ("Drones set a depot on fire in Adler. About 120 firefighters were
        at the scene. There were no casualties.")."""
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

    def _local_downed(self, sentence: Sentence, info: places.ClauseInfo, text: str, here: list[Finding]) -> bool:
        """Counts written right before each site ("21 over the Bryansk region and 9 over Kursk"); True if any."""
        listed = not cues.has("interception", text) and any(c.kind == "interception" for c in info.event_cues)
        if not (casualties.find_downed(text) or (cues.has("interception", text) and cues.has("weapons/drone", text))
                or listed):  # an item of a list whose lead-in told the interception ("…destroyed 38 drones:" / "- 21 over …")
            return False
        sites = [f for f in here if not f.is_airport]
        counted = []
        for finding in sites:
            match = _LOCAL_COUNT.search(self.body[max(info.clause.start, finding.start - site_rejections.WINDOW):finding.start])
            value = to_int(match.group("n")) if match else None
            if value is not None:
                window = max(info.clause.start, finding.start - site_rejections.WINDOW)
                counted.append(("drones_downed", value, window + match.start(), finding.end, finding))
        if len({place_key(f.place) for f in sites}) > 1 and len(counted) == 1:
            return False  # "102 drones over Crimea, the Krasnodar region and the Belgorod region": one total for all
        for payload in counted:
            self.attachments.append(("count", sentence, payload))
        return bool(counted)

    def _bracket_counts(self, sentence: Sentence, info: places.ClauseInfo, text: str, here: list[Finding]) -> str:
        """'Kharkiv (two killed, seven injured) and Sumy (one injured)': figures in brackets right after a site of the
        clause (`here`) are that site's; the clause text is returned with them blanked for the figures of the clause as a whole."""
        for finding in here:
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

    def _zero_sites(self) -> list[Finding]:
        """The sites a standalone 'Пострадавших нет.' is about: those of the last sentence; in an official's post that
        told several places in a row (none of them given a casualty figure, no live-blog time stamps), all of them."""
        if self.last_event_index is None or not self.last_sites:
            return self.last_sites
        recent = [f for f in self.findings if not f.is_airport and self.last_event_index - f.sentence.index < ZERO_GAP]
        counted = {id(a[2][4]) for a in self.attachments
                   if a[0] in ("count", "count_fix") and a[2][0] in ("killed", "injured") and a[2][1] > 0}
        if any(id(f) in counted or _TIME_OPENING.match(f.sentence.text) for f in recent):
            return self.last_sites
        return recent + [f for f in self.last_sites if f not in recent]

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
        rumour = cues.has("attribution", sentence.text) if not new and _ABOUT_THIS.match(sentence.text) else None
        if rumour:  # "… атака дронов. Об этом сообщают местные Telegram-каналы.": the sentence before told only hearsay
            for finding in [f for f in self.last_sites if f.sentence.index == sentence.index - 1]:
                self.attachments.append(("rumour", sentence, (rumour.start(), rumour.end(), finding)))
        disputed = cues.has("disputed", sentence.text)
        if disputed and targets and (new or _DENIED_HIT.search(sentence.text)):  # "officials denied that the depot was hit"
            for finding in targets:
                self.attachments.append(("disputed", sentence, (disputed.start(), disputed.end(), finding)))
        for match in _WAVES.finditer(sentence.text):
            for finding in targets:
                self.attachments.append(("note", sentence, (f"in {match.group(1).lower()} waves", finding)))


# "Об этом сообщают …", "Про це повідомляють …", "This was reported by …": a sentence telling who told the one before.
_ABOUT_THIS = re.compile(r"\W*(?:об этом|про це|this (?:was|is|has been)|that (?:was|is))\s", re.IGNORECASE)


def town_abroad(mention: places.Mention) -> bool:
    """A town of some size outside Russia, Ukraine and Belarus named in a clause telling no event of the war ("a jet
    crashed near Aktau"): another story (not a speaker's seat, "said in Vienna", nor a word like "Force")."""
    if mention.role == "site" or mention.reason != "no event cue in its clause":
        return False
    found = geo.place(mention.text)
    return (found is not None and found.kind == "city" and found.country not in ("RU", "UA", "BY")
            and (found.population or 0) >= ABROAD_TOWN_PEOPLE)


ABROAD_TOWN_PEOPLE = 20000


def _site_before(sites: list[Finding], start: int) -> Finding:
    """The nearest site named before a count (a Slavic list puts each count after its place)."""
    before = [f for f in sites if f.start < start]
    return max(before, key=lambda f: f.start) if before else sites[0]
