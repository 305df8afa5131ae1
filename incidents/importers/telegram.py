"""Telegram Desktop channel exports (result.json, messages*.html) read as one short article per message: the message
time, its t.me link as the source, forwarded and edited messages noted, service and empty messages skipped."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any, Iterator

from incidents.errors import ImportFormatError

JSON_HEAD = re.compile(r'^\s*\{[^\[]*?"(?:name|type|id|messages)"\s*:', re.DOTALL)
CHAT_TYPE = re.compile(r'"type"\s*:\s*"(?:public_channel|private_channel|public_supergroup|private_supergroup|'
                       r'private_group|personal_chat|bot_chat|saved_messages)"')
HTML_MARK = re.compile(r'class="message (?:default|service)|<div class="page_header"')
USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")
TITLE_CHARS = 90


def is_json_export(head: str) -> bool:
    """Whether the start of a JSON file is a Telegram Desktop chat export."""
    return bool(JSON_HEAD.match(head)) and '"messages"' in head and bool(CHAT_TYPE.search(head))


def is_html_export(text: str) -> bool:
    """Whether an HTML page is a Telegram Desktop export page (messages.html, messages2.html …)."""
    return bool(HTML_MARK.search(text[:200_000])) and "message" in text


def json_articles(document: Any, channel: str = "") -> list[Any]:
    """One Article per text message of a parsed result.json; ImportFormatError when it is not a chat export."""
    if not isinstance(document, dict) or not isinstance(document.get("messages"), list):
        raise ImportFormatError("not a Telegram export: result.json holds an object with a 'messages' list")
    name = str(document.get("name") or "")
    signed = signature([_links(m) for m in document["messages"] if isinstance(m, dict)])
    base = channel_base(channel or str(document.get("username") or "") or signed, name, document.get("id"))
    out = []
    for message in document["messages"]:
        article = _json_message(message, base, name)
        if article is not None:
            out.append(article)
    return out


def channel_base(username: str, name: str, chat_id: Any) -> str:
    """https://t.me/<username> when the channel's username is known (or its name is one), else t.me/c/<id>."""
    for candidate in (username.lstrip("@"), name.strip().lstrip("@")):
        if USERNAME.match(candidate):
            return f"https://t.me/{candidate}"
    digits = re.sub(r"\D", "", str(chat_id or ""))
    if digits.startswith("100") and len(digits) > 12:
        digits = digits[3:]  # -100… is the Bot API form of a channel id; links use the bare id
    return f"https://t.me/c/{digits}" if digits else ""


NAME_IN_TEXT = re.compile(r"(?:t\.me/|telegram\.me/|@)([A-Za-z][A-Za-z0-9_]{3,31})\b")
NOT_CHANNELS = {"joinchat", "share", "addstickers", "proxy", "socks", "iv", "addlist", "boost"}


def signature(texts: list[str]) -> str:
    """The username a channel signs its posts with ("Subscribe: t.me/name", "@name"): one named in at least half of
    the messages (two at least), else ''."""
    counts: dict[str, int] = {}
    for text in texts:
        for name in {m.group(1).lower() for m in NAME_IN_TEXT.finditer(text or "")} - NOT_CHANNELS:
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return ""
    name, seen = max(counts.items(), key=lambda item: (item[1], item[0]))
    return name if seen >= 2 and seen * 2 >= len(texts) else ""


def _links(message: dict[str, Any]) -> str:
    parts = [entity_text(message.get("text"))]
    for entity in message.get("text_entities") or (message.get("text") if isinstance(message.get("text"), list)
                                                   else []) or []:
        if isinstance(entity, dict) and isinstance(entity.get("href"), str):
            parts.append(entity["href"])
    return " ".join(parts)


def _json_message(message: Any, base: str, channel: str) -> Any:
    from incidents.importers.articles import Article

    if not isinstance(message, dict) or message.get("type", "message") != "message":
        return None  # service messages: pins, joins, title changes
    text = entity_text(message.get("text"))
    if not text.strip():
        return None  # a photo or a sticker without a caption
    posted = posted_at(message.get("date"), message.get("date_unixtime"))
    if posted is None:
        return None
    ident = message.get("id")
    notes = []
    if message.get("forwarded_from"):
        notes.append(f"forwarded from {message['forwarded_from']}")
    if message.get("edited") or message.get("edited_unixtime"):
        notes.append("edited")
    return Article(text, _source(channel, text, base, ident, posted, notes), posted.isoformat(timespec="minutes"))


