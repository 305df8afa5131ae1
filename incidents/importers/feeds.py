"""Watching RSS/Atom feeds and folders: polite polling (conditional GET, at most one request per feed per minute,
backoff after failures), new items extracted and stored as drafts for review; a failure is reported, never fatal."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urljoin

from incidents.errors import ExtractionError, ImportFormatError
from incidents.importers.articles import (
    Article,
    article_files,
    as_drafts,
    extract_article,
    file_articles,
)
from incidents.importers.liveblog import day_of, moment
from incidents.importers.textclean import fragment_text

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


MAX_SEEN = 200_000  # keys kept per target in the state file
SHORT_POST = 1000  # characters: a feed item this short is a post, its incidents of that day take its time


def feed_articles(body: bytes, base: str = "") -> list[tuple[str, Article]]:
    """(item key, article) for every item of an RSS/Atom document (feedparser): the item's HTML content or summary
    as text, its link (relative links resolved against `base`), title and date (published, else updated, else the
    feed's own date, else today) as the source; guid, else link, else the text's digest is the key."""
    import feedparser

    parsed = feedparser.parse(body, response_headers={"content-location": base} if base else None)
    if parsed.bozo and not parsed.entries:
        raise ImportFormatError(f"not an RSS/Atom feed ({parsed.get('bozo_exception', 'unreadable')})")
    feed_day = _entry_day(parsed.get("feed", {})) or date.today().isoformat()
    out = []
    for entry in parsed.entries:
        out.append(_entry_article(entry, base, feed_day))
    return out


def _entry_article(entry: Any, base: str, feed_day: str) -> tuple[str, Article]:
    html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary", "")
    text = fragment_text(html).strip()
    title = fragment_text(entry.get("title", "")).strip()
    link = urljoin(base, entry.get("link", "")) if base else entry.get("link", "")
    source = {"title": title, "url": link, "published": _entry_day(entry) or feed_day}
    if title and not _repeats(title, text):
        text = f"{title}\n\n{text}" if text else title
    posted = ""
    if len(text) <= SHORT_POST or "//t.me/" in link:
        stamp = moment_of(entry)
        posted = stamp.isoformat(timespec="minutes") if stamp else ""
    article = Article(text, {k: v for k, v in source.items() if v}, posted)
    return entry.get("id") or link or article.digest, article


def _repeats(title: str, text: str) -> bool:
    """Whether the title is the text's own start (Telegram bridges and short posts: the title is the first words)."""
    head = " ".join(title.rstrip(".…").split())
    return not head or " ".join(text.split()).startswith(head)


def _entry_day(entry: Any) -> str:
    """The local day an entry (or feed) states, as written with its offset; else from the parsed UTC date."""
    for name in ("published", "updated", "created"):
        if entry.get(name):
            day = day_of(str(entry[name]))
            if day:
                return day
        if entry.get(f"{name}_parsed"):
            return time.strftime("%Y-%m-%d", entry[f"{name}_parsed"])
    return ""


def moment_of(entry: Any) -> datetime | None:
    """When an entry was published, offset-aware, when it says so."""
    from email.utils import parsedate_to_datetime

    for name in ("published", "updated"):
        raw = str(entry.get(name) or "")
        if not raw:
            continue
        stamp = moment(raw)
        if stamp is None:
            try:
                stamp = parsedate_to_datetime(raw)
            except (TypeError, ValueError, IndexError):
                stamp = None
        if stamp is not None and stamp.tzinfo is not None:
            return stamp
    return None


class Watcher:
    """Polls its targets when they are due and hands new items' draft incidents to `save`."""

    def __init__(self, targets: list[str], save: Callable[[list[Any]], Any], interval: float = MIN_INTERVAL_S,
                 clock: Callable[[], float] = time.monotonic, get: Callable[..., Fetched] = fetch,
                 state: str | Path | None = None) -> None:
        self.targets = [Target(where) for where in targets]
        self.save = save
        self.interval = max(interval, MIN_INTERVAL_S)
        self.clock = clock
        self.get = get
        self.state = Path(state) if state else None
        self._load_state()

    def _load_state(self) -> None:
        """What an earlier run saw (keys, validators), so a restarted watch extracts nothing it has seen; a state file
        that cannot be read is reported as an ImportFormatError, never ignored silently."""
        from geodata.files import output_problem

        if self.state is not None and output_problem(self.state):
            raise ImportFormatError(str(output_problem(self.state)))
        if self.state is None or not self.state.exists():
            return
        import json

        try:
            known = json.loads(self.state.read_text(encoding="utf-8"))
            for target in self.targets:
                mine = known.get(target.where) or {}
                target.seen = set(mine.get("seen") or [])
                target.etag, target.modified = str(mine.get("etag") or ""), str(mine.get("modified") or "")
        except (OSError, ValueError, AttributeError, TypeError) as exc:
            raise ImportFormatError(f"the watch state {self.state} cannot be read ({type(exc).__name__}); "
                                    "delete it to start afresh") from None

    def _save_state(self) -> None:
        if self.state is None:
            return
        import json

        from geodata.files import write_output

        known = {t.where: {"seen": sorted(t.seen)[-MAX_SEEN:], "etag": t.etag, "modified": t.modified}
                 for t in self.targets}
        write_output(self.state, json.dumps(known, ensure_ascii=False))

    def poll(self) -> list[dict[str, Any]]:
        """One round: each due target polled once; a line of outcome per target polled."""
        now = self.clock()
        results = []
        for target in self.targets:
            if now < target.next_at:
                continue
            results.append(self.poll_target(target, now))
        if results:
            self._save_state()
        return results

    def poll_target(self, target: Target, now: float) -> dict[str, Any]:
        try:
            items, problems, stamps = self._feed_items(target) if target.is_feed else self._folder_items(target)
            new, keys = [], set()
            for item_keys, article in items:
                if target.seen.intersection(item_keys) or keys.intersection(item_keys):
                    continue  # seen before: by guid/link/message address or by the same text
                keys.update(item_keys)
                new.append(article)
            found, failed = self._extract(new)
            saved = self.save(found) if found else None
            target.seen.update(keys | stamps)
            target.failures = 0
            target.next_at = now + self.interval
            return {"target": target.where, "new_items": len(new), "incidents": len(found),
                    "saved": saved.to_dict() if hasattr(saved, "to_dict") else saved, "problems": problems + failed}
        except Exception as exc:  # noqa: BLE001 - a failing feed is reported and retried, never the end of the watch
            target.failures += 1
            delay = min(self.interval * 2 ** target.failures, MAX_BACKOFF_S)
            target.next_at = now + delay
            return {"target": target.where, "error": f"{type(exc).__name__}: {exc}"[:300], "retry_in_s": delay}

    def _feed_items(self, target: Target) -> tuple[list[tuple[set[str], Article]], list[dict[str, str]], set[str]]:
        answer = self.get(target.where, target.etag, target.modified)
        if answer.status == 304:
            return [], [], set()
        target.etag, target.modified = answer.etag, answer.modified
        head = answer.body[:4096].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")) and b"tgme_" in answer.body:
            from incidents.importers.telegram import web_preview_articles

            posts = web_preview_articles(answer.body.decode("utf-8", errors="replace"))
            return [({a.source.get("url", ""), a.digest} - {""}, a) for a in posts], [], set()
        return [({key, article.digest}, article) for key, article in feed_articles(answer.body, target.where)], [], set()

    def _folder_items(self, target: Target) -> tuple[list[tuple[set[str], Article]], list[dict[str, str]], set[str]]:
        """The articles of the folder's new or changed files (a Telegram export: one per message, keyed by its
        address, so a later export repeating old messages gives only the new ones)."""
        items, problems, stamps = [], [], set()
        for path in article_files(target.where):
            info = path.stat()
            stamp = f"file:{path}:{info.st_mtime_ns}:{info.st_size}"
            if stamp in target.seen:
                continue
            stamps.add(stamp)
            try:
                articles = file_articles(path)
            except (ExtractionError, ImportFormatError) as exc:
                problems.append({"item": path.name, "message": str(exc)})
                continue
            for article in articles:
                keys = {article.digest} | ({article.source["url"]} if article.source.get("url") and article.posted
                                           else set())
                items.append((keys, article))
        return items, problems, stamps

    def _extract(self, articles: list[Article]) -> tuple[list[Any], list[dict[str, str]]]:
        from incidents.extraction import merge_incidents

        found, problems = [], []
        for article in articles:
            try:
                found += extract_article(article)
            except (ExtractionError, ImportFormatError) as exc:
                where = article.source.get("url") or article.source.get("title") or article.digest
                problems.append({"item": where[:200], "message": str(exc)})
        return as_drafts(merge_incidents(found)), problems


def check_targets(targets: list[str], allow_network: bool) -> None:
    """ImportFormatError for a target that is neither a folder nor (with the network allowed) a feed URL."""
    for where in targets:
        if where.startswith(("http://", "https://")):
            if not allow_network:
                raise ImportFormatError(f"watching {where} uses the network; add --allow-network to opt in")
        elif not Path(where).is_dir():
            raise ImportFormatError(f"{where} is neither a folder nor an http(s) feed URL")
