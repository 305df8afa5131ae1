"""The one place that makes data text safe for HTML, JavaScript strings, embedded JSON, links and Streamlit Markdown."""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import urlsplit

# Characters that end or re-open a context in HTML, <script> blocks and JS template literals.
_HTML_EXTRA = {"`": "&#96;", "$": "&#36;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"}
_JS_ESCAPES = {
    "\\": "\\\\",
    '"': "\\u0022",
    "'": "\\u0027",
    "`": "\\u0060",
    "$": "\\u0024",
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
    "{": "\\u007b",  # folium re-parses rendered scripts as Jinja templates: no {{ or {% may survive
    "}": "\\u007d",
}
_JSON_ESCAPES = {k: v for k, v in _JS_ESCAPES.items() if k in "`$<>&\u2028\u2029"}
_JS_PATTERN = re.compile("[\\\\\"'`$<>&{}\\n\\r\\t\u2028\u2029\\x00-\\x1f\\x7f]")
_BRACES = str.maketrans({"\x01": "\ufffd", "\x02": "\ufffd", "{": "\x01", "}": "\x02"})
_JSON_PATTERN = re.compile("[`$<>&\u2028\u2029]")
_MARKS = re.compile(r"(?<!\\)((?:\\\\)*)\\u000([12])")
_URL_FORBIDDEN = re.compile(r"[\x00-\x20\x7f<>\"'`\\]")
# Markdown: every ASCII punctuation character may be backslash-escaped (CommonMark 2.4), which stops images, links,
# code spans, emphasis, HTML, LaTeX ($) and directives (:red[…]) at the parser. Streamlit and remark-gfm also rewrite
# the parsed *text*: URLs and e-mail addresses become links, :material/…: and :streamlit: become icons, :smile: an
# emoji. An invisible WORD JOINER (U+2060) after ':' (not before a digit: times stay as typed), after '@' and inside
# 'www.' breaks those text patterns.
_MD_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_MD_BREAKS = re.compile(r"(?<=\\:)(?!\d)|(?<=\\@)|(?<=www)(?=\\\.)", re.IGNORECASE)
_MD_SPACE = re.compile(r"[\r\n\t\v\f\u2028\u2029\x85]+")
WORD_JOINER = "\u2060"


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def html_text(value: Any) -> str:
    """Text for an HTML element or attribute, also inert inside JS template literals and Jinja."""
    escaped = html.escape(_text(value), quote=True)
    return "".join(_HTML_EXTRA.get(ch, ch) for ch in escaped)


def _js_char(match: re.Match[str]) -> str:
    ch = match.group(0)
    return _JS_ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def js_string(value: Any) -> str:
    """The body of a JS string literal, safe between '', "" or `` quotes and inside a <script> block."""
    return _JS_PATTERN.sub(_js_char, _text(value))


def js_literal(value: Any) -> str:
    """A complete double-quoted JS string literal."""
    return f'"{js_string(value)}"'


def _marked(data: Any) -> Any:
    """A copy whose strings carry braces as \\x01 / \\x02 (genuine \\x01 / \\x02 become U+FFFD)."""
    if isinstance(data, str):
        return data.translate(_BRACES)
    if isinstance(data, dict):
        return {_marked(str(k)): _marked(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_marked(v) for v in data]
    return data


def js_json(data: Any) -> str:
    """Compact JSON that is a valid JS expression anywhere in a <script> block or template literal,
    and inert as a Jinja template (folium re-renders scripts): braces in strings are \\u escapes and
    structural braces never touch."""
    text = json.dumps(_marked(data), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = _JSON_PATTERN.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)
    text = _MARKS.sub(lambda m: m.group(1) + ("\\u007b" if m.group(2) == "1" else "\\u007d"), text)
    return text.replace("{{", "{ {").replace("{{", "{ {").replace("}}", "} }").replace("}}", "} }")


def safe_url(url: Any) -> str | None:
    """The URL when it is a plain http(s) link with a host, else None (javascript:, data:, relative...)."""
    text = _text(url).strip()
    if not text or _URL_FORBIDDEN.search(text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return text


def markdown_text(value: Any) -> str:
    """Data text for any Streamlit Markdown (st.markdown, captions, alerts, labels, help): shown exactly as text.

    Every punctuation mark is escaped, line breaks become spaces, and ':' (not before a digit), '@' and 'www.' carry
    an invisible word joiner so no link, image, icon, emoji, colour or formula can be made from data.
    """
    text = _MD_SPACE.sub(" ", _text(value))
    return _MD_BREAKS.sub(WORD_JOINER, _MD_PUNCTUATION.sub(r"\\\1", text))