def _source(channel: str, text: str, base: str, ident: Any, posted: datetime, notes: list[str]) -> dict[str, str]:
    first = " ".join(text.split())
    first = first if len(first) <= TITLE_CHARS else first[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    title = f"{channel}: {first}" if channel else first
    if notes:
        title += f" ({'; '.join(notes)})"
    url = f"{base}/{ident}" if base and isinstance(ident, int) and not isinstance(ident, bool) else base
    return {k: v for k, v in {"title": title, "url": url, "published": posted.date().isoformat()}.items() if v}


def entity_text(value: Any) -> str:
    """A message's text: a string, or a list of strings and entity objects ({"type": "bold", "text": "…"}; a
    text_link keeps its address after the text)."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return ""
    parts = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            parts.append(part["text"])
    return "".join(parts)


def posted_at(local: Any, unixtime: Any) -> datetime | None:
    """When a message was posted, offset-aware: the export's local time with the offset that its Unix time implies
    (the exporting computer's), else UTC from the Unix time, else the local time taken as UTC (older exports), else
    None."""
    utc = None
    try:
        if unixtime not in (None, ""):
            utc = datetime.fromtimestamp(int(str(unixtime)), tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        utc = None
    naive = None
    if isinstance(local, str):
        try:
            naive = datetime.fromisoformat(local.strip())
        except ValueError:
            naive = None
    if naive is not None and naive.tzinfo is not None:
        return naive
    if utc is None:
        return naive.replace(tzinfo=timezone.utc) if naive is not None else None  # older exports: no Unix time
    if naive is None:
        return utc
    minutes = round((naive - utc.replace(tzinfo=None)).total_seconds() / 900) * 15
    if abs(minutes) > 14 * 60:
        return utc
    return utc.astimezone(timezone(timedelta(minutes=minutes)))


def html_articles(html: str, channel: str = "") -> list[Any]:
    """One Article per text message of a Telegram Desktop HTML export page."""
    root = _html_root(html, "the Telegram export page")
    name = " ".join(root.xpath("string(//div[@class='page_header']//div[contains(@class,'text')])").split())
    signed = signature([" ".join(node.xpath(".//div[@class='text']//text() | .//div[@class='text']//a/@href"))
                        for node in root.xpath("//div[contains(concat(' ', @class, ' '), ' default ')]")])
    base = channel_base(channel or signed, name, "")
    out = []
    for node in root.xpath("//div[contains(concat(' ', @class, ' '), ' message ')]"):
        article = _html_message(node, base, name)
        if article is not None:
            out.append(article)
    return out


def _html_root(html: str, what: str) -> Any:
    """The lxml root of a Telegram HTML page, or one ImportFormatError naming `what`."""
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.document_fromstring(html.encode("utf-8", errors="replace"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError):
        raise ImportFormatError(f"{what} cannot be read as HTML") from None


def _html_message(node: Any, base: str, channel: str) -> Any:
    from incidents.importers.articles import Article

    classes = (node.get("class") or "").split()
    if "service" in classes or "default" not in classes:
        return None
    body = node.find("./div[@class='body']")
    if body is None:
        return None
    stamp = body.xpath("./div[contains(@class,'date')]/@title")
    posted = html_time(stamp[0]) if stamp else None
    texts = body.xpath("./div[@class='text'] | ./div[contains(@class,'forwarded')]/div[@class='text']")
    text = "\n".join(_node_text(t) for t in texts).strip()
    if posted is None or not text:
        return None
    notes = []
    forwarded = body.xpath("./div[contains(@class,'forwarded')]/div[@class='from_name']")
    if forwarded:
        notes.append(f"forwarded from {' '.join(forwarded[0].xpath('./text()')).strip() or 'another channel'}")
    if body.xpath(".//*[contains(@class,'edited')]") or "edited" in " ".join(stamp):
        notes.append("edited")
    digits = re.sub(r"\D", "", node.get("id") or "")
    ident = int(digits) if digits and (node.get("id") or "").startswith("message") and len(digits) < 15 else None
    return Article(text, _source(channel, text, base, ident, posted, notes), posted.isoformat(timespec="minutes"))


def _node_text(node: Any) -> str:
    for br in node.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return node.text_content().strip()


def html_time(title: str) -> datetime | None:
    """The time in an HTML export's date title: '21.12.2024 10:15:30 UTC+03:00' (older exports: no offset, taken as
    UTC)."""
    match = re.match(r"\s*(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})(?::(\d{2}))?(?:\s*UTC([+-])(\d{2}):?(\d{2}))?",
                     title or "")
    if not match:
        return None
    day, month, year, hour, minute, second, sign, off_h, off_m = match.groups()
    zone = timezone.utc
    if sign:
        delta = timedelta(hours=int(off_h), minutes=int(off_m))
        zone = timezone(delta if sign == "+" else -delta)
    try:
        return datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), tzinfo=zone)
    except ValueError:
        return None


def is_web_preview(text: str) -> bool:
    """Whether an HTML page is a channel's public web preview (https://t.me/s/<channel>)."""
    return "tgme_widget_message" in text[:500_000] and "data-post=" in text


def web_preview_articles(html: str) -> list[Any]:
    """One Article per text post of a t.me/s/<channel> page: its data-post address and <time datetime>."""
    from incidents.importers.articles import Article

    root = _html_root(html, "the Telegram channel page")
    channel = " ".join(root.xpath("string(//div[contains(@class,'tgme_channel_info_header_title')])").split())
    out = []
    for node in root.xpath("//div[@data-post][contains(@class,'tgme_widget_message')]"):
        post = node.get("data-post", "")
        texts = node.xpath(".//div[contains(concat(' ', @class, ' '), ' tgme_widget_message_text ')]")
        stamp = node.xpath(".//time[@datetime]/@datetime")
        if not texts or not stamp or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{3,31}/\d{1,12}", post):
            continue
        text = _node_text(texts[-1])
        posted = _iso_moment(stamp[0])
        if not text or posted is None:
            continue
        notes = ["forwarded"] if node.xpath(".//*[contains(@class,'tgme_widget_message_forwarded_from')]") else []
        name, ident = post.split("/")
        source = _source(channel or name, text, f"https://t.me/{name}", int(ident), posted, notes)
        out.append(Article(text, source, posted.isoformat(timespec="minutes")))
    return out


def _iso_moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def iter_export_files(folder: Any) -> Iterator[Any]:
    """result.json and messages*.html of the export folders directly inside `folder`."""
    from pathlib import Path

    for sub in sorted(p for p in Path(folder).iterdir() if p.is_dir()):
        for path in sorted(sub.iterdir()):
            if path.is_file() and (path.name == "result.json" or re.fullmatch(r"messages\d*\.html", path.name)):
                yield path
