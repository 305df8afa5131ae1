"""Distance claims in text ("approximately 500 miles (800 km) east of Moscow"): the figure and where the reference starts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidents.extraction import cues
from incidents.extraction.numbers import SLAVIC_WORDS, to_int

_KM_PER_MILE = 1.609344
_NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_UNIT = r"km|kilomet(?:er|re)s?|miles?|mi"
_CLAIM = re.compile(
    rf"(?:(?:approximately|about|around|some|roughly|nearly|almost|more than|over|less than|just|only|at least)\s+)?"
    rf"(?P<n>{_NUM})[\s-]*(?P<unit>{_UNIT})\b"
    rf"(?:\s*\((?:(?:approximately|about|around|some|roughly|nearly)\s+)?(?P<n2>{_NUM})[\s-]*(?P<unit2>{_UNIT})\))?"
    rf"\s+(?:to the\s+)?(?P<dir>(?:north|south|east|west)(?:-?(?:north|south|east|west))*(?:east|west)?\s+)?(?:of|from)\s+",
    re.IGNORECASE,
)


_UNNAMED = re.compile(r"\b(?:a|an|one|another)\s+(?:small\s+|border\s+|frontline\s+)?(?:village|town|settlement|hamlet|area|field|farm|forest|woods?|wasteland|meadow|garden|yard|"
                      r"spot|location|site|locality)\s*,?\s*(?:located\s+|situated\s+|lying\s+)?$"
                      rf"|{cues.settlement_nouns()}\s+(?:(?:примерно|около|приблизно|близько)\s+)?"
                      r"(?:(?:[ву]|за)\s+)?$", re.IGNORECASE)
# "в 50 км к западу от Курска", "за 20 км на південний схід від Харкова", "в 30 км южнее Ростова", "в 15 км от Курска":
# the figure, the bearing word (a stem: "півден" is in "південь" and "південний") and where the reference starts.
_SLAVIC_BEARINGS = {"север": "north", "юг": "south", "юж": "south", "запад": "west", "восто": "east", "північ": "north",
                    "півден": "south", "захід": "west", "західн": "west", "схід": "east", "східн": "east"}
_SLAVIC_DIR = r"(?:север|юг|юж|запад|восто|північ|півден|захід|західн|схід|східн)\w*"
# The figure in digits or in words ("в пяти километрах южнее", "за двадцять кілометрів від").
_SLAVIC_FIGURE = rf"\d+(?:[.,]\d+)?|(?<![\w-])(?:{SLAVIC_WORDS})"
_CLAIM_SLAVIC = re.compile(
    r"(?P<n>" + _SLAVIC_FIGURE + r")\s*(?:км|кілометр\w*|километр\w*)\s+(?:(?:к\s+|на\s+)?(?P<dir>" + _SLAVIC_DIR + r"(?:[\s-]"
    + _SLAVIC_DIR + r")?)\s+(?:от|від)|(?P<cmp>(?:(?:северо|юго|північно|південно)-)?" + _SLAVIC_DIR + r"(?:ее|ей|іше)))\s+"
    r"|(?P<n0>" + _SLAVIC_FIGURE + r")\s*(?:км|кілометр\w*|километр\w*)\s+(?:от|від)\s+", re.IGNORECASE)
# "between Tula and Aleksin", "между Белгородом и Шебекино", "між Запоріжжям та Оріховом": a point between two places.
_BETWEEN = re.compile(r"(?<![\w-])(?:between|между|між|поміж)\s+", re.IGNORECASE)
# What every claim holds: a figure (its last digit, or a Slavic word's last letter), then its unit ("30 km", "5-mile",
# "20 км", "пяти километрах"); none, no claim to look for.
_FIGURE_UNIT = re.compile(rf"\d[\s-]*(?:{_UNIT})\b|[\dа-яёіїєґ'’]\s*(?:км|кілометр|километр)", re.IGNORECASE)
_BEARINGS = {"north": 0.0, "east": 90.0, "south": 180.0, "west": 270.0}


def bearing_of(direction: str) -> float | None:
    """Degrees clockwise from north for a compass word ("south" 180, "north-east" 45, "south-southwest" 202.5), or None."""
    parts = [p for p in re.split(r"-|(?<=north)|(?<=south)", direction.lower()) if p]
    if not parts or any(p not in _BEARINGS for p in parts):
        return None
    angles = [_BEARINGS[p] for p in parts]
    result = angles[-1]
    for angle in reversed(angles[:-1]):  # each earlier word pulls halfway towards itself
        if angle == 0.0 and result > 180.0:
            angle = 360.0
        result = (result + angle) / 2.0
    return result % 360.0


@dataclass(frozen=True)
class DistanceClaim:
    """A claimed distance: kilometres, the words used, their span, and the offset where the reference place begins."""

    claimed_km: float
    claimed_text: str
    start: int
    end: int
    reference_at: int
    direction: str | None = None  # "south", "north-east": the bearing from the reference, when written
    unnamed: bool = False  # "a village about 30 km south of X": the place itself is not named
    between: bool = False  # "between X and Y": the reference is two places, the point between them


def find_claims(text: str) -> list[DistanceClaim]:
    """Every "N km/miles (direction) of/from" phrase in `text` (offsets relative to `text`)."""
    out: list[DistanceClaim] = []
    if _FIGURE_UNIT.search(text) is None:
        return out  # every claim has a figure in digits and its unit
    for match in _CLAIM.finditer(text):
        first, second = (match.group("n"), match.group("unit")), (match.group("n2"), match.group("unit2"))
        in_km = first if (first[1] or "").lower().startswith("k") else second  # the figure written in km when there is one
        km = _km(*in_km) or _km(*second) or _km(*first)
        if km:
            direction = (match.group("dir") or "").strip().lower() or None
            unnamed = _unnamed_before(text[max(0, match.start() - 60):match.start()])
            out.append(DistanceClaim(km, match.group(0).strip(), match.start(), match.end(), match.end(), direction, unnamed))
    for match in _CLAIM_SLAVIC.finditer(text):
        figure = match.group("n") or match.group("n0")
        figure = str(to_int(figure)) if not figure[0].isdigit() else figure
        written = match.group("dir") or match.group("cmp") or ""
        words = _slavic_words(written)
        unnamed = _unnamed_before(text[max(0, match.start() - 60):match.start()])
        out.append(DistanceClaim(float(figure.replace(",", ".")), match.group(0).strip(), match.start(), match.end(),
                                 match.end(), "-".join(w for w in words if w) or None, unnamed))
    return sorted(out, key=lambda claim: claim.start)


def _unnamed_before(window: str) -> bool:
    """True when the claim measures an unnamed place ("a village about 30 km south of X"), not a town named just before
    it ("Kstovo, a town about 20 km southeast of X": the claim tells where Kstovo lies)."""
    unnamed = _UNNAMED.search(window)
    return unnamed is not None and _NAMED_BEFORE.search(window, 0, unnamed.start()) is None


_NAMED_BEFORE = re.compile(r"(?-i:[A-ZА-ЯЁІЇЄҐ])[\w'’-]+\s*,\s*$")


def find_betweens(text: str) -> list[DistanceClaim]:
    """Every "between X and Y" ("между X и Y", "між X та Y"): a claim of no distance whose reference starts after it."""
    return [DistanceClaim(0.0, match.group(0).strip(), match.start(), match.end(), match.end(), between=True)
            for match in _BETWEEN.finditer(text)]


def _slavic_words(written: str) -> list[str]:
    """The compass words of a Slavic bearing ("северо-востоку": north, east; "південніше": south), at most two."""
    keys = sorted(_SLAVIC_BEARINGS, key=len, reverse=True)
    return [next((_SLAVIC_BEARINGS[k] for k in keys if part.startswith(k)), "")
            for part in re.split(r"[\s-]", written.lower()) if part][:2]


def _km(number: str | None, unit: str | None) -> float | None:
    if not number or not unit:
        return None
    value = float(number.replace(",", ""))
    return round(value * _KM_PER_MILE, 1) if unit.lower().startswith("mi") else value
