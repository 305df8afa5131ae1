"""One pass over an article's sentences: sites of events (findings), and the dates, counts, times, claims and notes
that attach to them."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from incidents.extraction import airports, casualties, claims, cues, dates, geo, places
from incidents.extraction.drafts import build_drafts
from incidents.extraction.findings import Draft, Finding, closest
from incidents.extraction.numbers import WORDS, to_int
from incidents.extraction.sentences import Sentence, split_clauses, split_sentences

DISTRICT_KM = 80.0  # a district named after a town this close to the city in focus is that town's district
STRIKE_KINDS = ("strike", "passive", "debris", "casualty")
_WEAPON_TYPE = {"drone": "drone_strike", "missile": "missile_strike", "other": "strike", None: "strike"}
_WAVES = re.compile(r"\b(\w+)\s+waves?\s+of\s+(?:drones?|missiles?|attacks?|strikes?)", re.IGNORECASE)
_EVENT_REFERENCE = re.compile(r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:attacks?|strikes?|raid|incident|assault|fire|blaze|explosions?|blast)\b", re.I)
_PLAIN_WORDS = "|".join(w for w in WORDS.split("|") if w not in ("a", "an", "no", "none", "single", "both"))
_LOCAL_COUNT = re.compile(
    rf"\b(?P<n>\d[\d,]*|{_PLAIN_WORDS})\s+(?:(?!\d)[\w-]+\s+){{0,3}}?(?:over|above|in|near|approaching|heading for)\s+"
    r"(?:the\s+)?(?:city of\s+)?$", re.IGNORECASE)


class Reader:
    """One pass over the sentences of an article, collecting findings and the facts that attach to them."""

    def __init__(self, body: str, published: date | None) -> None:
        self.body = body
        self.published = published
        self.sentences = split_sentences(body)
        self.lower_words = frozenset(re.findall(r"\b[a-z][\w'’-]*", body))
        self.weapon = _dominant_weapon(body)
        self.findings: list[Finding] = []
        self.rejected: list[dict[str, Any]] = []
        self.context: list[Any] = []
        self.attachments: list[tuple[str, Sentence, Any]] = []  # (kind, sentence, payload) resolved after grouping
        self.current_day: tuple[date, Sentence, tuple[int, int], str] | None = None
        self.pending: list[Finding] = []  # findings waiting for a later date
        self.claims: list[tuple[list[str], claims.DistanceClaim, Any, Sentence]] = []  # (subject keys nearest first, ...)
        self.focus: list[Finding] = []  # strike findings in reading order
        self.last_event: tuple[Sentence, bool] | None = None  # the previous sentence and whether it reported an event
        self.last_city: Any = None  # the city named last (for "the city", "the capital")

    # ------------------------------------------------------------ reading

    def run(self) -> None:
        for sentence in self.sentences:
            self.read(sentence)
        for finding in self.pending:
            self._default_day(finding)

    def read(self, sentence: Sentence) -> None:
        infos = self.clause_infos(sentence)
        mentions = places.find_mentions(sentence, self.lower_words)
        found_claims = claims.find_claims(sentence.text)
        refs = [self._reference_start(sentence, mentions, c) for c in found_claims]
        places.classify(sentence, infos, mentions, [r for r in refs if r is not None])
        self._learn_context(mentions)
        new = self.sites(sentence, infos, mentions) if not sentence.heading else []
        new += self.city_references(sentence, infos, new)
        new += self.focus_airports(sentence, infos, new)
        self.date_findings(sentence, infos, new)
        self.findings += new
        self.focus += [f for f in new if f.event_type not in ("airspace_restriction",)]
        self.rejected += [self._rejected(sentence, m) for m in mentions if m.role != "site"]
        self.collect(sentence, infos, mentions, new, found_claims, refs)

    def clause_infos(self, sentence: Sentence) -> list[places.ClauseInfo]:
        out: list[places.ClauseInfo] = []
        inherited: tuple[int, str] | None = None
        for clause in split_clauses(sentence):
            start, reason = _history(clause.text, self.published)
            if start is None and inherited and (clause.relative or re.match(r"(?:and|or)\b", clause.text)):
                start, reason = 0, inherited[1]
            historical = None if start is None else clause.start + start
            inherited = (historical, reason) if historical is not None else None
            limit = len(clause.text) if start is None else start
            found = tuple(c for c in cues.find_cues(clause.text[:limit]))
            out.append(places.ClauseInfo(clause, historical, found, reason))
        return out

    def _reference_start(self, sentence: Sentence, mentions: list[places.Mention], claim: claims.DistanceClaim) -> int | None:
        at = sentence.start + claim.reference_at
        for mention in mentions:
            if mention.start >= at and mention.start - at <= 5:
                return mention.start
        return None

    def _learn_context(self, mentions: list[places.Mention]) -> None:
        for mention in mentions:
            if mention.reason.startswith(("part of", "not a place", "a common", "an abbreviation", "in a heading")):
                continue
            found = geo.place(mention.text, mention.hint, geo.context_of(self.context))
            if found is not None and found.kind in ("country", "region") and found not in self.context:
                self.context.append(found)
            if (found is not None and found.kind == "city" and mention.hint != "district"
                    and not mention.reason.startswith(("two names", "historical"))):
                self.last_city = found

    # ------------------------------------------------------------ sites

    def sites(self, sentence: Sentence, infos: list[places.ClauseInfo], mentions: list[places.Mention]) -> list[Finding]:
        out = []
        for mention in mentions:
            if mention.role != "site":
                continue
            info = next(i for i in infos if i.clause is mention.clause)
            finding = self.site_finding(sentence, info, mention)
            if finding is None:
                mention.role, mention.reason = None, mention.reason + "; but no place or airport could be resolved"
            elif finding.place.kind == "country":
                mention.role, mention.reason = None, "a country: context, not an incident site"
            elif out and _qualifies(sentence, out[-1], finding):
                mention.role, mention.reason = None, f"names the region {out[-1].place.name} lies in: a qualifier, not another site"
            else:
                out.append(finding)
        return out

    def site_finding(self, sentence: Sentence, info: places.ClauseInfo, mention: places.Mention) -> Finding | None:
        kinds = {c.kind for c in info.event_cues}
        restriction = "restriction" in kinds and not (kinds & {"strike", "passive", "explosion", "debris", "casualty"})
        if restriction or (mention.hint == "airport" and "restriction" in kinds):
            found = self._airport_for(mention.text)
            event_type = "airspace_restriction"
        elif mention.hint == "district":
            found = self._district(mention)
            event_type = self.event_type(info, sentence, kinds)
        else:
            found = geo.place(mention.text, mention.hint if mention.hint == "region" else None, geo.context_of(self.context))
            if mention.hint == "airport":
                found = self._airport_for(mention.text) or found
            event_type = self.event_type(info, sentence, kinds)
        if found is None:
            return None
        cue = _nearest_cue(info, mention, event_type)
        if found.kind in ("city", "region") and found not in self.context:
            self.context.append(found)
        return Finding(event_type, found, sentence, mention.text, mention.start, mention.end, cue, mention.reason)

    def city_references(self, sentence: Sentence, infos: list[places.ClauseInfo], new: list[Finding]) -> list[Finding]:
        """"Two were killed in the capital", "drones struck the city": the city in focus, or the one named last."""
        focus = self._focus_city()
        city = focus.place if focus else self.last_city
        if city is None or sentence.heading:
            return []
        out = []
        for info in infos:
            kinds = {c.kind for c in info.event_cues}
            if not kinds & {*STRIKE_KINDS, "explosion", "interception"}:
                continue
            limit = (info.historical_from or info.clause.end) - info.clause.start
            for match in places.city_references(info.clause.text[:limit]):
                start, end = info.clause.start + match.start("ref"), info.clause.start + match.end("ref")
                if any(f.start <= start < f.end for f in new):
                    continue
                mention = places.Mention(match.group("ref"), start, end, sentence.index, role="site",
                                         reason=f"site: '{match.group('ref')}' refers to {city.name}", clause=info.clause)
                event_type = self.event_type(info, sentence, kinds)
                out.append(Finding(event_type, city, sentence, city.name, start, end, _nearest_cue(info, mention, event_type),
                                   mention.reason))
        return out

    def _district(self, mention: places.Mention) -> Any:
        """'the X district': the town X when it lies near the city in focus, else that city (a district of it)."""
        focus = self._focus_city()
        city = focus.place if focus else self.last_city
        owned = re.search(r"\b(?:city|town|capital)['’]s\s+$", self.body[max(0, mention.start - 20):mention.start], re.I)
        named = None if owned else geo.place(mention.text, None, geo.context_of(self.context))
        if named is not None and (city is None or geo.km_between(named, city) <= DISTRICT_KM):
            return named
        mention.reason += f"; a district of {city.name}" if city else "; a district of no city in focus"
        return city

    def _airport_for(self, name: str) -> Any:
        country = self._country_hint()
        return geo.airport(name, country) or geo.airport(name)

    def _country_hint(self) -> str | None:
        countries = [p.country for p in self.context]
        return max(set(countries), key=countries.count) if countries else None

    def event_type(self, info: places.ClauseInfo, sentence: Sentence, kinds: set[str]) -> str:
        if kinds & set(STRIKE_KINDS):
            weapon = cues.weapon_of(info.clause.text) or cues.weapon_of(sentence.text) or self.weapon
            return _WEAPON_TYPE[weapon]
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

    def _airport_finding(self, sentence: Sentence, found: Any, ref: airports.AirportRef, reason: str) -> Finding:
        cue = cues.Cue("restriction", ref.text, ref.start, ref.end)
        return Finding("airspace_restriction", found, sentence, ref.text, ref.start, ref.end, cue, reason)

    def _focus_city(self) -> Finding | None:
        for finding in reversed(self.focus):
            if finding.place.kind == "city":
                return finding
        return None

    # ------------------------------------------------------------ dates

    def date_findings(self, sentence: Sentence, infos: list[places.ClauseInfo], new: list[Finding]) -> None:
        mentions = [m for m in dates.find_dates(sentence.text, self.published)
                    if not self._in_history(infos, sentence.start + m.start)]
        has_event = any(i.event_cues for i in infos)
        if mentions and (has_event or new) and (self.current_day is None or self.current_day[0] != mentions[0].day):
            first = mentions[0]
            self.current_day = (first.day, sentence, (sentence.start + first.start, sentence.start + first.end), first.note)
            for finding in self.pending:
                self._apply_day(finding, self.current_day, "date named later in the article")
            self.pending = []
        for finding in new:
            if self.current_day:
                own = mentions and self.current_day[1] is sentence
                self._apply_day(finding, self.current_day, "date in the same sentence" if own else "date named earlier in the article")
            else:
                self.pending.append(finding)

    @staticmethod
    def _in_history(infos: list[places.ClauseInfo], at: int) -> bool:
        return any(i.historical_from is not None and i.clause.start <= at < i.clause.end and at >= i.historical_from for i in infos)

    @staticmethod
    def _apply_day(finding: Finding, current: tuple[date, Sentence, tuple[int, int], str], reason: str) -> None:
        finding.day, finding.day_sentence, finding.day_evidence, finding.day_note = current
        finding.day_reason = reason

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
        focus = self._focus_city() or (self.focus[-1] if self.focus else None)
        named = self._named_findings(mentions, new)
        for info in infos:
            if info.historical_from is not None and info.historical_from <= info.clause.start:
                continue
            limit = (info.historical_from or info.clause.end) - info.clause.start
            text = info.clause.text[:limit]
            targets = self._targets(info, new, named, focus if about_event else None)
            for name, count in casualties.find_casualties(text).items():
                self._attach(name, sentence, info.clause.start + count.start, info.clause.start + count.end,
                             count.value, targets)
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
                self.attachments.append(("lift", sentence, (names, info.clause.start + lift.start(), info.clause.start + lift.end())))
        self._collect_times(sentence, infos, new, focus if about_event else None)
        self._collect_claims(sentence, mentions, found_claims, refs)
        self._collect_notes(sentence, new, focus if about_event else None)

    def _targets(self, info: places.ClauseInfo, new: list[Finding], named: list[Finding], focus: Finding | None) -> list[Finding]:
        inside = [f for f in new if info.clause.start <= f.start < info.clause.end]
        named_here = [f for f in named if any(info.clause.start <= at < info.clause.end for at in f.named_at)]
        return inside or named_here or new or named or ([focus] if focus else [])

    def _follows_event(self, sentence: Sentence) -> bool:
        """True when the sentence right before reported an event (this one likely adds to it)."""
        previous = self.last_event
        return bool(previous and previous[1])

    def _named_findings(self, mentions: list[places.Mention], new: list[Finding]) -> list[Finding]:
        """Earlier findings at a place this sentence names again (not as a government or a person)."""
        if new:
            return []
        usable = [m for m in mentions if not m.reason.startswith(("stands for", "part of", "not a place", "a common", "where people"))]
        out = []
        for mention in usable:
            earlier = next((f for f in reversed(self.findings) if not f.is_airport and geo.key(f.mention_text) == geo.key(mention.text)), None)
            if earlier is not None:
                earlier.named_at = (*earlier.named_at, mention.start)
                out.append(earlier)
        return out

    def _local_downed(self, sentence: Sentence, info: places.ClauseInfo, text: str, new: list[Finding]) -> bool:
        """Counts written right before each site ("21 over the Bryansk region and 9 over Kursk"); True if any."""
        if not casualties.find_downed(text) and not cues.has("interception", text):
            return False
        found = False
        for finding in new:
            if not info.clause.start <= finding.start < info.clause.end:
                continue
            before = self.body[info.clause.start:finding.start]
            match = _LOCAL_COUNT.search(before)
            if match:
                value = to_int(match.group("n"))
                if value is not None:
                    found = True
                    self.attachments.append(("count", sentence, ("drones_downed", value, info.clause.start + match.start(),
                                                                 finding.end, finding)))
        return found

    def _attach(self, name: str, sentence: Sentence, start: int, end: int, value: int, targets: list[Finding]) -> None:
        """A count for the site it belongs to (never an airport restriction)."""
        chosen = [f for f in targets if not f.is_airport]
        if chosen:
            self.attachments.append(("count", sentence, (name, value, start, end, closest(chosen, start, end))))

    def _collect_times(self, sentence: Sentence, infos: list[places.ClauseInfo], new: list[Finding], focus: Finding | None) -> None:
        own = [m for m in dates.find_dates(sentence.text, self.published) if not self._in_history(infos, sentence.start + m.start)]
        own_day = own[0].day if own else None
        for mention in dates.find_times(sentence.text):
            at = sentence.start + mention.start
            if self._in_history(infos, at):
                continue
            strikes = [f for f in new if not f.is_airport]
            same_clause = [f for f in strikes for i in infos if i.clause.start <= at < i.clause.end and i.clause.start <= f.start < i.clause.end]
            targets = same_clause or strikes or ([focus] if focus else [])
            for finding in targets:
                self.attachments.append(("time", sentence, (mention, at, sentence.start + mention.end, finding, own_day)))

    def _collect_claims(self, sentence: Sentence, mentions: list[places.Mention], found_claims: list[claims.DistanceClaim],
                        refs: list[int | None]) -> None:
        for claim, ref_start in zip(found_claims, refs):
            ref = next((m for m in mentions if m.start == ref_start), None)
            at = sentence.start + claim.start
            subjects = [m for m in reversed(mentions) if m.end <= at and not m.reason.startswith(("part of", "not a place", "a common"))]
            if ref is None or not subjects:
                continue
            ref_place = geo.place(ref.text, None, geo.context_of(self.context))
            if ref_place is not None:
                self.claims.append(([geo.key(m.text) for m in subjects], claim, ref_place, sentence))

    def _collect_notes(self, sentence: Sentence, new: list[Finding], focus: Finding | None) -> None:
        targets = [f for f in new if not f.is_airport] or ([focus] if focus else [])
        unverified = cues.has("unverified", sentence.text)
        if unverified:
            for finding in targets:
                self.attachments.append(("unverified", sentence, (unverified.start(), unverified.end(), finding)))
        disputed = cues.has("disputed", sentence.text)
        if disputed and new:
            for finding in targets:
                self.attachments.append(("disputed", sentence, (disputed.start(), disputed.end(), finding)))
        for match in _WAVES.finditer(sentence.text):
            for finding in targets:
                self.attachments.append(("note", sentence, (f"in {match.group(1).lower()} waves", finding)))

    def _rejected(self, sentence: Sentence, mention: places.Mention) -> dict[str, Any]:
        return {"text": mention.text, "start": mention.start, "end": mention.end, "sentence": sentence.text,
                "reason": mention.reason or "not an incident site"}

    def drafts(self) -> list[Draft]:
        """The incident drafts of this article (call after run())."""
        return build_drafts(self.findings, self.attachments, self.claims)


def _qualifies(sentence: Sentence, city: Finding, region: Finding) -> bool:
    """'Shebekino in the Belgorod region', 'Engels, Saratov region': the region right after a city of that region."""
    if region.place.kind != "region" or city.place.kind not in ("city", "airport"):
        return False
    gap = sentence.text[city.end - sentence.start:region.start - sentence.start]
    same = (city.place.country, city.place.admin1) == (region.place.country, region.place.admin1)
    return same and bool(re.fullmatch(r"\s*(?:,|in|of)?\s*(?:the\s+)?", gap))


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


def _history(text: str, published: date | None) -> tuple[int | None, str]:
    found: list[tuple[int, str]] = []
    years = dates.old_years(text, published)
    if years:
        comma = text.rfind(",", 0, years[0][0])
        while comma >= 0 and not text[comma + 1:years[0][0]].strip():  # "September 11, 2001": the date's own comma
            comma = text.rfind(",", 0, comma)
        start = comma + 1 if comma >= 0 else 0
        found.append((start, f"a year long before publication ({text[years[0][0]:years[0][1]]})"))
    match = cues.has("historical", text)
    if match:
        found.append((match.start(), f"historical comparison ('{match.group(0)}')"))
    if not found:
        return None, ""
    if match and years and match.start() < years[0][0]:
        return found[-1]  # "comparisons to the 2001 attacks": history starts at the comparison
    return min(found)


def _dominant_weapon(text: str) -> str | None:
    counts = {kind: len(cues.pattern(f"weapons/{kind}").findall(text)) for kind in ("drone", "missile", "other")}
    best = max(counts, key=counts.get)
    return best if counts[best] else None
