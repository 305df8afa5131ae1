"""Drafts of incidents: findings grouped by type, place and day, completed with times, counts, status and claims."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from incidents.extraction import casualties, cues, dates, geo
from incidents.extraction.findings import Draft, Finding, evidence, place_key
from incidents.extraction.sentences import Sentence

STRIKES = ("drone_strike", "missile_strike", "strike")


def build_drafts(findings: list[Finding], attachments: list[tuple[str, Sentence, Any]],
                 claims: list[tuple[list[str], Any, Any, Sentence]]) -> list[Draft]:
    """Findings grouped into drafts (type, place, day; an overnight attack told with two dates stays one), then
    completed with the facts attached to them, interceptions folded into strikes and covering regions merged."""
    groups: dict[tuple, Draft] = {}
    by_finding: dict[int, Draft] = {}
    for finding in sorted((f for f in findings if f.day is not None), key=lambda f: (f.day, f.start)):
        key = (finding.event_type, place_key(finding.place), finding.day)
        earlier = (finding.event_type, place_key(finding.place), finding.day - timedelta(days=1))
        key = earlier if earlier in groups else key
        draft = groups.setdefault(key, Draft(finding))
        draft.findings.append(finding)
        by_finding[id(finding)] = draft
    drafts = sorted(groups.values(), key=lambda d: d.first.start)
    for draft in drafts:
        _fill_basics(draft)
    restricted = _Restricted([d for d in drafts if d.first.is_airport])
    for kind, sentence, payload in attachments:
        _apply_attachment(kind, sentence, payload, by_finding, restricted)
    for draft in drafts:
        _verification(draft)
        _bound_notes(draft)
    drafts = _drop_covering_regions(_fold_untold_weapons(_fold_title_strikes(_fold_heard_downings(_fold_interceptions(
        _repelled_attacks(_drop_listed_summaries(drafts)))))))
    _apply_claims(drafts, claims)
    return _drop_base_towns(_drop_namesake_cities(drafts))


def _apply_claims(drafts: list[Draft], claims: list[tuple[list[str], Any, Any, Sentence]]) -> None:
    """Each distance claim on the draft of its subject (the nearest site named before it; a city before a region)."""
    cities = [d for d in drafts if d.first.place.kind == "city"] or drafts
    sites = {geo.key(f.mention_text) for d in cities for f in d.findings} | {geo.key(d.first.place.name) for d in cities}
    by_kind = sorted((d for d in drafts if not d.first.is_airport), key=lambda d: d.first.place.kind == "region")
    named = [(_names(d), d) for d in by_kind] if claims else []  # once per draft, not once per claim
    for subjects, claim, ref, sentence in claims:
        subject = next((key for key in subjects if key in sites), subjects[0])
        draft = next((d for names, d in named if subject in names), None)
        if draft is not None:
            _apply_claim(draft, claim, ref, sentence)


def _names(draft: Draft) -> set[str]:
    return {geo.key(f.mention_text) for f in draft.findings} | {geo.key(draft.first.place.name)}


def _apply_claim(draft: Draft, claim: Any, ref: Any, sentence: Sentence) -> None:
    """The distance claim made about this draft's place (its subject: the nearest site named before the claim)."""
    if "distance_claim" in draft.values:
        return
    place = draft.first.place
    if place.kind == "approximate" or geo.km_between(place, ref) < 1.0:
        return  # the claim placed this site, or names the site itself: nothing to check
    result = geo.check_claim(place.lat, place.lon, ref, claim.claimed_km)
    result["claimed_text"] = claim.claimed_text + " " + ref.name
    draft.values["distance_claim"] = result
    draft.evidence["distance_claim"] = evidence(sentence, sentence.start + claim.start, sentence.start + claim.end,
                                                f"distance claim about {place.name} checked against the geodesic")


