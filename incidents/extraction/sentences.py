"""Split an article into sentences and clauses that keep their character offsets in the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidents.extraction import cues, numbers

_ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.u", "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "capt", "sgt", "no", "vs",
    "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m",
    "etc", "inc", "corp", "jr", "sr", "prof", "gov", "sen", "rep", "maj", "adm", "est",
    "ул", "вул", "просп", "пер", "пров", "наб", "пл", "мкр",  # "на ул. Толстого": a street, not a sentence end
    "н.п", "пгт", "смт", "г.о", "м.о",  # "в н.п. Белая Берёзка", "пгт. Красная Яруга": a settlement's title, not a sentence end
}
# "… и Элисты.Росавиация рекомендует …": a page that lost the space after a full stop still ends the sentence there.
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[«]?[A-ZА-ЯЁІЇЄҐ0-9])"
                       r"|(?<=[a-zа-яёіїєґ]{3})[.!?](?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]{2})")
# "struck the landing ship while it was moored at Feodosia": a 'while' that only says where the target lay is no new clause.
_WHERE_IT_LAY = (r"(?!\s+(?:it|they|the\s+[\w-]+)\s+(?:was|were|lay|sat|stood)\s+(?:\w+ly\s+)?"
                 r"(?:moored|docked|anchored|berthed|parked|stationed|deployed|based|in\s+(?:port|dry\s?dock)))")
_CLAUSE_BREAK = re.compile(
    r"\s*;\s*|\s+[—–]\s+|\s+--\s+"
    rf"|,\s+(?=(?:where|which|when|while{_WHERE_IT_LAY}|whereas|although|though|but|after|before|as(?! well as)|because|since|who|adding(?= that)|and (?=[a-z]))\b)"
    rf"|\s+(?=while\b{_WHERE_IT_LAY}|whereas\b|and that\b[^.;,]{{0,80}}?\s[A-Z])"  # "said 14 drones were downed over the region and that a fire in Borisoglebsk ..."
    r"|,\s+(?=(?:в|во|у|на)\s+(?:[а-яёіїєґ]+\s+)?[А-ЯЁІЇЄҐ])"  # "в Сумах погибли двое, в Ромнах ранен мужчина"
    r"|,\s+(?=(?:а\s+|при этом\s+)?(?:аэропорт|аеропорт)\w*\s+[«\"А-ЯЁІЇЄҐ])"  # "…ограничения, аэропорт Самары работает штатно"
)
_RELATIVE = re.compile(r"(?:where|which|when|who)\b")
# "Zaporizhzhia, which lies some 40 km from the front line, was hit by a missile": an aside between commas, then the
# subject's own verb; the aside stays inside the subject's clause (the verb is the subject's, not the aside's).
_ASIDE_THEN_VERB = re.compile(r"(?:which|who)\s[^,;:—–()]{1,80},\s+(?:was|were|has|have|had|is|are|came|comes|remains|remained)\s")
# "ще семеро — поранені", "Водитель — мужчина 45 лет — получил ранения": a spaced dash before the casualty predicate
# (within three words) joins it to its subject instead of ending the clause.
_CASUALTY_AFTER_DASH = re.compile(
    r"(?:[\w-]+ ){0,3}?(?:ранен|поранен|пострада|постражд|травм|погиб|загинул|загинув|загибл|убит|вбит|получил\w* (?:[\w-]+ )?ранени|"
    r"отримал\w* (?:[\w-]+ )?поранен|killed|injured|wounded|dead)", re.IGNORECASE)

# "сбито 240 беспилотников: 91 — над Московской областью, 126 — над Курской": a count of a list, its dash, then where.
_LIST_COUNT_BEFORE_DASH = re.compile(r"(?:^|[:,;]|\s(?:и|і|та|й|and|ещё|ще))\s*\d[\d\s,]*$", re.IGNORECASE)
_COUNT_ONLY = re.compile(r"\s*\d[\d\s,]*")  # a clause that is only a count ("7 – over …" after a comma split)
_PLACE_AFTER_DASH = re.compile(r"(?:над|в|у|во|на|під|под|поблизу|біля|возле|over|above|in|near)\s", re.IGNORECASE)
_CASUALTY_BEFORE_DASH = re.compile(r"(?<![\w-])(?:ранен|поранен|пострада|постражд|травмован|погибш|погибл|загибл|убит|вбит)\w*$",
                                   re.IGNORECASE)

# Scanned over every line and sentence: led by a look-ahead for their first characters (cues.led), the same matches.
_BOUNDARY, _CLAUSE_BREAK = cues.led(_BOUNDARY), cues.led(_CLAUSE_BREAK)


@dataclass(frozen=True)
class Span:
    """A piece of the article: its text and its [start, end) character offsets in the whole article."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence(Span):
    """A sentence, with its position in the article and whether it is a heading (a line with no final stop)."""

    index: int = 0
    heading: bool = False


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order; each line or paragraph break also ends a sentence."""
    out: list[Sentence] = []
    furniture = _trailing_headlines(text)
    for line in re.finditer(r"[^\n]+", text):
        titled = (_TITLE_TAIL.search(line.group(0)) is not None and len(line.group(0).split()) <= 16) or line.start() >= furniture
        for start, end in _line_sentences(line.group(0)):
            piece = line.group(0)[start:end]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if not piece:
                continue
            absolute = line.start() + start + lead
            heading = titled or _is_heading(piece) or (not out and _is_cyrillic_title(piece))
            out.append(Sentence(piece, absolute, absolute + len(piece), len(out), heading))
    return out


def _trailing_headlines(text: str) -> int:
    """Where a run of HEADLINE_RUN or more short lines with no final stop starts, when it ends the text after a blank
    line and a line of the article that ends a sentence ("Russian missile hits Dnipro apartment block" under the story:
    the page's other headlines); len(text) when there is none. Bulleted, timed and place-headed lines are not counted."""
    lines = text.rstrip().split("\n")
    run = 0
    while run < len(lines) and _headline_line(lines[len(lines) - 1 - run].strip()):
        run += 1
    above = lines[:len(lines) - run]
    if run < HEADLINE_RUN or len(above) < 2 or above[-1].strip() or not any(_ENDS_SENTENCE.search(a.strip()) for a in above):
        return len(text)
    return len("\n".join(above)) + 1


def _headline_line(line: str) -> bool:
    return 3 <= len(line.split()) <= 16 and _HEADLINE_LINE.fullmatch(line) is not None and line_head(line) is None


HEADLINE_RUN = 2
# A headline's line: a capital opening, three to sixteen words, no stop, colon or comma at its end, no bullet or time.
_HEADLINE_LINE = re.compile(r"[A-ZА-ЯЁІЇЄҐ][^\n]*[^\W_]['’”»)]?", re.UNICODE)
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'’”»)]*$")


# "Атака беспилотников на Брянскую область. Хроника", "Взрывы в Саках. Что известно": a headline ending in the kind of
# page it heads is a heading through and through.
_TITLE_TAIL = re.compile(r"[.:]\s+(?:Хроника(?: событий)?|Хроніка(?: подій)?|Онлайн(?:-трансляция)?|Что известно|Що відомо|"
                         r"Главное|Головне|Подробности|Подробиці|Live|Latest updates|What we know)\s*$")


def _line_sentences(line: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    stop_head = _STOP_HEAD.match(line)
    for match in _BOUNDARY.finditer(line):
        if _is_abbreviation(line, match.start()):
            continue
        if stop_head is not None and match.end() <= stop_head.end():
            continue  # "Shebekino again. FPV drone hit a minibus": the post's place heads the sentence that follows
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(line)))
    return spans


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", line[:dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token)) or len(token) == 1


