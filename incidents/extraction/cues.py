"""The cue lexicons (lexicons/*.json, *.txt) compiled into patterns, and the event cues found in a piece of text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from incidents.extraction.regex_pieces import may_match, mentions_any, required_pieces  # noqa: F401 - used by the rules

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
EVENT_KINDS = ("strike", "passive", "explosion", "interception", "restriction", "debris", "damage", "casualty")


@dataclass(frozen=True)
class Cue:
    """An event cue in text: its kind (strike, explosion, interception, restriction...), the words and their span."""

    kind: str
    text: str
    start: int
    end: int


CACHED_TEXTS = 8192  # clause and sentence texts whose cues, counts and dates are remembered (a few MB at most)
LANGUAGES = ("ru", "uk")  # lexicons/cues_<lang>.json, merged into the English lexicon


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The cue lexicon: lexicons/cues.json with the Russian and Ukrainian lists of the same names merged in."""
    table = json.loads((LEXICON_DIR / "cues.json").read_text(encoding="utf-8"))
    for language in LANGUAGES:
        for name, value in own_lexicon(language).items():
            _merge(table, name, value)
    return table


@cache
def own_lexicon(language: str) -> dict[str, Any]:
    """One language's own cue file (lexicons/cues_<language>.json), without the English entries."""
    table = json.loads((LEXICON_DIR / f"cues_{language}.json").read_text(encoding="utf-8"))
    return {name: value for name, value in table.items() if not name.startswith("_")}


def slavic(name: str) -> list[str]:
    """The Russian and Ukrainian fragments of one lexicon entry (for the patterns written for their word order)."""
    return [w for language in LANGUAGES for w in own_lexicon(language).get(name, [])]


def _merge(table: dict[str, Any], name: str, value: Any) -> None:
    if isinstance(value, list):
        table[name] = list(table.get(name, [])) + [w for w in value if w not in table.get(name, [])]
    elif isinstance(value, dict):
        merged = dict(table.get(name, {}))
        for key, item in value.items():
            if isinstance(item, list) and isinstance(merged.get(key), list):
                merged[key] = merged[key] + item
            else:
                merged[key] = item
        table[name] = merged