def _fill_basics(draft: Draft) -> None:
    first = draft.first
    draft.evidence["place"] = evidence(first.sentence, first.start, first.end, first.reason)
    if first.cue is not None:
        draft.evidence["event_type"] = evidence(first.sentence, first.cue.start, first.cue.end,
                                                 f"cue '{first.cue.text}' ({first.cue.kind})")
    if first.day_evidence and first.day_sentence is not None:
        start, end = first.day_evidence
        draft.evidence["started_at"] = evidence(first.day_sentence, start, end, first.day_reason)
    draft.values["started_at"] = first.day.isoformat() if first.day else None
    draft.values["time_precision"] = "day"
    draft.note(first.day_note)
    if first.day_end is not None:
        last, sentence, (start, end) = first.day_end
        draft.values["ended_at"] = last.isoformat()
        draft.evidence["ended_at"] = evidence(sentence, start, end, "the last day of a span of days")
    if first.is_airport:
        draft.values["status"] = "active"
        draft.evidence["status"] = evidence(first.sentence, first.start, first.end, "restriction reported, no lifting stated")


class _Restricted:
    """The drafts of airport restrictions with the names and the sentences of their findings, read once (not for every
    lifting cue: that grew with the square of the article's length)."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.drafts = drafts
        self.names = {id(d): {geo.key(f.mention_text) for f in d.findings} | {geo.key(d.first.place.name)} for d in drafts}
        self.told_in = {id(d): {f.sentence.index for f in d.findings} for d in drafts}

    def recent(self, draft: Draft, sentence: Sentence) -> bool:
        """A restriction reported in this sentence or the one before (what "flights later resumed" refers to)."""
        return not self.told_in[id(draft)].isdisjoint((sentence.index, sentence.index - 1))


_CORRECTED = " (a corrected figure)"


def _apply_attachment(kind: str, sentence: Sentence, payload: Any, by_finding: dict[int, Draft],
                      restricted: _Restricted) -> None:
    if kind in ("count", "count_fix"):
        name, value, start, end, finding = payload
        draft = by_finding.get(id(finding))
        if draft is not None and kind == "count_fix":
            draft.values.pop(name, None)  # "За уточненими даними, поранено двох": the corrected figure replaces the first
        corrected = draft is not None and str(draft.evidence.get(name, {}).get("reason", "")).endswith(_CORRECTED)
        if draft is not None and not (kind == "count" and corrected):  # a live blog's newest entry (the fix) comes first
            draft.set(name, value, sentence, start, end, f"{name} stated in the text" + (_CORRECTED if kind == "count_fix" else ""),
                      keep_max=True)
    elif kind == "time":
        mention, start, end, finding, own_day = payload
        draft = by_finding.get(id(finding))
        if draft is not None and draft.values.get("time_precision") == "day":
            _set_time(draft, mention, sentence, start, end, own_day)
    elif kind == "lift":
        names, start, end, when = payload
        here = [d for d in restricted.drafts if sentence.index in restricted.told_in[id(d)]]
        for draft in restricted.drafts:
            if names & restricted.names[id(draft)] or (not names and (draft in here if here else restricted.recent(draft, sentence))):
                draft.values["status"] = "lifted"
                draft.evidence["status"] = evidence(sentence, start, end, "lifting cue next to this airport's name")
                if when is not None:
                    _set_end(draft, *when, sentence)
    elif kind == "rumour":  # the sentence after the incident's own says only unnamed channels told it
        start, end, finding = payload
        draft = by_finding.get(id(finding))
        if draft is not None and not any(_attribution(f.sentence.text) for f in draft.findings):
            draft.values["verification"] = "unverified"
            draft.evidence["verification"] = evidence(sentence, sentence.start + start, sentence.start + end,
                                                      "attributed to unnamed channels in the sentence after it")
    elif kind == "unverified":
        start, end, finding = payload
        draft = by_finding.get(id(finding))
        if draft is not None:
            draft.note(f"Unverified material: {sentence.text}")
            draft.evidence.setdefault("notes", evidence(sentence, sentence.start + start, sentence.start + end, "unverified cue"))
    elif kind == "disputed":
        start, end, finding = payload
        draft = by_finding.get(id(finding))
        if draft is not None:
            draft.values["verification"] = "disputed"
            draft.evidence["verification"] = evidence(sentence, sentence.start + start, sentence.start + end, "denial or dispute cue")
    elif kind == "note":
        text, finding = payload
        draft = by_finding.get(id(finding))
        if draft is not None:
            draft.note(text)


_ATTRIBUTION = re.compile(
    r"\baccording to (?:the )?[^,.;]{3,80}|\b(?:[A-Z][\w’'-]*\s+){0,4}(?:ministry|governor|mayor|officials?|authorities|"
    r"air force|military|army|agency|administration|government|spokes\w+|police|service|[Gg]eneral [Ss]taff)\b[^,.;]{0,40}?\b"
    r"(?:said|says|reported|confirmed|announced|stated|wrote)\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def _attribution(text: str) -> re.Match[str] | None:
    """The attribution in a sentence (searched once per sentence, however many sites it names)."""
    return _ATTRIBUTION.search(text)


def _verification(draft: Draft) -> None:
    """Who the text attributes the incident to (an official claim: reported); only unverified material: unverified."""
    for finding in draft.findings:
        match = _attribution(finding.sentence.text)
        if match:
            start = finding.sentence.start + match.start()
            draft.evidence.setdefault("verification", evidence(finding.sentence, start, start + len(match.group(0)),
                                                               "attributed to an official or named source: reported"))
            return
    rumour = next((m for m in (cues.has("attribution", f.sentence.text) for f in draft.findings) if m), None)
    if rumour is not None and draft.values.get("verification", "reported") == "reported":
        draft.values["verification"] = "unverified"  # "channels claimed ... had been hit": no named source
        first = draft.first
        draft.evidence["verification"] = evidence(first.sentence, first.sentence.start + rumour.start(),
                                                  first.sentence.start + rumour.end(), "attributed to unnamed channels only")
        return
    if all(cues.has("unverified", f.sentence.text) for f in draft.findings):
        draft.values["verification"] = "unverified"
        first = draft.first
        draft.evidence["verification"] = evidence(first.sentence, first.start, first.end, "only unverified material reports it")


def _bound_notes(draft: Draft) -> None:
    """'At least 12 killed': the count is kept as written (12) and the note says it is a lower bound."""
    for name in ("killed", "injured", "drones_downed"):
        item = draft.evidence.get(name)
        if draft.values.get(name) is None or item is None:
            continue
        bound = casualties.bound_of(item["text"])
        if bound:
            draft.note(f"{name} {draft.values[name]} is {bound[1]} ('{bound[0]}')")


def _set_time(draft: Draft, mention: dates.TimeMention, sentence: Sentence, start: int, end: int,
              own_day: date | None = None) -> None:
    """Start (and end) times in the place's zone, or the zone the text names, on the day written next to them."""
    place = draft.first.place
    zone = ZoneInfo(mention.zone or geo.timezone_of(place))
    day = own_day if own_day and abs((own_day - draft.first.day).days) <= 1 else draft.first.day
    begin = datetime.combine(day, mention.begin, zone)
    draft.values["started_at"] = begin.isoformat(timespec="minutes")
    draft.values["time_precision"] = mention.precision
    reason = f"time of day in {'the named zone' if mention.zone else 'local time at the place'} ({zone.key})"
    draft.evidence["started_at"] = evidence(sentence, start, end, reason)
    if mention.finish is not None:
        finish = datetime.combine(day, mention.finish, zone)
        if finish < begin:
            finish += timedelta(days=1)
        draft.values["ended_at"] = finish.isoformat(timespec="minutes")
        draft.evidence["ended_at"] = evidence(sentence, start, end, reason)