def _is_heading(piece: str) -> bool:
    """A short line with no final stop, written in title case ("Kazan Under Attack")."""
    if re.search(r"[.!?\"”’:),;]$", piece) or len(piece.split()) > 12:
        return False  # a comma or semicolon at the end: an item of a list running on, never a title
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", piece) if len(w) > 3]
    head = line_head(piece)
    if head is not None and re.fullmatch(r"\s*[—–:-]\s*\d[\d,]*\s*[.;,]?", piece[head:]):
        return False  # "Харківщина: 14": an item of a list of counts, not a title
    if _POST_EMOJI_END.search(piece) and re.search(r"[\u0400-\u04ff]", piece):
        return False  # "Вибухи в Харкові 💥", "Мінус шахед над Києвом 👍": a post's line ends with an emoji, no title does
    if re.search(r"[\u0400-\u04ff]", piece) and line_head(piece) is None:
        return True  # Russian and Ukrainian headlines are written in sentence case
    if head is not None and re.search(r"[\u0400-\u04ff]", piece) and piece[head:].isupper():
        return False  # "⚡️ХАРКІВ — ВИБУХИ": a post shouting its news, not a title
    return all(w[0].isupper() for w in words)


_POST_EMOJI_END = re.compile("[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?$")


def _is_cyrillic_title(piece: str) -> bool:
    """The article's first line in Russian or Ukrainian with no final stop ("Онлайн: атака беспилотников на Москву")."""
    return bool(re.search(r"[\u0400-\u04ff]", piece)) and not re.search(r"[.!?\"”’)]$", piece) and len(piece.split()) <= 12


