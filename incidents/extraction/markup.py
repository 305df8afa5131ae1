"""What a web page adds to an article: HTML tags and scripts, and the furniture after its end (related headlines, most
read...), blanked out with spaces so every offset into the text still holds; Latin look-alike letters inside Cyrillic
words put back, letter for letter."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_HIDDEN = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]{0,2000})?/?>|<!--.*?-->|<!DOCTYPE[^>]{0,200}>", re.DOTALL)
_BLOCK = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|hr)\b", re.IGNORECASE)


def blank_markup(text: str) -> str:
    """The text with HTML tags replaced by as many spaces (a block tag by a line break), so every offset still holds."""
    if "<" not in text:
        return text
    text = _HIDDEN.sub(lambda m: _blank(m.group(0), True), text)
    return _TAG.sub(lambda m: _blank(m.group(0), bool(_BLOCK.match(m.group(0)))), text)


def _blank(tag: str, block: bool) -> str:
    return ("\n" + " " * (len(tag) - 1)) if block else " " * len(tag)


@lru_cache(maxsize=1)
def _furniture_lines() -> tuple[tuple[str, str], ...]:
    """furniture.txt as (mark, phrase): mark "slot" or "bar" for a line with that prefix, else ""."""
    lines = (Path(__file__).resolve().parent / "lexicons" / "furniture.txt").read_text(encoding="utf-8").splitlines()
    out = []
    for line in (line.strip() for line in lines):
        if line and not line.startswith("#"):
            mark = next((m for m in ("slot", "bar") if line.startswith(m + ":")), "")
            out.append((mark, line.removeprefix(mark + ":").strip() if mark else line))
    return tuple(out)


@lru_cache(maxsize=1)
def _phrases() -> str:
    return "|".join(sorted((re.escape(phrase) for _, phrase in _furniture_lines()), key=len, reverse=True))


@lru_cache(maxsize=2)
def _marked(mark: str) -> frozenset[str]:
    """The phrases with a mark: "slot" (an advertisement label also printed above the article) or "bar" (share
    buttons, 'Comments', 'Advertisement': printed above or inside an article too)."""
    return frozenset(phrase.lower() for kind, phrase in _furniture_lines() if kind == mark)


# A paragraph of prose: a line of twenty words or more ending a sentence (breadcrumbs, menus and headlines are not).
_PROSE = re.compile(r"^[ \t]*(?:\S+[ \t]+){19,}\S*[.!?][\"'’”»]?[ \t]*$", re.MULTILINE)


_COUNT = re.compile(r"[ \t]*[(\[]?\d[\d,. ]*[kK]?[)\]]?[ \t]*$")  # a count after a bar's words: "(1,204)", "38"


def _bar_inside(line: str, rest: str) -> bool:
    """'Share this article   Comments' above the story: a bar of the page with the article's prose still to come."""
    line = _COUNT.sub(" ", line)  # "Comments (1,204)": the bar with its count
    words = [w for w in re.split(r"\s{2,}|\s*\|\s*", line.strip().lower().rstrip(":.…")) if w]
    return bool(words) and all(w in _marked("bar") for w in words) and _PROSE.search(rest) is not None


@lru_cache(maxsize=1)
def _furniture() -> re.Pattern[str]:
    return re.compile(rf"^[ \t]*(?:{_phrases()})\b[^\n]{{0,30}}?[:.…]*[ \t]*$", re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=1)
def _inline_furniture() -> re.Pattern[str]:
    """A furniture phrase, a colon and a headline on one line ("Read also: Russia strikes Kyiv ...")."""
    return re.compile(rf"^[ \t]*(?:{_phrases()})[ \t]*[:|][ \t]*\S[^\n]*$", re.IGNORECASE | re.MULTILINE)


# A photo caption: a line carrying a photo credit ("Photograph: X/AFP", "Photo: ..."); it may show an older event.
_CAPTION = re.compile(r"^[^\n]{0,300}?\b(?:Photograph|Photo(?:graph)?s?(?: by| credit)?|Image(?: credit)?|Credit|"
                      r"(?:Image |Photo |Video )?caption|Фото|Світлина|Ілюстративне фото)\s*:[^\n]{0,200}$"
                      r"|^[^\n]{0,300}\((?:file|archive) (?:photo|image|picture|footage)\)[ \t]*$",
                      re.IGNORECASE | re.MULTILINE)


# A credit that leads a line pasted with the story's text after it ("Фото: Telegram-канал губернатора. В Лисках обломки
# повредили дом"): only the credit, up to its stop, is the caption's; a sentence with its stop follows it.
_LEADING_CREDIT = re.compile(r"^[ \t]*(?:Photograph|Photo|Фото|Видео|Світлина|Відео)[ \t]*:[ \t]*[^\n.!?:]{1,80}?\."
                             r"(?=[ \t]+[«\"A-ZА-ЯЁІЇЄҐ][^\n]{20,}[.!?…][»\"]?[ \t]*$)", re.MULTILINE)


