"""Alternations of many words grouped by their first letter: the same matches, in the same order of preference, faster."""

from __future__ import annotations

import re

# A fragment that cannot be grouped: it does not open with a plain letter or digit that is matched once, or it holds a
# capturing group or a reference (grouping would renumber them). Then the alternation is left as it was written.
_PLAIN_LEAD = re.compile(r"\w(?![?*+{])")
_CAPTURE = re.compile(r"\\\d|\\g|\((?!\?)|\(\?P[<=]")


def grouped(fragments: list[str], ignorecase: bool = True) -> str:
    """`"|".join(fragments)` with the fragments that open with the same letter grouped under it ("s(?:hot down|uppressed)").

    Python's regex engine tries every branch of an alternation in turn at each position, which is slow for long word
    lists under IGNORECASE; grouped, a position tries one branch per first letter. Fragments that open with different
    letters cannot match at the same position, and within a group the written order is kept, so the matches and the
    order of preference are those of the plain alternation. When a fragment cannot be grouped (see _PLAIN_LEAD), or two
    first letters could stand for each other under IGNORECASE, the plain alternation is returned."""
    groups: dict[str, list[str]] = {}
    for fragment in fragments:
        if not _PLAIN_LEAD.match(fragment) or _CAPTURE.search(fragment) or _top_level_bar(fragment):
            return "|".join(fragments)
        groups.setdefault(fragment[0].lower() if ignorecase else fragment[0], []).append(fragment)
    folded = {key.upper().lower() for key in groups}  # "ſ" and "s", "K" (Kelvin) and "k": one letter to IGNORECASE
    if ignorecase and len(folded) != len(groups):
        return "|".join(fragments)
    return "|".join(_group(members) for members in groups.values())


def _group(members: list[str]) -> str:
    """One letter, then the rest of each member in order (under IGNORECASE "Б" and "б" lead the same group)."""
    if len(members) == 1:
        return members[0]
    return f"{members[0][0]}(?:{'|'.join(m[1:] for m in members)})"


def _top_level_bar(fragment: str) -> bool:
    """True when the fragment is itself an alternation ("a|b"): its first letter would lead only its first branch."""
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
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False