@dataclass(frozen=True)
class Clause(Span):
    """A clause of a sentence; `relative` when it opens with where/which/when/who (it leans on the clause before)."""

    relative: bool = False


def _list_count(text: str, start: int, dash: re.Match) -> bool:
    """A region list's count before its dash and its place after it: a clause that is only the count, or a count
    after the list's colon, comma or "and"."""
    near = max(start, dash.start() - 40)  # the count and its separator sit right before the dash (linear on long lists)
    count = _COUNT_ONLY.fullmatch(text, start, dash.start()) or _LIST_COUNT_BEFORE_DASH.search(text, near, dash.start())
    return bool(count) and bool(_PLACE_AFTER_DASH.match(text, dash.end()))


# "у Херсоні поранено двох, у Білозерці — трьох": a place after a comma, a dash, then only its count (the verb dropped).
_PLACE_ITEM_BEFORE_DASH = re.compile(r",\s*(?:в|у|во|на)\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]*(?:[ -][A-ZА-ЯЁІЇЄҐ][\w'’-]*)?\s*$")
_COUNT_ALONE_AFTER_DASH = re.compile(
    rf"\s*(?:ще|ещё|еще)?\s*(?:\d+|{numbers.SLAVIC_WORDS})(?:\s+(?:людей|людини|осіб|особи|человек|мирних|мирных|"
    r"цивільних|жителів|жителей|дітей|детей))?\s*(?:[.;!]|$)", re.IGNORECASE)


def _elided_count(text: str, start: int, dash: re.Match) -> bool:
    """A count alone after the dash, a place item before it, and a casualty word earlier in the clause."""
    near = max(start, dash.start() - 60)
    return (bool(_COUNT_ALONE_AFTER_DASH.match(text, dash.end())) and bool(_PLACE_ITEM_BEFORE_DASH.search(text, near, dash.start()))
            and _CASUALTY_WORD.search(text, start, dash.start()) is not None)


_ELIDED_ITEM = re.compile(r"(?:в|у|во|на)\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]*(?:[ -][A-ZА-ЯЁІЇЄҐ][\w'’-]*)?\s+[—–]\s+")


