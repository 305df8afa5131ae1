"""Text as copied from browsers and exports normalised once before extraction: line ends, invisible characters, spaces,
quotes, HTML entities left in the text, very long lines; and HTML fragments (feed items, messages) as plain text."""

from __future__ import annotations

import html
import re
import unicodedata

INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad\u2063\u2062\u2061"), None)
SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
                                 "\u205f\u3000\t\x0b\x0c"), " ")
QUOTES = {ord("\u201c"): '"', ord("\u201d"): '"', ord("\u201e"): '"', ord("\u201f"): '"', ord("\u2033"): '"',
          ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201a"): "'", ord("\u201b"): "'", ord("\u2032"): "'"}
LINE_BREAKS = dict.fromkeys(map(ord, "\u2028\u2029\x85"), "\n")
TABLE = {**INVISIBLE, **SPACES, **QUOTES, **LINE_BREAKS}
ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
RUNS = re.compile(r" {2,}")
LONG_LINE = 2000  # characters: longer lines are broken after a sentence end (pastes that lost their paragraphs)
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"'«(]?[A-ZА-ЯЁІЇЄҐ0-9])")
BLOCKS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table", "section",
          "article", "header", "footer", "pre", "figure", "figcaption", "dd", "dt")


def clean_text(text: str) -> str:
    """The text with Windows/old-Mac line ends, non-breaking and other odd spaces, soft hyphens, zero-width characters,
    smart quotes, HTML entities left in it (`&nbsp;`, `&#8217;`) and control characters normalised, runs of spaces
    collapsed, and lines over LONG_LINE characters broken at sentence ends. Clean text comes back unchanged."""
    if not isinstance(text, str):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        text = ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = unicodedata.normalize("NFC", text).translate(TABLE)
    text = CONTROL.sub("", text)
    lines = [RUNS.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(_broken(line) if len(line) > LONG_LINE else line for line in lines).strip()


def _broken(line: str) -> str:
    return SENTENCE_END.sub("\n", line)


def fragment_text(markup: str) -> str:
    """The text of an HTML fragment (a feed item, a message) with a line per block and per <br>; text without tags
    comes back as it is."""
    if "<" not in (markup or ""):
        return markup or ""
    import lxml.etree
    import lxml.html

    markup = XML_UNSAFE.sub("", markup).encode("utf-8", "replace").decode("utf-8")
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", markup)
    lxml.etree.strip_elements(root, lxml.etree.Comment, "script", "style", with_tail=False)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    text = root.text_content()
    return re.sub(r"\n\s*\n+", "\n\n", "\n".join(part.strip() for part in text.split("\n"))).strip()
