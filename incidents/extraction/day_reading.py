"""Days written with their month ("5 March", "March 5th, 2024", "5 березня", "2024-03-05") read without dateparser,
which costs several milliseconds a call; anything else (and any day it could read two ways) is left to it."""

from __future__ import annotations

import re
from datetime import date

_ENGLISH = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
            "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
            "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_SLAVIC = {word: number for words in (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня")
    for number, word in enumerate(words.split(), 1)}
_EN = "|".join(sorted(_ENGLISH, key=len, reverse=True))
_SL = "|".join(_SLAVIC)
_FORMS = re.compile(
    rf"(?P<m1>{_EN})\.? (?P<d1>\d{{1,2}})(?P<s1>st|nd|rd|th)?(?:,? (?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?P<s2>st|nd|rd|th)? (?:of )?(?P<m2>{_EN})\.?(?:,? (?P<y2>\d{{4}}))?"
    rf"|(?P<d3>\d{{1,2}}) (?P<m3>{_SL})(?: (?P<y3>\d{{4}}))?"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})", re.IGNORECASE)
_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
UNREAD = object()  # the answer when this module cannot tell: ask dateparser


def read_day(text: str, published: date) -> date | None | object:
    """The day `text` names, as dateparser reads it with PREFER_DATES_FROM past and RELATIVE_BASE noon of `published`
    (a day without a year: the last such day on or before publication), or UNREAD for dateparser to decide."""
    match = _FORMS.fullmatch(text)
    if match is None:
        return UNREAD
    groups = match.groupdict()
    form = next(n for n in "1234" if groups["d" + n] is not None)
    day, year = int(groups["d" + form]), groups["y" + form]
    suffix = groups.get("s" + form)
    if suffix is not None and suffix.lower() != _SUFFIX.get(day, "th"):
        return UNREAD  # "2th March": dateparser's own business
    month_word = groups["m" + form].lower()
    month = int(month_word) if form == "4" else _ENGLISH.get(month_word) or _SLAVIC.get(month_word)
    if year is not None:
        number = int(year)
        if not 1900 <= number <= 2099 or not _valid(number, month, day):
            return UNREAD
        return date(number, month, day)
    if form == "4" or not (_valid(published.year, month, day) and _valid(published.year - 1, month, day)):
        return UNREAD
    found = date(published.year, month, day)
    return found if found <= published else date(published.year - 1, month, day)


def _valid(year: int, month: int | None, day: int) -> bool:
    if month is None or not 1 <= month <= 12 or day < 1:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
