"""A sources cell as people write it: JSON, plain URLs or titles, several separated by ';' or new lines."""

from __future__ import annotations

import re
from typing import Any

from incidents.errors import ImportFormatError, ValidationError

URL = re.compile(r"^https?://\S+$", re.IGNORECASE)  # a cell (or piece) that is one web address
_SPLIT = re.compile(r"\s*(?:;|\r?\n)\s*")
_BEFORE_URL = re.compile(r"[,\s]+(?=https?://)", re.IGNORECASE)  # 'https://a,https://b': a list joined by commas


def parse_sources(field: str, text: str, published: str = "") -> list[dict[str, Any]]:
    """Source records from a cell: a JSON list/object, else each ';'- or line-separated piece as a URL or a title."""
    text = (text or "").strip()
    if not text:
        return []
    if text[0] in "[{":
        return _from_json(field, text)
    pieces = [url for piece in _SPLIT.split(text) if piece for url in _urls(piece)]
    return [source_from_text(piece, published) for piece in pieces]


def _urls(piece: str) -> list[str]:
    """A piece holding several web addresses joined by commas or spaces as one piece per address, else itself."""
    urls = _BEFORE_URL.split(piece)
    return urls if len(urls) > 1 and all(URL.match(url) for url in urls) else [piece]


def source_from_text(piece: str, published: str = "") -> dict[str, str]:
    """{'url': …} for a web address, else {'title': …}; `published` is added when given."""
    record = {"url": piece} if URL.match(piece) else {"title": piece}
    return {**record, "published": published} if published else record


def _from_json(field: str, text: str) -> list[dict[str, Any]]:
    from incidents.importers.limits import load_json

    try:
        value = load_json(text)
    except ImportFormatError as exc:  # from the caps: this cell's problem, not the file's
        raise ValidationError(field, text, f"starts like JSON but is not ({exc}); write JSON, or plain URLs or "
                                           "titles separated by ';'") from None
    items = value if isinstance(value, list) else [value]
    return [source_from_text(item) if isinstance(item, str) else _renamed(item) for item in items]


def _renamed(item: Any) -> Any:
    """A source object as other tools name its parts (Bellingcat's TimeMap: `path`, `description`) in our names;
    an object with our `url` or `title` is as written."""
    if not isinstance(item, dict) or item.get("url") or item.get("title"):
        return item
    texts = {key: value.strip() for key, value in item.items() if isinstance(value, str) and value.strip()}
    url = next((texts[key] for key in ("path", "link", "href") if URL.match(texts.get(key, ""))), "")
    title = next((texts[key] for key in ("description", "name", "label") if key in texts), "")
    return {**item, **({"url": url} if url else {}), **({"title": title} if title else {})}