def lexicon_lines(name: str) -> list[str]:
    """The entries of a one-entry-per-line lexicon file: its lines stripped, blank lines and '#' comments left out."""
    lines = (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Words that are never place names on their own here: media, platforms, roles, common capitalised words."""
    return frozenset(line.lower() for line in lexicon_lines("not_places.txt"))


@lru_cache(maxsize=1)
def seats_of_government() -> frozenset[str]:
    """Cities where national governments sit (lexicons/seats_of_government.txt): officials there speak of places elsewhere."""
    return frozenset(line.lower() for line in lexicon_lines("seats_of_government.txt"))


@lru_cache(maxsize=1)
def theatre_countries() -> frozenset[str]:
    """The countries of the war's theatre (lexicons/theatre_countries.txt): a site elsewhere needs strong evidence."""
    return frozenset(line.upper() for line in lexicon_lines("theatre_countries.txt"))


@lru_cache(maxsize=2)
def settlement_nouns(streets: bool = False) -> str:
    """A settlement noun ("селе", "посёлок", "пгт", "місто"; with streets, "улица" too) as a regex fragment, shortened
    with a dot or not: the one list (lexicons/settlement_nouns.txt) every settlement look-back reads."""
    lines = [line.strip() for line in (LEXICON_DIR / "settlement_nouns.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    words = [line.removeprefix("street:").removeprefix("village:").strip() for line in lines
             if streets or not line.startswith("street:")]
    return rf"(?<![\w-])(?:{'|'.join(words)})\.?"


@cache
def village_nouns() -> str:
    """A noun for a village or small settlement ("селе", "хутор", "смт", "с."), as settlement_nouns: its "village:" lines."""
    lines = (LEXICON_DIR / "settlement_nouns.txt").read_text(encoding="utf-8").splitlines()
    words = [line.removeprefix("village:").strip() for line in lines if line.startswith("village:")]
    return rf"(?<![\w-])(?:{'|'.join(words)})\.?"


@cache
def street_nouns() -> str:
    """A street noun ("улица", "ул.", "проспект", "вулиця") as a regex fragment: the "street:" lines of the same list."""
    lines = (LEXICON_DIR / "settlement_nouns.txt").read_text(encoding="utf-8").splitlines()
    words = [line.removeprefix("street:").strip() for line in lines if line.startswith("street:")]
    return rf"(?<![\w-])(?:{'|'.join(words)})\.?"


def words_pattern(words: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the fragments as whole words, longest first."""
    body = grouped(sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)



@lru_cache(maxsize=None)
def pattern(name: str) -> re.Pattern[str]:
    """The compiled pattern for a lexicon entry (a list of fragments, or weapons/<kind>)."""
    table = lexicon()
    if name.startswith("weapons/"):
        return words_pattern(table["weapons"][name.split("/", 1)[1]])
    if name == "weapon":
        return words_pattern([w for group in table["weapons"].values() for w in group])
    if name == "strike":
        return words_pattern(table["strike_verbs"] + table["strike_nouns"])
    if name == "interception":
        weapon = pattern("weapon").pattern
        down = words_pattern(table["interception"]).pattern
        gap = r"(?:[«\"“]?[\w,'’-]+[»\"”]?\s+){0,6}?"  # "знищено 9 «шахедів»", "34 «перехоплені» над … дрони"
        repelled = "|".join(table["repelled"])
        defence = words_pattern(table["air_defence"]).pattern
        counted = "|".join(table["counted_interception"])  # "Of those, 14 were shot down over ...": the weapon said before
        nouns = words_pattern(table["interception_nouns"]).pattern  # "Збиття зафіксовано у ... областях": the noun tells it alone
        return re.compile(rf"{weapon}[»\"”]?,?\s+{gap}{down}|{down}[»\"”]?\s+{gap}[«\"“]?{weapon}|\bair defen[cs]es?\b|\binterceptions?\b|{repelled}|{defence}"
                          rf"|{counted}|{nouns}", re.IGNORECASE)
    if name == "passive":
        return re.compile(grouped(table["passive_strike"]), re.IGNORECASE)
    if name in ("restriction", "damage", "count_update", "repelled"):
        return re.compile(grouped([f"(?:{w})" if _top_level_bar(w) else w for w in table[name]]), re.IGNORECASE)
    return words_pattern(table[name])


@lru_cache(maxsize=None)
def scanner(name: str) -> re.Pattern[str]:
    """pattern(name) led by a look-ahead for the characters its matches can start with: the same matches at the same
    places, found faster (most positions fail one character test instead of trying every alternative in turn)."""
    return led(pattern(name))


def led(compiled: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern led by a look-ahead for its possible first characters (itself when they cannot be told)."""
    first = first_chars(compiled.pattern, compiled.flags)
    if first is None:
        return compiled
    lead = "".join(c if c in _CATEGORIES.values() else re.escape(c) for c in sorted(first))
    return re.compile(f"(?=[{lead}])(?:{compiled.pattern})", compiled.flags)


def grouped(fragments: list[str], flags: int = re.IGNORECASE) -> str:
    """`"|".join(fragments)` with the fragments that can start at the same letter grouped together, in their written order
    ("s(?:hot down|uppressed)|d(?:owned|estroyed)", or "(?=[пП])(?:...)" when they do not open with that letter alike).

    Python's regex engine tries every branch of an alternation in turn at each position, which is slow for long word
    lists under IGNORECASE; grouped, a position tries one branch per group. Fragments of different groups cannot match
    at the same position and a group keeps its members' order, so the matches and their order of preference are those
    of the plain alternation. When the first characters of some fragment cannot be told, the plain alternation is kept."""
    plain = "|".join(fragments)
    if any(_CAPTURE.search(f) for f in fragments):
        return plain  # grouping would renumber the groups
    groups: list[tuple[set[str], list[str]]] = []
    for fragment in fragments:
        keys = _keys(first_chars(fragment, flags), flags)
        if keys is None:
            return plain
        joined = [i for i, g in enumerate(groups) if g[0] & keys]  # the earlier groups it overlaps, merged in order
        merged = (keys.union(*(groups[i][0] for i in joined)), [f for i in joined for f in groups[i][1]] + [fragment])
        at = joined[0] if joined else len(groups)
        groups = [g for i, g in enumerate(groups) if i not in joined]
        groups.insert(at, merged)
    if len(groups) == 1:
        return plain
    return "|".join(_group(members, keys, flags) for keys, members in groups)


_CAPTURE = re.compile(r"\\[1-9]|\\g|\((?!\?)|\(\?P[<=]")
_LOOKBEHIND = re.compile(r"\(\?<[!=](?:[^()\\]|\\.|\[[^]]*\])*\)")  # a leading (?<![\w-]) without nested groups


def _keys(firsts: frozenset[str] | None, flags: int) -> set[str] | None:
    """What a fragment's first characters are compared by: each folded as IGNORECASE folds it ("S", "s", "ſ"; "k" and
    the Kelvin sign), a digit also under \\d; None when they cannot be told or \\w or \\s may open it."""
    if firsts is None or {r"\w", r"\s"} & firsts:
        return None
    keys = {c if c == r"\d" else c.lower().upper().lower() if flags & re.IGNORECASE else c for c in firsts}
    if any(len(k) != 1 and k != r"\d" for k in keys):
        return None  # "İ": str.lower and the regex engine fold it differently
    return keys | ({r"\d"} if any(k.isdecimal() for k in keys) else set())


def _group(members: list[str], keys: set[str], flags: int) -> str:
    r"""One group: a single fragment as it is; fragments opening alike with one letter as that letter and their rests
    ("(?<![\w-])п(?:ожар\w*|ожеж\w*)"); else the fragments behind a look-ahead for their first characters."""
    if len(members) == 1:
        return members[0]
    lead = _LOOKBEHIND.match(members[0])
    prefix = lead.group(0) if lead else ""
    rests = [m[len(prefix):] for m in members]
    same = {r[0].lower() if flags & re.IGNORECASE else r[0] for r in rests if r}
    if all(m.startswith(prefix) and _PLAIN_LEAD.match(r) and not _top_level_bar(r) for m, r in zip(members, rests)) and len(same) == 1:
        return f"{prefix}{rests[0][0]}(?:{'|'.join(r[1:] for r in rests)})"
    chars = "".join(c if c == r"\d" else re.escape(c) for c in sorted(keys))
    return f"(?=[{chars}])(?:{'|'.join(members)})"


_PLAIN_LEAD = re.compile(r"\w(?![?*+{])")  # a letter or digit matched once


def _top_level_bar(fragment: str) -> bool:
    """True when the fragment is itself an alternation ("a|b"): a letter put before it would lead only its first branch."""
    depth, escaped, in_class = 0, False, False
    for char in fragment:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
    return False


def first_chars(regex: str, flags: int = 0) -> frozenset[str] | None:
    """The characters any match of `regex` must start with, or None when they cannot be told (a class like \\w, any
    character, an empty match, inline flags): then the pattern is used as it is."""
    if flags & re.VERBOSE:
        return None
    try:
        found, nullable = _first(re._parser.parse(regex, flags).data)
    except (re.error, TypeError, ValueError, AttributeError, ImportError):  # re's parser is private: plain pattern then
        return None
    return None if found is None or nullable else frozenset(found)


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}  # kept as classes in the look-ahead


def _first(items: list) -> tuple[set[str] | None, bool]:
    """(first characters, whether the sequence can match the empty string) of a parsed sequence; None: unknown."""
    from re import _constants as sre

    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            return out | {chr(av)}, False
        if op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL:
                    out.add(chr(value))
                elif kind is sre.RANGE and value[1] - value[0] <= 512:
                    out.update(chr(c) for c in range(value[0], value[1] + 1))
                elif kind is sre.CATEGORY and str(value) in _CATEGORIES:
                    out.add(_CATEGORIES[str(value)])
                else:
                    return None, False
            return out, False
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the next item starts the match
        if op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP:
            if op is sre.SUBPATTERN and (av[1] or av[2]):
                return None, False
            found, nullable = _first(av[-1].data if hasattr(av[-1], "data") else av[-1])
        elif op is sre.BRANCH:
            found, nullable = set(), False
            for branch in av[1]:
                part, empty = _first(branch.data if hasattr(branch, "data") else branch)
                if part is None:
                    return None, False
                found |= part
                nullable = nullable or empty
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            found, nullable = _first(av[2].data if hasattr(av[2], "data") else av[2])
            nullable = nullable or av[0] == 0
        else:
            return None, False
        if found is None:
            return None, False
        out |= found
        if not nullable:
            return out, False
    return out, True


# A cheap first look for the costly kinds: short word pieces most of their words contain, found by plain substring
# search in the lower-cased text (much faster than the patterns themselves). gate() adds the pieces of any lexicon word
# none of these is part of, so a word added to a lexicon needs no piece here (a short one here keeps the gate short).
_TRIGGERS = {
    "restriction": ("flight", "airport", "airspace", "air traffic", "departure", "arrival", "restrict", "clos", "suspend",
                    "halt", "divert", "ground", "kov", "carpet", "operation", "receiv", "accept", "dispatch", "plane",
                    "aircraft", "ограничен", "аэропорт", "аеропорт", "обмежен", "призупин", "приостанов", "закрыт",
                    "закрит", "ковёр", "ковер", "рейс", "прием", "приём", "суда", "самол"),
    "interception": ("down", "intercept", "destroy", "neutrali", "repel", "repuls", "suppress", "jammed", "defen", "thwart",
                     "foil", "sbit", "sbili", "pvo", "сбит", "сбил", "сбив", "збив", "знешкод", "уничтож", "перехват", "перехвач", "подавл",
                     "нейтрализ", "отраж", "отраз", "збит", "збил", "знищ", "перехоп", "нейтраліз", "відбил", "пво", "ппо",
                     "оборон", "минус", "мінус", "minus", "zbyt", "znyshch"),
    "damage": ("fire", "ablaze", "flame", "burn", "damage", "destruction", "поврежд", "выбит", "пожар", "возгор", "загор", "разруш", "горит", "задым",
               "пошкодж", "пожеж", "займан", "зруйн", "руйнув", "вибит"),
    "passive": ("was", "were", "been", "suffer", "endur", "faced", "repel", "weather", "came under", "brunt", "bore",
                "bear", "took", "tak", "обстрел", "обстріл", "ударом", "атакой", "атакою", "огнем", "огнём", "вогнем", "подверг",
                "зазна"),
}


def gate(name: str, hand: tuple[str, ...]) -> tuple[str, ...]:
    """The pieces whose absence lets find_cues skip lexicon entry `name`: the hand-picked ones, plus every piece the
    entry's pattern needs (required_pieces) that none of them is part of, so a word added to the lexicon is never
    skipped for want of a hand-picked piece; () when the pattern's pieces cannot be told (then it always runs)."""
    return gate_of(pattern(name), hand)


def gate_of(compiled: re.Pattern[str], hand: tuple[str, ...]) -> tuple[str, ...]:
    """gate() for a compiled pattern."""
    return _gate(hand, compiled.pattern, compiled.flags)


@lru_cache(maxsize=None)
def _gate(hand: tuple[str, ...], regex: str, flags: int) -> tuple[str, ...]:
    needed = required_pieces(regex, flags)
    if needed is None:
        return ()
    return hand + tuple(sorted(p for p in needed if not any(h in p for h in hand)))


def find_cues(text: str) -> list[Cue]:
    """Event cues in `text`, ordered by position."""
    return list(_cues_in(text))


@lru_cache(maxsize=CACHED_TEXTS)
def _cues_in(text: str) -> tuple[Cue, ...]:
    """find_cues, remembered per text: the same clause is asked again by later rules, and repeated in long pastes."""
    lower = text.lower()
    found = [Cue(kind, m.group(0), m.start(), m.end()) for kind, compiled, pieces in _gated_kinds()
             if may_match(lower, pieces) for m in compiled.finditer(text)]
    if any(c.kind in ("strike", "passive") for c in found):  # the shields below cover only those
        shields = [m for shield, pieces in _gated_shields() if may_match(lower, pieces) for m in shield.finditer(text)]
        found = [c for c in found if not (c.kind in ("strike", "passive") and
                                          any(s.start() <= c.start and c.end <= s.end() for s in shields))]
    found = [c for c in found if not (c.kind in ("strike", "explosion") and _event_denied(text, c))]
    found = [c for c in found if not (c.kind == "damage" and _negated(text, c))]
    found = [c for c in found if not (c.kind == "restriction" and _restriction_denied(text, c))]
    found = [c for c in found if not (c.kind == "interception" and (_defence_as_topic(text, c) or _shootdown_as_topic(text, c)))]
    found = [_weapon_as_subject(text, c) for c in found]
    return tuple(sorted(found, key=lambda c: c.start))


@cache
def _gated_kinds() -> tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]:
    """Each event kind with its scanner and its gate (no gate: always read), in the order of EVENT_KINDS."""
    return tuple((kind, scanner(kind), gate(kind, _TRIGGERS[kind]) if kind in _TRIGGERS else ()) for kind in EVENT_KINDS)


@cache
def _gated_shields() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    return tuple((shield, gate_of(shield, hand)) for shield, hand in _shields())


def _shields() -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    """Patterns whose matches hold strike words that tell no strike, each with its hand-picked gate pieces."""
    return [
        # "repelled a drone attack on Kursk": the attack noun inside a repelled-attack cue tells an interception
        (scanner("repelled"), ("repel", "repuls", "отраж", "отраз", "отбит")),
        # "предприняли попытку атаки по объектам ...": an attempted attack tells no strike (what became of it follows)
        (pattern("attempted"), ("попытк", "спроб")),
        # "the sanctions package targets a shipyard in Kerch": economic measures aimed at firms, not a strike
        (_economic(), _ECONOMIC_WORDS),
        # "we are ready to strike Moscow", "drones could hit the capital": an intention or a possibility, not an event
        (_intent(), _INTENT_WORDS),
        # "Russian forces attacked in the Pokrovsk direction near Selydove": ground fighting on the front, not a strike there
        (scanner("ground_combat"), _GROUND_WORDS),
    ]


# "сторони обговорили ППО", "обіцяють посилити протиповітряну оборону", "to discuss air defence", "spends billions on air
# defence": a topic, not air defence at work (the look-back is bounded: 60 characters before the cue).
_DEFENCE_TOPIC = re.compile(r"(?<![\w-])(?:обговор\w*|обсуд\w*|посил\w*|усил\w*|зміцн\w*|укрепл\w*|постач\w*|постав\w*|передач\w*|"
                            r"передал\w*|обіця\w*|пообіця\w*|обеща\w*|discuss\w*|suppl\w*|deliver\w*|strengthen\w*|bolster\w*|"
                            r"boost\w*|expand\w*|promis\w*|more|spend\w*|spent|invest\w*|fund\w*|budget\w*|billions?|millions?|щодо|стосовно|касательно|относительно)"
                            r"\s+(?:[\w'’-]+\s+){0,3}?$", re.IGNORECASE)


def _defence_as_topic(text: str, cue: Cue) -> bool:
    return bool(scanner_air_defence().fullmatch(cue.text)) and _DEFENCE_TOPIC.search(text, max(0, cue.start - 60), cue.start) is not None


# "Польща обговорює можливість збиття ракет над Львівщиною", "закон про збиття дронів", "допомогти зі збиттям шахедів":
# shooting down as a topic (a possibility, a law, a plan, help asked), not one that happened.
_SHOOTDOWN_NOUN = re.compile(r"(?:збитт|сбити)\w*", re.IGNORECASE)
_SHOOTDOWN_TOPIC = re.compile(r"(?<![\w-])(?:можлив\w*|закон\w*(?:\s+про)?|дозв\w*(?:\s+на)?|рішенн\w*(?:\s+(?:про|щодо))?|питанн\w*|"
                              r"план\w*(?:\s+(?:щодо|про))?|обговор\w*|для|щодо|стосовно|(?:допомог\w*|допомагати)\s+(?:зі|із|з)|"
                              r"возможност\w*|закон\w*\s+о|разрешени\w*\s+на|для|по\s+вопросу)\s+$", re.IGNORECASE)


def _shootdown_as_topic(text: str, cue: Cue) -> bool:
    return bool(_SHOOTDOWN_NOUN.match(cue.text)) and _SHOOTDOWN_TOPIC.search(text, max(0, cue.start - 60), cue.start) is not None


@cache
def scanner_air_defence() -> re.Pattern[str]:
    return re.compile(rf"{words_pattern(lexicon()['air_defence']).pattern}|air defen[cs]es?", re.IGNORECASE)


_GROUND_WORDS = ("forces", "troops", "units", "infantry", "assault", "soldiers")
_INTENT_WORDS = (" to strike", " to hit", " to attack", " to target", " to bomb", " to shell", " used ", "will ", "would ", "could ",
                 "can ", "may ", "might ", "must ", "отказ", "прекращен", "приостановк", "запрет", "моратори", "не связан", "угроз", "опасност", "котор",
                 "випадок", "разі")


@cache
def _intent() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{w})" for w in lexicon()["intent"]), re.IGNORECASE)