def _credit_before_the_story(match: re.Match[str]) -> str:
    """The credit blanked when the rest of its line tells an event in the past ('обломки повредили дом'); a caption
    describing its picture ('Пожарные тушат дом') keeps its credit, and the caption rule blanks the whole line."""
    end = match.string.find("\n", match.end())
    rest = match.string[match.end():end if end >= 0 else len(match.string)]
    return " " * len(match.group(0)) if any(_past_event_word(w) for w in re.findall(r"[а-яёіїєґ]{4,}", rest)) else match.group(0)


def _past_event_word(word: str) -> bool:
    """A finite verb in the past or a short participle ('повредили', 'ранены'), as the Russian analyser reads it."""
    from incidents.extraction import morphology

    tag = str(morphology.parses(word)[0].tag)
    return tag.startswith("PRTS") or (tag.startswith("VERB") and "past" in tag)


def blank_furniture(text: str) -> str:
    """The text with every furniture line that carries a headline ("Read also: ...") blanked, then everything from the
    first page-furniture line ("Related stories", "Читайте также") on, when that line comes after the article has begun."""
    text = _inline_furniture().sub(lambda m: " " * len(m.group(0)), text)
    text = _LEADING_CREDIT.sub(_credit_before_the_story, text)
    text = _CAPTION.sub(lambda m: " " * len(m.group(0)), text)
    for match in _furniture().finditer(text):
        if _slot_above_the_article(match, text) or _bar_above_the_article(match, text) or _header_above_the_article(match, text):
            text = text[:match.start()] + " " * (match.end() - match.start()) + text[match.end():]
            continue  # "Реклама" between the breadcrumbs and the headline: the slot, not the end of the article
        if text[:match.start()].strip() and not _bar_inside(match.group(0), text[match.end():]):
            end = text[match.start():]
            return text[:match.start()] + re.sub(r"[^\n]", " ", end)
    return text


def _slot_above_the_article(match: re.Match[str], text: str) -> bool:
    """True for an advertisement label with no paragraph of the article above it."""
    label = re.sub(r"[\s:.…]+$", "", match.group(0).strip()).lower()
    return label in _marked("slot") and _PROSE.search(text, 0, match.start()) is None


# A line that ends a sentence: the article (or a post) has begun above it; headlines and bylines end without a stop.
_SENTENCE_LINE = re.compile(r"[.!?…][\"'’”»)]*[ \t]*$", re.MULTILINE)


def _header_above_the_article(match: re.Match[str], text: str) -> bool:
    """'Become a member' in a site's header, under its name and menu: no line above it ends a sentence and the
    article's prose is still to come below, so it is the page's header, not the end of the article."""
    return _SENTENCE_LINE.search(text, 0, match.start()) is None and _PROSE.search(text, match.end()) is not None


def _bar_above_the_article(match: re.Match[str], text: str) -> bool:
    """'Поділитися ↗' under the headline of a live blog whose entries are short: a share bar with only the page's
    heading lines above it (no line there ends a sentence), not the end of the article."""
    label = re.sub(r"[\s:.…]+$", "", match.group(0).strip()).lower()
    if not any(re.fullmatch(rf"{re.escape(phrase)}\W*", label) for phrase in _marked("bar")):
        return False
    return _SENTENCE_LINE.search(text, 0, match.start()) is None


# "подвeргся", "FPV-дрoна": a Latin letter that looks like a Cyrillic one, inside a Cyrillic word (as some outlets and
# copy-pasted posts have them), read as the Cyrillic letter; one letter for one, so offsets hold.
_LOOK_ALIKES = str.maketrans("aceopxyiABCEHIKMOPTXY", "асеорхуіАВСЕНІКМОРТХУ")
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ]")
_LATIN = re.compile(r"[A-Za-z]")
_LATIN_NOT_ALIKE = re.compile(r"[b-df-hj-nq-wzD-GJLNQ-SU-WZ]")


def unmix_scripts(text: str) -> str:
    """The text with Latin look-alike letters inside Cyrillic words made Cyrillic ("подвeргся" -> "подвергся"); a word
    with any other Latin letter is left as written. Linear: each word is read once."""
    if not _LATIN.search(text) or not _CYRILLIC.search(text):
        return text
    return _WORD.sub(_unmixed, text)


def _unmixed(match: re.Match[str]) -> str:
    word = match.group(0)
    if not _LATIN.search(word) or not _CYRILLIC.search(word) or _LATIN_NOT_ALIKE.search(word):
        return word
    return word.translate(_LOOK_ALIKES)