def _elided_item(text: str, start: int, comma: re.Match) -> bool:
    """', у Білозерці — трьох' after a clause that told a casualty count: the next item of its list, not a new clause."""
    item = _ELIDED_ITEM.match(text, comma.end())
    return (item is not None and bool(_COUNT_ALONE_AFTER_DASH.match(text, item.end()))
            and _CASUALTY_WORD.search(text, start, comma.start()) is not None)


_CASUALTY_WORD = re.compile(r"(?<![\w-])(?:ранен|поранен|пострада|постражд|травмован|погиб|загинул|загинув|загибл|убит|вбит)\w*",
                            re.IGNORECASE)


def split_clauses(sentence: Span) -> list[Clause]:
    """Clauses of a sentence, split at semicolons, spaced dashes and commas before a subordinating word."""
    out: list[Clause] = []
    start = 0
    head = line_head(sentence.text)
    stop = _STOP_HEAD.match(sentence.text) if head is not None else None
    for match in _CLAUSE_BREAK.finditer(sentence.text):
        if head is not None and match.start() <= head:
            continue  # "Kyiv – a missile struck ...", "UPD 05:12 — Суджа: ...": the line's head belongs to what follows
        if stop is not None and match.start() < stop.end():
            continue  # "Миколаїв, 02:10 — вибухи": the place with its time heads the line
        if match.group(0).strip() in "—–" and _CASUALTY_AFTER_DASH.match(sentence.text, match.end()):
            continue
        if (match.group(0).strip() in "—–" and sentence.text[match.end():match.end() + 1].isdigit()
                and _CASUALTY_BEFORE_DASH.search(sentence.text, start, match.start())):
            continue  # "загиблих — 9, поранених — 63": the count after its casualty word
        if match.group(0).startswith(",") and _elided_item(sentence.text, start, match):
            continue
        if match.group(0).strip() in "—–" and _elided_count(sentence.text, start, match):
            continue  # "у Херсоні поранено двох, у Білозерці — трьох": the count of the next place, its verb left out
        if match.group(0).strip() in "—–" and _list_count(sentence.text, start, match):
            continue  # "91 — над Московской областью", "7 – over the territory of Smolensk region": a count and its region
        if match.group(0).strip() in "—–" and _passive_ends(sentence.text[start:match.start()]):
            continue  # "Під обстрілом з артилерії — Очаків": the subject after its passive strike
        if _last_list_item(sentence.text, start, match):
            continue
        if match.group(0).startswith(",") and _ASIDE_THEN_VERB.match(sentence.text, match.end()):
            continue
        if match.start() > start:
            out.append(_clause(sentence, start, match.start()))
        start = match.end()
    if start < len(sentence.text):
        out.append(_clause(sentence, start, len(sentence.text)))
    return out


# "hit the Olenya air base in Murmansk Oblast, the Belaya airfield in Irkutsk Oblast, and the Dyagilevo ... air bases":
# ", and" before a name that ends a list of names is the list's last item, not a new clause.
_AND_A_NAME = re.compile(r"and\s+(?:the\s+)?[A-Z]")
_ITEM_BEFORE = re.compile(r",\s+(?:the\s+)?[A-Z][^,;]*")


def _last_list_item(text: str, start: int, match: re.Match[str]) -> bool:
    if not match.group(0).startswith(",") or not _AND_A_NAME.match(text, match.end()):
        return False
    item = None
    for item in _ITEM_BEFORE.finditer(text, max(start, match.start() - 200), match.start()):
        pass
    return item is not None and item.end() == match.start()


_CAPITAL = "A-ZА-ЯЁІЇЄҐ"
# "Харківський район: с. Руська Лозова — …", "Чугуївський район: м. Чугуїв — …": a district or community labels the
# line, then the settlement with its type abbreviated; the settlement heads the line.
AREA_LEAD = (r"(?:[А-ЯЁІЇЄҐ][\w'’-]+\s+(?:район|р-н|громада|округ|муниципальный округ|городской округ)\s*:\s*)?"
             r"(?:(?:с|м|смт|сел|с-ще|пос|п|г|д)\.\s*)?")