_ECONOMIC_WORDS = ("sanction", "package", "measures", "listing", "designation", "tariff", "embargo", "ban", "blacklist",
                   "export control", "outage", "blackout", "power cut", "shortage", "storm", "flood", "heatwave")


@cache
def _economic() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{w})" for w in lexicon()["economic_targeting"]), re.IGNORECASE)


# "A Russian missile destroyed a fuel depot": the weapon is the subject of an active verb with an object, a strike.
_ACTIVE_DESTROYED = re.compile(r"destroyed$", re.IGNORECASE)
_PASSIVE_BETWEEN = re.compile(r"\b(?:was|were|been|being|is|are)\b", re.IGNORECASE)
_OBJECT_AFTER = re.compile(r"\s+(?:an?|the|its|their|several|two|three|four|five|dozens of|\d+)\s+"
                           r"(?!(?:[\w-]+\s+)?(?:drones?|uavs?|missiles?|shaheds?|targets?|rockets?)\b)", re.IGNORECASE)


def _weapon_as_subject(text: str, cue: Cue) -> Cue:
    if (cue.kind == "interception" and _ACTIVE_DESTROYED.search(cue.text) and not _PASSIVE_BETWEEN.search(cue.text)
            and weapon_of(cue.text[:24]) is not None and _OBJECT_AFTER.match(text, cue.end)):
        return Cue("strike", cue.text, cue.start, cue.end)
    return cue


