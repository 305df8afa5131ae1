"""HTML pasted with an article: tags and scripts blanked out with spaces (offsets kept), block tags ending a line."""

from __future__ import annotations

import re

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
