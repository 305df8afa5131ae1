"""Watching RSS/Atom feeds and folders: polite polling (conditional GET, at most one request per feed per minute,
backoff after failures), new items extracted and stored as drafts for review; a failure is reported, never fatal."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from incidents.errors import ExtractionError, ImportFormatError
from incidents.importers.articles import Article, article_files, as_drafts, extract_article, file_article, page_article

MIN_INTERVAL_S = 60.0
MAX_BACKOFF_S = 3600.0
TIMEOUT_S = 20.0
MAX_FEED_BYTES = 20 * 2**20
USER_AGENT = "incident-map watch (+https://github.com/incident-map)"


@dataclass
class Target:
    """One feed URL or folder being watched, with what politeness and de-duplication need to remember."""

    where: str
    etag: str = ""
    modified: str = ""
    next_at: float = 0.0
    failures: int = 0
    seen: set[str] = field(default_factory=set)

    @property
    def is_feed(self) -> bool:
        return self.where.startswith(("http://", "https://"))


@dataclass
class Fetched:
    """A feed response: HTTP status (304 = not modified), the body and the validators for the next request."""

    status: int
    body: bytes = b""
    etag: str = ""
    modified: str = ""


def fetch(url: str, etag: str = "", modified: str = "") -> Fetched:
    """GET with If-None-Match / If-Modified-Since; 304 comes back as a status, other HTTP errors raise."""
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, application/xml"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            body = response.read(MAX_FEED_BYTES + 1)
            if len(body) > MAX_FEED_BYTES:
                raise ImportFormatError(f"the feed is over {MAX_FEED_BYTES // 2**20} MB")
            return Fetched(response.status, body, response.headers.get("ETag", ""),
                           response.headers.get("Last-Modified", ""))
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(304, b"", etag, modified)
        raise


def feed_articles(body: bytes) -> list[tuple[str, Article]]:
    """(item key, article) for every item of an RSS/Atom document (feedparser); the item text is its content or
    summary, its link, title and date the source."""
    import feedparser

    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        raise ImportFormatError(f"not an RSS/Atom feed ({parsed.get('bozo_exception', 'unreadable')})")
    out = []
    for entry in parsed.entries:
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary", "")
        text = _text_of(html)
        title = entry.get("title", "")
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        source = {"title": title, "url": entry.get("link", ""),
                  "published": time.strftime("%Y-%m-%d", published) if published else ""}
        key = entry.get("id") or entry.get("link") or title
        body_text = f"{title}\n\n{text}" if title and not text.startswith(title) else text
        out.append((key, Article(body_text, {k: v for k, v in source.items() if v})))
    return out


def _text_of(html: str) -> str:
    if "<" not in html:
        return html
    try:
        return page_article(f"<html><body><article>{html}</article></body></html>").text
    except ExtractionError:
        import re

        return re.sub(r"<[^>]+>", " ", html)


class Watcher:
    """Polls its targets when they are due and hands new items' draft incidents to `save`."""

    def __init__(self, targets: list[str], save: Callable[[list[Any]], Any], interval: float = MIN_INTERVAL_S,
                 clock: Callable[[], float] = time.monotonic, get: Callable[..., Fetched] = fetch) -> None:
        self.targets = [Target(where) for where in targets]
        self.save = save
        self.interval = max(interval, MIN_INTERVAL_S)
        self.clock = clock
        self.get = get

    def poll(self) -> list[dict[str, Any]]:
        """One round: each due target polled once; a line of outcome per target polled."""
        now = self.clock()
        results = []
        for target in self.targets:
            if now < target.next_at:
                continue
            results.append(self.poll_target(target, now))
        return results

    def poll_target(self, target: Target, now: float) -> dict[str, Any]:
        try:
            items = self._feed_items(target) if target.is_feed else self._folder_items(target)
            new = [(key, article) for key, article in items if key not in target.seen]
            found, problems = self._extract(new)
            saved = self.save(found) if found else None
            target.seen.update(key for key, _ in new)
            target.failures = 0
            target.next_at = now + self.interval
            return {"target": target.where, "new_items": len(new), "incidents": len(found),
                    "saved": saved.to_dict() if hasattr(saved, "to_dict") else saved, "problems": problems}
        except Exception as exc:  # noqa: BLE001 - a failing feed is reported and retried, never the end of the watch
            target.failures += 1
            delay = min(self.interval * 2 ** target.failures, MAX_BACKOFF_S)
            target.next_at = now + delay
            return {"target": target.where, "error": f"{type(exc).__name__}: {exc}"[:300], "retry_in_s": delay}

    def _feed_items(self, target: Target) -> list[tuple[str, Article]]:
        answer = self.get(target.where, target.etag, target.modified)
        if answer.status == 304:
            return []
        target.etag, target.modified = answer.etag, answer.modified
        return feed_articles(answer.body)

    def _folder_items(self, target: Target) -> list[tuple[str, Path]]:
        out = []
        for path in article_files(target.where):
            key = f"{path.name}:{path.stat().st_mtime_ns}"
            if key not in target.seen:
                out.append((key, path))
        return out

    def _extract(self, items: list[tuple[str, Article | Path]]) -> tuple[list[Any], list[dict[str, str]]]:
        from incidents.extraction import merge_incidents

        found, problems = [], []
        for key, item in items:
            try:
                found += extract_article(item if isinstance(item, Article) else file_article(item))
            except (ExtractionError, ImportFormatError) as exc:
                problems.append({"item": key[:200], "message": str(exc)})
        return as_drafts(merge_incidents(found)), problems


def check_targets(targets: list[str], allow_network: bool) -> None:
    """ImportFormatError for a target that is neither a folder nor (with the network allowed) a feed URL."""
    for where in targets:
        if where.startswith(("http://", "https://")):
            if not allow_network:
                raise ImportFormatError(f"watching {where} uses the network; add --allow-network to opt in")
        elif not Path(where).is_dir():
            raise ImportFormatError(f"{where} is neither a folder nor an http(s) feed URL")