def _set_end(draft: Draft, mention: dates.TimeMention, start: int, end: int, sentence: Sentence) -> None:
    """'Restrictions were lifted at 06:45': the end of a restriction, in the zone its start was given in."""
    began = draft.values.get("started_at") or ""
    zone = ZoneInfo(mention.zone or geo.timezone_of(draft.first.place))
    finish = datetime.combine(draft.first.day, mention.begin, zone)
    if "T" in began and finish < datetime.fromisoformat(began):
        finish += timedelta(days=1)
    draft.values["ended_at"] = finish.isoformat(timespec="minutes")
    draft.evidence["ended_at"] = evidence(sentence, start, end, f"time the restriction was lifted ({zone.key})")


def _drop_listed_summaries(drafts: list[Draft]) -> list[Draft]:
    """'Дроны ночью атаковали Брянскую, Орловскую, Липецкую и Тверскую области' over a paragraph for each region: a
    region-level strike told only in a sentence listing several regions, with no figure above zero, is the lead's summary
    of what other sentences tell of that region that day (drones downed over it, a hit on one of its towns); it is no
    incident of its own: its zeros and its official voice go to the region's own report (or to its one site told)."""
    kept = []
    for draft in drafts:
        own = _told_apart(draft, drafts) if _listed_summary(draft) else []
        if not own:
            kept.append(draft)
            continue
        same = next((d for d in own if place_key(d.first.place) == place_key(draft.first.place)), own[0] if len(own) == 1 else None)
        if same is not None:
            _absorb(same, draft)
    return kept


