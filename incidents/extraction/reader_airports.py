"""The Reader's airport sites: airports of the city in focus, a city's airports, airports named generally."""

from __future__ import annotations

import re
from typing import Any

from incidents.extraction import airports, cues, geo, places
from incidents.extraction.findings import Finding
from incidents.extraction.sentences import Sentence


def _serving(city: Any) -> list[Any]:
    """The passenger airports serving a city: those with an IATA code within CITY_AIRPORT_KM, nearest first."""
    return [a for a in geo.airports_near(city, airports.CITY_AIRPORT_KM) if airports.commercial(a)]


_STRIKE_TYPES = ("strike", "drone_strike", "missile_strike")

# "Росавиация закрыла Шереметьево", "Росавіація закрила Пулково", "authorities shut Vnukovo": a verb of closing, then a
# name (the word "airport" left out).
_CLOSED_NAME = re.compile(r"(?<![\w-])(?:закры(?:л|ла|ли|ло|вает|вают|вала|вали)|закри(?:в|ла|ли|ло|ває|вають|вала|вали)"
                          r"|(?-i:closed|shut|closes|shuts))\s+(?:(?-i:down)\s+)?"
                          r"(?P<name>(?-i:[A-ZА-ЯЁІЇЄҐ])[\w'’ʼ-]+)", re.IGNORECASE)


_AVIATION = re.compile(r"(?<![\w-])(?:Росавиаци|Росавіаці|Rosaviats|рейс|flight|авиа|авіа|aviation)", re.IGNORECASE)


def closed_airport_cues(text: str) -> tuple[cues.Cue, ...]:
    """A restriction told by closing an airport named by its own name alone ("закрыла Шереметьево", "закрила Пулково",
    "closed Vnukovo"): the name reads as an airport or as a city a passenger airport serves (Жуковский), and a town's name
    needs a clause about flights ("Росавиация закрыла Жуковский"; not "закрыли Белгород для въезда")."""
    for match in _CLOSED_NAME.finditer(text):
        name = geo.nominative(match.group("name")) or match.group("name")
        if (geo.airports_named(name) or _serves_a_city(name)) and (_AVIATION.search(text) or not geo.cities_named(name)):
            return (cues.Cue("restriction", match.group(0), match.start(), match.end()),)
    return ()


def _serves_a_city(name: str) -> bool:
    city = geo.place(name) if geo.is_name(name) else None
    return city is not None and city.kind == "city" and bool(_serving(city))


class AirportReading:
    """Airports as sites of restrictions and strikes (a mixin of Reader)."""

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
                restricted = self._restricted_airport() if airports.bare_airport(ref.text) else None
                if restricted is not None:  # "the airport said …": the airport the article told restricted, not a city's
                    out.append(self._airport_finding(sentence, restricted, ref, f"site: the airport the article told "
                                                                                   f"restricted before ({restricted.name})"))
                    break
                found = self._airport_for(city.place.name) if city else None
                if found is not None:
                    out.append(self._airport_finding(sentence, found, ref, f"site: the airport of the city in focus ({city.place.name})"))
                    break
        return out

    def _restricted_airport(self) -> Any:
        """The airport the article last told a restriction at, or None."""
        return next((f.place for f in reversed(self.findings) if f.is_airport and f.event_type == "airspace_restriction"), None)

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
            if sentence.heading and self._names_one_of(serving):
                continue  # "Moscow Airports Halt Flights" over a text naming Vnukovo: the body says which airports
            reason = f"site: the airports serving {mention.text}, named together"
            out += [Finding("airspace_restriction", a, sentence, mention.text, mention.start, mention.end, cue, reason)
                    for a in serving]
            if serving:
                mention.role, mention.reason = "site", reason
        return out

    def _names_one_of(self, serving: list[Any]) -> bool:
        """True when the article names one of these airports by its own name (its name's first word)."""
        words = {geo.key(w) for w in re.findall(r"[^\W\d_]{4,}", self.body)}
        return any(geo.key(a.name.split()[0]) in words for a in serving)

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
