"""Dates and times in article text, resolved against the publication date ("on Saturday", "last night", "7:40 am")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import dateparser

from incidents.extraction import cues, day_reading

_HEADER = re.compile(r"^\s*(?:date|published|dated?)\s*:?\s*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_WORDS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
                "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec").split("|")
_RU_MONTH_WORDS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря".split("|")
_UK_MONTH_WORDS = "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня".split("|")
# grouped by first letter (cues.grouped): the same alternations, searched faster
_MONTHS = rf"(?:{cues.grouped(_MONTH_WORDS)})\.?"
_RU_MONTHS = rf"(?:{cues.grouped(_RU_MONTH_WORDS + _UK_MONTH_WORDS)})"  # Russian and Ukrainian genitives: "12 березня"
MONTH_NAMES = rf"(?:{_MONTHS}|{_RU_MONTHS})"  # any month's name in the three languages ("6 октября" is a day, no count)
_EXPLICIT = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{_RU_MONTHS}(?:\s+\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"\b(?:(?:early|late)\s+(?:on\s+)?|on\s+|last\s+|(?:overnight|the night)\s+(?:into|to)\s+)?"
    r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?:\s+(?P<part>morning|afternoon|evening|night))?",
    re.IGNORECASE,
)
_RELATIVE = {
    r"\blast night\b": (-1, "last night: the night before publication"),
    r"\byesterday\b": (-1, ""),
    r"\btoday\b|\bthis (?:morning|afternoon|evening)\b|\btonight\b": (0, ""),
    r"\bovernight\b": (0, "overnight: the night ending on the publication day"),
    r"\b(?:вчора|учора)\b": (-1, ""),  # Ukrainian: "вчора ввечері"
    r"\bпозавчора\b": (-2, ""),
    r"\bсьогодні\b": (0, ""),
    r"\bвчера\b": (-1, ""),  # Russian: "вчера вечером"
    r"\bпозавчера\b": (-2, ""),
    r"\bсегодня\b": (0, ""),
    r"\bнакануне(?=\s*[,.;:—–]|\s+(?:вечером|днем|днём|ночью|утром|поздно))": (-1, "накануне: the day before publication"),
    r"\b(?:a day earlier|the day before|the previous day)(?=\s*[,.;:—–)])": (-1, "a day earlier: the day before publication"),
}
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")

_CLOCK = r"(?:midnight|noon|(?:2[0-3]|[01]?\d)(?!\d)(?:[:.][0-5]\d)?(?:\s*(?:a\.?m\.?|p\.?m\.?))?)"
_ZONE = r"(?:\s+(?P<zone>local time|Moscow time|MSK|Kyiv time|Kiev time|GMT|UTC))?"
_RANGE = re.compile(
    rf"\b(?:between|from)\s+(?P<a>{_CLOCK})\s+(?:and|to|until|till)\s+(?P<b>{_CLOCK}){_ZONE}", re.IGNORECASE
)
# A live-blog entry's own time stamp at the start of the line ("08:40 Kyiv: ...").
_STAMP = re.compile(rf"^\s*(?P<a>(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:a\.?m\.?|p\.?m\.?)(?![\w]))?)(?=\s+\D){_ZONE}", re.IGNORECASE)
_POINT = re.compile(
    rf"\b(?:at|around|about|shortly (?:after|before)|just (?:after|before)|after|before|from|since)\s+(?:about\s+|around\s+|approximately\s+)?"
    rf"(?P<a>noon|midday|midnight|(?:[01]?\d|2[0-3])(?:[:.][0-5]\d(?:\s*(?:a\.?m\.?|p\.?m\.?))?|\s*(?:a\.?m\.?|p\.?m\.?))|(?:[01]\d|2[0-3])[:.][0-5]\d){_ZONE}",
    re.IGNORECASE,
)
# Searched in every sentence: led by a look-ahead for their first characters (cues.led), the same matches found faster.
_EXPLICIT, _WEEKDAY, _RANGE, _POINT = (cues.led(p) for p in (_EXPLICIT, _WEEKDAY, _RANGE, _POINT))
_ZONES = {"moscow time": "Europe/Moscow", "msk": "Europe/Moscow", "kyiv time": "Europe/Kyiv", "kiev time": "Europe/Kyiv",
          "gmt": "UTC", "utc": "UTC"}


@dataclass(frozen=True)
class DateMention:
    """A calendar day named in text, with its span (relative to the text searched) and a note on how it was read."""

    day: date
    start: int
    end: int
    note: str = ""


@dataclass(frozen=True)
class TimeMention:
    """A time of day or a range; `zone` is an IANA zone when the text names one, None for local time."""

    begin: time
    finish: time | None
    zone: str | None
    precision: str
    start: int
    end: int


def read_header(text: str) -> tuple[date | None, int]:
    """The publication date written on the first line ("date 2024-12-21 ...") and the length of that prefix."""
    match = _HEADER.match(text)
    if not match:
        return None, 0
    try:
        return date.fromisoformat(match.group(1)), match.end()
    except ValueError:
        return None, 0


def as_date(value: date | str | None) -> date | None:
    """A publication date given as a date, an ISO string or None."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    return date.fromisoformat(str(value).strip()[:10])