def _listed_summary(draft: Draft) -> bool:
    return (draft.first.event_type in STRIKES and draft.first.place.kind == "region"
            and not any(draft.values.get(n) for n in ("killed", "injured", "drones_downed"))
            and all(map(_regions_listed, draft.findings)))


def _told_apart(summary: Draft, drafts: list[Draft]) -> list[Draft]:
    """The drafts of the summary's region and day whose findings all lie in sentences after the summary's (a lead
    comes before what it sums up: 'Постраждали Полтавщина та Одещина' after the downings is a hit of its own)."""
    region = _WITHIN.get(summary.first.place.admin1, summary.first.place.admin1)
    last = max(f.sentence.index for f in summary.findings)
    return [d for d in drafts if d is not summary and not d.first.is_airport and d.first.day == summary.first.day
            and _WITHIN.get(d.first.place.admin1, d.first.place.admin1) == region
            and d.first.place.country == summary.first.place.country
            and all(f.sentence.index > last for f in d.findings)]


def _repelled_attacks(drafts: list[Draft]) -> list[Draft]:
    """'Через атаку безпілотників у Москві закрили аеропорти … ППО збили 19 безпілотників, які летіли на столицю': an
    attack named only by a noun (no strike verb, damage, debris or casualties), with drones downed at that place the
    same day, is that interception, not a strike beside it."""
    downed = {(place_key(d.first.place), d.first.day): d for d in drafts if d.first.event_type == "interception"}
    kept = []
    for draft in drafts:
        target = downed.get((place_key(draft.first.place), draft.first.day)) if draft.first.event_type in STRIKES else None
        if (target is not None and not any(draft.values.get(name) for name in ("killed", "injured"))
                and all(_attack_only_named(f) for f in draft.findings)):
            for name in ("killed", "injured", "drones_downed"):
                if draft.values.get(name) is not None and target.values.get(name) is None:
                    target.values[name] = draft.values[name]
                    target.evidence[name] = draft.evidence[name]
            for note in draft.notes:
                target.note(note)
            _take_times(target, draft)
            target.findings += draft.findings
            continue
        kept.append(draft)
    return kept


def _attack_only_named(finding: Finding) -> bool:
    """True when the finding's sentence names the attack by a noun and tells nothing struck (no strike verb, damage,
    debris, explosion or casualties)."""
    return finding.cue is not None and cues.is_strike_noun(finding.cue) and all(
        c.kind in ("restriction", "interception") or (c.kind == "strike" and cues.is_strike_noun(c))
        for c in cues.find_cues(finding.sentence.text))


def _fold_interceptions(drafts: list[Draft]) -> list[Draft]:
    """Interceptions and explosions at a place struck that day are part of the strike: their counts join it."""
    strikes = {(place_key(d.first.place), d.first.day): d for d in drafts if d.first.event_type in STRIKES}
    qualifiers = _region_qualifiers(drafts) | _region_summaries(drafts)
    kept = []
    for draft in drafts:
        folds = draft.first.event_type in ("interception", "explosion")
        target = strikes.get((place_key(draft.first.place), draft.first.day)) if folds else None
        if target is not None and id(target) in qualifiers:
            target = None  # "6 over the Rostov region. In the Rostov region, debris hit a plant in Millerovo": the region's
            # strike is Millerovo's qualifier, the region's interceptions stay its own
        if target is not None and target.values.get("verification") == "disputed" and draft.values.get("verification") != "disputed":
            target = None  # "denied reports of a hit on a school in Valuyki: the drone was downed over the district": the
            # denied hit does not take the interception the official told
        if target is None:
            kept.append(draft)
            continue
        for name in ("killed", "injured", "drones_downed"):
            if draft.values.get(name) is not None:
                item = draft.evidence[name]
                target.set(name, draft.values[name], draft.first.sentence, item["start"], item["end"], item["reason"], keep_max=True)
                target.evidence[name] = item
        for note in draft.notes:
            target.note(note)
        _take_times(target, draft)
        target.findings += draft.findings
    return kept


