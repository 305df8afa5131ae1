"""What the reader finds in an article (a site of an event in a sentence) and the incident drafts built from findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from incidents.extraction import cues
from incidents.extraction.sentences import Sentence


@dataclass
class Finding:
    """One site of one event in one sentence: the seed of an incident before findings of the same key are merged."""

    event_type: str
    place: Any  # geodata Place (an airport for restrictions)
    sentence: Sentence
    mention_text: str
    start: int
    end: int
    cue: cues.Cue | None
    reason: str
    day: date | None = None
    day_evidence: tuple[int, int] | None = None
    day_note: str = ""
    day_reason: str = ""
    day_sentence: Sentence | None = None
    day_end: tuple[date, Sentence, tuple[int, int]] | None = None  # "between Tuesday night and Wednesday morning"
    named_at: tuple[int, ...] = ()  # where later sentences name this place again

    @property
    def is_airport(self) -> bool:
        return self.event_type == "airspace_restriction"


@dataclass
class Draft:
    """An incident being assembled from the findings that share its type, place and day."""

    first: Finding
    findings: list[Finding] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def set(self, name: str, value: Any, sentence: Sentence, start: int, end: int, reason: str, keep_max: bool = False) -> None:
        """Sets a field with its evidence; with keep_max, a larger count replaces a smaller one."""
        old = self.values.get(name)
        if old is not None and not (keep_max and value is not None and value > old):
            return
        self.values[name] = value
        self.evidence[name] = evidence(sentence, start, end, reason)

    def note(self, text: str) -> None:
        if text and text not in self.notes:
            self.notes.append(text)


def evidence(sentence: Sentence, start: int, end: int, reason: str) -> dict[str, Any]:
    """Where a value came from: its sentence, the [start, end) span in the article, the words, and why."""
    return {"sentence": sentence.text, "start": start, "end": end,
            "text": sentence.text[start - sentence.start:end - sentence.start], "reason": reason}


def place_key(found: Any) -> tuple:
    """What identifies a place within one article: code or name, country, kind and rounded point."""
    return (found.icao or found.iata or found.name, found.country, found.kind, round(found.lat, 2), round(found.lon, 2))


def closest(findings: list[Finding], start: int, end: int) -> Finding:
    """The site a count belongs to: one named right after it ("killing three people in X"), else the nearest before."""
    after = [f for f in findings if 0 <= f.start - end <= 40]
    if after:
        return min(after, key=lambda f: f.start)
    before = [f for f in findings if f.start < start]
    return max(before, key=lambda f: f.start) if before else findings[0]
