"""The analyst's summary: a small, safe Markdown (paragraphs, **bold**, *italic*, - and 1. lists); all else is text."""

from __future__ import annotations

import re

from markupsafe import Markup

from dashboard.escape import html_text

BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])|(?<![_\w])_(?=\S)([^_]+?)(?<=\S)_(?![_\w])")
MAX_SUMMARY = 4000  # characters: a summary is a few paragraphs


def blocks(source: str) -> list[tuple[str, list[str]]]:
    """The summary as blocks: ('p', [lines]), ('ul', [items]) or ('ol', [items]), in order."""
    out: list[tuple[str, list[str]]] = []
    for raw in str(source or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        kind, body = ("ul", BULLET.match(raw)) if BULLET.match(raw) else ("ol", NUMBERED.match(raw))
        if not line:
            out.append(("", []))
        elif body:
            if out and out[-1][0] == kind:
                out[-1][1].append(body.group(1).strip())
            else:
                out.append((kind, [body.group(1).strip()]))
        elif out and out[-1][0] == "p":
            out[-1][1].append(line)
        elif out and out[-1][0] in ("ul", "ol") and raw[:1].isspace():
            out[-1][1][-1] += " " + line  # an indented line continues the list item
        else:
            out.append(("p", [line]))
    return [block for block in out if block[0]]


def inline(text: str) -> str:
    """Escaped text with **bold** and *italic* (or __/_) made into <b> and <i>; nothing else becomes markup."""
    escaped = html_text(text)
    escaped = BOLD.sub(lambda m: f"<b>{m.group(1) or m.group(2)}</b>", escaped)
    return ITALIC.sub(lambda m: f"<i>{m.group(1) or m.group(2)}</i>", escaped)


def block_html(kind: str, lines: list[str]) -> str:
    if kind == "p":
        return f"<p>{inline(' '.join(lines))}</p>"
    return f"<{kind}>" + "".join(f"<li>{inline(item)}</li>" for item in lines) + f"</{kind}>"


def summary_html(source: str) -> Markup:
    """The whole summary as safe HTML."""
    return Markup("".join(block_html(kind, lines) for kind, lines in blocks(source)))


def plain(kind: str, lines: list[str]) -> str:
    """A block's text without markers (for measuring and for slides)."""
    strip = lambda s: ITALIC.sub(lambda m: m.group(1) or m.group(2), BOLD.sub(lambda m: m.group(1) or m.group(2), s))  # noqa: E731
    if kind == "p":
        return strip(" ".join(lines))
    return "\n".join(("• " if kind == "ul" else f"{n}. ") + strip(item) for n, item in enumerate(lines, 1))