def _fold_heard_downings(drafts: list[Draft]) -> list[Draft]:
    """'ВСУ попытались атаковать Энгельс, все беспилотники сбиты. Жители Энгельса слышали взрывы.': explosions heard
    in a town where drones were downed that day (nothing struck there) are the downing's sound, one incident with it."""
    downed = {(place_key(d.first.place), d.first.day): d for d in drafts if d.first.event_type == "interception"}
    kept = []
    for draft in drafts:
        target = downed.get((place_key(draft.first.place), draft.first.day)) if draft.first.event_type == "explosion" else None
        target = target or _struck_base_town(draft, drafts)
        if target is None or _has_counts(draft) and not _zero_counts(draft):
            kept.append(draft)
            continue
        _take_times(target, draft)
        target.findings += draft.findings
    return kept


def _struck_base_town(draft: Draft, drafts: list[Draft]) -> Draft | None:
    """'Жители слышали взрывы в районе аэродрома «Энгельс-2» … «Энгельс атакован беспилотниками»': explosions at an air base
    named after a town struck that day, a few kilometres away, are that strike's (the base is where they were heard)."""
    place = draft.first.place
    if draft.first.event_type != "explosion" or place.kind != "airport" or not _AIR_BASE_NAME.search(place.name):
        return None
    return next((d for d in drafts if d.first.event_type in STRIKES and d.first.place.kind == "city" and d.first.day == draft.first.day
                 and geo.key(place.name).startswith(geo.key(d.first.place.name) + " ")
                 and geo.km_between(place, d.first.place) <= BASE_TOWN_KM), None)


def _zero_counts(draft: Draft) -> bool:
    """Every casualty figure the draft has is zero ('никто не пострадал')."""
    return all(not draft.values.get(name) for name in ("killed", "injured"))


def _region_summaries(drafts: list[Draft]) -> set[int]:
    """Region-level strikes with no figures of their own beside strikes on two or more of that region's towns the same
    day ("attacks on the Bryansk region go on": a bus hit in one village, a car in another): a summary the region's
    interceptions ("18 drones downed over the region") do not join, so they stay the region's own."""
    sites: dict[tuple, int] = {}
    for d in drafts:
        if d.first.event_type in STRIKES and d.first.place.kind in ("city", "airport"):
            sites[(d.first.place.admin1, d.first.day)] = sites.get((d.first.place.admin1, d.first.day), 0) + 1
    return {id(d) for d in drafts if d.first.event_type in STRIKES and d.first.place.kind == "region"
            and sites.get((d.first.place.admin1, d.first.day), 0) >= 2
            and not any(d.values.get(n) for n in ("killed", "injured", "drones_downed"))}


def _region_qualifiers(drafts: list[Draft]) -> set[int]:
    """Region-level strikes with no figures of their own (none above zero) next to one strike on a city or airport of that region the same
    day: the city's qualifier, which _drop_covering_regions will absorb."""
    sites: dict[tuple, int] = {}
    for d in drafts:
        if d.first.event_type in STRIKES and d.first.place.kind in ("city", "airport"):
            sites[(d.first.place.admin1, d.first.day)] = sites.get((d.first.place.admin1, d.first.day), 0) + 1
    return {id(d) for d in drafts if d.first.event_type in STRIKES and d.first.place.kind == "region"
            and sites.get((d.first.place.admin1, d.first.day)) == 1
            and not any(d.values.get(n) for n in ("killed", "injured", "drones_downed"))}  # "no one was hurt" is no figure