@lru_cache(maxsize=cues.CACHED_TEXTS)
def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Days named in `text`: explicit dates, weekdays and relative words, in order of appearance."""
    found = [m for m in (_explicit(match, published) for match in _EXPLICIT.finditer(text)) if m]
    found += [m for m in (_night_of(match, published) for match in _NIGHT_OF.finditer(text)) if m]
    if published:
        found += [_weekday(match, published) for match in _WEEKDAY.finditer(text)]
        found += [_slavic_weekday(match, published) for match in _slavic_weekdays()[0].finditer(text)]
        readings = list(_RELATIVE.values())
        for m in _relative().finditer(text):
            shift, note = readings[int(m.lastgroup[1:])]
            found.append(DateMention(published + timedelta(days=shift), m.start(), m.end(), note))
    ordered = sorted(_without_overlaps(found), key=lambda m: m.start)
    return [m for m, after in zip(ordered, [*ordered[1:], None])  # "Накануне, 10 мая,", "on Saturday, May 10": the day itself
            if after is None or not _EXPLICIT.fullmatch(text, after.start, after.end) or not _APPOSED.fullmatch(text, m.end, after.start)]


_APPOSED = re.compile(r"\s*,\s*")


def is_relative_day(text: str, mention: DateMention) -> bool:
    """True when `mention` (found in `text`) is a relative day word ("позавчора", "yesterday"), not a named day."""
    return bool(_relative().fullmatch(text, mention.start, mention.end))


@lru_cache(maxsize=1)
def _relative() -> re.Pattern[str]:
    """The relative day words in one pattern, a group per reading (searched once, not once per reading; no two
    readings share a word, so none hides another's match)."""
    body = "|".join(f"(?P<r{n}>{pattern})" for n, pattern in enumerate(_RELATIVE))
    return cues.led(re.compile(body, re.IGNORECASE))


_SPAN_OPEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_SPAN_JOIN = re.compile(r"\s+(?:and|to|until|till|into)\s+", re.IGNORECASE)


def span_end(text: str, mentions: list[DateMention]) -> DateMention | None:
    """'between Tuesday night and Wednesday morning': the later day of a span of one or two days, or None."""
    for first, second in zip(mentions, mentions[1:]):
        joined = _SPAN_JOIN.fullmatch(text[first.end:second.start])
        if joined and _SPAN_OPEN.search(text[:first.start]) and 0 < (second.day - first.day).days <= 2:
            return second
    return None


def old_years(text: str, published: date | None, gap: int = 2) -> list[tuple[int, int]]:
    """Spans of years at least `gap` years before publication: the mark of a historical mention."""
    if not published:
        return []
    return [(m.start(), m.end()) for m in _YEAR.finditer(text)
            if int(m.group(1)) <= published.year - gap and not _BIRTH_YEAR_AFTER.match(text, m.end())]


# "дитина 2017 р. н.", "ребёнок 2015 года рождения", "мужчина 1968 г.р.": a person's year of birth, not a past event.
_BIRTH_YEAR_AFTER = re.compile(r"\s*(?:р\.\s*н\.|року народження|г\.\s*р\.|года рождения|г\.р\.|гг?\.?\s*рожд)", re.IGNORECASE)


# "were struck repeatedly in 2024", "during 2023", "летом 2023 года", "in the summer of 2023": a whole year (or one of its
# seasons) named as a period, before the year of publication.
_YEAR_PERIOD = re.compile(r"(?:\b(?:in|during|throughout)(?:\s+the\s+(?:summer|winter|spring|autumn|fall)\s+of)?"
                          r"|(?<![\w-])(?:в|во|у|протягом|в течение|летом|зимой|весной|осенью|влітку|улітку|взимку|навесні|восени))"
                          r"\s+((?:19|20)\d\d)\b(?![-/.]\d)", re.IGNORECASE)


def past_year_periods(text: str, published: date | None) -> list[tuple[int, int]]:
    """Spans of earlier years named as a period ("in 2024" in a 2025 article): background, not the event reported."""
    if not published:
        return []
    return [(m.start(), m.end()) for m in _YEAR_PERIOD.finditer(text) if int(m.group(1)) < published.year]


def past_days(text: str, published: date | None, gap: int = 4, within: int = 31) -> list[tuple[int, int]]:
    """Spans of days named with their month `gap` to `within` days before publication ("Background: On 4 April, ..." in
    an 8 April article): an earlier event of the same weeks told as background, not the one reported. (Older days are
    left to the year and month rules: a test or a paste may carry a publication date far from the text's own.)"""
    if not published:
        return []
    out = []
    for match in _EXPLICIT.finditer(text):
        day = _parse_day(match.group(0), published)
        limit = YEAR_WITHIN if _WITH_YEAR.search(match.group(0)) else within  # "on 15 May 2024": the text's own year
        if day is not None and gap <= (published - day).days <= limit:
            out.append((match.start(), match.end()))
    return out


YEAR_WITHIN = 366  # a day written with its year ("including the attack on Belbek on 15 May 2024") up to a year back
_WITH_YEAR = re.compile(r"\d{4}")


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
# "In April, a missile attack on Chernihiv killed 18": a month named without a day, as a period of its own.
_MONTH_PERIOD = re.compile(rf"\b(?:in|since|during|through|last)\s+(?:early\s+|late\s+|mid-)?({'|'.join(_MONTH_NAMES)})\b"
                           r"(?!\s+\d{1,2}\b)(?:,?\s+(\d{4}))?", re.IGNORECASE)


def other_months(text: str, published: date | None) -> list[tuple[int, int]]:
    """Spans of months named as a period ("in April", "since August 2024", "в декабре 2022 года") other than the month
    of publication: the mark of background, not of the event reported."""
    if not published:
        return []
    out = []
    for match in _MONTH_PERIOD.finditer(text):
        month, year = _MONTH_NAMES.index(match.group(1).lower()) + 1, int(match.group(2) or published.year)
        if (year, month) != (published.year, published.month) or _early_and_gone(match.group(0), published):
            out.append((match.start(), match.end()))
    for match in _slavic_month_period()[0].finditer(text):
        month, year = _slavic_month_period()[1][match.group(1).lower()], int(match.group(2) or published.year)
        if (year, month) != (published.year, published.month):
            out.append((match.start(), match.end()))
    return sorted(out)


@lru_cache(maxsize=1)
def _slavic_month_period() -> tuple[re.Pattern[str], dict[str, int]]:
    """'у квітні', 'наприкінці жовтня 2024' (lexicon month_periods after month_period_prefixes), a month named without a
    day as a period of its own, with the month number of each word."""
    table = cues.lexicon()
    months = {word.lower(): int(number) for number, words in table.get("month_periods", {}).items() for word in words}
    prefixes = cues.grouped(sorted(table.get("month_period_prefixes", []), key=len, reverse=True))
    words = cues.grouped(sorted(months, key=len, reverse=True))
    found = re.compile(rf"(?<![\w-])(?:{prefixes})\s+({words})(?![\w-])(?!\s+\d{{1,2}}(?!\d))(?:\s+(\d{{4}}))?", re.IGNORECASE)
    return cues.led(found), months


def recap_of_past(text: str, published: date | None) -> re.Match[str] | None:
    """'Нагадаємо, 1 лютого …', 'Раніше, позавчора, …': a recap word with a day at least two days before publication, the
    mark of an earlier event told as background (a recap of this report's own day is not)."""
    recap = cues.has("recap", text) if published else None
    if recap is None:
        return None
    dated = False
    for match in _EXPLICIT.finditer(text, recap.start()):
        day = _parse_day(match.group(0), published)
        if day is not None and (published - day).days >= 2:
            return recap
        dated = dated or day is not None
    if re.search(r"\b(?:позавчора|позапозавчора|торік|позаторік)\b", text[recap.start():], re.IGNORECASE):
        return recap
    if not dated and _undated_recap(text, recap):
        return recap
    if (_OPENING_RECAP.match(text) and not _REPORTED.search(text) and not find_dates(text, published)
            and not _TIME_OF_DAY.search(text) and not _restricted_today(text)):
        return recap  # "Раніше СБУ уразила морськими дронами Кримський міст.": an earlier event told, no day, no report
    return None


def _restricted_today(text: str) -> bool:
    """'Ранее ограничения также были введены во Внуково': in an airport's news, restrictions told after "earlier" are the
    same day's (the airports closed one after another); lifting them ('Ранее введённые ограничения сняты') is not."""
    return cues.has("restriction", text) is not None and cues.has("lift", text) is None


# "Нагадаємо, раніше дрони атакували …", "Як повідомлялося раніше, …": two recap words together, no day of this report.
_THIS_DAY = re.compile(r"(?<![\w-])(?:сьогодні|цієї ночі|цього ранку|цього дня|минулої ночі|вночі|уночі|вранці|зранку|вдень|"
                       r"ввечері|увечері|годину тому|щойно)(?![\w-])", re.IGNORECASE)


# "Раніше СБУ уразила …", "Ранее дроны атаковали …": a sentence opening on "earlier" that tells an event itself (not
# "Ранее сообщалось", "Раніше ми писали": what was reported earlier today), with no day or time of day.
_OPENING_RECAP = re.compile(r"\s*(?:Раніше|Ранее)\s+(?![,—–-])", re.IGNORECASE)
_REPORTED = re.compile(r"(?<![\w-])(?:сообщ|повідом|писа|пиш|заяв|стверджу|утвержд|информир|інформу|уточн|назва|назвал|казал|сказа|передава)\w*",
                       re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"(?<![\w-])(?:сьогодні|сегодня|ночью|вночі|уночі|утром|вранці|зранку|днём|днем|вдень|вечером|ввечері|увечері|"
                          r"этой ночью|цієї ночі|минулої ночі|накануне|напередодні|вчора|учора|вчера)(?![\w-])", re.IGNORECASE)


def _undated_recap(text: str, recap: re.Match[str]) -> bool:
    """Two recap words together, or a recap word and 'already' with a past verb of repeated attacks ('Як відомо, у
    вересні ЗСУ вже завдавали ударів по …', 'Нагадаємо, дрони вже долітали до …'), and no day of this report."""
    other = cues.has("recap", text[recap.end():recap.end() + 12]) or cues.has("recap_already", text[recap.end():])
    return other is not None and not _THIS_DAY.search(text, recap.start())


EARLY_DAYS = 10  # "in early April" in an article of 13 April: the first days of the month, gone by publication


def _early_and_gone(phrase: str, published: date) -> bool:
    return phrase.lower().split()[1:2] == ["early"] and published.day > EARLY_DAYS


def find_times(text: str) -> list[TimeMention]:
    """Clock times in `text`: ranges ("between 7:40 am and 9:20 am local time") first, then single times."""
    return list(_times_in(text))


@lru_cache(maxsize=cues.CACHED_TEXTS)
def _times_in(text: str) -> tuple[TimeMention, ...]:
    out: list[TimeMention] = []
    for match in _RANGE.finditer(text):
        begin, finish = _clock(match.group("a"), match.group("b")), _clock(match.group("b"))
        if begin and finish and re.search(r":|\.\d|[ap]\.?m|midnight|noon", match.group("a") + match.group("b"), re.I):
            out.append(TimeMention(begin[0], finish[0], _zone(match), _finer(begin[1], finish[1]), match.start(), match.end()))
    for match in [*_STAMP.finditer(text), *_POINT.finditer(text)]:
        clock = _clock(match.group("a"))
        if clock and not any(t.start <= match.start() < t.end for t in out):
            out.append(TimeMention(clock[0], None, _zone(match), clock[1], match.start(), match.end()))
    return tuple(sorted(out, key=lambda t: t.start))


def _explicit(match: re.Match, published: date | None) -> DateMention | None:
    if _upcoming(match.group(0), published):
        return None
    day = _parse_day(match.group(0), published)
    return DateMention(day, match.start(), match.end()) if day else None


UPCOMING_WITHIN = 62  # "накануне Парада Победы 9 мая" in an article of 7 May: a day ahead, not the same day a year back


def _upcoming(text: str, published: date | None) -> bool:
    """True when a day written without its year falls in the weeks after publication: a planned day (a parade, a
    truce, a deadline), never the day of an event reported, rather than that day of the year before."""
    if published is None or _WITH_YEAR.search(text):
        return False
    ahead = _parse_day(text, published + timedelta(days=UPCOMING_WITHIN))
    return ahead is not None and ahead > published


@lru_cache(maxsize=512)
def _parse_day(text: str, published: date | None) -> date | None:
    if published is not None:  # the common forms read directly, as dateparser would read them (day_reading)
        day = day_reading.read_day(text, published)
        if day is not day_reading.UNREAD:
            return day
    base = datetime.combine(published or date.today(), time(12))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    parsed = dateparser.parse(text, languages=["en", "ru", "uk"], settings=settings)
    return parsed.date() if parsed else None


# "on the night of October 11 to 12", "the night of 15 to 16 May", "overnight on the night of Aug. 2-3": a night named by
# the two days it spans is the later day's (the morning the attack is reported on), as one date.
_NIGHT_OF = re.compile(
    rf"\bnight\s+of\s+(?:(?P<m1>{_MONTHS})\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?P<m0>{_MONTHS}))?\s*(?:to|into|and|-|–|—)\s*"
    rf"(?:(?P<m2>{_MONTHS})\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:\s+(?:of\s+)?(?P<m3>{_MONTHS}))?(?P<y>,?\s+\d{{4}})?",
    re.IGNORECASE)


def _night_of(match: re.Match, published: date | None) -> DateMention | None:
    month = match.group("m2") or match.group("m3") or match.group("m0") or match.group("m1")
    if month is None:
        return None
    day = _parse_day(f"{match.group('d2')} {month.rstrip('.')}{match.group('y') or ''}", published)
    return DateMention(day, match.start(), match.end(), "a night named by the two days it spans: the later day") if day else None


def _weekday(match: re.Match, published: date) -> DateMention:
    wanted = _WEEKDAYS.index(match.group("day").lower())
    back = (published.weekday() - wanted) % 7
    note = f"'{match.group(0)}' read as the last {match.group('day').capitalize()} on or before publication"
    return DateMention(published - timedelta(days=back), match.start(), match.end(), note)


@lru_cache(maxsize=1)
def _slavic_weekdays() -> tuple[re.Pattern[str], dict[str, int]]:
    """'в субботу', 'во вторник', 'в ночь на среду', 'с пятницы на субботу' (lexicon weekday_days, the forms a day takes
    after в/во/на, with its number): a weekday named as a day, after its preposition (not "среди")."""
    days = {word.lower(): number for word, number in cues.lexicon().get("weekday_days", {}).items()}
    words = cues.grouped(sorted(days, key=len, reverse=True))
    return cues.led(re.compile(rf"(?<![\w-])(?P<prep>в|во|на|у)\s+(?P<day>{words})(?![\w-])", re.IGNORECASE)), days


def _slavic_weekday(match: re.Match, published: date) -> DateMention:
    wanted = _slavic_weekdays()[1][match.group("day").lower()]
    back = (published.weekday() - wanted) % 7
    if match.group("prep").lower() == "на" and back == 6:
        back = -1  # "в ночь на понедельник" in a Sunday article: the night ahead, the next morning's day
    note = f"'{match.group(0)}' read as the last such weekday on or before publication"
    return DateMention(published - timedelta(days=back), match.start(), match.end(), note)


def _without_overlaps(found: list[DateMention]) -> list[DateMention]:
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if not any(k.start <= mention.start < k.end for k in kept):
            kept.append(mention)
    return kept


def _clock(text: str, partner: str | None = None) -> tuple[time, str] | None:
    word = text.strip().lower()
    if word in ("midnight", "noon", "midday"):
        return time(0 if word == "midnight" else 12), "hour"
    match = re.match(r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?", text.strip(), re.IGNORECASE)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    meridiem = (match.group(3) or _meridiem(partner) or "").lower()
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    if meridiem.startswith("a") and hour == 12:
        hour = 0
    if hour > 23:
        return None
    return time(hour, minute), "minute" if match.group(2) else "hour"


def _meridiem(text: str | None) -> str | None:
    match = re.search(r"(a\.?m\.?|p\.?m\.?)", text or "", re.IGNORECASE)
    return match.group(1) if match else None


def _zone(match: re.Match) -> str | None:
    zone = (match.group("zone") or "").lower()
    return _ZONES.get(zone)


def _finer(a: str, b: str) -> str:
    return "minute" if "minute" in (a, b) else "hour"