# What a post puts before its line's place: a time, an update mark ("UPD 02:40:", "Оновлено:"), a bullet, an emoji.
POST_MARK = (r"(?:(?:UPD|UPDATE|Upd|Update|ОБНОВЛЕНО|ОНОВЛЕНО|Обновлено|Оновлено|Апдейт)\.?\s*(?:\d{1,2}[:.]\d{2})?\s*[:.—–-]?\s*)?"
             r"(?:[^\w\s]{1,4}\s*(?=\d))?"  # "📍 11:10 — Шостка: …", "▪️ 19:05 Миколаїв: …": the bullet before the time
             r"(?:\d{1,2}[:.]\d{2}\s*[:.—–-]?\s+)?(?:[•*·▪–—-]\s*)?(?:[^\w\s]{1,4}\s*)?" + AREA_LEAD)
# What ends it: a dash or a colon, or an emoji ("Zaporizhzhia 🔥 a guided bomb ..."); several places ("Briansk / Klintsi").
_HEAD_TIME = r"(?:\s+\d{1,2}[:.]\d{2})?"  # "Харків 02:14 — вибух"
_HEAD_SEPARATOR = r"(?:\s*[—–:-]\s|\s+[^\w\s,.;:'\"«»()\[\]/&]{1,8}\s)"
# "Shebekino again. FPV drone hit ...", "Kherson, 09:40. Russians shelled ...", "Bilozerka, earlier: ...": a short post's
# place with a word of time, then a stop or a colon; the event follows in the same line.
_HEAD_STOP = (r"(?:,?\s+(?:again|once again|now|tonight|overnight|earlier|this morning|this evening|last night)"
              r"|,\s*\d{1,2}[:.]\d{2})(?:[.!:]|\s*[—–-])\s")
HEAD_END = rf"(?:{_HEAD_TIME}{_HEAD_SEPARATOR}|{_HEAD_STOP})"
# "Аэропорты Калуга (Грабцево), Ярославль (Туношна) — ограничения": a name may carry its airport's name in brackets.
_HEAD_BRACKET = r"(?:\s\([^()\n]{1,30}\))?"
_LINE_HEAD = re.compile(rf"^{POST_MARK}[{_CAPITAL}][\w'’.-]*{_HEAD_BRACKET}(?:(?:\s|\s?[/,&]\s?)[{_CAPITAL}][\w'’.-]*{_HEAD_BRACKET}){{0,3}}"
                        rf"(?:\s(?:region|oblast|province|област\w*|обл\.|obl\.|krai|громад\w*|район|р-н))?(?:{_HEAD_TIME}(?={_HEAD_SEPARATOR})|(?={_HEAD_STOP}))")
_STOP_HEAD = re.compile(rf"^{POST_MARK}[{_CAPITAL}][\w'’-]*(?:\s[{_CAPITAL}][\w'’-]*){{0,2}}{_HEAD_STOP}")


def line_head(text: str) -> int | None:
    """Where a line's heading name ends ("Kyiv – ...", "08:40 Kharkiv: ...", "• Lutsk – ..."), or None."""
    match = _LINE_HEAD.match(text)
    return match.end() if match else None


_PASSIVE_TAIL = re.compile(r"(?:\s+(?:з|із|зі|с|со)\s+[\w'’-]+){0,2}\s*")


def _passive_ends(text: str) -> bool:
    """True when `text` ends with a passive strike ("Під ударом", "Під обстрілом з артилерії"), whose subject follows."""
    last = None
    for last in cues.scanner("passive").finditer(text[-80:]):
        pass
    return last is not None and _PASSIVE_TAIL.fullmatch(text[-80:], last.end()) is not None


def _clause(sentence: Span, start: int, end: int) -> Clause:
    text = sentence.text[start:end]
    return Clause(text, sentence.start + start, sentence.start + end, bool(_RELATIVE.match(text)))