def _fold_title_strikes(drafts: list[Draft]) -> list[Draft]:
    """'Russian strikes kill five in Zaporizhzhia and Dnipro' over a body telling each strike: a bare strike found only
    in the title (the first line) joins the body's strike at that place and day, whose kind and figures are told."""
    told = {}
    for d in drafts:
        if d.first.event_type in STRIKES and not _in_title(d):
            told.setdefault((place_key(d.first.place), d.first.day), d)
    kept = []
    for d in drafts:
        in_title = _in_title(d)
        headline = in_title and not d.first.sentence.text.rstrip().endswith(".")  # a title, not a first sentence
        body = told.get((place_key(d.first.place), d.first.day)) or (_placed_from(d, drafts) if headline else None)
        if (body is not None and body is not d and in_title and d.first.event_type in STRIKES
                and (_is_bare(d) or _same_figures(d, body))):  # "Russian strike on Kharkiv kills 2" over the body's 2
            body.findings += d.findings
        else:
            kept.append(d)
    return kept


def _in_title(draft: Draft) -> bool:
    """True when all the draft's findings are in the title (the first line), or in the page's copy of it under the menu."""
    title = next((f.sentence.text for f in draft.findings if f.sentence.index == 0), None)
    return title is not None and all(f.sentence.index == 0 or (len(f.sentence.text) > 20 and title.endswith(f.sentence.text))
                                     for f in draft.findings)


def _placed_from(title: Draft, drafts: list[Draft]) -> Draft | None:
    """'Drone kills driver near Belgorod' over 'a drone struck a lorry about 30 km south of Belgorod': the body's strike
    placed by its distance from the town the title names, that day."""
    name = geo.key(title.first.place.name)
    return next((d for d in drafts if d is not title and d.first.place.kind == "approximate" and d.first.event_type in STRIKES
                 and d.first.day == title.first.day and name in geo.key(d.first.place.name).split()), None)


def _fold_untold_weapons(drafts: list[Draft]) -> list[Draft]:
    """'- Russian attack on Zaporizhzhia kills one, injures 11' (a summary bullet) over 'struck Zaporizhzhia with guided
    bombs, killing one and injuring 11': a strike whose weapon no sentence of its own names (the article's guess) joins
    the strike at that place and day whose weapon is told, when its figures do not contradict that one's."""
    told = {}
    for d in drafts:
        if d.first.event_type in STRIKES and any(cues.weapon_of(f.sentence.text) for f in d.findings):
            told.setdefault((place_key(d.first.place), d.first.day), d)
    if not told:
        return drafts
    kept = []
    for d in drafts:
        body = told.get((place_key(d.first.place), d.first.day))
        if (body is not None and body is not d and d.first.event_type in STRIKES and d.first.event_type != body.first.event_type
                and not any(cues.weapon_of(f.sentence.text) for f in d.findings)
                and (_same_figures(d, body) or _grown_figures(d, body))):
            body.findings += d.findings
            if not _same_figures(d, body):  # "кількість загиблих зросла до 11" above "загинули щонайменше 8": the later toll
                _absorb(body, d)
        else:
            kept.append(d)
    return kept


def _grown_figures(draft: Draft, other: Draft) -> bool:
    """True when every figure both drafts state is at least the other's: a toll told again as it grew (a live blog's
    update, newest first or last), not another strike's."""
    names = [n for n in ("killed", "injured") if draft.values.get(n) is not None and other.values.get(n) is not None]
    return bool(names) and all(draft.values[n] >= other.values[n] for n in names)


def _same_figures(draft: Draft, other: Draft) -> bool:
    return all(draft.values.get(name) in (None, other.values.get(name)) for name in ("killed", "injured"))


def _take_times(target: Draft, other: Draft) -> None:
    """A strike known to the day takes the clock times ("intercepted over the city at 23:10") or the span of days of
    an interception folded into it."""
    finer = target.values.get("time_precision") == "day" and other.values.get("time_precision") != "day"
    names = ("started_at", "ended_at", "time_precision") if finer else ("ended_at",) if not target.values.get("ended_at") else ()
    for name in names:
        if other.values.get(name) is not None:
            target.values[name] = other.values[name]
            if name in other.evidence:
                target.evidence[name] = other.evidence[name]


