"""Airport references in text ("the city's airport", "airports—Izhevsk and Saratov", "KZN") and restrictions being lifted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from incidents.extraction import cues
from incidents.extraction.numbers import to_int

_FOCUS_AIRPORT = re.compile(
    r"\b(?:the\s+)?(?:city|town|local|regional capital|capital)['’]?s?\s+(?:main\s+|international\s+|civilian\s+)?airport\b"
    r"|\bthe\s+airport\b(?!\s+(?:of|in|at)\b)"
    r"|(?<![\w-])(?:аэропорт|аеропорт)(?=\s+(?:сообщ|заяв|уточн|информир|предупред|повідом|інформу|попередж)\w*)",  # speaking alone
    re.IGNORECASE,
)
_CODE = re.compile(r"\(([A-Z]{3,4})\)|\b(?:IATA|ICAO)[:\s]+([A-Z]{3,4})\b")
_AIRPORT_LIST_BEFORE = re.compile(
    r"\bairports?\s*(?:[—–:]|-{1,2}|,|\s+(?:in|of|at|including|such as|serving|namely))\s*(?:the\s+)?(?:cities of\s+)?$"
    r"|\bairports?\s+(?:of|in|at)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:capital|city|town|port)\s*,\s*$"  # of the Tatar capital, Kazan
    r"|\bairports?\s+(?:serving|of|in|at|near)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:capital|city|town|port|resort)\s+of\s+$"  # serving the resort of Sochi
    r"|(?<![\w-])(?:аэропорт|аеропорт|аэродром|аеродром|авиабаз|авіабаз|воздушн\w*\s+гаван|повітрян\w*\s+гаван)\w*(?:\s*[:—–])?\s+"
    r"(?:(?:города|міста|г\.|м\.)\s+)?[«\"„“]?$"  # "воздушных гаваней Краснодара": the journalist's "air harbours"
    r"|(?<![\w-])(?:аэропорт|аеропорт)\w*\s+(?:[\w-]+\s+)?(?:столиц|столиці)\w*\s+(?:(?:республики|республіки)\s+)?$"  # столицы Чувашии
    r"|(?<![\w-])(?:airports?|аэропорт\w*|аеропорт\w*)\s+(?:[\w'’-]+\s+){0,6}?[\w'’-]+\s*:\s*$",  # "для 11 аэропортов юга России: "
    re.IGNORECASE,
)
_LIFT_CONTEXT = re.compile(r"\b(?:restrictions?|flights?|airports?|airspace|operations|air traffic|Kovyor|Carpet)\b"
                           r"|(?<![\w-])(?:ограничени|обмежен|аэропорт|аеропорт|рейс|пол[её]т|польот|при[её]м|прийом|выпуск|випуск"
                           r"|Ков[её]р|Килим)\w*", re.IGNORECASE)  # "сняты ограничения", "знято обмеження на польоти"


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


_BARE_AIRPORT = re.compile(r"(?:the\s+)?airport|аэропорт|аеропорт", re.IGNORECASE)


def bare_airport(text: str) -> bool:
    """True for "the airport", "аэропорт" named alone (no city's, town's or capital's before it)."""
    return _BARE_AIRPORT.fullmatch(text) is not None


def code_refs(clause_text: str, offset: int) -> list[AirportRef]:
    """Airport codes written in capitals, in brackets or after IATA/ICAO, with absolute offsets."""
    out = []
    for match in _CODE.finditer(clause_text):
        code = match.group(1) or match.group(2)
        out.append(AirportRef(match.group(0), offset + match.start(), offset + match.end(), code))
    return out


def lift_cue(clause_text: str) -> re.Match[str] | None:
    """A cue that restrictions or closures ended ("later lifted", "reopened", "resumed"), in an aviation clause."""
    pronoun = _LIFTED_PRONOUN.match(clause_text)
    if pronoun:
        return pronoun  # "They were lifted at 10:52", "Их сняли в 10:52 мск": the restrictions told just before
    match = cues.has("lift", clause_text)
    return match if match and _LIFT_CONTEXT.search(clause_text) else None


# A clause that opens on a plural pronoun and a verb of lifting: the pronoun is the restrictions told before it
# ("They were lifted at 10:52", "Позже их сняли", "Їх зняли о 10:52", "Они были отменены").
_LIFTED_PRONOUN = re.compile(r"\s*(?:(?:later|but|позже|позднее|потом|но|пізніше|згодом|але)\s*,?\s+)?(?:"
                             r"they\s+(?:were|have\s+been|had\s+been)\s+(?:later\s+)?lifted"
                             r"|(?:их|їх)\s+(?:уже\s+|вже\s+)?(?:сняли|отменили|зняли|скасували)(?!\s+на\s+(?:видео|відео|камеру|фото))"
                             r"|(?:они|вони)\s+(?:были\s+|були\s+)?(?:сняты|отменены|зняті|скасовані))(?!\w)", re.IGNORECASE)


CITY_AIRPORT_KM = 50.0
# "Moscow's four airports", "airports of Moscow", "аэропорты Москвы", "аеропорти Москви": a city's airports together.
_PLURAL_AFTER = re.compile(r"^(?:['’]s?)?\s+(?:(\w+)\s+)?(?:main\s+|international\s+|civilian\s+)?airports\b"
                           r"|^\s+(?:аэропорт(?:ы|ов|ах|ам)|аеропорт(?:и|ів|ах|ам))(?!\w)", re.IGNORECASE)
_PLURAL_BEFORE = re.compile(r"\bairports\s+(?:of|in|serving|around)\s+(?:the\s+)?$"
                            r"|(?<![\w-])(?:аэропорт(?:ы|ов|ах|ам)|аеропорт(?:и|ів|ах|ам))\s+$", re.IGNORECASE)
_COUNT_BEFORE = re.compile(r"(?<![\w-])(\w+)\s+(?:аэропорт(?:ы|ов|ах|ам|а)|аеропорт(?:и|ів|ах|ам))\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _no_passenger_flights() -> frozenset[str]:
    return frozenset(line.split()[0].upper() for line in cues.lexicon_lines("airports_without_passenger_flights.txt"))


# Russian genitive counts the casualty lexicon leaves out ("в двух аэропортах": there they would misread "двух человек").
_AIRPORT_COUNTS = {"двух": 2, "трёх": 3, "трех": 3}


def _count(word: str) -> int | None:
    return _AIRPORT_COUNTS.get(word.lower()) or to_int(word)


def airports_named_together(before: str, after: str) -> int | None:
    """0 when the words around a city name call it by its airports together ("Moscow's airports", "аэропорты Москвы"),
    the count when they give one ("four airports"), None when they do not speak of its airports in the plural."""
    match = _PLURAL_AFTER.match(after)
    if match:
        return to_int(match.group(1) or "") or 0
    if not _PLURAL_BEFORE.search(before):
        return None
    count = _COUNT_BEFORE.search(before)
    return (_count(count.group(1)) or 0) if count else 0


def commercial(found: Any) -> bool:
    """An airport with an IATA code that serves passenger flights (not a military field or a closed one)."""
    return bool(found.iata) and (found.icao or "").upper() not in _no_passenger_flights()


_WORD_BEFORE = re.compile(r"(?<![\w-])(\w+)\s+(?:of\s+)?(?:the\s+)?$")


def count_before(before: str) -> int | None:
    """The count written just before a city's name ("two Moscow airports", "all four of the Moscow airports"), or None."""
    match = _WORD_BEFORE.search(before)
    return _count(match.group(1)) if match else None