# "No strikes were reported in the capital", "there were no explosions": an event word that is denied on the spot.
# "not any strikes", "без ударов"; "город не обстреливался", "Харків не атакували": the verb itself denied (right before it)
_NEGATED = re.compile(r"(?<![\w-])(?:no|not any|without|никаких|ніяких|жодних|без)\s+(?:[\w-]+\s+)?$|(?<![\w-])[Нн][еі]\s+$",
                      re.IGNORECASE)
# "ніяких ударів не було", "взрывов не было", "прилётов не зафиксировано": the event word denied right after it.
_NEGATED_AFTER_EVENT = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:не було|не было|не зафіксован\w*|не зафиксирован\w*|не відбулося|"
                                  r"не произошло)(?![\w-])", re.IGNORECASE)


def _event_denied(text: str, cue: Cue) -> bool:
    """'no strikes', 'не обстреливался', 'ніяких ударів не було': an event word denied right before or after it (damage
    words have their own, wider test, _negated: 'пострадавших и разрушений нет')."""
    return bool(_NEGATED.search(text, max(0, cue.start - 24), cue.start) or _NEGATED_AFTER_EVENT.match(text, cue.end))


_NEGATED_BEFORE = re.compile(r"(?:\bno|\bwithout|(?<![\w-])без|(?<![\w-])нет)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_NEGATED_AFTER = re.compile(r"^\s+(?:нет|немає|не (?:зафиксирован|выявлен|зафіксован|виявлен)\w*)(?![\w-])", re.IGNORECASE)


def _negated(text: str, cue: Cue) -> bool:
    """'пострадавших и разрушений нет', 'без разрушений', 'no damage': damage said not to have happened."""
    return bool(_NEGATED_BEFORE.search(text[max(0, cue.start - 40):cue.start]) or _NEGATED_AFTER.match(text[cue.end:cue.end + 30]))


# "В аэропорту Пулково ограничений не вводилось", "работает без ограничений", "no restrictions were imposed": a
# restriction said not to exist ("ограничения не сняты" stays one: only verbs of imposing are read as denial).
_RESTRICTION_DENIED_BEFORE = re.compile(r"(?:\bno|(?<![\w-])без|(?<![\w-])никаких|(?<![\w-])жодних)\s+$", re.IGNORECASE)
_RESTRICTION_DENIED_AFTER = re.compile(
    r"^\s+(?:(?:не|ні|not)\s+(?:было|были|был[аио]?|вводил\w*|введен\w*|ввели|вводятся|объявля\w*|объявлен\w*|"
    r"действу\w*|запроваджу\w*|запроваджен\w*|запровадили|було|були|been|imposed)|нет|немає)(?![\w-])", re.IGNORECASE)


def _restriction_denied(text: str, cue: Cue) -> bool:
    return bool(_RESTRICTION_DENIED_BEFORE.search(text[max(0, cue.start - 20):cue.start])
                or _RESTRICTION_DENIED_AFTER.match(text[cue.end:cue.end + 40]))


@lru_cache(maxsize=1024)
def weapon_of(text: str) -> str | None:
    """'drone', 'missile' or 'other' for the first weapon named in `text`, or None."""
    best: tuple[int, str] | None = None
    for kind in ("drone", "missile", "other"):
        match = scanner(f"weapons/{kind}").search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), kind)
    return best[1] if best else None


@lru_cache(maxsize=4096)
def has(name: str, text: str) -> re.Match[str] | None:
    """The first match of lexicon entry `name` in `text`, or None."""
    return scanner(name).search(text)


PLURAL_NOUNS = frozenset({"strikes", "attacks", "targets", "hits"})  # verbs in the lexicon, nouns more often


def is_strike_noun(cue: Cue) -> bool:
    """True for a strike cue that names an attack by a noun ("the attack", "strikes") rather than telling one."""
    return cue.kind == "strike" and (not pattern("strike_verbs").fullmatch(cue.text) or cue.text.lower() in PLURAL_NOUNS)


def tells_event(text: str) -> bool:
    """True when `text` tells an event (a strike verb, damage, casualties, interceptions...), not only names one."""
    return any(not is_strike_noun(c) for c in find_cues(text))