def _drop_covering_regions(drafts: list[Draft]) -> list[Draft]:
    """A region named next to a struck city of that region is a qualifier, not a second incident.

    With one such city the region's facts join the city's incident; with several, a region carrying counts stays."""
    def key(d: Draft) -> tuple:
        admin1 = _WITHIN.get(d.first.place.admin1, d.first.place.admin1)
        kind = "strike" if d.first.event_type in STRIKES else d.first.event_type  # "missiles and drones hit the
        return (kind, admin1, d.first.day)  # Poltava region" over drone hits on its towns; not the country (Crimea)

    cities: dict[tuple, list[Draft]] = {}
    for d in drafts:
        if d.first.place.kind in ("city", "airport"):
            cities.setdefault(key(d), []).append(d)
    kept = []
    for d in drafts:
        inside = cities.get(key(d), []) if d.first.place.kind == "region" else []
        inside = [c for c in inside if not _listed_apart(d, c)]
        if len(inside) == 1 and not (_has_counts(inside[0]) and _own_total(d, inside[0]) and not _sum_of(d, inside)):
            _absorb(inside[0], d)  # a qualifier, or a region total no bigger than the city's own, or figures the city lacks
        elif not inside or (_has_counts(d) and not _sum_of(d, inside)):
            kept.append(d)
    return kept


def _listed_apart(region: Draft, city: Draft) -> bool:
    """'Над Калужской областью сбит беспилотник, в районе Людиново …' is one downing; 'Минобороны: сбиты 23 дрона над
    Брянской, Орловской, Тульской и Калужской областями' is a summary listing regions, told apart from the governor's
    downing over Lyudinovo: the region's interceptions stay its own when every finding of it lies in a sentence listing
    several regions that names none of the city's findings."""
    if region.first.event_type != "interception":
        return False
    sentences = {f.sentence.index for f in region.findings}
    return all(map(_regions_listed, region.findings)) and not any(f.sentence.index in sentences for f in city.findings)


def _regions_listed(finding: Finding) -> bool:
    return finding.reason.startswith("site: listed with") or _LISTED_AFTER.match(
        finding.sentence.text, finding.end - finding.sentence.start) is not None


_LISTED_AFTER = re.compile(r"\s*(?:,|и|і|та|and)\s+[А-ЯЁІЇЄҐA-Z]")


# Regions of the gazetteer that lie inside a larger one a text may name instead ("In Crimea, ... near Belbek").
_WITHIN = {"Sevastopol": "Crimea"}


def _sum_of(region: Draft, cities: list[Draft]) -> bool:
    """True when the region's counts are no more than its cities' together: a summary of them, not more victims."""
    fields = [n for n in ("killed", "injured", "drones_downed") if region.values.get(n) is not None]
    return all(region.values[n] <= sum(c.values.get(n) or 0 for c in cities) for n in fields)


def _drop_namesake_cities(drafts: list[Draft]) -> list[Draft]:
    """'The attack on Moscow ... killing three in the Moscow region': a city draft carrying nothing but its name, next
    to a draft for the region named after it that day, is the same event told at the region's scale."""
    regions = [d for d in drafts if d.first.place.kind == "region" and not d.first.is_airport]
    kept = []
    for d in drafts:
        names = {geo.key(f.mention_text) for f in d.findings}
        namesake = next((r for r in regions if r.first.day == d.first.day and r.first.place.country == d.first.place.country
                         and names & {geo.key(f.mention_text) for f in r.findings}), None)
        if d.first.place.kind == "city" and namesake is not None and _is_bare(d) and _same_story(d, namesake):
            namesake.findings += d.findings
        else:
            kept.append(d)
    return kept


BASE_TOWN_KM = 15.0
# "Взрывы в Энгельсе … взрывы в районе аэродрома Энгельс-2": explosions heard in the town are the base's explosions too
# "struck the Borisoglebsk air base ... air defences repelled an attack on the Borisoglebsk area": drones downed at the
# town of a base struck that day are the base's strike, as at any place struck (_fold_interceptions), figures and all
_BASE_TOWN_KINDS = {kind: ("explosion",) if kind == "explosion" else (*STRIKES, "explosion", "interception")
                    for kind in (*STRIKES, "explosion")}
_AIR_BASE_NAME = re.compile(r"\b(?:air ?base|airfield)\b", re.IGNORECASE)


