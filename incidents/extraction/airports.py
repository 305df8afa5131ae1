"""Airport references in text ("the city's airport", "airports—Izhevsk and Saratov", "KZN") and restrictions being lifted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidents.extraction import cues

_FOCUS_AIRPORT = re.compile(
    r"\b(?:the\s+)?(?:city|town|local|regional capital|capital)['’]?s?\s+(?:main\s+|international\s+|civilian\s+)?airport\b"
    r"|\bthe\s+airport\b(?!\s+(?:of|in|at)\b)",
    re.IGNORECASE,
)
_CODE = re.compile(r"\(([A-Z]{3,4})\)|\b(?:IATA|ICAO)[:\s]+([A-Z]{3,4})\b")
_AIRPORT_LIST_BEFORE = re.compile(
    r"\bairports?\s*(?:[—–:]|-{1,2}|,|\s+(?:in|of|at|including|such as|serving|namely))\s*(?:the\s+)?(?:cities of\s+)?$"
    r"|\bairports?\s+(?:of|in|at)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:capital|city|town|port)\s*,\s*$"  # of the Tatar capital, Kazan
    r"|\bairports?\s+(?:serving|of|in|at|near)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:capital|city|town|port|resort)\s+of\s+$"  # serving the resort of Sochi
    r"|(?<![\w-])(?:аэропорт|аеропорт|аэродром|аеродром|авиабаз|авіабаз)\w*(?:\s*[:—–])?\s+(?:(?:города|міста|г\.|м\.)\s+)?[«\"„“]?$"
    r"|(?<![\w-])(?:аэропорт|аеропорт)\w*\s+(?:[\w-]+\s+)?(?:столиц|столиці)\w*\s+(?:(?:республики|республіки)\s+)?$",  # столицы Чувашии
    re.IGNORECASE,
)
_LIFT_CONTEXT = re.compile(r"\b(?:restrictions?|flights?|airports?|airspace|operations|air traffic|Kovyor|Carpet)\b", re.IGNORECASE)


@dataclass(frozen=True)
class AirportRef:
    """An airport reference not made by a gazetteer name: 'the city's airport' (focus) or a code in brackets."""

    text: str
    start: int
    end: int
    code: str | None = None


_AIRPORT_LIST_BEFORE, _LIFT_CONTEXT = cues.led(_AIRPORT_LIST_BEFORE), cues.led(_LIFT_CONTEXT)  # the same matches, faster


def listed_after_airports(before: str) -> bool:
    """True when the text before a name ends with "airports—", "airports in", "airports of" ...: the name is an airport."""
    return bool(_AIRPORT_LIST_BEFORE.search(before))


def focus_refs(clause_text: str, offset: int) -> list[AirportRef]:
    """References to the airport of the city in focus, with absolute offsets."""
    return [AirportRef(m.group(0), offset + m.start(), offset + m.end()) for m in _FOCUS_AIRPORT.finditer(clause_text)]


def code_refs(clause_text: str, offset: int) -> list[AirportRef]:
    """Airport codes written in capitals, in brackets or after IATA/ICAO, with absolute offsets."""
    out = []
    for match in _CODE.finditer(clause_text):
        code = match.group(1) or match.group(2)
        out.append(AirportRef(match.group(0), offset + match.start(), offset + match.end(), code))
    return out


def lift_cue(clause_text: str) -> re.Match[str] | None:
    """A cue that restrictions or closures ended ("later lifted", "reopened", "resumed"), in an aviation clause."""
    match = cues.has("lift", clause_text)
    return match if match and _LIFT_CONTEXT.search(clause_text) else None
