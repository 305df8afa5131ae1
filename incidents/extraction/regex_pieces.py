"""Word pieces every match of a regular expression must contain (a cheap substring gate before the pattern), read
from the re module's parser: the one place that uses re's private parts (Python 3.11's `re._parser`, `re._constants`,
`re._casefix`); when they cannot be read, a pattern has no pieces and always runs."""

from __future__ import annotations

import re


def may_match(lower_text: str, pieces: tuple[str, ...]) -> bool:
    """False only when a pattern gated by `pieces` cannot match: none of them is in the lower-cased text (folded as
    the regex engine folds case when the text has one of the rare letters it treats alike, "ſ" and "s")."""
    if not pieces:
        return True
    if _RARE.search(lower_text):
        lower_text = lower_text.translate(_FOLD)
    return mentions_any(lower_text, pieces)


def required_pieces(regex: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of `regex` contains, or None when they cannot be told (a class,
    any character, a back reference...) or are too short to be worth a look (under two characters)."""
    try:
        parsed = re._parser.parse(regex, flags)
    except (re.error, TypeError, ValueError, AttributeError):  # re's parser is private: no pieces then
        return None
    try:
        _, pieces = _pieces(list(parsed))
    except (TypeError, ValueError, AttributeError, IndexError):
        return None
    if not pieces or min(len(p) for p in pieces) < 2:
        return None
    return frozenset(p for p in pieces if not any(q != p and q in p for q in pieces))  # "drone" covers "drones"


_EXACT_LIMIT = 64  # the most strings a part of a pattern is spelt out as ("drones?" -> "drone", "drones")


def _pieces(items: list) -> tuple[set[str] | None, set[str] | None]:
    """(every string the sequence can match, or None; strings one of which each match contains, or None)."""
    run: set[str] | None = {""}
    exact_all = True
    candidates: list[set[str]] = []
    for op, av in items:
        exact, needed = _item_pieces(op, av)
        if needed:
            candidates.append(needed)
        if exact is not None and run is not None and len(run) * len(exact) <= _EXACT_LIMIT:
            run = {a + b for a in run for b in exact}
            continue
        exact_all = False
        if run and "" not in run:
            candidates.append(run)
        run = set(exact) if exact is not None else {""}
    if run and "" not in run:
        candidates.append(run)
    best = max(candidates, key=lambda c: (min(len(p) for p in c), -len(c)), default=None)
    return (run if exact_all else None), best


def _item_pieces(op, av) -> tuple[set[str] | None, set[str] | None]:
    from re import _constants as sre

    if op is sre.LITERAL:
        return {_fold(chr(av))}, None
    if op is sre.IN:
        if any(kind is not sre.LITERAL for kind, _ in av) or len(av) > 16:
            return None, None
        return {_fold(chr(value)) for _, value in av}, None
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}, None  # zero width
    if op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP:
        body = av[-1]
        return _pieces(list(body))
    if op is sre.BRANCH:
        exacts, needs = [], []
        for branch in av[1]:
            exact, needed = _pieces(list(branch))
            exacts.append(exact)
            needs.append(needed if needed else (exact if exact and "" not in exact else None))
        exact = set().union(*exacts) if all(e is not None for e in exacts) else None
        exact = exact if exact is not None and len(exact) <= _EXACT_LIMIT else None
        needed = set().union(*needs) if all(needs) else None
        return exact, needed
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = av
        exact, needed = _pieces(list(body))
        if low == 0:
            return ({""} | exact if high == 1 and exact is not None else None), None
        needed = needed or (exact if exact and "" not in exact else None)
        return (exact if low == high == 1 else None), needed
    return None, None  # any character, a category, a back reference: nothing known


# The letters the regex engine folds to one under IGNORECASE beyond str.lower ("ſ" and "s", "ᲀ" and "в"), each folded
# to the first of its kind; and the combining dot str.lower adds after "İ" (the engine folds "İ" to "i").
_KINDRED = [sorted({chr(k), *map(chr, v)}) for k, v in getattr(getattr(re, "_casefix", None), "_EXTRA_CASES", {}).items()]
_FOLD = {ord(c): group[0] for group in _KINDRED for c in group[1:]} | {0x307: None}
_RARE = re.compile("[" + "".join(sorted({re.escape(chr(c)) for c in _FOLD})) + "]")


def _fold(char: str) -> str:
    return char.lower().translate(_FOLD)


def mentions_any(lower_text: str, pieces: tuple[str, ...]) -> bool:
    """True when the (lower-cased) text contains one of the pieces."""
    for piece in pieces:  # a plain loop: no generator set up for every clause and kind
        if piece in lower_text:
            return True
    return False
