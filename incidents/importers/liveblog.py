"""What saved news pages state about themselves: the charset, JSON-LD (NewsArticle, LiveBlogPosting and its
liveBlogUpdate entries), OpenGraph and meta tags, the canonical link; so each live-blog entry is read with its own time."""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterator

from incidents.importers.textclean import fragment_text

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                 "liveblogposting", "webpage", "report", "backgroundnewsarticle", "opinionnewsarticle"}
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)
MAX_ENTRIES = 2000
MIN_ENTRY_CHARS = 20
TIME_OF_DAY = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
LIVE_WORDS = re.compile(r"\blive\b|liveblog|live-blog|/live/|онлайн|наживо|трансляци|хроника|хроніка", re.IGNORECASE)
MAX_JSONLD_CHARS = 5 * 2**20


@dataclass(frozen=True)
class Entry:
    """One live-blog update: its own headline, text, time (ISO text as the page gives it) and address."""

    headline: str
    text: str
    published: str
    url: str


def decode_page(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a saved page: a BOM, else the charset its <meta> (or XML declaration) names, else UTF-8,
    else Cyrillic cp1251; koi8-r, windows-1251 and the like come from the meta tag."""
    from incidents.importers.sniff import HEAD_BYTES, detect_encoding

    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    head = data[:HEAD_BYTES]
    found = META_CHARSET.search(head) or XML_ENCODING.search(head)
    named = _codec(found.group(1).decode("ascii", "replace")) if found else None
    if named and not named.startswith("utf-16"):
        return data.decode(named, errors="replace"), named
    encoding = detect_encoding(head)
    if encoding == "cp1251":
        encoding = cyrillic_codec(head)
    return data.decode(encoding, errors="replace").lstrip("\ufeff"), encoding


def cyrillic_codec(head: bytes) -> str:
    """cp1251 or koi8-r/koi8-u for 8-bit Cyrillic: text is mostly lower case, which cp1251 keeps in 0xE0-0xFF and
    KOI8 in 0xC0-0xDF."""
    high = [byte for byte in head if byte >= 0xC0]
    if not high or sum(1 for byte in high if byte >= 0xE0) * 2 >= len(high):
        return "cp1251"
    return "koi8-u" if any(byte in head for byte in (0xA4, 0xA6, 0xA7, 0xB4, 0xB6, 0xB7)) else "koi8-r"


def mhtml_page(data: bytes) -> tuple[str, str]:
    """(HTML, original address) of a page saved as one file (.mht/.mhtml: MIME, as Chrome and Edge save it)."""
    import email
    import email.policy

    from incidents.errors import ImportFormatError

    message = email.message_from_bytes(data, policy=email.policy.default)
    url = str(message.get("Snapshot-Content-Location") or "")
    for part in message.walk():
        if part.get_content_type() == "text/html":
            try:
                content = part.get_content()
            except (LookupError, ValueError, AssertionError):
                content = part.get_payload(decode=True) or b""
            html = content if isinstance(content, str) else decode_page(content)[0]
            return html, url or str(part.get("Content-Location") or "")
    raise ImportFormatError("no HTML page inside the .mhtml file; save the article as a web page instead")


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def page_facts(html: str) -> dict[str, Any]:
    """title, url, published (ISO text, offset kept) and live-blog entries the page states about itself; JSON-LD
    first, then OpenGraph/article meta tags and the canonical link. Missing facts are left out."""
    root = _tree(html)
    if root is None:
        return {}
    facts: dict[str, Any] = {}
    for item in _jsonld_items(root):
        kind = _types(item)
        if not kind & ARTICLE_TYPES:
            continue
        for key, names in (("title", ("headline", "name")), ("published", ("datePublished", "dateCreated")),
                           ("url", ("url", "mainEntityOfPage")), ("body", ("articleBody",))):
            value = _first_text(item, names)
            if value and key not in facts:
                facts[key] = value
        if "liveblogposting" in kind and "entries" not in facts:
            facts["live"] = True
            facts["entries"] = list(_entries(item, facts.get("url", "")))
    meta = _meta(root)
    for key, names in (("title", ("og:title", "twitter:title")),
                       ("published", ("article:published_time", "og:article:published_time", "datepublished",
                                      "pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
                                      "sailthru.date", "parsely-pub-date")),
                       ("url", ("og:url",))):
        for name in names:
            if meta.get(name) and key not in facts:
                facts[key] = meta[name]
    saved = SAVED_FROM.search(html[:4096])
    if saved and "url" not in facts:
        facts["url"] = saved.group(1)  # "Save page as" notes the address it came from
    canonical = root.xpath("//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href")
    if canonical and canonical[0].strip().startswith("http"):
        facts["url"] = canonical[0].strip()  # the canonical link wins over an AMP or tracking address
    if "title" not in facts:
        title = root.findtext(".//title")
        if title and title.strip():
            facts["title"] = title.strip()
    live = facts.get("live") or LIVE_WORDS.search(" ".join((facts.get("title", ""), facts.get("url", ""),
                                                             meta.get("og:type", ""))))
    if live:
        shown = html_entries(root, facts.get("url", ""))
        if len(shown) > len(facts.get("entries") or []):
            facts["entries"] = shown  # structured data often lists only the latest few updates
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in facts.items()}


def _tree(html: str) -> Any:
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.document_fromstring(html.encode("utf-8", errors="replace"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError, TypeError):
        return None


def _jsonld_items(root: Any) -> Iterator[dict[str, Any]]:
    for script in root.xpath("//script[contains(translate(@type,'JSONLD','jsonld'),'ld+json')]"):
        raw = (script.text or "").strip()
        if not raw or len(raw) > MAX_JSONLD_CHARS:
            continue
        try:
            document = json.loads(raw.removeprefix("<!--").removesuffix("-->").strip(" ;\n"), strict=False)
        except (ValueError, RecursionError):
            continue
        yield from _flatten(document, 0)


def _flatten(node: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(node, list):
        for item in node[:200]:
            yield from _flatten(item, depth + 1)
    elif isinstance(node, dict):
        yield node
        if isinstance(node.get("@graph"), list):
            yield from _flatten(node["@graph"], depth + 1)


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _first_text(item: dict[str, Any], names: tuple[str, ...]) -> str:
    for name in names:
        value = item.get(name)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, (str, int, float)) and str(value).strip():
            return str(value).strip()
    return ""


def _entries(item: dict[str, Any], page_url: str) -> Iterator[Entry]:
    updates = item.get("liveBlogUpdate") or []
    for update in (updates if isinstance(updates, list) else [updates])[:MAX_ENTRIES]:
        if not isinstance(update, dict):
            continue
        body = _first_text(update, ("articleBody", "text", "description"))
        headline = _first_text(update, ("headline", "name"))
        if not (body or headline):
            continue
        url = _first_text(update, ("url",))
        ident = _first_text(update, ("@id",))
        if not url and ident.startswith("#") and page_url:
            url = page_url.split("#")[0] + ident
        yield Entry(fragment_text(headline), fragment_text(body), _first_text(update, ("datePublished", "dateCreated",
                                                                                       "dateModified")), url)


def html_entries(root: Any, page_url: str) -> list[Entry]:
    """Live-blog entries from the page itself: the sibling blocks (two or more) that each hold a <time datetime>
    with a time of day; each block's text, first heading, time and #id address."""
    import lxml.html

    groups: dict[Any, dict[Any, list[str]]] = {}
    for stamp in root.xpath("//time[@datetime]")[:MAX_ENTRIES]:
        when = stamp.get("datetime", "")
        if not TIME_OF_DAY.search(when):
            continue
        node = stamp
        for _ in range(8):
            parent = node.getparent()
            if parent is None:
                break
            groups.setdefault(parent, {}).setdefault(node, []).append(when)
            node = parent

    def blocks(children: dict[Any, list[str]]) -> list[tuple[Any, str]]:
        return [(block, whens[0]) for block, whens in children.items()
                if len(whens) == 1 and len(block.text_content().strip()) >= MIN_ENTRY_CHARS]

    best = max((blocks(children) for children in groups.values()), key=len, default=[])
    if len(best) < 2:
        return []
    out = []
    for block, when in best:
        heading = block.xpath("string(.//*[self::h1 or self::h2 or self::h3 or self::h4][1])").strip()
        for stamp in block.xpath(".//time"):
            stamp.drop_tree()
        text = fragment_text(lxml.html.tostring(block, encoding="unicode"))
        body = text[len(heading):].strip() if heading and text.startswith(heading) else text
        ident = block.get("id") or ""
        url = f"{page_url.split('#')[0]}#{ident}" if ident and page_url else ""
        if len(body) >= MIN_ENTRY_CHARS:
            out.append(Entry(" ".join(heading.split()), body, when, url))
    return out if len(out) >= 2 else []


def _meta(root: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in root.xpath("//meta[@content]"):
        name = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        if name and name not in found and element.get("content", "").strip():
            found[name] = element.get("content").strip()
    for element in root.xpath("//time[@datetime]")[:1]:
        found.setdefault("date", element.get("datetime"))
    return found


def moment(text: str) -> datetime | None:
    """An offset-aware datetime from ISO text (2024-12-21T10:15:00+03:00, 'Z'); None for a date or naive time."""
    value = (text or "").strip().replace("Z", "+00:00").replace("z", "+00:00")
    value = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def day_of(text: str) -> str:
    """YYYY-MM-DD of an ISO date or datetime as written (the local day of the offset given), else ''."""
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", text or "")
    if match:
        return match.group(1)
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    if not text or len(text) > 60 or not re.search(r"\d", text):
        return ""
    import dateparser

    try:
        parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True})
    except (ValueError, TypeError, OverflowError, RecursionError):
        return ""
    return parsed.date().isoformat() if parsed else ""