BASE_DISTRICT_KM = 40.0  # drones downed over a district whose town lies this close to a base struck that day: the base's
_DISTRICT_AFTER = re.compile(r"\s+(?:(?:municipal|urban|rural)\s+)?(?:district|raion|rayon|район|округ)", re.IGNORECASE)


def _named_as_district(finding: Finding) -> bool:
    """'drones were shot down over the Kirovsky district': the place was named as a district, not as its town."""
    return bool(_DISTRICT_AFTER.match(finding.sentence.text, finding.end - finding.sentence.start))


def _drop_base_towns(drafts: list[Draft]) -> list[Draft]:
    """'struck the Saky air base ... burned-out patches on the apron at Saky': a bare strike at the town an air base is
    named after, that day and within a few kilometres, is the base told by its town's name."""
    bases = [d for d in drafts if d.first.place.kind == "airport" and d.first.event_type in (*STRIKES, "explosion")
             and _AIR_BASE_NAME.search(d.first.place.name)]
    if not bases:
        return drafts
    kept = []
    for d in drafts:
        names = {geo.key(f.mention_text) for f in d.findings}
        base = next((b for b in bases if d.first.place.kind == "city" and d.first.event_type in _BASE_TOWN_KINDS[b.first.event_type]
                     and b.first.day == d.first.day and any(geo.key(b.first.place.name).startswith(n + " ") for n in names)
                     and geo.km_between(b.first.place, d.first.place) <= BASE_TOWN_KM), None)
        if base is None and d.first.event_type == "interception" and d.first.place.kind == "city" and all(map(_named_as_district, d.findings)):
            base = next((b for b in bases if b.first.day == d.first.day and b.first.place.admin1 == d.first.place.admin1
                         and geo.km_between(b.first.place, d.first.place) <= BASE_DISTRICT_KM), None)  # "over the Kirovsky district"
        if base is not None and d.first.event_type == "interception":
            _absorb(base, d)
            base.findings += d.findings
        elif base is not None and _is_bare(d):
            base.findings += d.findings
        else:
            kept.append(d)
    return kept


def _same_story(city: Draft, region: Draft) -> bool:
    """Both strikes, or the city only named as the target of 'the attack' (a summary, not an event told there)."""
    if city.first.event_type in STRIKES and region.first.event_type in STRIKES:
        return True
    return all(f.cue is not None and _NAMED_ATTACK.search(f.cue.text) for f in city.findings)


_NAMED_ATTACK = re.compile(r"\b(?:attacks?|strikes?|raids?|assaults?|barrage|bombardment|onslaught)$", re.IGNORECASE)


def _is_bare(draft: Draft) -> bool:
    """Nothing but a place and a day: no counts, no clock time, no distance claim."""
    return not _has_counts(draft) and draft.values.get("time_precision") == "day" and "distance_claim" not in draft.values


def _absorb(target: Draft, other: Draft) -> None:
    if target.values.get("verification") == "unverified" and other.values.get("verification") != "unverified":
        target.values.pop("verification")  # the region's report is official: the site inside it is too
        if "verification" in other.evidence:
            target.evidence["verification"] = other.evidence["verification"]
        else:
            target.evidence.pop("verification", None)
    for name in ("killed", "injured", "drones_downed"):
        if other.values.get(name) is not None:
            item = other.evidence[name]
            target.set(name, other.values[name], other.first.sentence if item["sentence"] == other.first.sentence.text else
                       next(f.sentence for f in other.findings), item["start"], item["end"], item.get("reason", ""), keep_max=True)
            target.evidence[name] = item


def _own_total(region: Draft, city: Draft) -> bool:
    """True when the region's figures may count more than the city's event: drones downed over the whole region, or a
    figure the city states too ('drones downed over Ryazan' beside 'two injured in the Ryazan region' is not: the
    injured are the city's event's)."""
    return any(region.values.get(n) is not None and (n == "drones_downed" or city.values.get(n) is not None)
               for n in ("killed", "injured", "drones_downed"))


def _has_counts(draft: Draft) -> bool:
    return any(draft.values.get(name) is not None for name in ("killed", "injured", "drones_downed"))
